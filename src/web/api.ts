/** The HTTP API, typed against /work/api-contract.md. Errors carry the server's own message. */
import type {
  DocumentDetail,
  Incident,
  IncidentChoices,
  IncidentDetail,
  IncidentSort,
  IncidentTotals,
  Page,
  Point,
  ReviewBody,
  ReviewQueue,
  ReviewResult,
} from './api-types.js';
import { t } from './i18n/index.js';
import type { Filters } from './state.js';
import { ACLED_SUBTYPE, ACLED_TYPE, type EventTypeCode } from './taxonomy.js';
import { setWriteToken, writeToken } from './token.js';

/** The files GET /api/export writes. */
export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The filters as the API reads them: types and sub-types by their ACLED names. */
export function filterParams(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (!v) continue;
    if (k === 'type') q.set(k, ACLED_TYPE[v as EventTypeCode] ?? v);
    else if (k === 'subtype') q.set(k, ACLED_SUBTYPE[v] ?? v);
    else q.set(k, v);
  }
  return q;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    // not JSON: the status line says what happened
  }
  if (!res.ok) {
    const message = (json as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return json as T;
}

export const api = {
  points(filters: Filters, signal?: AbortSignal): Promise<{ total: number; items: Point[] }> {
    return request(`/api/incidents/points?${filterParams(filters)}`, { signal });
  },
  choices(): Promise<IncidentChoices> {
    return request('/api/incidents/choices');
  },
  totals(filters: Filters, signal?: AbortSignal): Promise<IncidentTotals> {
    return request(`/api/incidents/totals?${filterParams(filters)}`, { signal });
  },
  incidents(
    filters: Filters,
    page: { sort: IncidentSort; limit: number; offset: number },
    signal?: AbortSignal,
  ): Promise<Page<Incident>> {
    const q = filterParams(filters);
    q.set('sort', page.sort);
    q.set('limit', String(page.limit));
    q.set('offset', String(page.offset));
    return request(`/api/incidents?${q}`, { signal });
  },
  incident(id: string): Promise<IncidentDetail> {
    return request(`/api/incidents/${encodeURIComponent(id)}`);
  },
  document(id: string): Promise<DocumentDetail> {
    return request(`/api/documents/${encodeURIComponent(id)}`);
  },
  async review(key: string, body: ReviewBody): Promise<ReviewResult> {
    const send = () =>
      request<ReviewResult>(`/api/events/${encodeURIComponent(key)}/reviews`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${writeToken() ?? ''}`,
        },
        body: JSON.stringify(body),
      });
    try {
      return await send();
    } catch (e) {
      // no token yet, or another server's: ask once, then try again
      if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) throw e;
      const given = prompt(t('tokenPrompt'));
      if (!given?.trim()) throw e;
      setWriteToken(given);
      return send();
    }
  },
  reviewQueue(filters: Filters): Promise<ReviewQueue> {
    return request(`/api/review-queue?${filterParams(filters)}`);
  },
  exportUrl(filters: Filters, format: ExportFormat = 'acled-csv'): string {
    const q = filterParams(filters);
    q.set('format', format);
    return `/api/export?${q}`;
  },
};
