// An ETag is a quoted string, maybe with W/ in front: `"abc"`, `W/"abc"`.
import { fieldValues, type CheckedResponse, type Finding } from './finding';

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110, 8.8.3).
const ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** The ETag's syntax: one field line, one quoted entity-tag. */
export function etagSyntaxRule(response: CheckedResponse): Finding[] {
  const values = fieldValues(response.responseHeaders, 'etag');
  if (values.length === 0) return [];
  if (values.length > 1) {
    return [{ rule: 'etag-syntax', level: 'error', message: `ETag is sent ${values.length} times: a response has one entity tag.`, cite: 'RFC 9110, 8.8.3' }];
  }
  const value = values[0]!.trim();
  if (ENTITY_TAG.test(value)) {
    return [{ rule: 'etag-syntax', level: 'good', message: `ETag ${value} is a quoted entity tag${value.startsWith('W/') ? ' (weak)' : ' (strong)'}.`, cite: 'RFC 9110, 8.8.3' }];
  }
  const hint = /^w\//.test(value) ? 'the weak prefix is W/, upper case' : /^[^"]*$/.test(value) ? `quotes are required: "${value}"` : 'a tag is W/ (optional), then a string in double quotes, with no space or quote inside';
  return [{ rule: 'etag-syntax', level: 'error', message: `ETag ${value} is not a valid entity tag: ${hint}. A client may ignore it or send it back in a form the server does not match.`, cite: 'RFC 9110, 8.8.3' }];
}
