/**
 * Port of corpus/dev/score.py (run by CPython 3.11): same matching, same figures, same bytes on stdout.
 *
 * JSON is read into Python's value model (int → bigint, float → number, dict → Map, str → string) and the
 * script's dynamic operations (`==`, `in`, truthiness, hashing, str(), sorted(), json.dumps) are emulated,
 * so inputs of unexpected shape score as they do in Python. Where Python would crash with a traceback,
 * a PyError is thrown instead; where it exits with a message (bad line, missing id), an Error with that
 * message is thrown.
 */
import { readFileSync } from 'node:fs';

// ---------------------------------------------------------------- Python values

export type PyVal = null | boolean | number | bigint | string | PyVal[] | PyDict;
export interface PyDict extends Map<string, PyVal> {}

/** An exception that would end score.py with a traceback. */
export class PyError extends Error {}

function typeName(v: PyVal): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  return Array.isArray(v) ? 'list' : 'dict';
}

function truthy(v: PyVal): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0; // NaN is truthy in Python too
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  return v.size > 0;
}

/** Python's `a or b`. */
const or = (a: PyVal, b: PyVal): PyVal => (truthy(a) ? a : b);

/** Python's `d.get(key, dflt)`. */
function get(d: PyVal, key: string, dflt: PyVal = null): PyVal {
  if (!(d instanceof Map)) throw new PyError(`AttributeError: '${typeName(d)}' object has no attribute 'get'`);
  const v = d.get(key);
  return v === undefined ? dflt : v;
}

/** What `for x in v` visits. */
function iter(v: PyVal): PyVal[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(v);
  if (v instanceof Map) return [...v.keys()];
  throw new PyError(`TypeError: '${typeName(v)}' object is not iterable`);
}

function pyLen(v: PyVal): number {
  if (Array.isArray(v) || typeof v === 'string' || v instanceof Map) return iter(v).length;
  throw new PyError(`TypeError: object of type '${typeName(v)}' has no len()`);
}

type Num = boolean | number | bigint;
const isNum = (v: PyVal): v is Num => typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint';

/** Exact comparison of Python numbers (bool, int, float); NaN when unordered. */
function numCmp(a: Num, b: Num): number {
  const x = typeof a === 'boolean' ? BigInt(a) : a;
  const y = typeof b === 'boolean' ? BigInt(b) : b;
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.NaN;
  return typeof x === 'number' ? floatVsInt(x, y as bigint) : -floatVsInt(y as number, x);
}

function floatVsInt(f: number, n: bigint): number {
  if (Number.isNaN(f)) return Number.NaN;
  if (!Number.isFinite(f)) return f > 0 ? 1 : -1;
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  if (bf !== n) return bf < n ? -1 : 1;
  return f > fl ? 1 : 0;
}

/** Python's `a == b`. */
function pyEq(a: PyVal, b: PyVal): boolean {
  if (isNum(a) && isNum(b)) return numCmp(a, b) === 0;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameOrEq(x, b[i]));
  }
  if (a.size !== b.size) return false;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y === undefined || !sameOrEq(x, y)) return false;
  }
  return true;
}

// Containers compare items by identity first, and CPython's json returns one shared object for every NaN.
const sameOrEq = (x: PyVal, y: PyVal): boolean =>
  (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y)) || pyEq(x, y);

/** Python's `x in c`. */
function pyIn(x: PyVal, c: PyVal): boolean {
  if (Array.isArray(c)) return c.some((e) => sameOrEq(x, e));
  if (typeof c === 'string') {
    if (typeof x !== 'string') throw new PyError(`TypeError: 'in <string>' requires string as left operand`);
    return cpIncludes(c, x);
  }
  if (c instanceof Map) {
    hashKey(x);
    return typeof x === 'string' && c.has(x);
  }
  throw new PyError(`TypeError: argument of type '${typeName(c)}' is not iterable`);
}

function cpIncludes(hay: string, needle: string): boolean {
  if (!/[\ud800-\udfff]/.test(needle)) return hay.includes(needle);
  const h = Array.from(hay);
  const n = Array.from(needle);
  for (let i = 0; i + n.length <= h.length; i++) if (n.every((ch, k) => h[i + k] === ch)) return true;
  return false;
}

/** A string equal for values that are equal as dict keys or set members in Python (1 == 1.0 == True). */
function hashKey(v: PyVal): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'boolean') return v ? 'i1' : 'i0';
  if (typeof v === 'bigint') return `i${v}`;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    return Number.isInteger(v) ? `i${BigInt(v)}` : `f${v}`;
  }
  throw new PyError(`TypeError: unhashable type: '${typeName(v)}'`);
}

/** Python's `str(v)` for scalars. */
function pyStr(v: PyVal): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  throw new PyError(`str() of a ${typeName(v)} is not emulated`);
}

function cmpCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** Python's `a < b` as used by sorted(). */
function pyLt(a: PyVal, b: PyVal): boolean {
  if (typeof a === 'string' && typeof b === 'string') return cmpCodePoints(a, b) < 0;
  if (isNum(a) && isNum(b)) return numCmp(a, b) < 0;
  throw new PyError(`TypeError: '<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

// ---------------------------------------------------------------- float formatting

/** Python's `repr(x)` for a float. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() gives the shortest round-tripping digits, as Python's repr does.
  const [mant, exp] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const e10 = Number(exp);
  const decpt = e10 + 1;
  if (decpt <= -4 || decpt > 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${e10 < 0 ? '-' : '+'}${String(Math.abs(e10)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Python's `f"{x:.{prec}f}"`: the exact binary value rounded half-to-even (toFixed rounds ties up). */
export function formatFixed(x: number, prec: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075; // |x| = mant * 2^exp
  let num = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(prec + 1, '0');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const int = s.slice(0, s.length - prec);
  return prec > 0 ? `${sign}${int}.${s.slice(s.length - prec)}` : `${sign}${int}`;
}

// ---------------------------------------------------------------- json.loads (CPython's C scanner)

class JSONDecodeError extends Error {
  constructor(msg: string, doc: number[], pos: number) {
    let line = 1;
    let last = -1;
    for (let i = 0; i < pos; i++) {
      if (doc[i] === 0x0a) {
        line++;
        last = i;
      }
    }
    super(`${msg}: line ${line} column ${pos - last} (char ${pos})`);
  }
}

/** The scanner's StopIteration: no value starts at idx. */
class NoValue {
  constructor(readonly idx: number) {}
}

// Containers nested deeper than this make score.py (3.11, default recursion limit) die with RecursionError.
const MAX_JSON_DEPTH = 993;
const MAX_INT_DIGITS = 4300;
const ESCAPES = new Map(
  Object.entries({ '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }),
);
const JSON_CONSTANTS: Array<[string, PyVal]> = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
];
const isJsonWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Works on code points because Python's error positions count them. */
class Scanner {
  readonly cps: number[] = [];
  private readonly offs: number[] = [];
  private depth = 0;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i)!;
      this.cps.push(c);
      this.offs.push(i);
      i += c > 0xffff ? 2 : 1;
    }
    this.offs.push(text.length);
  }

  fail(msg: string, pos: number): never {
    throw new JSONDecodeError(msg, this.cps, pos);
  }

  skipWs(i: number): number {
    while (i < this.cps.length && isJsonWs(this.cps[i])) i++;
    return i;
  }

  private slice(a: number, b: number): string {
    return this.text.slice(this.offs[a], this.offs[b]);
  }

  private startsWith(idx: number, word: string): boolean {
    if (idx + word.length > this.cps.length) return false;
    for (let k = 0; k < word.length; k++) if (this.cps[idx + k] !== word.charCodeAt(k)) return false;
    return true;
  }

  scanOnce(idx: number): [PyVal, number] {
    if (idx >= this.cps.length) throw new NoValue(idx);
    const c = this.cps[idx];
    if (c === 0x22) return this.scanString(idx + 1);
    if (c === 0x7b || c === 0x5b) {
      if (++this.depth > MAX_JSON_DEPTH) throw new PyError('RecursionError: maximum recursion depth exceeded');
      try {
        return c === 0x7b ? this.parseObject(idx + 1) : this.parseArray(idx + 1);
      } finally {
        this.depth--;
      }
    }
    for (const [word, value] of JSON_CONSTANTS) if (this.startsWith(idx, word)) return [value, idx + word.length];
    return this.matchNumber(idx);
  }

  private matchNumber(start: number): [PyVal, number] {
    const s = this.cps;
    const end = s.length - 1;
    let idx = start;
    if (s[idx] === 0x2d && ++idx > end) throw new NoValue(start);
    if (s[idx] >= 0x31 && s[idx] <= 0x39) {
      idx++;
      while (idx <= end && isDigit(s[idx])) idx++;
    } else if (s[idx] === 0x30) idx++;
    else throw new NoValue(start);
    let isFloat = false;
    if (idx < end && s[idx] === 0x2e && isDigit(s[idx + 1])) {
      isFloat = true;
      idx += 2;
      while (idx <= end && isDigit(s[idx])) idx++;
    }
    if (idx < end && (s[idx] === 0x65 || s[idx] === 0x45)) {
      const eStart = idx++;
      if (idx < end && (s[idx] === 0x2d || s[idx] === 0x2b)) idx++;
      while (idx <= end && isDigit(s[idx])) idx++;
      if (isDigit(s[idx - 1])) isFloat = true;
      else idx = eStart;
    }
    const lit = this.slice(start, idx);
    if (isFloat) return [Number(lit), idx];
    if (lit.replace('-', '').length > MAX_INT_DIGITS) {
      throw new PyError('ValueError: Exceeds the limit (4300 digits) for integer string conversion');
    }
    return [BigInt(lit), idx];
  }

  private scanString(start: number): [string, number] {
    const s = this.cps;
    const len = s.length;
    const begin = start - 1;
    const parts: string[] = [];
    let end = start;
    for (;;) {
      let next = end;
      let d = 0;
      for (; next < len; next++) {
        d = s[next];
        if (d === 0x22 || d === 0x5c) break;
        if (d <= 0x1f) this.fail('Invalid control character at', next);
      }
      if (d !== 0x22 && d !== 0x5c) this.fail('Unterminated string starting at', begin);
      if (next !== end) parts.push(this.slice(end, next));
      next++;
      if (d === 0x22) {
        end = next;
        break;
      }
      if (next === len) this.fail('Unterminated string starting at', begin);
      if (s[next] !== 0x75) {
        end = next + 1;
        const esc = ESCAPES.get(String.fromCodePoint(s[next]));
        if (esc === undefined) this.fail('Invalid \\escape', end - 2);
        parts.push(esc);
        continue;
      }
      next++;
      end = next + 4;
      if (end >= len) this.fail('Invalid \\uXXXX escape', next - 1);
      let c = 0;
      for (; next < end; next++) {
        const h = hexVal(s[next]);
        if (h < 0) this.fail('Invalid \\uXXXX escape', end - 5);
        c = (c << 4) | h;
      }
      if (c >= 0xd800 && c <= 0xdbff && end + 6 < len && s[next++] === 0x5c && s[next++] === 0x75) {
        let c2 = 0;
        end += 6;
        for (; next < end; next++) {
          const h = hexVal(s[next]);
          if (h < 0) this.fail('Invalid \\uXXXX escape', end - 5);
          c2 = (c2 << 4) | h;
        }
        if (c2 >= 0xdc00 && c2 <= 0xdfff) c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
        else end -= 6;
      }
      parts.push(String.fromCodePoint(c));
    }
    return [parts.join(''), end];
  }

  private parseObject(start: number): [PyVal, number] {
    const s = this.cps;
    const last = s.length - 1;
    const obj: PyDict = new Map();
    let idx = this.skipWs(start);
    if (idx > last || s[idx] !== 0x7d) {
      for (;;) {
        if (idx > last || s[idx] !== 0x22) this.fail('Expecting property name enclosed in double quotes', idx);
        const [key, afterKey] = this.scanString(idx + 1);
        idx = this.skipWs(afterKey);
        if (idx > last || s[idx] !== 0x3a) this.fail("Expecting ':' delimiter", idx);
        const [value, afterValue] = this.scanOnce(this.skipWs(idx + 1));
        obj.set(key, value);
        idx = this.skipWs(afterValue);
        if (idx <= last && s[idx] === 0x7d) break;
        if (idx > last || s[idx] !== 0x2c) this.fail("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [obj, idx + 1];
  }

  private parseArray(start: number): [PyVal, number] {
    const s = this.cps;
    const last = s.length - 1;
    const arr: PyVal[] = [];
    let idx = this.skipWs(start);
    if (idx > last || s[idx] !== 0x5d) {
      for (;;) {
        const [value, afterValue] = this.scanOnce(idx);
        arr.push(value);
        idx = this.skipWs(afterValue);
        if (idx <= last && s[idx] === 0x5d) break;
        if (idx > last || s[idx] !== 0x2c) this.fail("Expecting ',' delimiter", idx);
        idx = this.skipWs(idx + 1);
      }
    }
    return [arr, idx + 1];
  }
}

/** Python's json.loads(text), including its error messages. */
export function pyJsonLoads(text: string): PyVal {
  const sc = new Scanner(text);
  if (sc.cps[0] === 0xfeff) sc.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0);
  let value: PyVal;
  let end: number;
  try {
    [value, end] = sc.scanOnce(sc.skipWs(0));
  } catch (e) {
    if (e instanceof NoValue) sc.fail('Expecting value', e.idx);
    throw e;
  }
  end = sc.skipWs(end);
  if (end !== sc.cps.length) sc.fail('Extra data', end);
  return value;
}

// ---------------------------------------------------------------- json.dumps(ensure_ascii=False, indent=1)

// Python escapes exactly what JSON.stringify escapes among these: quote, backslash and C0 controls.
const jsonString = (s: string) => `"${s.replace(/["\\\x00-\x1f]/g, (c) => JSON.stringify(c).slice(1, -1))}"`;

