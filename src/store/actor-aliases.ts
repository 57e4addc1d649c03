/**
 * An actor filter by any of the actor's names: "انصار الله", "الحوثي" and "Ansar Allah" are all the lexicon's
 * Houthi Movement (data/lexicons/actors.tsv: its English name, its Arabic names and its English aliases). A name
 * the lexicon does not hold is looked for as it is, as part of any stored actor name.
 */
import { dataPath, readTsv, splitList } from '../data.js';
import { normalizeString } from '../lang/ar/normalize.js';

const fold = (s: string): string => normalizeString(s.trim()).toLowerCase().replace(/\s+/g, ' ');

let index: Map<string, Set<string>> | null = null;

function build(): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const r of readTsv(dataPath('lexicons', 'actors.tsv'))) {
    const namesAr = splitList(r.names_ar);
    // what the extractor stores for this actor: its English name and its first Arabic name
    const stored = [r.name, namesAr[0]].filter(Boolean).map(fold);
    for (const alias of [r.name, ...namesAr, ...splitList(r.aliases_en ?? '')]) {
      const k = fold(alias);
      if (!k) continue;
      const set = byName.get(k) ?? new Set<string>();
      for (const s of stored) set.add(s);
      byName.set(k, set);
    }
  }
  return byName;
}

/**
 * The folded names to look for in the stored actor names: the actor's (or actors', when two share the alias) own
 * names when `text` is one of its names, else `text` itself.
 */
export function actorPatterns(text: string): string[] {
  index ??= build();
  const k = fold(text);
  const names = index.get(k);
  return names ? [...names] : [k];
}
