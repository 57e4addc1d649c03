/**
 * The `rasd` command line. Each command imports what it runs when it runs, so `--help`, `--version` and the light
 * commands do not load the pipeline's data, the web server or the database drivers.
 */
import { Command, CommanderError, Option } from 'commander';
import { EXTRACTOR_VERSION } from '../version.js';
import { DEFAULT_EXTRACT_JOBS, jobsOption } from './jobs.js';
import { note, pipeClosed } from './pipe.js';
import { addQueueCommands } from './queue-commands.js';
import { dayOption, EXIT, intOption, UsageError } from './usage.js';

const FORMATS = ['acled-csv', 'geojson', 'jsonl'] as const;

interface ServeCliOptions {
  db?: string;
  port: number;
  host: string;
  sample?: boolean;
  web?: string;
  allowPrivate?: boolean;
  allowHost?: string[];
}

export interface ExportCliOptions {
  db?: string;
  format: (typeof FORMATS)[number];
  from?: string;
  to?: string;
  country?: string;
  admin1?: string;
  type?: string;
  subtype?: string;
  actor?: string;
  text?: string;
  bbox?: string;
  bom?: boolean;
}

/** Read commands refuse an embedded store that is not there (a typo would otherwise create an empty one). */
async function existingStore(db: string | undefined): Promise<void> {
  const { isNewStore, resolveTarget } = await import('../store/open.js');
  const target = resolveTarget(db);
  if (target.kind === 'pglite' && isNewStore(target)) {
    throw new UsageError(`no store at ${target.dir}; create one with rasd ingest (or give --db or $RASD_DB)`);
  }
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('rasd')
    .description('Rasd (رصد): Arabic news to ACLED-style conflict-event records')
    .version(EXTRACTOR_VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('extract')
    .description(
      'extract events from JSONL documents, .txt/.html files, folders, or stdin ("-"); one JSON line per document',
    )
    .argument('[sources...]', 'files, folders or "-" for stdin', [])
    .option('-o, --output <file>', 'write results here instead of stdout')
    .option('--pretty', 'indent the JSON (one document per block instead of per line)')
    .option(
      '--published <date>',
      'publication date (YYYY-MM-DD) of documents that give none, such as text on stdin',
      dayOption,
    )
    .addOption(jobsOption('as many worker threads extract', DEFAULT_EXTRACT_JOBS))
    .action(
      async (sources: string[], opts: { output?: string; pretty?: boolean; published?: string; jobs: number }) => {
        const { runExtract } = await import('./extract.js');
        const s = await runExtract(sources, opts);
        note(`rasd extract: ${s.documents} documents, ${s.events} events, ${s.failed} failed\n`);
        if (s.failed > 0 && !pipeClosed()) code = EXIT.someFailed;
      },
    );

  const dbHelp = 'the store: a folder (embedded PGlite) or postgres://… (default: $RASD_DB, else ./rasd-data)';
  const storeJobs = 'the main thread writes to the store, the others extract';
  program
    .command('ingest')
    .description('store documents and their events: files, folders, JSONL, stdin ("-"), RSS/Atom feed or article URLs')
    .argument('[sources...]', 'files, folders, URLs or "-" for stdin', [])
    .option('--db <store>', dbHelp)
    .option('--batch <n>', 'documents per transaction', intOption(1), 100)
    .option('--published <date>', 'publication date (YYYY-MM-DD) of documents that give none', dayOption)
    .option('--allow-private', 'fetch URLs on loopback, private and link-local addresses too (refused by default)')
    .addOption(jobsOption(storeJobs))
    .action(
      async (
        sources: string[],
        opts: { db?: string; batch: number; allowPrivate?: boolean; published?: string; jobs: number },
      ) => {
        const { runIngest } = await import('./ingest.js');
        const s = await runIngest(sources, opts);
        if (s.failed > 0) code = EXIT.someFailed;
      },
    );

  addQueueCommands(program, dbHelp);

  program
    .command('reextract')
    .description('extract stored documents again when an older extractor version made them (reviews are kept)')
    .option('--db <store>', dbHelp)
    .option('--all', 'every stored document, whatever version extracted it')
    .addOption(jobsOption(storeJobs))
    .action(async (opts: { db?: string; all?: boolean; jobs: number }) => {
      await existingStore(opts.db);
      const { runReextract } = await import('./reextract.js');
      await runReextract(opts);
    });

  program
    .command('export')
    .description('the stored incidents as ACLED CSV, GeoJSON or JSONL, filtered as GET /api/export filters them')
    .option('--db <store>', dbHelp)
    .addOption(new Option('--format <format>', 'file format').choices(FORMATS).default('acled-csv'))
    .option('--from <date>', 'incidents that end on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'incidents that start on or before this day (YYYY-MM-DD)')
    .option('--country <country>', 'country: ISO code (SY, SYR) or name in English or Arabic (Syria, سوريا)')
    .option('--admin1 <name>', 'first-level administrative area, as the gazetteer names it')
    .option('--type <type>', 'event type, spec or ACLED name (battles, "Explosions/Remote violence")')
    .option('--subtype <subtype>', 'sub-event type, spec or ACLED name (air_drone_strike, "Air/drone strike")')
    .option('--actor <name>', "any part of an actor's English or Arabic name (Arabic normalised)")
    .option('--text <words>', "words in the documents or the names (Arabic normalised), as the API's q=")
    .option('--bbox <w,s,e,n>', 'west,south,east,north in decimal degrees')
    .option('--bom', 'acled-csv: begin with a UTF-8 byte order mark, so that Excel reads the names right')
    .action(async (opts: ExportCliOptions) => {
      const { exportFilter, runExport } = await import('./export.js');
      const filter = exportFilter(opts);
      await existingStore(opts.db);
      const n = await runExport(opts.db, opts.format, filter, process.stdout, { bom: opts.bom });
      note(`rasd export: ${n} incidents (${opts.format})\n`);
    });

  program
    .command('tally')
    .description('counts the articles cite (attacks, killed, injured over a period) against the stored incidents')
    .option('--db <store>', dbHelp)
    .option('--json', 'one JSON line per statistic')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await existingStore(opts.db);
      const { runTally } = await import('./tally.js');
      await runTally(opts, process.stdout);
    });

  program
    .command('eval')
    .description('score extraction output against gold (the same figures, byte for byte, as corpus/dev/score.py)')
    .argument('<gold>', 'gold JSONL')
    .argument('[system]', 'extraction output JSONL')
    .option('--run <articles>', 'extract these articles first, then score them')
    .option('--json', 'print the scores as JSON')
    .option('--per-doc', 'also print per-document counts')
    .action(
      async (gold: string, system: string | undefined, opts: { run?: string; json?: boolean; perDoc?: boolean }) => {
        if (!system && !opts.run) throw new UsageError('eval needs a SYSTEM file or --run ARTICLES');
        const { runEvalCommand } = await import('./eval.js');
        code = await runEvalCommand(gold, system, opts);
      },
    );

  program
    .command('geocode')
    .description('show every place name in an Arabic text: candidates, the choice and its precision')
    .argument('<text...>', 'the text (or "-" to read stdin)')
    .option('--published <date>', 'publication date (YYYY-MM-DD)', dayOption)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { published?: string; json?: boolean }) => {
      const { runGeocode } = await import('./geocode.js');
      await runGeocode(words, opts);
    });

  program
    .command('tag')
    .description('tag CoNLL tokens (first column, blank line between sentences) with named entities: "token TAG" lines')
    .argument('[file]', 'CoNLL file (default: stdin)')
    .action(async (file: string | undefined) => {
      const { runTag } = await import('./tag.js');
      await runTag(file);
    });

  program
    .command('serve')
    .description('serve the HTTP API (/api/…) and the web app over the store; Ctrl-C stops it')
    .option('--db <store>', dbHelp)
    .option('--port <n>', 'port (0: any free one)', intOption(0, 65535), 8080)
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--sample', 'first ingest the bundled sample (the seeds and 201 articles of 2018), unless stored already')
    .option('--web <dir>', 'the built web app folder (default: dist/web)')
    .option('--allow-private', 'let POST /api/ingest fetch URLs on loopback, private and link-local addresses')
    .option(
      '--allow-host <names...>',
      "host names the server answers to besides IP addresses and localhost, e.g. a reverse proxy's public name (also $RASD_ALLOWED_HOSTS, comma-separated)",
    )
    .action(async (opts: ServeCliOptions) => {
      const { runServe } = await import('./serve.js');
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
      const { runDemo } = await import('./demo.js');
      code = await runDemo(opts.out);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    // commander has printed its message (or the help or version asked for)
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.notDone;
    throw e;
  }
  return code;
}