/** Python's json.dumps(v, ensure_ascii=False, indent=1). */
export function pyJsonDumps(v: PyVal, level = 0): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    return Number.isFinite(v) ? floatRepr(v) : v > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof v === 'string') return jsonString(v);
  const items = Array.isArray(v)
    ? v.map((x) => pyJsonDumps(x, level + 1))
    : [...v].map(([k, x]) => `${jsonString(k)}: ${pyJsonDumps(x, level + 1)}`);
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  const inner = `\n${' '.repeat(level + 1)}`;
  return `${open}${inner}${items.join(`,${inner}`)}\n${' '.repeat(level)}${close}`;
}

/** print() to a UTF-8 stdout fails on lone surrogates. */
function printable(out: string): string {
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)) {
    throw new PyError("UnicodeEncodeError: 'utf-8' codec can't encode a surrogate");
  }
  return out;
}

// ---------------------------------------------------------------- names

// Code points assigned after Unicode 14.0 (CPython 3.11's unicodedata) but known to Node's ICU.
const NEWER =
  '88f 897 c5c cdc cf3 ece 1acf-1add 1ae0-1aeb 1b4e-1b4f 1b7f 1c89-1c8a 20c1 2427-2429 2b96 2ffc-2fff 31e4-31e5 ' +
  '31ef a7cb-a7cf a7d2 a7d4 a7da-a7dc a7f1 fbc3-fbd2 fd90-fd91 fdc8-fdce 105c0-105f3 10940-10959 10d40-10d65 ' +
  '10d69-10d85 10d8e-10d8f 10ec2-10ec7 10ed0-10ed8 10efa-10eff 1123f-11241 11380-11389 1138b 1138e 11390-113b5 ' +
  '113b7-113c0 113c2 113c5 113c7-113ca 113cc-113d5 113d7-113d8 113e1-113e2 116d0-116e3 11b00-11b09 11b60-11b67 ' +
  '11bc0-11be1 11bf0-11bf9 11db0-11ddb 11de0-11de9 11f00-11f10 11f12-11f3a 11f3e-11f5a 1342f 13439-13455 ' +
  '13460-143fa 16100-16139 16d40-16d79 16ea0-16eb8 16ebb-16ed3 16ff2-16ff6 187f8-187ff 18cff 18d09-18d1e ' +
  '18d80-18df2 1b132 1b155 1cc00-1ccfc 1cd00-1ceb3 1ceba-1ced0 1cee0-1cef0 1d2c0-1d2d3 1df25-1df2a 1e030-1e06d ' +
  '1e08f 1e4d0-1e4f9 1e5d0-1e5fa 1e5ff 1e6c0-1e6de 1e6e0-1e6f5 1e6fe-1e6ff 1f6d8 1f6dc 1f774-1f77f 1f7d9 ' +
  '1f8b2-1f8bb 1f8c0-1f8c1 1f8d0-1f8d8 1fa54-1fa57 1fa75-1fa77 1fa87-1fa8a 1fa8e-1fa8f 1faad-1faaf 1fabb-1fabf ' +
  '1fac6 1fac8 1facd-1facf 1fada-1fadc 1fadf 1fae8-1faea 1faef 1faf7-1faf8 1fbcb-1fbef 1fbfa 2b739-2b73f ' +
  '2cea2-2cead 2ebf0-2ee5d 31350-33479';
