/** Entry point used by bin/rasd.js (compiled) and by tests (through tsx). */
import { main } from './main.js';
import { note, watchClosedPipes } from './pipe.js';
import { EXIT } from './usage.js';

watchClosedPipes();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    note(`rasd: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.notDone;
  },
);
