import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainStageRoute, resolvedStageRoute, stageRoute } from './stage-route';

describe('stageRoute', () => {
  it('hands the rest of the path, with its query, to the stage', () => {
    expect(stageRoute('/ch/last-modified/monitor.css')).toEqual({ kind: 'stage', slug: 'last-modified', path: '/monitor.css', target: '/monitor.css' });
    expect(stageRoute('/ch/seed/?x=1')).toEqual({ kind: 'stage', slug: 'seed', path: '/?x=1', target: '/?x=1' });
    expect(stageRoute('http://127.0.0.1:3000/ch/seed/job')).toEqual({ kind: 'stage', slug: 'seed', path: '/job', target: 'http://127.0.0.1:3000/job' });
  });

  it('resolves dot segments that stay inside the stage', () => {
    expect(stageRoute('/ch/seed/a/../monitor.css')).toEqual({ kind: 'stage', slug: 'seed', path: '/monitor.css', target: '/a/../monitor.css' });
    expect(stageRoute('/ch/seed/a/%2e%2e/monitor.css')).toEqual({ kind: 'stage', slug: 'seed', path: '/monitor.css', target: '/a/%2e%2e/monitor.css' });
  });

  it('keeps empty segments as they are', () => {
    expect(stageRoute('/ch/last-modified///example.com/..')).toEqual({ kind: 'stage', slug: 'last-modified', path: '///', target: '///example.com/..' });
  });

  it.each([
    ['/ch/last-modified/nonexistent/../../secret.txt', '/ch/secret.txt'],
    ['/ch/last-modified/..', '/ch/'],
    ['/ch/last-modified/../../api/log', '/api/log'],
    ['/ch/last-modified/%2e%2e/%2e%2e/api/stages', '/api/stages'],
    ['/ch/seed/%2E%2E/no-cache/monitor.css', '/ch/no-cache/monitor.css'],
    ['/ch/seed/.a/../../../api/log', '/api/log'], // Node 20's own URL parser gets this one wrong
  ])('says %s leaves its stage (for %s)', (target, resolved) => {
    expect(stageRoute(target)).toMatchObject({ kind: 'leaves-stage', resolved });
  });

  it('gives the stage the target as sent, only /ch/<slug> taken out (for the seed, which reads it raw)', () => {
    expect(stageRoute('/ch/seed/<b>x</b>')).toMatchObject({ path: '/<b>x</b>', target: '/<b>x</b>' });
    expect(stageRoute('/ch/seed/monitor.css#x')).toMatchObject({ path: '/monitor.css', target: '/monitor.css#x' });
    expect(stageRoute('https://example.com/ch/seed/monitor.css')).toMatchObject({ path: '/monitor.css', target: 'https://example.com/monitor.css' });
    expect(stageRoute('/ch/seed/x/..;y')).toMatchObject({ target: '/x/..;y' });
  });

  it('adds the slash to /ch/<slug>', () => {
    expect(stageRoute('/ch/seed')).toEqual({ kind: 'add-slash', slug: 'seed', location: '/ch/seed/' });
    expect(stageRoute('/ch/seed?a=b')).toEqual({ kind: 'add-slash', slug: 'seed', location: '/ch/seed/?a=b' });
  });

  it.each(['/', '/api/log', '/ch', '/ch/', '/chapters/seed', '/ch/seed#x', '*'])('leaves %s to the rest of the app', (target) => {
    expect(stageRoute(target)).toBeNull();
  });

  it('never throws, and never hands a stage a path outside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (tail) => {
        const route = stageRoute(`/ch/seed/${tail}`);
        if (route?.kind !== 'stage') return true;
        const segments = route.path.split('?')[0]!.split('/');
        return route.slug === 'seed' && route.path.startsWith('/') && !segments.some((s) => /^(\.|%2e){1,2}$/i.test(s));
      }),
    );
  });

  it('routes a plain target the short way exactly as the long way would', () => {
    const plainChar = fc.constantFrom(...'abcXYZ019._~-/'.split(''));
    const anyChar = fc.constantFrom(...'abc./\\%2e?#&= \t'.split(''));
    const tail = fc.oneof(fc.string({ unit: plainChar }), fc.string({ unit: anyChar }), fc.string({ unit: 'binary' }));
    const query = fc.option(fc.string({ unit: fc.constantFrom(...'a=&?/.%#:'.split('')) }), { nil: undefined });
    fc.assert(
      fc.property(fc.constantFrom('seed', 'etag-vs-last-modified', 'a_b'), tail, query, (slug, rest, q) => {
        const target = `/ch/${slug}/${rest}${q === undefined ? '' : `?${q}`}`;
        const short = plainStageRoute(target);
        return short === null || JSON.stringify(short) === JSON.stringify(resolvedStageRoute(target));
      }),
      { numRuns: 2000 },
    );
    // The usual targets do take the short way.
    for (const target of ['/ch/seed/monitor.css', '/ch/etag/a/b.png?x=1&y=%20', '/ch/seed/']) expect(plainStageRoute(target), target).not.toBeNull();
    for (const target of ['/ch/seed/a/../b', '/ch/seed/%2e%2e/x', '/ch/seed/a\\b', '/ch/seed/./x', '/ch/seed/x#y']) expect(plainStageRoute(target), target).toBeNull();
  });
});
