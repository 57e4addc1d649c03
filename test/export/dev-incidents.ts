/** The dev corpus (corpus/dev/articles.jsonl) extracted and fused in memory, as the export tests read it. */
import { readFileSync } from 'node:fs';
import { extract } from '../../src/extract.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import type { Incident, MemberEvent } from '../../src/fuse/types.js';
import type { DocumentInput } from '../../src/types.js';

export function fusedIncidents(file: string): Incident[] {
  const docs = readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DocumentInput);
  const members: MemberEvent[] = docs
    .map((d) => extract(d))
    .flatMap((r) =>
      r.events.map((event) => ({
        key: `${r.document.id}#${event.id}`,
        documentId: r.document.id,
        source: r.document.source,
        url: null,
        published: r.document.published,
        event,
      })),
    );
  return fuseAll(members);
}
