// What the raw request editor sends, from what the learner typed. The rules, each said in the UI:
// - every line break is sent as CRLF (HTTP/1.1's line ending, RFC 9112 section 2.2), in the body
//   too: a text area has only "\n" (browsers normalise its value to LF);
// - a head that does not end with a blank line gets one added, unless the learner turns that off
//   (to see a server wait for the rest of a request);
// - the text is sent as UTF-8, and there are no escapes: a backslash is a backslash, which is
//   the point of a traversal like "..\..\secret.txt". A NUL goes in a path as %00, as a client
//   would send it; the course does not offer raw control bytes.

export interface RequestBytes {
  bytes: Uint8Array;
  /** A blank line was added at the end, to end the head. */
  addedBlankLine: boolean;
}

/** The request line and fields a `target` stands for, as the editor's default text. */
export function defaultRequest(target: string, host = 'localhost'): string {
  return `GET ${target} HTTP/1.1\nHost: ${host}\n\n`;
}

/** "\r\n" and lone "\r" become "\n": the editor's own form (what a text area holds). */
export function editorText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function requestBytes(text: string, addBlankLine = true): RequestBytes {
  let lines = editorText(text);
  let addedBlankLine = false;
  if (addBlankLine && !lines.includes('\n\n')) {
    // No blank line anywhere: the head has not ended. End it (a request line alone included).
    lines += lines.endsWith('\n') ? '\n' : '\n\n';
    addedBlankLine = true;
  }
  return { bytes: new TextEncoder().encode(lines.replace(/\n/g, '\r\n')), addedBlankLine };
}
