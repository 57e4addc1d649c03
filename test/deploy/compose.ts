/**
 * compose.yaml and the Dockerfile as the deployment tests read them: the YAML parsed (merge keys resolved), variables
 * interpolated as Compose does (${VAR}, ${VAR:-default}, ${VAR:?message}), and the Dockerfile's instructions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from '../store/data.js';

export interface Healthcheck {
  test: string[] | string;
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface Service {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  ports?: string[];
  healthcheck?: Healthcheck;
  volumes?: string[];
}

export interface Compose {
  name?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Compose's interpolation: `${VAR}`, `${VAR:-default}` (also when empty), `${VAR:?error}` (unset or empty). */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_, name: string, op, arg: string) => {
    const v = env[name];
    if (op === ':-') return v ? v : arg;
    if (op === '-') return v ?? arg;
    if (op === ':?' || op === '?') {
      if (op === ':?' ? !v : v === undefined) throw new Error(`${name}: ${arg}`);
      return v as string;
    }
    return v ?? '';
  });
}

export const COMPOSE_FILE = path.join(root, 'compose.yaml');

/** compose.yaml, parsed with merge keys (`<<: *rasd`) resolved; values interpolated with `env`. */
export function loadCompose(env: Record<string, string | undefined> = {}): Compose {
  const text = readFileSync(COMPOSE_FILE, 'utf8');
  const doc = parse(text, { merge: true }) as Compose;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return interpolate(v, env);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(doc) as Compose;
}

/** The command of a healthcheck as the argv Compose runs (CMD form), or a shell line (CMD-SHELL). */
export function healthArgv(h: Healthcheck): { shell: boolean; argv: string[] } {
  const test = typeof h.test === 'string' ? ['CMD-SHELL', h.test] : h.test;
  if (test[0] === 'CMD') return { shell: false, argv: test.slice(1) };
  if (test[0] === 'CMD-SHELL') return { shell: true, argv: [test.slice(1).join(' ')] };
  throw new Error(`healthcheck test must start with CMD or CMD-SHELL: ${JSON.stringify(test)}`);
}

/** The value given to `--name` in a command, if any. */
export function optionValue(command: string[], name: string): string | undefined {
  const i = command.indexOf(name);
  return i >= 0 ? command[i + 1] : command.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** A command with the value of `--name` replaced (or the option added). */
export function withOption(command: string[], name: string, value: string): string[] {
  const i = command.indexOf(name);
  if (i >= 0) return [...command.slice(0, i + 1), value, ...command.slice(i + 2)];
  return [...command, name, value];
}

export interface DockerInstruction {
  /** the stage it belongs to (0 for the first FROM) */
  stage: number;
  op: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
export function dockerfile(): DockerInstruction[] {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const out: DockerInstruction[] = [];
  let stage = -1;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(t);
    if (!m) throw new Error(`Dockerfile: cannot read "${t}"`);
    const op = m[1].toUpperCase();
    if (op === 'FROM') stage++;
    out.push({ stage, op, args: m[2].replace(/\s+/g, ' ').trim() });
  }
  return out;
}
