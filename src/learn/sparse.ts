/**
 * Sparse binary feature vectors: an example is the list of its feature names (strings); a dictionary built from the
 * training examples turns them into indices. Deterministic: the dictionary is sorted, and a name seen fewer than
 * `minCount` times in training is left out.
 */

/** Feature names in a fixed order (code units), without repeats. */
export function featureSet(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

export class Dictionary {
  readonly names: readonly string[];
  readonly #index: Map<string, number>;

  constructor(names: readonly string[]) {
    this.names = names;
    this.#index = new Map(names.map((n, i) => [n, i]));
  }

  /** The names of `examples` seen at least `minCount` times (in as many examples), sorted. */
  static build(examples: readonly (readonly string[])[], minCount = 1): Dictionary {
    const counts = new Map<string, number>();
    for (const ex of examples) for (const f of new Set(ex)) counts.set(f, (counts.get(f) ?? 0) + 1);
    const names = [...counts]
      .filter(([, n]) => n >= minCount)
      .map(([f]) => f)
      .sort();
    return new Dictionary(names);
  }

  get size(): number {
    return this.names.length;
  }

  indexOf(name: string): number | undefined {
    return this.#index.get(name);
  }

  /** The indices of the names it knows, ascending, without repeats. */
  encode(names: readonly string[]): number[] {
    const out = new Set<number>();
    for (const n of names) {
      const i = this.#index.get(n);
      if (i !== undefined) out.add(i);
    }
    return [...out].sort((a, b) => a - b);
  }
}

/** A number as a coarse feature value: exact below 3, then powers of two ("4-7", "8-15", …). */
export function bucket(n: number): string {
  if (n < 3) return String(Math.max(0, Math.floor(n)));
  const lo = 2 ** Math.floor(Math.log2(n));
  return `${lo}-${lo * 2 - 1}`;
}
