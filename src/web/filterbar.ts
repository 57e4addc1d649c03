/** The filter bar: dates, country and first-level area, type and sub-type, actor, text. Typing waits a moment before it filters. */
import { isDay } from '../days.js';
import { api, EXPORT_FORMATS } from './api.js';
import type { IncidentChoices } from './api-types.js';
import { h } from './dom.js';
import { type MessageKey, t, term } from './i18n/index.js';
import { actorList, admin1List, admin1Text, countryList, countryText, pickAdmin1, pickCountry } from './pickers.js';
import { FILTER_KEYS, type FilterKey, type Filters } from './state.js';
import { EVENT_TYPES, type EventTypeCode, SUBTYPES } from './taxonomy.js';

const TYPING_DELAY_MS = 350;

export class FilterBar {
  #el: HTMLFormElement;
  #onChange: (f: Filters) => void;
  #filters: Filters = {};
  #timer = 0;
  #choices: IncidentChoices | null = null;

  constructor(el: HTMLFormElement, onChange: (f: Filters) => void) {
    this.#el = el;
    this.#onChange = onChange;
    el.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#emit();
    });
    el.addEventListener('change', (e) => {
      const target = e.target as HTMLElement;
      if (target.getAttribute('name') === 'type') (el.elements.namedItem('subtype') as HTMLSelectElement).value = '';
      this.#emit();
    });
    el.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type !== 'text' && input.type !== 'search') return;
      clearTimeout(this.#timer);
      // a date is taken once it is whole: "2019-0" is none yet
      if ((input.name === 'from' || input.name === 'to') && input.value.trim() && !isDay(input.value.trim())) return;
      // a country is taken once the text names one (a suggestion picked, or typed out): "سو" is no country yet
      if (input.name === 'country' && pickCountry(input.value, this.#choices) === null) return;
      // so is an area: one the store lacks is taken when the box is left (change) or the form sent
      if (input.name === 'admin1' && pickAdmin1(input.value, this.#choices, this.#filters.country) === null) return;
      this.#timer = window.setTimeout(() => this.#emit(), TYPING_DELAY_MS);
    });
  }

  /** The store's countries and actors, suggested by the country and actor boxes. */
  setChoices(choices: IncidentChoices): void {
    this.#choices = choices;
    this.render(this.#filters);
  }

  render(filters: Filters): void {
    this.#filters = filters;
    // re-rendering replaces the inputs: the one being typed in gets its focus and caret back
    const active = document.activeElement as HTMLInputElement | null;
    const focused = active && this.#el.contains(active) ? active.name : null;
    const caret = active && 'selectionStart' in active ? active.selectionStart : null;
    const text = (name: FilterKey, label: MessageKey, placeholder?: MessageKey, extra: Record<string, string> = {}) =>
      h(
        'label',
        {},
        h('span', {}, t(label)),
        h('input', {
          name,
          type: name === 'q' ? 'search' : 'text',
          value: filters[name] ?? '',
          placeholder: placeholder ? t(placeholder) : null,
          ...extra,
        }),
      );
    const date = (name: 'from' | 'to', label: MessageKey) =>
      h(
        'label',
        {},
        h('span', {}, t(label)),
        // text, not a date input: the app writes dates one way (YYYY-MM-DD), not as the browser's locale would
        h('input', {
          name,
          type: 'text',
          value: filters[name] ?? '',
          dir: 'ltr',
          inputmode: 'numeric',
          autocomplete: 'off',
          placeholder: t('datePlaceholder'),
          pattern: '\\d{4}-\\d{2}-\\d{2}',
          'aria-describedby': 'date-note',
        }),
      );
    const type = filters.type as EventTypeCode | undefined;
    const subtypes = type && SUBTYPES[type] ? SUBTYPES[type] : Object.values(SUBTYPES).flat();
    const select = (name: 'type' | 'subtype', label: MessageKey, codes: readonly string[]) =>
      h(
        'label',
        {},
        h('span', {}, t(label)),
        h(
          'select',
          { name },
          h('option', { value: '' }, t('any')),
          codes.map((c) => h('option', { value: c, selected: filters[name] === c }, term(c))),
        ),
      );
    const precision = h(
      'label',
      {},
      h('span', {}, t('precisionFilter')),
      h(
        'select',
        { name: 'precision' },
        (['', '2', '1'] as const).map((v) =>
          h(
            'option',
            { value: v, selected: (filters.precision ?? '') === v },
            t(v === '' ? 'precisionAny' : v === '2' ? 'precisionNoCoarse' : 'precisionExact'),
          ),
        ),
      ),
    );
    this.#el.replaceChildren(
      date('from', 'from'),
      date('to', 'to'),
      h('span', { id: 'date-note', class: 'field-note', role: 'status' }),
      h(
        'label',
        {},
        h('span', {}, t('country')),
        h('input', {
          name: 'country',
          type: 'text',
          value: countryText(filters.country),
          placeholder: t('countryPlaceholder'),
          list: 'country-choices',
          autocomplete: 'off',
          'aria-describedby': 'country-note',
        }),
        h('span', { id: 'country-note', class: 'field-note', role: 'status' }),
        countryList('country-choices', this.#choices),
      ),
      text('admin1', 'admin1', 'admin1Placeholder', {
        list: 'admin1-choices',
        autocomplete: 'off',
        value: admin1Text(filters.admin1, this.#choices, filters.country),
      }),
      admin1List('admin1-choices', this.#choices, filters.country),
      select('type', 'type', EVENT_TYPES),
      select('subtype', 'subtype', subtypes),
      text('actor', 'actor', 'actorPlaceholder', { list: 'actor-choices', autocomplete: 'off' }),
      actorList('actor-choices', this.#choices),
      text('q', 'search', 'searchPlaceholder'),
      precision,
      ...(filters.bbox
        ? [
            h(
              'button',
              {
                type: 'button',
                class: 'small area-chip',
                id: 'area-clear',
                title: t('mapAreaClear'),
                onclick: () => {
                  const { bbox: _b, ...rest } = this.#filters;
                  this.#onChange(rest);
                },
              },
              t('mapAreaFilter'),
              h('span', { 'aria-hidden': 'true' }, ' ✕'),
            ),
          ]
        : []),
      h(
        'div',
        { class: 'filter-actions' },
        h('button', { type: 'button', class: 'small', onclick: () => this.#onChange({}) }, t('clearFilters')),
        h(
          'span',
          { class: 'exports', role: 'group', 'aria-label': t('exportTitle') },
          EXPORT_FORMATS.map((f) =>
            h(
              'a',
              { class: 'button small', href: api.exportUrl(filters, f), download: '', 'data-format': f },
              t(f === 'acled-csv' ? 'export' : f === 'geojson' ? 'exportGeoJson' : 'exportJsonl'),
            ),
          ),
        ),
      ),
    );
    if (!focused) return;
    const el = this.#el.elements.namedItem(focused) as HTMLInputElement | null;
    el?.focus();
    if (el && caret !== null && (el.type === 'text' || el.type === 'search')) el.setSelectionRange(caret, caret);
  }

  #emit(): void {
    clearTimeout(this.#timer);
    const data = new FormData(this.#el);
    const next: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next[k] = v;
    }
    // the map's area is no box of the form: it stays until its own button clears it
    if (this.#filters.bbox) next.bbox = this.#filters.bbox;
    const note = this.#el.querySelector('#date-note');
    note?.replaceChildren();
    for (const k of ['from', 'to'] as const) {
      const box = this.#el.elements.namedItem(k) as HTMLInputElement;
      box.removeAttribute('aria-invalid');
      if (!next[k] || isDay(next[k])) continue;
      // not a day: said here, and the filter keeps the date it had
      box.setAttribute('aria-invalid', 'true');
      note?.replaceChildren(t('dateInvalid'));
      if (this.#filters[k]) next[k] = this.#filters[k];
      else delete next[k];
    }
    const country = pickCountry(next.country ?? '', this.#choices);
    const box = this.#el.elements.namedItem('country') as HTMLInputElement;
    const countryNote = this.#el.querySelector('#country-note');
    box.removeAttribute('aria-invalid');
    countryNote?.replaceChildren();
    if (country === null) {
      // a name no country of the store has: said here, in the UI's language, and the filter stays as it was
      box.setAttribute('aria-invalid', 'true');
      countryNote?.append(t('countryUnknown'));
      if (this.#filters.country) next.country = this.#filters.country;
      else delete next.country;
    } else if (country) next.country = country;
    // an area by the store's name, whichever of its names was typed (the box shows it in the UI's language)
    if (next.admin1)
      next.admin1 =
        pickAdmin1(next.admin1, this.#choices, next.country) ?? pickAdmin1(next.admin1, this.#choices) ?? next.admin1;
    // another country picked: an area of the store that is not in it is dropped, not left to find nothing
    const areas = (this.#choices?.admin1 ?? []).filter((a) => a.name === next.admin1);
    if (
      next.country &&
      next.country !== this.#filters.country &&
      areas.length &&
      !areas.some((a) => a.country === next.country)
    )
      delete next.admin1;
    if (FILTER_KEYS.every((k) => (next[k] ?? '') === (this.#filters[k] ?? ''))) return;
    this.#onChange(next);
  }
}
