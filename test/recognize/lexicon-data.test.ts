/**
 * Every shipped lexicon loads, and a cell of a closed vocabulary that the coding table does not know fails with the
 * file and the line it is on (src/data.ts DataError), whichever lexicon it is in.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataError, dataPath } from '../../src/data.js';
import {
  readActors,
  readCues,
  readNationalities,
  readRoles,
  readSources,
  readTriggerClasses,
  readTriggers,
  readWeapons,
} from '../../src/recognize/lexicons.js';

/** Each lexicon with a closed column: its reader and the column. */
const READERS: { file: string; column: string; read: (file: string) => unknown }[] = [
  { file: 'triggers.tsv', column: 'class', read: readTriggers },
  { file: 'triggers.tsv', column: 'pos', read: readTriggers },
  { file: 'triggers.tsv', column: 'tally', read: readTriggers },
  { file: 'trigger-classes.tsv', column: 'eventive', read: readTriggerClasses },
  { file: 'trigger-classes.tsv', column: 'violent', read: readTriggerClasses },
  { file: 'cues.tsv', column: 'kind', read: readCues },
  { file: 'weapons.tsv', column: 'weapon', read: readWeapons },
  { file: 'actors.tsv', column: 'category', read: readActors },
  { file: 'sources.tsv', column: 'kind', read: readSources },
  { file: 'roles.tsv', column: 'kind', read: readRoles },
  { file: 'nationalities.tsv', column: 'category', read: readNationalities },
];

const dir = mkdtempSync(path.join(tmpdir(), 'rasd-lexicon-'));

/** A copy of a shipped lexicon whose `column` holds `value` on its middle data row; the row's line, from 1. */
function spoiled(name: string, column: string, value: string): { file: string; line: number } {
  const lines = readFileSync(dataPath('lexicons', name), 'utf8').split('\n');
  const header = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const col = lines[header]
    .split('\t')
    .map((c) => c.trim())
    .indexOf(column);
  assert.ok(col >= 0, `${name} has a column ${column}`);
  const rows = lines.map((_, i) => i).filter((i) => i > header && lines[i].trim() !== '' && !lines[i].startsWith('#'));
  const at = rows[Math.floor(rows.length / 2)];
  const cells = lines[at].split('\t');
  cells[col] = value;
  lines[at] = cells.join('\t');
  const file = path.join(dir, `${column}-${name}`);
  writeFileSync(file, lines.join('\n'));
  return { file, line: at + 1 };
}

test('every shipped lexicon loads with its closed columns known to the coding table', () => {
  for (const r of READERS) assert.doesNotThrow(() => r.read(dataPath('lexicons', r.file)), r.file);
});

for (const r of READERS) {
  test(`an unknown ${r.column} in ${r.file} fails with the file and the line`, () => {
    const { file, line } = spoiled(r.file, r.column, 'no_such_value');
    assert.throws(
      () => r.read(file),
      (e: unknown) =>
        e instanceof DataError &&
        e.file === file &&
        e.line === line &&
        e.message.startsWith(`${file}:${line}:`) &&
        e.message.includes('no_such_value'),
    );
  });
}

test('a trigger class without a row of traits fails, naming the class', () => {
  const lines = readFileSync(dataPath('lexicons', 'trigger-classes.tsv'), 'utf8').split('\n');
  const header = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const gone = lines[header + 1].split('\t')[0];
  const file = path.join(dir, 'missing-trigger-classes.tsv');
  writeFileSync(file, lines.filter((_, i) => i !== header + 1).join('\n'));
  assert.throws(
    () => readTriggerClasses(file),
    (e: unknown) => e instanceof DataError && e.message.includes(gone),
  );
});
