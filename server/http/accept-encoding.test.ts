import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, parseAcceptEncoding, type ContentCoding } from './accept-encoding';

const ALL: ContentCoding[] = ['br', 'gzip', 'identity'];
const pick = (header: string | null, offered: ContentCoding[] = ALL) => negotiateEncoding(header, offered);

describe('negotiateEncoding (RFC 9110, 12.5.3)', () => {
  it.each<[string | null, ContentCoding | null]>([
    // No field: no preference stated; identity is what every client reads.
    [null, 'identity'],
    // An empty field: no coding wanted.
    ['', 'identity'],
    ['  ', 'identity'],
    // What browsers send: br preferred by the server when both are equally welcome.
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, br', 'br'],
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['deflate', 'identity'],
    ['zstd, deflate', 'identity'],
    // q-values: the client's weights beat the server's order.
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.9, gzip;q=0.8', 'br'],
    ['gzip;q=1.0, br;q=0.999', 'gzip'],
    ['gzip;q=0.001', 'gzip'],
    ['br;q=1, gzip;q=1', 'br'],
    // identity named: it competes like any coding.
    ['identity', 'identity'],
    ['identity, gzip;q=0.5', 'identity'],
    ['identity;q=0.5, gzip', 'gzip'],
    ['identity;q=0.5, gzip;q=0.5, br;q=0.5', 'br'],
    // q=0 is a refusal, never "least preferred".
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['gzip;q=0', 'identity'],
    ['br;q=0.000, gzip;q=0.0', 'identity'],
    ['identity;q=0, gzip', 'gzip'],
    ['identity;q=0, br;q=0.1, gzip;q=0.2', 'gzip'],
    ['identity;q=0', null],
    ['identity;q=0, deflate', null],
    // The wildcard: any coding not named.
    ['*', 'br'],
    ['*;q=0.5', 'br'],
    ['br;q=0, *', 'gzip'],
    ['br;q=0, gzip;q=0, *', 'identity'],
    ['*;q=0', null],
    ['*;q=0, identity', 'identity'],
    ['*;q=0, identity;q=0.1', 'identity'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, *;q=0.1', 'gzip'],
    ['gzip;q=0.1, *;q=0.5', 'br'],
    ['identity;q=0.2, *;q=0.1', 'identity'],
    // Spelling: case-insensitive names and "q", optional whitespace, x-gzip means gzip.
    ['GZIP', 'gzip'],
    ['Br;Q=0.5, GZip;q=0.4', 'br'],
    ['  gzip ;  q=0.5 ,  br ; q=0.4  ', 'gzip'],
    ['gzip;q=0.5,br;q=0.6', 'br'],
    ['x-gzip', 'gzip'],
    ['x-gzip;q=0, br;q=0', 'identity'],
    // Empty list members are allowed.
    [',, gzip ,,', 'gzip'],
    // Malformed members are ignored, as if absent.
    ['gzip;q=2', 'identity'],
    ['gzip;q=1.5', 'identity'],
    ['gzip;q=0.5000', 'identity'],
    ['gzip;q=-1', 'identity'],
    ['gzip;q=', 'identity'],
    ['gzip;q=abc', 'identity'],
    ['gzip;level=9', 'identity'],
    ['gzip;q=0.5;q=0.6', 'identity'],
    ['gz ip', 'identity'],
    ['"gzip"', 'identity'],
    ['gzip;q=abc, br', 'br'],
    // A refusal that does not parse does not refuse.
    ['identity;q=zero', 'identity'],
    // A coding named twice keeps its lowest weight.
    ['br, br;q=0', 'identity'],
    ['br, br;q=0, gzip', 'gzip'],
    ['gzip;q=0, x-gzip', 'identity'],
    ['br;q=0.2, br;q=0.9, gzip;q=0.5', 'gzip'],
  ])('%j → %j', (header, expected) => {
    expect(pick(header)).toBe(expected);
  });

  it('chooses only among what the server offers', () => {
    // A PNG: only identity is on offer, whatever the client likes.
    expect(pick('br, gzip', ['identity'])).toBe('identity');
    expect(pick('br, gzip, identity;q=0', ['identity'])).toBeNull();
    // A file too small for brotli to help: gzip only.
    expect(pick('br', ['gzip', 'identity'])).toBe('identity');
    expect(pick('br, gzip', ['gzip', 'identity'])).toBe('gzip');
    expect(pick(null, [])).toBeNull();
    expect(pick(null, ['gzip'])).toBe('gzip');
  });

  it('follows the server’s order on a tie', () => {
    expect(pick('gzip, br', ['gzip', 'br', 'identity'])).toBe('gzip');
    expect(pick('*', ['identity', 'gzip'])).toBe('identity');
  });
});

describe('parseAcceptEncoding', () => {
  it('reads names and weights', () => {
    expect(parseAcceptEncoding('gzip, br;q=0.5, *;q=0, X-GZIP;q=0.2')).toEqual(
      new Map([
        ['gzip', 0.2],
        ['br', 0.5],
        ['*', 0],
      ]),
    );
  });
});

describe('properties', () => {
  const coding = fc.constantFrom('br', 'gzip', 'x-gzip', 'identity', '*', 'deflate', 'zstd', 'BR', 'Gzip');
  const qvalue = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1000 }).map((n) => `;q=${(n / 1000).toFixed(3)}`));
  const header = fc.array(fc.tuple(coding, qvalue).map(([c, q]) => c + q), { maxLength: 8 }).map((m) => m.join(', '));
  const offered = fc.subarray(ALL).map((s) => s as ContentCoding[]);

  it('never throws, and answers one of the offered codings or null, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(header, fc.string(), fc.string({ unit: 'binary' })), offered, (h, o) => {
        const chosen = negotiateEncoding(h, o);
        return chosen === null || o.includes(chosen);
      }),
    );
  });

  it('never picks a coding the client refused with q=0', () => {
    fc.assert(
      fc.property(header, fc.constantFrom<ContentCoding>(...ALL), (h, refused) => {
        return negotiateEncoding(`${h}, ${refused};q=0`, ALL) !== refused;
      }),
    );
  });

  it('picks a coding with the highest weight the client gave', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (a, b) => {
        const chosen = negotiateEncoding(`br;q=${a / 1000}, gzip;q=${b / 1000}`, ALL);
        return chosen === (a >= b ? 'br' : 'gzip');
      }),
    );
  });

  it('does not depend on the order of the members', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coding, qvalue).map(([c, q]) => c + q), { maxLength: 6 }), (members) => {
        return negotiateEncoding(members.join(','), ALL) === negotiateEncoding([...members].reverse().join(','), ALL);
      }),
    );
  });
});
