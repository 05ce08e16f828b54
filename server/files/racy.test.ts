import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayTrustCachedHash, RACY_WINDOW_NS, sameIdentity, type FileIdentity } from './racy';

const S = 1_000_000_000n;
const file: FileIdentity = { dev: 1n, ino: 42n, size: 615n, mtimeNs: 100n * S, ctimeNs: 100n * S };
const recordedLongAfter = { identity: file, recordedAtNs: 200n * S };

describe('mayTrustCachedHash', () => {
  it('trusts an entry recorded well after the file last changed, while stat says the same', () => {
    expect(mayTrustCachedHash(recordedLongAfter, { ...file })).toBe(true);
  });

  it.each([
    ['another device', { dev: 2n }],
    ['another inode (a file renamed over it)', { ino: 43n }],
    ['another size', { size: 616n }],
    ['an mtime 1 ns later', { mtimeNs: file.mtimeNs + 1n }],
    ['an mtime set back 1 s with utimes', { mtimeNs: file.mtimeNs - S }],
    ['a ctime 1 ns later (a write or a utimes)', { ctimeNs: file.ctimeNs + 1n }],
  ])('does not trust it when the file has %s', (_, change) => {
    expect(mayTrustCachedHash(recordedLongAfter, { ...file, ...change })).toBe(false);
  });

  it('does not trust an entry recorded in the same tick as the last change: racily clean', () => {
    // The same stat, to the nanosecond: a same-size rewrite in the same tick looks exactly so.
    expect(mayTrustCachedHash({ identity: file, recordedAtNs: file.mtimeNs }, { ...file })).toBe(false);
    expect(mayTrustCachedHash({ identity: file, recordedAtNs: file.mtimeNs + 5_000_000n }, { ...file })).toBe(false);
  });

  it('draws the line at the window: just inside is racy, just outside is trusted', () => {
    const at = (recordedAtNs: bigint) => mayTrustCachedHash({ identity: file, recordedAtNs }, { ...file });
    expect(at(file.mtimeNs + RACY_WINDOW_NS)).toBe(false);
    expect(at(file.mtimeNs + RACY_WINDOW_NS + 1n)).toBe(true);
  });

  it('looks at ctime too: an mtime set far in the past by utimes does not make a new change safe', () => {
    const restored = { ...file, mtimeNs: 1n * S, ctimeNs: 199n * S }; // utimes ran a second before the hash
    expect(mayTrustCachedHash({ identity: restored, recordedAtNs: 200n * S }, { ...restored })).toBe(false);
    expect(mayTrustCachedHash({ identity: restored, recordedAtNs: 300n * S }, { ...restored })).toBe(true);
  });

  it('never trusts a file whose mtime is after the recording (a clock that went back, a future mtime)', () => {
    const future = { ...file, mtimeNs: 500n * S };
    expect(mayTrustCachedHash({ identity: future, recordedAtNs: 200n * S }, { ...future })).toBe(false);
  });

  const identities = fc.record({
    dev: fc.bigInt({ min: 0n, max: 3n }),
    ino: fc.bigInt({ min: 0n, max: 3n }),
    size: fc.bigInt({ min: 0n, max: 3n }),
    mtimeNs: fc.bigInt({ min: 0n, max: 10n * S }),
    ctimeNs: fc.bigInt({ min: 0n, max: 10n * S }),
  });

  it('property: trusted only if stat is unchanged and both times are older than the window', () => {
    fc.assert(
      fc.property(identities, identities, fc.bigInt({ min: 0n, max: 20n * S }), (then, now, recordedAtNs) => {
        const trusted = mayTrustCachedHash({ identity: then, recordedAtNs }, now);
        if (trusted) {
          expect(sameIdentity(then, now)).toBe(true);
          expect(now.mtimeNs + RACY_WINDOW_NS).toBeLessThan(recordedAtNs);
          expect(now.ctimeNs + RACY_WINDOW_NS).toBeLessThan(recordedAtNs);
        } else {
          const safe = now.mtimeNs + RACY_WINDOW_NS < recordedAtNs && now.ctimeNs + RACY_WINDOW_NS < recordedAtNs;
          expect(sameIdentity(then, now) && safe).toBe(false);
        }
      }),
    );
  });

  it('property: any change of a stat field means a new hash, however long ago it was recorded', () => {
    fc.assert(
      fc.property(identities, fc.constantFrom('dev', 'ino', 'size', 'mtimeNs', 'ctimeNs' as const), fc.bigInt({ min: 1n, max: S }), (then, field, delta) => {
        const now = { ...then, [field]: then[field as keyof FileIdentity] + delta };
        expect(mayTrustCachedHash({ identity: then, recordedAtNs: 1000n * S }, now)).toBe(false);
      }),
    );
  });
});
