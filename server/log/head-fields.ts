// A response head, as node writes it, read back into its fields. No node: module, so the request
// log can use it in the browser too (the static build).
import type { HeaderPairs } from '../http/respond';

/** "HTTP/1.1 200 OK\r\nA: b\r\n…\r\n\r\n" → [["A", "b"], …] */
export function fieldsOf(head: string): HeaderPairs {
  // A plain loop: this runs for every exchange the course app logs.
  const fields: HeaderPairs = [];
  let start = head.indexOf('\r\n') + 2;
  while (start > 1 && start < head.length) {
    let end = head.indexOf('\r\n', start);
    if (end < 0) end = head.length;
    if (end > start) {
      const colon = head.indexOf(':', start);
      if (colon > start && colon < end) fields.push([head.slice(start, colon), head.slice(colon + 1, end).trim()]);
      else fields.push([head.slice(start, end), '']);
    }
    start = end + 2;
  }
  return fields;
}
