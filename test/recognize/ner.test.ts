import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { heldOutStart, parseConll } from '../../src/recognize/ner/conll.js';
import {
  buildGazetteerBits,
  type FeatureContext,
  featureName,
  GAZ,
  visitFeatures,
} from '../../src/recognize/ner/features.js';
import { chunks, findEntities, oneTagPerName, scoreEntities, TAGS, tagWords } from '../../src/recognize/ner/index.js';
import { makeDoc } from '../../src/text/doc.js';

const root = path.resolve(import.meta.dirname, '../..');
const VALID = new Set(TAGS);

/** A sequence BIO allows: I-X only after B-X or I-X. */
function validBio(tags: string[]): boolean {
  return tags.every((t, i) => VALID.has(t) && (!t.startsWith('I-') || (i > 0 && tags[i - 1].slice(2) === t.slice(2))));
}

// The model's held-out F1 on ANERcorp (not in the repository) is checked by scripts/check-sources.ts, with
// parseConll, heldOutStart and scoreEntities as below.
describe('shipped model', () => {
  test('the held-out scoring: a CoNLL text parsed, its last tenth taken, entities scored by exact span and type', () => {
    const sents = Array.from({ length: 20 }, (_, i) =>
      i < 18 ? `x O\n. O\n` : 'قال O\nمحمد B-PERS\nظريف I-PERS\n O\nفي O\nطهران B-LOC\n. O\n',
    );
    const parsed = parseConll(sents.join('\n'), true);
    assert.equal(parsed.length, 20);
    const held = parsed.slice(heldOutStart(parsed.length));
    assert.equal(held.length, 2);
    assert.deepEqual(held[0].words, ['قال', 'محمد', 'ظريف', '', 'في', 'طهران', '.']);
    const pred = held.map((s) => tagWords(s.words));
    const r = scoreEntities(
      held.map((s) => s.tags),
      pred,
    );
    assert.equal(r.overall.gold, 4);
    assert.equal(r.byType.LOC.tp, 2, pred[0].join(' '));
    const perfect = scoreEntities(
      held.map((s) => s.tags),
      held.map((s) => s.tags),
    );
    assert.deepEqual([perfect.overall.p, perfect.overall.r, perfect.overall.f1], [1, 1, 1]);
  });

  test('model file is compact', () => {
    assert.ok(readFileSync(path.join(root, 'data/ner/model.json')).length < 5e6);
  });
});

describe('gazetteer bits', () => {
  const bits = buildGazetteerBits();
  const has = (key: string, bit: number) => ((bits.get(key) ?? 0) & bit) !== 0;
  test('organisations from actors.tsv and sources.tsv: one-word names, heads and later words of longer ones', () => {
    assert.ok(has('حماس', GAZ.ORG), 'حماس (actors.tsv)');
    assert.ok(has('رويترز', GAZ.ORG), 'رويترز (sources.tsv)');
    // حركة المقاومة الإسلامية: the head, and a later word keyed with and without the article
    assert.ok(has('حركه', GAZ.ORG_HEAD));
    assert.ok(has('المقاومه', GAZ.ORG_PART) && has('مقاومه', GAZ.ORG_PART));
  });
  test('civilians, protesters and rioters rows are not organisations', () => {
    assert.ok(!has('مدنيون', GAZ.ORG | GAZ.ORG_HEAD | GAZ.ORG_PART));
  });
  test('places and persons keep their bits', () => {
    assert.ok(has('بغداد', GAZ.PLACE));
  });
});

describe('word dropout (blind features)', () => {
  const names = (ctx: FeatureContext, w: string) => {
    const out: string[] = [];
    visitFeatures(w, ctx, (r, t, v) => out.push(featureName(r, t, v)));
    return out;
  };
  const gaz = new Map([['حماس', GAZ.ORG]]);
  const seen: FeatureContext = { known: () => true, gaz };
  const blind: FeatureContext = { known: () => false, gaz, blind: true };
  test('a blind word keeps no feature that names it: not its form, keys, trigrams or core', () => {
    const open = names(seen, 'وحماس');
    assert.ok(
      open.includes('w:وحماس') && open.includes('k:حماس') && open.includes('g3:حما') && open.includes('-2w:حماس'),
    );
    const b = names(blind, 'وحماس');
    assert.ok(!b.some((f) => f.includes('حماس') || f.includes('حما')), b.join(' '));
    for (const f of ['b:', 'unk:', 'sh:A', 'len:5', 'cl:و', 'p1:و', 's1:س', 'g:o1', '-1unk:', '+1unk:']) {
      assert.ok(b.includes(f), `${f} in ${b.join(' ')}`);
    }
    assert.ok(!b.some((f) => f.startsWith('-2') || f.startsWith('+2')));
  });
});

