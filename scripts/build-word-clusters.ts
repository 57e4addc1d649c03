/**
 * Build data/ner/word-clusters.tsv: distributional word clusters for the NER tagger, learnt here from unlabelled
 * text (no tags are read).
 *
 * Text: the 2,621 news articles of corpus/news/ant2018-conflict.jsonl.gz (ANT corpus, Apache-2.0; title and body,
 * tokenised as the pipeline tokenises) and the words of ANERcorp's training nine tenths (the sentences the NER
 * trains on; its held-out tenth is not read, so held-out words get a cluster only from the news text).
 *
 * A word is its normalised form (the tagger looks up a word's form, else its clitic-stripped keys). Each word
 * seen at least MIN_COUNT times gets a vector of positive PMI (context distribution smoothed, α = 0.75) with the
 * CONTEXTS most frequent words at each of the positions −2, −1, +1, +2; vectors are L2-normalised and clustered
 * top-down by spherical k-means (cosine): FANOUT[0] clusters, each split into FANOUT[1], each of those into
 * FANOUT[2]. A word's cluster is the path `a.b.c`, so its prefixes `a` and `a.b` are the coarser clusters.
 * Seeds are chosen by k-means++ with a seeded PRNG and the iteration count is fixed: the same text gives a
 * byte-identical file.
 *
 * usage: node --import tsx scripts/build-word-clusters.ts [ANERCORP_CONLL]   (else $RASD_SOURCE_DATA/ner/anercorp.train.conll)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../src/data.js';
import { normalize } from '../src/lang/ar/normalize.js';
import { heldOutStart, parseConll } from '../src/recognize/ner/conll.js';
import { normWord, shapeOf } from '../src/recognize/ner/features.js';
import { tokenize } from '../src/text/tokenize.js';
import { sourceData } from './source-data.js';

const root = path.resolve(import.meta.dirname, '..');
const NEWS = path.join(root, 'corpus/news/ant2018-conflict.jsonl.gz');
const CONLL = sourceData(
  'ner/anercorp.train.conll',
  process.argv[2],
  'pass the ANERcorp training file: build-word-clusters.ts FILE',
);
const OUT = dataPath('ner', 'word-clusters.tsv');

/** Cores seen fewer times than this get no cluster. */
const MIN_COUNT = 4;
/** Context words per position. */
const CONTEXTS = 1000;
const OFFSETS = [-2, -1, 1, 2];
/** Clusters at each level of the hierarchy. */
const FANOUT = [32, 8, 6];
const ITERATIONS = 12;
const SEED = 20180215;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The unit a token is counted as: an Arabic word's normalised form; digits as one symbol; other tokens as they are. */
function unitOf(norm: string): string {
  const shape = shapeOf(norm);
  if (shape === 'A' || shape === 'M') return norm;
  if (shape === 'D' || shape === 'DP') return '<num>';
  if (shape === 'L' || shape === 'LX') return '<lat>';
  return norm;
}

