/** The two seed reports, read end to end: events, claims, statistics and statements with exact spans. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extract } from '../../src/extract.js';
import type { ExtractionResult, Span } from '../../src/types.js';

const articles = readFileSync(path.resolve(import.meta.dirname, '../../corpus/seeds/articles.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const results = new Map<string, { text: string; r: ExtractionResult }>(
  articles.map((a) => [a.id, { text: a.text, r: extract(a) }]),
);

function assertSpan(text: string, s: Span | undefined, want?: string) {
  assert.ok(s, 'span present');
  assert.equal(text.slice(s.start, s.end), s.text, 'span slices the text exactly');
  if (want !== undefined) assert.equal(s.text, want);
}

function allSpans(r: ExtractionResult): Span[] {
  const out: Span[] = [];
  for (const e of r.events) {
    out.push(...e.evidence, ...e.fatalities.evidence);
    if (e.date.evidence) out.push(e.date.evidence);
    if (e.location) out.push(e.location.evidence);
    for (const a of e.actors) out.push(a.evidence);
    for (const c of e.claims) out.push(c.evidence);
  }
  for (const s of r.statistics) out.push(s.evidence);
  for (const s of r.statements) out.push(s.quote);
  return out;
}

test('every span of both seeds slices its text exactly', () => {
  for (const { text, r } of results.values()) {
    assert.deepEqual(r.errors, []);
    for (const s of allSpans(r)) assertSpan(text, s);
  }
});

test('seed 000: Ain al-Asad and the Conoco field base the same evening, US strikes in Syria last week', () => {
  const { text, r } = results.get('seed-000')!;
  assert.equal(r.events.length, 3);
  const [ain, conoco, syria] = r.events;

  assert.equal(ain.location?.name, 'Ain al-Asad Air Base');
  assert.equal(ain.location?.precision, 1);
  assert.equal(ain.type, 'explosions_remote_violence');
  assert.equal(ain.subtype, 'shelling_artillery_missile_attack');
  assert.deepEqual([ain.date.start, ain.date.end, ain.date.precision], ['2023-10-30', '2023-10-30', 'day']);
  assertSpan(text, ain.date.evidence, 'مساء اليوم الإثنين');
  assert.deepEqual(ain.weapons, ['rocket']);
  assert.deepEqual(
    ain.actors.map((a) => [a.role, a.name, a.category]),
    [
      ['perpetrator', 'Islamic Resistance in Iraq', 'political_militia'],
      ['target', 'Military Forces of the United States', 'state_forces'],
    ],
  );
  const claims = ain.claims.map((c) => [c.kind, c.by, c.outcome, c.evidence.text]);
  assert.deepEqual(claims, [
    ['responsibility', 'Islamic Resistance in Iraq', null, 'تبنت'],
    ['outcome', 'Islamic Resistance in Iraq', 'hit', 'أصابت أهدافها'],
    ['outcome', 'Iraqi security sources', 'fell_nearby', 'في محيطها'],
  ]);
  assert.ok(ain.sources.includes('Iraqi security sources'));
  assert.deepEqual([ain.fatalities.killed, ain.fatalities.injured], [null, null]);

  assert.equal(conoco.location?.name, 'Conoco gas field / plant');
  assert.equal(conoco.location?.country, 'SY');
  assertSpan(text, conoco.location?.evidence, 'حقل غاز كونيكو');
  assert.deepEqual(conoco.weapons, ['rocket']);
  assert.equal(conoco.date.start, '2023-10-30');
  assert.deepEqual(
    conoco.claims.filter((c) => c.kind === 'responsibility').map((c) => c.by),
    ['Islamic Resistance in Iraq'],
  );
  assert.ok(conoco.claims.some((c) => c.kind === 'outcome' && c.outcome === 'hit'));

  assert.equal(syria.subtype, 'air_drone_strike');
  assert.deepEqual([syria.location?.name, syria.location?.precision], ['Syria', 3]);
  assert.deepEqual([syria.date.start, syria.date.end, syria.date.precision], ['2023-10-23', '2023-10-29', 'week']);
  assertSpan(text, syria.date.evidence, 'الأسبوع الماضي');
  assert.deepEqual(syria.weapons, ['airstrike']);
  assert.deepEqual(
    syria.actors.map((a) => [a.role, a.name]),
    [
      ['perpetrator', 'Military Forces of the United States'],
      ['target', 'Military Forces of Iran Islamic Revolutionary Guard Corps'],
    ],
  );
});

test('seed 000: the tallies are statistics, not events', () => {
  const { text, r } = results.get('seed-000')!;
  const stats = r.statistics.map((s) => [s.what, s.value, s.area, s.period?.start ?? null, s.period?.end ?? null]);
  assert.deepEqual(stats, [
    ['attacks', 23, 'IQ,SY', '2023-10-01', '2023-10-30'],
    ['attacks', 14, 'IQ', '2023-10-17', '2023-10-30'],
    ['attacks', 9, 'SY', '2023-10-17', '2023-10-30'],
    ['attacks', 3, 'SY', '2023-10-27', '2023-10-30'],
    ['injured', 21, null, null, null],
    ['troops', 2500, 'IQ', null, null],
    ['troops', 900, 'SY', null, null],
  ]);
  const fourteen = r.statistics[1];
  assert.equal(fourteen.qualifier, 'at_least');
  assert.equal(fourteen.by, 'US Department of Defense official');
  assertSpan(text, fourteen.evidence, '14');
  assertSpan(text, r.statistics[2].evidence, 'تسع');
  assert.equal(r.statistics[5].qualifier, 'about');
});

test('seed 000: statements of Kanaani, Bagheri and the Pentagon official', () => {
  const { text, r } = results.get('seed-000')!;
  const by = (name: string) => r.statements.filter((s) => s.speaker === name);
  const kanaani = by('Nasser Kanaani');
  assert.equal(kanaani.length, 3);
  assert.equal(kanaani[0].speaker_ar, 'ناصر كنعاني');
  assert.equal(kanaani[0].role, 'Iranian foreign ministry spokesman');
  assertSpan(text, kanaani[1].quote, 'إنما تحصدون ما تزرعون. دعم إثارة التوتر في المنطقة سيؤدي إلى ردود أفعال');
  const bagheri = by('Mohammad Bagheri');
  assert.equal(bagheri.length, 2);
  assert.match(bagheri[1].quote.text, /^أحد أسباب صمود المقاتلين الفلسطينيين/);
  const official = by('US Department of Defense official');
  assert.ok(official.some((s) => s.quote.text.startsWith('من 17 أكتوبر إلى 30 منه')));
  for (const s of r.statements) assert.equal(s.date, '2023-10-30');
});

test('seed 001: one drone attack on Ain al-Asad, claimed as a hit, reported shot down by Fars', () => {
  const { text, r } = results.get('seed-001')!;
  assert.equal(r.events.length, 1, 'the threat, the history and the Gaza war are not events');
  const [e] = r.events;
  assert.equal(e.location?.name, 'Ain al-Asad Air Base');
  assert.equal(e.subtype, 'air_drone_strike');
  assert.deepEqual([e.date.start, e.date.end], ['2023-12-15', '2023-12-15']);
  assertSpan(text, e.date.evidence, 'الجمعة 15 ديسمبر/كانون الأول 2023');
  assert.deepEqual(e.weapons, ['drone']);
  assert.deepEqual(
    e.claims.map((c) => [c.kind, c.by, c.outcome]),
    [
      ['responsibility', 'Islamic Resistance in Iraq', null],
      ['outcome', 'Islamic Resistance in Iraq', 'hit'],
      ['outcome', 'Fars News Agency', 'intercepted'],
    ],
  );
  assert.deepEqual(e.sources, ['Fars News Agency']);
  const stats = r.statistics.map((s) => [s.what, s.value, s.area, s.evidence.text]);
  assert.deepEqual(stats, [
    ['killed', 18608, 'PS', '18 ألفاً و608'],
    ['injured', 50594, 'PS', '50 ألفاً و594'],
  ]);
  const austin = r.statements.find((s) => s.speaker === 'Lloyd Austin');
  assert.ok(austin);
  assert.equal(austin.speaker_ar, 'لويد أوستن');
  assert.match(austin.quote.text, /^واشنطن سترسل المزيد من العتاد العسكري/);
});
