/**
 * A sub-type added to the coding table reaches every reader that derives from it, with no other edit: the ACLED
 * export, the API's and rasd export's filters, the corrections and the web app's lists and names. The fixture adds a
 * sub-type neither ACLED nor the shipped table has.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctionValue } from '../../src/api/corrections.js';
import { parseFilter } from '../../src/api/filters.js';
import {
  ACTOR_CATEGORY_ROWS,
  CODING,
  coding,
  EVENT_TYPE_ROWS,
  SUB_TYPE_ROWS,
  type SubTypeRow,
} from '../../src/events/taxonomy.js';
import { acledCsv, acledRow, incidentNote } from '../../src/export/acled.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import type { Incident } from '../../src/fuse/types.js';
import { parseFilterParams } from '../../src/store/filter-params.js';
import { vocabularyOf } from '../../src/web/i18n/vocabulary.js';
import { subTypesByType } from '../../src/web/taxonomy.js';
import { membersOf, readDocuments } from '../fuse/members.js';

const ADDED: SubTypeRow = {
  code: 'cyber_attack',
  type: 'strategic_developments',
  acled: 'Cyber attack',
  ar: 'هجوم إلكتروني',
  disorder: 'Strategic developments',
};
const table = coding({ types: EVENT_TYPE_ROWS, subTypes: [...SUB_TYPE_ROWS, ADDED], categories: ACTOR_CATEGORY_ROWS });

const incident = fuseAll(membersOf(readDocuments(new URL('../../corpus/seeds/articles.jsonl', import.meta.url))))[0];
/** the seeds' first incident, recoded with the added sub-type (which the compiled union does not hold) */
const recoded = { ...incident, type: 'strategic_developments', subtype: ADDED.code } as unknown as Incident;

test('the ACLED export names the added sub-type, its type and its disorder type', () => {
  const row = acledRow(recoded, 1700000000, table);
  assert.equal(row.sub_event_type, 'Cyber attack');
  assert.equal(row.event_type, 'Strategic developments');
  assert.equal(row.disorder_type, 'Strategic developments');
  assert.match(acledCsv([recoded], 1700000000, { table }), /Cyber attack/);
  assert.match(incidentNote(recoded, table), /cyber attack/i);
  // the shipped table does not know it: its row falls back to the code
  assert.equal(acledRow(recoded, 1700000000).sub_event_type, ADDED.code);
});

test('the filters of the API and of rasd export accept it by code and by ACLED name', () => {
  assert.equal(parseFilter({ subtype: 'Cyber attack' }, table).subtype, ADDED.code);
  assert.equal(parseFilterParams({ subtype: 'cyber_attack' }, table).subtype, ADDED.code);
  assert.throws(() => parseFilter({ subtype: 'Cyber attack' }), /subtype/);
  assert.equal(correctionValue('subtype', ADDED.code, table), ADDED.code);
  assert.throws(() => correctionValue('subtype', ADDED.code));
});

test('the web app lists it under its type and names it in both languages', () => {
  assert.ok(subTypesByType(table).strategic_developments.includes(ADDED.code));
  assert.ok(!subTypesByType(CODING).strategic_developments.includes(ADDED.code));
  const names = vocabularyOf(table);
  assert.equal(names.en[ADDED.code], 'Cyber attack');
  assert.equal(names.ar[ADDED.code], 'هجوم إلكتروني');
});

test('a sub-type of a type the table does not have, or listed twice, is refused when the table is built', () => {
  const rows = { types: EVENT_TYPE_ROWS, categories: ACTOR_CATEGORY_ROWS };
  assert.throws(() => coding({ ...rows, subTypes: [...SUB_TYPE_ROWS, { ...ADDED, type: 'parades' }] }), /parades/);
  assert.throws(() => coding({ ...rows, subTypes: [...SUB_TYPE_ROWS, SUB_TYPE_ROWS[0]] }), /twice/);
});
