/**
 * Viterbi decoding with per-word-type score caching.
 *
 * Why Viterbi rather than greedy: the model is first-order (tag-bigram transitions, no longer tag history), so
 * exact Viterbi over the nine BIO tags costs about 50 compare-adds per token (I-X can only follow B-X or I-X),
 * no more than feature lookup, decodes the sentence jointly, and makes the BIO constraints hard for free.
 *
 * Observation features never mix two words (features.ts), so each word type's weights are summed once into a
 * 5 × 9 block (its contribution as the token itself and as the word at -1, +1, -2, +2), kept in one flat
 * Float32Array arena; a token's emission scores are then five 9-float adds from that arena.
 */
import { NTAGS, TAGS } from './bio.js';
import { BOS, EOS, type FeatureContext, type FeatureSink, ROLES, visitFeatures } from './features.js';
import type { CompiledModel } from './model.js';

// local copies: hot loops must not read imported bindings (a getter call each under some loaders)
const N = NTAGS;
const R = ROLES;
const VEC = R * N;
/** Slots of the word-type table (a power of two); it is emptied when 60% full (~180 bytes a type). */
const SLOTS = 1 << 18;
const MAX_TYPES = Math.floor(SLOTS * 0.6);

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Tagger {
  // word type → offset of its block in `arena`, open addressing with linear probing. Hashing the code units
  // here is faster than Map.get on the fresh token strings of each document (V8 must hash and compare them).
  private readonly keys: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  private readonly vals = new Int32Array(SLOTS);
  private types = 0;
  private arena = new Float32Array(4096 * VEC);
  private used = 0;
  private readonly bos: number;
  private readonly eos: number;
  private offs = new Int32Array(256);
  private back = new Uint8Array(256 * N);
  private readonly cur = new Float64Array(N);
  private readonly next = new Float64Array(N);
  private em = new Float64Array(256 * N);
  private readonly ctx: FeatureContext;
  /** arena offset of the block being built */
  private building = 0;
  /** adds one feature's weights to the block being built */
  private readonly sink: FeatureSink;
  /** lead[top * N + y]: the most any predecessor other than `top` gains over it on the transition into y */
  private readonly lead = new Float64Array(N * N);

  constructor(private readonly model: CompiledModel) {
    this.ctx = { known: (w) => model.vocab.has(w), gaz: model.gaz };
    const { lookup, weights } = model;
    this.sink = (role, template, value) => {
      const row = lookup[template * R + role].get(value);
      if (row === undefined) return;
      const v = this.arena;
      const base = this.building + role * N;
      for (let y = 0; y < N; y++) v[base + y] += weights[row + y];
    };
    for (let top = 0; top < N; top++) {
      for (let y = 0; y < N; y++) {
        let m = Number.NEGATIVE_INFINITY;
        for (let p = 0; p < N; p++) {
          if (p !== top) m = Math.max(m, model.trans[(p + 1) * N + y] - model.trans[(top + 1) * N + y]);
        }
        // NaN (-Infinity − -Infinity) or +Infinity: never take the shortcut
        this.lead[top * N + y] = Number.isFinite(m) ? m : Number.POSITIVE_INFINITY;
      }
    }
    this.bos = this.build(BOS);
    this.eos = this.build(EOS);
  }

  /** Sum a word type's weights in each role (self, -1, +1, -2, +2) into a new arena block; its offset. */
  private build(w: string): number {
    if (this.used + VEC > this.arena.length) {
      const a = new Float32Array(this.arena.length * 2);
      a.set(this.arena);
      this.arena = a;
    }
    const at = this.used;
    this.used += VEC;
    this.building = at;
    visitFeatures(w, this.ctx, this.sink);
    return at;
  }

  private offset(w: string): number {
    const keys = this.keys;
    let j = hash(w) & (SLOTS - 1);
    for (let k = keys[j]; k !== undefined; k = keys[j]) {
      if (k === w) return this.vals[j];
      j = (j + 1) & (SLOTS - 1);
    }
    if (this.types >= MAX_TYPES) {
      // start over, keeping the BOS/EOS blocks at the front of the arena
      keys.fill(undefined);
      this.types = 0;
      this.used = 2 * VEC;
      this.arena.fill(0, this.used);
      j = hash(w) & (SLOTS - 1);
    }
    const at = this.build(w);
    keys[j] = w;
    this.vals[j] = at;
    this.types++;
    return at;
  }

  /**
   * Best tag indices (into TAGS) for the normalised words of `items[first..last)`, written to `out[0..last-first)`.
   * `get` gives an item's normalised word, so callers need not copy their tokens.
   */
  decode<T>(items: readonly T[], first: number, last: number, get: (x: T) => string, out: Uint8Array): void {
    const n = last - first;
    if (n <= 0) return;
    if (this.offs.length < n) this.offs = new Int32Array(Math.max(n, this.offs.length * 2));
    if (this.back.length < n * N) this.back = new Uint8Array(this.offs.length * N);
    const offs = this.offs;
    for (let i = 0; i < n; i++) offs[i] = this.offset(get(items[first + i]));
    // Emission scores: a token's own block plus the role blocks of its neighbours (BOS/EOS past the ends).
    // Read the arena after the lookups: building a block may have replaced it.
    const v = this.arena;
    if (this.em.length < n * N) this.em = new Float64Array(this.offs.length * N);
    const em = this.em;
    const bos = this.bos;
    const eos = this.eos;
    for (let i = 0; i < n; i++) {
      const s = offs[i];
      const m1 = (i >= 1 ? offs[i - 1] : bos) + N;
      const p1 = (i + 1 < n ? offs[i + 1] : eos) + 2 * N;
      const m2 = (i >= 2 ? offs[i - 2] : bos) + 3 * N;
      const p2 = (i + 2 < n ? offs[i + 2] : eos) + 4 * N;
      const e = i * N;
      for (let y = 0; y < N; y++) em[e + y] = v[s + y] + v[m1 + y] + v[p1 + y] + v[m2 + y] + v[p2 + y];
    }
    const { trans } = this.model;
    const { back, lead } = this;
    let cur = this.cur;
    let nxt = this.next;
    for (let i = 0; i < n; i++) {
      const e = i * N;
      if (i === 0) {
        for (let y = 0; y < N; y++) cur[y] = trans[y] + em[y];
        continue;
      }
      // O and B-X may follow any tag. The state with the best score so far is tag y's best predecessor when its
      // lead over the runner-up exceeds what any other predecessor gains on the transition into y (lead[top, y]):
      // then the 9-way max is skipped (most tokens, as most follow a confident O).
      let top = 0;
      let second = Number.NEGATIVE_INFINITY;
      for (let p = 1; p < N; p++) {
        const c = cur[p];
        if (c > cur[top]) {
          second = cur[top];
          top = p;
        } else if (c > second) second = c;
      }
      const gap = cur[top] - second;
      const row = (top + 1) * N;
      for (let y = 0; y < N; y += y === 0 ? 1 : 2) {
        if (gap > lead[top * N + y]) {
          nxt[y] = cur[top] + trans[row + y] + em[e + y];
          back[e + y] = top;
          continue;
        }
        let best = cur[0] + trans[N + y];
        let arg = 0;
        for (let p = 1; p < N; p++) {
          const sc = cur[p] + trans[(p + 1) * N + y];
          if (sc > best) {
            best = sc;
            arg = p;
          }
        }
        nxt[y] = best + em[e + y];
        back[e + y] = arg;
      }
      // I-X only after B-X or I-X (the other transitions are -Infinity)
      for (let y = 2; y < N; y += 2) {
        const sb = cur[y - 1] + trans[y * N + y];
        const si = cur[y] + trans[(y + 1) * N + y];
        if (sb >= si) {
          nxt[y] = sb + em[e + y];
          back[e + y] = y - 1;
        } else {
          nxt[y] = si + em[e + y];
          back[e + y] = y;
        }
      }
      const t = cur;
      cur = nxt;
      nxt = t;
    }
    let best = 0;
    for (let y = 1; y < N; y++) if (cur[y] > cur[best]) best = y;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = best;
      best = back[i * N + best];
    }
  }

  /** BIO tag strings for normalised words (one sentence). */
  tagNorms(norms: readonly string[]): string[] {
    const out = new Uint8Array(norms.length);
    this.decode(norms, 0, norms.length, identity, out);
    return Array.from(out, (t) => TAGS[t]);
  }
}

const identity = (s: string) => s;
