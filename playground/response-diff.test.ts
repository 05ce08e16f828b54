import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffResponses, diffSummary, significant, type DiffedResponse, type Difference } from './response-diff';

const base: DiffedResponse = {
  status: 200,
  headers: [['Content-Type', 'text/css'], ['Content-Length', '6'], ['Date', 'Tue, 25 Nov 2026 18:00:00 GMT'], ['X-Cachecraft-Exchange', '1']],
  bodyBytes: 6,
  bodyText: 'body{}',
};

/** The same difference seen from the other side. */
function swapped(d: Difference): Difference {
  return d.kind === 'header' ? { ...d, left: d.right, right: d.left } : { ...d, left: d.right, right: d.left } as Difference;
}

const headerName = fc.constantFrom('ETag', 'etag', 'Content-Length', 'content-type', 'Vary', 'Date', 'X-Cachecraft-Exchange', 'Last-Modified', 'X-A');
const headerValue = fc.string({ maxLength: 6 }).map((s) => s.trim());
const response: fc.Arbitrary<DiffedResponse> = fc.record({
  status: fc.constantFrom(200, 304, 404),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  bodyBytes: fc.nat(20),
  bodyText: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
});

describe('diffResponses', () => {
  it('finds a different status, a header on one side only, a different value, and the body size', () => {
    const seed: DiffedResponse = {
      status: 304,
      headers: [['content-type', 'text/css'], ['ETag', '"a"'], ['Date', 'Tue, 25 Nov 2026 18:00:01 GMT'], ['X-Cachecraft-Exchange', '2'], ['Content-Length', '0']],
      bodyBytes: 0,
    };
    expect(diffResponses(base, seed)).toEqual([
      { kind: 'status', left: 200, right: 304 },
      { kind: 'header', name: 'Content-Length', left: '6', right: '0', expected: false },
      { kind: 'header', name: 'Date', left: 'Tue, 25 Nov 2026 18:00:00 GMT', right: 'Tue, 25 Nov 2026 18:00:01 GMT', expected: true },
      { kind: 'header', name: 'ETag', left: undefined, right: '"a"', expected: false },
      { kind: 'header', name: 'X-Cachecraft-Exchange', left: '1', right: '2', expected: true },
      { kind: 'body', left: 6, right: 0, sameSize: false },
    ]);
  });

  it('compares header names case-insensitively', () => {
    const lower = { ...base, headers: base.headers.map(([n, v]) => [n.toLowerCase(), v] as const) };
    expect(diffResponses(base, lower)).toEqual([]);
  });

  it('joins several field lines of one name before comparing (RFC 9110, 5.3)', () => {
    const twoLines = { ...base, headers: [['Vary', 'Accept-Encoding'], ['vary', 'Accept']] as [string, string][] };
    const oneLine = { ...base, headers: [['Vary', 'Accept-Encoding, Accept']] as [string, string][] };
    expect(diffResponses(twoLines, oneLine)).toEqual([]);
    const reordered = { ...base, headers: [['Vary', 'Accept'], ['Vary', 'Accept-Encoding']] as [string, string][] };
    expect(diffResponses(twoLines, reordered)).toEqual([{ kind: 'header', name: 'Vary', left: 'Accept-Encoding, Accept', right: 'Accept, Accept-Encoding', expected: false }]);
  });

  it('sees bodies of the same size with other bytes', () => {
    expect(diffResponses(base, { ...base, bodyText: 'body[]' })).toEqual([{ kind: 'body', left: 6, right: 6, sameSize: true }]);
    expect(diffResponses(base, { ...base, bodyText: undefined })).toEqual([]); // nothing to compare the bytes with
  });

  it('is empty for identical responses (property)', () => {
    fc.assert(fc.property(response, (r) => {
        expect(diffResponses(r, structuredClone(r))).toEqual([]);
      }));
  });

  it('compares header names case-insensitively, whatever the case of each letter (property)', () => {
    fc.assert(
      fc.property(response, fc.infiniteStream(fc.boolean()), (r, flips) => {
        const recased = { ...r, headers: r.headers.map(([n, v]) => [[...n].map((c) => (flips.next().value ? c.toUpperCase() : c.toLowerCase())).join(''), v] as const) };
        expect(diffResponses(r, recased)).toEqual([]);
      }),
    );
  });

  it('is symmetric: swapping the sides swaps left and right only (property)', () => {
    fc.assert(fc.property(response, response, (a, b) => {
        expect(diffResponses(b, a)).toEqual(diffResponses(a, b).map(swapped));
      }));
  });

  it('is empty exactly when status, joined fields and body agree (property)', () => {
    fc.assert(
      fc.property(response, response, (a, b) => {
        const join = (r: DiffedResponse) => {
          const m = new Map<string, string[]>();
          for (const [n, v] of r.headers) m.set(n.toLowerCase(), [...(m.get(n.toLowerCase()) ?? []), v]);
          return JSON.stringify([...m].map(([n, vs]) => [n, vs.join(', ')]).sort());
        };
        const bodiesAgree = a.bodyBytes === b.bodyBytes && (a.bodyText === undefined || b.bodyText === undefined || a.bodyText === b.bodyText);
        const same = a.status === b.status && join(a) === join(b) && bodiesAgree;
        expect(diffResponses(a, b).length === 0).toBe(same);
      }),
    );
  });
});

describe('diffSummary', () => {
  it('counts what differs and names it, leaving out Date and the exchange id', () => {
    const d = diffResponses(base, {
      status: 304,
      headers: [['ETag', '"a"'], ['Content-Length', '0'], ['Date', 'x'], ['X-Cachecraft-Exchange', '9'], ['Content-Type', 'text/css']],
      bodyBytes: 6,
      bodyText: 'body{}',
    });
    expect(diffSummary(d)).toBe('3 differences: status, Content-Length, ETag.');
    expect(significant(d)).toHaveLength(3);
  });
  it('says when only the expected fields differ, and counts one difference in the singular', () => {
    expect(diffSummary(diffResponses(base, { ...base, headers: [...base.headers.slice(0, 2), ['Date', 'later'], ['X-Cachecraft-Exchange', '5']] }))).toBe(
      'No differences (besides the fields that always differ).',
    );
    expect(diffSummary([{ kind: 'status', left: 200, right: 304 }])).toBe('1 difference: status.');
  });
});
