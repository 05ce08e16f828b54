// Error answers. The request's own words are escaped before they go into HTML, so a path such
// as /<script>… is shown as text and never run (the 2008 server echoed the URL into its page).

import { standardReason } from '../../common/reason-phrases';
import { respond } from './respond';

/**
 * Sent by the fixed stages and the course app on every answer: the browser must take the
 * Content-Type as given, never guess ("sniff") another, e.g. run an uploaded text as script.
 */
export const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' } as const;

// #region escape-html
/** & < > " ' as character references: text from the request can never open a tag or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
// #endregion

export function reasonPhrase(status: number): string {
  return standardReason(status) ?? 'Error';
}

export function errorPage(status: number, detail: string, headers: Record<string, string> = {}): Response {
  const title = `${status} ${reasonPhrase(status)}`;
  const html =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n` +
    `<body><h1>${title}</h1><p>${escapeHtml(detail)}</p></body></html>\n`;
  // Content-Length written here, not left to the adapter: it then comes in the same place for
  // GET and HEAD (the adapter puts its own at different places for the two).
  const length = String(new TextEncoder().encode(html).length);
  return respond(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': length, ...NOSNIFF, ...headers }, html);
}

/**
 * 412 Precondition Failed (RFC 9110, 15.5.13): the condition in `header` (If-Match,
 * If-Unmodified-Since, or If-None-Match on a method other than GET and HEAD) is false.
 */
export function preconditionFailed(header: string): Response {
  return errorPage(412, `The condition in ${header} is false: the file is not in the state this request expects.`);
}
