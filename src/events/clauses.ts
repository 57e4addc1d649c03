/** Clause boundaries inside a sentence: punctuation and the particles that open a new clause. */
import { ar } from '../lang/ar/index.js';
import type { Doc } from '../text/doc.js';
import type { Token } from '../text/tokenize.js';

export function isBoundary(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t];
  if (tok.kind === 'punct') return ar.clausePunctuation.has(tok.norm);
  return ar.clauseOpeners.has(tok.norm);
}

/** Token range [from, to) of the clause holding token `t`, within its sentence. */
export function clauseOf(doc: Doc, t: number): { from: number; to: number } {
  const s = doc.sentences[doc.tokens[t].sent];
  let from = t;
  while (from > s.first && !isBoundary(doc, from - 1)) from--;
  let to = t + 1;
  while (to < s.last && !isBoundary(doc, to)) to++;
  return { from, to };
}

/** By document (its tokens), the answers of inMotiveClause so far: 0 not asked yet, 1 no, 2 yes. */
const motiveOf = new WeakMap<Token[], Uint8Array>();

/** Is token `t` inside a motive clause ("ردا على جرائم الاحتلال ضد المدنيين في غزة")? */
export function inMotiveClause(doc: Doc, t: number): boolean {
  // asked of the same tokens by every event and role option, and each answer scans back to the sentence start
  let known = motiveOf.get(doc.tokens);
  if (known === undefined) {
    known = new Uint8Array(doc.tokens.length);
    motiveOf.set(doc.tokens, known);
  }
  if (known[t] === 0) known[t] = scanMotive(doc, t) ? 2 : 1;
  return known[t] === 2;
}

function scanMotive(doc: Doc, t: number): boolean {
  const s = doc.sentences[doc.tokens[t].sent];
  for (let k = t; k >= s.first; k--) {
    if (ar.motiveWords.test(doc.tokens[k].norm)) return true;
    if (k < t && doc.tokens[k].kind === 'punct' && k !== t - 1 && isBoundary(doc, k) && doc.tokens[k].norm !== '"')
      return false;
  }
  return false;
}

/** how far before an act its relative pronoun may stand ("الذي قتل", "التي استهدفها الطيران أمس") */
const RELATIVE_REACH = 4;

/**
 * The token range [from, to) of the relative clause that token `t` stands in ("… الصماد، الذي قتل في غارة سعودية
 * على محافظة الحديدة في 19 نيسان"), or null: a relative pronoun at most a few words before it, in its clause.
 */
export function relativeClauseOf(doc: Doc, t: number): { from: number; to: number } | null {
  const clause = clauseOf(doc, t);
  for (let k = t - 1; k >= Math.max(clause.from, t - RELATIVE_REACH); k--) {
    if (ar.relativePronouns.has(doc.tokens[k].norm)) return { from: k, to: clause.to };
  }
  return null;
}
