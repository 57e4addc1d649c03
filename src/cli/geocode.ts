/** Plain-text view of `rasd geocode`. */
import { type GeocodedName, geocode } from './geocode-names.js';

export function formatGeocode(found: GeocodedName[]): string {
  if (found.length === 0) return 'no place names found\n';
  const lines: string[] = [];
  for (const f of found) {
    const where = `[${f.span.start}-${f.span.end}] «${f.span.text}»${f.frame !== 'plain' ? ` (${f.frame})` : ''}`;
    if (f.chosen) {
      const c = f.chosen;
      lines.push(
        `${where} -> ${c.name}, ${c.country} (${c.lat}, ${c.lon}) precision ${c.precision}${f.eventPlace ? '  ← event place' : ''}${f.dropped ? `  [${f.dropped}]` : ''}`,
      );
    } else lines.push(`${where} -> not a place here: ${f.dropped}`);
    // every candidate, best first: where it is, what it is, and the score resolve starts from
    for (const c of [...f.candidates].sort((x, y) => y.score - x.score)) {
      const admin = [c.admin2, c.admin1].filter((x) => x).join(', ');
      const marks = [c.wikidata ? 'wikidata' : '', c.minor ? 'framed only' : ''].filter((x) => x).join(', ');
      lines.push(
        `      ${c.id === f.chosen?.id ? '*' : ' '} ${c.name}, ${c.country}${admin ? ` (${admin})` : ''}  ${c.feature}  pop ${c.population}${marks ? `  ${marks}` : ''}  score ${c.score.toFixed(2)}  ${c.id}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `rasd geocode WORDS… | -`: the text's place names, as text or JSON. */
export async function runGeocode(words: string[], opts: { published?: string; json?: boolean }): Promise<void> {
  let text = words.join(' ');
  if (text === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  }
  const found = geocode(text, opts.published ?? null);
  process.stdout.write(opts.json ? `${JSON.stringify(found, null, 2)}\n` : formatGeocode(found));
}
