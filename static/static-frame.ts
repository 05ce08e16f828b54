// The demo frame in the static build. msw 2's worker lets navigations go to the network (its
// mockServiceWorker.js skips requests whose mode is "navigate"), so a frame pointed at a stage
// would get the static host's 404. Instead the page fetches the stage's page (a request the
// in-browser stage answers and the log records) and writes it into the frame with srcdoc, with a
// <base href> into the stage: the frame's stylesheet, scripts and images then reach the stage too.

/** The page with `<base href>` first in its head (or first of all, when it has no head tag). */
export function withBaseHref(html: string, href: string): string {
  const tag = `<base href="${href.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
