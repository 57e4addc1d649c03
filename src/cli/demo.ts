/** `rasd demo` (npm start): read the bundled sample end to end and show what came out. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { dataPath } from '../data.js';
import type { ExtractionResult } from '../types.js';
import { extractAll } from './extract.js';
import { DEFAULT_EXTRACT_JOBS } from './jobs.js';

export async function runDemo(outDir: string): Promise<number> {
  const sample = dataPath('sample', 'articles.jsonl');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'sample.extracted.jsonl');
  const { createWriteStream } = await import('node:fs');
  const out = createWriteStream(outFile);
  const t0 = performance.now();
  const byType = new Map<string, number>();
  let docs = 0;
  let events = 0;
  let stats = 0;
  let statements = 0;
  let failed = 0;
  const seeds: ExtractionResult[] = [];
  for await (const r of extractAll([sample], { jobs: DEFAULT_EXTRACT_JOBS })) {
    docs++;
    events += r.events.length;
    stats += r.statistics.length;
    statements += r.statements.length;
    if (r.errors.length) failed++;
    for (const e of r.events) byType.set(`${e.type}/${e.subtype}`, (byType.get(`${e.type}/${e.subtype}`) ?? 0) + 1);
    if (r.document.id.startsWith('seed-')) seeds.push(r);
    out.write(`${JSON.stringify(r)}\n`);
  }
  await new Promise<void>((resolve) => out.end(resolve));
  const secs = (performance.now() - t0) / 1000;
  const lines = [
    `Rasd read ${docs} Arabic articles in ${secs.toFixed(1)} s: ${events} events, ${stats} statistics, ${statements} statements, ${failed} failed.`,
    '',
    'Events by type:',
    ...[...byType.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(4)}  ${k}`),
    '',
    'The seed reports:',
  ];
  for (const r of seeds) {
    for (const e of r.events) {
      const who = e.actors.map((a) => `${a.role}: ${a.name}`).join('; ');
      const claims = e.claims.map((c) => `${c.kind}${c.outcome ? `=${c.outcome}` : ''} by ${c.by}`).join('; ');
      lines.push(
        `  ${r.document.id}  ${e.date.start}  ${e.location?.name ?? '?'}  ${e.subtype}  [${e.weapons.join(', ')}]`,
      );
      lines.push(`      ${who}`);
      lines.push(`      claims: ${claims}`);
    }
  }
  lines.push('', `All results: ${outFile}`, 'Next: rasd extract FILE.jsonl > out.jsonl   (see README.md)');
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}
