/**
 * Rasd's own column of every export, `rasd_check`: why a record is worth a look before use (the plausibility checks
 * of src/store/plausibility.ts that put its events in the review queue), the reasons joined with "; ", empty when
 * none. It flags, it does not hide: the record is exported as it is. ACLED has no such column; it comes last.
 */
import type { Incident } from '../fuse/types.js';
import { LARGE_TOLL } from '../store/plausibility.js';

export const RASD_CHECK = 'rasd_check';

/** The reasons to check an incident, in the checks' order. */
export type RecordChecks = (i: Incident) => readonly string[];

/** Whether an incident's own place is a province or a country only (or none) while its toll is large. */
export const coarseToll = (i: Incident): boolean =>
  (!i.location || i.location.precision >= 3) && (i.fatalities.killed ?? 0) >= LARGE_TOLL;

/**
 * What the incident alone tells (an incident fused in memory, with no store to read its articles from): a large
 * toll placed at a province or a country.
 */
export const incidentChecks: RecordChecks = (i) => (coarseToll(i) ? ['coarse_toll'] : []);

export const checkText = (checks: RecordChecks, i: Incident): string => checks(i).join('; ');
