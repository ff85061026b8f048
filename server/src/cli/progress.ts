/** Only runs that take longer than this show a bar: short runs stay silent. */
const DELAY_MS = 800;
const WIDTH = 28;

export interface Progress { update(done: number): void; end(): void }

/**
 * A one-line progress bar on stderr, redrawn in place. Shown only on a terminal (never in CI,
 * pipes or files, where it would be noise) and only once the run has lasted a moment.
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr, env = process.env): Progress {
  const enabled = !!stream.isTTY && !env.CI && env.TERM !== 'dumb' && total > 1;
  if (!enabled) return { update() {}, end() {} };
  const started = Date.now();
  let drawn = false;
  let lastDraw = 0;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * WIDTH);
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
    stream.write(`\r[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} drafts  ${rate}/s `);
    drawn = true;
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - lastDraw < 100) return;
      lastDraw = now;
      draw(done);
    },
    end() {
      // Clear the line so the report starts on a clean terminal.
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
