/**
 * Statements: reported speech with its speaker. "أعلن المتحدث باسم الخارجية الإيرانية ناصر كنعاني أن …",
 * "وقال كنعاني: "…"", "وقال المسؤول لصحافيين: "…"" (the official named earlier), "ورأى باقري أن …".
 */

import type { Analysis } from '../analysis.js';
import { ar } from '../lang/ar/index.js';
import { transliterate } from '../lang/ar/transliterate.js';
import type { PersonEntry, RoleEntry } from '../recognize/lexicons.js';
import { nationalities } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import type { Sentence } from '../text/sentences.js';
import type { Span } from '../text/span.js';
import { wordTest, wordTestBits } from '../text/words.js';
import type { Statement } from '../types.js';
import type { Speaker } from './speakers.js';

/** A speech verb, asked of every token: answered once per form. */
const SPEECH_VERB = wordTest((t) => ar.speechVerbs.test(t.norm));
const QUOTE_OPEN = new Set(['"', '«', '“']);
const QUOTE_CLOSE: Record<string, string> = { '"': '"', '«': '»', '“': '”' };

interface Who {
  name: string;
  name_ar: string;
  role: string | null;
}

function quoteAfter(a: Analysis, from: number, to: number): Span | null {
  const toks = a.doc.tokens;
  for (let k = from; k < Math.min(to, from + 14); k++) {
    const t = toks[k];
    if (t.kind === 'punct' && QUOTE_OPEN.has(t.norm)) {
      const close = QUOTE_CLOSE[t.norm];
      let e = k + 1;
      while (e < to && !(toks[e].kind === 'punct' && toks[e].norm === close)) e++;
      if (e === k + 1) return null;
      const start = toks[k + 1].start;
      const end = toks[e - 1].end;
      return { start, end, text: a.doc.text.slice(start, end) };
    }
    if (ar.thatParticles.test(t.norm) && k + 1 < to) {
      // "أن "…"": a quotation right after أن is the quote itself
      const q = toks[k + 1];
      if (q.kind === 'punct' && QUOTE_OPEN.has(q.norm)) {
        let e = to;
        while (e > k + 2 && toks[e - 1].kind === 'punct' && toks[e - 1].norm !== QUOTE_CLOSE[q.norm]) e--;
        if (e - 1 > k + 2 && toks[e - 1].norm === QUOTE_CLOSE[q.norm] && !hasQuoteInside(a, k + 2, e - 1, q.norm)) {
          const start = toks[k + 2].start;
          const end = toks[e - 2].end;
          return { start, end, text: a.doc.text.slice(start, end) };
        }
      }
      let e = to;
      while (e > k + 1 && toks[e - 1].kind === 'punct') e--;
      if (e <= k + 1) return null;
      const start = toks[k + 1].start;
      const end = toks[e - 1].end;
      return { start, end, text: a.doc.text.slice(start, end) };
    }
  }
  return null;
}

function hasQuoteInside(a: Analysis, from: number, to: number, open: string): boolean {
  for (let k = from; k < to; k++) {
    const t = a.doc.tokens[k];
    if (t.kind === 'punct' && (t.norm === open || t.norm === QUOTE_CLOSE[open])) return true;
  }
  return false;
}

function roleText(roles: Mention<RoleEntry>[]): string | null {
  const r = roles.filter((m) => m.value.kind !== 'title').map((m) => m.value.role);
  return r.length ? r.join(', ') : null;
}

/** What findStatements carries from one statement to the next. */
interface Said {
  out: Statement[];
  /** speakers named so far */
  known: Who[];
  last: Who | null;
}

export function findStatements(a: Analysis, speakers: (Speaker | null)[]): Statement[] {
  const { doc } = a;
  const toks = doc.tokens;
  const said: Said = { out: [], known: [], last: null };
  const tests = wordTestBits(toks);
  for (const s of doc.sentences) {
    if (a.embedded.has(s.i)) continue;
    // the statement's reading is a function of its own: closures over this loop's variable would cost an
    // allocation at every token
    for (let v = s.first; v < s.last; v++) if (tests[v] & SPEECH_VERB) v = statementAt(a, speakers, s, v, said);
  }
  return said.out;
}

const byPerson = (p: Mention<PersonEntry>, roles: Mention<RoleEntry>[]): Who => ({
  name: p.value.name,
  name_ar: p.span.text,
  role: p.value.role ?? roleText(roles),
});

