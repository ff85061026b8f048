// Neovim's built-in LSP client (0.7+) against `copydesk-ls --stdio` (node dist/server.cjs --stdio):
// for each rule, the diagnostic, the code actions, the preferred fix applied, the diagnostics
// of the edited text. Then the README recipe, verbatim, in a headless Neovim.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runNvim, describeRun, nvimAvailable, NVIM } from './harness/nvim.mjs';
import { SCENARIOS, ALL_THREE, SAME_POINT, REPO, E2E_DIR, copyWorkspace, fixed, requireTool } from './scenarios.mjs';

const SERVER = path.join(REPO, 'dist', 'server.cjs');
// The bin itself, as an editor runs it: its shebang adds the server's Node options.
const CMD = [SERVER, '--stdio'];
const brief = (d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, source: d.source });
const LSP_SEVERITY = { error: 1, warning: 2, info: 3 };

describe('Neovim: copydesk-ls --stdio', function () {
  this.timeout(60_000);
  let ws;

  before(async function () {
    requireTool(this, nvimAvailable(), 'Neovim 0.7+ (nvim)');
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run \`npm run build\``);
    ws = await copyWorkspace('copydesk-e2e-nvim-');
  });
  after(async () => { if (ws) await fsp.rm(ws, { recursive: true, force: true }); });

  for (const s of SCENARIOS) {
    it(`${s.rule}: diagnostic, code actions, preferred fix applied, diagnostics updated (${s.file})`, async () => {
      const r = await runNvim({ cmd: CMD, file: path.join(ws, s.file), root: ws, diagCode: s.rule, timeoutMs: 10_000 });
      assert.ok(r.ok, describeRun(r));
      const initial = r.diagnostics('initial').filter((d) => d.code === s.rule);
      assert.deepEqual(initial.map(brief), [{ code: s.rule, severity: LSP_SEVERITY[s.severity], message: s.message, range: s.range, source: 'copydesk' }],
        `initial diagnostics\n${describeRun(r)}`);
      const offered = r.codeActions.find((a) => a.code === s.rule)?.titles ?? [];
      for (const t of s.actions) assert.ok(offered.includes(t), `"${t}" not among the code actions ${JSON.stringify(offered)}`);
      assert.equal(r.applied.title, s.preferred, 'the preferred action applied');
      assert.equal(r.applied.isPreferred, true);
      assert.equal(r.text, fixed(s.file), 'buffer text after the preferred fix');
      assert.deepEqual(r.diagnostics('after').filter((d) => d.code === s.rule).map(brief), [], `diagnostics after the fix\n${describeRun(r)}`);
    });
  }

  it(`${ALL_THREE.file}: all three rules' diagnostics at once`, async () => {
    const r = await runNvim({ cmd: CMD, file: path.join(ws, ALL_THREE.file), root: ws, minDiags: 3, noFix: true, timeoutMs: 10_000 });
    assert.ok(r.ok, describeRun(r));
    const got = r.diagnostics('initial').map(brief)
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(got, ALL_THREE.findings.map((f) => ({ code: f.rule, severity: LSP_SEVERITY[f.severity], message: f.message, range: f.range, source: 'copydesk' })));
  });

  // The README's Neovim 0.7 recipe (test/e2e/nvim/recipe-0.7.lua, copied verbatim into the README)
  // as the user's init.lua, with `copydesk-ls` on PATH as `npm install -g` puts it there.
  it('README recipe for Neovim 0.7 (vim.lsp.start_client): diagnostics, then :CopydeskFixAll', async function () {
    const recipe = path.join(E2E_DIR, 'nvim', 'recipe-0.7.lua');
    const r = await runRecipe(recipe, path.join(ws, ALL_THREE.file), 3);
    assert.equal(r.code, 0, r.log);
    assert.equal(r.result.before.length, 3, r.log);
    assert.deepEqual(r.result.before.map((d) => d.code).sort(), ['corrected-claim', 'translation-disclaimer', 'unattributed-quote'], r.log);
    assert.equal(r.result.root, fs.realpathSync(ws), 'root_dir: the folder of .copydesk.yaml');
    assert.equal(r.result.text, fixed(ALL_THREE.file), r.log);
    assert.deepEqual(r.result.after, [], r.log);
  });

  it(`Fix all fixes all three when two fixes insert at the same point (${SAME_POINT.file})`, async () => {
    const r = await runRecipe(path.join(E2E_DIR, 'nvim', 'recipe-0.7.lua'), path.join(ws, SAME_POINT.file), 3);
    assert.equal(r.code, 0, r.log);
    assert.equal(r.result.text, fixed(SAME_POINT.file), r.log);
    assert.deepEqual(r.result.after, [], r.log);
  });

  it('README recipe for Neovim 0.8+ (vim.lsp.start)', async function () {
    const recipe = path.join(E2E_DIR, 'nvim', 'recipe-0.8.lua');
    const probe = await run(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'lua io.stdout:write(vim.lsp.start and "yes" or "no")', '-c', 'qa!']);
    if (!probe.stdout.includes('yes')) {
      // Debian's Neovim is 0.7.2 (no vim.lsp.start, no vim.fs): nothing to run this recipe with.
      console.log(`      skipped: ${NVIM} has no vim.lsp.start (Neovim 0.8+ needed)`);
      this.skip();
    }
    const r = await runRecipe(recipe, path.join(ws, ALL_THREE.file), 3);
    assert.equal(r.code, 0, r.log);
    assert.equal(r.result.before.length, 3, r.log);
    assert.equal(r.result.text, fixed(ALL_THREE.file), r.log);
    assert.deepEqual(r.result.after, [], r.log);
  });
});

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => { stdout += b; });
    child.stderr.on('data', (b) => { stderr += b; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs headless nvim with `recipe` as init.lua and `copydesk-ls` on PATH, opens `file`, waits for
 * `n` diagnostics, runs :CopydeskFixAll, waits for none; prints a JSON result line.
 */
async function runRecipe(recipe, file, n) {
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'copydesk-nvim-recipe-'));
  try {
    const bin = path.join(tmp, 'bin');
    await fsp.mkdir(bin);
    await fsp.writeFile(path.join(bin, 'copydesk-ls'), `#!/bin/sh\nexec "${process.execPath}" "${SERVER}" "$@"\n`, { mode: 0o755 });
    const check = `
      local ok, err = pcall(function()
        local function wait(what, cond)
          if not vim.wait(15000, cond, 20) then error('timed out waiting for ' .. what) end
        end
        local function diags()
          local out = {}
          for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out, { code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message, lnum = d.lnum }) end
          return out
        end
        wait('${n} diagnostics', function() return #vim.diagnostic.get(0) >= ${n} end)
        local before = diags()
        local clients = vim.lsp.buf_get_clients(0)
        local root
        for _, c in pairs(clients) do root = c.config.root_dir end
        local tick = vim.api.nvim_buf_get_changedtick(0)
        vim.cmd('CopydeskFixAll')
        wait('the buffer to change', function() return vim.api.nvim_buf_get_changedtick(0) ~= tick end)
        local settled = vim.wait(15000, function() return #vim.diagnostic.get(0) == 0 end, 20)
        if not settled then
          error('diagnostics remain after :CopydeskFixAll: ' .. vim.inspect(diags()) .. ' in the text ' .. vim.inspect(vim.api.nvim_buf_get_lines(0, 0, -1, true)))
        end
        local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, true), '\\n') .. '\\n'
        io.stdout:write(vim.json.encode({ before = before, after = diags(), text = text, root = root }), '\\n')
      end)
      if not ok then io.stdout:write(vim.json.encode({ error = tostring(err) }), '\\n'); vim.cmd('cquit 1') end
      vim.cmd('qa!')`;
    const checkFile = path.join(tmp, 'check.lua');
    await fsp.writeFile(checkFile, check);
    const env = {
      ...process.env, PATH: `${bin}:${process.env.PATH}`,
      XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'), XDG_STATE_HOME: path.join(tmp, 'state'),
    };
    const r = await run('timeout', ['--kill-after=5', '40', NVIM, '--headless', '-u', recipe, '-i', 'NONE', '-n', file, '-c', `lua local ok, e = pcall(dofile, '${checkFile}') if not ok then io.stdout:write(vim.json.encode({ error = tostring(e) }), '\\n') vim.cmd('cquit 1') end`],
      { env, cwd: path.dirname(file) });
    let lspLog = '';
    try { lspLog = fs.readFileSync(path.join(tmp, 'cache', 'nvim', 'lsp.log'), 'utf8'); } catch {}
    const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
    const result = line ? JSON.parse(line) : {};
    const log = `nvim exit ${r.code}${result.error ? `: ${result.error}` : ''}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}\n--- lsp.log\n${lspLog.slice(-20000)}`;
    if (result.error) assert.fail(log);
    return { ...r, result, log };
  } finally {
    await fsp.rm(tmp, { recursive: true, force: true });
  }
}
