import assert from 'node:assert/strict';
import { entriesFromFactChecks, importId } from '../../../server/src/core/ledger/import.js';

// Invented fact checks in the two published shapes.
const review = (n: number) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example.org/checks/${n}-bridge-closure`,
  claimReviewed: `The bridge will close for ${n} years`,
  author: { '@type': 'Organization', name: 'Example Check' },
  datePublished: '2026-02-03T09:00:00+07:00',
  inLanguage: 'en-GB',
  reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'False' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Councillor' }, datePublished: '2026-01-30' },
});

describe('ledger import', () => {
  it('reads one ClaimReview object', () => {
    const { entries, format } = entriesFromFactChecks(review(2));
    assert.equal(format, 'claimreview');
    assert.deepEqual(entries, [{
      id: 'factcheck-example-org-checks-2-bridge-closure', claim: 'The bridge will close for 2 years',
      note: 'Rated “False” by Example Check.', source: 'https://factcheck.example.org/checks/2-bridge-closure',
      date: '2026-02-03', lang: 'en', rating: 'False', claimant: 'A Councillor', claimDate: '2026-01-30',
    }]);
  });

  it('reads an array and a @graph, and the same review twice only once', () => {
    assert.equal(entriesFromFactChecks([review(1), review(2), review(1)]).entries.length, 2);
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', name: 'x' }, review(3), { '@type': ['ClaimReview'], url: 'https://e.org/4' }] };
    const r = entriesFromFactChecks(graph);
    assert.deepEqual(r.entries.map((e) => e.claim), ['The bridge will close for 3 years']);
    assert.deepEqual(r.skipped, ['ClaimReview 2: no claim text']);
  });

  it('reads a Fact Check Tools API claims[] response', () => {
    const api = { claims: [{
      text: 'Acme raised $1.2 billion', claimant: 'A blog', claimDate: '2026-02-01T00:00:00Z',
      claimReview: [{ publisher: { name: 'Example Check', site: 'factcheck.example.org' }, url: 'https://factcheck.example.org/acme', title: 'Acme raised $1.4 billion, not $1.2 billion', reviewDate: '2026-02-10T00:00:00Z', textualRating: 'Incorrect', languageCode: 'en' }],
    }], nextPageToken: 'x' };
    const { entries, format } = entriesFromFactChecks(api);
    assert.equal(format, 'factcheck-api');
    assert.deepEqual(entries[0], {
      id: 'factcheck-example-org-acme', claim: 'Acme raised $1.2 billion',
      note: 'Rated “Incorrect” by Example Check: Acme raised $1.4 billion, not $1.2 billion', source: 'https://factcheck.example.org/acme',
      date: '2026-02-10', lang: 'en', rating: 'Incorrect', claimant: 'A blog', claimDate: '2026-02-01',
    });
  });

  it('makes stable ids, short ones for long URLs', () => {
    assert.equal(importId('https://www.e.org/a/b?utm=1', 'c'), 'e-org-a-b');
    const long = importId(`https://e.org/${'x'.repeat(100)}`, 'c');
    assert.ok(long.length <= 50 && long === importId(`https://e.org/${'x'.repeat(100)}`, 'c'));
    assert.match(importId(undefined, 'Some claim'), /^some-claim-[0-9a-f]{8}$/);
  });
});
