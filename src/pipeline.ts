/**
 * The whole pipeline as stages (src/stages.ts): the recognisers (src/analysis.ts), then the event stages, each
 * declaring what it reads and adds. The learned decisions, where given, are the events stage's; the list is built
 * once per decider.
 */
import { RECOGNITION } from './analysis.js';
import { assembleEvents } from './events/assemble.js';
import { sentenceSpeakers } from './events/speakers.js';
import { findStatements } from './events/statements.js';
import { findStatistics } from './events/statistics.js';
import type { EventDecider } from './learn/decide.js';
import type { RecordOf } from './stages.js';
import type { Doc } from './text/doc.js';

function build(decide: EventDecider | undefined) {
  return RECOGNITION.add({
    name: 'speakers',
    file: 'src/events/speakers.ts',
    does: 'who says each sentence: a source, official or actor before or after its speech verb',
    requires: ['in'],
    assigns: ['speakers'],
    run: (_doc, a) => ({ speakers: sentenceSpeakers(a) }),
  })
    .add({
      name: 'events',
      file: 'src/events/assemble.ts',
      does: 'candidates per sentence, dates carried along, merged per place and day; type, place, actors, toll, weapons',
      requires: ['in', 'speakers', 'dates', 'actors', 'names', 'embedded', 'dateline'],
      assigns: ['events'],
      run: (_doc, a) => ({ events: assembleEvents(a, a.speakers, decide) }),
    })
    .add({
      name: 'statistics',
      file: 'src/events/statistics.ts',
      does: 'tallies and cumulative figures, kept apart from the events of sentences that report one',
      requires: ['events', 'in', 'speakers', 'embedded'],
      assigns: ['statistics'],
      run: (doc, a) => {
        const sentenceAt = new Map(doc.sentences.map((s) => [s.start, s.i]));
        const eventSentences = new Set<number>();
        for (const e of a.events) {
          for (const ev of e.evidence) {
            const s = sentenceAt.get(ev.start);
            if (s !== undefined) eventSentences.add(s);
          }
        }
        return { statistics: findStatistics(a, eventSentences, a.speakers) };
      },
    })
    .add({
      name: 'statements',
      file: 'src/events/statements.ts',
      does: 'claims, denials and accusations with their speaker',
      requires: ['in', 'speakers', 'names', 'embedded', 'roles'],
      assigns: ['statements'],
      run: (_doc, a) => ({ statements: findStatements(a, a.speakers) }),
    });
}

export type Extraction = RecordOf<ReturnType<typeof build>>;

const RULES = build(undefined);
const withModels = new WeakMap<EventDecider, ReturnType<typeof build>>();

/** The pipeline's stages with these learned decisions (none: the rules alone). */
export function pipeline(decide?: EventDecider | null): ReturnType<typeof build> {
  if (!decide) return RULES;
  let p = withModels.get(decide);
  if (!p) {
    p = build(decide);
    withModels.set(decide, p);
  }
  return p;
}

/** Every stage run on a document. */
export const runPipeline = (doc: Doc, decide?: EventDecider | null): Extraction => pipeline(decide).run(doc);
