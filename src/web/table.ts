/**
 * The incidents table: one line a row (what does not fit is cut, whole in the cell's title), every column sortable
 * by the server (place and perpetrators by their Arabic names in the Arabic UI), paginated by the server.
 */
import type { SortKey } from '../store/answers.js';
import type { Incident, IncidentSort, Page } from './api-types.js';
import { bdi, h, ltr } from './dom.js';
import { figure, unknownMark } from './figures.js';
import { precisionBadge } from './geo-precision.js';
import { countryName, lang, type MessageKey, num, t, term } from './i18n/index.js';
import { typeColor } from './taxonomy.js';

export const PAGE_SIZE = 50;

interface Column {
  label: MessageKey;
  sort: SortKey;
  /** the key in the Arabic UI, where it sorts by the Arabic names the column shows */
  sortAr?: SortKey;
  numeric?: boolean;
  /** the head's visible word where the label would not fit the column (the label stays its title and its name) */
  short?: MessageKey;
  cell: (i: Incident) => Node | string;
}

function actors(list: Incident['perpetrators']): Node {
  const names = list.map((a) => (lang() === 'ar' && a.name_ar ? a.name_ar : a.name));
  return h(
    'span',
    {},
    names.flatMap((n, i) => (i ? [t('listSeparator'), bdi(n)] : [bdi(n)])),
  );
}

const COLUMNS: Column[] = [
  { label: 'colDate', sort: 'date', cell: (i) => ltr(i.date.start) },
  {
    label: 'colType',
    sort: 'type',
    cell: (i) =>
      h(
        'span',
        { class: 'type-cell' },
        h('span', { class: 'swatch', style: `background:${typeColor(i.type)}` }),
        term(i.subtype || i.type),
      ),
  },
  {
    label: 'colPlace',
    sort: 'place',
    sortAr: 'place_ar',
    cell: (i) =>
      i.location ? bdi(lang() === 'ar' ? i.location.name_ar || i.location.name : i.location.name) : unknownMark(),
  },
  { label: 'colCountry', sort: 'country', cell: (i) => countryName(i.location?.country) },
  {
    label: 'colPrecision',
    short: 'colPrecisionShort',
    sort: 'precision',
    cell: (i) => (i.location ? precisionBadge(i.location.precision) : ''),
  },
  {
    label: 'colPerpetrators',
    short: 'colPerpetratorsShort',
    sort: 'actor',
    sortAr: 'actor_ar',
    cell: (i) => actors(i.perpetrators),
  },
  { label: 'colKilled', sort: 'killed', numeric: true, cell: (i) => figure(i.fatalities.killed) },
  { label: 'colInjured', sort: 'injured', numeric: true, cell: (i) => figure(i.fatalities.injured) },
  {
    label: 'colMembers',
    short: 'colMembersShort',
    sort: 'members',
    numeric: true,
    cell: (i) => ltr(num(i.members.length)),
  },
  {
    label: 'colFlags',
    short: 'colFlagsShort',
    sort: 'flags',
    cell: (i) =>
      i.disagreements.length
        ? h('span', { class: 'flag', title: i.disagreements.map((d) => term(`disagree.${d.field}`)).join(', ') }, '⚠')
        : '',
  },
];

export interface TableHandlers {
  open(id: string): void;
  sort(sort: IncidentSort): void;
  page(page: number): void;
}

export class TableView {
  #el: HTMLElement;
  #on: TableHandlers;

  constructor(el: HTMLElement, on: TableHandlers) {
    this.#el = el;
    this.#on = on;
  }

  loading(): void {
    this.#el.setAttribute('aria-busy', 'true');
  }

  render(page: Page<Incident>, sort: IncidentSort): void {
    this.#el.removeAttribute('aria-busy');
    const key = sort.replace(/^-/, '');
    const descending = sort.startsWith('-');
    const head = h(
      'tr',
      {},
      COLUMNS.map((c) => {
        const by = (lang() === 'ar' && c.sortAr) || c.sort;
        const active = key === c.sort || key === c.sortAr;
        const next = (active && descending ? by : `-${by}`) as IncidentSort;
        return h(
          'th',
          {
            class: c.numeric ? 'num' : '',
            'data-col': c.sort,
            'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none',
          },
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-sort': by,
              title: c.short ? t(c.label) : null,
              onclick: () => this.#on.sort(next),
            },
            c.short
              ? [h('span', { 'aria-hidden': 'true' }, t(c.short)), h('span', { class: 'visually-hidden' }, t(c.label))]
              : t(c.label),
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (descending ? '▼' : '▲') : '↕'),
          ),
        );
      }),
    );
    const rows = page.items.map((i) =>
      h(
        'tr',
        {
          tabindex: 0,
          'data-incident': i.id,
          onclick: () => this.#on.open(i.id),
          onkeydown: (e: Event) => {
            if ((e as KeyboardEvent).key === 'Enter') this.#on.open(i.id);
          },
        },
        COLUMNS.map((c) => {
          const td = h('td', { class: c.numeric ? 'num' : '' }, c.cell(i));
          // one line a row: a cut cell is read whole in its title
          td.title = td.textContent ?? '';
          return td;
        }),
      ),
    );
    const body =
      rows.length > 0
        ? h('tbody', {}, rows)
        : h('tbody', {}, h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty' }, t('noIncidents'))));
    const pageNo = Math.floor(page.offset / PAGE_SIZE) + 1;
    // past a count the server capped there are more pages than the total says: one more while pages are full
    const more = page.totalExact === false && page.items.length === PAGE_SIZE;
    const last = Math.max(1, Math.ceil(page.total / PAGE_SIZE), more ? pageNo + 1 : 1);
    const total = page.totalExact === false ? `${num(page.total)}+` : num(page.total);
    const first = page.total === 0 ? 0 : page.offset + 1;
    this.#el.replaceChildren(
      h(
        'div',
        { class: 'panel-head' },
        h('h2', {}, t('tableTitle')),
        h('span', { class: 'muted', id: 'table-total', 'data-total': page.total }, ltr(total), ' ', t('incidents')),
      ),
      h('div', { class: 'table-scroll' }, h('table', { class: 'incidents' }, h('thead', {}, head), body)),
      h(
        'nav',
        { class: 'pager' },
        h('button', { type: 'button', disabled: pageNo <= 1, onclick: () => this.#on.page(pageNo - 1) }, t('previous')),
        h('span', {}, ltr(`${num(first)}–${num(page.offset + page.items.length)}`), ` ${t('pageOf')} `, ltr(total)),
        h('button', { type: 'button', disabled: pageNo >= last, onclick: () => this.#on.page(pageNo + 1) }, t('next')),
      ),
    );
  }

  error(message: string, retry: () => void): void {
    this.#el.removeAttribute('aria-busy');
    this.#el.replaceChildren(
      h(
        'p',
        { class: 'error', role: 'alert' },
        `${t('errorPrefix')} ${message} `,
        h('button', { type: 'button', onclick: retry }, t('retry')),
      ),
    );
  }
}
