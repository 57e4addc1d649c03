/**
 * Exit statuses and option parsers of the command line. 0: done; 1: done, but some documents failed; 2: nothing
 * done: misuse (an unknown option, a bad value, a store that is not there) or a command that could not start (a
 * store in use, a database that does not answer).
 */
import { InvalidArgumentError } from 'commander';
import { isDay } from '../days.js';

export const EXIT = { ok: 0, someFailed: 1, notDone: 2 } as const;

/** A mistake in what the user asked for: reported in one line, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function intOption(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\s*-?\d+\s*$/.test(v) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('not a whole number.');
    if (n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER ? `must be ${min} or more.` : `must be ${min}-${max}.`,
      );
    }
    return n;
  };
}

export function dayOption(v: string): string {
  if (!isDay(v)) throw new InvalidArgumentError('not a date (YYYY-MM-DD).');
  return v;
}
