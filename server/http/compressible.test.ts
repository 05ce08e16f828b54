import { describe, expect, it } from 'vitest';
import { contentTypeFor } from './content-type';
import { isCompressible } from './compressible';

describe('isCompressible', () => {
  it.each(['index.html', 'app.js', 'app.mjs', 'style.css', 'routes.json', 'icon.svg', 'notes.txt', 'feed.xml', 'site.webmanifest', 'a.map'])(
    'is true for %s',
    (name) => {
      expect(isCompressible(contentTypeFor(name))).toBe(true);
    },
  );
  it.each(['logo.png', 'photo.jpg', 'font.woff2', 'font.woff', 'clip.mp4', 'archive.zip', 'archive.gz', 'image.webp', 'VERSION'])(
    'is false for %s',
    (name) => {
      expect(isCompressible(contentTypeFor(name))).toBe(false);
    },
  );
  it('ignores parameters and case', () => {
    expect(isCompressible('Text/HTML; charset=utf-8')).toBe(true);
    expect(isCompressible('image/svg+xml;charset=utf-8')).toBe(true);
  });
});
