// A request for the precondition checks, without a real Request: any method and any field
// value (a fetch Headers object refuses some bytes, and property tests want to send them).
import type { ConditionalRequest } from '../http/condition';

export function conditionalRequest(fields: Record<string, string> = {}, method = 'GET'): ConditionalRequest {
  const byName = new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, headers: { get: (name) => byName.get(name.toLowerCase()) ?? null } };
}
