/** Killed and injured counts in a sentence: "مقتل 5 أشخاص", "3 قتلى", "إصابة مدنيين اثنين", "مقتل مقيم مصري" (1). */

import type { Analysis } from '../analysis.js';
import { dataPath, readTsv, splitList } from '../data.js';
import { ar } from '../lang/ar/index.js';
import { PhraseIndex } from '../text/phrases.js';
import type { Span } from '../text/span.js';

type Kind = 'killed' | 'injured' | 'person';
interface Entry {
  kind: Kind;
  role: 'after' | 'before' | 'victim';
}

let index: PhraseIndex<Entry> | null = null;
function casualtyWords(): PhraseIndex<Entry> {
  if (!index) {
    index = new PhraseIndex<Entry>();
    for (const r of readTsv(dataPath('lexicons', 'casualties.tsv'))) {
      for (const f of splitList(r.forms)) index.add(f, { kind: r.kind as Kind, role: r.role as Entry['role'] });
    }
  }
  return index;
}

export interface Count {
  value: number;
  span: Span;
}

export function findFatalities(a: Analysis, s: number): { killed: Count[]; injured: Count[] } {
  const { doc } = a;
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  const words = casualtyWords().scan(toks, sent.first, sent.last);
  const killed: Count[] = [];
  const injured: Count[] = [];
  const taken = new Set<number>();
  const push = (kind: 'killed' | 'injured', value: number, from: number, to: number) => {
    const span = { start: toks[from].start, end: toks[to - 1].end, text: '' };
    span.text = doc.text.slice(span.start, span.end);
    (kind === 'killed' ? killed : injured).push({ value, span });
  };
  for (const n of a.in[s].numbers) {
    if (n.vague || n.ordinal || !(n.value > 0)) continue;
    // "بينهم طفلان": a part of a figure already counted
    if (ar.subsetWords.test(toks[n.first - 1]?.norm ?? '')) continue;
    // "5 قتلى", "5 أشخاص قتلوا" — a casualty noun a few words after the number
    // ("لقي 12 شخصا على الأقل مصرعهم": the victims and a qualifier may come between)
    const after = words.find(
      (w) =>
        w.first >= n.last &&
        w.first <= n.last + 4 &&
        w.value.role === 'after' &&
        !a.in[s].numbers.some((o) => o !== n && o.first >= n.last && o.first < w.first) &&
        !words.some((o) => o.value.role === 'before' && o.first >= n.last && o.first < w.first),
    );
    // "قتل ما لا يقل عن 43 شخصا": a qualifier before the number sits between it and the casualty word
    let lead = n.first;
    const q = n.qualifierSpan;
    if (q && q.start < n.span.start) while (lead > sent.first && toks[lead - 1].start >= q.start) lead--;
    const before = words.filter((w) => w.last <= lead && w.last >= lead - 2 && w.value.role === 'before').pop();
    const w = after ?? before;
    if (!w || taken.has(n.first)) continue;
    taken.add(n.first);
    push(w.value.kind as 'killed' | 'injured', n.value, Math.min(w.first, lead), Math.max(w.last, n.last));
  }
  // "مقتل مقيم مصري" (one victim), "إصابة جنديين" (two): a victim noun right after a casualty verb, no number
  for (const w of words) {
    if (w.value.role !== 'before') continue;
    if (a.in[s].numbers.some((n) => n.first >= w.last && n.first <= w.last + 1)) continue;
    const v = words.find((x) => x.first === w.last && x.value.kind === 'person');
    if (!v) continue;
    const tok = toks[v.first].norm;
    const plural = ar.pluralVictimNouns.test(tok.replace(/^(ال|لل|و)/, ''));
    if (plural) continue;
    push(w.value.kind as 'killed' | 'injured', ar.dualEnding.test(tok) ? 2 : 1, w.first, v.last);
  }
  return { killed, injured };
}
