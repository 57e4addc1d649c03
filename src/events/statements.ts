/**
 * Statements: reported speech with its speaker. "أعلن المتحدث باسم الخارجية الإيرانية ناصر كنعاني أن …",
 * "وقال كنعاني: "…"", "وقال المسؤول لصحافيين: "…"" (the official named earlier), "ورأى باقري أن …".
 */
import type { Analysis } from '../analysis.js';
import type { PersonEntry, RoleEntry } from '../recognize/lexicons.js';
import { nationalities } from '../recognize/lexicons.js';
import type { Mention } from '../recognize/mention.js';
import { type EntityMention, findEntities } from '../recognize/ner/index.js';
import { transliterate } from '../recognize/transliterate.js';
import type { Span } from '../text/span.js';
import type { Statement } from '../types.js';
import type { Speaker } from './speakers.js';

const SPEECH =
  /^و?(قال|قالت|اعلن|اعلنت|اكد|اكدت|اضاف|اضافت|اوضح|اوضحت|راي|رات|اعتبر|اعتبرت|شدد|شددت|صرح|صرحت|اشار|اشارت|تابع|تابعت)$/;
const THAT = /^(ان|انه|انها|انهم|بان|إن|انما)$/;
const QUOTE_OPEN = new Set(['"', '«', '“']);
const QUOTE_CLOSE: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
/** words that end a name read after a role ("… ناصر كنعاني الإثنين أن") */
const NAME_STOP =
  /^(ان|انه|ان|في|الى|على|من|عن|خلال|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|اليوم|امس|قد|كان|قال|مساء|صباح|لصحافيين|لوكاله|ل|بان|الذي|التي)$/;

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
    if (THAT.test(t.norm) && k + 1 < to) {
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

export function findStatements(a: Analysis, speakers: (Speaker | null)[]): Statement[] {
  const { doc } = a;
  const toks = doc.tokens;
  const out: Statement[] = [];
  const known: Who[] = [];
  let last: Who | null = null;
  const byPerson = (p: Mention<PersonEntry>, roles: Mention<RoleEntry>[]): Who => ({
    name: p.value.name,
    name_ar: p.span.text,
    role: p.value.role ?? roleText(roles),
  });
  const tagged = new Map<number, EntityMention[]>();
  const entitiesOf = (sent: number): EntityMention[] => {
    let es = tagged.get(sent);
    if (!es) {
      es = findEntities(doc, (i) => i === sent);
      tagged.set(sent, es);
    }
    return es;
  };
  for (const s of doc.sentences) {
    if (a.embedded.has(s.i)) continue;
    for (let v = s.first; v < s.last; v++) {
      if (!SPEECH.test(toks[v].norm)) continue;
      const quote = quoteAfter(a, v + 1, s.last);
      if (!quote) continue;
      const roles = a.in[s.i].roles.filter((r) => Math.abs(r.first - v) <= 8 && r.last <= quote.start);
      let who: Who | null = null;
      const person =
        a.in[s.i].persons.find((p) => p.first > v && p.first <= v + 10 && p.span.end <= quote.start) ??
        a.in[s.i].persons.filter((p) => p.last <= v && p.last >= v - 4).pop();
      if (person) {
        const full = known.find((k) => k.name === person.value.name);
        who = full ?? byPerson(person, roles);
      }
      if (!who) {
        // a person the lexicon does not know, found by the NER model: "قال أنور قرقاش، وزير الدولة …"
        const lexical = [...a.in[s.i].sources, ...a.in[s.i].actors];
        const name = entitiesOf(s.i).find(
          (p) =>
            p.value.type === 'PERS' &&
            ((p.first > v && p.first <= v + 6) || (p.last <= v && p.last >= v - 3)) &&
            !lexical.some((m) => m.first < p.last && p.first < m.last),
        );
        if (name && name.span.end <= quote.start) {
          // a family name in nisba form the model left out: "وليد | الطبطبائي"
          let end = name.last;
          const next = toks[end];
          if (
            end - name.first === 1 &&
            next?.sent === s.i &&
            /^ال..+ي$/.test(next.norm) &&
            next.end <= quote.start &&
            !a.in[s.i].places.some((p) => p.mention.first === end) &&
            nationalities().at(toks, end).length === 0 &&
            !a.in[s.i].roles.some((r) => r.first <= end && end < r.last)
          )
            end++;
          const ar = doc.text.slice(toks[name.first].start, toks[end - 1].end);
          who = known.find((k) => k.name_ar === ar) ?? { name: transliterate(ar), name_ar: ar, role: roleText(roles) };
        }
      }
      if (!who) {
        // a role followed by a name the lexicon does not know: "اللواء محمد باقري"
        const role = roles.filter((r) => r.value.kind !== 'institution').pop();
        if (role) {
          let e = role.last;
          while (e < s.last && e < role.last + 3 && toks[e].kind === 'word' && !NAME_STOP.test(toks[e].norm)) {
            if (a.roles.some((r) => r.first === e)) break;
            e++;
          }
          if (e > role.last && toks[role.last].start < quote.start) {
            const ar = doc.text.slice(toks[role.last].start, toks[e - 1].end);
            who = { name: transliterate(ar), name_ar: ar, role: roleText(roles) };
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
      if (!who && toks[v + 1] && (toks[v + 1].kind === 'punct' || /^(في|خلال|ان|انه|لصحافيين)$/.test(toks[v + 1].norm)))
        who = last;
      if (!who) continue;
      const same = known.find((k) => k.name === who!.name);
      if (same) who = { ...who, role: who.role ?? same.role };
      else known.push(who);
      last = who;
      // when it was said, not a date inside the quotation
      const said = a.in[s.i].dates.find(
        (d) =>
          d.precision === 'day' &&
          d.kind !== 'since' &&
          d.kind !== 'interval' &&
          (d.span.end <= quote.start || d.span.start >= quote.end),
      );
      const date = said?.start ?? doc.published;
      out.push({ speaker: who.name, speaker_ar: who.name_ar, role: who.role, quote, date: date ?? null });
      while (v + 1 < s.last && toks[v + 1].start < quote.end) v++;
    }
  }
  return out;
}
