/** The queue's retry policy, apart from pg-boss so that the command line can show its defaults without loading it. */
export interface QueueSettings {
  /** attempts after the first (default 3) */
  retryLimit?: number;
  /** seconds before the first retry; doubled each time, with jitter (default 2) */
  retryDelay?: number;
  /** a job active longer than this is taken to have died with its worker and is retried (default 300) */
  jobTimeout?: number;
}

export const DEFAULT_SETTINGS: Required<QueueSettings> = { retryLimit: 3, retryDelay: 2, jobTimeout: 300 };
