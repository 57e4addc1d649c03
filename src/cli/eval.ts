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
