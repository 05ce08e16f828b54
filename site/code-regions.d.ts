// Types of the virtual module made by site/vite/regions-plugin.ts.
declare module 'virtual:code-regions' {
  /** file (relative to the repo root) → region name → plain code and highlighted HTML. */
  export const regions: Record<string, Record<string, { code: string; html: string }>>;
  /** What is wrong with the chapters' references (empty when all is well). */
  export const problems: string[];
}
