/**
 * Killed and injured counts in a sentence: "مقتل 5 أشخاص", "3 قتلى", "إصابة مدنيين اثنين", "مقتل مقيم مصري" (1),
 * "12 عنصرا من الميليشيا قتلوا", "لقي مصرعه مع سائقه" (2), "مقتل القيادي فلان" (1). A figure said of killed and
 * injured together ("30 قتيلا وجريحا", "قتلوا أو أصيبوا") gives neither; a running total ("منذ بدء الاحتجاجات") is
 * a statistic, not one event's toll, and is left out unless `tallies` asks for it.
 */

import type { Analysis } from '../analysis.js';
import { dataPath, readTsv, splitList } from '../data.js';
import { ar } from '../lang/ar/index.js';
import type { PhraseMatch } from '../text/phrases.js';
import { PhraseIndex } from '../text/phrases.js';
import type { Span } from '../text/span.js';

type Kind = 'killed' | 'injured' | 'person' | 'tally' | 'link';
/**
 * after: a noun after the number ("5 قتلى"); before: a masdar before the victims ("مقتل 5"); verb: a past verb,
 * before the victims ("قتل 5 أشخاص") or after them ("5 أشخاص قتلوا"); victim: a person noun;
 * kin: a relative or companion ("سائقه"), counted only after "مع"; since: a running total's "منذ"; with: "مع سائقه"
 * adds a companion.
 */
type Role = 'after' | 'before' | 'verb' | 'victim' | 'kin' | 'since' | 'with';
interface Entry {
  kind: Kind;
  role: Role;
}

let index: PhraseIndex<Entry> | null = null;
function casualtyWords(): PhraseIndex<Entry> {
  if (!index) {
    index = new PhraseIndex<Entry>();
    for (const r of readTsv(dataPath('lexicons', 'casualties.tsv'))) {
      for (const f of splitList(r.forms)) index.add(f, { kind: r.kind as Kind, role: r.role as Role });
    }
  }
  return index;
}

export interface Count {
  value: number;
  span: Span;
}

type Word = PhraseMatch<Entry>;
const isCasualty = (w: Word) => w.value.kind === 'killed' || w.value.kind === 'injured';
const leads = (w: Word) => w.value.role === 'before' || w.value.role === 'verb';
/** the counted nouns of measures: time, distance, repetitions */
const MEASURES = /^(ساع|يوم|ايام|دقيق|اسبوع|اسابيع|شهر|اشهر|سن|عام|اعوام|كيلو|كلم|متر|مره|مرات|%)/;
/** time-of-day words after "منذ": "منذ صباح اليوم" is this event's day, not a running total */
const SINCE_TODAY = /^(صباح|فجر|مساء|ليل|الليله|ليله|ساعات|ساعه|الصباح|الفجر|ظهر|الظهر|بعد|امس|مطلع)$/;

