/**
 * Stages with contracts (spaCy's `requires`/`assigns`): each stage of the pipeline reads what earlier stages put on
 * a document's record and adds fields of its own. The list is data: it is checked once when it is built (every
 * field a stage requires is assigned by a stage before it, no field twice), run in order on each document, and
 * written out as docs/architecture.md (scripts/architecture-doc.ts). `Stages` types the record as it grows, so a
 * stage's `run` sees exactly the fields the stages before it assign, and the record's type is the list's.
 */
import type { Doc } from './text/doc.js';

/** A stage as data: what the pipeline runs, checks and documents. */
export interface Stage {
  name: string;
  /** the module that does its work, from the repository root */
  file: string;
  /** what it does, in a line (docs/architecture.md) */
  does: string;
  /** the fields of the record it reads (`doc` is always there) */
  requires: readonly string[];
  /** the fields it adds: exactly the keys of what `run` returns */
  assigns: readonly string[];
  /** of the fields it adds, the lists of mentions (each with its `sent`) the per-sentence index holds */
  perSentence: readonly string[];
  run(doc: Doc, record: Record<string, unknown>): Record<string, unknown>;
}

/** The field that holds the per-sentence index: `record.in[s].dates` are the date mentions of sentence s. */
export const INDEX = 'in';

/**
 * Throws unless every stage's requires are assigned by a stage before it and no field is assigned twice; the
 * message names the stage, the field and where it is assigned, if anywhere.
 */
export function checkStages(stages: readonly Stage[], given: readonly string[] = ['doc']): void {
  const assignedBy = new Map<string, string>(given.map((f) => [f, '(given)']));
  stages.forEach((s, i) => {
    for (const f of s.requires) {
      if (assignedBy.has(f)) continue;
      const later = stages.slice(i + 1).find((x) => x.assigns.includes(f));
      throw new Error(
        `stage "${s.name}" requires "${f}", which no stage before it assigns` +
          (later ? ` (stage "${later.name}" assigns it, after it: move "${later.name}" before "${s.name}")` : ''),
      );
    }
    for (const f of s.assigns) {
      const by = assignedBy.get(f);
      if (by !== undefined) throw new Error(`stage "${s.name}" assigns "${f}", which ${by} already assigns`);
      assignedBy.set(f, `stage "${s.name}"`);
    }
    for (const f of s.perSentence) {
      if (!s.assigns.includes(f))
        throw new Error(`stage "${s.name}" indexes "${f}" per sentence but does not assign it`);
    }
  });
}

/** A hook around each stage's run (the contract test watches what each stage reads through it). */
export type StageWrap = (stage: Stage, record: Record<string, unknown>) => Record<string, unknown>;

type Field<T> = keyof T & string;

/** The list's record type: what a document's record holds after every stage has run. */
export type RecordOf<S> = S extends Stages<infer T, string> ? T : never;

/**
 * Stages in order, each added with its contract. Adding a stage checks the list so far (a misordered list fails
 * when the module that builds it loads, once), and grows the record's type by what the stage returns.
 */
export class Stages<T extends { doc: Doc }, I extends string = never> {
  readonly list: readonly Stage[];
  /** every field, undefined: each record starts as a copy, so all records of a list have one shape */
  #template: Record<string, undefined>;

  private constructor(list: readonly Stage[]) {
    this.list = list;
    checkStages(list);
    this.#template = { doc: undefined };
    for (const s of list) for (const f of s.assigns) this.#template[f] = undefined;
  }

  static start(): Stages<{ doc: Doc }> {
    return new Stages([]);
  }

  add<
    const R extends Field<T>,
    const A extends string,
    O extends { [K in A]: unknown } & { [K in Exclude<keyof O, A>]: never },
    const P extends A = never,
  >(stage: {
    name: string;
    file: string;
    does: string;
    requires: readonly R[];
    /** exactly the keys `run` returns (a key it returns beyond these does not compile) */
    assigns: readonly A[];
    perSentence?: readonly P[];
    /** reads from `a` only what `requires` names (test/pipeline/stages.test.ts holds each stage to it) */
    run(doc: Doc, a: T): O;
  }): Stages<T & O, I | P> {
    const s: Stage = {
      ...stage,
      perSentence: stage.perSentence ?? [],
      run: stage.run as unknown as Stage['run'],
    };
    return new Stages([...this.list, s]);
  }

  /**
   * The per-sentence index of every list declared `perSentence` so far, as the field `in`: a sentence with no
   * mention of a kind shares one frozen empty list (most are empty).
   */
  index(file: string): Stages<T & { in: { [K in I & keyof T]: T[K] }[] }, I> {
    const kinds = this.list.flatMap((s) => s.perSentence);
    const NONE = Object.freeze([]) as unknown as unknown[];
    const empty: Record<string, unknown[]> = {};
    for (const k of kinds) empty[k] = NONE;
    const stage: Stage = {
      name: 'sentence index',
      file,
      does: `the mention lists per sentence: ${INDEX}[s].${kinds[0] ?? '…'} and the like`,
      requires: kinds,
      assigns: [INDEX],
      perSentence: [],
      run(doc, a) {
        const rows: Record<string, unknown[]>[] = Array.from({ length: doc.sentences.length }, () => ({ ...empty }));
        for (const k of kinds) {
          for (const m of a[k] as { sent?: number; mention?: { sent: number } }[]) {
            const row = rows[m.sent ?? m.mention!.sent];
            if (row[k] === NONE) row[k] = [m];
            else row[k].push(m);
          }
        }
        return { [INDEX]: rows };
      },
    };
    return new Stages([...this.list, stage]);
  }

  /** A document's record: every stage run in order, each field put where the template has it. */
  run(doc: Doc, wrap?: StageWrap): T {
    const a: Record<string, unknown> = { ...this.#template };
    a.doc = doc;
    for (const s of this.list) {
      const out = s.run(doc, wrap ? wrap(s, a) : a);
      for (const f of s.assigns) a[f] = out[f];
    }
    return a as T;
  }
}
