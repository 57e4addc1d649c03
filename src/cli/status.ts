/** `rasd status` as a table. */
import type { QueueStatus } from '../queue/queue-stats.js';

export function formatStatus(s: QueueStatus): string {
  const lines: string[] = [];
  if (!s.installed) lines.push('no job queue yet (a rasd worker or rasd enqueue creates it)');
  const head = ['queue', 'waiting', 'retry', 'running', 'failed', 'done/min', 'done/hour'];
  const rows = s.queues.map((q) =>
    [q.queue, q.created, q.retry, q.active, q.failed, q.completedLastMinute, q.completedLastHour].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt), '');
  lines.push(
    `store: ${s.documents} documents, ${s.events} events (${s.unfused} not fused yet), ${s.incidents} incidents; ${s.feeds} feeds polled`,
  );
  const by = Object.entries(s.failures.byQueue)
    .map(([q, n]) => `${q} ${n}`)
    .join(', ');
  lines.push(`failures: ${s.failures.total}${by ? ` (${by})` : ''}`);
  for (const f of s.failures.recent) {
    lines.push(`  ${f.at.toISOString()}  ${f.queue}  ${f.ref}  ×${f.attempts}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}
