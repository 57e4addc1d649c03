/**
 * The timeline: incidents per day, week or month (by the range shown), stacked by type. Dragging across it
 * selects a date range (snapped to whole bins); a click selects one bin. From the keyboard, the focused chart
 * holds a draft range of bins that the arrows move (Shift+arrows extend), Enter applies and Escape drops. Time runs
 * left to right in both languages, as on the axes of Arabic news graphics (ArrowRight is later in both).
 */

import { dayOfIso, isoOf } from '../days.js';
import type { Point } from './api-types.js';
import { type BinSize, binSizeFor, binStart, nextBin } from './dates.js';
import { h } from './dom.js';
import { num, t } from './i18n/index.js';
import { EVENT_TYPES, type EventTypeCode, TYPE_COLOR, toCode } from './taxonomy.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 120;
const PAD = { top: 10, bottom: 20, left: 8, right: 8 };

interface Bin {
  start: number;
  end: number;
  counts: Map<string, number>;
  total: number;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A range of bins drafted from the keyboard, first and last index, not yet applied. */
interface Draft {
  a: number;
  b: number;
}

const BRUSH_KEYS = 'ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight Home End Enter Escape';

export interface DateRange {
  from?: string;
  to?: string;
}

export class TimelineView {
  #chart: HTMLElement;
  #status: HTMLElement;
  #clear: HTMLButtonElement;
  #onRange: (from: string | null, to: string | null) => void;
  #bins: Bin[] = [];
  #size: BinSize = 'day';
  #range: DateRange = {};
  #draft: Draft | null = null;
  #keys: HTMLElement;
  #said: HTMLElement;