// Python has no case, decomposition or \w for those (unassigned in its tables), nor for lone surrogates, so
// JS must not normalise or case-map them or across them; in norm() they end up as separators.
const INERT_CLASS = `\\ud800-\\udfff${NEWER.split(' ')
  .map((r) => r.replace(/\w+/g, (h) => `\\u{${h}}`))
  .join('')}`;
const INERT = new RegExp(`[${INERT_CLASS}]`, 'u');
// Skips as well the old letters that gained an uppercase partner after Unicode 14.0.
const UPPER_RUN = new RegExp(`[^${INERT_CLASS}\\u019b\\u0264\\ua7d3\\ua7d5]+`, 'gu');

function pyUpper(v: PyVal): string {
  if (typeof v !== 'string') throw new PyError(`AttributeError: '${typeName(v)}' object has no attribute 'upper'`);
  return v.replace(UPPER_RUN, (run) => run.toUpperCase());
}

// str.isspace(), which is what Python's \s, strip() and split() use.
const PY_WS_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_STRIP = new RegExp(`^[${PY_WS_CLASS}]+|[${PY_WS_CLASS}]+$`, 'g');
const PY_SPACES = new RegExp(`[${PY_WS_CLASS}]+`);
// [^\w\s]: Python's \w is str.isalnum() or '_', i.e. \p{L}\p{N}_ for the code points it knows.
const NOT_WORD_OR_SPACE = new RegExp(`[^\\p{L}\\p{N}_${PY_WS_CLASS}]+`, 'gu');
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .replace(DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();

const normCache = new Map<string, string>();

export function norm(v: PyVal): string {
  const s = or(v, '');
  if (typeof s !== 'string') throw new PyError(`TypeError: normalize() argument 2 must be str, not ${typeName(s)}`);
  let out = normCache.get(s);
  if (out === undefined) {
    const folded = s.split(INERT).map(fold).join(' ').replace(/_/g, ' ').replace(NOT_WORD_OR_SPACE, ' ');
    out = folded
      .split(PY_SPACES)
      .filter((w) => w)
      .join(' ');
    if (normCache.size >= 100_000) normCache.clear();
    normCache.set(s, out);
  }
  return out;
}

const STOP = new Set(['the', 'of', 'in', 'and', 'forces', 'force', 'al', 'في', 'من', 'و', 'قوات', 'ال']);

export function words(v: PyVal): Set<string> {
  const out = new Set<string>();
  for (let w of norm(v).split(' ')) {
    if (!w) continue;
    if (w.startsWith('ال') && Array.from(w).length > 3) w = w.slice(2);
    if (!STOP.has(w)) out.add(w);
  }
  return out;
}

export function nameMatch(systemNames: PyVal[], aliases: PyVal): boolean {
  for (const n of systemNames) {
    if (!truthy(n)) continue;
    const nn = norm(n);
    const nw = words(n);
    for (const a of iter(aliases)) {
      if (nn === norm(a)) return true;
      const aw = words(a);
      if (nw.size && aw.size) {
        const common = [...nw].filter((w) => aw.has(w)).length;
        if (common / new Set([...nw, ...aw]).size >= 0.5) return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------- places and dates

function toFloat(v: PyVal): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') {
    const f = Number(v);
    if (!Number.isFinite(f)) throw new PyError('OverflowError: int too large to convert to float');
    return f;
  }
  throw new PyError(`TypeError: must be real number, not ${typeName(v)}`);
}

/** math.sin/math.cos reject infinities. */
function checked(f: (x: number) => number, x: number): number {
  if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
    throw new PyError('ValueError: math domain error');
  }
  return f(x);
}

const RAD = Math.PI / 180;

// V8's Math.sin/cos/asin can differ from glibc's in the last bit, so a distance within a few units in the
// last place of 25 or 50 km could be judged differently; any other distance is judged the same.
function haversine(a0: PyVal, a1: PyVal, b0: PyVal, b1: PyVal): number {
  const [la1, lo1, la2, lo2] = [a0, a1, b0, b1].map((x) => toFloat(x) * RAD);
  const s1 = checked(Math.sin, (la2 - la1) / 2);
  const c1 = checked(Math.cos, la1);
  const c2 = checked(Math.cos, la2);
  const s2 = checked(Math.sin, (lo2 - lo1) / 2);
  const h = s1 * s1 + c1 * c2 * (s2 * s2);
  const m = h < 1.0 ? h : 1.0; // min(1.0, h), NaN included
  if (m < 0) throw new PyError('ValueError: math domain error');
  return 6371.0 * 2 * Math.asin(Math.sqrt(m));
}

function locOf(x: PyVal): PyDict | null {
  if (!truthy(x) || get(x, 'lat') === null || get(x, 'lon') === null) return null;
  return x as PyDict;
}

function locCompatible(s: PyVal, g: PyVal): boolean {
  const ls = locOf(s);
  const lg = locOf(g);
  if (!ls || !lg) return false;
  if (pyEq(get(ls, 'precision'), 3n) || pyEq(get(lg, 'precision'), 3n)) {
    return pyUpper(or(get(ls, 'country'), '')) === pyUpper(or(get(lg, 'country'), ''));
  }
  return haversine(get(ls, 'lat'), get(ls, 'lon'), get(lg, 'lat'), get(lg, 'lon')) <= 50;
}

const MAX_ORDINAL = 3652059; // date(9999, 12, 31)
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) =>
  m === 2 && isLeap(y) ? 29 : [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m];

/** CPython's ymd_to_ord, with C's truncating division (year 0 occurs in week dates). */
function ymdToOrd(y: number, m: number, d: number): number {
  const p = y - 1;
  const daysBeforeYear = p * 365 + Math.trunc(p / 4) - Math.trunc(p / 100) + Math.trunc(p / 400);
  return daysBeforeYear + DAYS_BEFORE_MONTH[m] + (m > 2 && isLeap(y) ? 1 : 0) + d;
}

/** Python 3.11's date.fromisoformat (C version), as a proleptic Gregorian ordinal. */
function fromIsoFormat(s: string): number {
  const invalid = () => new PyError(`ValueError: Invalid isoformat string: '${s}'`);
  if (/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) throw invalid();
  const b = new TextEncoder().encode(s);
  const len = b.length;
  if (len !== 7 && len !== 8 && len !== 10) throw invalid();
  let p = 0;
  const at = (i: number) => (i < len ? b[i] : 0);
  const digits = (n: number) => {
    let v = 0;
    for (let k = 0; k < n; k++) {
      const t = at(p++) - 0x30;
      if (t < 0 || t > 9) throw invalid();
      v = v * 10 + t;
    }
    return v;
  };
  const year = digits(4);
  const sep = at(p) === 0x2d;
  if (sep) p++;
  if (at(p) === 0x57) {
    p++;
    const week = digits(2);
    let day = 1;
    if (p < len) {
      if (sep && at(p++) !== 0x2d) throw invalid();
      day = digits(1);
    }
    const first = ymdToOrd(year, 1, 1);
    const weekday = (first + 6) % 7;
    if (week <= 0 || week >= 53) {
      if (week !== 53 || !(weekday === 3 || (weekday === 2 && isLeap(year)))) throw invalid();
    }
    if (day <= 0 || day >= 8) throw invalid();
    const ord = first - weekday + (weekday > 3 ? 7 : 0) + (week - 1) * 7 + day - 1;
    if (ord < 1 || ord > MAX_ORDINAL) throw new PyError('ValueError: date out of range');
    return ord;
  }
  const month = digits(2);
  if (sep && at(p++) !== 0x2d) throw invalid();
  const day = digits(2);
  if (year < 1 || year > 9999) throw new PyError(`ValueError: year ${year} is out of range`);
  if (month < 1 || month > 12) throw new PyError('ValueError: month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw new PyError('ValueError: day is out of range for month');
  return ymdToOrd(year, month, day);
}

/** score.py's d(): `date.fromisoformat(str(s)[:10])`. */
export function isoDay(v: PyVal): number {
  // The repr of a list or dict starts with '[' or '{', which fromisoformat always rejects.
  if (Array.isArray(v) || v instanceof Map) throw new PyError('ValueError: Invalid isoformat string');
  return fromIsoFormat(Array.from(pyStr(v)).slice(0, 10).join(''));
}

function interval(x: PyVal): [number, number] | null {
  if (!truthy(x) || !truthy(get(x, 'start'))) return null;
  return [isoDay(get(x, 'start')), isoDay(or(get(x, 'end'), get(x, 'start')))];
}

function addDays(ord: number, n: number): number {
  const r = ord + n;
  if (r < 1 || r > MAX_ORDINAL) throw new PyError('OverflowError: date value out of range');
  return r;
}

function dateCompatible(s: PyVal, g: PyVal): boolean {
  const a = interval(s);
  const b = interval(g);
  if (!a || !b) return false;
  return addDays(a[0], -1) <= addDays(b[1], 1) && addDays(b[0], -1) <= addDays(a[1], 1);
}

// ---------------------------------------------------------------- fields and matching

function actorCorrect(ev: PyVal, role: string, goldAliases: PyVal): boolean {
  const acts = iter(or(get(ev, 'actors'), [])).filter((a) => pyEq(get(a, 'role'), role));
  if (goldAliases === null) return acts.every((a) => norm(get(a, 'name')) === 'unidentified armed group');
  return acts.some((a) => nameMatch([get(a, 'name'), get(a, 'name_ar')], goldAliases));
}

function claimsCorrect(ev: PyVal, goldClaimants: PyVal): boolean {
  const sysBy = iter(or(get(ev, 'claims'), [])).filter((c) => pyEq(get(c, 'kind'), 'responsibility'));
  const gold = or(goldClaimants, []);
  if (new Set(sysBy.map((c) => norm(get(c, 'by')))).size !== pyLen(gold)) return false;
  return iter(gold).every((g) => sysBy.some((c) => nameMatch([get(c, 'by')], g)));
}

/** The scored fields, in the order score.py prints them. */
export const FIELDS = [
  'type',
  'subtype',
  'location',
  'date',
  'perpetrator',
  'target',
  'weapons',
  'killed',
  'injured',
  'claimed_by',
] as const;
export type Field = (typeof FIELDS)[number];
type Checks = Record<Exclude<Field, 'weapons'>, boolean>;

/** Which fields of system event s agree with gold event g (in score.py's order). */
function fieldChecks(s: PyVal, g: PyVal): Checks {
  const ls = locOf(get(s, 'location'));
  const lg = locOf(get(g, 'location'));
  const si = interval(get(s, 'date'));
  const gi = interval(get(g, 'date'));
  return {
    type: pyIn(get(s, 'type'), get(g, 'type', [])),
    subtype: pyIn(get(s, 'subtype'), get(g, 'subtype', [])),
    location: !!(ls && lg && haversine(get(ls, 'lat'), get(ls, 'lon'), get(lg, 'lat'), get(lg, 'lon')) <= 25),
    date: !!(si && gi && gi[0] <= si[0] && si[1] <= gi[1]),
    perpetrator: actorCorrect(s, 'perpetrator', get(g, 'perpetrator')),
    target: actorCorrect(s, 'target', get(g, 'target')),
    killed: pyEq(get(or(get(s, 'fatalities'), new Map()), 'killed'), get(g, 'killed')),
    injured: pyEq(get(or(get(s, 'fatalities'), new Map()), 'injured'), get(g, 'injured')),
    claimed_by: claimsCorrect(s, get(g, 'claimed_by')),
  };
}

/** score.py's hungarian(), step for step so that ties resolve the same way; returns [row, col] pairs. */
function hungarian(w: number[][]): Array<[number, number]> {
  const n = w.length;
  const m = w[0].length;
  const u: number[] = new Array(n + 1).fill(0);
  const v: number[] = new Array(m + 1).fill(0);
  const p: number[] = new Array(m + 1).fill(0);
  const way: number[] = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv: number[] = new Array(m + 1).fill(Number.POSITIVE_INFINITY);
    const used: boolean[] = new Array(m + 1).fill(false);
    for (;;) {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
      if (p[j0] === 0) break;
    }
    for (;;) {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
      if (j0 === 0) break;
    }
  }
  const out: Array<[number, number]> = [];
  for (let j = 1; j <= m; j++) if (p[j]) out.push([p[j] - 1, j - 1]);
  return out;
}

/** One-to-one matching of compatible pairs; returns [gold index, system index] pairs. */
export function match(sysEvents: PyVal[], goldEvents: PyVal): Array<[number, number]> {
  if (sysEvents.length === 0 || !truthy(goldEvents)) return [];
  const goldRows = pyLen(goldEvents) <= sysEvents.length;
  const gold = iter(goldEvents);
  const [rows, cols] = goldRows ? [gold, sysEvents] : [sysEvents, gold];
  const w = rows.map((a) =>
    cols.map((b) => {
      const [g, s] = goldRows ? [a, b] : [b, a];
      if (!locCompatible(get(s, 'location'), get(g, 'location')) || !dateCompatible(get(s, 'date'), get(g, 'date'))) {
        return 0.0;
      }
      const agreeing = Object.values(fieldChecks(s, g)).filter(Boolean).length;
      return 1000.0 + (truthy(get(g, 'optional')) ? 0 : 50) + agreeing;
    }),
  );
  return hungarian(w)
    .filter(([r, c]) => w[r][c] > 0)
    .map(([r, c]) => (goldRows ? [r, c] : [c, r]));
}

// ---------------------------------------------------------------- scoring

export interface Doc {
  /** The document id as Python keeps it (the first of equal keys). */
  id: PyVal;
  rec: PyDict;
}
/** Documents by id, in file order; keys are equal where Python's dict keys would be. */
export type Docs = Map<string, Doc>;

export interface DocCounts {
  id: PyVal;
  tp: number;
  gold: number;
  sys: number;
}

export interface ScoreResult {
  documents: number;
  missing_documents: PyVal[];
  events: { precision: number; recall: number; f1: number; tp: number; sys: number; gold: number };
  /** In score.py's order: weapons last. */
  fields: Record<Field, number>;
  mean_field_accuracy: number;
  headline: number;
  per_doc: DocCounts[];
}

const pySet = (v: PyVal) => new Set(iter(v).map(hashKey));

export function score(gold: Docs, system: Docs): ScoreResult {
  const tot = { tp: 0, sys: 0, gold: 0 };
  const field = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  let wtp = 0;
  let wsys = 0;
  let wgold = 0;
  const perDoc: DocCounts[] = [];
  for (const [key, { id, rec: gdoc }] of gold) {
    const sdoc: PyVal = system.get(key)?.rec ?? new Map([['events', []]]);
    const gevRaw = get(gdoc, 'events', []);
    // events the system could not place are reported but not scored here
    const sev = iter(or(get(sdoc, 'events', []), [])).filter((e) => locOf(get(e, 'location')) !== null);
    const pairs = match(sev, gevRaw);
    const gev = iter(gevRaw);
    const optional = (i: number) => truthy(get(gev[i], 'optional'));
    const optSys = new Set(pairs.filter(([i]) => optional(i)).map(([, j]) => j));
    const tp = pairs.filter(([i]) => !optional(i)).length;
    const nGold = gev.filter((g) => !truthy(get(g, 'optional'))).length;
    const nSys = sev.length - optSys.size;
    tot.tp += tp;
    tot.gold += nGold;
    tot.sys += nSys;
    perDoc.push({ id, tp, gold: nGold, sys: nSys });
    for (const [i, j] of pairs) {
      const g = gev[i];
      const s = sev[j];
      if (optional(i)) continue;
      for (const [f, ok] of Object.entries(fieldChecks(s, g)) as Array<[Field, boolean]>) {
        field[f][0] += ok ? 1 : 0;
        field[f][1] += 1;
      }
      const sw = pySet(or(get(s, 'weapons'), []));
      const gw = pySet(or(get(g, 'weapons'), []));
      wtp += [...sw].filter((x) => gw.has(x)).length;
      wsys += sw.size;
      wgold += gw.size;
      field.weapons[1] += 1;
    }
  }
  const p = tot.sys ? tot.tp / tot.sys : 0.0;
  const r = tot.gold ? tot.tp / tot.gold : 0.0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0.0;
  const acc = {} as Record<Field, number>;
  for (const f of FIELDS) if (f !== 'weapons') acc[f] = field[f][1] ? field[f][0] / field[f][1] : 0.0;
  const wp = wsys ? wtp / wsys : 0.0;
  const wr = wgold ? wtp / wgold : 0.0;
  acc.weapons = wp + wr ? (2 * wp * wr) / (wp + wr) : field.weapons[1] && !wgold ? 1.0 : 0.0;
  const values = Object.values(acc);
  const meanField = values.reduce((a, b) => a + b, 0) / values.length;
  const missing = [...gold].filter(([k]) => !system.has(k)).map(([, d]) => d.id);
  missing.sort((a, b) => (pyLt(a, b) ? -1 : pyLt(b, a) ? 1 : 0));
  return {
    documents: gold.size,
    missing_documents: missing,
    events: { precision: p, recall: r, f1, ...tot },
    fields: acc,
    mean_field_accuracy: meanField,
    headline: f1 * meanField,
    per_doc: perDoc,
  };
}

// ---------------------------------------------------------------- loading

function load(path: string, key: (rec: PyVal) => PyVal): Docs {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path));
  } catch (e) {
    if (e instanceof TypeError) throw new PyError(`UnicodeDecodeError: ${path} is not valid UTF-8`);
    throw e;
  }
  return parse(text, path, key);
}

