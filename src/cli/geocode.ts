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
    for (const c of f.candidates.slice(0, 6)) {
      lines.push(
        `      ${c.id === f.chosen?.id ? '*' : ' '} ${c.name}, ${c.country}${c.admin1 ? `, ${c.admin1}` : ''}  ${c.feature}  pop ${c.population}`,
      );
    }
    if (f.candidates.length > 6) lines.push(`        … ${f.candidates.length - 6} more`);
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