/** The statement a speech verb at token v reports, if any; returns the last token it covers (v if none). */
function statementAt(a: Analysis, speakers: (Speaker | null)[], s: Sentence, v: number, said: Said): number {
  const { doc } = a;
  const toks = doc.tokens;
  const { known } = said;
  const quote = quoteAfter(a, v + 1, s.last);
  if (!quote) return v;
  const roles = a.in[s.i].roles.filter((r) => Math.abs(r.first - v) <= 8 && r.last <= quote.start);
  let who: Who | null = null;
  const person =
    a.in[s.i].persons.find((p) => p.first > v && p.first <= v + 10 && p.span.end <= quote.start) ??
    a.in[s.i].persons.filter((p) => p.last <= v && p.last >= v - 4).pop();
  if (person) {
    const full = known.find((k) => k.name === person.value.name);
    who = full ?? byPerson(person, roles);
  }
  if (!who) who = unknownPerson(a, s, v, quote, roles, said);
  if (!who) {
    // a role followed by a name the lexicon does not know: "اللواء محمد باقري"
    const role = roles.filter((r) => r.value.kind !== 'institution').pop();
    if (role) {
      let e = role.last;
      while (e < s.last && e < role.last + 3 && toks[e].kind === 'word' && !ar.nameStopWords.test(toks[e].norm)) {
        if (a.in[s.i].roles.some((r) => r.first === e)) break;
        e++;
      }
      if (e > role.last && toks[role.last].start < quote.start) {
        const written = doc.text.slice(toks[role.last].start, toks[e - 1].end);
        who = { name: transliterate(written), name_ar: written, role: roleText(roles) };
      }
    }
  }
  if (!who) {
    // a surname or a definite role referring back to someone named earlier ("وقال كنعاني", "وقال المسؤول")
    const nextTok = toks[v + 1];
    const back =
      nextTok &&
      known.find(
        (k) =>
          k.name_ar.endsWith(nextTok.norm) ||
          (k.role && nextTok.norm.startsWith('ال') && k.name_ar.includes(nextTok.norm.slice(2))),
      );
    if (back) who = back;
  }
  if (!who) {
    // the sentence's speaker: a cited source or agency, an institution, or someone named before
    const sp = speakers[s.i];
    const inst = roles.find((r) => r.value.kind === 'institution' && r.first > v && r.first <= v + 3);
    if (sp) {
      who = { name: sp.name, name_ar: sp.name_ar || sp.span.text, role: null };
    } else if (inst) who = { name: inst.value.role, name_ar: inst.span.text, role: null };
  }
  if (!who && toks[v + 1] && (toks[v + 1].kind === 'punct' || ar.subjectlessAfterSpeech.test(toks[v + 1].norm)))
    who = said.last;
  if (!who) return v;
  const same = known.find((k) => k.name === who!.name);
  if (same) who = { ...who, role: who.role ?? same.role };
  else known.push(who);
  said.last = who;
  // when it was said, not a date inside the quotation
  const date = a.in[s.i].dates.find(
    (d) =>
      d.precision === 'day' &&
      d.kind !== 'since' &&
      d.kind !== 'interval' &&
      (d.span.end <= quote.start || d.span.start >= quote.end),
  );
  said.out.push({
    speaker: who.name,
    speaker_ar: who.name_ar,
    role: who.role,
    quote,
    date: date?.start ?? doc.published ?? null,
  });
  let end = v;
  while (end + 1 < s.last && toks[end + 1].start < quote.end) end++;
  return end;
}

/** A person the lexicon does not know, found by the NER model: "قال أنور قرقاش، وزير الدولة …". */
function unknownPerson(a: Analysis, s: Sentence, v: number, quote: Span, roles: Mention<RoleEntry>[], said: Said) {
  const { doc } = a;
  const toks = doc.tokens;
  // a name sits a few words before or after the speech verb: only that window is tagged
  const entities = a.names.in(Math.max(s.first, v - 6), Math.min(s.last, v + 12));
  const lexical = [...a.in[s.i].sources, ...a.in[s.i].actors];
  const name = entities.find(
    (p) =>
      p.value.type === 'PERS' &&
      ((p.first > v && p.first <= v + 6) || (p.last <= v && p.last >= v - 3)) &&
      !lexical.some((m) => m.first < p.last && p.first < m.last),
  );
  if (!name || name.span.end > quote.start) return null;
  // a family name in nisba form the model left out: "وليد | الطبطبائي"
  let end = name.last;
  const next = toks[end];
  if (
    end - name.first === 1 &&
    next?.sent === s.i &&
    ar.nisbaName.test(next.norm) &&
    next.end <= quote.start &&
    !a.in[s.i].places.some((p) => p.mention.first === end) &&
    nationalities().at(toks, end).length === 0 &&
    !a.in[s.i].roles.some((r) => r.first <= end && end < r.last)
  )
    end++;
  const written = doc.text.slice(toks[name.first].start, toks[end - 1].end);
  return (
    said.known.find((k) => k.name_ar === written) ?? {
      name: transliterate(written),
      name_ar: written,
      role: roleText(roles),
    }
  );
}
