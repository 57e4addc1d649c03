/** `--jobs N`: how many cores a command keeps busy extracting (and, for the store's commands, writing). */
import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { intOption } from './usage.js';

export const DEFAULT_JOBS = availableParallelism();

/** The `-j, --jobs <n>` option of a command whose N cores do `what`. */
export const jobsOption = (what: string): Option =>
  new Option('-j, --jobs <n>', `cores to use: ${what}; 1 does everything on the main thread`)
    .argParser(intOption(1))
    .default(DEFAULT_JOBS, `every core, here ${DEFAULT_JOBS}`);
