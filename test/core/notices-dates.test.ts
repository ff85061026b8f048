import assert from 'node:assert/strict';
import { formatDate, NOTICE_LANGUAGES } from '../../server/src/core/corrections/notices.js';

// Correction dates in the notice languages are written from tables instead of Intl (whose first
// use costs each thread 15–35 ms): they must say exactly what Intl says.
const intl = (language: string, date: Date) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('correction dates without Intl', () => {
  it('covers every notice language', () => {
    assert.deepEqual([...NOTICE_LANGUAGES].sort(), ['ar', 'en', 'fr', 'id', 'ja', 'zh']);
  });

  it('writes every month, and days 1, 4 and 31, as Intl does here', () => {
    let compared = 0;
    for (const language of NOTICE_LANGUAGES) {
      for (const year of [2026, 1999, 2000]) {
        for (let month = 1; month <= 12; month++) {
          for (const day of [1, 4, 31]) {
            const date = iso(year, month, day);
            // Day 31 of a short month is the first days of the next one, for both.
            assert.equal(formatDate(date, language), intl(language, new Date(Date.UTC(year, month - 1, day))), `${language} ${date}`);
            compared++;
          }
        }
      }
    }
    assert.equal(compared, 6 * 3 * 12 * 3);
  });

  it('agrees with Intl on odd dates: rolled over, before 1000, two-digit years (19xx), with a time', () => {
    for (const language of NOTICE_LANGUAGES) {
      for (const [date, utc] of [
        ['2026-02-30', Date.UTC(2026, 1, 30)], ['2026-13-01', Date.UTC(2026, 12, 1)], ['2026-00-00', Date.UTC(2026, -1, 0)],
        ['0999-07-14', Date.UTC(999, 6, 14)], ['0050-01-01', Date.UTC(50, 0, 1)], ['2026-03-04T10:00:00Z', Date.UTC(2026, 2, 4)],
      ] as const) {
        assert.equal(formatDate(date, language), intl(language, new Date(utc)), `${language} ${date}`);
      }
    }
  });

  it('makes no Intl object for the notice languages', () => {
    const real = Intl.DateTimeFormat;
    Intl.DateTimeFormat = function () { throw new Error('Intl.DateTimeFormat used'); } as unknown as typeof Intl.DateTimeFormat;
    try {
      // (formatDate gives the text back unformatted when Intl throws.)
      for (const language of [...NOTICE_LANGUAGES, undefined]) assert.notEqual(formatDate('2026-11-04', language), '2026-11-04', String(language));
      assert.equal(formatDate('2026-11-04', 'pt'), '2026-11-04', 'the stub is in force');
    } finally {
      Intl.DateTimeFormat = real;
    }
  });

  it('literal forms', () => {
    const on = (date: string) => Object.fromEntries(NOTICE_LANGUAGES.map((l) => [l, formatDate(date, l)]));
    assert.deepEqual(on('2026-03-04'), { en: '4 March 2026', id: '4 Maret 2026', fr: '4 mars 2026', zh: '2026年3月4日', ja: '2026年3月4日', ar: '4 مارس 2026' });
    assert.deepEqual(on('2026-03-01'), { en: '1 March 2026', id: '1 Maret 2026', fr: '1 mars 2026', zh: '2026年3月1日', ja: '2026年3月1日', ar: '1 مارس 2026' });
    assert.equal(formatDate('2025-08-31', 'fr'), '31 août 2025');
    assert.equal(formatDate('2025-12-25', 'ar'), '25 ديسمبر 2025');
    assert.equal(formatDate('2025-05-09', 'id'), '9 Mei 2025');
  });

  it('English for no language; Intl for others; the text itself when it is no date', () => {
    assert.equal(formatDate('2026-03-04', undefined), '4 March 2026');
    assert.equal(formatDate('2026-03-04', ''), '4 March 2026');
    assert.equal(formatDate('2026-03-04', 'de'), intl('de', new Date(Date.UTC(2026, 2, 4))));
    assert.equal(formatDate('2026-03-04', 'es'), intl('es', new Date(Date.UTC(2026, 2, 4))));
    assert.equal(formatDate('2026-03-04', 'constructor'), '2026-03-04'); // no such locale: Intl throws
    assert.equal(formatDate('2026-03-04', 'not a tag!'), '2026-03-04');
    assert.equal(formatDate('4 March 2026', 'en'), '4 March 2026');
    assert.equal(formatDate(undefined, 'en'), undefined);
    assert.equal(formatDate('', 'en'), undefined);
  });
});
