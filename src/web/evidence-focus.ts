/**
 * Bringing evidence words into view: every article scrolls its own box to its first lit words, then the first
 * of all is scrolled into view through every scroll area around it (the incident view, the page), and the words
 * flash once so the eye finds them.
 */

/** The nearest ancestor of `el` that scrolls vertically, up to (not including) `stop`. */
function scrollBox(el: Element, stop: Element): HTMLElement | null {
  for (let p = el.parentElement; p && p !== stop; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if ((y === 'auto' || y === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** Scrolls `box` (only it) so that `el` sits a third of the way down its visible part. */
function scrollWithin(box: HTMLElement, el: HTMLElement): void {
  const at = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTop = Math.max(0, at - box.clientHeight / 3);
}

/** Restarts the flash animation on each element (a class taken off, a reflow, put back). */
function flash(els: HTMLElement[]): void {
  for (const el of els) el.classList.remove('flash');
  if (els.length) void els[0].offsetWidth;
  for (const el of els) el.classList.add('flash');
}

/**
 * Shows these lit marks: the first in each box of `within` (the articles) scrolled to, the first of all brought
 * into the viewport, all flashed.
 */
export function focusEvidence(lit: HTMLElement[], within: HTMLElement): void {
  const seen = new Set<HTMLElement>();
  for (const el of lit) {
    const box = scrollBox(el, within);
    if (!box || seen.has(box)) continue;
    seen.add(box);
    scrollWithin(box, el);
  }
  // the boxes are in place: now the areas around them (the incident view, the page) bring the first one in
  lit[0]?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  flash(lit);
}
