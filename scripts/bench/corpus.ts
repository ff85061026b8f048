// Deterministic news-like drafts for the benchmark: the same text on every machine and run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticLedgerYaml, syntheticLedger } from '../../server/src/core/ledger/bench.js';

export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the a of in on to and for with from by at as minister council budget city river flood police report officials '
  + 'week residents school hospital election market prices energy contract network talks agreement company statement data '
  + 'survey government parliament court ruling weather rain traffic port shipping exports growth inflation bank interest '
  + 'rates housing alliance defence security technology deal agency program spending workers union strike plan vote '
  + 'committee investigation record quarter million billion percent year month Tuesday Wednesday capital region border').split(' ');
const NAMES = ['Maria Lopez', 'Budi Santoso', 'Claire Martin', 'Ahmed Hassan', 'Sam Altman', 'Dewi Lestari', 'John Carter'];

/** One draft of about `words` words: paragraphs of prose, attributed quotes, a scare quote, now and then a claim. */
export function draft(seed: number, words: number): string {
  const next = rng(seed + 1);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const name = () => NAMES[Math.floor(next() * NAMES.length)];
  const sentence = (n: number) => { const s = Array.from({ length: n }, pick).join(' '); return s[0].toUpperCase() + s.slice(1) + '.'; };
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const parts: string[] = [];
    for (let k = 0; k < 3; k++) { const n = 10 + Math.floor(next() * 12); count += n; parts.push(sentence(n)); }
    const r = next();
    if (r < 0.2) { parts.push(`"We will ${pick()} the ${pick()} before the ${pick()}," ${name()} said.`); count += 9; }
    else if (r < 0.25) { parts.push(`The ${pick()} called it a "${pick()}" ${pick()}.`); count += 6; }
    // A corrected claim is rare in an archive: about one draft in fifty repeats it.
    else if (r < 0.251 && seed % 5 === 0) { parts.push('The talks concern the NATO classified network.'); count += 7; }
    paragraphs.push(parts.join(' '));
  }
  const mt = seed % 4 === 0;
  const front = mt ? '---\nlang: en\ntranslated_from: id\n---\n' : '---\nlang: en\n---\n';
  const footer = mt && seed % 8 === 0 ? '\n\n*This article was machine-translated from Indonesian and may contain translation errors.*' : '';
  return `${front}# ${sentence(6).slice(0, -1)}\n\n${paragraphs.join('\n\n')}${footer}\n`;
}

export const SMALL_LEDGER = `corrections:
  - id: nato-network
    claim: [NATO classified network, jaringan rahasia NATO]
    correction: NATO unclassified network
    date: 2026-03-04
${Array.from({ length: 9 }, (_, i) => `  - id: entry-${i}\n    claim: the ${['bridge', 'dam', 'port', 'tunnel', 'school', 'stadium', 'airport', 'library', 'hospital'][i]} opened in ${1990 + i}\n    correction: the opening year was ${1991 + i}\n`).join('')}`;

export function largeLedgerYaml(): string {
  return syntheticLedgerYaml(syntheticLedger(10_000)).replace('corrections:\n', SMALL_LEDGER);
}

/** Writes `count` drafts (20 folders) plus a config and ledger; returns the total bytes. */
export function writeCorpus(dir: string, count: number, words: number, ledgerYaml: string): number {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
  writeFileSync(join(dir, 'corrections.yaml'), ledgerYaml);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `desk-${String(i % 20).padStart(2, '0')}`);
    if (i < 20) mkdirSync(sub, { recursive: true });
    const text = draft(i, words);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `story-${String(i).padStart(5, '0')}.md`), text);
  }
  return bytes;
}
