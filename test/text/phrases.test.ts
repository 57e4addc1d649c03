import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstKeys } from '../../src/lang/ar/clitics.js';
import { makeDoc, tokenSpan } from '../../src/text/doc.js';
import { PhraseIndex } from '../../src/text/phrases.js';

function found(index: PhraseIndex<string>, text: string, maxCost?: number) {
  const doc = makeDoc('p', text);
  return index
    .scan(doc.tokens, 0, doc.tokens.length, { maxCost })
    .map((m) => [m.value, tokenSpan(doc, m.first, m.last).text]);
}

test('proclitics are stripped to find lexicon entries', () => {
  const idx = new PhraseIndex<string>();
  idx.add('الأنبار', 'Anbar');
  idx.add('قاعدة عين الأسد', 'Ain al-Asad');
  idx.add('المقاومة الإسلامية في العراق', 'IRI');
  assert.deepEqual(found(idx, 'وبالأنبار لقاعدة عين الأسد وللمقاومة الإسلامية في العراق'), [
    ['Anbar', 'وبالأنبار'],
    ['Ain al-Asad', 'لقاعدة عين الأسد'],
    ['IRI', 'وللمقاومة الإسلامية في العراق'],
  ]);
  assert.deepEqual(found(idx, 'فالانبار كالأنبار الأنبار انبار'), [
    ['Anbar', 'فالانبار'],
    ['Anbar', 'كالأنبار'],
    ['Anbar', 'الأنبار'],
    ['Anbar', 'انبار'],
  ]);
});

test('feminine, plural and nisba variants fold to one entry, at a cost', () => {
  const idx = new PhraseIndex<string>();
  idx.add('الأمريكي', 'US');
  idx.add('الأميركي', 'US');
  const hits = found(idx, 'الأمريكية والأميركية الأمريكيين الأميركيون الأمريكي');
  assert.deepEqual(
    hits.map((h) => h[1]),
    ['الأمريكية', 'والأميركية', 'الأمريكيين', 'الأميركيون', 'الأمريكي'],
  );
  assert.deepEqual(
    found(idx, 'الأمريكية الأمريكي', 0).map((h) => h[1]),
    ['الأمريكي'],
    'exact-only lookups refuse folded forms',
  );
});

test('clitic analyses never leave a remainder shorter than two letters', () => {
  assert.deepEqual(
    firstKeys('في').map((k) => k.key),
    ['في'],
  );
  assert.ok(
    firstKeys('للمقاومه').some((k) => k.key === 'مقاومه'),
    'ل + ال is written لل',
  );
  assert.ok(
    firstKeys('وزاره').some((k) => k.key === 'وزاره'),
    'the word itself is always a reading',
  );
});