describe('one tag per name in a document', () => {
  const sp = (s: string) => s.split(' ');
  test('an occurrence the tagger missed gets the type the name has elsewhere in the document', () => {
    const words = [sp('قال بان كي مون امس'), sp('واضاف بان كي مون ان')];
    const tags = [sp('O B-PERS I-PERS I-PERS O'), sp('O O O O O')];
    const out = oneTagPerName(words, tags);
    assert.deepEqual(out[1], sp('O B-PERS I-PERS I-PERS O'));
    assert.deepEqual(out[0], tags[0]);
    assert.deepEqual(tags[1], sp('O O O O O'), 'the input is not changed');
  });
  test('a name tagged with two types takes the more frequent one, a tie the first', () => {
    const words = [sp('فاز بنفيكا'), sp('خسر بنفيكا'), sp('لعب بنفيكا'), sp('زار ليون'), sp('في ليون')];
    const tags = [sp('O B-ORG'), sp('O B-LOC'), sp('O B-ORG'), sp('O B-LOC'), sp('O B-ORG')];
    const out = oneTagPerName(words, tags);
    assert.deepEqual(
      out.map((t) => t[1]),
      ['B-ORG', 'B-ORG', 'B-ORG', 'B-LOC', 'B-LOC'],
    );
  });
  test('the longest tagged name is matched first and no entity is cut', () => {
    const words = [sp('البنك التجاري الدولي'), sp('البنك التجاري'), sp('البنك التجاري الدولي')];
    const tags = [sp('B-ORG I-ORG I-ORG'), sp('B-ORG I-ORG'), sp('O B-MISC I-MISC')];
    const out = oneTagPerName(words, tags);
    // the third sentence keeps its MISC: البنك alone was never a name, and its tokens are not free
    assert.deepEqual(out[2], sp('O B-MISC I-MISC'));
    const words2 = [sp('البنك التجاري الدولي'), sp('رفع البنك التجاري الدولي')];
    const out2 = oneTagPerName(words2, [sp('B-ORG I-ORG I-ORG'), sp('O O O O')]);
    assert.deepEqual(out2[1], sp('O B-ORG I-ORG I-ORG'));
  });
  test('findEntities gives a name one type across the document', () => {
    // sentence by sentence the tagger may give this unseen name different types (the shipped model gave three)
    const text = 'أعلنت شركة فولكسفاغن عن أرباحها. وقالت فولكسفاغن إن المبيعات ارتفعت. وتنتج فولكسفاغن سيارات.';
    const doc = makeDoc('t', text);
    const found = findEntities(doc);
    const types = new Map<string, Set<string>>();
    for (const m of found) types.set(m.span.text, (types.get(m.span.text) ?? new Set()).add(m.value.type));
    for (const [name, t] of types) assert.equal(t.size, 1, `${name}: ${[...t].join(' ')}`);
    // every occurrence of the name is inside a found entity
    const at = doc.tokens.filter((t) => t.norm === 'فولكسفاغن').map((t) => t.i);
    assert.equal(at.length, 3);
    for (const i of at)
      assert.ok(
        found.some((m) => m.first <= i && i < m.last),
        `token ${i}`,
      );
  });
});

describe('tagWords', () => {
  test('tags the person and the place of a news sentence', () => {
    const words = 'قال وزير الخارجية الإيراني محمد جواد ظريف في طهران'.split(' ');
    const tags = tagWords(words);
    assert.equal(tags.length, words.length);
    assert.equal(tags[words.indexOf('ظريف')].slice(2), 'PERS');
    assert.equal(tags[words.indexOf('طهران')], 'B-LOC');
    assert.equal(tags[0], 'O');
    assert.ok(validBio(tags));
  });

  test('normalises its input: diacritics and hamza forms do not change the tags', () => {
    const plain = tagWords('وصل رئيس الوزراء العراقي حيدر العبادي الى بغداد'.split(' '));
    const marked = tagWords('وَصَلَ رئيسُ الوزراءِ العراقيُّ حيدر العبادي إلى بغدادَ'.split(' '));
    assert.deepEqual(marked, plain);
  });

  test('empty input, odd tokens', () => {
    assert.deepEqual(tagWords([]), []);
    const odd = tagWords(['', '...', 'https://example.com/x', '#غزة', '2018', 'ـ', 'Trump']);
    assert.equal(odd.length, 7);
    assert.ok(validBio(odd));
  });
});

