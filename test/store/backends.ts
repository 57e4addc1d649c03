/**
 * The stores every store test runs against: embedded PGlite in a temp folder, and the PostgreSQL at RASD_TEST_PG
 * (.ci/run starts one) in a database of its own, dropped afterwards. Without RASD_TEST_PG the PostgreSQL variant
 * is skipped, and says why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** why this backend is skipped, if it is */
  skip: string | false;
  /** a new, empty store: a folder or a database URL */
  fresh(): Promise<string>;
  /** removes every store `fresh` made */
  cleanup(): Promise<void>;
}

function pglite(): Backend {
  const dirs: string[] = [];
  return {
    name: 'pglite',
    skip: false,
    async fresh() {
      const dir = mkdtempSync(path.join(tmpdir(), 'rasd-store-'));
      dirs.push(dir);
      return path.join(dir, 'db');
    },
    async cleanup() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgres(url: string | undefined): Backend {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    name: 'postgres',
    skip: url ? false : 'RASD_TEST_PG is not set (.ci/run starts a PostgreSQL and sets it)',
    async fresh() {
      const name = `rasd_test_${process.pid}_${made.length}_${Date.now().toString(36)}`;
      await admin((c) => c.query(`create database ${name}`));
      made.push(name);
      const u = new URL(url!);
      u.pathname = `/${name}`;
      return u.href;
    },
    async cleanup() {
      if (made.length === 0) return;
      await admin(async (c) => {
        for (const name of made) await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

export const backends = (): Backend[] => [pglite(), postgres(process.env.RASD_TEST_PG)];
