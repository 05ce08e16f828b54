// Node side of code regions: read the files, collect their regions, and check every
// <Code file=… region=…> reference in chapters/*/index.mdx. Used by the Vite plugin and by the tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAPTERS_FOLDER } from './chapter-sources';
import { extractRegions, findRegionReferences, RegionError, type RegionReference } from './regions';

/** Folders whose .ts files always have their regions available, relative to the repo root. */
export const REGION_FOLDERS = ['server'];

export interface ChapterReference extends RegionReference {
  /** The chapter file, relative to the root, e.g. "chapters/01-no-cache/index.mdx". */
  chapter: string;
}

/** The text of every chapter folder (chapters/NN-slug/index.mdx), whatever else is wrong with it. */
export function chapterFiles(root: string): string[] {
  const folder = path.join(root, CHAPTERS_FOLDER);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'index.mdx')))
    .map((entry) => `${CHAPTERS_FOLDER}/${entry.name}/index.mdx`)
    .sort();
}

export function chapterReferences(root: string): ChapterReference[] {
  return chapterFiles(root).flatMap((chapter) => {
    const source = readFileSync(path.join(root, chapter), 'utf8');
    try {
      return findRegionReferences(source).map((ref) => ({ ...ref, chapter }));
    } catch (error) {
      throw new RegionError(`${chapter}: ${(error as Error).message}`);
    }
  });
}

/** Every .ts file under the region folders (tests and node_modules left out), relative paths. */
export function regionSourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(child);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) found.push(child);
    }
  };
  REGION_FOLDERS.forEach(walk);
  return found.sort();
}

export interface RegionIndex {
  /** file → region name → code. */
  files: Map<string, Map<string, string>>;
  /** Human-readable problems: a chapter names a missing file or region, or a file's markers are broken. */
  problems: string[];
}

/** Regions of every server file plus every file a chapter names, and what is wrong with them. */
export function buildRegionIndex(root: string): RegionIndex {
  const files = new Map<string, Map<string, string>>();
  const problems: string[] = [];
  const references = chapterReferences(root);
  const wanted = new Set([...regionSourceFiles(root), ...references.map((r) => r.file)]);

  for (const file of wanted) {
    const absolute = path.resolve(root, file);
    if (!absolute.startsWith(path.resolve(root) + path.sep) || !existsSync(absolute)) continue;
    try {
      files.set(file, extractRegions(readFileSync(absolute, 'utf8')));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }

  for (const ref of references) {
    const where = `${ref.chapter}:${ref.line} <Code file="${ref.file}" region="${ref.region}">`;
    const regions = files.get(ref.file);
    if (!regions) {
      problems.push(`${where}: file "${ref.file}" does not exist (or its region markers are broken)`);
    } else if (!regions.has(ref.region)) {
      const known = [...regions.keys()].join(', ') || 'none';
      problems.push(`${where}: no region "${ref.region}" in ${ref.file} (regions there: ${known})`);
    }
  }
  return { files, problems };
}
