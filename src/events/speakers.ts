/**
 * Who is talking in a sentence: the subject of a reporting verb (قال، أفاد، أعلن), a "بحسب X" attribution, or,
 * when the verb has no subject ("وقالت في بيان"), whoever spoke last.
 */

import type { Analysis } from '../analysis.js';
import { ar } from '../lang/ar/index.js';
import { normalizeString } from '../lang/ar/normalize.js';
import type { Mention } from '../recognize/mention.js';
import type { Span } from '../text/span.js';

export interface Speaker {
  name: string;
  name_ar: string;
  kind: 'actor' | 'source' | 'person';
  /** the source's name when the speaker is a cited source */
  source: string | null;
  span: Span;
}

type Named = Mention<{ name: string; name_ar: string; kind?: string }>;

function nearestAfter(ms: Named[], t: number, within: number): Named | undefined {
  return ms.find((m) => m.first > t && m.first <= t + within);
}

function toSpeaker(a: Analysis, m: Named): Speaker {
  if (a.in[m.sent].sources.includes(m as never)) {
    // "قال مصدر لوكالة فارس": a generic source speaking to an agency is reported as that agency
    const agency =
      m.value.kind === 'generic'
        ? a.in[m.sent].sources.find((o) => o.first >= m.last && o.first <= m.last + 2 && o.value.kind !== 'generic')
        : undefined;
    const s = (agency ?? m).value;
    return { name: s.name, name_ar: s.name_ar, kind: 'source', source: s.name, span: (agency ?? m).span };
  }
  const kind = a.in[m.sent].persons.includes(m as never) ? 'person' : 'actor';
  return { name: m.value.name, name_ar: m.value.name_ar, kind, source: null, span: m.span };
}

/** Speaker per sentence, carried forward across sentences whose reporting verb has no subject. */
export function sentenceSpeakers(a: Analysis): (Speaker | null)[] {
  const { doc } = a;
  const out: (Speaker | null)[] = [];
  let last: Speaker | null = null;
  const history: Speaker[] = [];
  for (const s of doc.sentences) {
    const reports = a.in[s.i].cues.filter((c) => c.value === 'report');
    const claims = a.in[s.i].cues.filter((c) => c.value === 'claim');
    const who: Named[] = [...a.in[s.i].sources, ...a.in[s.i].persons, ...a.in[s.i].actors].sort(
      (x, y) => x.first - y.first,
    );
    let sp: Speaker | null = null;
    for (const r of [...reports, ...claims].sort((x, y) => x.first - y.first)) {
      const after = nearestAfter(who, r.last - 1, ar.attributionWords.has(doc.tokens[r.first].norm) ? 3 : 4);
      if (after) {
        sp = toSpeaker(a, after);
        break;
      }
      const before = who.filter((m) => m.last <= r.first && m.last >= r.first - 3).pop();
      if (before) {
        sp = toSpeaker(a, before);
        break;
      }
    }
    if (!sp && reports.length > 0 && last) sp = last;
    if (sp) sp = resolveBack(a, sp, history);
    if (sp) {
      last = sp;
      history.push(sp);
    }
    out.push(sp);
  }
  return out;
}

/** The token that starts at `start`, found by halving (tokens are in text order). */
function tokenStartingAt<T extends { start: number }>(tokens: readonly T[], start: number): T | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (t.start === start) return t;
    if (t.start < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** "وقال المسؤول": a definite generic speaker is the one named before with the same head word. */
/** how many speakers back "المصدر" may refer */
const BACK_REACH = 50;
const normalizedSpans = new WeakMap<Speaker, string>();
function normalizedText(sp: Speaker): string {
  let t = normalizedSpans.get(sp);
  if (t === undefined) {
    t = normalizeString(sp.span.text);
    normalizedSpans.set(sp, t);
  }
  return t;
}

function resolveBack(a: Analysis, sp: Speaker, history: Speaker[]): Speaker {
  if (sp.kind !== 'source') return sp;
  const first = tokenStartingAt(a.doc.tokens, sp.span.start);
  if (!first || !/^(ال|وال)/.test(first.norm)) return sp;
  const head = first.norm.replace(/^و?ال/, '');
  // the source it refers back to was named lately: a long text's whole history is not searched
  for (let k = history.length - 1; k >= Math.max(0, history.length - BACK_REACH); k--) {
    const h = history[k];
    if (h.name !== sp.name && normalizedText(h).includes(head)) return h;
  }
  return sp;
}
