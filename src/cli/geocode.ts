/** Plain-text view of `rasd geocode`. */
import type { GeocodedName } from '../geo/geocode.js';

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
