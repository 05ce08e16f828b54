// Whether this page runs the static build's server in the browser (site/main.tsx decides once,
// before the page renders). Where it matters, the page says what differs (the demo frame).
let staticMode = false;

export function setStaticMode(): void {
  staticMode = true;
}

export function isStaticMode(): boolean {
  return staticMode;
}
