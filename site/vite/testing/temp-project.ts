// For tests of the build plugins: a throwaway project root holding a few files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `test` on a fresh folder holding `files` (path relative to the root → text), then removes it. */
export async function withProject(files: Record<string, string>, test: (root: string) => void | Promise<void>): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'cachecraft-project-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    await test(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A chapter's index.mdx with these front-matter fields. */
export const chapterText = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\nText.\n`;

/** Front matter that passes the schema. */
export const GOOD_FRONTMATTER = { title: 'T', part: 'Validators', stage: 's', summary: 'S' };
