/** The job queue: pg-boss in the store's PostgreSQL (schema pgboss), with the pipeline's queues and their policy. */
import PgBoss from 'pg-boss';
import { QUEUES, type QueueName } from './jobs.js';

export interface QueueSettings {
  /** attempts after the first (default 3) */
  retryLimit?: number;
  /** seconds before the first retry; doubled each time, with jitter (default 2) */
  retryDelay?: number;
  /** a job active longer than this is taken to have died with its worker and is retried (default 300) */
  jobTimeout?: number;
}

export const DEFAULT_SETTINGS: Required<QueueSettings> = { retryLimit: 3, retryDelay: 2, jobTimeout: 300 };

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
  for (const name of QUEUES) await ensureQueue(boss, name, s);
  return boss;
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
