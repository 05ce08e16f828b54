// One-click request headers for the experiments of the course. Dates are IMF-fixdate, computed
// when the button is pressed.
import { formatAsctimeDate, formatHttpDate, formatRfc850Date } from '../server/http/http-date';

export interface HeaderPreset {
  /** The button text. */
  label: string;
  name: string;
  value: (now: Date) => string;
}

const HOUR_MS = 60 * 60 * 1000;

export const HEADER_PRESETS: HeaderPreset[] = [
  { label: 'If-Modified-Since: now', name: 'If-Modified-Since', value: (now) => formatHttpDate(now) },
  {
    label: 'If-Modified-Since: 1 hour ago',
    name: 'If-Modified-Since',
    value: (now) => formatHttpDate(new Date(now.getTime() - HOUR_MS)),
  },
  { label: 'If-Modified-Since: garbage', name: 'If-Modified-Since', value: () => 'garbage' },
  { label: 'If-None-Match: "anything"', name: 'If-None-Match', value: () => '"anything"' },
  { label: 'Cache-Control: no-cache', name: 'Cache-Control', value: () => 'no-cache' },
  // Chapter "echoed-date": the obsolete date forms, and the suffix old clients added. (No label
  // contains another: tests find the buttons by name.)
  { label: 'If-Modified-Since: RFC 850 form (now)', name: 'If-Modified-Since', value: (now) => formatRfc850Date(now) },
  { label: 'If-Modified-Since: asctime form (now)', name: 'If-Modified-Since', value: (now) => formatAsctimeDate(now) },
  { label: 'If-Modified-Since: with "; length=615" (now)', name: 'If-Modified-Since', value: (now) => `${formatHttpDate(now)}; length=615` },
  // Chapter "etag": a tag no server here ever sends. The etag stage answers 200; the seed, 304.
  { label: 'If-None-Match: "never-sent-by-this-server"', name: 'If-None-Match', value: () => '"never-sent-by-this-server"' },
  // Chapter 5: a date older than any file, so a stale date, to set against a matching tag.
  { label: 'If-Modified-Since: 1 Jan 2000', name: 'If-Modified-Since', value: () => 'Sat, 01 Jan 2000 00:00:00 GMT' },
];
