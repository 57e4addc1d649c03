/** The `rasd` command line. */
import { Command } from 'commander';
import type { IncidentFilter } from '../export/filter.js';
import { EXTRACTOR_VERSION } from '../extract.js';
import { geocode } from '../geo/geocode.js';
import { runDemo } from './demo.js';
import { runEval } from './eval.js';
import { FORMATS, type Format, runExport } from './export.js';
import { runExtract } from './extract.js';
import { formatGeocode } from './geocode.js';
import { runIngest } from './ingest.js';
import { addQueueCommands } from './queue-commands.js';
import { runReextract } from './reextract.js';
import { runServe } from './serve.js';
import { runTag } from './tag.js';
import { runTally } from './tally.js';

interface ServeCliOptions {
  db?: string;
  port: number;
  host: string;
  sample?: boolean;
  web?: string;
  allowPrivate?: boolean;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('rasd')
    .description('Rasd (رصد): Arabic news to ACLED-style conflict-event records')
    .version(EXTRACTOR_VERSION)
    .showHelpAfterError();

  program
    .command('extract')
    .description(
      'extract events from JSONL documents, .txt/.html files, folders, or stdin ("-"); one JSON line per document',
    )
    .argument('[sources...]', 'files, folders or "-" for stdin', [])
    .option('-o, --output <file>', 'write results here instead of stdout')
    .option('--pretty', 'indent the JSON (one document per block instead of per line)')
    .action(async (sources: string[], opts: { output?: string; pretty?: boolean }) => {
      const s = await runExtract(sources, opts);
      process.stderr.write(`rasd extract: ${s.documents} documents, ${s.events} events, ${s.failed} failed\n`);
      if (s.failed > 0) code = 1;
    });

  const dbHelp = 'the store: a folder (embedded PGlite) or postgres://… (default: $RASD_DB, else ./rasd-data)';
  program
    .command('ingest')
    .description('store documents and their events: files, folders, JSONL, stdin ("-"), RSS/Atom feed or article URLs')
    .argument('[sources...]', 'files, folders, URLs or "-" for stdin', [])
    .option('--db <store>', dbHelp)
    .option('--batch <n>', 'documents per transaction', (v) => Number.parseInt(v, 10), 100)
    .option('--allow-private', 'fetch URLs on loopback, private and link-local addresses too (refused by default)')
    .action(async (sources: string[], opts: { db?: string; batch: number; allowPrivate?: boolean }) => {
      const s = await runIngest(sources, opts);
      if (s.failed > 0) code = 1;
    });

  addQueueCommands(program, dbHelp);

  program
    .command('reextract')
    .description('extract stored documents again when an older extractor version made them (reviews are kept)')
    .option('--db <store>', dbHelp)
    .option('--all', 'every stored document, whatever version extracted it')
    .action(async (opts: { db?: string; all?: boolean }) => {
      await runReextract(opts);
    });

