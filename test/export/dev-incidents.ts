/** A corpus file (corpus/dev/articles.jsonl, …) extracted and fused in memory, as the export tests read it. */
import { fuseAll } from '../../src/fuse/fuse.js';
import type { Incident } from '../../src/fuse/types.js';
import { membersOf, readDocuments } from '../fuse/members.js';

export const fusedIncidents = (file: string): Incident[] =>
  fuseAll(membersOf(readDocuments(new URL(`../../corpus/${file}`, import.meta.url))));
