// The request-header table of the playground: rows a learner adds, edits, switches on and off.

export interface HeaderRow {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

let counter = 0;
/** A fresh row id (for React keys; never shown). */
export function rowId(): string {
  counter += 1;
  return `h${counter}`;
}

export function newRow(name = '', value = '', enabled = true): HeaderRow {
  return { id: rowId(), name, value, enabled };
}

/** A header name must be an HTTP token, or fetch refuses the whole request. */
export function isValidHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}

/** Names a page may not set: fetch drops them without a word (the Fetch standard's forbidden request headers). */
const FORBIDDEN = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin',
  'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);

/** True when the browser will not send a field of this name from a page, whatever its value. */
export function isForbiddenHeaderName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  return FORBIDDEN.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-');
}

/** True for the course's own tags (common/exchange.ts), which the server takes off. */
export function isCourseTagName(name: string): boolean {
  return name.trim().toLowerCase().startsWith('x-cachecraft-');
}

/**
 * Why an enabled row will not be sent as written, to show beside it; undefined when it will be.
 * (A name with characters a header cannot have stops the whole send instead: see invalidHeaderNames.)
 */
export function rowProblem(row: HeaderRow): string | undefined {
  if (!row.enabled) return undefined;
  const name = row.name.trim();
  if (name === '') return row.value.trim() === '' ? undefined : 'No name: this row is not sent.';
  if (isForbiddenHeaderName(name)) {
    return `Not sent: a page may not set ${name}; the browser sends its own (or none). curl can send it.`;
  }
  if (isCourseTagName(name)) return `Not sent: the course uses ${name} for itself, and the server takes it off.`;
  return undefined;
}

/** The [name, value] pairs to send: enabled rows with a name the browser lets a page set, in table order. */
export function requestHeaders(rows: readonly HeaderRow[]): [string, string][] {
  return rows
    .filter((r) => r.enabled && r.name.trim() !== '' && !isForbiddenHeaderName(r.name) && !isCourseTagName(r.name))
    .map((r) => [r.name.trim(), r.value.trim()]);
}

/** A value fetch accepts: no control characters, nothing beyond Latin-1 (headers are bytes). */
export function isValidHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

/** Names of enabled rows whose value fetch would reject. */
export function invalidHeaderValues(rows: readonly HeaderRow[]): string[] {
  return requestHeaders(rows)
    .filter(([, value]) => !isValidHeaderValue(value))
    .map(([name]) => name);
}

/** Names of enabled rows that fetch would reject, to show before sending. */
export function invalidHeaderNames(rows: readonly HeaderRow[]): string[] {
  return requestHeaders(rows)
    .map(([name]) => name)
    .filter((name) => !isValidHeaderName(name));
}

/**
 * Sets a header: updates the first row with that name (case-insensitive) and enables it, or adds a
 * row at the end. Other rows with the same name are switched off so only one value is sent.
 */
export function setHeader(rows: readonly HeaderRow[], name: string, value: string): HeaderRow[] {
  const wanted = name.toLowerCase();
  const index = rows.findIndex((r) => r.name.trim().toLowerCase() === wanted);
  if (index === -1) return [...rows, newRow(name, value)];
  return rows.map((r, i) => {
    if (i === index) return { ...r, value, enabled: true };
    if (r.name.trim().toLowerCase() === wanted) return { ...r, enabled: false };
    return r;
  });
}

export function updateRow(rows: readonly HeaderRow[], id: string, change: Partial<Omit<HeaderRow, 'id'>>): HeaderRow[] {
  return rows.map((r) => (r.id === id ? { ...r, ...change } : r));
}

export function removeRow(rows: readonly HeaderRow[], id: string): HeaderRow[] {
  return rows.filter((r) => r.id !== id);
}
