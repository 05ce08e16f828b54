// A request for the precondition checks, without a real Request: any method and any field
// value (a fetch Headers object refuses some bytes, and property tests want to send them).
import fc from 'fast-check';
import type { ConditionalRequest } from '../http/condition';

export function conditionalRequest(fields: Record<string, string> = {}, method = 'GET'): ConditionalRequest {
  const byName = new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));
  return { method, headers: { get: (name) => byName.get(name.toLowerCase()) ?? null } };
}

/**
 * Any field value a server can receive: node reads field bytes as latin1, so every character is
 * in U+0000..U+00FF (controls, obs-text); a few beyond that for good measure. Cheaper than
 * fc.string({ unit: 'binary' }), whose first use in each test file costs over a second.
 */
export const anyFieldValue = fc.string({ unit: fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)), maxLength: 60 });
