/** ACLED CSV actors on the dev corpus: generic actors qualified by a country, associated actors only allies. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acledRow } from '../../src/export/acled.js';
import { forcesOf } from '../../src/export/acled-actor-names.js';
import type { Incident } from '../../src/fuse/types.js';
import type { Actor } from '../../src/types.js';
import { fusedIncidents } from './dev-incidents.js';

const incidents = fusedIncidents('dev/articles.jsonl');
const rows = incidents.map((i) => ({ i, r: acledRow(i, 1) }));
const list = (s: string | number) => (s === '' ? [] : String(s).split('; '));
const GENERIC = /^(civilians|protesters|rioters|unidentified armed group|military forces|security forces)$/i;

test("ACLED actors: generic ones qualified by a country (the actor's, its side's forces', the event's)", () => {
  for (const { r } of rows) {
    for (const name of [r.actor1, r.actor2, ...list(r.assoc_actor_1), ...list(r.assoc_actor_2)])
      assert.doesNotMatch(String(name), GENERIC, `${r.event_id_cnty}: ${name}`);
    for (const name of [r.actor1, r.actor2])
      if (/^(Civilians|Protesters|Rioters|Unidentified Armed Group)\b/.test(String(name)))
        assert.match(String(name), /^[A-Za-z ]+ \([^)]+\)$/);
  }
  // a bare "الجيش" in Yemen is Yemen's army, as the lexicon names it
  const bare = rows.filter(({ i }) => i.perpetrators[0]?.name === 'Military forces');
  assert.ok(bare.length > 0, 'the dev corpus has bare state forces');
  for (const { i, r } of bare) assert.equal(r.actor1, forcesOf('Military', i.location!.country));
  assert.ok(bare.some(({ r }) => r.actor1 === 'Military Forces of Yemen'));
  // beside named forces, a bare "الجيش" is those forces: no second name for them
  const beside = rows.filter(
    ({ i }) =>
      i.perpetrators.some((a) => a.name === 'Military forces') &&
      i.perpetrators[0].category === 'state_forces' &&
      i.perpetrators[0].country,
  );
  for (const { r } of beside)
    assert.ok(!list(r.assoc_actor_1).some((n) => /^Military Forces of/.test(n)), String(r.actor1));
  // civilians and protesters in the second column, and among the associated actors
  assert.ok(rows.some(({ r }) => r.actor2 === 'Civilians (Syria)'));
  assert.ok(rows.some(({ r }) => list(r.assoc_actor_2).includes('Protesters (Palestine)')));
  // the lexicon's spelling and ACLED's "the"
  assert.equal(forcesOf('Military', 'TR'), 'Military Forces of Turkey');
  assert.equal(forcesOf('Police', 'IQ'), 'Police Forces of Iraq');
  assert.equal(forcesOf('Military', 'SO'), 'Military Forces of Somalia');
  assert.equal(forcesOf('Police', 'NL'), 'Police Forces of the Netherlands');
});

test("ACLED actors: an actor's own country first; a named group of civilians is Civilians with the group associated", () => {
  const vac = rows.find(({ r }) => r.actor2 === 'Civilians (Syria)')!.i;
  const own: Incident = {
    ...vac,
    targets: [{ ...vac.targets[0], name: 'Civilians', category: 'civilians', country: 'PS' }],
  };
  assert.equal(acledRow(own, 1).actor2, 'Civilians (Palestine)');
  const scd: Actor = { ...vac.targets[0], name: 'Syria Civil Defence', category: 'civilians', country: 'SY' };
  const row = acledRow({ ...vac, targets: [scd] }, 1);
  assert.equal(row.actor2, 'Civilians (Syria)');
  assert.equal(row.assoc_actor_2, 'Syria Civil Defence');
  assert.equal(row.inter2, 'Civilians');
  const riot = acledRow(
    { ...vac, perpetrators: [{ ...scd, role: 'perpetrator', name: 'Rioters', category: 'rioters', country: null }] },
    1,
  );
  assert.equal(riot.actor1, `Rioters (${riot.country})`);
});

test('ACLED actors: assoc_actor_1 and assoc_actor_2 hold allies only, never the other side or an alternative', () => {
  let alternatives = 0;
  let rebels = 0;
  for (const { i, r } of rows) {
    const a1 = list(r.assoc_actor_1);
    const a2 = list(r.assoc_actor_2);
    for (const n of a1) assert.ok(n !== r.actor2 && !a2.includes(n), `${n} on both sides`);
    for (const n of a2) assert.ok(n !== r.actor1, `${n} on both sides`);
    // a perpetrator that another report blames instead is not an ally
    const said = i.disagreements.find((d) => d.field === 'perpetrator');
    if (said && i.perpetrators.length > 1) {
      const first = i.perpetrators[0].name;
      const together = said.values.map((v) => String(v.value).split(' + ')).filter((g) => g.includes(first));
      for (const p of i.perpetrators.slice(1))
        if (!together.some((g) => g.includes(p.name)) && !GENERIC.test(p.name)) {
          assert.ok(!a1.includes(p.name), `${p.name}: an alternative, not an ally of ${first}`);
          alternatives++;
        }
      assert.match(String(r.notes), /Reports disagree on the perpetrator: /);
    }
    // a rebel group does not fight beside its own state's forces
    const p0 = i.perpetrators[0];
    for (const p of i.perpetrators.slice(1)) {
      const pair = new Set([p0.category, p.category]);
      if (p.country && p.country === p0.country && pair.has('rebel_group') && pair.has('state_forces')) {
        assert.ok(!a1.includes(p.name), `${p.name} beside ${p0.name}`);
        rebels++;
      }
    }
  }
  assert.ok(alternatives >= 2, `alternatives seen: ${alternatives}`);
  assert.ok(rebels >= 1, `rebel/state pairs seen: ${rebels}`);
});
