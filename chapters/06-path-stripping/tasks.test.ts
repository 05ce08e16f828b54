// Chapter 6's "try this" checks, against hand-made exchanges: each passes on the exchange it
// describes and not on near misses. `(exchanges, compared)`: path-stripping's, then the seed's.
import { describe, expect, it } from 'vitest';
import { FAKE_BACKUP, FAKE_SECRET } from '../../common/fake-files';
import { exchange } from '../../client/testing/exchanges';
import { tasks } from './tasks';

function check(id: string) {
  const found = tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found.check;
}

const SECRET_BYTES = new TextEncoder().encode(FAKE_SECRET).length;
const BACKUP_BYTES = new TextEncoder().encode(FAKE_BACKUP).length;
const raw = (target: string, status: number, bodyBytes: number, stage = 'seed') =>
  exchange({ stage, target, status, bodyBytes, raw: true });

describe('chapter 6: path-stripping', () => {
  const leak = raw('/..\\secret.txt', 200, SECRET_BYTES);

  it('seed-leaks-fake-secret: a raw 200 with a fake file\'s bytes, from a target that climbs', () => {
    expect(check('seed-leaks-fake-secret')([], [leak])).toBe(true);
    expect(check('seed-leaks-fake-secret')([], [raw('/..\\PASSWO~1.TXT', 200, BACKUP_BYTES)])).toBe(true);
    expect(check('seed-leaks-fake-secret')([], [{ ...leak, raw: undefined }])).toBe(false); // not raw
    expect(check('seed-leaks-fake-secret')([], [raw('/..\\secret.txt', 404, SECRET_BYTES)])).toBe(false);
    expect(check('seed-leaks-fake-secret')([], [raw('/monitor.css', 200, SECRET_BYTES)])).toBe(false); // no climb
    expect(check('seed-leaks-fake-secret')([], [raw('/..\\secret.txt', 200, 0)])).toBe(false); // not its bytes
    expect(check('seed-leaks-fake-secret')([leak], [])).toBe(false); // the safe stage's do not count
  });

  it('safe-stage-refuses: the same target as a seed leak, a 4xx from path-stripping', () => {
    const refused = raw('/..\\secret.txt', 400, 200, 'path-stripping');
    expect(check('safe-stage-refuses')([refused], [leak])).toBe(true);
    expect(check('safe-stage-refuses')([refused], [])).toBe(false); // no leak to compare with
    expect(check('safe-stage-refuses')([{ ...refused, target: '/..\\x' }], [leak])).toBe(false);
    expect(check('safe-stage-refuses')([{ ...refused, status: 200 }], [leak])).toBe(false);
    expect(check('safe-stage-refuses')([{ ...refused, status: 500 }], [leak])).toBe(false);
    expect(check('safe-stage-refuses')([{ ...refused, raw: undefined }], [leak])).toBe(false);
  });

  it('seed-folder-200: an empty 200 for the folder above', () => {
    expect(check('seed-folder-200')([], [raw('/..', 200, 0)])).toBe(true);
    expect(check('seed-folder-200')([], [raw('/..\\', 200, 0)])).toBe(true);
    expect(check('seed-folder-200')([], [raw('/..', 200, 12)])).toBe(false);
    expect(check('seed-folder-200')([], [raw('/..', 404, 0)])).toBe(false);
    expect(check('seed-folder-200')([], [raw('/index.html', 200, 0)])).toBe(false);
  });

  it('error-pages-reflect: markup sent to both stages, each answering 4xx', () => {
    const seed = raw('/<b>x</b>', 404, 120);
    const safe = raw('/<b>x</b>', 404, 200, 'path-stripping');
    expect(check('error-pages-reflect')([safe], [seed])).toBe(true);
    expect(check('error-pages-reflect')([], [seed])).toBe(false);
    expect(check('error-pages-reflect')([safe], [])).toBe(false);
    expect(check('error-pages-reflect')([raw('/x', 404, 200, 'path-stripping')], [seed])).toBe(false);
  });
});
