/** The page's fixed parts in the current language: brand, language toggle, analyst, map legend. */
import { analystName, askAnalystName } from './analyst.js';
import { byId, h } from './dom.js';
import { precisionBadge } from './geo-precision.js';
import { lang, t, term } from './i18n/index.js';
import { EVENT_TYPES, TYPE_COLOR } from './taxonomy.js';

const LEGEND_KEY = 'rasd.legend';

export function renderChrome(onLang: () => void, onQueue: () => void): void {
  document.title = `${t('appName')} · ${lang() === 'ar' ? 'Rasd' : 'رصد'}`;
  byId('brand').replaceChildren(h('strong', {}, t('appName')), h('span', { class: 'muted' }, t('appTagline')));
  const who = analystName();
  byId('tools').replaceChildren(
    h('button', { type: 'button', id: 'queue-toggle', class: 'small', onclick: onQueue }, t('queueButton')),
    h(
      'span',
      { class: 'analyst' },
      `${t('analyst')}: `,
      who ? h('bdi', { id: 'analyst-name' }, who) : h('span', { class: 'muted' }, t('analystNone')),
      ' ',
      h('button', { type: 'button', class: 'small', onclick: () => void askAnalystName(true) }, t('analystChange')),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'lang-toggle',
        lang: lang() === 'ar' ? 'en' : 'ar',
        title: t('langToggleTitle'),
        onclick: onLang,
      },
      t('langToggle'),
    ),
  );
  byId('map-title').textContent = t('mapTitle');
  byId('map-fit').textContent = t('mapFit');
  byId('map-area').textContent = t('mapSearchArea');
  // the legend folds away (it covers markers), and stays as the analyst left it
  const legend = h(
    'details',
    {
      id: 'legend-box',
      open: localStorage.getItem(LEGEND_KEY) !== 'closed',
      ontoggle: (e: Event) =>
        localStorage.setItem(LEGEND_KEY, (e.currentTarget as HTMLDetailsElement).open ? 'open' : 'closed'),
    },
    h('summary', {}, t('mapLegend')),
    h(
      'ul',
      {},
      EVENT_TYPES.map((c) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${TYPE_COLOR[c]}` }), term(c)),
      ),
    ),
    h('p', { class: 'muted' }, t('mapSizeNote')),
    h('strong', {}, t('legendPrecision')),
    h(
      'ul',
      { class: 'legend-precision' },
      ([1, 2, 3] as const).map((g) => h('li', {}, precisionBadge(g), term(`geo.${g}`))),
    ),
  );
  byId('legend').replaceChildren(legend);
}
