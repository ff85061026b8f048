import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldWord, hasKeys, tokenize, tokenKeys, BREAK } from '../../../server/src/core/ledger/tokenize.js';
import * as reference from './reference/tokenize-v1.js';
import { allScaleWords } from '../../../server/src/core/ledger/numbers.js';
import { claimKeys } from '../../../server/src/core/ledger/matcher.js';

const keys = (s: string, lang?: string) => tokenize(s, lang).keys;

describe('ledger tokeniser', () => {
  it('folds case, accents, quote marks, line breaks and extra spaces', () => {
    assert.deepEqual(keys('the NATO “Classified”\n  network'), keys('the nato "classified" network'));
    assert.deepEqual(keys('réseau classifié'), keys('RESEAU CLASSIFIE'));
  });
  it('keeps word boundaries: "unclassified" is not "classified"', () => {
    assert.notDeepEqual(keys('unclassified'), keys('classified'));
    assert.deepEqual(keys('non-classified'), ['non', 'classified']);
    assert.equal(tokenize('non-classified').hyphenated[1], true);
  });
  it('reads simple inflection and possessives alike', () => {
    assert.deepEqual(keys('networks'), keys('network'));
    assert.deepEqual(keys('companies'), keys('company'));
    assert.deepEqual(keys("Smith’s"), keys('Smith'));
    assert.deepEqual(keys("the networks' owners"), keys('the network owner'));
    assert.deepEqual(keys("don't"), ['dont']);
    assert.deepEqual(keys("l'OTAN"), ['l', 'otan']);
  });
  it('gives one key to each way of writing a number', () => {
    const billion = ['#1200000000'];
    for (const s of ['1.2bn', '1.2 billion', '1,200,000,000', '1.2 Billion', '$1.2B']) assert.deepEqual(keys(s), billion, s);
    assert.deepEqual(keys('1,2 miliar', 'id'), billion);
    assert.deepEqual(keys('1.200.000.000', 'id'), billion);
    assert.deepEqual(keys('1,2 milliard', 'fr'), billion);
    assert.deepEqual(keys('12亿'), billion);
    assert.deepEqual(keys('١٫٢ مليار'), billion);
    assert.notDeepEqual(keys('1.25 billion'), billion);
    assert.deepEqual(keys('5G'), ['5g']);
  });
  it('splits Chinese and Japanese into characters', () => {
    assert.deepEqual(keys('北约机密网络'), ['北', '约', '机', '密', '网', '络']);
    assert.deepEqual(keys('NATOの「機密」'), ['nato', 'の', '機', '密']);
  });
  it('folds Arabic letter variants, diacritics and attached article prefixes', () => {
    assert.deepEqual(keys('والشبكةُ السريّة'), keys('الشبكة السرية'));
    assert.deepEqual(keys('أحمد'), keys('احمد'));
  });
  it('marks sentence ends but not abbreviations', () => {
    assert.ok(keys('at NATO. Classified').includes(BREAK));
    assert.ok(!keys('the U.S. classified network').includes(BREAK));
    assert.deepEqual(keys('the U.S. network').slice(1, 2), ['us']);
    assert.deepEqual(claimKeys('NATO classified network.'), ['nato', 'classified', 'network']);
  });
});

