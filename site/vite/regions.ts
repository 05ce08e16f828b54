// Pure helpers behind <Code file=… region=…>: cut named regions out of a source file, and find
// which regions the chapters ask for. No file system here, so it is easy to test.
//
// A region is marked by a line holding only a comment with `#region <name>`, closed by a line
// holding only `#endregion` (an optional name after it is ignored). Regions may nest; the marker
// lines are never shown, and the common indentation of the region is removed.

/** The comment forms a marker line may use: `// #region x`, `/* #region x *\/`, `<!-- #region x -->`, `# #region x`. */
const REGION_START = /^\s*(?:\/\/|\/\*|<!--|#)\s*#region\s+([\w.-]+)\s*(?:\*\/|-->)?\s*$/;
const REGION_END = /^\s*(?:\/\/|\/\*|<!--|#)\s*#endregion\b.*$/;

export class RegionError extends Error {}

/** Every region of `source`, by name, as plain (dedented) code without marker lines. */
export function extractRegions(source: string): Map<string, string> {
  const lines = source.split(/\r?\n/);
  const open: { name: string; lines: string[]; startLine: number }[] = [];
  const regions = new Map<string, string>();

  lines.forEach((line, index) => {
    const start = REGION_START.exec(line);
    if (start) {
      const name = start[1]!;
      if (regions.has(name) || open.some((r) => r.name === name)) {
        throw new RegionError(`region "${name}" is defined twice (line ${index + 1})`);
      }
      open.push({ name, lines: [], startLine: index + 1 });
      return;
    }
    if (REGION_END.test(line)) {
      const region = open.pop();
      if (!region) throw new RegionError(`#endregion without a #region (line ${index + 1})`);
      regions.set(region.name, dedent(region.lines));
      return;
    }
    // A line belongs to every region that is open around it (that is what nesting means).
    for (const region of open) region.lines.push(line);
  });

  const unclosed = open[open.length - 1];
  if (unclosed) {
    throw new RegionError(`region "${unclosed.name}" (line ${unclosed.startLine}) is never closed by #endregion`);
  }
  return regions;
}

/** Removes the indentation shared by all non-blank lines, and blank lines at both ends. */
export function dedent(lines: string[]): string {
  const trimmed = [...lines];
  while (trimmed.length > 0 && trimmed[0]!.trim() === '') trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.trim() === '') trimmed.pop();
  const indents = trimmed.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return trimmed.map((l) => (l.trim() === '' ? '' : l.slice(common))).join('\n');
}

export interface RegionReference {
  file: string;
  region: string;
  /** 1-based line in the MDX file, for error messages. */
  line: number;
}

/**
 * Every `<Code file="…" region="…" />` in an MDX source, attributes in any order, quoted with
 * ' or ". Fenced code blocks are skipped, so a chapter can show the syntax without using it.
 */
export function findRegionReferences(mdxSource: string): RegionReference[] {
  const withoutFences = mdxSource.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) =>
    block.replace(/[^\n]/g, ' '),
  );
  const references: RegionReference[] = [];
  for (const match of withoutFences.matchAll(/<Code\b([^>]*?)\/?>/g)) {
    const attributes = match[1] ?? '';
    const file = attribute(attributes, 'file');
    const region = attribute(attributes, 'region');
    const line = withoutFences.slice(0, match.index).split('\n').length;
    if (file === undefined || region === undefined) {
      throw new RegionError(`<Code> on line ${line} needs both file="…" and region="…" as plain strings`);
    }
    references.push({ file, region, line });
  }
  return references;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Shiki language for a file name; plain text when we do not know it. */
export function languageOf(file: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  const known: Record<string, string> = {
    ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', jsx: 'jsx', css: 'css', html: 'html', json: 'json', py: 'python',
  };
  return known[extension] ?? 'text';
}
