import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { useByteScan } from '../../server/src/core/byte-scan.js';
import { lint, type LintInput } from '../../server/src/core/engine.js';
import { DEFAULT_MAX_CHARS, MAX_FRONT_MATTER_CHARS } from '../../server/src/core/limits.js';
import { parseLedger } from '../../server/src/core/ledger/parse.js';
import { readTextFile, unreadableReason } from '../../server/src/node/fs-host.js';
import { loadProject } from '../../server/src/node/project.js';

// Issue #9.3: hostile drafts, folders, front matter, ledgers and configs. Each engine case must
// finish within 1 s (the bound; the best of three tries, so one slow moment on a loaded
// machine does not fail it) and say what happened.
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const BOUND_MS = 1000;

function timed<T>(f: () => T, bound = BOUND_MS): { result: T; ms: number } {
  let best = Infinity;
  let result!: T;
  for (let attempt = 0; attempt < 3 && (attempt === 0 || best > bound); attempt++) {
    const t0 = performance.now();
    result = f();
    best = Math.min(best, performance.now() - t0);
  }
  assert.ok(best <= bound, `took ${Math.round(best)} ms (bound ${Math.round(bound)} ms)`);
  return { result, ms: best };
}

const flat = (s: string) => { s.charCodeAt(0); return s; }; // flatten repeat() ropes, as a file read would be
const rules = (input: LintInput) => lint(input).findings.map((f) => f.rule);
const PARA = 'JAKARTA - The minister said the plan would work, and officials agreed on Monday. '.repeat(12) + '\n\n';

