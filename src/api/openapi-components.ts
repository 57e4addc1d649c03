/** The JSON shapes of the API as OpenAPI 3.1 component schemas (src/types.ts, src/fuse/types.ts, the stores'). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, 'null'] });
const day = { type: 'string', format: 'date' };
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
});

export const SCHEMAS: Record<string, unknown> = {
  Error: obj({ statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } }),
  Worker: obj({
    id: { type: 'string', format: 'uuid' },
    host: { type: 'string' },
    pid: { type: 'integer' },
    started: { type: 'string', format: 'date-time' },
    lastSeen: { type: 'string', format: 'date-time', description: 'its last heartbeat (every 5 s, and after jobs)' },
    jobsDone: { type: 'integer' },
    jobsFailed: { type: 'integer', description: 'failed for good (recorded in job_failures), retries not counted' },
  }),
  Span: obj({
    start: { type: 'integer', description: "offset into the document's text" },
    end: { type: 'integer' },
    text: { type: 'string', description: 'text.slice(start, end)' },
  }),
  EventDate: obj({ start: day, end: day, precision: { enum: ['day', 'week', 'month'] }, evidence: ref('Span') }, [
    'start',
    'end',
    'precision',
  ]),
  Place: obj({
    name: { type: 'string' },
    name_ar: { type: 'string' },
    lat: { type: 'number' },
    lon: { type: 'number' },
    country: { type: 'string' },
    admin1: nullable('string'),
    feature: { type: 'string' },
    gazetteer_id: { type: 'string' },
    precision: { enum: [1, 2, 3] },
    evidence: ref('Span'),
  }),
  Actor: obj({
    role: { enum: ['perpetrator', 'target'] },
    name: { type: 'string' },
    name_ar: { type: 'string' },
    category: { type: 'string' },
    country: nullable('string'),
    evidence: ref('Span'),
  }),
  Claim: obj(
    {
      kind: { enum: ['responsibility', 'outcome', 'denial'] },
      by: { type: 'string' },
      by_ar: { type: 'string' },
      outcome: nullable('string'),
      evidence: ref('Span'),
    },
    ['kind', 'by', 'outcome', 'evidence'],
  ),
  EventRecord: obj({
    id: { type: 'string' },
    type: { type: 'string' },
    subtype: { type: 'string' },
    date: ref('EventDate'),
    location: { oneOf: [ref('Place'), { type: 'null' }] },
    actors: { type: 'array', items: ref('Actor') },
    weapons: { type: 'array', items: { type: 'string' } },
    fatalities: obj({
      killed: nullable('integer'),
      injured: nullable('integer'),
      evidence: { type: 'array', items: ref('Span') },
    }),
    claims: { type: 'array', items: ref('Claim') },
    sources: { type: 'array', items: { type: 'string' } },
    evidence: { type: 'array', items: ref('Span') },
    confidence: { type: 'number' },
  }),
  Incident: obj({
    id: { type: 'string' },
    type: { type: 'string' },
    subtype: { type: 'string' },
    date: ref('EventDate'),
    location: { oneOf: [ref('Place'), { type: 'null' }] },
    perpetrators: { type: 'array', items: ref('Actor') },
    targets: { type: 'array', items: ref('Actor') },
    weapons: { type: 'array', items: { type: 'string' } },
    fatalities: obj({ killed: nullable('integer'), injured: nullable('integer') }),
    claims: { type: 'array', items: ref('Claim') },
    sources: { type: 'array', items: { type: 'string' } },
    members: { type: 'array', items: { type: 'string' }, description: 'event keys' },
    disagreements: { type: 'array', items: { type: 'object' } },
  }),
  ReviewAction: obj({
    id: { type: 'string' },
    who: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    target: { type: 'string', description: 'event key' },
    field: { type: 'string', description: 'a corrected field, or "$status" for confirm/reject' },
    before: {},
    after: {},
    status: { enum: ['applied', 'event_gone'] },
    note: nullable('string'),
  }),
  ReviewState: obj({
    status: { enum: ['unreviewed', 'confirmed', 'corrected', 'rejected'] },
    actions: { type: 'array', items: ref('ReviewAction') },
  }),
  DocumentRef: obj({
    id: { type: 'string' },
    title: nullable('string'),
    source: nullable('string'),
    url: nullable('string'),
    published: nullable('string'),
  }),
  Member: obj({
    key: { type: 'string' },
    documentId: { type: 'string' },
    eventId: { type: 'string' },
    event: ref('EventRecord'),
    review: ref('ReviewState'),
    document: ref('DocumentRef'),
  }),
  EventItem: obj({
    key: { type: 'string' },
    documentId: { type: 'string' },
    incidentId: nullable('string'),
    event: ref('EventRecord'),
    review: ref('ReviewState'),
  }),
  Statistic: { type: 'object', description: 'a count an article cites (src/types.ts Statistic)' },
  Statement: { type: 'object', description: 'a quoted statement (src/types.ts Statement)' },
  IngestDocument: obj(
    {
      id: { type: 'string' },
      title: { type: 'string' },
      text: { type: 'string' },
      html: { type: 'string' },
      published: { type: 'string' },
      source: { type: 'string' },
      url: { type: 'string' },
    },
    [],
  ),
};

const page = (item: string) =>
  obj({
    total: {
      type: 'integer',
      description: 'the number of matches; when totalExact is false, a lower bound (counting stopped there)',
    },
    totalExact: {
      type: 'boolean',
      description:
        'false when more than 1,000 matches (or more than offset + limit, if further) were not all counted (a text search counts all)',
    },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    items: { type: 'array', items: ref(item) },
  });

/** The success response of each route, by "METHOD url". */
export const RESPONSES: Record<string, { status: number; type?: string; schema: unknown }> = {
  'GET /api/health': {
    status: 200,
    schema: obj(
      {
        ok: { const: true, description: 'the store answered (503 with ok false when it cannot be read)' },
        ready: { const: true, description: 'the server answers requests: true from the moment it listens' },
        warm: {
          type: 'boolean',
          description:
            'an embedded store has been read into memory (rasd serve does so after it listens); a PostgreSQL server always is',
        },
        version: { type: 'string' },
        store: { enum: ['pglite', 'postgres'] },
        documents: { type: 'integer' },
        events: { type: 'integer' },
        incidents: { type: 'integer' },
        queue: {
          description: 'the job queue (PostgreSQL only; null on an embedded store)',
          oneOf: [
            { type: 'null' },
            obj({
              installed: { type: 'boolean', description: 'false until a worker or an enqueue made the queue' },
              jobs: {
                description: 'per queue, jobs waiting (created), waiting for a retry and running (active)',
                oneOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    additionalProperties: obj({
                      created: { type: 'integer' },
                      retry: { type: 'integer' },
                      active: { type: 'integer' },
                    }),
                  },
                ],
              },
            }),
          ],
        },
        workers: {
          description:
            'the workers whose heartbeat reached the store lately (PostgreSQL only; null on an embedded store)',
          oneOf: [
            { type: 'null' },
            obj({
              windowSeconds: { type: 'integer', description: 'a worker not heard from for this long is not listed' },
              live: { type: 'array', items: ref('Worker') },
            }),
          ],
        },
        note: { type: 'string' },
      },
      ['ok', 'ready', 'warm', 'version', 'store', 'documents', 'events', 'incidents', 'queue', 'workers'],
    ),
  },
  'GET /metrics': {
    status: 200,
    type: 'text/plain; version=0.0.4',
    schema: { type: 'string', description: "Prometheus's text exposition format" },
  },
  'POST /api/enqueue': {
    status: 202,
    schema: obj({
      urls: { type: 'integer', description: 'feed and article URLs queued (fetch_article jobs)' },
      documents: { type: 'integer', description: 'documents queued (extract jobs)' },
      failed: { type: 'array', items: obj({ item: { type: 'string' }, reason: { type: 'string' } }) },
    }),
  },
  'GET /api/incidents': { status: 200, schema: page('Incident') },
  'GET /api/incidents/points': {
    status: 200,
    schema: obj({
      total: { type: 'integer' },
      items: {
        type: 'array',
        items: obj({
          id: { type: 'string' },
          lat: nullable('number'),
          lon: nullable('number'),
          type: { type: 'string' },
          subtype: { type: 'string' },
          date: day,
          killed: nullable('integer'),
          injured: nullable('integer'),
          members: { type: 'integer' },
          place: nullable('string'),
          placeAr: nullable('string'),
          precision: { oneOf: [{ type: 'null' }, { type: 'integer', enum: [1, 2, 3] }] },
        }),
      },
    }),
  },
  'GET /api/incidents/totals': {
    status: 200,
    schema: (() => {
      const row = obj(
        {
          key: { type: 'string', description: 'the type (spec name), the country (ISO2) or the actor (English name)' },
          nameAr: { ...nullable('string'), description: "actors: the actor's Arabic name" },
          incidents: { type: 'integer' },
          killed: { type: 'integer' },
        },
        ['key', 'incidents', 'killed'],
      );
      const rows = { type: 'array', items: row };
      return obj({
        incidents: { type: 'integer' },
        killed: { type: 'integer', description: 'the sum over the incidents that give a figure (killedKnown)' },
        injured: { type: 'integer', description: 'the sum over the incidents that give a figure (injuredKnown)' },
        killedKnown: { type: 'integer' },
        injuredKnown: { type: 'integer' },
        byType: rows,
        byCountry: rows,
        byActor: rows,
      });
    })(),
  },
  'GET /api/incidents/choices': {
    status: 200,
    schema: obj({
      countries: {
        type: 'array',
        items: obj({
          code: { type: 'string', description: 'ISO2' },
          incidents: { type: 'integer' },
          names: {
            type: 'array',
            items: { type: 'string' },
            description: 'the names it is typed by, English and Arabic',
          },
        }),
      },
      admin1: {
        type: 'array',
        items: obj({
          country: { type: 'string', description: 'ISO2' },
          name: {
            type: 'string',
            description: 'as the store names it (the admin1 filter takes it, or an Arabic name)',
          },
          namesAr: { type: 'array', items: { type: 'string' }, description: "the gazetteer's Arabic names" },
          incidents: { type: 'integer' },
        }),
      },
      actors: {
        type: 'array',
        items: obj({ name: { type: 'string' }, nameAr: nullable('string'), incidents: { type: 'integer' } }),
      },
    }),
  },
  'GET /api/incidents/:id': {
    status: 200,
    schema: obj({
      incident: ref('Incident'),
      members: { type: 'array', items: ref('Member') },
      arabic: obj({
        admin1: { ...nullable('string'), description: "the first-level area's Arabic name in the gazetteer" },
        sources: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'the Arabic name of each source that has one, by the name the record keeps',
        },
      }),
    }),
  },
  'GET /api/events': { status: 200, schema: page('EventItem') },
  'GET /api/events/:key': {
    status: 200,
    schema: {
      allOf: [ref('EventItem'), obj({ original: ref('EventRecord') })],
    },
  },
  'POST /api/events/:key/reviews': {
    status: 201,
    schema: obj({
      key: { type: 'string' },
      incidentId: nullable('string'),
      event: ref('EventRecord'),
      review: ref('ReviewState'),
    }),
  },
  'GET /api/reviews': {
    status: 200,
    schema: obj({ total: { type: 'integer' }, items: { type: 'array', items: ref('ReviewAction') } }),
  },
  'GET /api/review-queue': {
    status: 200,
    schema: obj({
      total: { type: 'integer', description: 'the events to check among those checked' },
      checked: { type: 'integer', description: 'the unreviewed events the checks ran on' },
      items: {
        type: 'array',
        items: {
          allOf: [
            ref('Member'),
            obj({
              incidentId: nullable('string'),
              checks: {
                type: 'array',
                items: {
                  type: 'string',
                  enum: ['far_place', 'coarse_toll', 'toll_above_statistics', 'court_or_anniversary'],
                },
              },
            }),
          ],
        },
      },
    }),
  },
  'GET /api/documents/:id': {
    status: 200,
    schema: obj({
      id: { type: 'string' },
      title: nullable('string'),
      source: nullable('string'),
      url: nullable('string'),
      published: nullable('string'),
      text: { type: 'string' },
      events: {
        type: 'array',
        items: obj({ key: { type: 'string' }, incidentId: nullable('string'), event: ref('EventRecord') }),
      },
      statistics: { type: 'array', items: ref('Statistic') },
      statements: { type: 'array', items: ref('Statement') },
      errors: { type: 'array', items: obj({ code: { type: 'string' }, message: { type: 'string' } }) },
    }),
  },
  'POST /api/ingest': {
    status: 200,
    schema: obj({
      stored: { type: 'integer' },
      duplicates: { type: 'integer' },
      failed: { type: 'array', items: obj({ item: { type: 'string' }, reason: { type: 'string' } }) },
      events: { type: 'integer' },
      incidents: { type: 'integer', description: 'the change in the number of incidents' },
    }),
  },
  'GET /api/export': { status: 200, type: 'text/csv', schema: { type: 'string' } },
  'GET /api/acled/read': {
    status: 200,
    schema: {
      type: 'object',
      description:
        "ACLED's envelope: status, success, count and data (rows in ACLED's field names); CSV with _format=csv",
      properties: {
        status: { type: 'integer' },
        success: { type: 'boolean' },
        count: { type: 'integer' },
        data: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'null'] } } },
      },
    },
  },
  'GET /api/statistics': {
    status: 200,
    schema: obj({
      items: { type: 'array', items: obj({ document: { type: 'string' }, statistic: ref('Statistic') }) },
    }),
  },
  'GET /api/openapi.json': { status: 200, schema: { type: 'object' } },
};

/** Request bodies the routes read themselves (documented here; the routes check them with their own messages). */
export const REQUEST_BODIES: Record<string, unknown> = {
  'POST /api/ingest': {
    oneOf: [
      obj({ documents: { type: 'array', items: ref('IngestDocument'), minItems: 1 } }),
      obj({ url: { type: 'string', format: 'uri', description: 'a feed (RSS/Atom) or an article page' } }),
    ],
  },
  'POST /api/enqueue': {
    oneOf: [
      obj({ documents: { type: 'array', items: ref('IngestDocument'), minItems: 1 } }),
      obj({ url: { type: 'string', format: 'uri' } }),
      obj({ urls: { type: 'array', items: { type: 'string', format: 'uri' }, minItems: 1 } }),
    ],
  },
};