// The tokenizer was rewritten for speed (issue #9: 100,000 claims are tokenized when a big ledger
// loads); it must give exactly the keys, offsets and flags of the original, kept frozen in
// ./reference, on any text — words, numbers in every notation, CJK, marks, markup leftovers.
describe('ledger tokeniser: same output as the original', () => {
  const PIECES = ['the', 'The', 'NATO', 'classified', 'networks', 'companies', 'city', 'cities', 'eaux', 'ties', 'boxes', 'glass',
    'bus', 'this', 'days', 'fly', 'free', 'tree', 'ee', 'Mr', 'U', 'S', 'e', 'g', 'l', 'qu', 'don', 't', 's', 'réseau', 'classifié',
    'ÉTÉ', 'naïve', 'straße', 'İstanbul', 'ﬁne', 'ｎｅｔ', '𝐀bc', '北约', '机密', 'ガス', 'ｶﾞｽ', '々', '亿', '万', '十', 'والشبكةُ', 'أحمد',
    'مليار', '١٫٢', '۱۲', '１２', '0', '00', '007', '1', '12', '1990', '1,200', '1.2', '1,2', '1.234,5', '1 200', '1\u00a0200', '1\u202f200',
    'bn', 'billion', 'Billions', 'miliar', 'milliard', 'k', 'm', 'B', 'T', '3rd', '5G', '10am', '$', '%', '％', '٪', '.', '..', ',', ';',
    '!', '?', '…', '。', '？', '؟', '۔', "'", '’', 'ʼ', '‘', '＇', '-', '‐', '－', '\u00ad', '\u0301', '\u0640', '\ufffc', '"', '“', '”', '»',
    ')', ']', '」', '(', '*', '_', '#', '/', '\\', ':', '@'];
  const SEPS = ['', '', '', ' ', ' ', ' ', '\n', '\u00a0', '.', "'", '-', ',', '\t'];
  const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPS)), { maxLength: 30 }).map((xs) => xs.map(([p, s]) => p + s).join(''));
  const LANGS = [undefined, 'en', 'fr', 'id', 'de', 'ar', 'zh'];

  it('on random text made of tricky pieces', () => {
    fc.assert(fc.property(text, fc.constantFrom(...LANGS), (s, lang) => {
      assert.deepEqual(tokenize(s, lang), reference.tokenize(s, lang));
    }), { numRuns: 20_000 });
  });
  it('on random unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...LANGS), (s, lang) => {
      assert.deepEqual(tokenize(s, lang), reference.tokenize(s, lang));
    }), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      assert.deepEqual(tokenize(s), reference.tokenize(s));
    }), { numRuns: 5_000 });
  });
  it('tokenKeys gives the keys alone; hasKeys tells whether there are any (a claim with no words is refused)', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), fc.constantFrom(...LANGS), (s, lang) => {
      const keys = reference.tokenize(s, lang).keys;
      assert.deepEqual(tokenKeys(s, lang), keys);
      assert.equal(hasKeys(s), keys.length > 0, JSON.stringify(s));
    }), { numRuns: 20_000 });
    for (const s of ['', ' ', '?!', '\u00ad', '...', '-', '“”', '\ud83d\ude00']) assert.equal(hasKeys(s), false, JSON.stringify(s));
    for (const s of ['%', '\ufffc', 'a', '1', '北', '\u0301', '٪', '𠀀']) assert.equal(hasKeys(s), true, JSON.stringify(s));
  });
  it('tokenKeys on plain words and numbers (its shortcut) gives what tokenize gives', () => {
    const plainText = fc.array(fc.oneof(
      fc.constantFrom('The', 'bridge', 'number', 'cost', 'million', 'Million', 'millions', 'billion', 'bn', 'k', 'ribu', 'juta', 'thousand', 'trillion', 'Bridges', 'cities', 'eaux', 'x', 'ab'),
      fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[A-Za-z0-9]{1,5}$/),
    ), { maxLength: 10 }).chain((ws) => fc.tuple(...ws.map(() => fc.constantFrom(' ', ' ', '  ', '')) as [fc.Arbitrary<string>]).map((seps) => ws.map((w, i) => w + (seps[i] ?? '')).join('')));
    fc.assert(fc.property(fc.oneof(plainText, plainText.map((t) => ` ${t} `)), fc.constantFrom(...LANGS, 'id', 'fr'), (s, lang) => {
      assert.deepEqual(tokenKeys(s, lang), reference.tokenize(s, lang).keys, JSON.stringify(s));
    }), { numRuns: 20_000 });
  });
  it('every scale word written in ASCII starts with b, j, m, r or t (the tokenizer folds no other word after a number)', () => {
    for (const w of allScaleWords()) if (/^[\x00-\x7f]/.test(w)) assert.match(w, /^[bjmrt]/, w);
  });
  it('on whole words: foldWord', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')), (w) => {
      assert.equal(foldWord(w), reference.foldWord(w));
    }), { numRuns: 5_000 });
  });
});
