/** Documents read from a JSONL file of the corpus, and the member events one process makes of them. */
import { readFileSync } from 'node:fs';
import { extract } from '../../src/extract.js';
import type { MemberEvent } from '../../src/fuse/types.js';
import type { DocumentInput } from '../../src/types.js';

export function readDocuments(file: URL): DocumentInput[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DocumentInput);
}

/** Each document extracted, each of its events a member keyed `document#event`. */
export function membersOf(docs: DocumentInput[]): MemberEvent[] {
  return docs.flatMap((d) => {
    const r = extract(d);
    return r.events.map((event) => ({
      key: `${r.document.id}#${event.id}`,
      documentId: r.document.id,
      source: r.document.source,
      url: null,
      published: r.document.published,
      event,
    }));
  });
}
