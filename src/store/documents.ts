/** Documents: identity by content hash and address, stable ids, bulk insert. */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DocumentsTable, Schema } from './schema.js';
import { documentSearch } from './search-text.js';

/** A document as the ingest writes it (the database stamps ingested_at). */
export type NewDocument = Omit<DocumentsTable, 'ingested_at' | 'search'>;

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The identity of a document: the same text at the same address (or both without one) is stored once. */
export function identityOf(hash: string, url: string | null): string {
  return `${hash} ${url ?? ''}`;
}

export interface Existing {
  id: string;
  identity: string;
}

/** Stored documents that share an identity or an id with any of the candidates (one query per batch). */
export async function findExisting(
  db: Kysely<Schema>,
  candidates: { id: string; content_hash: string }[],
): Promise<Existing[]> {
  if (candidates.length === 0) return [];
  const hashes = [...new Set(candidates.map((c) => c.content_hash))];
  const ids = [...new Set(candidates.map((c) => c.id))];
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'content_hash', 'url'])
    .where((eb) => eb.or([eb('content_hash', '=', eb.fn.any(eb.val(hashes))), eb('id', '=', eb.fn.any(eb.val(ids)))]))
    .execute();
  return rows.map((r) => ({ id: r.id, identity: identityOf(r.content_hash, r.url) }));
}

export async function insertDocuments(db: Kysely<Schema>, docs: NewDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const col = <K extends keyof NewDocument>(k: K) => docs.map((d) => d[k]);
  const search = docs.map((d) => documentSearch(d.title, d.text));
  await sql`
    insert into documents (id, content_hash, source, url, published, title, text, search)
    select * from unnest(
      ${col('id')}::text[], ${col('content_hash')}::text[], ${col('source')}::text[], ${col('url')}::text[],
      ${col('published')}::text[], ${col('title')}::text[], ${col('text')}::text[], ${search}::text[])
  `.execute(db);
}
