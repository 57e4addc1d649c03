/** Jobs that used up their retries (or whose worker died on the last try) land in dead_letter: keep why. */
import type { JobWithMetadata } from 'pg-boss';
import type { StepContext } from './context.js';
import { recordFailures } from './failures.js';
import type { JobData } from './jobs.js';

export async function recordDeadLetters(ctx: StepContext, jobs: JobWithMetadata<JobData>[]): Promise<void> {
  await recordFailures(
    ctx.db,
    jobs.map((j) => {
      // the failed job's output (its error) and retries, as pg-boss copied them when it moved the job here
      const output = (j.sourceOutput ?? j.output) as { message?: string; value?: { message?: string } } | null;
      const reason = output?.message ?? output?.value?.message ?? JSON.stringify(output ?? 'no reason given');
      return { queue: j.data.step, ref: j.data.ref, reason, attempts: (j.sourceRetryCount ?? j.retryLimit) + 1 };
    }),
  );
}
