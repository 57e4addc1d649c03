/** `rasd tag [file]`: named-entity BIO tags for CoNLL tokens (first column), as `token TAG` lines. */
import { readFile } from 'node:fs/promises';
import { parseConll } from '../recognize/ner/conll.js';
import { tagWords } from '../recognize/ner/index.js';

async function readInput(input: string | undefined): Promise<string> {
  if (input !== undefined && input !== '-') return readFile(input, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Read CoNLL from `input` (or stdin when absent or "-"), write `token TAG` lines, a blank line after each sentence. */
export async function runTag(input: string | undefined): Promise<void> {
  const sentences = parseConll(await readInput(input));
  const out: string[] = [];
  for (const s of sentences) {
    const tags = tagWords(s.words);
    for (let i = 0; i < s.words.length; i++) out.push(`${s.words[i]} ${tags[i]}\n`);
    out.push('\n');
    if (out.length >= 4096) {
      process.stdout.write(out.join(''));
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join(''));
}
