// The static build's server in the browser, when this page runs it (site/main.tsx decides once,
// before the page renders). What the page needs of it comes from its own bundle
// (static/start-static.ts), so that none of it weighs on a page that has a real server.
export interface StaticMode {
  /** What differs in the demo frame, shown beside it. */
  frameNote: string;
  /** The stage's page for the demo frame's srcdoc, with a <base href> into the stage. */
  frameDocument(stage: string, page: string): Promise<string>;
}

let current: StaticMode | undefined;

export function setStaticMode(mode: StaticMode): void {
  current = mode;
}

/** Undefined when a course server answers (npm run dev, npm run serve). */
export function staticMode(): StaticMode | undefined {
  return current;
}
