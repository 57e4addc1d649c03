/** Entry point used by bin/rasd.js (compiled) and by tests (through tsx). */
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`rasd: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
