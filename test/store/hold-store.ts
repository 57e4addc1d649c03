/** Test helper process: opens the store given as argv[2], optionally ingests argv[3], says "open", holds it until stdin closes. */
import { readInputs } from '../../src/sources/read.js';
import { ingestItems } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/open.js';

const store = await openStore(process.argv[2]);
if (process.argv[3]) await ingestItems(store.db, readInputs([process.argv[3]]));
process.stdout.write('open\n');
process.stdin.resume();
process.stdin.on('end', async () => {
  await store.close();
  process.exit(0);
});