  constructor(el: HTMLElement, onRange: (from: string | null, to: string | null) => void) {
    this.#onRange = onRange;
    this.#status = h('span', { class: 'muted' });
    this.#clear = h('button', {
      type: 'button',
      class: 'small',
      id: 'timeline-clear',
      onclick: () => onRange(null, null),
    });
    this.#keys = h('p', { id: 'timeline-keys', class: 'visually-hidden' });
    this.#said = h('p', { id: 'timeline-draft', class: 'visually-hidden', role: 'status' });
    this.#chart = h('div', {
      class: 'timeline-chart',
      dir: 'ltr',
      tabindex: 0,
      role: 'group',
      'aria-labelledby': 'timeline-title',
      'aria-describedby': 'timeline-keys',
      'aria-keyshortcuts': BRUSH_KEYS,
      onkeydown: (e: Event) => this.#key(e as KeyboardEvent),
      onblur: () => this.#setDraft(null),
    });
    el.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', { id: 'timeline-title' }), this.#status, this.#clear),
      this.#chart,
      this.#keys,
      this.#said,
    );
    new ResizeObserver(() => this.#render()).observe(this.#chart);
  }

  /**
   * Bins the incidents: all of them, or, with a date range, those in it — the timeline zooms into the range
   * brushed (finer bins), and "clear the dates" zooms out again.
   */
  setData(points: Point[], range: DateRange): void {
    this.#range = range;
    this.#draft = null;
    const lo = range.from ? dayOfIso(range.from) : null;
    const hi = range.to ? dayOfIso(range.to) : null;
    const days: (number | null)[] = points.map((p) => {
      const d = dayOfIso(p.date);
      return d === null || (lo !== null && d < lo) || (hi !== null && d > hi) ? null : d;
    });
    const known = days.filter((d) => d !== null);
    this.#bins = [];
    if (known.length > 0) {
      let min = lo ?? known[0];
      let max = hi ?? known[0];
      for (const d of known) {
        if (lo === null && d < min) min = d;
        if (hi === null && d > max) max = d;
      }
      this.#size = binSizeFor(max - min + 1);
      const index = new Map<number, Bin>();
      for (let s = binStart(min, this.#size); s <= max; s = nextBin(s, this.#size)) {
        const bin = { start: s, end: nextBin(s, this.#size) - 1, counts: new Map(), total: 0 };
        index.set(s, bin);
        this.#bins.push(bin);
      }
      points.forEach((p, i) => {
        const day = days[i];
        if (day === null) return;
        const bin = index.get(binStart(day, this.#size));
        if (!bin) return;
        const type = toCode(p.type);
        bin.counts.set(type, (bin.counts.get(type) ?? 0) + 1);
        bin.total++;
      });
    }
    this.#render();
  }

  setRange(range: DateRange): void {
    this.#range = range;
    this.#render();
  }

  #render(): void {
    const per = { day: t('perDay'), week: t('perWeek'), month: t('perMonth') }[this.#size];
    document.getElementById('timeline-title')!.textContent = t('timelineTitle');
    this.#status.textContent = this.#bins.length ? `${per} · ${t('timelineHint')}` : '';
    this.#clear.textContent = t('timelineClear');
    this.#keys.textContent = t('timelineKeys');
    this.#clear.hidden = !this.#range.from && !this.#range.to;
    const width = this.#chart.clientWidth || 600;
    // a picture with a name that says what it shows: the incidents, how they are binned, from when to when
    const incidents = this.#bins.reduce((n, b) => n + b.total, 0);
    const span = this.#bins.length
      ? ` · ${isoOf(this.#bins[0].start)} – ${isoOf(this.#bins[this.#bins.length - 1].end)}`
      : '';
    const label = `${t('timelineTitle')} (${per}): ${num(incidents)} ${t('incidents')}${span}`;
    const root = svg('svg', { width, height: HEIGHT, class: 'timeline-svg', role: 'img', 'aria-label': label });
    root.dataset.bins = String(this.#bins.length);
    // the days the chart spans: the brushed range when it is zoomed into one
    if (this.#bins.length) {
      root.dataset.from = isoOf(this.#bins[0].start);
      root.dataset.to = isoOf(this.#bins[this.#bins.length - 1].end);
    }
    root.dataset.binSize = this.#size;
    this.#chart.replaceChildren(root);
    if (this.#bins.length === 0) return;
    const inner = width - PAD.left - PAD.right;
    const bw = inner / this.#bins.length;
    const top = Math.max(...this.#bins.map((b) => b.total));
    const scale = (HEIGHT - PAD.top - PAD.bottom) / top;
    const from = this.#range.from ? (dayOfIso(this.#range.from) ?? Number.NaN) : -Infinity;
    const to = this.#range.to ? (dayOfIso(this.#range.to) ?? Number.NaN) : Infinity;
    const selecting = Number.isFinite(from) || Number.isFinite(to);
    this.#bins.forEach((bin, i) => {
      let y = HEIGHT - PAD.bottom;
      const inside = bin.end >= from && bin.start <= to;
      const g = svg('g', { class: selecting && !inside ? 'bin out' : 'bin' });
      const others = [...bin.counts.keys()].filter((k) => !(EVENT_TYPES as readonly string[]).includes(k));
      for (const type of [...EVENT_TYPES, ...others]) {
        const n = bin.counts.get(type);
        if (!n) continue;
        const hgt = n * scale;
        y -= hgt;
        g.appendChild(
          svg('rect', {
            x: PAD.left + i * bw + 0.5,
            y,
            width: Math.max(1, bw - 1),
            height: hgt,
            fill: TYPE_COLOR[type as EventTypeCode] ?? '#777',
          }),
        );
      }
      const title = svg('title', {});
      title.textContent = `${isoOf(bin.start)}${bin.end > bin.start ? ` – ${isoOf(bin.end)}` : ''}: ${num(bin.total)}`;
      g.appendChild(title);
      root.appendChild(g);
    });
    this.#axis(root, bw, top);
    if (selecting) {
      const first = this.#bins.findIndex((b) => b.end >= from);
      const lastFrom = this.#bins.findLastIndex((b) => b.start <= to);
      if (first >= 0 && lastFrom >= first) {
        root.appendChild(
          svg('rect', {
            class: 'selection',
            x: PAD.left + first * bw,
            y: PAD.top - 6,
            width: (lastFrom - first + 1) * bw,
            height: HEIGHT - PAD.top - PAD.bottom + 6,
          }),
        );
      }
    }
    this.#brush(root, bw);
    if (this.#draft) {
      const { a, b } = this.#draft;
      root.appendChild(
        svg('rect', {
          class: 'draft',
          x: PAD.left + a * bw,
          y: PAD.top - 6,
          width: (b - a + 1) * bw,
          height: HEIGHT - PAD.top - PAD.bottom + 6,
        }),
      );
    }
  }

  /** The keyboard brush: arrows move the draft a bin, Shift+arrows move its end, Enter applies it, Escape drops it. */
  #key(e: KeyboardEvent): void {
    const n = this.#bins.length;
    if (n === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const d = this.#draft;
    let next: Draft | null | undefined;
    if (e.key === 'Enter' && d) {
      e.preventDefault();
      this.#draft = null;
      this.#onRange(isoOf(this.#bins[d.a].start), isoOf(this.#bins[d.b].end));
      return;
    }
    if (e.key === 'Escape' && d) next = null;
    else if (!d && ['ArrowLeft', 'ArrowRight', 'Home'].includes(e.key)) next = { a: 0, b: 0 };
    else if (!d && e.key === 'End') next = { a: n - 1, b: n - 1 };
    else if (d && e.key === 'ArrowRight')
      next = e.shiftKey ? { a: d.a, b: Math.min(n - 1, d.b + 1) } : d.b < n - 1 ? { a: d.a + 1, b: d.b + 1 } : d;
    else if (d && e.key === 'ArrowLeft')
      next = e.shiftKey ? { a: d.a, b: Math.max(d.a, d.b - 1) } : d.a > 0 ? { a: d.a - 1, b: d.b - 1 } : d;
    else if (d && e.key === 'Home') next = { a: 0, b: d.b - d.a };
    else if (d && e.key === 'End') next = { a: n - 1 - (d.b - d.a), b: n - 1 };
    if (next === undefined) return;
    // the keys are the chart's while it has them (Escape closes no incident behind it)
    e.preventDefault();
    e.stopPropagation();
    this.#setDraft(next);
  }

  #setDraft(draft: Draft | null): void {
    if (!draft && !this.#draft) return;
    this.#draft = draft;
    this.#render();
    const bins = draft ? this.#bins.slice(draft.a, draft.b + 1) : [];
    if (draft) {
      this.#chart.dataset.draftFrom = isoOf(bins[0].start);
      this.#chart.dataset.draftTo = isoOf(bins[bins.length - 1].end);
    } else {
      delete this.#chart.dataset.draftFrom;
      delete this.#chart.dataset.draftTo;
    }
    const count = bins.reduce((n, b) => n + b.total, 0);
    this.#said.textContent = draft
      ? `${this.#chart.dataset.draftFrom} – ${this.#chart.dataset.draftTo}: ${num(count)} ${t('incidents')} · ${t('timelineApply')}`
      : '';
  }

  #axis(root: SVGSVGElement, bw: number, top: number): void {
    const ticks = Math.min(this.#bins.length, Math.max(2, Math.floor((bw * this.#bins.length) / 110)));
    const step = Math.max(1, Math.round(this.#bins.length / ticks));
    for (let i = 0; i < this.#bins.length; i += step) {
      const label = svg('text', { x: PAD.left + i * bw, y: HEIGHT - 5, class: 'tick' });
      label.textContent = isoOf(this.#bins[i].start);
      root.appendChild(label);
    }
    const max = svg('text', { x: PAD.left + 2, y: PAD.top + 2, class: 'tick max' });
    max.textContent = `${num(top)}`;
    root.appendChild(max);
  }

  /** Drag to select whole bins; pointer capture keeps the drag alive outside the chart. */
  #brush(root: SVGSVGElement, bw: number): void {
    const bar = svg('rect', { class: 'brush', y: 0, height: HEIGHT - PAD.bottom, x: 0, width: 0 });
    root.appendChild(bar);
    const binAt = (clientX: number) => {
      const x = clientX - root.getBoundingClientRect().left - PAD.left;
      return Math.max(0, Math.min(this.#bins.length - 1, Math.floor(x / bw)));
    };
    let start: number | null = null;
    root.addEventListener('pointerdown', (e) => {
      start = binAt(e.clientX);
      root.setPointerCapture(e.pointerId);
    });
    root.addEventListener('pointermove', (e) => {
      if (start === null) return;
      const end = binAt(e.clientX);
      bar.setAttribute('x', String(PAD.left + Math.min(start, end) * bw));
      bar.setAttribute('width', String((Math.abs(end - start) + 1) * bw));
    });
    root.addEventListener('pointerup', (e) => {
      if (start === null) return;
      const end = binAt(e.clientX);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      this.#onRange(isoOf(this.#bins[a].start), isoOf(this.#bins[b].end));
    });
  }
}
