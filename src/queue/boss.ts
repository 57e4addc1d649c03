/** The job queue: pg-boss in the store's PostgreSQL (schema pgboss), with the pipeline's queues and their policy. */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { QUEUES, type QueueName } from './jobs.js';
import { DEFAULT_SETTINGS, type QueueSettings } from './settings.js';

export { DEFAULT_SETTINGS, type QueueSettings };

/** Starts pg-boss on `url` (creating its schema the first time) and makes sure every queue exists as configured. */
export async function openQueue(url: string, settings: QueueSettings = {}): Promise<PgBoss> {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    // expired (dead workers') jobs are found by the maintenance run; often enough to retry them well within a timeout
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(s.jobTimeout / 2))),
    monitorStateIntervalSeconds: 3600,
  });
  boss.on('error', (e) => process.stderr.write(`rasd queue: ${e.message}\n`));
  await boss.start();
  try {
    await oneAtATime(url, async () => {
      for (const name of QUEUES) await ensureQueue(boss, name, s);
    });
  } catch (e) {
    // a started boss polls until stopped: left running, it would keep a failed worker's process alive
    await boss.stop({ graceful: false, wait: true, close: true });
    throw e;
  }
  return boss;
}

/** Any number for the lock, the same in every worker: the bytes of 'rasdQ'. */
const SETUP_LOCK = 0x7261736451;

/**
 * Runs `fn` while holding a session advisory lock on the database. Two workers creating one queue at once deadlock
 * inside pg-boss's create_queue (its new partition takes locks on pgboss.queue and pgboss.job in turn), so the
 * workers set up their queues one at a time.
 */
async function oneAtATime<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    return await fn();
  } finally {
    await client.end();
  }
}

async function ensureQueue(boss: PgBoss, name: QueueName, s: Required<QueueSettings>): Promise<void> {
  const options: PgBoss.Queue = {
    name,
    // one fusion waiting and one running at most: a waiting one fuses everything stored before it starts
    policy: name === 'fuse' ? 'stately' : 'standard',
    retryLimit: s.retryLimit,
    retryDelay: s.retryDelay,
    retryBackoff: true,
    expireInSeconds: s.jobTimeout,
    ...(name === 'dead_letter' ? {} : { deadLetter: 'dead_letter' }),
  };
  if (name !== 'dead_letter' && !(await boss.getQueue('dead_letter'))) await ensureQueue(boss, 'dead_letter', s);
  if (await boss.getQueue(name)) await boss.updateQueue(name, options);
  else {
    try {
      await boss.createQueue(name, options);
    } catch (e) {
      // another worker created it meanwhile
      if (!(await boss.getQueue(name))) throw e;
      await boss.updateQueue(name, options);
    }
  }
}