describe('findEntities', () => {
  const ROWS: [string, [string, string][]][] = [
    [
      'قال وزير الخارجية الإيراني محمد جواد ظريف في طهران',
      [
        ['PERS', 'محمد جواد ظريف'],
        ['LOC', 'طهران'],
      ],
    ],
    [
      'التقى الرئيس الأمريكي دونالد ترامب نظيره الروسي فلاديمير بوتين في هلسنكي',
      [
        ['PERS', 'دونالد ترامب'],
        ['PERS', 'فلاديمير بوتين'],
        ['LOC', 'هلسنكي'],
      ],
    ],
    [
      'وصل رئيس الوزراء العراقي حيدر العبادي إلى بغداد قادما من القاهرة',
      [
        ['PERS', 'حيدر العبادي'],
        ['LOC', 'بغداد'],
        ['LOC', 'القاهرة'],
      ],
    ],
    [
      'وقال مجلس الأمن الدولي في بيان صدر في نيويورك',
      [
        ['ORG', 'مجلس الأمن الدولي'],
        ['LOC', 'نيويورك'],
      ],
    ],
  ];
  for (const [text, expected] of ROWS) {
    test(text, () => {
      const doc = makeDoc('t', text);
      const found = findEntities(doc);
      for (const m of found) {
        assert.equal(m.span.text, doc.text.slice(m.span.start, m.span.end));
        assert.equal(m.span.start, doc.tokens[m.first].start);
        assert.equal(m.span.end, doc.tokens[m.last - 1].end);
        assert.equal(m.sent, doc.tokens[m.first].sent);
      }
      const got = found.map((m) => [m.value.type, m.span.text]);
      for (const e of expected)
        assert.ok(
          got.some((g) => g[0] === e[0] && g[1] === e[1]),
          `${e} in ${got}`,
        );
    });
  }

  test('spans are exact slices of the original text, with diacritics, across sentences', () => {
    const text = 'أعلنَ الرئيسُ السوري بشار الأسد من دمشق.\nوقال ظريف في طهران إن الاتفاق قائم.';
    const doc = makeDoc('t', text);
    const found = findEntities(doc);
    assert.ok(found.length >= 3);
    for (const m of found) {
      assert.equal(m.span.text, text.slice(m.span.start, m.span.end));
      assert.ok(m.first < m.last);
    }
    const get = (s: string) => found.find((m) => m.span.text === s);
    assert.equal(get('بشار الأسد')?.value.type, 'PERS');
    assert.equal(get('دمشق')?.value.type, 'LOC');
    assert.equal(get('طهران')?.value.type, 'LOC');
    assert.equal(get('طهران')?.sent, 1);
  });

  test('agrees with tagWords on the same tokens', () => {
    const text = 'استقبل الملك سلمان بن عبد العزيز في الرياض وزير الخارجية الأمريكي مايك بومبيو';
    const doc = makeDoc('t', text);
    const tags = tagWords(doc.tokens.map((t) => text.slice(t.start, t.end)));
    assert.deepEqual(
      findEntities(doc).map((m) => [m.value.type, m.first, m.last]),
      chunks(tags).map((c) => [c.type, c.first, c.last]),
    );
  });

  test('empty document', () => {
    assert.deepEqual(findEntities(makeDoc('t', '')), []);
  });
});

describe('rasd tag', () => {
  test('writes one token TAG line per token and keeps sentence breaks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rasd-tag-'));
    try {
      const file = path.join(dir, 'in.conll');
      const sentences = [
        ['قال', 'وزير', 'الخارجية', 'الإيراني', 'محمد', 'جواد', 'ظريف', 'في', 'طهران', '.'],
        ['وصل', 'العبادي', 'إلى', 'بغداد'],
        ['.'],
      ];
      // further columns are ignored; CRLF line ends and a missing final blank line are accepted
      const input = sentences.map((s) => s.map((w, i) => (i % 2 ? `${w}\tX\tY` : w)).join('\r\n')).join('\r\n\r\n');
      writeFileSync(file, input);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'tag', file], {
        cwd: root,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      // a blank line after every sentence, the last one included
      assert.ok(r.stdout.endsWith('\n\n') && !r.stdout.endsWith('\n\n\n'));
      const blocks = r.stdout.slice(0, -2).split('\n\n');
      assert.equal(blocks.length, sentences.length);
      blocks.forEach((b, k) => {
        const lines = b.split('\n');
        assert.equal(lines.length, sentences[k].length);
        const tags = lines.map((l, i) => {
          const [w, t, ...rest] = l.split(' ');
          assert.equal(w, sentences[k][i]);
          assert.equal(rest.length, 0);
          return t;
        });
        assert.ok(validBio(tags), tags.join(' '));
      });
      assert.match(r.stdout, /^طهران B-LOC$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
