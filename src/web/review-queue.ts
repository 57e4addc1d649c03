/**
 * The review queue ("to check"): the unreviewed events of the current filter that a plausibility check flags
 * (GET /api/review-queue), walked one at a time by keyboard — c confirm, e correct, r reject, n or ↓ next, p or ↑
 * previous, Enter the incident, Escape back — each reviewed through the member review panel (src/web/review.ts).
 */
import { ApiError, api } from './api.js';
import type { ReviewQueueItem } from './api-types.js';
import { bdi, h, ltr, replace } from './dom.js';
import { figure } from './figures.js';
import { countryName, lang, num, t, term } from './i18n/index.js';
import { reviewPanel } from './review.js';
import type { Filters } from './state.js';

export interface QueueHandlers {
  close(): void;
  open(incidentId: string): void;
  /** a review was saved: the other views reload */
  changed(): void;
}

/** Keys typed into a form control are the control's. */
const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName));

export class ReviewQueueView {
  #el: HTMLElement;
  #on: QueueHandlers;
  #items: ReviewQueueItem[] = [];
  #total = 0;
  #index = 0;
  #request = 0;

  constructor(el: HTMLElement, on: QueueHandlers) {
    this.#el = el;
    this.#on = on;
    el.addEventListener('keydown', (e) => this.#key(e));
  }

  get isOpen(): boolean {
    return !this.#el.hidden;
  }

  /**
   * Asks for the queue of these filters and shows its first item; with `keep` (back from an incident, where the
   * analyst may have reviewed it) the item shown stays, or its place in the queue when it has left it.
   */
  async open(filters: Filters, keep = false): Promise<void> {
    const ask = ++this.#request;
    const was = keep ? this.#items[this.#index]?.key : undefined;
    const wasIndex = this.#index;
    this.#el.hidden = false;
    this.#el.setAttribute('aria-busy', 'true');
    if (!keep) replace(this.#el, h('p', { class: 'muted' }, t('loading')));
    try {
      const queue = await api.reviewQueue(filters);
      if (ask !== this.#request) return;
      this.#items = queue.items;
      this.#total = queue.total;
      const at = was ? this.#items.findIndex((i) => i.key === was) : -1;
      this.#index = at >= 0 ? at : keep ? Math.min(wasIndex, Math.max(this.#items.length - 1, 0)) : 0;
      this.#render(true);
    } catch (e) {
      if (ask !== this.#request) return;
      replace(this.#el, h('p', { class: 'error' }, `${t('errorPrefix')} ${e instanceof ApiError ? e.message : e}`));
    } finally {
      if (ask === this.#request) this.#el.removeAttribute('aria-busy');
    }
  }

  close(): void {
    this.#request++;
    this.#el.hidden = true;
    this.#el.replaceChildren();
  }

  rerender(): void {
    if (this.isOpen && !this.#el.hasAttribute('aria-busy')) this.#render(false);
  }

  #go(step: number): void {
    if (this.#items.length === 0) return;
    this.#index = Math.min(Math.max(this.#index + step, 0), this.#items.length - 1);
    this.#render(true);
  }

  #key(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      this.#on.close();
      return;
    }
    if (typing(e.target)) return;
    const item = this.#items[this.#index];
    const click = (action: string) => this.#el.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
    // letters by their place on the keyboard (e.code), so that they work with an Arabic layout on too
    const keys: Record<string, () => void> = {
      KeyN: () => this.#go(1),
      ArrowDown: () => this.#go(1),
      KeyP: () => this.#go(-1),
      ArrowUp: () => this.#go(-1),
      KeyC: () => click('confirm'),
      KeyR: () => click('reject'),
      KeyE: () => {
        click('correct');
        this.#el.querySelector<HTMLSelectElement>('.correct-form select[name="field"]')?.focus();
      },
      Enter: () => {
        if (item?.incidentId) this.#on.open(item.incidentId);
      },
    };
    const run = keys[e.code] ?? keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  }

  /** A review was saved: the item leaves the queue and the next one is shown. */
  #reviewed(key: string): void {
    this.#items = this.#items.filter((i) => i.key !== key);
    this.#total = Math.max(this.#total - 1, 0);
    this.#index = Math.min(this.#index, Math.max(this.#items.length - 1, 0));
    this.#render(true);
    this.#on.changed();
  }

  #render(focus: boolean): void {
    const item = this.#items[this.#index];
    const head = h(
      'div',
      { class: 'queue-head' },
      h(
        'button',
        { type: 'button', class: 'small back', 'data-queue': 'close', onclick: () => this.#on.close() },
        t('queueBack'),
      ),
      h('h2', { id: 'queue-title' }, t('queueTitle')),
      h(
        'span',
        { class: 'muted', id: 'queue-count', 'data-total': this.#total },
        item ? [ltr(num(this.#index + 1)), ` ${t('pageOf')} `, ltr(num(this.#items.length))] : null,
      ),
      h('p', { class: 'muted queue-keys' }, t('queueKeys')),
    );
    if (!item) {
      replace(this.#el, head, h('p', { class: 'queue-empty', role: 'status' }, t('queueEmpty')));
      if (focus) this.#el.querySelector<HTMLElement>('[data-queue="close"]')?.focus();
      return;
    }
    const e = item.event;
    const place = e.location ? (lang() === 'ar' ? e.location.name_ar || e.location.name : e.location.name) : '';
    const card = h(
      'article',
      { class: 'queue-item', 'data-key': item.key, tabindex: -1, 'aria-labelledby': 'queue-item-title' },
      h(
        'h3',
        { id: 'queue-item-title' },
        term(e.subtype),
        ' · ',
        bdi(place || t('unknown')),
        e.location?.country ? [' · ', countryName(e.location.country)] : null,
        ' · ',
        ltr(e.date.start),
      ),
      h('p', {}, t('fieldKilled'), ': ', figure(e.fatalities.killed)),
      h(
        'ul',
        { class: 'queue-checks', 'aria-label': t('queueWhy') },
        item.checks.map((c) => h('li', { 'data-check': c }, term(`check.${c}`))),
      ),
      h(
        'blockquote',
        { class: 'queue-evidence' },
        e.evidence.map((s) => h('p', {}, s.text)),
      ),
      h(
        'p',
        { class: 'muted' },
        bdi(item.document.title || item.document.source || item.document.id),
        item.document.published ? [' · ', ltr(item.document.published.slice(0, 10))] : null,
      ),
      h(
        'div',
        { class: 'queue-nav' },
        h(
          'button',
          { type: 'button', class: 'small', 'data-queue': 'previous', onclick: () => this.#go(-1) },
          t('previous'),
        ),
        h('button', { type: 'button', class: 'small', 'data-queue': 'next', onclick: () => this.#go(1) }, t('next')),
        item.incidentId
          ? h(
              'button',
              { type: 'button', class: 'small', 'data-queue': 'open', onclick: () => this.#on.open(item.incidentId!) },
              t('queueOpen'),
            )
          : null,
      ),
      reviewPanel(item, () => this.#reviewed(item.key)),
    );
    replace(this.#el, head, card);
    if (focus) card.focus();
  }
}
