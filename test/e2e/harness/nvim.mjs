// Runs test/e2e/nvim/driver.lua in headless Neovim (0.7+, Debian's `neovim`)
// against a language server and returns the JSON-line events it printed.
//
//   const r = await runNvim({ cmd: ['node', 'dist/server.cjs', '--stdio'], file: 'draft.md' });
//   r.diagnostics('initial'), r.applied, r.text, r.diagnostics('after')
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DRIVER = fileURLToPath(new URL('../nvim/driver.lua', import.meta.url));
export const NVIM = process.env.COPYDESK_NVIM || 'nvim';

/** Whether a usable nvim is on PATH (for skipping tests). */
export function nvimAvailable() {
  const r = spawnSync(NVIM, ['--version'], { encoding: 'utf8', env: { ...process.env, NVIM_LOG_FILE: '/dev/null' } });
  return r.status === 0 && /^NVIM v0\.([7-9]|\d\d)/.test(r.stdout);
}

/**
 * @param {object} o
 * @param {string[]} o.cmd         language server command, e.g. ['node', 'dist/server.cjs', '--stdio']
 * @param {string} o.file          file to open
 * @param {string} [o.root]        workspace root (default: the file's folder)
 * @param {string} [o.filetype]    languageId (default markdown)
 * @param {object} [o.settings]    answered to workspace/configuration
 * @param {number} [o.minDiags]    wait for a publish with at least this many diagnostics (default 1)
 * @param {string} [o.diagCode]    only fix a diagnostic with this code
 * @param {string} [o.action]      only apply an action whose title contains this
 * @param {boolean} [o.noFix]      stop after the initial diagnostics
 * @param {number} [o.timeoutMs]   per wait inside nvim (default 15000); the whole run is killed after 4x
 * @param {string} [o.cwd]         working directory of nvim (and so the server)
 * @param {object} [o.env]         extra environment
 */
export function runNvim(o) {
  const timeoutMs = o.timeoutMs ?? 15_000;
  // nvim's own files (lsp.log, shada, swap) go to a temp folder, removed after the run.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-nvim-'));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'), XDG_STATE_HOME: path.join(tmp, 'state'),
    ...o.env,
    COPYDESK_LSP_CMD: JSON.stringify(o.cmd),
    COPYDESK_FILE: path.resolve(o.cwd ?? '.', o.file),
    COPYDESK_ROOT: o.root ? path.resolve(o.root) : '',
    COPYDESK_FILETYPE: o.filetype ?? '',
    COPYDESK_SETTINGS: o.settings ? JSON.stringify(o.settings) : '',
    COPYDESK_TIMEOUT_MS: String(timeoutMs),
    COPYDESK_MIN_DIAGS: o.minDiags === undefined ? '' : String(o.minDiags),
    COPYDESK_DIAG_CODE: o.diagCode ?? '',
    COPYDESK_ACTION: o.action ?? '',
    COPYDESK_NO_FIX: o.noFix ? '1' : '',
    COPYDESK_DRIVER: DRIVER,
  };
  // The driver's errors are printed as an "error" event and end nvim with a non-zero code.
  const lua = [
    "local ok, err = pcall(dofile, os.getenv('COPYDESK_DRIVER'))",
    "if not ok then io.stdout:write(vim.json.encode({ event = 'error', message = tostring(err) }), '\\n'); io.stdout:flush(); vim.cmd('cquit 1') end",
    "vim.cmd('qa!')",
  ].join('\n');
  const args = ['--kill-after=5', String(Math.ceil((timeoutMs * 4) / 1000)), NVIM, '--headless', '-u', 'NONE', '-i', 'NONE', '-n',
    '-c', `lua ${lua.replace(/\n/g, ' ')}`];
  return new Promise((resolve, reject) => {
    const child = spawn('timeout', args, { cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('error', reject);
    child.on('close', (code) => {
      const events = [];
      for (const line of stdout.split('\n')) {
        if (line.startsWith('{')) { try { events.push(JSON.parse(line)); } catch {} }
      }
      const error = events.find((e) => e.event === 'error')?.message ?? (code === 124 ? 'nvim timed out' : undefined);
      let lspLog = '';
      try { lspLog = fs.readFileSync(path.join(tmp, 'cache', 'nvim', 'lsp.log'), 'utf8'); } catch {}
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve({
        code, stdout, stderr, events, error, lspLog,
        ok: code === 0 && !error && events.some((e) => e.event === 'done'),
        /** LSP diagnostics printed in a phase ('initial' or 'after'). */
        diagnostics: (phase) => events.filter((e) => e.event === 'diagnostic' && e.phase === phase).map((e) => e.diagnostic),
        codeActions: events.filter((e) => e.event === 'codeActions'),
        applied: events.find((e) => e.event === 'applied'),
        text: events.find((e) => e.event === 'text')?.text,
      });
    });
  });
}

/** A readable account of a run, for assertion messages. */
export function describeRun(r) {
  return `nvim exit ${r.code}${r.error ? `: ${r.error}` : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`
    + (r.lspLog ? `\n--- lsp.log\n${r.lspLog.slice(-20000)}` : '');
}
