/** The codes and ACLED region of every country (data/gazetteer/countries.tsv), by ISO2. */
import { dataPath, readTsv } from '../data.js';

export interface CountryCodes {
  iso3: string;
  /** ISO 3166-1 numeric ('' where there is none) */
  numeric: string;
  name: string;
  /** ACLED's region */
  region: string;
}

let countries: Map<string, CountryCodes> | null = null;
const table = () =>
  (countries ??= new Map(
    readTsv(dataPath('gazetteer', 'countries.tsv')).map((r) => [
      r.iso2,
      { iso3: r.iso3, numeric: r.numeric, name: r.name, region: r.region },
    ]),
  ));

/** A country's codes; an unknown ISO2 stands for itself. */
export function countryCodes(iso2: string): CountryCodes {
  return table().get(iso2) ?? { iso3: iso2, numeric: '', name: iso2, region: '' };
}

/** The ISO2 of an ISO 3166-1 numeric code ("760", "76" for 076), if a country has it. */
export function iso2OfNumeric(numeric: string): string | undefined {
  const n = Number(numeric);
  for (const [iso2, c] of table()) if (c.numeric !== '' && Number(c.numeric) === n) return iso2;
  return undefined;
}

/** The ISO3 code of a country given by ISO2; XXX where none is known (an unplaced incident). */
export const iso3Of = (iso2: string | null): string => (iso2 ? countryCodes(iso2).iso3 : 'XXX') || 'XXX';
