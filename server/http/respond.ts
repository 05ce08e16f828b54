// The course shows headers as they go over the wire. A fetch `Headers` object lower-cases every
// name and sorts them, so once a stage's answer has been read as a `Response`, the case and
// order the stage wrote are gone. `respond` keeps them: it remembers, for each Response it
// makes, the status, the header fields in the order and case given, and the body as given.
// The course app adds its own header after the stage's, and the Node side writes exactly that.
//
// A stage that builds `new Response(...)` itself still works; its headers then come out as the
// Headers object has them (lower case, sorted).

export type HeaderPairs = [string, string][];

/** A byte range of a file on disk, sent without reading it into memory first. */
export interface FileBody {
  path: string;
  start: number;
  /** Inclusive, as in fs.createReadStream. */
  end: number;
  /** The same bytes as a web stream, opened only when first read. */
  toWebStream(): ReadableStream<Uint8Array>;
}

export type WrittenBody = string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | FileBody | null;

export interface Written {
  status: number;
  headers: HeaderPairs;
  body: WrittenBody;
  /** A reason phrase of the stage's own for the status line, instead of the standard one. */
  reason?: string;
}

// Kept on the Response under a symbol rather than in a WeakMap: the course app makes two
// Responses per exchange, and a WeakMap entry per Response cost the garbage collector more.
const WRITTEN = Symbol('as written');
type WithWritten = Response & { [WRITTEN]?: Written };

/**
 * `reason`, when given, replaces the standard reason phrase in the status line (the 2008 server
 * put its error message there). RFC 9112, 4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text );
 * anything else is dropped and the standard phrase is sent.
 */
export function respond(
  status: number,
  headers: HeaderPairs | Record<string, string>,
  body: WrittenBody = null,
  reason?: string,
): Response {
  const pairs: HeaderPairs = Array.isArray(headers) ? headers : Object.entries(headers);
  const ownReason = reason !== undefined && REASON_PHRASE.test(reason) ? reason : undefined;
  // A plain object keeps the names' case and order for node:http (through the adapter).
  // (A web Headers object reads a repeated name's list as one comma-joined value.)
  const init: ResponseInit = {
    status,
    ...(ownReason === undefined ? {} : { statusText: ownReason }),
    headers: headerRecord(pairs) as unknown as Record<string, string>,
  };
  const response = isFileBody(body) ? new FileResponse(body, init) : new Response(body, init);
  (response as WithWritten)[WRITTEN] = ownReason === undefined ? { status, headers: pairs, body } : { status, headers: pairs, body, reason: ownReason };
  return response;
}

const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]+$/;

/** What the stage wrote, or the closest a plain Response can tell. */
export function asWritten(response: Response): Written {
  return (response as WithWritten)[WRITTEN] ?? { status: response.status, headers: [...response.headers], body: response.body };
}

export function isFileBody(body: unknown): body is FileBody {
  return typeof body === 'object' && body !== null && 'toWebStream' in body;
}

/**
 * Pairs as a record for node:http's writeHead, which writes an object's keys in order and as
 * spelled; a name given twice becomes a list (written as two field lines).
 */
export function headerRecord(pairs: HeaderPairs): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const seen = record[name];
    record[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return record;
}

/**
 * A Response over a file whose web stream is made only when someone reads the body. Through
 * node the file is sent from disk (send-file.ts) and the body is never read: making a
 * ReadableStream for every answer cost about a sixth of the CPU of a 1 MiB answer, most of it
 * in garbage collection (docs/performance.md). Read in-process, it is the same bytes.
 */
class FileResponse extends Response {
  readonly #file: FileBody;
  #read: Response | undefined;

  constructor(file: FileBody, init: ResponseInit) {
    super(null, init);
    this.#file = file;
  }

  static {
    // Defined on the prototype, not as class members: node's types declare Response's methods
    // and body as properties, which a subclass may not redefine as methods or accessors.
    const withBody = (response: FileResponse): Response => (response.#read ??= new Response(response.#file.toWebStream()));
    const reads = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;
    Object.defineProperties(FileResponse.prototype, {
      body: { configurable: true, get: function (this: FileResponse) { return withBody(this).body; } },
      bodyUsed: { configurable: true, get: function (this: FileResponse) { return this.#read?.bodyUsed ?? false; } },
      ...Object.fromEntries(
        reads.map((name) => [
          name,
          { configurable: true, writable: true, value: function (this: FileResponse) { return (withBody(this) as unknown as Record<string, () => unknown>)[name]!(); } },
        ]),
      ),
      clone: {
        configurable: true,
        writable: true,
        value: function (this: FileResponse) {
          const copy = new FileResponse(this.#file, { status: this.status, statusText: this.statusText, headers: this.headers });
          (copy as WithWritten)[WRITTEN] = (this as WithWritten)[WRITTEN];
          return copy;
        },
      },
    });
  }
}