describe('reliability: hostile input is bounded and explained', function () {
  this.timeout(120_000);

  for (const kind of ['markdown', 'plaintext'] as const) {
    it(`${kind}: a 50 MB draft is checked up to maxChars, with a draft-input warning, as fast as its prefix`, () => {
      const text = flat(PARA.repeat(Math.ceil(50e6 / PARA.length)));
      const prefix = flat(text.slice(0, DEFAULT_MAX_CHARS));
      const alone = timed(() => lint({ text: prefix, kind }), Infinity).ms;
      // The 50 MB draft costs what its checked prefix costs (plus a little): never more than 1 s,
      // or on a machine too slow for that, 1.5 × the prefix alone.
      const { result } = timed(() => lint({ text, kind }), Math.max(BOUND_MS, alone * 1.5));
      const notice = result.findings.find((f) => f.rule === 'draft-input')!;
      assert.equal(notice.severity, 'warning');
      assert.match(notice.message, /very long: Copydesk checked only its first \d+ characters/);
      assert.ok(notice.range.start.line > 1000 && notice.range.start.line < 30_000, 'the notice marks where checking stopped');
    });
  }

  it('a binary file is not checked and says so', () => {
    const text = 'PK\u0003\u0004\u0000\u0000binary\u0000'.repeat(100_000);
    const { result } = timed(() => lint({ text, kind: 'markdown' }));
    assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['draft-input', 'info']]);
    assert.match(result.findings[0].message, /looks binary/);
  });

  // The archive scan skips drafts without a candidate claim unparsed; a binary or over-long one
  // must still say why it was not (wholly) checked, whether the byte scan or JavaScript answers.
  it('an archive scan (corrected-claim only) still reports a binary or over-long draft without a claim', () => {
    const ledger = { files: [], entries: [{ id: 'c', claim: ['NATO classified network'], correction: 'NATO unclassified network' }] };
    const only = ['corrected-claim'];
    try {
      for (const on of [true, false]) {
        useByteScan(on);
        const binary = lint({ text: 'PK\u0003\u0004\u0000\u0000binary\u0000'.repeat(100), kind: 'markdown', ledger, only });
        assert.equal(binary.skipped, undefined, `binary, byte scan ${on}`);
        assert.deepEqual(binary.findings.map((f) => [f.rule, f.severity]), [['draft-input', 'info']], `binary, byte scan ${on}`);
        const long = lint({ text: PARA.repeat(20), kind: 'markdown', ledger, only, maxChars: 5_000 });
        assert.equal(long.skipped, undefined, `over-long, byte scan ${on}`);
        assert.deepEqual(long.findings.map((f) => [f.rule, f.severity]), [['draft-input', 'warning']], `over-long, byte scan ${on}`);
        // A plain draft without the claim is the one that is skipped.
        assert.equal(lint({ text: PARA, kind: 'markdown', ledger, only }).skipped, true, `plain, byte scan ${on}`);
      }
    } finally {
      useByteScan(true);
    }
  });

  it('a 1 MB single line of plain text', () => {
    const text = flat('The minister said the plan would work and officials agreed on Monday. '.repeat(15_000));
    timed(() => lint({ text, kind: 'plaintext' }));
  });

  // A paragraph over 50,000 characters is read as plain text (remark took ~3 s on 1 MB).
  it('markdown: a 1 MB single line', () => {
    const text = flat('The minister said the plan would work and officials agreed on Monday. '.repeat(15_000));
    timed(() => lint({ text, kind: 'markdown' }));
  });

  it('plain text: 100,000 unclosed comment openers and 20,000 comments and URLs', () => {
    timed(() => lint({ text: flat('<!-- '.repeat(100_000)), kind: 'plaintext' }));
    timed(() => lint({ text: flat('see https://example.com/a and <!-- note -->\n\n'.repeat(20_000)), kind: 'plaintext' }));
  });

  it('plain text: 10,000 nested quote and list markers are just text', () => {
    timed(() => lint({ text: '> '.repeat(10_000) + 'He said "hi".\n', kind: 'plaintext' }));
    timed(() => lint({ text: Array.from({ length: 10_000 }, (_, i) => '  '.repeat(i % 200) + '- item').join('\n'), kind: 'plaintext' }));
  });

  // Nesting deeper than 16 levels is read as plain text: remark overflowed its stack on it.
  it('markdown: 10,000 nested blockquotes or list levels', () => {
    timed(() => lint({ text: '> '.repeat(10_000) + 'He said "hi".\n', kind: 'markdown' }));
    timed(() => lint({ text: '- '.repeat(10_000) + 'x\n', kind: 'markdown' }));
    timed(() => lint({ text: Array.from({ length: 800 }, (_, i) => '  '.repeat(i) + '- item').join('\n'), kind: 'markdown' }));
    timed(() => lint({ text: Array.from({ length: 10_000 }, (_, i) => '>'.repeat((i % 800) + 1) + ' x').join('\n'), kind: 'markdown' }));
  });

  // remark's label matching is quadratic; a chunk this long is read as plain text.
  it('markdown: 100,000 unmatched brackets', () => {
    timed(() => lint({ text: '['.repeat(100_000) + ']'.repeat(100_000), kind: 'markdown' }));
  });

  // A paragraph with more than 400 quotation marks is skipped by the quote check, with an info.
  it('100,000 straight or curly apostrophes (each may be a single quotation mark)', () => {
    for (const mark of ["'", '’']) {
      for (const kind of ['markdown', 'plaintext'] as const) {
        const { result } = timed(() => lint({ text: flat(`x${mark.repeat(100_000)}y`), kind }));
        assert.deepEqual(result.findings.map((f) => f.message), ['This paragraph has more than 400 quotation marks; Copydesk did not check its quotes.']);
      }
    }
  });

  it('a quotation followed by 100,000 sentence marks or closers (each run is read once to cut sentences)', () => {
    for (const lang of ['en', 'zh']) {
      for (const run of ['!', '.', '. ', ')', '。']) {
        const text = flat(`---\nlang: ${lang}\n---\n"We will see," she said${run.repeat(100_000)} then x\n`);
        const { result } = timed(() => lint({ text, kind: 'markdown' }));
        assert.ok(Array.isArray(result.findings));
      }
    }
  });

  it('a ledger against 100,000 joining characters in a row (the claim prefilter reads each run once)', () => {
    const ledger = { files: [], entries: [{ id: 'c', claim: ['NATO classified network'], correction: 'NATO unclassified network' }] };
    for (const ch of ['.', '*', '_', "'", '[', '](', '[^']) {
      const text = flat(`x${ch.repeat(100_000)}y`);
      timed(() => lint({ text, kind: 'markdown', ledger, only: ['corrected-claim'] }));
      timed(() => lint({ text: `${text} `, kind: 'markdown', ledger }));
    }
  });

  it('100,000 unmatched quote marks', () => {
    for (const kind of ['markdown', 'plaintext'] as const) {
      timed(() => lint({ text: '"'.repeat(100_000), kind }));
      timed(() => lint({ text: '“ « 「 " '.repeat(25_000), kind }));
    }
  });

  it('front matter: huge, an alias bomb, or nested 5,000 deep — a problem at the front matter, never a hang', () => {
    const huge = '---\n' + Array.from({ length: 60_000 }, (_, i) => `key${i}: value ${i}`).join('\n') + '\nlang: en\n---\nText.\n';
    assert.ok(huge.length > MAX_FRONT_MATTER_CHARS);
    const a = timed(() => lint({ text: huge, kind: 'markdown' })).result;
    assert.deepEqual(a.findings.map((f) => [f.rule, f.range.start.line]), [['front-matter', 1]]);
    assert.match(a.findings[0].message, /too long/);
    // Just under the limit, with thousands of keys: read (duplicate keys are checked in linear time).
    const many = '---\n' + Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nlang: fr\nk7: again\n---\nTexte.\n';
    const b = timed(() => lint({ text: many, kind: 'markdown' })).result;
    assert.deepEqual(b.findings.map((f) => [f.rule, f.range.start.line, f.message]), [['front-matter', 5002, 'Front matter is not valid YAML: Map keys must be unique']]);

    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) levels.push(`${name}: &${name} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`);
    const bomb = `---\n${levels.join('\n')}\nlang: en\n---\nText.\n`;
    const c = timed(() => lint({ text: bomb, kind: 'markdown' })).result;
    assert.deepEqual(c.findings.map((f) => f.rule), ['front-matter']);
    assert.match(c.findings[0].message, /could not be read: Excessive alias count/);

    for (const deep of ['['.repeat(5000) + ']'.repeat(5000), '{a: '.repeat(3000) + '1' + '}'.repeat(3000)]) {
      const d = timed(() => lint({ text: `---\na: ${deep}\n---\nText.\n`, kind: 'markdown' })).result;
      // One or two problems (the YAML parser may also run out of stack, depending on how deep the
      // caller already is), all at the front matter.
      assert.ok(d.findings.length >= 1 && d.findings.every((f) => f.rule === 'front-matter'), JSON.stringify(d.findings.map((f) => f.message)));
    }
  });

  it('ledger: pathological claims parse quickly', () => {
    const text = '- id: p1\n  claim: "' + 'the '.repeat(5000) + '"\n  correction: "x"\n  date: 2026-01-05\n- id: p2\n  claim: "' + 'a'.repeat(100_000) + '"\n  correction: "y"\n  date: 2026-01-05\n';
    timed(() => parseLedger(text, '/x/pathological.yaml'));
  });

  // Issue #9: a 100,000-entry ledger (16 MB) took ~18 s to read (the YAML library) and ~5 s more
  // for the first lint (building the matcher); now ~0.4 s and ~0.5 s on the project's machine.
  // Each try below starts afresh: a text the reader has not seen (it remembers the last text per
  // path), a ledger whose matcher and prefilter are not built yet (they are remembered per
  // entries). A small ledger first gets the code compiled, as any earlier ledger would have.
  // Under coverage (npm test runs c8) JavaScript runs ~2× slower: the bound allows for that.
  it('ledger: 100,000 entries (16 MB) are read within 1 s, and the first lint with them takes 1 s', () => {
    const bound = process.env.NODE_V8_COVERAGE ? 2.5 * BOUND_MS : BOUND_MS;
    const entry = (i: number) => `- id: c${i}\n  claim: "The bridge number ${i} cost ${i} million dollars"\n  correction: "The bridge number ${i} cost ${i + 1} million dollars"\n  date: 2026-01-05`;
    const small = parseLedger(Array.from({ length: 2_000 }, (_, i) => entry(i)).join('\n') + '\n', '/x/small.yaml');
    lint({ text: 'The bridge number 7 cost 7 million dollars.\n', kind: 'markdown', ledger: { entries: small.entries, files: ['/x/small.yaml'] } });
    const big = Array.from({ length: 100_000 }, (_, i) => entry(i)).join('\n') + '\n';
    const texts = [0, 1, 2].map((n) => flat(`${big}# try ${n}\n`));
    let tries = 0;
    const parsed = timed(() => parseLedger(texts[tries++], '/x/big.yaml'), bound).result;
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries.length, 100_000);
    assert.deepEqual(parsed.entries[77].location?.range, { start: { line: 308, character: 2 }, end: { line: 312, character: 0 } });
    // The matcher is remembered by the first entry and the entries after it: a new first entry
    // makes each try build it again, for all 100,001 entries.
    const ledgers = [0, 1, 2].map((n) => ({ entries: [{ id: `try-${n}`, claim: ['not in the draft'], correction: 'x' }, ...parsed.entries], files: ['/x/big.yaml'] }));
    tries = 0;
    const { result } = timed(() => lint({ text: 'The bridge number 77 cost 77 million dollars.\n', kind: 'markdown', ledger: ledgers[tries++] }), bound);
    assert.deepEqual(result.findings.filter((f) => f.rule === 'corrected-claim').map((f) => f.data?.ledgerId), ['c77']);
  });

  // Matches are leftmost-longest and never overlap: a 5,000-word claim repeated through a
  // 20,000-word draft gives 4 findings (it gave thousands of overlapping ones and ran out of memory).
  it('ledger: a pathological claim against a draft made of it', () => {
    const patho = parseLedger('- id: p1\n  claim: "' + 'the '.repeat(5000) + '"\n  correction: "x"\n  date: 2026-01-05\n', '/x/p.yaml');
    const { result } = timed(() => lint({ text: 'the '.repeat(20_000), kind: 'markdown', ledger: { entries: patho.entries, files: ['/x/p.yaml'] } }));
    assert.equal(result.findings.filter((f) => f.rule === 'corrected-claim').length, 4);
  });

  describe('config and ledger files that never end', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-')); mkdirSync(join(dir, '.git')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('fs-host reads only regular files: /dev/zero, /dev/urandom, a FIFO and a folder are refused at once', () => {
      const fifo = join(dir, 'corrections.yaml');
      execFileSync('mkfifo', [fifo]);
      for (const path of ['/dev/zero', '/dev/urandom', fifo]) {
        timed(() => assert.equal(readTextFile(path), undefined, path));
        assert.match(unreadableReason(path)!, /not a regular file/);
      }
      assert.equal(unreadableReason(dir), 'a folder, not a file');
      assert.equal(unreadableReason(join(dir, 'missing.yaml')), 'no such file');
    });

    it('a config naming a FIFO inside the workspace as its ledger: a problem, no hang', () => {
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: pipe.yaml\n');
      const p = timed(() => loadProject(join(dir, 'a.md'), undefined, [dir])).result;
      assert.deepEqual(p.problems.map((x) => x.message), [`ledger: cannot read "${join(dir, 'pipe.yaml')}": not a regular file (a device, FIFO or socket)`]);
    });

    it('a config naming /dev/zero or /dev/urandom: refused as outside the workspace, no hang', () => {
      writeFileSync(join(dir, '.copydesk.yaml'), 'ledger:\n  - /dev/zero\n  - /dev/urandom\n');
      const p = timed(() => loadProject(join(dir, 'a.md'), undefined, [dir])).result;
      assert.deepEqual(p.problems.map((x) => [x.line, x.message.replace(/ \(.*$/, '')]), [[1, 'ledger: "/dev/zero" is outside the workspace'], [2, 'ledger: "/dev/urandom" is outside the workspace']]);
    });
  });

  describe('CLI on a hostile folder', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-cli-'));
      writeFileSync(join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(5000).fill(0)]));
      writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Le ministre a d\xe9clar\xe9 que le plan fonctionnerait.\n\xab Nous gagnerons \xbb, a-t-il dit.\n', 'latin1'));
      writeFileSync(join(dir, 'huge.md'), PARA.repeat(Math.ceil(50e6 / PARA.length)));
      writeFileSync(join(dir, 'ok.md'), 'The minister said the plan would work.\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('checks every file, says which were binary or too long, and does not crash (50 MB read in full, checked up to maxChars)', () => {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--workers', '1'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      const ms = Date.now() - t0;
      assert.equal(r.signal, null, `killed after ${ms} ms`);
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; severity: string; message: string }> }> };
      const byPath = Object.fromEntries(report.files.map((f) => [f.path, f.findings]));
      assert.deepEqual(Object.keys(byPath).sort(), ['huge.md', 'latin1.txt', 'ok.md', 'photo.md']);
      assert.deepEqual(byPath['photo.md'].map((f) => [f.rule, f.severity]), [['draft-input', 'info']]);
      assert.ok(byPath['huge.md'].some((f) => f.rule === 'draft-input' && /very long/.test(f.message)));
      // Invalid UTF-8 is decoded with U+FFFD replacement characters and checked as text.
      assert.ok(Array.isArray(byPath['latin1.txt']));
      assert.ok(ms < 20_000, `the CLI took ${ms} ms`);
    });
  });
});
