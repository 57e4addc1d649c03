/**
 * The ingest workers' per-document time budget: a document that runs past it ends as that document's `timeout`
 * error, its worker is replaced, and the documents queued after it are extracted as usual.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { NEWS_GZ, plainCopy } from '../../scripts/corpus.js';
import { workerPool } from '../../src/store/extract-pool.js';

const news = readFileSync(plainCopy(NEWS_GZ), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text)
  .join('\n\n');

test('a document over the time budget is a timeout error; the pool goes on with the next one', async () => {
  // 1.5 s is ample for an article and far too little for the whole 2018 corpus run together (8.5 MB, several s)
  const pool = workerPool(1, { budgetMs: 1500 });
  try {
    const small = { text: 'قتل ثلاثة مدنيين في غارة جوية على مدينة إدلب أمس.', published: '2018-06-10' };
    const [huge, after, again] = await Promise.all([
      pool.extract({ text: news, published: '2018-06-10' }, 'huge'),
      pool.extract(small, 'after'),
      pool.extract(small, 'again'),
    ]);
    assert.deepEqual(
      huge.errors.map((e) => e.code),
      ['timeout'],
    );
    assert.match(huge.errors[0].message, /over 1\.5 s/);
    assert.equal(huge.document.id, 'huge');
    for (const r of [after, again]) {
      assert.deepEqual(r.errors, []);
      assert.equal(r.events[0].location?.name, 'Idlib');
    }
  } finally {
    await pool.close();
  }
});