/** `tallies`: keep running totals ("قتل 132 منذ بدء الاحتجاجات"), as statistics do. */
export function findFatalities(a: Analysis, s: number, tallies = false): { killed: Count[]; injured: Count[] } {
  const { doc } = a;
  const toks = doc.tokens;
  const sent = doc.sentences[s];
  const all = casualtyWords().scan(toks, sent.first, sent.last);
  const words = all.filter(isCasualty);
  const persons = all.filter((w) => w.value.kind === 'person');
  const killed: Count[] = [];
  const injured: Count[] = [];
  const taken = new Set<number>();
  const used = new Set<Word>();
  const numbers = a.in[s].numbers;
  const push = (kind: 'killed' | 'injured', value: number, from: number, to: number) => {
    // "مقتل شخصين إلى جانب السائق", "لقي مصرعه مع سائقه": a companion named after the victims is one more
    value += companions(to);
    const span = { start: toks[from].start, end: toks[to - 1].end, text: '' };
    span.text = doc.text.slice(span.start, span.end);
    (kind === 'killed' ? killed : injured).push({ value, span });
  };
  const companions = (to: number): number => {
    let t = to;
    while (t < sent.last && /^(علي|الاقل|اقل)$/.test(toks[t].norm)) t++;
    const link = all.find((w) => w.value.role === 'with' && w.first === t);
    if (!link) return 0;
    const v = persons.find((p) => p.first === link.last && (p.value.role === 'victim' || p.value.role === 'kin'));
    if (!v || numbers.some((n) => n.first >= link.last && n.first <= link.last + 1)) return 0;
    const tok = toks[v.first].norm;
    const bare = tok.replace(/^(ال|لل|و)/, '');
    if (ar.pluralVictimNouns.test(bare) || /(هم|هن|يهم)$/.test(tok)) return 0;
    return /(ين|ان|يه|يها)$/.test(bare.replace(/(ه|ها)$/, '')) && !/ه$/.test(bare) ? 2 : 1;
  };

  // "قتيلا وجريحا", "قتلوا أو أصيبوا", "مقتل وإصابة": one figure for both, which gives neither
  const combined = new Set<Word>();
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i];
    const x = words[i + 1];
    if (w.value.kind === x.value.kind) continue;
    const gap = x.first - w.last;
    const joined = gap === 0 || (gap === 1 && /^(او|و)$/.test(toks[w.last].norm));
    // "19 قتلوا وأصيب 57": each verb has its own figure
    const ownFigure = numbers.some((n) => n.first >= x.last && n.first <= x.last + 1);
    if (joined && w.value.role === x.value.role && !ownFigure) {
      combined.add(w);
      combined.add(x);
    }
  }

  // "منذ بدء الاحتجاجات": a running total over many events
  const runningTotal = (from: number, to: number) =>
    all.some(
      (w) =>
        w.value.role === 'since' &&
        w.first >= from &&
        w.first < to &&
        !SINCE_TODAY.test((toks[w.last]?.norm ?? '').replace(/^(ال)/, '')),
    );

  /** the figures read so far, to carry their kind to a figure joined to them by "و" */
  const bound: { kind: 'killed' | 'injured'; last: number }[] = [];
  for (const n of numbers) {
    if (n.vague || n.ordinal || !(n.value > 0)) continue;
    // "بينهم طفلان": a part of a figure already counted
    if (ar.subsetWords.test(toks[n.first - 1]?.norm ?? '')) continue;
    // "خلال 48 ساعة", "على بعد 5 كيلومترات": a measure, not people
    if (n.unit && MEASURES.test(n.unit)) continue;
    const between = (from: number, to: number) =>
      !numbers.some((o) => o !== n && o.first >= from && o.first < to) &&
      !toks.slice(from, to).some((t) => ar.subsetWords.test(t.norm)) &&
      !words.some((o) => o.value.role === 'before' && o.first >= from && o.first < to);
    // "5 قتلى", "5 أشخاص قتلوا" — a casualty noun a few words after the number
    // ("لقي 12 شخصا على الأقل مصرعهم": the victims and a qualifier may come between)
    const noun = words.find(
      (w) => w.first >= n.last && w.first <= n.last + 4 && w.value.role === 'after' && between(n.last, w.first),
    );
    // "12 عنصرا من ميليشيات الحوثي قتلوا": people counted, then what happened to them, in the same clause
    const counted = persons.some((p) => p.first === n.last && p.value.role === 'victim') || n.dual === true;
    const clause = clauseOf(doc, Math.max(sent.first, n.last - 1));
    const reach = counted ? Math.min(n.last + 8, clause) : n.last + 4;
    // ("وأصيب" opens a clause of its own, with its own subject)
    const verb = words.find(
      (w) =>
        w.first >= n.last &&
        w.first <= reach &&
        w.value.role === 'verb' &&
        !/^[وف]/.test(toks[w.first].norm) &&
        between(n.last, w.first),
    );
    // "قتل ما لا يقل عن 43 شخصا": a qualifier before the number sits between it and the casualty word
    let lead = n.first;
    const q = n.qualifierSpan;
    if (q && q.start < n.span.start) while (lead > sent.first && toks[lead - 1].start >= q.start) lead--;
    const before = words.filter((w) => w.last <= lead && w.last >= lead - 2 && leads(w)).pop();
    const w = noun ?? before ?? verb;
    if (!w && !taken.has(n.first)) {
      // "مقتل 4 جنود و3 مدنيين", "أصيب 4 من الدرك و2 من الأمن": a figure joined to the one before it counts the same
      const prev = bound.findLast((b) => b.last <= n.first && n.first - b.last <= 5);
      const joined = toks[n.first - 1]?.norm === 'و' || doc.text[n.span.start - 1] === 'و';
      const gap = prev ? toks.slice(prev.last, n.first) : [];
      if (
        prev &&
        joined &&
        !gap.some((t) => t.kind === 'punct') &&
        !words.some((o) => o.first >= prev.last && o.first < n.first)
      ) {
        taken.add(n.first);
        bound.push({ kind: prev.kind, last: n.last });
        push(prev.kind, n.value, n.first, n.last);
      }
      continue;
    }
    if (!w || taken.has(n.first)) continue;
    taken.add(n.first);
    used.add(w);
    if (combined.has(w)) continue;
    if (!tallies && runningTotal(Math.min(w.first, lead), clause)) continue;
    const end = Math.max(w.last, n.last);
    // the victims counted after the number: "مقتل 5 أشخاص" ends at the noun
    const victimEnd = persons.find((p) => p.first === end && p.value.role === 'victim')?.last ?? end;
    push(w.value.kind as 'killed' | 'injured', n.value, Math.min(w.first, lead), victimEnd);
    bound.push({ kind: w.value.kind as 'killed' | 'injured', last: Math.max(victimEnd, n.last) });
  }
  // "مقتل مقيم مصري" (one victim), "إصابة جنديين" (two): a victim after a casualty verb, no number (where the
  // sentence gives a figure of that kind, a victim named beside it is one of those counted)
  const counted = { killed: killed.length > 0, injured: injured.length > 0 };
  for (const w of words) {
    if (!leads(w) || used.has(w) || combined.has(w)) continue;
    if (counted[w.value.kind as 'killed' | 'injured']) continue;
    if (numbers.some((n) => n.first >= w.last && n.first <= w.last + 1)) continue;
    // "مقتل أحد قادتها", "إصابة إحدى المجندات": one of them
    const one = toks[w.last];
    const of = toks[w.last + 1];
    if (
      one &&
      of &&
      of.sent === toks[w.first].sent &&
      ONE_OF.test(one.norm) &&
      !FALL.test(toks[w.first].norm) &&
      (persons.some((p) => p.first === w.last + 1) || POSSESSED.test(of.norm))
    ) {
      used.add(w);
      push(w.value.kind as 'killed' | 'injured', 1, w.first, w.last + 1);
      continue;
    }
    const v = persons.find((x) => x.first === w.last && x.value.role === 'victim');
    if (!v) continue;
    const tok = toks[v.first].norm;
    const plural = ar.pluralVictimNouns.test(tok.replace(/^(ال|لل|و)/, ''));
    if (plural) continue;
    used.add(w);
    push(w.value.kind as 'killed' | 'injured', ar.dualEnding.test(tok) ? 2 : 1, w.first, v.last);
  }
  // "لقي مصرعه", "أشارت إلى مصرعه": one person's death; "مصرعهما": two
  for (const w of words) {
    const tok = toks[w.last - 1].norm;
    // "فقد لقي مصرعه بغارة": the verb phrase ends in the noun with its pronoun
    const own = w.value.role === 'after' || (w.value.role === 'verb' && /(مصرع|حتف)/.test(tok));
    if (!own || used.has(w) || combined.has(w)) continue;
    if (counted[w.value.kind as 'killed' | 'injured']) continue;
    const n = /هما$/.test(tok) ? 2 : /[^ه]ه$/.test(tok) && /(مصرعه|حتفه)$/.test(tok) ? 1 : 0;
    if (n === 0) continue;
    if (numbers.some((x) => x.last <= w.first && x.last >= w.first - 4)) continue;
    push(w.value.kind as 'killed' | 'injured', n, w.first, w.last);
  }
  return { killed, injured };
}

/** أحد، إحدى (normalised): one of the nouns after it */
const ONE_OF = /^(احد|احدي)$/;
/** "سقوط إحدى الشظايا": a fall, not a death, before "one of" */
const FALL = /سقوط$/;
/** "أحد قادتها", "أحد جنوده": the people of the one named before */
const POSSESSED = /(ه|ها|هم)$/;

/** The end (exclusive) of the clause after token `t`, within its sentence. */
function clauseOf(doc: Analysis['doc'], t: number): number {
  const s = doc.sentences[doc.tokens[t].sent];
  let to = t + 1;
  while (to < s.last && !(doc.tokens[to].kind === 'punct' && ar.clausePunctuation.has(doc.tokens[to].norm))) to++;
  return to;
}