function readSentences(): string[][] {
  const out: string[][] = [];
  for (const line of gunzipSync(readFileSync(NEWS)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { title?: string; text?: string };
    for (const part of [a.title ?? '', ...(a.text ?? '').split('\n')]) {
      const toks = tokenize(normalize(part)).map((t) => unitOf(t.norm));
      if (toks.length) out.push(toks);
    }
  }
  const news = out.length;
  const conll = parseConll(readFileSync(CONLL, 'utf8'), true);
  for (const s of conll.slice(0, heldOutStart(conll.length))) out.push(s.words.map((w) => unitOf(normWord(w))));
  console.log(`${news} news paragraphs, ${out.length - news} ANERcorp training sentences`);
  return out;
}

interface Sparse {
  idx: Int32Array;
  val: Float64Array;
}

function main() {
  const t0 = performance.now();
  const sents = readSentences();
  const freq = new Map<string, number>();
  let tokens = 0;
  for (const s of sents) {
    for (const u of s) {
      freq.set(u, (freq.get(u) ?? 0) + 1);
      tokens++;
    }
  }
  // frequency order, ties by code units: deterministic
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([u]) => u);
  const ctxIndex = new Map(byFreq.slice(0, CONTEXTS).map((u, i) => [u, i]));
  const words = byFreq.filter((u) => (freq.get(u) ?? 0) >= MIN_COUNT && /^[\u0621-\u06ff]{2,}$/.test(u));
  const wordIndex = new Map(words.map((u, i) => [u, i]));
  const D = CONTEXTS * OFFSETS.length;
  // co-occurrence counts, one map per word (dimension → count)
  const cooc = words.map(() => new Map<number, number>());
  const ctxTotals = new Float64Array(D);
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const w = wordIndex.get(s[i]);
      if (w === undefined) continue;
      for (let o = 0; o < OFFSETS.length; o++) {
        const j = i + OFFSETS[o];
        const c = j < 0 ? '<s>' : j >= s.length ? '</s>' : s[j];
        const ci = ctxIndex.get(c);
        if (ci === undefined) continue;
        const d = o * CONTEXTS + ci;
        cooc[w].set(d, (cooc[w].get(d) ?? 0) + 1);
        ctxTotals[d]++;
      }
    }
  }
  // PPMI with smoothed context distribution
  let ctxSum = 0;
  const ctxP = new Float64Array(D);
  for (let d = 0; d < D; d++) ctxSum += ctxP[d] = ctxTotals[d] ** 0.75;
  for (let d = 0; d < D; d++) ctxP[d] /= ctxSum;
  const vecs: Sparse[] = cooc.map((m) => {
    let total = 0;
    for (const n of m.values()) total += n;
    const dims = [...m.keys()].sort((a, b) => a - b);
    const idx: number[] = [];
    const val: number[] = [];
    for (const d of dims) {
      const pmi = Math.log(m.get(d)! / total / ctxP[d]);
      if (pmi > 0) {
        idx.push(d);
        val.push(pmi);
      }
    }
    let norm = 0;
    for (const v of val) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return { idx: Int32Array.from(idx), val: Float64Array.from(val, (v) => v / norm) };
  });
  console.log(`${tokens} tokens, ${words.length} words clustered, ${D} context dimensions`);

  const rand = mulberry32(SEED);
  const paths = new Array<string>(words.length).fill('');
  // top-down: split each group of words into FANOUT[level] clusters
  let groups: number[][] = [words.map((_, i) => i)];
  for (let level = 0; level < FANOUT.length; level++) {
    const next: number[][] = [];
    for (const g of groups) {
      const parts = kmeans(g, vecs, D, FANOUT[level], rand);
      parts.forEach((p, k) => {
        for (const i of p) paths[i] = level ? `${paths[i]}.${k}` : String(k);
        next.push(p);
      });
    }
    groups = next;
  }
  const lines = words.map((w, i) => `${w}\t${paths[i]}`);
  const header = [
    '# Distributional word clusters for the NER tagger (src/recognize/ner/features.ts), built by',
    '# scripts/build-word-clusters.ts from unlabelled text: corpus/news/ant2018-conflict.jsonl.gz (ANT corpus,',
    '# Apache-2.0) and the words of the ANERcorp training nine tenths (Y. Benajiba 2007, research use; no tags read).',
    `# ${words.length} words seen >= ${MIN_COUNT} times in ${tokens} tokens; PPMI over the ${CONTEXTS} most`,
    `# frequent words at -2, -1, +1, +2; top-down spherical k-means ${FANOUT.join(' x ')} (seed ${SEED}).`,
    '# word<TAB>cluster path (a.b.c; the prefixes a and a.b are the coarser clusters)',
  ];
  writeFileSync(OUT, `${header.join('\n')}\n${lines.join('\n')}\n`);
  console.log(`wrote ${path.relative(root, OUT)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Spherical k-means of the points `ids` into at most k clusters (k-means++ seeds); clusters in seed order. */
function kmeans(ids: number[], vecs: Sparse[], D: number, k: number, rand: () => number): number[][] {
  if (ids.length <= k) return ids.map((i) => [i]);
  const n = ids.length;
  const cent = new Float64Array(k * D);
  const setCentroid = (c: number, p: Sparse) => {
    cent.fill(0, c * D, (c + 1) * D);
    for (let j = 0; j < p.idx.length; j++) cent[c * D + p.idx[j]] = p.val[j];
  };
  const dot = (c: number, p: Sparse) => {
    let s = 0;
    const base = c * D;
    for (let j = 0; j < p.idx.length; j++) s += cent[base + p.idx[j]] * p.val[j];
    return s;
  };
  // k-means++ on cosine distance 1 - dot
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let seed = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    setCentroid(c, vecs[ids[seed]]);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(c, vecs[ids[i]]));
      if (d < dist[i]) dist[i] = d;
      total += dist[i] * dist[i];
    }
    if (total <= 0) break;
    let r = rand() * total;
    seed = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i] * dist[i];
      if (r <= 0) {
        seed = i;
        break;
      }
    }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestS = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const s = dot(c, vecs[ids[i]]);
        if (s > bestS) {
          bestS = s;
          best = c;
        }
      }
      if (best !== assign[i] || it === 0) moved++;
      assign[i] = best;
    }
    if (it > 0 && moved === 0) break;
    // new centroids: normalised sums (an emptied cluster keeps its centroid)
    const sums = new Float64Array(k * D);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const p = vecs[ids[i]];
      const base = assign[i] * D;
      sizes[assign[i]]++;
      for (let j = 0; j < p.idx.length; j++) sums[base + p.idx[j]] += p.val[j];
    }
    for (let c = 0; c < k; c++) {
      if (!sizes[c]) continue;
      let norm = 0;
      for (let d = c * D; d < (c + 1) * D; d++) norm += sums[d] * sums[d];
      norm = Math.sqrt(norm) || 1;
      for (let d = c * D; d < (c + 1) * D; d++) cent[d] = sums[d] / norm;
    }
  }
  const parts: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) parts[assign[i]].push(ids[i]);
  return parts.filter((p) => p.length);
}

main();
