import { formatJson, formatText, loadGold, loadSystem, score } from '../eval/score.js';

/**
 * `rasd eval GOLD SYSTEM [--json] [--per-doc]`: the text `python3 corpus/dev/score.py` prints, trailing
 * newline included (write it with process.stdout.write, not console.log). Throws where score.py exits with
 * an error; the message is the one score.py prints for a bad line or a missing document id.
 */
export async function runEval(
  goldPath: string,
  systemPath: string,
  opts: { json?: boolean; perDoc?: boolean } = {},
): Promise<string> {
  const result = score(loadGold(goldPath), loadSystem(systemPath));
  return opts.json ? formatJson(result, opts.perDoc === true) : formatText(result, opts.perDoc === true);
}

/** The eval command: scores SYSTEM, or extracts `opts.run` first; a scorer complaint is printed as score.py does. */
export async function runEvalCommand(
  gold: string,
  system: string | undefined,
  opts: { run?: string; json?: boolean; perDoc?: boolean },
): Promise<number> {
  let sysPath = system;
  if (opts.run) {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runExtract } = await import('./extract.js');
    const { DEFAULT_EXTRACT_JOBS } = await import('./jobs.js');
    sysPath = path.join(mkdtempSync(path.join(tmpdir(), 'rasd-eval-')), 'system.jsonl');
    await runExtract([opts.run], { output: sysPath, jobs: DEFAULT_EXTRACT_JOBS });
  }
  if (!sysPath) throw new Error('eval needs a SYSTEM file or --run ARTICLES');
  try {
    process.stdout.write(await runEval(gold, sysPath, { json: opts.json, perDoc: opts.perDoc }));
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
