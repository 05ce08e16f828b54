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

/** The [name, value] pairs to send: enabled rows with a name, in table order. */
export function requestHeaders(rows: readonly HeaderRow[]): [string, string][] {
  return rows.filter((r) => r.enabled && r.name.trim() !== '').map((r) => [r.name.trim(), r.value.trim()]);
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