function parse(text: string, path: string, key: (rec: PyVal) => PyVal): Docs {
  const out: Docs = new Map();
  // Python's text mode ends lines at \n, \r\n and \r only.
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 1; n <= lines.length; n++) {
    const line = lines[n - 1].replace(PY_STRIP, '');
    if (!line) continue;
    let rec: PyVal;
    try {
      rec = pyJsonLoads(line);
    } catch (e) {
      if (e instanceof JSONDecodeError) throw new Error(`${path}:${n}: not JSON: ${e.message}`);
      throw e;
    }
    const id = key(rec);
    if (id === null) throw new Error(`${path}:${n}: no document id`);
    const k = hashKey(id);
    out.set(k, { id: out.get(k)?.id ?? id, rec: rec as PyDict });
  }
  return out;
}

export const loadGold = (path: string): Docs => load(path, (r) => get(r, 'id'));

/** Gold held in memory (JSON lines), read as loadGold reads a file. */
export const parseGold = (text: string, name = '<gold>'): Docs => parse(text, name, (r) => get(r, 'id'));

const systemKey = (r: PyVal) => {
  const doc = or(get(r, 'document'), new Map());
  return get(doc, 'id', get(r, 'id'));
};

export const loadSystem = (path: string): Docs => load(path, systemKey);

