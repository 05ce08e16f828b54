// Content-Type from the file name, using the maintained `mime` database.
import mime from 'mime';

/** The media type for a file name, or null when the extension is unknown. */
export function guessType(name: string): string | null {
  return mime.getType(name);
}

/** What a careful server sends: a charset for text, and a safe default for the unknown. */
export function contentTypeFor(name: string): string {
  const type = guessType(name) ?? 'application/octet-stream';
  const isText = type.startsWith('text/') || type === 'application/javascript' || type === 'application/json' || type === 'image/svg+xml';
  return isText ? `${type}; charset=utf-8` : type;
}
