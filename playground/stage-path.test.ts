// The rule for paths the playground may send, checked against a small model of how the
// browser's URL parser resolves "." and ".." segments, written here independently of URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGES as REGISTERED } from '../server/stages';
import { browserTarget, stagePathProblem, stageUrl } from './stage-path';

/** The course's stages (server/stages/index.ts). */
const STAGES = REGISTERED.map((s) => s.slug);

/** Names that look like dots but are ordinary segments, and plain names. */
const NAMES = ['index.html', 'a', 'api', 'stages', 'log', 'ch', 'seed', '...', '.a', '..a', 'a.', 'a..', '%2e%2e%2e', 'a%2eb', '%2ea', '.%2ea', ''];
/** Every spelling of "." and ".." the URL parser treats as a dot segment. */
const DOTS = ['.', '%2e', '%2E', '..', '.%2e', '.%2E', '%2e.', '%2E.', '%2e%2e', '%2e%2E', '%2E%2e', '%2E%2E'];
const isDot = (s: string) => DOTS.includes(s);
const isDoubleDot = (s: string) => isDot(s) && s.replace(/%2e/gi, '.') === '..';

/** A path of names and dot segments joined by "/" or "\", as a learner might type it. */
const typedPath = fc
  .array(fc.tuple(fc.constantFrom(...NAMES, ...DOTS), fc.constantFrom('/', '/', '\\')), { maxLength: 8 })
  .chain((parts) =>
    fc.constantFrom('', '/').map((lead) => lead + parts.map(([segment, sep], i) => (i === 0 ? segment : sep + segment)).join('')),
  );

/** Where the browser goes with "/ch/<stage>/<path>": the model of dot-segment removal. */
function modelResolve(written: string): string {
  const segments = written.slice(1).split(/[/\\]/);
  const out: string[] = [];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (isDoubleDot(segment)) {
      out.pop();
      if (last) out.push('');
    } else if (isDot(segment)) {
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  });
  return '/' + out.join('/');
}

describe('stagePathProblem: the issue’s paths', () => {
  it('refuses ../../api/stages, saying where the browser would go and where the playground sends', () => {
    expect(stagePathProblem('seed', '../../api/stages')).toEqual({
      kind: 'leaves-stage',
      resolved: '/api/stages',
      message: 'This path leaves the stage: the browser would resolve it to /api/stages. The playground only sends requests inside /ch/seed/.',
    });
  });

  it('refuses /%2e%2e/%2e%2e/api/log (the event stream), however the dots are spelled', () => {
    for (const path of ['/%2e%2e/%2e%2e/api/log', '/%2E%2E/%2e./api/log', '/.%2e/.%2E/api/log', '..\\..\\api\\log', '/a/../../../api/log', '.a/../../../api/log']) {
      const problem = stagePathProblem('no-cache', path);
      expect(problem?.kind, path).toBe('leaves-stage');
      expect(problem?.resolved, path).toBe('/api/log');
    }
  });

  it('refuses a path that only climbs to /ch/ or into another stage', () => {
    expect(stagePathProblem('seed', '/..')?.resolved).toBe('/ch/');
    expect(stagePathProblem('seed', '/../no-cache/index.html')).toMatchObject({ kind: 'leaves-stage', resolved: '/ch/no-cache/index.html' });
    // A stage whose name starts like this one's is another stage too.
    expect(stagePathProblem('seed', '/../seed-2/x')?.kind).toBe('leaves-stage');
  });
});

describe('browserTarget', () => {
  it('resolves as Chromium 156 does (recorded from its URL parser), where Node 20 does not', () => {
    // Node 20's URL keeps the first two as they are; Chromium, Firefox and the URL standard do not.
    expect(browserTarget('/ch/seed/.a/../../../api/log')).toEqual({ path: '/api/log' });
    expect(browserTarget('/ch/seed/.a/.')).toEqual({ path: '/ch/seed/.a/' });
    expect(browserTarget('/ch/seed/\\..\\..\\api')).toEqual({ path: '/ch/api' });
    expect(browserTarget('/ch/seed/in\tdex')).toEqual({ path: '/ch/seed/index' });
    expect(browserTarget('/ch/seed/x\u0001')).toEqual({ path: '/ch/seed/x' });
    expect(browserTarget('/ch/seed/x\u0001y')).toEqual({ path: '/ch/seed/x\u0001y' });
    expect(browserTarget('/ch/seed/.%2E/x')).toEqual({ path: '/ch/x' });
    expect(browserTarget('/ch/seed/%2e%2e%2e/x')).toEqual({ path: '/ch/seed/%2e%2e%2e/x' });
    expect(browserTarget('/ch/seed/a?\\x y#z')).toEqual({ path: '/ch/seed/a', query: '\\x y', fragment: 'z' });
    expect(browserTarget('/ch/seed/..%2f..')).toEqual({ path: '/ch/seed/..%2f..' });
    expect(browserTarget('/ch/seed/a/..')).toEqual({ path: '/ch/seed/' });
    expect(browserTarget('/ch/seed/a/.?q')).toEqual({ path: '/ch/seed/a/', query: 'q' });
    expect(browserTarget('/ch/seed/a?')).toEqual({ path: '/ch/seed/a', query: '' });
  });
});

