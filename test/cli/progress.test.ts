import assert from 'node:assert/strict';
import { progressBar } from '../../server/src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('progress bar', () => {
  it('stays silent off a terminal and in CI', async () => {
    for (const [tty, env] of [[false, {}], [true, { CI: 'true' }], [true, { TERM: 'dumb' }]] as const) {
      const { writes, stream } = fakeStream(tty);
      const bar = progressBar(100, stream, env);
      await sleep(900);
      bar.update(50);
      bar.end();
      assert.deepEqual(writes, [], JSON.stringify({ tty, env }));
    }
  });

  it('on a terminal, shows nothing for short runs, then draws in place and clears at the end', async () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar(200, stream, {});
    bar.update(10);
    assert.deepEqual(writes, [], 'a quick run never shows a bar');
    await sleep(900);
    bar.update(100);
    assert.equal(writes.length, 1);
    assert.match(writes[0], /^\r\[█{14}░{14}\] 100\/200 drafts {2}\d+\/s $/);
    bar.end();
    assert.equal(writes.at(-1), '\r\u001b[2K');
  });
});
