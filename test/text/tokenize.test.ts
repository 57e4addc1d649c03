import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDoc } from '../../src/text/doc.js';

const tok = (text: string) => makeDoc('t', text).tokens.map((t) => [text.slice(t.start, t.end), t.kind]);

test('tokenizer keeps news shapes whole: URLs, handles, hashtags, dates, numbers', () => {
  assert.deepEqual(tok('#المقاومة_الاسلامية في #غزة'), [
    ['#المقاومة_الاسلامية', 'hashtag'],
    ['في', 'word'],
    ['#غزة', 'hashtag'],
  ]);
  assert.deepEqual(tok('قا.… pic.twitter.com/8gdTt3JN7I'), [
    ['قا', 'word'],
    ['.', 'punct'],
    ['…', 'punct'],
    ['pic.twitter.com/8gdTt3JN7I', 'url'],
  ]);
  assert.deepEqual(tok('(@bas_irra) December 14, 2023'), [
    ['(', 'punct'],
    ['@bas_irra', 'mention'],
    [')', 'punct'],
    ['December', 'latin'],
    ['14', 'number'],
    [',', 'punct'],
    ['2023', 'number'],
  ]);
  assert.deepEqual(tok('في 15/12/2023 قتل ٢٬٥٠٠'), [
    ['في', 'word'],
    ['15/12/2023', 'date'],
    ['قتل', 'word'],
    ['٢٬٥٠٠', 'number'],
  ]);
  assert.deepEqual(tok('«رد فعل» و"العربي"'), [
    ['«', 'punct'],
    ['رد', 'word'],
    ['فعل', 'word'],
    ['»', 'punct'],
    ['و', 'word'],
    ['"', 'punct'],
    ['العربي', 'word'],
    ['"', 'punct'],
  ]);
  assert.deepEqual(
    tok('لـ"العربي"').map((t) => t[0]),
    ['لـ', '"', 'العربي', '"'],
  );
});

test('sentences split at final punctuation and line breaks, not inside quotations', () => {
  const text =
    'وقال كنعاني: "إنما تحصدون ما تزرعون. دعم إثارة التوتر سيؤدي إلى ردود أفعال". وأضاف أن الهجمات رد.\nعنوان فرعي\nجملة أخرى؟ نعم.';
  const doc = makeDoc('s', text);
  const sents = doc.sentences.map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sents, [
    'وقال كنعاني: "إنما تحصدون ما تزرعون. دعم إثارة التوتر سيؤدي إلى ردود أفعال".',
    'وأضاف أن الهجمات رد.',
    'عنوان فرعي',
    'جملة أخرى؟',
    'نعم.',
  ]);
});

test('a 5 MB line of one repeated word tokenizes in linear time', () => {
  const text = 'هجوم '.repeat(1_000_000);
  const t0 = performance.now();
  const doc = makeDoc('big', text);
  assert.equal(doc.tokens.length, 1_000_000);
  assert.ok(performance.now() - t0 < 20000);
});
