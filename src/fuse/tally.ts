/**
 * Tallies against the record: a statistic an article cites ("23 attacks on US forces in Iraq and Syria from 17 to
 * 30 October") next to what the incidents in the store count for the same area, period and subject, and the gap.
 */
import type { Statistic } from '../types.js';
import type { Incident } from './types.js';

export interface TallyCheck {
  statistic: Statistic;
  /** where the statistic came from */
  document: string;
  /** incidents of the same area and period (and subject, when the statistic names one) */
  incidents: string[];
  /** what the incidents count: incidents for "attacks", the sum of their most conservative figures otherwise */
  counted: number;
  /** counted − stated: negative when the store knows fewer than the article says */
  difference: number;
}

const VIOLENT = new Set(['battles', 'explosions_remote_violence', 'violence_against_civilians']);

function inScope(i: Incident, s: Statistic): boolean {
  if (!s.period || !i.location) return false;
  const areas = (s.area ?? '').split(',').filter(Boolean);
  if (areas.length > 0 && !areas.includes(i.location.country)) return false;
  if (i.date.start < s.period.start || i.date.start > s.period.end) return false;
  if (s.what === 'attacks') {
    if (!VIOLENT.has(i.type) && i.subtype !== 'disrupted_weapons_use') return false;
    // "attacks on US forces": the subject is who was attacked
    if (s.subject && !i.targets.some((t) => t.name === s.subject)) return false;
  }
  return true;
}

/** Statistics that can be checked (attacks, killed or injured over a period) against the incidents. */
export function checkTallies(stats: { document: string; statistic: Statistic }[], incidents: Incident[]): TallyCheck[] {
  const out: TallyCheck[] = [];
  for (const { document, statistic: s } of stats) {
    if (!s.period || !['attacks', 'killed', 'injured'].includes(s.what)) continue;
    const hits = incidents.filter((i) => inScope(i, s));
    const counted =
      s.what === 'attacks'
        ? hits.length
        : hits.reduce((n, i) => n + ((s.what === 'killed' ? i.fatalities.killed : i.fatalities.injured) ?? 0), 0);
    out.push({ statistic: s, document, incidents: hits.map((i) => i.id), counted, difference: counted - s.value });
  }
  return out;
}
