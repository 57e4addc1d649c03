/**
 * Events placed in a country that neither the article nor its outlet names: the count a homonym read in the wrong
 * country shows up in (a village of Oman in a report from Yemen). A country is named when a place name of the text
 * other than the event's own place is of that country alone, when a nationality adjective of it is written
 * (اليمنية، السوري), or when it is the outlet's; an event placed at the country itself has its evidence name it.
 *
 * usage: node --import tsx scripts/other-country.ts ARTICLES.jsonl EXTRACTION.jsonl [--list]
 *   e.g. npx tsx src/cli/run.ts extract corpus/train/articles.jsonl > /tmp/x.jsonl
 *        node --import tsx scripts/other-country.ts corpus/train/articles.jsonl /tmp/x.jsonl
 */
import { readFileSync } from 'node:fs';
import { geocode } from '../src/cli/geocode-names.js';
import { dataPath, readTsv, splitList } from '../src/data.js';
import { derivedAdjectives } from '../src/geo/resolve.js';
import { foldInflection } from '../src/lang/ar/clitics.js';
import { normalizeString } from '../src/lang/ar/normalize.js';

/** the outlets of the corpora, by the country they report from */
const OUTLET: Record<string, string> = {
  CNN: 'US',
  BBC: 'GB',
  france24: 'FR',
  alarabia: 'AE',
  skynews: 'AE',
  'Al-Araby': 'GB',
  'Al Jazeera': 'QA',
};

interface Located {
  country: string;
  name: string;
  feature?: string;
  evidence?: { start: number; end: number; text: string };
}

/** nationality adjective (folded, without article) → country */
const adjectives = new Map<string, string>();
for (const r of readTsv(dataPath('lexicons', 'nationalities.tsv'))) {
  for (const f of splitList(r.forms)) adjectives.set(foldInflection(normalizeString(f).replace(/^ال/, '')), r.country);
}

// and the adjectives made from a country's one-word name the lexicon lacks (بلجيكا → بلجيكي, كندا → كندي)
for (const [adjective, country] of derivedAdjectives())
  if (!adjectives.has(adjective)) adjectives.set(adjective, country);

/** The countries an article names, but for the place named at `skip`. */
export function namedCountries(text: string, source: string, skip: { start: number; end: number } | null): Set<string> {
  const out = new Set<string>();
  if (OUTLET[source]) out.add(OUTLET[source]);
  for (const f of geocode(text)) {
    if (skip && f.span.start < skip.end && skip.start < f.span.end) continue;
    const cs = new Set(f.candidates.map((c) => c.country));
    if (cs.size === 1) out.add([...cs][0]);
  }
  for (const w of normalizeString(text).split(/[^\u0621-\u064a]+/)) {
    const core = foldInflection(w.replace(/^[وف]?[بل]?(ال)?/, ''));
    const c = adjectives.get(core) ?? adjectives.get(foldInflection(w.replace(/^ال/, '')));
    if (c) out.add(c);
  }
  return out;
}

interface Article {
  id: string;
  text: string;
  source?: string;
}
interface Extraction {
  document: { id: string };
  events: { location: Located | null }[];
}

/** The events of `extractions` placed in a country their article (in `articles`) does not name. */
export function otherCountry(articles: Article[], extractions: Extraction[]): { doc: string; place: Located }[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const found: { doc: string; place: Located }[] = [];
  for (const x of extractions) {
    const a = byId.get(x.document.id);
    if (!a) continue;
    for (const e of x.events) {
      const p = e.location;
      if (!p?.country) continue;
      // the event's own evidence names the country ("غارات في سوريا"): named, however seldom
      if (p.feature === 'country') continue;
      if (!namedCountries(a.text, a.source ?? '', p.evidence ?? null).has(p.country))
        found.push({ doc: x.document.id, place: p });
    }
  }
  return found;
}

const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export const otherCountryEvents = (articlesFile: string, extractionFile: string) =>
  otherCountry(jsonl<Article>(articlesFile), jsonl<Extraction>(extractionFile));

if (import.meta.main ?? process.argv[1]?.endsWith('other-country.ts')) {
  const [articles, extraction] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!articles || !extraction) {
    console.error('usage: other-country.ts ARTICLES.jsonl EXTRACTION.jsonl [--list]');
    process.exit(2);
  }
  const found = otherCountryEvents(articles, extraction);
  if (process.argv.includes('--list'))
    for (const f of found)
      console.log(`${f.doc}\t${f.place.country}\t${f.place.name}\t${f.place.evidence?.text ?? ''}`);
  console.log(`${found.length} events placed in a country neither the article nor its outlet names`);
}