  program
    .command('export')
    .description('the stored incidents as ACLED CSV, GeoJSON or JSONL, filtered')
    .option('--db <store>', dbHelp)
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'acled-csv')
    .option('--from <date>', 'incidents on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'incidents on or before this day (YYYY-MM-DD)')
    .option('--country <iso2>', 'country (ISO 3166 alpha-2)')
    .option('--admin1 <name>', 'first-level administrative area, as the gazetteer names it')
    .option('--type <type>', 'event type or sub-type (spec names: battles, air_drone_strike …)')
    .option('--actor <name>', 'an actor, by any part of its English or Arabic name')
    .option('--text <words>', 'words in the place, actors, claims or sources (Arabic normalised)')
    .action(async (opts: IncidentFilter & { db?: string; format: Format }) => {
      const n = await runExport(opts, process.stdout);
      process.stderr.write(`rasd export: ${n} incidents (${opts.format})\n`);
    });

  program
    .command('tally')
    .description('counts the articles cite (attacks, killed, injured over a period) against the stored incidents')
    .option('--db <store>', dbHelp)
    .option('--json', 'one JSON line per statistic')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await runTally(opts, process.stdout);
    });

  program
    .command('eval')
    .description('score extraction output against gold (same figures as ../shared/dev/score.py)')
    .argument('<gold>', 'gold JSONL')
    .argument('[system]', 'extraction output JSONL')
    .option('--run <articles>', 'extract these articles first, then score them')
    .option('--json', 'print the scores as JSON')
    .option('--per-doc', 'also print per-document counts')
    .action(
      async (gold: string, system: string | undefined, opts: { run?: string; json?: boolean; perDoc?: boolean }) => {
        let sysPath = system;
        if (opts.run) {
          const { mkdtempSync } = await import('node:fs');
          const { tmpdir } = await import('node:os');
          const path = await import('node:path');
          sysPath = path.join(mkdtempSync(path.join(tmpdir(), 'rasd-eval-')), 'system.jsonl');
          await runExtract([opts.run], { output: sysPath });
        }
        if (!sysPath) throw new Error('eval needs a SYSTEM file or --run ARTICLES');
        try {
          process.stdout.write(await runEval(gold, sysPath, { json: opts.json, perDoc: opts.perDoc }));
        } catch (e) {
          // the scorer's own messages, as score.py prints them
          process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
          code = 1;
        }
      },
    );

  program
    .command('geocode')
    .description('show every place name in an Arabic text: candidates, the choice and its precision')
    .argument('<text...>', 'the text (or "-" to read stdin)')
    .option('--published <date>', 'publication date (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { published?: string; json?: boolean }) => {
      let text = words.join(' ');
      if (text === '-') {
        const chunks: Buffer[] = [];
        for await (const c of process.stdin) chunks.push(c as Buffer);
        text = Buffer.concat(chunks).toString('utf8');
      }
      const found = geocode(text, opts.published ?? null);
      process.stdout.write(opts.json ? `${JSON.stringify(found, null, 2)}\n` : formatGeocode(found));
    });

  program
    .command('tag')
    .description('tag CoNLL tokens (first column, blank line between sentences) with named entities: "token TAG" lines')
    .argument('[file]', 'CoNLL file (default: stdin)')
    .action(async (file: string | undefined) => runTag(file));

  program
    .command('serve')
    .description('serve the HTTP API (/api/…) and the web app over the store; Ctrl-C stops it')
    .option('--db <store>', dbHelp)
    .option('--port <n>', 'port (0: any free one)', (v) => Number.parseInt(v, 10), 8080)
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--sample', 'first ingest the bundled sample (the seeds and 201 articles of 2018), unless stored already')
    .option('--web <dir>', 'the built web app folder (default: dist/web)')
    .option('--allow-private', 'let POST /api/ingest fetch URLs on loopback, private and link-local addresses')
    .action(async (opts: ServeCliOptions) => {
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
        throw new Error(`--port must be a port number (0-65535), not "${opts.port}"`);
      }
      const serving = await runServe(opts);
      process.stdout.write(`Rasd is serving at ${serving.url}\n`);
      const hidden = serving.tokenFrom === 'RASD_TOKEN';
      process.stdout.write(
        hidden
          ? 'Reviews and ingest through the API need $RASD_TOKEN (Authorization: Bearer …)\n'
          : `Reviews and ingest need this token (${serving.tokenFrom}; set RASD_TOKEN to choose one): ${serving.token}\n` +
              `  in the browser, open ${serving.url}/#token=${serving.token} once to keep it there\n`,
      );
      const stop = () => {
        process.stderr.write('rasd serve: stopping\n');
        // a close that hangs must not keep the port: a second Ctrl-C or this timer ends the process
        setTimeout(() => process.exit(1), 10_000).unref();
        serving.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('demo')
    .description('read the bundled sample (the seeds and 201 articles of 2018) and summarise what came out')
    .option('--out <dir>', 'where to write the results', 'rasd-out')
    .action(async (opts: { out: string }) => {
      code = await runDemo(opts.out);
    });

  await program.parseAsync(argv, { from: 'user' });
  return code;
}
