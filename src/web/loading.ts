/**
 * The loading state: while any request of the views is out, a notice at the top of the page says so (a live
 * status, so a screen reader hears it once) and the page is marked data-loading.
 */
import { byId } from './dom.js';
import { t } from './i18n/index.js';

let pending = 0;

function show(): void {
  const el = byId('loading');
  el.textContent = t('loadingData');
  el.hidden = pending === 0;
  document.body.toggleAttribute('data-loading', pending > 0);
}

/** Counts the request as out until it settles (answered, failed or aborted). */
export function tracked<T>(request: Promise<T>): Promise<T> {
  pending++;
  show();
  return request.finally(() => {
    pending--;
    show();
  });
}
