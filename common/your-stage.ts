// The workshop's "your server" stages (docs/workshop.md): in `npm run dev`, the stage of a
// chapter with an exercise is also served as `yours-<stage>`, built from the learner's own file.
// For the chapter's tasks, an exchange with it counts as one with the chapter's stage.

export const YOURS_PREFIX = 'yours-';

export const yourStage = (stage: string) => YOURS_PREFIX + stage;

/** The stage `slug` stands for: "last-modified" for both "last-modified" and "yours-last-modified". */
export const courseStageOf = (slug: string) => (slug.startsWith(YOURS_PREFIX) ? slug.slice(YOURS_PREFIX.length) : slug);
