import { describe, expect, it } from 'vitest';
import { withBaseHref } from './static-frame';

describe('withBaseHref', () => {
  it('puts the base first in the head, so every relative URL after it resolves into the stage', () => {
    expect(withBaseHref('<!doctype html><html><head lang="en"><link href="a.css"></head>', 'http://x/r/ch/s/')).toBe(
      '<!doctype html><html><head lang="en"><base href="http://x/r/ch/s/"><link href="a.css"></head>',
    );
  });
  it('puts it first of all when the page has no head tag, and escapes the URL', () => {
    expect(withBaseHref('<p>hi', 'http://x/"a&b/')).toBe('<base href="http://x/&quot;a&amp;b/"><p>hi');
  });
});
