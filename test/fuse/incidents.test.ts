/**
 * Incidents across documents: several reports of one attack (written from the seeds' facts) fuse into one
 * incident with every claim and the outcome disagreement flagged; other attacks stay apart; the result does not
 * depend on the order of the documents; the dev set's events give the same incidents in any order.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compatible, fuseAll } from '../../src/fuse/fuse.js';
import type { MemberEvent } from '../../src/fuse/types.js';
import type { DocumentInput } from '../../src/types.js';
import { membersOf, readDocuments } from './members.js';

const REPORTS: DocumentInput[] = [
  {
    id: 'claim',
    source: 'Telegram',
    published: '2023-12-15',
    text: 'أعلنت "المقاومة الإسلامية في العراق"، الجمعة، استهداف قاعدة عين الأسد الأمريكية في محافظة الأنبار غربي العراق بواسطة الطائرات المسيرة، وقالت في بيان إن العملية أصابت الهدف بشكل مباشر.',
  },
  {
    id: 'fars',
    source: 'Fars',
    published: '2023-12-15',
    text: 'قال مصدر لوكالة فارس إن هجوما نفذ بطائرتين مسيرتين مفخختين استهدف قاعدة عين الأسد في محافظة الأنبار اليوم، وأضاف أن منظومة الدفاع الجوي الأمريكية تصدت للطائرتين وأسقطتهما.',
  },
  {
    id: 'security',
    source: 'Al-Araby',
    published: '2023-12-15',
    text: 'أفادت مصادر أمنية عراقية بأن طائرتين مسيرتين استهدفتا قاعدة عين الأسد غربي الأنبار مساء الجمعة وسقطتا في محيطها دون وقوع إصابات.',
  },
  {
    id: 'elsewhere',
    source: 'SANA',
    published: '2023-12-15',
    text: 'قصفت طائرات حربية مواقع في مدينة إدلب السورية اليوم الجمعة، ما أسفر عن مقتل ثلاثة مدنيين.',
  },
];

test('several reports of one attack are one incident, with every claim and the outcome disagreement', () => {
  const members = membersOf(REPORTS);
  const base = members.filter((m) => m.documentId !== 'elsewhere');
  assert.equal(base.length, 3, JSON.stringify(members.map((m) => [m.key, m.event.location?.name])));
  const incidents = fuseAll(members);
  assert.equal(incidents.length, 2);
  const ain = incidents.find((i) => i.members.length === 3)!;
  assert.equal(ain.location?.name, 'Ain al-Asad Air Base');
  assert.deepEqual(ain.members, ['claim#e1', 'fars#e1', 'security#e1']);
  assert.deepEqual(ain.sources.sort(), [...new Set(ain.sources)].sort());
  for (const s of ['Telegram', 'Fars', 'Al-Araby']) assert.ok(ain.sources.includes(s), s);
  assert.ok(ain.claims.some((c) => c.kind === 'responsibility' && c.member === 'claim#e1'));
  const outcome = ain.disagreements.find((d) => d.field === 'outcome');
  assert.ok(outcome, JSON.stringify(ain.disagreements));
  const said = new Map(outcome.values.map((v) => [v.value, v.members]));
  assert.deepEqual(said.get('hit'), ['claim#e1']);
  assert.deepEqual(said.get('intercepted'), ['fars#e1']);
  assert.ok(ain.perpetrators.some((p) => p.name === 'Islamic Resistance in Iraq'));
  // the most conservative figure: the security sources say nobody was hurt
  assert.equal(ain.fatalities.injured, 0);
});

test('the same members give the same incidents in any order', () => {
  const members = membersOf(REPORTS);
  const ids = fuseAll(members).map((i) => [i.id, i.members]);
  assert.deepEqual(
    fuseAll([...members].reverse()).map((i) => [i.id, i.members]),
    ids,
  );
});

test('events of one document are never fused with each other; far or distant-day events stay apart', () => {
  const [a] = membersOf([REPORTS[0]]);
  assert.equal(compatible(a, { ...a, key: 'claim#e9' }), false);
  const later = {
    ...a,
    key: 'x#e1',
    documentId: 'x',
    event: { ...a.event, date: { ...a.event.date, start: '2023-12-20', end: '2023-12-20' } },
  };
  assert.equal(compatible(a, later), false);
  const nextDay = {
    ...later,
    event: { ...later.event, date: { ...a.event.date, start: '2023-12-16', end: '2023-12-16' } },
  };
  assert.equal(compatible(a, nextDay), true);
});

test('dev articles: incidents do not depend on the order of the documents', () => {
  const docs = readDocuments(new URL('../../corpus/dev/articles.jsonl', import.meta.url));
  const members = membersOf(docs);
  const forward = fuseAll(members);
  const shuffled = [...members].sort((x, y) =>
    x.key.split('').reverse().join('') < y.key.split('').reverse().join('') ? -1 : 1,
  );
  assert.deepEqual(
    fuseAll(shuffled).map((i) => i.id),
    forward.map((i) => i.id),
  );
  assert.ok(forward.length < members.filter((m) => m.event.location).length, 'some events of different articles fuse');
  for (const i of forward) assert.equal(new Set(i.members.map((k) => k.split('#')[0])).size, i.members.length);
});

test('2018 news sample: the same incidents from the members in reverse order', () => {
  const lines = readFileSync(new URL('../../data/sample/articles.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const members = membersOf(lines.map((l) => JSON.parse(l) as DocumentInput));
  const ids = (ms: MemberEvent[]) =>
    fuseAll(ms)
      .map((i) => `${i.id}:${i.members.join(',')}`)
      .sort();
  assert.deepEqual(ids([...members].reverse()), ids(members));
});
