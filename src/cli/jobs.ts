/** `--jobs N`: how many cores a command keeps busy extracting (and, for the store's commands, writing). */
import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { intOption } from './usage.js';

export const DEFAULT_JOBS = availableParallelism();

/**
 * How many threads `rasd extract` uses by default. One thread already keeps more than one core busy (V8's compiler
 * and collector threads), and each worker pays about 4 s of CPU to load the data and warm up: on fewer than 4 cores
 * a second worker cost more than it gave (2 cores: 0.68–0.82× the articles/s of one, README), so there it stays 1.
 */
export const DEFAULT_EXTRACT_JOBS = DEFAULT_JOBS >= 4 ? DEFAULT_JOBS : 1;

/** The `-j, --jobs <n>` option of a command whose N cores do `what`, every core by default unless `dflt` says. */
export const jobsOption = (what: string, dflt = DEFAULT_JOBS): Option =>
  new Option('-j, --jobs <n>', `cores to use: ${what}; 1 does everything on the main thread`)
    .argParser(intOption(1))
    .default(
      dflt,
      dflt === DEFAULT_JOBS ? `every core, here ${dflt}` : `${dflt} on fewer than 4 cores, else every core`,
    );
