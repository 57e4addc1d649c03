/** The page's fixed parts in the current language: brand, language toggle, analyst, map legend. */
import { analystName, askAnalystName } from './analyst.js';
import { byId, h } from './dom.js';
import { precisionBadge } from './geo-precision.js';
import { lang, t, term } from './i18n/index.js';
import { EVENT_TYPES, TYPE_COLOR } from './taxonomy.js';

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
  byId('legend').replaceChildren(
    h('strong', {}, t('mapLegend')),
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
}
