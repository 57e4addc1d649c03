/**
 * Statistics: counts that sum up many events or people ("23 هجوما", "14 مرة على الأقل في العراق",
 * "18 ألفا و608 شهداء", "2500 عسكري أميركي"), read from sentences that do not report one event.
 */

import type { Analysis } from '../analysis.js';
import { ar } from '../lang/ar/index.js';
import { traitsOf } from '../recognize/lexicons.js';
import type { NumberMention } from '../recognize/numbers.js';
import type { Statistic } from '../types.js';
import { clauseOf } from './clauses.js';
import { findFatalities } from './fatalities.js';
import type { Speaker } from './speakers.js';

function qualifier(n: NumberMention): Statistic['qualifier'] {
  return n.qualifier === 'at_least' ? 'at_least' : n.qualifier === 'about' ? 'about' : 'exact';
}

export function findStatistics(a: Analysis, eventSentences: Set<number>, speakers: (Speaker | null)[]): Statistic[] {
  const { doc } = a;
  const toks = doc.tokens;
  const out: Statistic[] = [];
  for (const s of doc.sentences) {
    if (eventSentences.has(s.i) || a.embedded.has(s.i)) continue;
    const nums = a.in[s.i].numbers.filter((n) => !n.vague && !n.ordinal && !n.dual && n.value > 0);
    if (nums.length === 0) continue;
    const hasAttack = a.in[s.i].triggers.some((t) => traitsOf(t.value.cls).tally);
    const deploy = toks.slice(s.first, s.last).some((t) => ar.deploymentWords.test(t.norm));
    const { killed, injured } = findFatalities(a, s.i, true);
    const dates = a.in[s.i].dates;
    const sp = speakers[s.i];
    const countries = (from: number, to: number) => [
      ...new Set(
        a.in[s.i].places.filter((p) => p.mention.first >= from && p.mention.first < to).map((p) => p.entry.country),
      ),
    ];
    for (let k = 0; k < nums.length; k++) {
      const n = nums[k];
      const next = toks[n.last]?.norm ?? '';
      let what: Statistic['what'] | null = null;
      if (hasAttack && ar.timesNouns.test(next)) what = 'attacks';
      else if (ar.attackCountNouns.test(next.replace(/^ل/, ''))) what = 'attacks';
      else if (ar.troopNouns.test(next) && deploy) what = 'troops';
      else if (killed.some((c) => c.span.start <= n.span.start && n.span.end <= c.span.end)) what = 'killed';
      else if (injured.some((c) => c.span.start <= n.span.start && n.span.end <= c.span.end)) what = 'injured';
      if (!what) continue;
      // the area a count is given for: places after it in its clause, else places named before it
      const clause = clauseOf(doc, n.first);
      const until = Math.min(nums[k + 1]?.first ?? s.last, clause.to);
      let area = countries(n.last, until);
      if (area.length === 0) area = countries(s.first, n.first);
      const near = (d: { first: number }) => Math.abs(d.first - n.first);
      const interval = dates.filter((d) => d.kind === 'interval').sort((x, y) => near(x) - near(y))[0];
      const since = dates.filter((d) => d.kind === 'since').sort((x, y) => near(x) - near(y))[0];
      const monthToDate = dates.find((d) => d.kind === 'period' && d.precision === 'month' && d.end === doc.published);
      let period: Statistic['period'] = null;
      if (interval) period = { start: interval.start, end: interval.end };
      else if (monthToDate) period = { start: monthToDate.start, end: monthToDate.end };
      else if (since) {
        const end = dates.find((d) => d !== since && d.first > since.first && d.precision === 'day');
        period = { start: since.start, end: end?.end ?? doc.published ?? since.end };
      } else if (doc.published && toks.slice(s.first, s.last).some((t) => ar.monthToDateWords.test(t.norm))) {
        period = { start: `${doc.published.slice(0, 7)}-01`, end: doc.published };
      }
      const subject = a.in[s.i].actors.find((m) => m.first < n.first)?.value.name ?? null;
      const source = a.in[s.i].sources.find((m) => m.value.kind !== 'generic')?.value.name ?? null;
      out.push({
        what,
        value: n.value,
        qualifier: qualifier(n),
        subject,
        area: area.length ? area.join(',') : null,
        period,
        by: sp?.name ?? source,
        evidence: n.span,
      });
    }
  }
  return dedupe(out);
}

/** A figure repeated (a headline and its paragraph) is one statistic: keep the reading that says most. */
function dedupe(stats: Statistic[]): Statistic[] {
  const info = (x: Statistic) => (x.area ? 1 : 0) + (x.period ? 1 : 0) + (x.by ? 1 : 0) + (x.subject ? 1 : 0);
  const out: Statistic[] = [];
  for (const st of stats) {
    const i = out.findIndex((o) => o.what === st.what && o.value === st.value);
    if (i < 0) out.push(st);
    else if (info(st) > info(out[i])) out[i] = st;
  }
  return out;
}
