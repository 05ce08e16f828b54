// What the unconditional GET told us: the validators every case builds its request from.
import { parseHttpDate } from '../server/http/http-date';
import { header, type ParsedResponse } from './response';

export interface Probe {
  /** The answer to a plain GET of the URL (a 2xx, or the run stops). */
  ok: ParsedResponse;
  etag?: string;
  lastModified?: string;
  /** Last-Modified read as an HTTP-date; undefined when absent or not a date. */
  lastModifiedTime?: number;
  date?: string;
  dateTime?: number;
}

export function readProbe(ok: ParsedResponse): Probe {
  const etag = header(ok.fields, 'ETag');
  const lastModified = header(ok.fields, 'Last-Modified');
  const date = header(ok.fields, 'Date');
  return {
    ok,
    etag,
    lastModified,
    lastModifiedTime: (lastModified !== undefined ? parseHttpDate(lastModified) : null) ?? undefined,
    date,
    dateTime: (date !== undefined ? parseHttpDate(date) : null) ?? undefined,
  };
}
