// Speed of the unattributed-quote rule (issue #8): npx tsx scripts/bench-quotes.ts [--rounds 300]
// Generates deterministic Markdown drafts of 800 and 5,000 words with quotations in about 30 % of
// the paragraphs (attributed before, inside, after, continued, and a few unattributed), then times
//   parse   lint({ only: [] })                       (the parse, with the engine's chunk cache)
//   rule    lint({ only: ['unattributed-quote'] })   minus parse
// both on the same text (a re-lint) and after a one-word edit (a new document each round).
// Not a test: numbers depend on the machine.
import { parseArgs } from 'node:util';
import { lint } from '../server/src/core/engine.js';
import { rng } from './bench/corpus.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '300' }, profile: { type: 'boolean', default: false } } });
const ROUNDS = Number(values.rounds);

const WORDS = ('the minister council budget city river flood police officials week residents school hospital election '
  + 'market prices energy contract network talks agreement company data survey government parliament court ruling '
  + 'weather rain traffic port shipping exports growth inflation bank interest rates housing plan new old long').split(' ');
const NAMES = ['Nadia Orlov', 'Tomas Brandt', 'Ana Varga', 'Sam Okafor', 'Lena Holm'];

function sentence(next: () => number, n: number): string {
  const w: string[] = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(next() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}

function draft(seed: number, words: number): string {
  const next = rng(seed);
  const paras: string[] = ['# ' + sentence(next, 6).slice(0, -1), ''];
  let count = 0;
  while (count < words) {
    const who = NAMES[Math.floor(next() * NAMES.length)];
    const r = next();
    let p: string;
    if (r < 0.3) {
      const q = sentence(next, 8 + Math.floor(next() * 10));
      const style = Math.floor(next() * 5);
      p = style === 0 ? `"${q.slice(0, -1)}," ${who} said. ${sentence(next, 12)}`
        : style === 1 ? `${who} told reporters: "${q}" ${sentence(next, 10)}`
        : style === 2 ? `"${q.slice(0, -1)}," said ${who}, "and ${sentence(next, 6).toLowerCase()}"`
        : style === 3 ? `${sentence(next, 10)} ${who} called it a "${WORDS[1]} ${WORDS[2]}" plan. "${q}"`
        : `"${q}"`;
    } else {
      p = [sentence(next, 12 + Math.floor(next() * 10)), sentence(next, 10 + Math.floor(next() * 12)), sentence(next, 8)].join(' ');
    }
    count += p.split(/\s+/).length;
    paras.push(p, '');
  }
  return paras.join('\n');
}

function time(text: string, only: string[], rounds: number, edit: boolean): number {
  let best = Infinity;
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = edit ? text.replace(/ council /, ` council${i % 7 === 0 ? 's' : ''} `).replace(/$/, `\nEdit ${i}.\n`) : text;
    const t0 = performance.now();
    lint({ text: t, kind: 'markdown', only });
    const dt = performance.now() - t0;
    samples.push(dt);
    best = Math.min(best, dt);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

if (values.profile) {
  // For `node --cpu-prof --import tsx scripts/bench-quotes.ts --profile`: only the 5,000-word edits.
  const texts = [1, 2, 3].map((s) => draft(s * 7919 + 5000, 5000));
  for (let i = 0; i < ROUNDS; i++) lint({ text: texts[i % 3] + `\nEdit ${i}.\n`, kind: 'markdown', only: ['unattributed-quote'] });
  process.exit(0);
}

for (const words of [800, 5000]) {
  const texts = [1, 2, 3].map((s) => draft(s * 7919 + words, words));
  for (const edit of [false, true]) {
    let parse = 0;
    let all = 0;
    for (const text of texts) {
      // Warm up both paths, then take medians.
      time(text, ['none'], 20, edit); time(text, ['unattributed-quote'], 20, edit);
      parse += time(text, ['none'], ROUNDS, edit);
      all += time(text, ['unattributed-quote'], ROUNDS, edit);
    }
    const flagged = texts.reduce((n, t) => n + lint({ text: t, kind: 'markdown', only: ['unattributed-quote'] }).findings.length, 0) / texts.length;
    parse /= texts.length;
    all /= texts.length;
    console.log(`${String(words).padStart(5)} words, ${edit ? 'after an edit' : 'same text    '}: parse ${parse.toFixed(3)} ms, parse + unattributed-quote ${all.toFixed(3)} ms, rule ≈ ${(all - parse).toFixed(3)} ms (median of ${ROUNDS}; ${flagged.toFixed(0)} findings)`);
  }
}
