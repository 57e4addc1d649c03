/**
 * Checks the repository against the project's shared source folder, where one is at hand (.ci/run runs this when
 * it finds one; a clone without it needs nothing here):
 *   - every copy under corpus/ and docs/event-record.md is the same as its source (the news gunzipped first);
 *   - the shipped NER model scores on ANERcorp's held-out tenth what data/ner/README.md says (at least 0.60).
 * ANERcorp is not in the repository (only what is derived from it ships), so that check lives here and not in
 * the test suite.
 *
 * usage: node --import tsx scripts/check-sources.ts SOURCE_DIR
 *   SOURCE_DIR holds seeds/, dev/, train/, spec/ and data/ (news/, lexicons/cldr/, ner/).
 * Prints one line per check; exit status 1 if any failed, 2 without a readable SOURCE_DIR.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { heldOutStart, parseConll } from '../src/recognize/ner/conll.js';
import { scoreEntities, tagWords } from '../src/recognize/ner/index.js';
import { readText, root } from './corpus.js';

const dir = process.argv[2];
if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(
    `usage: check-sources.ts SOURCE_DIR (a folder holding seeds/, dev/, train/, spec/, data/)${dir ? `; no folder ${dir}` : ''}`,
  );
  process.exit(2);
}
const source = path.resolve(dir);

let failed = 0;
const report = (ok: boolean, what: string) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok' : 'FAIL'}  ${what}`);
};

/** in the repository → in the source folder */
const copies: [string, string][] = [
  ...['articles.jsonl', 'gold.jsonl'].map((f): [string, string] => [`corpus/seeds/${f}`, `seeds/${f}`]),
  ...['articles.jsonl', 'gold.jsonl', 'score.py'].map((f): [string, string] => [`corpus/dev/${f}`, `dev/${f}`]),
  ...['articles.jsonl', 'gold.jsonl'].map((f): [string, string] => [`corpus/train/${f}`, `train/${f}`]),
  ['corpus/news/ant2018-conflict.jsonl.gz', 'data/news/ant2018-conflict.jsonl'],
  ['corpus/news/LICENSE-ANT-Apache-2.0.txt', 'data/news/LICENSE-ANT-Apache-2.0.txt'],
  ['corpus/LICENSE-ANT-Apache-2.0.txt', 'data/news/LICENSE-ANT-Apache-2.0.txt'],
  ['docs/event-record.md', 'spec/event-record.md'],
];
const cldr = path.join(source, 'data/lexicons/cldr');
if (existsSync(cldr)) {
  for (const f of readdirSync(cldr).sort()) copies.push([`corpus/cldr/${f}`, `data/lexicons/cldr/${f}`]);
} else {
  report(false, `data/lexicons/cldr: missing from ${source}`);
}

for (const [ours, theirs] of copies) {
  const a = path.join(root, ours);
  const b = path.join(source, theirs);
  if (!existsSync(b)) report(false, `${theirs}: missing from ${source}`);
  else if (!existsSync(a)) report(false, `${ours}: missing (a copy of ${theirs})`);
  else report(readText(a) === readFileSync(b, 'utf8'), `${ours} is the same as ${theirs}`);
}

// the shipped NER model on the held-out tenth of the training file it was built from
const conll = path.join(source, 'data/ner/anercorp.train.conll');
if (!existsSync(conll)) {
  report(false, `data/ner/anercorp.train.conll: missing from ${source}`);
} else {
  const sents = parseConll(readFileSync(conll, 'utf8'), true);
  const held = sents.slice(heldOutStart(sents.length));
  const r = scoreEntities(
    held.map((s) => s.tags),
    held.map((s) => tagWords(s.words)),
  );
  const m = /Overall held-out F1: \*\*([0-9.]+)\*\*/.exec(readFileSync(path.join(root, 'data/ner/README.md'), 'utf8'));
  const f1 = r.overall.f1;
  if (!m) report(false, 'data/ner/README.md states no "Overall held-out F1"');
  else
    report(
      held.length > 300 && f1 >= Number(m[1]) - 0.005 && f1 >= 0.6,
      `NER held-out F1 ${f1.toFixed(4)} on ${held.length} sentences (README: ${m[1]}; at least that - 0.005 and 0.60)`,
    );
}

console.log(failed ? `${failed} check(s) failed` : 'every check passed');
process.exit(failed ? 1 : 0);
