import assert from 'node:assert/strict';
import { lint } from '../../server/src/core/engine.js';

describe('engine smoke', () => {
  it('lints an empty draft', () => {
    const r = lint({ text: '', kind: 'markdown' });
    assert.deepEqual(r.findings, []);
  });
});
