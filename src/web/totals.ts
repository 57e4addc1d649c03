/**
 * The summary band: what the current filter adds up to (incidents, killed, injured) and its largest types,
 * countries and perpetrators as small bars, from GET /api/incidents/totals. It follows the filters, the brush
 * (the dates) included.
 */
import type { IncidentTotals, TotalsRow } from './api-types.js';
import { bdi, h, ltr } from './dom.js';
import { unknownMark } from './figures.js';
import { countryName, lang, type MessageKey, num, t, term } from './i18n/index.js';
import { toCode, typeColor } from './taxonomy.js';

/** Rows shown of each breakdown (the API gives up to ten; the rest are in the row's title). */
const SHOWN = 3;

function figure(key: string, value: number, label: MessageKey, known?: { of: number; n: number }): HTMLElement {
  const partial = known && known.n < known.of;
  return h(
    'div',
    {
      class: 'total-figure',
      'data-total': key,
      'data-value': value,
      title: partial ? `${num(known.n)} ${t('totalsKnownOf')} ${num(known.of)}` : null,
    },
    known && known.n === 0
      ? unknownMark('strong')
      : h('strong', {}, ltr(num(value)), partial ? h('span', { class: 'muted' }, '+') : null),
    h('span', { class: 'muted' }, t(label)),
  );
}

function breakdown(
  key: string,
  label: MessageKey,
  rows: TotalsRow[],
  name: (r: TotalsRow) => Node | string,
  colour?: (r: TotalsRow) => string,
): HTMLElement {
  const most = Math.max(1, ...rows.map((r) => r.incidents));
  return h(
    'div',
    { class: 'total-breakdown', 'data-breakdown': key },
    h('span', { class: 'muted' }, t(label)),
    rows.length === 0
      ? h('span', { class: 'muted' }, t('none'))
      : h(
          'ol',
          {
            title: rows.map((r) => `${typeof name(r) === 'string' ? name(r) : r.key}: ${num(r.incidents)}`).join('\n'),
          },
          rows.slice(0, SHOWN).map((r) =>
            h(
              'li',
              { 'data-key': r.key, 'data-incidents': r.incidents, 'data-killed': r.killed },
              h('span', { class: 'total-name' }, name(r)),
              h('span', {
                class: 'total-bar',
                'aria-hidden': 'true',
                style: `inline-size:${Math.max(4, Math.round((40 * r.incidents) / most))}px${colour ? `;background:${colour(r)}` : ''}`,
              }),
              ltr(num(r.incidents)),
            ),
          ),
        ),
  );
}

export class TotalsView {
  #el: HTMLElement;
  #last: IncidentTotals | null = null;

  constructor(el: HTMLElement) {
    this.#el = el;
  }

  loading(): void {
    this.#el.setAttribute('aria-busy', 'true');
  }

  render(totals: IncidentTotals | null = this.#last): void {
    this.#last = totals;
    this.#el.removeAttribute('aria-busy');
    if (!totals) return;
    this.#el.replaceChildren(
      h('h2', { class: 'visually-hidden' }, t('totalsTitle')),
      figure('incidents', totals.incidents, 'incidents'),
      figure('killed', totals.killed, 'fieldKilled', { of: totals.incidents, n: totals.killedKnown }),
      figure('injured', totals.injured, 'fieldInjured', { of: totals.incidents, n: totals.injuredKnown }),
      breakdown(
        'type',
        'totalsByType',
        totals.byType,
        (r) => term(toCode(r.key)),
        (r) => typeColor(r.key),
      ),
      breakdown('country', 'totalsByCountry', totals.byCountry, (r) => countryName(r.key)),
      breakdown('actor', 'totalsByActor', totals.byActor, (r) => bdi(lang() === 'ar' && r.nameAr ? r.nameAr : r.key)),
    );
  }

  error(message: string): void {
    this.#el.removeAttribute('aria-busy');
    this.#el.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')} ${message}`));
  }
}