/** System output held in memory (JSON lines), read as loadSystem reads a file. */
export const parseSystem = (text: string, name = '<system>'): Docs => parse(text, name, systemKey);

// ---------------------------------------------------------------- output

const f3 = (x: number) => formatFixed(x, 3);

/** What score.py prints without --json (trailing newline included). */
export function formatText(res: ScoreResult, perDoc: boolean): string {
  const e = res.events;
  const lines = [
    `documents ${res.documents}  missing ${res.missing_documents.length}`,
    `events    P ${f3(e.precision)}  R ${f3(e.recall)}  F1 ${f3(e.f1)}   (tp ${e.tp}, system ${e.sys}, gold ${e.gold})`,
    ...Object.entries(res.fields).map(([f, v]) => `  ${f.padEnd(12)} ${f3(v)}`),
    `mean field accuracy ${f3(res.mean_field_accuracy)}`,
  ];
  if (perDoc) for (const r of res.per_doc) lines.push(`  ${pyStr(r.id)}: tp ${r.tp} gold ${r.gold} system ${r.sys}`);
  lines.push(`headline (event F1 x mean field accuracy) ${f3(res.headline)}`);
  return printable(lines.map((l) => `${l}\n`).join(''));
}

/** What score.py prints with --json (trailing newline included). */
export function formatJson(res: ScoreResult, perDoc: boolean): string {
  // Counts are Python ints (bigint here); rates are floats (number).
  const dict = (o: Record<string, PyVal>): PyDict => new Map(Object.entries(o));
  const e = res.events;
  const out = dict({
    documents: BigInt(res.documents),
    missing_documents: res.missing_documents,
    events: dict({
      precision: e.precision,
      recall: e.recall,
      f1: e.f1,
      tp: BigInt(e.tp),
      sys: BigInt(e.sys),
      gold: BigInt(e.gold),
    }),
    fields: dict(res.fields),
    mean_field_accuracy: res.mean_field_accuracy,
    headline: res.headline,
  });
  if (perDoc) {
    out.set(
      'per_doc',
      res.per_doc.map((r) => dict({ id: r.id, tp: BigInt(r.tp), gold: BigInt(r.gold), sys: BigInt(r.sys) })),
    );
  }
  return printable(`${pyJsonDumps(out)}\n`);
}
