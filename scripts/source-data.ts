/**
 * Where the build scripts find their raw material (GeoNames and the other gazetteer tables, ANERcorp): a folder
 * laid out as gazetteer/, ner/, lexicons/cldr/, given on the command line or in $RASD_SOURCE_DATA. It is not part
 * of the repository (the derived files under data/ are); a build without it stops with this message.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** `given` (a command-line argument), else `$RASD_SOURCE_DATA/<sub>`; exits with a message when neither exists. */
export function sourceData(sub: string, given: string | undefined, usage: string): string {
  const env = process.env.RASD_SOURCE_DATA;
  const dir = given ? path.resolve(given) : env ? path.resolve(env, sub) : undefined;
  if (!dir || !existsSync(dir)) {
    const why = dir ? `${dir} does not exist` : `no source folder given and RASD_SOURCE_DATA is not set`;
    console.error(
      `${why}.\nThis build reads raw source data the repository does not hold (only what is built from it): set ` +
        `RASD_SOURCE_DATA to the folder that holds ${sub}, or ${usage}.`,
    );
    process.exit(2);
  }
  return dir;
}
