/** Figures (killed, injured) written one way everywhere: the number, or the one word for unknown. */
import { h, ltr } from './dom.js';
import { num, t } from './i18n/index.js';

/** The figure as text: its digits, or the word for unknown. */
export const figureText = (n: number | null | undefined): string =>
  n === null || n === undefined ? t('unknown') : num(n);

/** The figure as an element: digits left to right, or the word for unknown (marked, muted). */
export const figure = (n: number | null | undefined): HTMLElement =>
  n === null || n === undefined ? h('span', { class: 'unknown muted' }, t('unknown')) : ltr(num(n));
