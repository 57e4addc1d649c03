/**
 * The pipeline's stages keep their contracts: the list is checked when built, each stage reads only the fields it
 * declares (watched on the dev articles), adds exactly the fields it declares, and docs/architecture.md shows the
 * list as it is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DOC, stageTable, withTable } from '../../scripts/architecture-doc.js';
import { pipeline } from '../../src/pipeline.js';
import { checkStages, type Stage } from '../../src/stages.js';
import { makeDoc } from '../../src/text/doc.js';
import type { DocumentInput } from '../../src/types.js';

const dev = readFileSync(new URL('../../corpus/dev/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as DocumentInput);

const stage = (name: string, requires: string[], assigns: string[]): Stage => ({
  name,
  file: 'x.ts',
  does: '',
  requires,
  assigns,
  perSentence: [],
  run: () => ({}),
});

test('a stage that reads a field no stage before it adds is refused, naming where the field comes from', () => {
  assert.throws(
    () => checkStages([stage('events', ['triggers'], ['events']), stage('triggers', [], ['triggers'])]),
    /stage "events" requires "triggers".*move "triggers" before "events"/,
  );
  assert.throws(() => checkStages([stage('a', [], ['dates']), stage('b', [], ['dates'])]), /"b" assigns "dates"/);
  assert.doesNotThrow(() => checkStages([stage('a', [], ['dates']), stage('b', ['dates', 'doc'], ['events'])]));
});

test('on the dev articles each stage reads only what it requires and adds exactly what it assigns', () => {
  const read = new Map<string, Set<string>>();
  const p = pipeline();
  for (const input of dev) {
    const doc = makeDoc(String(input.id), String(input.text), (input.published as string) ?? null);
    const record = p.run(doc, (s, r) => {
      const seen = read.get(s.name) ?? new Set<string>();
      read.set(s.name, seen);
      return new Proxy(r, {
        get(target, key, receiver) {
          if (typeof key === 'string') seen.add(key);
          return Reflect.get(target, key, receiver);
        },
      });
    });
    for (const s of p.list) for (const f of s.assigns) assert.notEqual(record[f as keyof typeof record], undefined, f);
  }
  for (const s of p.list) {
    const undeclared = [...(read.get(s.name) ?? [])].filter((f) => f !== 'doc' && !s.requires.includes(f));
    assert.deepEqual(undeclared, [], `stage "${s.name}" reads fields it does not require`);
  }
});

test('docs/architecture.md shows the stages as the pipeline declares them', () => {
  const doc = readFileSync(DOC, 'utf8');
  assert.equal(doc, withTable(doc, stageTable(pipeline().list)), 'run node --import tsx scripts/architecture-doc.ts');
  for (const s of pipeline().list) assert.ok(doc.includes(`| ${s.name} |`), s.name);
});
