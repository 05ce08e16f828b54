import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegions, findRegionReferences, languageOf, RegionError } from './regions';
import { buildRegionIndex, chapterReferences } from './region-sources';
import { withProject } from './testing/temp-project';

const root = path.resolve(import.meta.dirname, '../..');

describe('extractRegions', () => {
  it('cuts a region, drops the markers and the common indentation', () => {
    const source = ['a', '  // #region r', '    if (x) {', '      y();', '    }', '  // #endregion', 'b'].join('\n');
    expect(extractRegions(source).get('r')).toBe('if (x) {\n  y();\n}');
  });

  it('nests: the outer region holds the inner code but not the inner markers', () => {
    const regions = extractRegions(readFileSync(path.join(import.meta.dirname, 'fixtures/sample.ts'), 'utf8'));
    expect(regions.get('inner')).toBe('if (a > 0) {\n  return a;\n}');
    expect(regions.get('whole-body')).toBe('const a = 1;\nif (a > 0) {\n  return a;\n}\nreturn 0;');
  });

  it('accepts CSS and HTML comment markers and a name after #endregion', () => {
    const css = '/* #region colours */\nbody { color: red; }\n/* #endregion colours */';
    const html = '<!-- #region head -->\n<title>x</title>\n<!-- #endregion -->';
    expect(extractRegions(css).get('colours')).toBe('body { color: red; }');
    expect(extractRegions(html).get('head')).toBe('<title>x</title>');
  });

  it('keeps blank lines inside a region but trims them at the ends', () => {
    expect(extractRegions('// #region r\n\n  a\n\n  b\n\n// #endregion').get('r')).toBe('a\n\nb');
  });

  it('does not treat "#region" inside ordinary code as a marker', () => {
    expect(extractRegions('const s = "// #region nope";').size).toBe(0);
  });

  it('throws on an unclosed region, naming it', () => {
    expect(() => extractRegions('// #region open\ncode')).toThrow(RegionError);
    expect(() => extractRegions('// #region open\ncode')).toThrow(/"open".*never closed/);
  });

  it('throws on a stray #endregion and on a duplicate name', () => {
    expect(() => extractRegions('code\n// #endregion')).toThrow(/without a #region/);
    expect(() => extractRegions('// #region a\n// #endregion\n// #region a\n// #endregion')).toThrow(/twice/);
  });
});

describe('findRegionReferences', () => {
  it('finds <Code> tags with attributes in any order and either quote', () => {
    const mdx = 'Text\n\n<Code file="a.ts" region="one" />\n\n<Code region=\'two\' file=\'b.ts\'/>';
    expect(findRegionReferences(mdx)).toEqual([
      { file: 'a.ts', region: 'one', line: 3 },
      { file: 'b.ts', region: 'two', line: 5 },
    ]);
  });

  it('ignores <Code> inside fenced code blocks', () => {
    const mdx = '```mdx\n<Code file="x.ts" region="y" />\n```\n<Code file="a.ts" region="b" />';
    expect(findRegionReferences(mdx)).toEqual([{ file: 'a.ts', region: 'b', line: 4 }]);
  });

  it('rejects a <Code> without a literal file or region', () => {
    expect(() => findRegionReferences('<Code file={name} region="x" />')).toThrow(/line 1/);
  });
});

describe('languageOf', () => {
  it('maps extensions to shiki languages', () => {
    expect(languageOf('server/http/http-date.ts')).toBe('ts');
    expect(languageOf('server/samples/monitor.css')).toBe('css');
    expect(languageOf('README')).toBe('text');
  });
});

describe('the chapters', () => {
  const references = chapterReferences(root);

  it('have at least one <Code> reference to check', () => {
    expect(references.length).toBeGreaterThan(0);
  });

  // One test per reference, so a failure names the chapter, the file and the region.
  it.each(references.map((r) => [`${r.chapter}:${r.line} ${r.file}#${r.region}`, r] as const))(
    'reference %s exists',
    (_, ref) => {
      const file = path.join(root, ref.file);
      expect(existsSync(file), `${ref.chapter} names ${ref.file}, which does not exist`).toBe(true);
      const regions = extractRegions(readFileSync(file, 'utf8'));
      expect([...regions.keys()], `${ref.chapter}:${ref.line} wants region "${ref.region}" of ${ref.file}`).toContain(
        ref.region,
      );
    },
  );
});

describe('buildRegionIndex', () => {
  it('names the chapter, line, file and region of a missing region, and of a missing file', () =>
    withProject(
      {
        'server/http/a.ts': '// #region here\nx();\n// #endregion\n',
        'chapters/01-x/index.mdx':
          '# X\n\n<Code file="server/http/a.ts" region="here" />\n<Code file="server/http/a.ts" region="gone" />\n<Code file="server/nope.ts" region="r" />\n',
      },
      (fake) => {
        const { files, problems } = buildRegionIndex(fake);
        expect(files.get('server/http/a.ts')?.get('here')).toBe('x();');
        expect(problems).toEqual([
          'chapters/01-x/index.mdx:4 <Code file="server/http/a.ts" region="gone">: no region "gone" in server/http/a.ts (regions there: here)',
          'chapters/01-x/index.mdx:5 <Code file="server/nope.ts" region="r">: file "server/nope.ts" does not exist (or its region markers are broken)',
        ]);
      },
    ));
});
