/**
 * The HTTP API over a store holding the seeds and the dev articles, on PGlite and PostgreSQL: listings and their
 * filters, details whose spans index into the documents, bad parameters, and the review flow (correct, confirm,
 * reject) through the incidents, the export and a re-extraction.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { isIndexedSort, type SortKey } from '../../src/store/answers.js';
import { inlinePool } from '../../src/store/extract-pool.js';
import { listIncidents } from '../../src/store/incident-queries.js';
import { type ListFilter, SORTS } from '../../src/store/listing-filter.js';
import { cappedCount, listingQuery, pageKeys, textLead } from '../../src/store/page-keys.js';
import { reextract } from '../../src/store/reextract.js';
import type { EventRecord, Span } from '../../src/types.js';
import { backends } from '../store/backends.js';
import { DEV, items, SEEDS } from '../store/data.js';
import { type Api, type J, parseCsv, qs, startApi } from './helpers.js';

/** Every evidence span of a record. */
function spans(e: EventRecord): Span[] {
  return [
    ...e.evidence,
    e.date.evidence,
    e.location?.evidence,
    ...e.actors.map((a) => a.evidence),
    ...e.fatalities.evidence,
    ...e.claims.map((c) => c.evidence),
  ].filter((s): s is Span => !!s);
}

const AIN_AL_ASAD = 'عين الاسد'; // written without the hamza of الأسد

/**
 * /api/events sorted by the size of their incident, in both directions, against the sizes the incidents hold now
 * (the size kept on each event must follow every re-fusion).
 */
async function assertMembersSort(api: Api): Promise<void> {
  const truth = await sql<{ key: string; n: number | null }>`
    select e.key, i.members as n from events e left join incident_members m on m.event_key = e.key
      left join incidents i on i.id = m.incident_id`.execute(api.store.db);
  const size = new Map(truth.rows.map((r) => [r.key, r.n]));
  const kept = await api.store.db.selectFrom('events').select(['key', 'members']).execute();
  assert.deepEqual(
    kept.filter((r) => r.members !== size.get(r.key)),
    [],
  );
  // what PostgreSQL's ORDER BY does: nulls (events in no incident) last ascending, first descending
  const cmp = (a: string, b: string) => {
    const [x, y] = [size.get(a) ?? Number.POSITIVE_INFINITY, size.get(b) ?? Number.POSITIVE_INFINITY];
    return x !== y ? x - y : a < b ? -1 : a > b ? 1 : 0;
  };
  const keys = [...size.keys()].sort(cmp);
  for (const [sort, want] of [
    ['members', keys],
    ['-members', [...keys].reverse()],
  ] as const) {
    const r = await api.call(`/api/events?sort=${sort}&limit=10000`);
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.items.map((e: J) => e.key),
      want,
      sort,
    );
  }
}

