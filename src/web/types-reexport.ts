/** The pipeline's record types, for the web app (types only: nothing of the pipeline is bundled). */
export type { Disagreement, Incident } from '../fuse/types.js';
export type { Actor, Claim, EventRecord, Place, Span } from '../types.js';
