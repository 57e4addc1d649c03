/** Figures (killed, injured) and unknown values written one way everywhere: the number, or the one word for unknown. */
import { h, ltr } from './dom.js';
import { num, t } from './i18n/index.js';

/** The figure as text: its digits, or the word for unknown. */
export const figureText = (n: number | null | undefined): string =>
  n === null || n === undefined ? t('unknown') : num(n);

/** The one way the app shows a value it does not know: the word, marked and muted. */
export const unknownMark = (tag: 'span' | 'strong' = 'span'): HTMLElement =>
  h(tag, { class: 'unknown muted' }, t('unknown'));

/** The figure as an element: digits left to right, or the word for unknown. */
export const figure = (n: number | null | undefined): HTMLElement =>
  n === null || n === undefined ? unknownMark() : ltr(num(n));
