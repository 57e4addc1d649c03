/** `--jobs N`: how many cores a command keeps busy extracting (and, for the store's commands, writing). */
import { availableParallelism } from 'node:os';

export const DEFAULT_JOBS = availableParallelism();

export const jobsHelp = (what: string): string =>
  `cores to use: ${what}; 1 does everything on the main thread (default: every core, here ${DEFAULT_JOBS})`;