describe('stagePathProblem: paths the browser would send otherwise', () => {
  it('refuses a fragment, which the browser keeps to itself', () => {
    const problem = stagePathProblem('seed', '/index.html#top');
    expect(problem?.kind).toBe('fragment');
    expect(problem?.message).toMatch(/never sends the part from “#” on.*%23/);
    expect(stagePathProblem('seed', '/index.html#')?.kind).toBe('fragment');
    expect(stagePathProblem('seed', '/index.html%23top')).toBeUndefined();
  });

  it('refuses dot segments that stay inside, saying what would be sent instead and how to send the dots', () => {
    const problem = stagePathProblem('seed', '/a/../index.html');
    expect(problem?.kind).toBe('rewritten');
    expect(problem?.resolved).toBe('/ch/seed/index.html');
    expect(problem?.message).toBe(
      'The browser would not send this path as written: it removes “.” and “..” segments (also when written %2e), so it would ask for /index.html. curl --path-as-is sends the dots as they are.',
    );
  });

  it('refuses a backslash in the path, which the browser reads as "/"', () => {
    const problem = stagePathProblem('seed', '/a\\index.html');
    expect(problem).toMatchObject({ kind: 'rewritten', resolved: '/ch/seed/a/index.html' });
    expect(problem?.message).toContain('it reads “\\” as “/”, so it would ask for /a/index.html. Write %5C');
  });

  it('refuses tabs and line breaks inside, and control characters at the end, which the browser drops', () => {
    for (const path of ['/in\tdex.html', '/in\ndex.html', '/index.html\u0001', '/index.html?a=1\r2']) {
      const problem = stagePathProblem('seed', path);
      expect(problem?.kind, JSON.stringify(path)).toBe('rewritten');
      expect(problem?.message).toContain('drops tabs, line breaks and control characters at the end');
    }
  });

  it('accepts what the browser sends as written, percent-encoding included', () => {
    for (const path of [
      '',
      '/',
      '/index.html',
      'monitor.css',
      '//index.html', // the leading slashes are the playground's own: it sends /ch/<stage>/index.html
      '  /index.html  ',
      '/a b.txt', // sent as /a%20b.txt: the same bytes
      '/é',
      '/%zz',
      '/...',
      '/..a/.b/c.',
      '/a%2eb',
      '/..%2f..%2fapi/stages', // %2f is not a "/" for the browser: it stays in the stage, which decides
      '/%252e%252e/x',
      '/index.html?x=../../api\\stages&q=a b',
      '/index.html?',
    ]) {
      expect(stagePathProblem('seed', path), JSON.stringify(path)).toBeUndefined();
    }
  });
});

describe('stagePathProblem: properties', () => {
  it('agrees with the dot-segment model on every typed path of names, dots, "/" and "\\"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), typedPath, (stage, path) => {
        const written = stageUrl(stage, path);
        const resolved = modelResolve(written);
        const problem = stagePathProblem(stage, path);
        if (!resolved.startsWith(`/ch/${stage}/`)) {
          expect(problem).toMatchObject({ kind: 'leaves-stage', resolved });
          expect(problem?.message).toContain(`resolve it to ${resolved}.`);
        } else if (resolved !== written) {
          expect(problem).toMatchObject({ kind: 'rewritten', resolved });
          expect(problem?.message).toContain(`ask for ${resolved.slice(`/ch/${stage}`.length)}.`);
        } else {
          expect(problem).toBeUndefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('judges the path alone: a query (without "#") changes nothing, whatever it holds', () => {
    const query = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).filter((c) => c !== 0x23).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), typedPath, query, (stage, path, q) => {
        const alone = stagePathProblem(stage, path);
        const withQuery = stagePathProblem(stage, `${path}?${q}`);
        expect(withQuery?.kind).toBe(alone?.kind);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses any "#": as a fragment when the path stays inside, as leaving when it does not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), typedPath, fc.string(), (stage, path, fragment) => {
        const leaves = stagePathProblem(stage, path)?.kind === 'leaves-stage';
        expect(stagePathProblem(stage, `${path}#${fragment}`)?.kind).toBe(leaves ? 'leaves-stage' : 'fragment');
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses an accepted path once a tab or line break is put inside it', () => {
    const accepted = fc
      .tuple(fc.constantFrom(...STAGES), typedPath)
      .filter(([stage, path]) => path.trim().length >= 2 && stagePathProblem(stage, path) === undefined);
    fc.assert(
      fc.property(accepted, fc.constantFrom('\t', '\n', '\r'), fc.nat(), ([stage, path], ch, at) => {
        const trimmed = path.trim();
        const i = 1 + (at % (trimmed.length - 1)); // strictly inside, so trim() cannot remove it
        expect(stagePathProblem(stage, trimmed.slice(0, i) + ch + trimmed.slice(i))?.kind).toBe('rewritten');
      }),
    );
  });

  it('never throws, and whatever it accepts the browser sends inside the stage, as written', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.constantFrom(...NAMES, ...DOTS, '/', '\\', '?', '#', '%', '\t', ' ', 'é', '%2f', '%5c')).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), anyText, (stage, path) => {
        const problem = stagePathProblem(stage, path);
        if (problem) return;
        const url = new URL(stageUrl(stage, path), 'http://example.test');
        expect(url.pathname.startsWith(`/ch/${stage}/`)).toBe(true);
        expect(path).not.toContain('#');
        const pathPart = path.trim().split('?')[0]!;
        expect(pathPart).not.toContain('\\');
        expect(path.trim()).not.toMatch(/[\t\n\r]/);
        expect(pathPart.split('/').some(isDot)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