for (const backend of backends()) {
  describe(`API on ${backend.name}`, { skip: backend.skip }, () => {
    let api: Api;
    let ain: { id: string; lat: number; lon: number; members: string[] };

    before(async () => {
      api = await startApi(backend, await items([SEEDS, DEV]));
    });
    after(async () => {
      await api?.close();
      await backend.cleanup();
    });

    test('health counts what the store holds', async () => {
      const r = await api.call('/api/health');
      assert.equal(r.status, 200);
      const n = async (t: 'documents' | 'events' | 'incidents') =>
        Number(
          (
            await api.store.db
              .selectFrom(t)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const embedded = backend.name === 'pglite';
      if (embedded) assert.match(r.body.note, /no job queue and no workers/);
      assert.deepEqual(r.body, {
        ok: true,
        // answering; the embedded store was not read into memory (only rasd serve does that)
        ready: true,
        warm: !embedded,
        version: r.body.version,
        store: backend.name,
        documents: await n('documents'),
        events: await n('events'),
        incidents: await n('incidents'),
        // ingested in this process: no job queue was made, no worker has run
        ...(embedded
          ? { queue: null, workers: null, note: r.body.note }
          : { queue: { installed: false, jobs: null }, workers: { windowSeconds: 15, live: [] } }),
      });
      assert.ok(r.body.documents >= 40 && r.body.incidents > 10);
    });

    test('the Ain al-Asad incident: found by q without hamza, with hamza, and by a bbox around it', async () => {
      const r = await api.call(`/api/incidents${qs({ q: AIN_AL_ASAD, country: 'IQ', limit: 50 })}`);
      assert.equal(r.status, 200);
      const found = r.body.items.filter((i: J) => /Ain al-Asad/.test(i.location?.name ?? ''));
      assert.ok(found.length >= 1, JSON.stringify(r.body.items.map((i: J) => i.location?.name)));
      assert.equal(r.body.total, r.body.items.length);
      const first = found.find((i: J) => i.date.start === '2023-10-30') ?? found[0];
      ain = { id: first.id, lat: first.location.lat, lon: first.location.lon, members: first.members };

      const hamza = await api.call(`/api/incidents${qs({ q: 'عين الأسد', country: 'IQ', limit: 50 })}`);
      assert.deepEqual(
        hamza.body.items.map((i: J) => i.id),
        r.body.items.map((i: J) => i.id),
      );
      const box = [ain.lon - 0.1, ain.lat - 0.1, ain.lon + 0.1, ain.lat + 0.1].join(',');
      const inBox = await api.call(`/api/incidents${qs({ bbox: box, limit: 1000 })}`);
      assert.ok(inBox.body.items.some((i: J) => i.id === ain.id));
      for (const i of inBox.body.items) {
        assert.ok(Math.abs(i.location.lat - ain.lat) <= 0.1 && Math.abs(i.location.lon - ain.lon) <= 0.1);
      }
      const far = await api.call(`/api/incidents${qs({ bbox: '0,0,1,1' })}`);
      assert.equal(far.body.total, 0);
      const nothing = await api.call(`/api/incidents${qs({ q: `${AIN_AL_ASAD} زززز` })}`);
      assert.equal(nothing.body.total, 0);

      // words of q: each found somewhere (an English actor name, an Arabic word of the text), in any order
      for (const route of ['incidents', 'events']) {
        const ids = async (q: string) =>
          new Set((await api.call(`/api/${route}${qs({ q, limit: 10000 })}`)).body.items.map((i: J) => i.id ?? i.key));
        const [a, b, both, reversed] = await Promise.all([
          ids('Resistance'),
          ids('قاعدة'),
          ids('Resistance قاعدة'),
          ids('قاعدة Resistance'),
        ]);
        const expected = [...a].filter((x) => b.has(x)).sort();
        assert.ok(expected.length > 0, route);
        assert.deepEqual([...both].sort(), expected, route);
        assert.deepEqual([...reversed].sort(), expected, route);
      }
    });

    test('filters, sorting and pages of incidents; points match the list', async () => {
      const all = await api.call('/api/incidents?limit=10000');
      const total = all.body.total;
      assert.equal(all.body.items.length, total);
      const iq = await api.call(
        `/api/incidents${qs({ country: 'iq', type: 'Explosions/Remote violence', limit: 10000 })}`,
      );
      assert.ok(iq.body.total > 0 && iq.body.total < total);
      for (const i of iq.body.items) {
        assert.equal(i.location.country, 'IQ');
        assert.equal(i.type, 'explosions_remote_violence');
      }
      const spec = await api.call(`/api/incidents${qs({ country: 'IQ', type: 'explosions_remote_violence' })}`);
      assert.equal(spec.body.total, iq.body.total);
      const dated = await api.call(`/api/incidents${qs({ from: '2023-10-01', to: '2023-12-31', limit: 10000 })}`);
      assert.ok(dated.body.total >= 1);
      for (const i of dated.body.items) assert.ok(i.date.start <= '2023-12-31' && i.date.end >= '2023-10-01');

      const killed = await api.call('/api/incidents?sort=-killed&limit=10000');
      const figures = killed.body.items.map((i: J) => i.fatalities.killed).filter((k: unknown) => k !== null);
      assert.deepEqual(
        figures,
        [...figures].sort((a, b) => b - a),
      );
      const dates = (await api.call('/api/incidents?sort=date&limit=10000')).body.items.map((i: J) => i.date.start);
      assert.deepEqual(dates, [...dates].sort());

      const p1 = await api.call('/api/incidents?limit=5&offset=0&sort=date');
      const p2 = await api.call('/api/incidents?limit=5&offset=5&sort=date');
      assert.equal(p2.body.offset, 5);
      assert.equal(p2.body.limit, 5);
      const sorted = (await api.call('/api/incidents?sort=date&limit=10')).body.items.map((i: J) => i.id);
      assert.deepEqual(
        [...p1.body.items, ...p2.body.items].map((i: J) => i.id),
        sorted,
      );

      const actor = await api.call(`/api/incidents${qs({ actor: 'المقاومه الاسلاميه', limit: 1000 })}`);
      assert.ok(actor.body.total >= 1);
      for (const i of actor.body.items) {
        const names = [...i.perpetrators, ...i.targets].map((a: J) => `${a.name} ${a.name_ar}`).join(' ');
        assert.match(names, /المقاومة الإسلامية|Islamic Resistance/);
      }

      const points = await api.call(`/api/incidents/points${qs({ country: 'IQ' })}`);
      const listed = await api.call(`/api/incidents${qs({ country: 'IQ', sort: 'date', limit: 10000 })}`);
      assert.equal(points.body.total, listed.body.total);
      assert.deepEqual(
        points.body.items.map((p: J) => p.id),
        listed.body.items.map((i: J) => i.id),
      );
      const p = points.body.items.find((x: J) => x.id === ain.id);
      assert.equal(p.lat, ain.lat);
      assert.equal(p.members, ain.members.length);
      assert.match(p.place, /Ain al-Asad/);
    });

    test('totals: exact up to the cap, flagged past it; a last page, a page past the end, a date filter', async () => {
      const all = await api.call('/api/incidents?limit=3&sort=date');
      const n = all.body.total;
      assert.equal(all.body.totalExact, true);
      const tail = await api.call(`/api/incidents?limit=3&sort=date&offset=${n - 2}`);
      assert.deepEqual([tail.body.total, tail.body.totalExact, tail.body.items.length], [n, true, 2]);
      const past = await api.call(`/api/incidents?limit=3&offset=${n + 5}`);
      assert.deepEqual([past.body.total, past.body.totalExact, past.body.items.length], [n, true, 0]);
      const events = await api.call('/api/events?limit=1');
      assert.equal(events.body.totalExact, true);
      assert.equal(events.body.total, (await api.call('/api/events?limit=10000')).body.items.length);

      // past the cap the count stops: a lower bound, flagged
      const from = sql`from incidents i where true`;
      assert.deepEqual(await cappedCount(api.store.db, from, n - 1), { total: n - 1, totalExact: false });
      assert.deepEqual(await cappedCount(api.store.db, from, n), { total: n, totalExact: true });
      const page = await listIncidents(api.store.db, {}, { limit: 2, offset: 0, sort: '-date' });
      assert.deepEqual([page.total, page.totalExact, page.items.length], [n, true, 2]);

      // a date filter: what overlaps [from, to], either end open; from after to matches nothing
      const dated = (q: Record<string, string>) => api.call(`/api/incidents${qs({ ...q, limit: 10000 })}`);
      const days: [string, string][] = (await dated({})).body.items.map((i: J) => [
        i.date.start.slice(0, 10),
        (i.date.end ?? i.date.start).slice(0, 10),
      ]);
      const mid = [...days].sort()[Math.floor(days.length / 2)][0];
      const overlaps = (a: string | null, b: string | null) =>
        days.filter(([s, e]) => (!b || s <= b) && (!a || e >= a)).length;
      assert.equal((await dated({ from: mid })).body.total, overlaps(mid, null));
      assert.equal((await dated({ to: mid })).body.total, overlaps(null, mid));
      assert.equal((await dated({ from: mid, to: mid })).body.total, overlaps(mid, mid));
      const none = await listIncidents(
        api.store.db,
        { from: '2024-01-02', to: '2024-01-01' },
        { limit: 5, offset: 0, sort: 'date' },
      );
      assert.equal(none.total, 0);
    });

    test("a page is the same whichever way it is taken: the sort index walked, the matches sorted, the planner's way, a text search's candidates first", async () => {
      const filters: [string, ListFilter][] = [
        ['all', {}],
        ['country', { country: 'IQ' }],
        ['actor', { actor: 'حوثي' }],
        ['bbox', { bbox: { west: 35, south: 29, east: 48, north: 38 } }],
        ['q', { q: 'قصف' }],
        ['q, two words', { q: 'الاسد عين' }],
        ['q, a word of two letters', { q: 'في الاسد' }],
        ['q and country', { q: 'قصف', country: 'IQ' }],
      ];
      for (const [name, f] of filters) {
        // the keys no index serves are all sorted the same way: two of them stand for the rest
        const sorts = SORTS.filter(
          (s) => isIndexedSort(s.replace('-', '') as SortKey) || ['-injured', 'place_ar'].includes(s),
        );
        for (const sort of sorts) {
          for (const table of ['incidents', 'events'] as const) {
            const q = listingQuery(table, f, { limit: 1, offset: 0, sort });
            for (const page of [
              { limit: 7, offset: 0, sort },
              { limit: 5, offset: 9, sort },
            ]) {
              const sorted = await pageKeys(api.store.db, q, page, 'sort');
              for (const way of f.q ? (['walk', 'planner', 'hits'] as const) : (['walk', 'planner'] as const)) {
                const other = await pageKeys(api.store.db, q, page, way);
                // (a text search's candidates are counted whole: the count is exact past the cap)
                assert.deepEqual(other.keys, sorted.keys, `${table} ${name} ${sort} ${page.offset} ${way}`);
                if (sorted.totalExact) assert.equal(other.total, sorted.total, `${table} ${name} ${sort} ${way}`);
              }
              if (f.q) {
                // the words looked for in one document first, then ten, a hundred…: found as often at first
                const probed = await pageKeys(api.store.db, q, page, 'hits', 1);
                assert.deepEqual(probed, { ...sorted, totalExact: true }, `${table} ${name} ${sort} probed up`);
              }
              const left = Math.max(0, Math.min(page.limit, sorted.total - page.offset));
              if (sorted.totalExact) assert.equal(sorted.keys.length, left, name);
              assert.ok(sorted.total > page.offset || page.offset > 0, `${name} finds something`);
            }
          }
        }
      }
    });

    test('a text search starts from its least-found word, looked for in more documents while the words tie', async () => {
      const docs = async (word: string) =>
        Number(
          (
            await sql<{ n: string }>`select count(*) as n from documents where search like ${`%${word}%`}`.execute(
              api.store.db,
            )
          ).rows[0].n,
        );
      // the longest word is not the rarest; the two-letter word is never probed
      const words = ['الجيش', 'عين', 'في'];
      const found = await Promise.all(words.map(docs));
      const least = Math.min(...found.slice(0, 2));
      assert.ok(found[1] < found[0] && found[2] > found[1], `the test data: ${found}`);
      const rarest = words[found.indexOf(least)];
      for (const cap of [1, 2, 1000]) {
        const q = listingQuery('incidents', { q: words.join(' ') }, { limit: 1, offset: 0, sort: 'date' });
        const { lead, rest } = await textLead(api.store.db, q, cap);
        assert.equal(lead, rarest, `cap ${cap}`);
        assert.deepEqual([...rest].sort(), words.filter((w) => w !== rarest).sort());
      }
      // only a word too short for the trigram index: it leads
      const short = listingQuery('events', { q: 'في' }, { limit: 1, offset: 0, sort: 'date' });
      assert.deepEqual(await textLead(api.store.db, short, 1000), { lead: 'في', rest: [] });
    });

    test('bad parameters are 400 with a message naming the parameter', async () => {
      const cases: [string, RegExp][] = [
        ['/api/incidents?from=2023-13-01', /"from".*not a date/],
        ['/api/incidents?from=yesterday', /"from"/],
        ['/api/incidents?from=2023-12-01&to=2023-11-01', /"from".*after "to"/],
        ['/api/incidents?bbox=1,2,3', /"bbox"/],
        ['/api/incidents?bbox=1,2,3,x', /"bbox"/],
        ['/api/incidents?bbox=-200,0,10,10', /"bbox".*-180/],
        ['/api/incidents?bbox=0,50,10,10', /"bbox".*south/],
        ['/api/incidents?limit=0', /"limit"/],
        ['/api/incidents?limit=10001', /"limit"/],
        ['/api/incidents?limit=ten', /"limit"/],
        ['/api/incidents?offset=-1', /"offset"/],
        ['/api/incidents?sort=size', /"sort".*-date/],
        ['/api/incidents?type=Bombing', /"type"/],
        ['/api/incidents?subtype=boom', /"subtype"/],
        ['/api/incidents?country=Atlantis', /"country": unknown country/],
        ['/api/incidents/points?to=2023-02-30', /"to"/],
        ['/api/events?review=maybe', /"review"/],
        ['/api/events?sort=name', /"sort"/],
        ['/api/export?format=xml', /"format"/],
        ['/api/export?from=1st', /"from"/],
        ['/api/reviews?limit=0', /"limit"/],
        ['/api/incidents?offset=1e20', /"offset"/],
        ['/api/incidents?offset=9007199254740993', /"offset"/],
        ['/api/incidents?q=%D8%B9%D9%8A%D9%86%00', /"q".*NUL/],
        ['/api/events?actor=x%00y', /"actor".*NUL/],
        ['/api/incidents/x%00y', /path parameter "id".*NUL/],
        // a parameter a route does not read is refused, not ignored
        ['/api/incidents?iso=760', /query parameter "iso" is not one this route reads \(it reads: .*country/],
        ['/api/events?page=2', /query parameter "page"/],
        ['/api/export?event_date=2018-06-01', /query parameter "event_date"/],
        ['/api/health?verbose=1', /query parameter "verbose".*reads: none/],
        ['/api/documents/a%00b', /path parameter "id".*NUL/],
        ['/api/events/a%00%23e1', /path parameter "key".*NUL/],
        [
          `/api/incidents?q=${encodeURIComponent(Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' '))}`,
          /"q".*32 words/,
        ],
      ];
      for (const [url, message] of cases) {
        const r = await api.call(url);
        assert.equal(r.status, 400, url);
        assert.equal(r.body.error, 'Bad Request', url);
        assert.equal(r.body.statusCode, 400, url);
        assert.match(r.body.message, message, url);
      }
      for (const url of ['/api/incidents/inc-none', '/api/events/nodoc%23e1', '/api/documents/nodoc', '/api/nothing']) {
        const r = await api.call(url);
        assert.equal(r.status, 404, url);
        assert.equal(r.body.statusCode, 404);
        assert.ok(r.body.message.length > 5);
      }
    });

    test('a body nested past any document, and a Host this server does not answer to, are refused', async () => {
      let nested = '1';
      for (let i = 0; i < 100_000; i++) nested = `[${nested}]`;
      for (const payload of [`{"documents":${nested}}`, `{"documents":[{"id":"d","text":"قصف","x":${nested}}]}`]) {
        const r = await api.call({
          method: 'POST',
          url: '/api/ingest',
          headers: { 'content-type': 'application/json' },
          payload,
        });
        assert.equal(r.status, 400);
        assert.match(r.body.message, /nested more than 64 levels/);
      }
      // DNS rebinding: another site's name pointed at this machine
      const evil = await api.call({ url: '/api/incidents', headers: { host: 'attacker.example:8080' } });
      assert.equal(evil.status, 403);
      assert.match(evil.body.message, /--allow-host attacker\.example/);
      for (const host of ['localhost:8080', '127.0.0.1:3000', '[::1]:8080', 'rasd.localhost', '10.0.0.5'])
        assert.equal((await api.call({ url: '/api/health', headers: { host } })).status, 200, host);
    });

    test('answers compressed when the client accepts it, with an ETag a repeat gets a 304 for, reads revalidated', async () => {
      const plain = await api.app.inject({ url: '/api/incidents/points' });
      const gz = await api.app.inject({ url: '/api/incidents/points', headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.statusCode, 200);
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.ok(
        gz.rawPayload.length < plain.rawPayload.length / 2,
        `${gz.rawPayload.length} of ${plain.rawPayload.length}`,
      );
      assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')), JSON.parse(plain.payload));
      assert.equal(plain.headers['cache-control'], 'no-cache');
      const tag = plain.headers.etag as string;
      assert.ok(tag);
      const again = await api.app.inject({ url: '/api/incidents/points', headers: { 'if-none-match': tag } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.payload, '');
    });

    test("a script written for ACLED's API runs against /api/acled/read: the same incidents as /api/incidents", async () => {
      const listed = (await api.call('/api/incidents?country=IQ&from=2023-10-01&to=2023-12-31&limit=10000')).body;
      const want = listed.items.map((i: J) => `${i.date.start} ${i.location?.name}`).sort();
      assert.ok(want.length >= 2);
      // as ACLED documents its query string: key and email, a country name, a date range BETWEEN
      const acled = await api.call(
        '/api/acled/read?key=K&email=a@b.org&terms=accept&country=Iraq&event_date=2023-10-01|2023-12-31&event_date_where=BETWEEN&limit=5000',
      );
      assert.equal(acled.status, 200, acled.text);
      assert.equal(acled.body.success, true);
      assert.equal(acled.body.count, listed.total);
      assert.deepEqual(acled.body.data.map((r: J) => `${r.event_date} ${r.location}`).sort(), want);
      for (const r of acled.body.data) {
        assert.match(r.event_id_cnty, /^IRQ\d+$/);
        assert.equal(r.iso, '368');
        assert.equal(r.country, 'Iraq');
      }
      // the numeric iso, a year, ACLED's type names, fields, a page, CSV
      const byIso = await api.call('/api/acled/read?iso=368&year=2023&limit=5000');
      assert.deepEqual(
        byIso.body.data.map((r: J) => r.event_id_cnty).sort(),
        acled.body.data.map((r: J) => r.event_id_cnty).sort(),
      );
      const shelling = await api.call(
        `/api/acled/read${qs({ iso: 368, event_type: 'Explosions/Remote violence', fields: 'event_id_cnty|event_type' })}`,
      );
      assert.ok(shelling.body.count >= 1);
      for (const r of shelling.body.data) {
        assert.deepEqual(Object.keys(r), ['event_id_cnty', 'event_type']);
        assert.equal(r.event_type, 'Explosions/Remote violence');
      }
      const one = await api.call('/api/acled/read?iso=368&limit=1&page=2');
      assert.equal(one.body.count, 1);
      const csv = await api.call('/api/acled/read?iso=368&_format=csv&fields=event_id_cnty|event_date|fatalities');
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.equal(csv.text.split('\n')[0], 'event_id_cnty,event_date,fatalities');
      for (const [url, message] of [
        ['/api/acled/read?iso=999', /"iso"/],
        ['/api/acled/read?event_date=2023-10-01&event_date_where=LIKE', /"event_date_where"/],
        ['/api/acled/read?fields=event_id_cnty|colour', /"fields": unknown field "colour"/],
        ['/api/acled/read?region=11', /query parameter "region" is not one this route reads/],
      ] as const) {
        const r = await api.call(url);
        assert.equal(r.status, 400, url);
        assert.match(r.body.message, message, url);
      }
    });

    test("an incident's members: their spans index into their documents' text", async () => {
      const r = await api.call(`/api/incidents/${encodeURIComponent(ain.id)}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.incident.id, ain.id);
      assert.deepEqual(
        r.body.members.map((m: J) => m.key),
        ain.members,
      );
      let checked = 0;
      for (const m of r.body.members) {
        assert.equal(m.key, `${m.documentId}#${m.eventId}`);
        assert.equal(m.review.status, 'unreviewed');
        assert.equal(m.document.id, m.documentId);
        const doc = await api.call(`/api/documents/${encodeURIComponent(m.documentId)}`);
        assert.equal(doc.status, 200);
        assert.ok(doc.body.events.some((e: J) => e.key === m.key && e.incidentId === ain.id));
        for (const s of spans(m.event)) {
          assert.equal(doc.body.text.slice(s.start, s.end), s.text);
          checked++;
        }
      }
      assert.ok(checked >= 3);
      const stats = await api.call('/api/statistics');
      assert.ok(stats.body.items.length >= 1);
      assert.ok(stats.body.items.every((s: J) => typeof s.document === 'string' && s.statistic.evidence));
    });

    test('events: filtered listing, detail with the original record', async () => {
      const r = await api.call(`/api/events${qs({ q: AIN_AL_ASAD, limit: 100 })}`);
      assert.ok(r.body.items.some((e: J) => ain.members.includes(e.key)));
      for (const e of r.body.items) assert.equal(e.review.status, 'unreviewed');
      const all = await api.call('/api/events?limit=1');
      const unreviewed = await api.call('/api/events?limit=1&review=unreviewed');
      assert.equal(unreviewed.body.total, all.body.total);
      const iq = await api.call(`/api/events${qs({ country: 'IQ', subtype: 'Air/drone strike', limit: 1000 })}`);
      for (const e of iq.body.items) {
        assert.equal(e.event.location.country, 'IQ');
        assert.equal(e.event.subtype, 'air_drone_strike');
      }
      const key = ain.members[0];
      const d = await api.call(`/api/events/${encodeURIComponent(key)}`);
      assert.equal(d.status, 200);
      assert.equal(d.body.incidentId, ain.id);
      assert.deepEqual(d.body.original, d.body.event);
      assert.deepEqual(d.body.review, { status: 'unreviewed', actions: [] });
    });

    test('a correction of fatalities.killed changes the event, the incident and the ACLED export, and survives reextract', async () => {
      const key = ain.members[0];
      const before = (await api.call(`/api/events/${encodeURIComponent(key)}`)).body;
      const extracted = before.event.fatalities.killed;
      const r = await api.call({
        method: 'POST',
        url: `/api/events/${encodeURIComponent(key)}/reviews`,
        payload: { who: 'analyst-1', action: 'correct', field: 'fatalities.killed', value: 0, note: 'no one died' },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.key, key);
      assert.equal(r.body.event.fatalities.killed, 0);
      assert.equal(r.body.review.status, 'corrected');
      const [action] = r.body.review.actions;
      assert.equal(action.who, 'analyst-1');
      assert.equal(action.field, 'fatalities.killed');
      assert.equal(action.before, extracted);
      assert.equal(action.after, 0);
      assert.equal(action.note, 'no one died');
      assert.ok(!Number.isNaN(Date.parse(action.at)));

      const incident = (await api.call(`/api/incidents/${encodeURIComponent(r.body.incidentId)}`)).body.incident;
      assert.equal(incident.fatalities.killed, 0); // the most conservative figure of the members
      const csv = await api.call(`/api/export${qs({ format: 'acled-csv', q: AIN_AL_ASAD, country: 'IQ' })}`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename=rasd-.*\.csv/);
      const row = parseCsv(csv.text).find(
        (x) => x.event_date === incident.date.start && /Ain al-Asad/.test(x.location),
      );
      assert.ok(row, csv.text);
      assert.equal(row.fatalities, '0');
      // its timestamp is the incident's last change (this correction's re-fusion), not the time of the export
      const stored = await api.store.db
        .selectFrom('incidents')
        .select('updated_at')
        .where('id', '=', r.body.incidentId)
        .executeTakeFirstOrThrow();
      assert.equal(
        Number(row.timestamp),
        Math.floor(new Date(stored.updated_at as unknown as string).getTime() / 1000),
      );
      // a byte order mark for Excel when asked
      const withBom = await api.call('/api/export?bom=1&country=IQ');
      assert.equal(withBom.status, 200);
      assert.ok(withBom.text.startsWith('\uFEFFevent_id_cnty,'));

      const detail = (await api.call(`/api/events/${encodeURIComponent(key)}`)).body;
      assert.equal(detail.event.fatalities.killed, 0);
      assert.equal(detail.original.fatalities.killed, extracted);
      assert.equal(detail.review.status, 'corrected');

      const summary = await reextract(api.store.db, { all: true, pool: inlinePool() });
      assert.ok(summary.documents >= 40);
      assert.ok(summary.reviewsApplied >= 1);
      const again = (await api.call(`/api/events/${encodeURIComponent(key)}`)).body;
      assert.equal(again.event.fatalities.killed, 0);
      assert.equal(again.original.fatalities.killed, extracted);
      assert.equal(again.review.status, 'corrected');
      assert.equal(again.review.actions.length, 1);
      const after = (await api.call(`/api/incidents/${encodeURIComponent(again.incidentId)}`)).body.incident;
      assert.equal(after.fatalities.killed, 0);
      await assertMembersSort(api); // every event re-inserted, every incident cut again
    });

    test('corrections are checked: allowed fields, valid values; a place name is geocoded', async () => {
      const key = ain.members[0];
      const post = (payload: object, k = key) =>
        api.call({ method: 'POST', url: `/api/events/${encodeURIComponent(k)}/reviews`, payload });
      const bad: [object, RegExp][] = [
        [{ who: 'a', action: 'correct', field: 'confidence', value: 1 }, /"field".*must be one of/],
        [{ who: 'a', action: 'correct', field: 'fatalities.killed', value: -1 }, /non-negative integer/],
        [{ who: 'a', action: 'correct', field: 'fatalities.injured', value: 2.5 }, /non-negative integer/],
        [{ who: 'a', action: 'correct', field: 'type', value: 'bombing' }, /"type" must be one of/],
        [{ who: 'a', action: 'correct', field: 'date', value: '2023-02-30' }, /"date"/],
        [{ who: 'a', action: 'correct', field: 'weapons', value: ['laser'] }, /"weapons"/],
        [{ who: 'a', action: 'correct', field: 'location', value: 'زززززز' }, /no place named/],
        [{ who: 'a', action: 'correct', field: 'actors', value: [{ role: 'x' }] }, /actors\[0\]\.role/],
        [{ who: 'a', action: 'correct', field: 'type' }, /"value"/],
        [{ who: 'a', action: 'correct', value: 1 }, /"field"/],
        [{ who: 'a', action: 'delete' }, /"action"/],
        [{ action: 'confirm' }, /"who".*required/],
        [{ who: '  ', action: 'confirm' }, /"who"/],
      ];
      for (const [payload, message] of bad) {
        const r = await post(payload);
        assert.equal(r.status, 400, JSON.stringify(payload));
        assert.match(r.body.message, message, JSON.stringify(payload));
      }
      const missing = await post({ who: 'a', action: 'confirm' }, 'nodoc#e1');
      assert.equal(missing.status, 404);

      const other = ain.members[ain.members.length - 1];
      const typed = await post({ who: 'analyst-2', action: 'correct', field: 'type', value: 'Battles' }, other);
      assert.equal(typed.status, 201, typed.text);
      assert.equal(typed.body.event.type, 'battles');
      const placed = await post({ who: 'analyst-2', action: 'correct', field: 'location', value: 'الرمادي' }, other);
      assert.equal(placed.status, 201, placed.text);
      assert.equal(placed.body.event.location.name, 'Ramadi');
      assert.equal(placed.body.event.location.country, 'IQ');
      const byId = await post(
        {
          who: 'analyst-2',
          action: 'correct',
          field: 'location',
          value: { gazetteer_id: placed.body.event.location.gazetteer_id },
        },
        other,
      );
      assert.equal(byId.status, 201);
      assert.equal(byId.body.event.location.name, 'Ramadi');
      const dated = await post({ who: 'analyst-2', action: 'correct', field: 'date', value: '2023-10-29' }, other);
      assert.equal(dated.body.event.date.start, '2023-10-29');
      const fields = dated.body.review.actions.map((a: J) => a.field);
      assert.deepEqual(fields.slice(-4), ['type', 'location', 'location', 'date']);
      const moved = dated.body.review.actions.at(-3);
      assert.equal(moved.after.name, 'Ramadi');
      assert.deepEqual(moved.before, typed.body.event.location);
    });

    test('reject takes the event out of its incident and the export; confirm brings it back; history is listed', async () => {
      const key = ain.members[0];
      await assertMembersSort(api);
      const incidentBefore = (await api.call(`/api/events/${encodeURIComponent(key)}`)).body.incidentId;
      const r = await api.call({
        method: 'POST',
        url: `/api/events/${encodeURIComponent(key)}/reviews`,
        payload: { who: 'analyst-3', action: 'reject', note: 'not an attack' },
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.body.incidentId, null);
      assert.equal(r.body.review.status, 'rejected');
      await assertMembersSort(api);
      const last = r.body.review.actions.at(-1);
      assert.deepEqual([last.field, last.before, last.after], ['$status', 'corrected', 'rejected']);

      const old = await api.call(`/api/incidents/${encodeURIComponent(incidentBefore)}`);
      if (old.status === 200) assert.ok(!old.body.members.some((m: J) => m.key === key));
      else assert.equal(old.status, 404);
      const listed = await api.call('/api/incidents?limit=10000');
      assert.ok(!listed.body.items.some((i: J) => i.members.includes(key)));
      const jsonl = await api.call('/api/export?format=jsonl');
      assert.match(String(jsonl.headers['content-type']), /application\/x-ndjson/);
      const exported = jsonl.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.equal(exported.length, listed.body.total);
      assert.ok(!exported.some((i: J) => i.members.includes(key)));
      const geo = await api.call('/api/export?format=geojson');
      assert.match(String(geo.headers['content-type']), /application\/geo\+json/);
      assert.equal(JSON.parse(geo.text).type, 'FeatureCollection');

      const rejected = await api.call('/api/events?review=rejected');
      assert.deepEqual(
        rejected.body.items.map((e: J) => [e.key, e.incidentId]),
        [[key, null]],
      );

      const back = await api.call({
        method: 'POST',
        url: `/api/events/${encodeURIComponent(key)}/reviews`,
        payload: { who: 'analyst-4', action: 'confirm' },
      });
      assert.equal(back.status, 201);
      assert.equal(back.body.review.status, 'corrected'); // confirmed, and a field of it corrected
      assert.notEqual(back.body.incidentId, null);
      const members = (await api.call(`/api/incidents/${encodeURIComponent(back.body.incidentId)}`)).body.members;
      assert.ok(members.some((m: J) => m.key === key));
      await assertMembersSort(api);

      const history = await api.call('/api/reviews?limit=3');
      assert.equal(history.status, 200);
      assert.equal(history.body.items.length, 3);
      const ids = history.body.items.map((a: J) => Number(a.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      );
      assert.deepEqual(
        [history.body.items[0].who, history.body.items[0].after, history.body.items[1].after],
        ['analyst-4', 'confirmed', 'rejected'],
      );
      const total = (await api.call('/api/reviews')).body.total;
      assert.equal(total, 7);
    });

    test('the OpenAPI document covers every route', async () => {
      const r = await api.call('/api/openapi.json');
      assert.equal(r.status, 200);
      assert.equal(r.body.openapi, '3.1.0');
      const routes = Object.entries(r.body.paths).flatMap(([p, ops]) =>
        Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`),
      );
      assert.deepEqual(routes.sort(), [
        'GET /api/acled/read',
        'GET /api/documents/{id}',
        'GET /api/events',
        'GET /api/events/{key}',
        'GET /api/export',
        'GET /api/health',
        'GET /api/incidents',
        'GET /api/incidents/choices',
        'GET /api/incidents/points',
        'GET /api/incidents/totals',
        'GET /api/incidents/{id}',
        'GET /api/openapi.json',
        'GET /api/review-queue',
        'GET /api/reviews',
        'GET /api/statistics',
        'GET /metrics',
        'POST /api/enqueue',
        'POST /api/events/{key}/reviews',
        'POST /api/ingest',
      ]);
      // every operation named once; writes need the bearer token the document declares; errors listed
      const ops = Object.values(r.body.paths).flatMap((p) => Object.entries(p as object));
      const ids = ops.map(([, op]) => (op as J).operationId);
      assert.equal(new Set(ids).size, ops.length, ids.join(' '));
      assert.equal(r.body.components.securitySchemes.bearer.scheme, 'bearer');
      for (const [method, op] of ops as [string, J][]) {
        assert.deepEqual(op.security, method === 'post' ? [{ bearer: [] }] : [], op.operationId);
        if (method === 'post') assert.ok(op.responses['401'] && op.responses['403'], op.operationId);
        assert.ok(op.responses['400'] && op.responses['500'], op.operationId);
      }
      assert.equal(r.body.paths['/api/incidents/{id}'].get.operationId, 'getApiIncidentsById');
      const ingestBody = r.body.paths['/api/ingest'].post.requestBody.content['application/json'].schema;
      assert.equal(ingestBody.oneOf.length, 2, 'the ingest body is described');
      const list = r.body.paths['/api/incidents'].get;
      assert.ok(list.parameters.some((p: J) => p.name === 'bbox' && p.in === 'query'));
      assert.equal(
        list.responses['200'].content['application/json'].schema.properties.items.items.$ref,
        '#/components/schemas/Incident',
      );
    });
  });
}
