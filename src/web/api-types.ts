/**
 * The shapes of the HTTP API's answers, imported from where the store and the API define them (src/store/answers.ts,
 * src/api/answers.ts: modules without Node, so that only the sort list is bundled), typed from the pipeline's own
 * records.
 */
import type { Incident } from '../fuse/types.js';
import type { EventRecord } from '../types.js';

export type { CorrectableField as ReviewField, PageAnswer as Page, ReviewBody, ReviewResult } from '../api/answers.js';
export type {
  DocumentDetail,
  IncidentChoices,
  IncidentDetail,
  IncidentPoint as Point,
  IncidentTotals,
  Member,
  MemberDocument as DocumentRef,
  ReviewAction,
  ReviewQueue,
  ReviewQueueItem,
  ReviewState,
  ReviewStatus,
  TotalsRow,
} from '../store/answers.js';
export { SORTS as INCIDENT_SORTS, type Sort as IncidentSort } from '../store/answers.js';
export type { EventRecord, Incident };
