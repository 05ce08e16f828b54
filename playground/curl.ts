// "Copy as curl": the same request, for a terminal.

/** Quotes one word for a POSIX shell: single quotes, with ' written as '\''. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\/:.,=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function toCurl(request: { method: string; url: string; headers: readonly (readonly [string, string])[] }): string {
  const words = ['curl', '-i'];
  // HEAD needs -I: with -X HEAD curl would wait for a body that never comes.
  if (request.method === 'HEAD') words.push('-I');
  else if (request.method !== 'GET') words.push('-X', request.method);
  for (const [name, value] of request.headers) words.push('-H', `${name}: ${value}`);
  // -g: curl would read [ ] { } in a URL as its own ranges and lists.
  if (/[[\]{}]/.test(request.url)) words.push('-g');
  words.push(request.url);
  return words.map(shellQuote).join(' ');
}

/**
 * The URL the browser sends for a path typed in the playground: percent-encoded as the browser
 * encodes it (a space as %20), without a fragment (never sent). curl refuses a raw space.
 */
export function sentUrl(origin: string, pathUrl: string): string {
  const url = new URL(pathUrl, origin);
  return url.origin + url.pathname + url.search;
}
