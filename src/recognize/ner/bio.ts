/** The BIO tag set of the tagger and conlleval-style chunking of tag sequences. */

export type EntityType = 'PERS' | 'LOC' | 'ORG' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PERS', 'LOC', 'ORG', 'MISC'];

/** Tag indices: 0 = O, then B-X, I-X for each type in ENTITY_TYPES order. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const NTAGS = TAGS.length;
export const TAG_INDEX: ReadonlyMap<string, number> = new Map(TAGS.map((t, i) => [t, i]));

/** Whether tag `cur` may follow tag `prev` (-1: sentence start): I-X only after B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || cur % 2 === 1) return true;
  return prev === cur || prev === cur - 1;
}

export interface Chunk {
  type: EntityType;
  /** token range [first, last) */
  first: number;
  last: number;
}

/** Entities of a tag sequence, as conlleval reads it: an I-X that does not continue an X starts a new X. */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let open: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const dash = t.indexOf('-');
    const bio = dash < 0 ? 'O' : t.slice(0, dash);
    const type = (dash < 0 ? '' : t.slice(dash + 1)) as EntityType;
    if (open && (bio !== 'I' || open.type !== type)) {
      open.last = i;
      out.push(open);
      open = null;
    }
    if (!open && (bio === 'B' || bio === 'I')) open = { type, first: i, last: i + 1 };
  }
  if (open) {
    open.last = tags.length;
    out.push(open);
  }
  return out;
}

export interface Prf {
  tp: number;
  gold: number;
  pred: number;
  p: number;
  r: number;
  f1: number;
}

function prf(tp: number, gold: number, pred: number): Prf {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { tp, gold, pred, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Entity-level precision/recall/F1 (exact span and type), overall and per type, over many sentences. */
export function scoreEntities(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
): { overall: Prf; byType: Record<EntityType, Prf> } {
  const count = { tp: new Map<string, number>(), gold: new Map<string, number>(), pred: new Map<string, number>() };
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (let s = 0; s < gold.length; s++) {
    const g = chunks(gold[s]);
    const p = chunks(pred[s]);
    const keys = new Set(g.map((c) => `${c.type}:${c.first}:${c.last}`));
    for (const c of g) inc(count.gold, c.type);
    for (const c of p) {
      inc(count.pred, c.type);
      if (keys.has(`${c.type}:${c.first}:${c.last}`)) inc(count.tp, c.type);
    }
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const byType = {} as Record<EntityType, Prf>;
  for (const t of ENTITY_TYPES) byType[t] = prf(count.tp.get(t) ?? 0, count.gold.get(t) ?? 0, count.pred.get(t) ?? 0);
  return { overall: prf(sum(count.tp), sum(count.gold), sum(count.pred)), byType };
}
