/** The job queue: pg-boss in the store's PostgreSQL (schema pgboss), with the pipeline's queues and their policy. */
import pg from 'pg';
import { PgBoss, type Queue, type UpdateQueueOptions } from 'pg-boss';
import { QUEUES, type QueueName } from './jobs.js';
import { ensureWorkersTable } from './registry.js';
import { DEFAULT_SETTINGS, type QueueSettings } from './settings.js';

export { DEFAULT_SETTINGS, type QueueSettings };

export interface OpenOptions extends QueueSettings {
  /**
   * 'worker' (default): this process takes jobs, so it also runs pg-boss's supervision (expiring the jobs of dead
   * workers, deleting old ones) and is listed in pg-boss's instance registry. 'client': it only sends jobs
   * (`rasd enqueue`, the API), and leaves all that to the workers.
   */
  role?: 'worker' | 'client';
}

/** Starts pg-boss on `url` (creating or migrating its schema) and makes sure every queue exists as configured. */
export async function openQueue(url: string, settings: OpenOptions = {}): Promise<PgBoss> {
  const { role = 'worker', ...rest } = settings;
  const s = { ...DEFAULT_SETTINGS, ...rest };
  // expired (dead workers') jobs are found by the supervision pass; often enough to retry them well within a timeout
  const every = Math.max(1, Math.min(60, Math.floor(s.jobTimeout / 2)));
  const worker = role === 'worker';
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    supervise: worker,
    schedule: false,
    registerInstance: worker,
    superviseIntervalSeconds: every,
    monitorIntervalSeconds: every,
    application_name: worker ? 'rasd worker' : 'rasd',
  });
  boss.on('error', (e) => process.stderr.write(`rasd queue: ${e.message}\n`));
  try {
    // one at a time: two creations of one queue deadlock inside pg-boss (its new partition takes locks on
    // pgboss.queue and pgboss.job in turn), and a first start creates or migrates pg-boss's schema
    await oneAtATime(url, async (client) => {
      await boss.start();
      for (const name of QUEUES) await ensureQueue(boss, name, s);
      await ensureWorkersTable(client);
    });
  } catch (e) {
    // a started boss polls until stopped: left running, it would keep a failed worker's process alive
    await boss.stop({ graceful: false, close: true });
    throw e;
  }
  return boss;
}

/** Any number for the lock, the same in every worker: the bytes of 'rasdQ'. */
const SETUP_LOCK = 0x7261736451;

/** Runs `fn` while holding a session advisory lock on the database, so that workers set up one at a time. */
async function oneAtATime<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureQueue(boss: PgBoss, name: QueueName, s: Required<QueueSettings>): Promise<void> {
  const options: UpdateQueueOptions = {
    retryLimit: s.retryLimit,
    retryDelay: s.retryDelay,
    retryBackoff: true,
    expireInSeconds: s.jobTimeout,
    ...(name === 'dead_letter' ? {} : { deadLetter: 'dead_letter' }),
  };
  // one fusion waiting and one running at most: a waiting one fuses everything stored before it starts
  const policy: Queue['policy'] = name === 'fuse' ? 'stately' : 'standard';
  if (name !== 'dead_letter' && !(await boss.getQueue('dead_letter'))) await ensureQueue(boss, 'dead_letter', s);
  const existing = await boss.getQueue(name);
  if (existing && existing.policy !== policy) {
    throw new Error(`queue ${name} has the policy ${existing.policy}, not ${policy}: delete it to have it made again`);
  }
  if (existing) await boss.updateQueue(name, options);
  else await boss.createQueue(name, { ...options, policy } as Omit<Queue, 'name'>);
}
