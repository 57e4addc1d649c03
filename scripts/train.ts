/**
 * npm run train: the learned decisions (src/learn/) from corpus/train, written to data/models/*.json.
 *
 *   npm run train                  train on corpus/train, write data/models/
 *   npm run train -- --with-dev    train on corpus/train and corpus/dev (dev is then no longer an untouched check)
 *   npm run train -- --cv 5        5-fold cross-validation by article on corpus/train: the scorer's table on the
 *                                  pooled held-out output, beside the rules alone on the same articles; writes nothing
 *   --held-out FILE                with --cv: also write the pooled held-out extraction (JSONL) for error analysis
 *   --only place,roles,keep,subtype   which decisions (default: place and roles, those that pay in cross-validation)
 *   --out DIR                      where to write the models (default data/models)
 *   --limit N                      the first N articles only (tests)
 *   --l2 X, --rounds N, --min-count N, --min-place-threshold P   the learner's settings (src/learn/train.ts)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIELDS, formatText, parseGold, parseSystem, pyJsonLoads, type ScoreResult, score } from '../src/eval/score.js';
import { extract } from '../src/extract.js';
import { decider, MODEL_FILES } from '../src/learn/decide.js';
import { serializeModel } from '../src/learn/model.js';
import {
  type Article,
  type Collected,
  collect,
  DEFAULTS,
  foldOf,
  modelsOf,
  type Tasks,
  trainModels,
} from '../src/learn/train.js';

const root = path.resolve(import.meta.dirname, '..');

function readArticles(dir: string): Article[] {
  const lines = (f: string) =>
    readFileSync(path.join(root, dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
  const gold = new Map(
    lines('gold.jsonl').map((l) => {
      const g = JSON.parse(l) as { id: string; events: Article['goldEvents'] };
      return [g.id, { line: l, events: g.events }];
    }),
  );
  return lines('articles.jsonl').map((l) => {
    const input = JSON.parse(l) as Article['input'];
    const g = gold.get(input.id);
    if (!g) throw new Error(`${dir}: no gold for ${input.id}`);
    return { input, gold: pyJsonLoads(g.line), goldEvents: g.events, goldLine: g.line } as Article & {
      goldLine: string;
    };
  });
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function comparison(base: ScoreResult, learned: ScoreResult): string {
  const f = (x: number) => x.toFixed(3);
  const d = (a: number, b: number) => `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(3)}`;
  const rows: [string, number, number][] = [
    ['event P', base.events.precision, learned.events.precision],
    ['event R', base.events.recall, learned.events.recall],
    ['event F1', base.events.f1, learned.events.f1],
    ...FIELDS.map((k): [string, number, number] => [k, base.fields[k], learned.fields[k]]),
    ['mean field', base.mean_field_accuracy, learned.mean_field_accuracy],
    ['headline', base.headline, learned.headline],
  ];
  const lines = [`${'field'.padEnd(12)} ${'rules'.padStart(7)} ${'models'.padStart(7)} ${'delta'.padStart(7)}`];
  for (const [k, a, b] of rows)
    lines.push(`${k.padEnd(12)} ${f(a).padStart(7)} ${f(b).padStart(7)} ${d(a, b).padStart(7)}`);
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const started = Date.now();
  const only = arg('--only');
  const tasks = (only ? only.split(',') : ['place', 'roles']) as Tasks;
  let articles = readArticles('corpus/train');
  if (process.argv.includes('--with-dev')) articles = [...articles, ...readArticles('corpus/dev')];
  const limit = arg('--limit');
  if (limit) articles = articles.slice(0, Number(limit));
  const opts = {
    ...DEFAULTS,
    ...(arg('--l2') ? { l2: Number(arg('--l2')) } : {}),
    ...(arg('--rounds') ? { rounds: Number(arg('--rounds')) } : {}),
    ...(arg('--min-count') ? { minCount: Number(arg('--min-count')) } : {}),
    ...(arg('--min-place-threshold') ? { minPlaceThreshold: Number(arg('--min-place-threshold')) } : {}),
  };
  const collected: Collected[] = articles.map(collect);
  const cv = arg('--cv');
  if (cv) {
    const k = Number(cv);
    const held: string[] = [];
    for (let fold = 0; fold < k; fold++) {
      const train = collected.filter((c) => foldOf(c.id, k) !== fold);
      const d = decider(modelsOf(trainModels(train, tasks, opts)));
      for (const a of articles.filter((x) => foldOf(x.input.id, k) === fold)) {
        held.push(JSON.stringify(extract({ ...a.input }, a.input.id, { models: d })));
      }
    }
    const gold = parseGold(articles.map((a) => (a as Article & { goldLine: string }).goldLine).join('\n'));
    const base = score(gold, parseSystem(collected.map((c) => c.output).join('\n')));
    const learned = score(gold, parseSystem(held.join('\n')));
    const heldOut = arg('--held-out');
    if (heldOut) writeFileSync(heldOut, `${held.join('\n')}\n`);
    process.stdout.write(`rules alone, ${articles.length} articles\n${formatText(base, false)}\n`);
    process.stdout.write(`models (${tasks.join(', ')}), ${k}-fold held-out, pooled\n${formatText(learned, false)}\n`);
    process.stdout.write(comparison(base, learned));
    process.stderr.write(`train: ${k}-fold cross-validation in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  const out = path.resolve(root, arg('--out') ?? 'data/models');
  mkdirSync(out, { recursive: true });
  const models = trainModels(collected, tasks, opts);
  for (const [task, m] of Object.entries(models)) {
    const file = path.join(out, MODEL_FILES[task as keyof typeof MODEL_FILES]);
    writeFileSync(file, serializeModel(m));
    process.stderr.write(`train: ${path.relative(root, file)}: ${Object.keys(m.weights).length} features\n`);
  }
  process.stderr.write(`train: ${articles.length} articles in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main();
