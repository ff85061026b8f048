import assert from 'node:assert/strict';
import { tokenize, BREAK } from '../../../server/src/core/ledger/tokenize.js';
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
