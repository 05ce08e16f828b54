import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntityTags, strongMatch, weakMatch } from './entity-tag';
import { strongEtag, strongEtagFromDigest, weakEtag } from './etag';

describe('strongEtag', () => {
  it('is quoted, strong, and the same for the same bytes', () => {
    const tag = strongEtag(Buffer.from('body { color: red }'));
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(strongEtag(Buffer.from('body { color: red }'))).toBe(tag);
    expect(strongEtag(Buffer.from('body { color: rEd }'))).not.toBe(tag);
  });
  it('equals the tag of the same digest computed elsewhere', () => {
    const bytes = Buffer.from('x'.repeat(100_000));
    expect(strongEtagFromDigest(createHash('sha256').update(bytes).digest())).toBe(strongEtag(bytes));
  });
  it('writes the digest in base64url as node does, for any bytes (its own encoder: no Buffer in the browser)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(strongEtagFromDigest(bytes)).toBe(`"${Buffer.from(bytes.subarray(0, 16)).toString('base64url')}"`);
      }),
    );
  });
  it('is read back as one tag and matches itself strongly, for any content', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const tag = strongEtag(bytes);
        expect(parseEntityTags(tag)).toEqual([tag]);
        expect(strongMatch(tag, tag)).toBe(true);
      }),
    );
  });
});

describe('weakEtag', () => {
  it('is W/ and quoted, from size and mtime in ms', () => {
    expect(weakEtag(173, 1_764_000_000_123.456)).toBe('W/"ad-19ab697e87b"');
  });
  it('misses a same-size edit within the same millisecond, and changes on a touch', () => {
    expect(weakEtag(10, 1000.2)).toBe(weakEtag(10, 1000.9));
    expect(weakEtag(10, 1000)).not.toBe(weakEtag(10, 2000));
  });
  it('is read back as one tag; it matches weakly, never strongly', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (size, mtime) => {
        const tag = weakEtag(size, mtime);
        expect(parseEntityTags(tag)).toEqual([tag]);
        expect(weakMatch(tag, tag)).toBe(true);
        expect(strongMatch(tag, tag)).toBe(false);
      }),
    );
  });
});
