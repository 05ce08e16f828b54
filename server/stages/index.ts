// Every stage the course serves, in course order: the one place a stage is registered, one line
// each (with its import). The app, `npm run serve -- --stage` and the tests all read this list;
// docs/adding-a-chapter.md.
import { echoedDateStage } from './echoed-date';
import { echoedDateExactStage } from './echoed-date-exact';
import { lastModifiedStage } from './last-modified';
import { noCacheStage } from './no-cache';
import { seedStage } from './seed';
import type { StageDefinition } from './stage';

export const STAGES: StageDefinition[] = [
  { slug: 'seed', title: 'The 2008 server, bugs included', create: seedStage },
  { slug: 'no-cache', title: 'A file server that never caches', create: noCacheStage },
  { slug: 'last-modified', title: 'Last-Modified and If-Modified-Since', create: lastModifiedStage },
  { slug: 'seed-chicago', title: 'The 2008 server on a clock at UTC-5 (Chicago in summer, CDT)', create: (root) => seedStage(root, { utcOffsetMinutes: -5 * 60 }) },
  { slug: 'seed-tokyo', title: 'The 2008 server on a clock at UTC+9 (Tokyo)', create: (root) => seedStage(root, { utcOffsetMinutes: 9 * 60 }) },
  { slug: 'echoed-date-exact', title: 'The date the browser sends back, compared exactly (nginx)', create: echoedDateExactStage },
  { slug: 'echoed-date', title: 'The date the browser sends back, compared as a date', create: echoedDateStage },
];

export function findStage(slug: string): StageDefinition | undefined {
  return STAGES.find((stage) => stage.slug === slug);
}

export type { Stage, StageDefinition } from './stage';
