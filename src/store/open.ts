/** Opening the store: an embedded PGlite directory (the default) or a PostgreSQL server, behind one Kysely. */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import { sharedBuffersMb } from './buffers.js';
import { acquireLock } from './lock.js';
import { migrate } from './migrations.js';
import type { Schema } from './schema.js';
import { WriteCount } from './write-count.js';

export const DEFAULT_DB = './rasd-data';

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

/** `--db`, else RASD_DB, else ./rasd-data. A postgres:// or postgresql:// URL is a server; anything else a folder. */
export function resolveTarget(db?: string, env: NodeJS.ProcessEnv = process.env): Target {
  const value = db?.trim() || env.RASD_DB?.trim() || DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  return { kind: 'pglite', dir: resolve(value) };
}

export interface Store {
  db: Kysely<Schema>;
  target: Target;
  /** true when this open created the store (a new, empty database) */
  created: boolean;
  /**
   * The number of writes committed to an embedded store so far (write-count.ts): it changes exactly when what a
   * read sees changes. None for a PostgreSQL server, which other processes may write.
   */
  writes?: () => number;
  close(): Promise<void>;
}

/** RASD_SQL_TIMES=1: each statement's duration on stderr, to find where the time of a command goes. */
const log: KyselyConfig['log'] = process.env.RASD_SQL_TIMES
  ? (e) => {
      const head = e.query.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
      process.stderr.write(
        `sql ${e.queryDurationMillis.toFixed(1)} ms ${e.level === 'error' ? 'ERROR ' : ''}${head}\n`,
      );
    }
  : undefined;

/** Dates stay 'YYYY-MM-DD' strings: pg's default Date would shift them by the local time zone. */
const DATE_OID = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** True when the target is an embedded store that does not exist yet (so it holds no documents). */
export function isNewStore(target: Target): boolean {
  return target.kind === 'pglite' && !existsSync(join(target.dir, 'pgdata', 'PG_VERSION'));
}

export interface OpenOptions {
  /**
   * A PostgreSQL server ends any statement running longer (its statement_timeout): what `rasd serve` sets, so that
   * no query a client shapes holds a connection for long. PGlite has no such clock: there, the caps on what a
   * client may ask (src/store/filter-params.ts) bound the work.
   */
  statementTimeoutMs?: number;
}

export async function openStore(db?: string, opts: OpenOptions = {}): Promise<Store> {
  const target = resolveTarget(db);
  return target.kind === 'postgres' ? openServer(target, opts) : openEmbedded(target);
}

async function openServer(target: Target & { kind: 'postgres' }, opts: OpenOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 4,
    types,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
  });
  // An idle connection the server ends (a restart, an administrator) is dropped by the pool and made again when
  // next needed; unheard, its error would end the process.
  pool.on('error', (e) =>
    process.stderr.write(`rasd store: a connection to ${redact(target.url)} ended: ${e.message}\n`),
  );
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log });
  try {
    const before = await hasSchema(kysely);
    await migrate(kysely as Kysely<unknown>);
    return { db: kysely, target, created: !before, close: () => kysely.destroy() };
  } catch (e) {
    await kysely.destroy();
    throw new Error(`cannot open ${redact(target.url)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function openEmbedded(target: Target & { kind: 'pglite' }): Promise<Store> {
  mkdirSync(target.dir, { recursive: true });
  const release = acquireLock(target.dir);
  const dataDir = join(target.dir, 'pgdata');
  const created = !existsSync(join(dataDir, 'PG_VERSION'));
  try {
    // Loaded only here: the WASM build is large, and a PostgreSQL user never needs it.
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const pglite = await PGlite.create(dataDir, {
      extensions: { pg_trgm },
      postgresqlconf: [`shared_buffers = ${sharedBuffersMb(dataDir)}MB`],
    });
    const pool = new pg.Pool({ ...createPgConfig(pglite), types } as pg.PoolConfig);
    const writes = new WriteCount();
    const kysely = new Kysely<Schema>({
      dialect: new PostgresDialect({ pool }),
      // every statement, after it ran and before the connection is free for the next
      log: (e) => {
        writes.saw(e.query.sql);
        if (typeof log === 'function') return log(e);
      },
    });
    try {
      await migrate(kysely as Kysely<unknown>);
    } catch (e) {
      await kysely.destroy();
      await pglite.close();
      throw e;
    }
    let closed = false;
    return {
      db: kysely,
      target,
      created,
      writes: () => writes.value,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await kysely.destroy();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function hasSchema(db: Kysely<Schema>): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === 'documents');
}

/** A connection string without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
