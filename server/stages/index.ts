// Every stage the course serves, in course order: the one place a stage is registered, one line
// each (with its import). The app, `npm run serve -- --stage` and the tests all read this list;
// docs/adding-a-chapter.md.
import { dateReplicaCopy } from './etag-vs-last-modified-replica';
import { echoedDateExactStage } from './echoed-date-exact';
import { echoedDateStage } from './echoed-date';
import { etagStage, etagWeakStage } from './etag';
import { etagVsLastModifiedStage } from './etag-vs-last-modified';
import { lastModifiedStage } from './last-modified';
import { noCacheStage } from './no-cache';
import { pathStrippingStage } from './path-stripping';
import { seedStage } from './seed';
import type { StageDefinition } from './stage';

export const STAGES: StageDefinition[] = [
  { slug: 'seed', title: 'The 2008 server, bugs included', create: seedStage },
  { slug: 'no-cache', title: 'A file server that never caches', create: noCacheStage },
  { slug: 'last-modified', title: 'Last-Modified and If-Modified-Since', create: lastModifiedStage },
  { slug: 'seed-chicago', title: 'The 2008 server on a clock at UTC-5 (Chicago in summer, CDT)', create: (files) => seedStage(files, { utcOffsetMinutes: -5 * 60 }) },
  { slug: 'seed-tokyo', title: 'The 2008 server on a clock at UTC+9 (Tokyo)', create: (files) => seedStage(files, { utcOffsetMinutes: 9 * 60 }) },
  { slug: 'echoed-date-exact', title: 'The date the browser sends back, compared exactly (nginx)', create: echoedDateExactStage },
  { slug: 'echoed-date', title: 'The date the browser sends back, compared as a date', create: echoedDateStage },
  { slug: 'etag-weak', title: 'ETag and If-None-Match (a weak tag from size and mtime)', create: etagWeakStage },
  { slug: 'etag', title: 'ETag and If-None-Match (a hash of the content)', create: etagStage },
  // The replica (chapter 5's "two servers behind one name") comes first: the last stage is the chapter's own.
  { slug: 'etag-vs-last-modified-replica', title: 'The same server, a replica with other mtimes', create: etagVsLastModifiedStage, prepareCopy: dateReplicaCopy },
  { slug: 'etag-vs-last-modified', title: 'ETag or Last-Modified: which one wins', create: etagVsLastModifiedStage },
  { slug: 'path-stripping', title: 'Serving files safely', create: pathStrippingStage },
];

export function findStage(slug: string): StageDefinition | undefined {
  return STAGES.find((stage) => stage.slug === slug);
}

export type { Stage, StageDefinition } from './stage';
