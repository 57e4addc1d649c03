/** Jobs that used up their retries (or whose worker died on the last try) land in dead_letter: keep why. */
import type PgBoss from 'pg-boss';
import type { StepContext } from './context.js';
import { recordFailures } from './failures.js';
import type { JobData } from './jobs.js';

export async function recordDeadLetters(ctx: StepContext, jobs: PgBoss.JobWithMetadata<JobData>[]): Promise<void> {
  await recordFailures(
    ctx.db,
    jobs.map((j) => {
      const output = j.output as { message?: string; value?: { message?: string } } | null;
      const reason = output?.message ?? output?.value?.message ?? JSON.stringify(output ?? 'no reason given');
      return { queue: j.data.step, ref: j.data.ref, reason, attempts: j.retryLimit + 1 };
    }),
  );
}
