/**
 * Who is talking in a sentence: the subject of a reporting verb (قال، أفاد، أعلن), a "بحسب X" attribution, or,
 * when the verb has no subject ("وقالت في بيان"), whoever spoke last.
 */
import type { Analysis } from '../analysis.js';
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

const ATTRIBUTION = new Set(['بحسب', 'حسب', 'وفقا', 'وفق', 'نقلا', 'نقلت']);

function nearestAfter<T>(ms: Mention<T>[], t: number, within: number): Mention<T> | undefined {
  return ms.find((m) => m.first > t && m.first <= t + within);
}

function toSpeaker(a: Analysis, m: Mention<unknown>): Speaker {
  if (a.sources.includes(m as never)) {
    const s = (m as Mention<{ name: string; name_ar: string }>).value;
    return { name: s.name, name_ar: s.name_ar, kind: 'source', source: s.name, span: m.span };
  }
  if (a.persons.includes(m as never)) {
    const p = (m as Mention<{ name: string; name_ar: string }>).value;
    return { name: p.name, name_ar: p.name_ar, kind: 'person', source: null, span: m.span };
  }
  const v = (m as Mention<{ name: string; name_ar: string }>).value;
  return { name: v.name, name_ar: v.name_ar, kind: 'actor', source: null, span: m.span };
}

/** Speaker per sentence, carried forward across sentences whose reporting verb has no subject. */
export function sentenceSpeakers(a: Analysis): (Speaker | null)[] {
  const { doc } = a;
  const out: (Speaker | null)[] = [];
  let last: Speaker | null = null;
  for (const s of doc.sentences) {
    const reports = a.cues.filter((c) => c.sent === s.i && c.value === 'report');
    const claims = a.cues.filter((c) => c.sent === s.i && c.value === 'claim');
    const who = [
      ...a.sources.filter((m) => m.sent === s.i),
      ...a.persons.filter((m) => m.sent === s.i),
      ...a.actors.filter((m) => m.sent === s.i),
    ].sort((x, y) => x.first - y.first);
    let sp: Speaker | null = null;
    for (const r of [...reports, ...claims].sort((x, y) => x.first - y.first)) {
      const after = nearestAfter(who, r.last - 1, ATTRIBUTION.has(doc.tokens[r.first].norm) ? 3 : 4);
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
    if (sp) last = sp;
    out.push(sp);
  }
  return out;
}
