/** The incidents a store holds, next to one fusion of every event it holds (what they must equal). */
import { extract } from '../../src/extract.js';
import { fuseAll } from '../../src/fuse/fuse.js';
import type { MemberEvent } from '../../src/fuse/types.js';
import type { InputItem } from '../../src/sources/item.js';
import type { Store } from '../../src/store/open.js';
import type { EventRecord } from '../../src/types.js';

export async function storedMembers(store: Store): Promise<MemberEvent[]> {
  const rows = await store.db
    .selectFrom('events as e')
    .innerJoin('documents as d', 'd.id', 'e.document_id')
    .select(['e.key', 'e.document_id', 'd.source', 'd.url', 'd.published', 'e.record'])
    .execute();
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // code-unit order, as the store fuses them
  return rows.map((r) => ({
    key: r.key,
    documentId: r.document_id,
    source: r.source,
    url: r.url,
    published: r.published,
    event: r.record as EventRecord,
  }));
}

export const signature = (i: { id: string; members: string[] }) => `${i.id} ${i.members.join(' ')}`;

export async function storedIncidents(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('incidents').select('fields').execute();
  return rows.map((r) => signature(r.fields as { id: string; members: string[] })).sort();
}

/** One fusion of every stored event, as signatures. */
export async function fusedFromScratch(store: Store): Promise<string[]> {
  return fuseAll(await storedMembers(store))
    .map(signature)
    .sort();
}

/** The members one process makes of these items: its own extraction of each, in key (code-unit) order. */
export function extractedMembers(list: InputItem[]): MemberEvent[] {
  const members: MemberEvent[] = list.flatMap((item) =>
    extract(item.doc!, item.doc!.id).events.map((event) => ({
      key: `${item.doc!.id}#${event.id}`,
      documentId: item.doc!.id!,
      source: item.doc!.source ?? null,
      url: item.doc!.url ?? null,
      published: item.doc!.published ?? null,
      event,
    })),
  );
  return members.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
