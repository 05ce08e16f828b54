// The conditional-GET cases, as data: what to send (built from the first answer's validators)
// and how to judge what comes back. Every case cites the RFC 9110 section it reads.
//
// Core or advisory. A case is CORE when the rule it checks is a MUST (or MUST NOT) of RFC 9110,
// or the definition of what a strong tag promises, and failing it means a client or a cache is
// told something false: a stale copy "confirmed" by a 304, a 304 that lacks the fields the
// cache must update, content where none may be, a date in a form nobody has to read. A core
// failure makes `npm run check` exit 1. A case is ADVISORY when the RFC says SHOULD (If-Modified-
// Since as a whole: 13.1.3 "SHOULD evaluate", "SHOULD generate a 304") or when it is the course's
// advice rather than a rule (a touch that changes nothing should not change the tag): failing it
// costs transfers, not correctness, so it is reported and the exit code ignores it.
import { formatAsctimeDate, formatHttpDate, formatRfc850Date } from '../server/http/http-date';
import {
  contentIn304,
  expectStatus,
  fail,
  isEntityTag,
  isImfFixdate,
  isoDate,
  lastModifiedAfterDate,
  missingFrom304,
  notApplicable,
  otherStrength,
  pass,
  validatorDifferences,
  type Judgement,
} from './judge';
import type { Probe } from './probe';
import type { RequestSpec } from './request';
import { header, type ParsedResponse } from './response';

export type Level = 'core' | 'advisory';

export interface RequestCase {
  id: string;
  /** RFC 9110's section(s). */
  section: string;
  /** What is checked, with the answer expected. */
  title: string;
  level: Level;
  /** The request to send, or why the case does not apply to this server. */
  plan: (probe: Probe) => RequestSpec | { notApplicable: string };
  judge: (got: ParsedResponse, probe: Probe) => Judgement;
}

/** Tags no server issued: a 304 to one of them confirms a copy nobody can have. */
export const NEVER_ISSUED = '"cachecraft-never-issued"';
const OTHER_A = '"cachecraft-other-a"';
const OTHER_B = '"cachecraft-other-b"';

const NO_ETAG = { notApplicable: 'the server sent no ETag' };
const NO_LAST_MODIFIED = { notApplicable: 'the server sent no Last-Modified (or not an HTTP-date)' };

const get = (...fields: [string, string][]): RequestSpec => ({ method: 'GET', fields });
const head = (...fields: [string, string][]): RequestSpec => ({ method: 'HEAD', fields });

/** The probe's status: what a condition that holds (or is ignored) leads to. */
const okStatus = (probe: Probe) => probe.ok.status;

const withEtag = (build: (etag: string) => RequestSpec) => (probe: Probe) => (probe.etag === undefined ? NO_ETAG : build(probe.etag));
const withLastModified = (build: (time: number, text: string, probe: Probe) => RequestSpec | { notApplicable: string }) => (probe: Probe) =>
  probe.lastModifiedTime === undefined || probe.lastModified === undefined ? NO_LAST_MODIFIED : build(probe.lastModifiedTime, probe.lastModified, probe);

const STALE_CONFIRMED = 'a cache holding an outdated copy would be told it is current';
const TRANSFER_WASTED = 'the full content is sent again although the client has it';

/** The If-None-Match cases that expect 304 for the current tag, written in several ways. */
const tagMatches = (id: string, title: string, value: (etag: string) => string, section = '13.1.2'): RequestCase => ({
  id,
  section,
  title,
  level: 'core',
  plan: withEtag((etag) => get(['If-None-Match', value(etag)])),
  judge: (got) => expectStatus(got, 304, `the tag matches the current one (weak comparison), so the condition is false; ${TRANSFER_WASTED}`),
});

/** A 304 to compare with the 200: by the tag when there is one, else by the date. */
const askFor304 = (probe: Probe): RequestSpec | { notApplicable: string } =>
  probe.etag !== undefined ? get(['If-None-Match', probe.etag]) : probe.lastModified !== undefined ? get(['If-Modified-Since', probe.lastModified]) : { notApplicable: 'the server sent no validator, so no 304 to look at' };
const no304 = (got: ParsedResponse) => notApplicable(`no 304 came back to its own validator (got ${got.status}): nothing to look at`);

// #region check-cases
export const CASES: RequestCase[] = [
  // --- What the 200 says ----------------------------------------------------------------------
  {
    id: 'date-sent',
    section: '6.6.1',
    title: 'the 200 carries Date, an IMF-fixdate',
    level: 'core',
    plan: () => get(),
    judge: (got) => {
      const date = header(got.fields, 'Date');
      if (date === undefined) return fail('no Date: an origin server with a clock MUST send one in a 2xx');
      return isImfFixdate(date) ? pass(`Date: ${date}`) : fail(`Date: ${date} is not an IMF-fixdate (5.6.7)`);
    },
  },
  {
    id: 'etag-syntax',
    section: '8.8.3',
    title: 'the ETag is a quoted entity-tag',
    level: 'core',
    plan: withEtag(() => get()),
    judge: (_got, probe) => (isEntityTag(probe.etag!) ? pass(`ETag: ${probe.etag}`) : fail(`ETag: ${probe.etag} is not [W/]"…": clients cannot send it back as it is`)),
  },
  {
    id: 'last-modified-syntax',
    section: '5.6.7, 8.8.2',
    title: 'Last-Modified is an IMF-fixdate',
    level: 'core',
    plan: (probe) => (probe.lastModified === undefined ? { notApplicable: 'the server sent no Last-Modified' } : get()),
    judge: (_got, probe) => (isImfFixdate(probe.lastModified!) ? pass(`Last-Modified: ${probe.lastModified}`) : fail(`Last-Modified: ${probe.lastModified} is not an IMF-fixdate, the one form a sender may generate`)),
  },
  {
    id: 'last-modified-not-after-date',
    section: '8.8.2.1',
    title: 'Last-Modified is not later than Date',
    level: 'core',
    plan: withLastModified((_t, _text, probe) => (probe.dateTime === undefined ? { notApplicable: 'no Date (or not an HTTP-date) to compare with' } : get())),
    judge: (_got, probe) =>
      lastModifiedAfterDate(probe.lastModified!, probe.date!)
        ? fail(`Last-Modified: ${probe.lastModified} is after Date: ${probe.date}; a future date must be replaced by the Date`)
        : pass(`${probe.lastModified} ≤ ${probe.date}`),
  },

  // --- If-None-Match --------------------------------------------------------------------------
  tagMatches('inm-current', 'If-None-Match with the current tag → 304', (etag) => etag),
  {
    id: 'inm-never-issued',
    section: '13.1.2',
    title: 'If-None-Match with a tag never issued → 200',
    level: 'core',
    plan: () => get(['If-None-Match', NEVER_ISSUED]),
    judge: (got, probe) =>
      got.status === 304
        ? fail(`304 to a tag this server never sent: it answers 304 to any If-None-Match (the seed's bug); ${STALE_CONFIRMED}`)
        : expectStatus(got, okStatus(probe), 'no listed tag matches, so the condition is true'),
  },
  tagMatches('inm-weak-comparison', 'If-None-Match with the current tag, W/ added or taken off → 304 (weak comparison)', otherStrength, '13.1.2, 8.8.3.2'),
  tagMatches('inm-list-spaces', 'If-None-Match list "a", <current>, "b" → 304', (etag) => `${OTHER_A}, ${etag}, ${OTHER_B}`, '13.1.2, 5.6.1'),
  tagMatches('inm-list-no-spaces', 'If-None-Match list "a",<current> (no spaces) → 304', (etag) => `${OTHER_A},${etag}`, '13.1.2, 5.6.1'),
  {
    id: 'inm-two-lines',
    section: '13.1.2, 5.3',
    title: 'If-None-Match on two field lines, the current tag on the second → 304',
    level: 'core',
    plan: withEtag((etag) => get(['If-None-Match', OTHER_A], ['If-None-Match', etag])),
    judge: (got) => expectStatus(got, 304, `two lines of a list field are one list (5.3), and it holds the current tag; ${TRANSFER_WASTED}`),
  },
  {
    id: 'inm-list-never-issued',
    section: '13.1.2',
    title: 'If-None-Match list of tags never issued → 200',
    level: 'core',
    plan: () => get(['If-None-Match', `${OTHER_A}, ${OTHER_B}`]),
    judge: (got, probe) => (got.status === 304 ? fail(`304 although no listed tag was ever sent; ${STALE_CONFIRMED}`) : expectStatus(got, okStatus(probe), 'no listed tag matches')),
  },
  {
    id: 'inm-star',
    section: '13.1.2',
    title: 'If-None-Match: * on a file that exists → 304',
    level: 'core',
    plan: () => get(['If-None-Match', '*']),
    judge: (got) => expectStatus(got, 304, '"*" is false when a current representation exists, and it does'),
  },

  // --- If-Modified-Since ------------------------------------------------------------------------
  {
    id: 'ims-last-modified',
    section: '13.1.3',
    title: 'If-Modified-Since with the Last-Modified date → 304',
    level: 'advisory',
    plan: withLastModified((_t, text) => get(['If-Modified-Since', text])),
    judge: (got) => expectStatus(got, 304, `not modified since that date (SHOULD: 13.1.3); ${TRANSFER_WASTED}`),
  },
  {
    id: 'ims-later',
    section: '13.1.3',
    title: 'If-Modified-Since with a later date (the 200\'s Date) → 304',
    level: 'advisory',
    plan: withLastModified((time, _text, probe) =>
      probe.dateTime !== undefined && probe.dateTime > time ? get(['If-Modified-Since', probe.date!]) : { notApplicable: 'no Date later than Last-Modified to send' },
    ),
    judge: (got) => expectStatus(got, 304, `"earlier or equal to the date provided" is false: an exact-string comparison (nginx's default) answers 200 here; ${TRANSFER_WASTED}`),
  },
  {
    id: 'ims-older',
    section: '13.1.3',
    title: 'If-Modified-Since one second before Last-Modified → 200',
    level: 'core',
    plan: withLastModified((time) => get(['If-Modified-Since', formatHttpDate(time - 1000)])),
    judge: (got, probe) => (got.status === 304 ? fail(`304 although the file changed after that date; ${STALE_CONFIRMED}`) : expectStatus(got, okStatus(probe), 'modified since')),
  },
  {
    id: 'ims-rfc850',
    section: '5.6.7, 13.1.3',
    title: 'If-Modified-Since with the Last-Modified date in the RFC 850 form → 304',
    level: 'core',
    plan: withLastModified((time) => get(['If-Modified-Since', formatRfc850Date(time)])),
    judge: (got) => expectStatus(got, 304, 'recipients MUST accept all three HTTP-date forms (5.6.7); this one was refused or misread'),
  },
  {
    id: 'ims-asctime',
    section: '5.6.7, 13.1.3',
    title: 'If-Modified-Since with the Last-Modified date in the asctime form → 304',
    level: 'core',
    plan: withLastModified((time) => get(['If-Modified-Since', formatAsctimeDate(time)])),
    judge: (got) => expectStatus(got, 304, 'recipients MUST accept all three HTTP-date forms (5.6.7); this one was refused or misread (asctime has no zone: it is GMT)'),
  },
  {
    id: 'ims-asctime-older',
    section: '5.6.7, 13.1.3',
    title: 'If-Modified-Since one second before Last-Modified, in the asctime form → 200',
    level: 'core',
    plan: withLastModified((time) => get(['If-Modified-Since', formatAsctimeDate(time - 1000)])),
    judge: (got, probe) =>
      got.status === 304
        ? fail(`304 although the file changed after that date: the zoneless asctime date was read as a local time west of GMT; ${STALE_CONFIRMED}`)
        : expectStatus(got, okStatus(probe), 'modified since'),
  },
  {
    id: 'ims-invalid',
    section: '13.1.3',
    title: 'If-Modified-Since that is not a date → ignored: 200',
    level: 'core',
    plan: withLastModified(() => get(['If-Modified-Since', 'not a date'])),
    judge: (got, probe) => (got.status === 304 ? fail(`304 to a value that is no date; ${STALE_CONFIRMED}`) : expectStatus(got, okStatus(probe), 'an invalid date MUST be ignored')),
  },
  {
    id: 'ims-iso-8601',
    section: '13.1.3, 5.6.7',
    title: 'If-Modified-Since in ISO 8601 (not an HTTP-date), later than Last-Modified → ignored: 200',
    level: 'core',
    plan: withLastModified((time, _text, probe) => get(['If-Modified-Since', isoDate(Math.max(time, probe.dateTime ?? time))])),
    judge: (got, probe) =>
      got.status === 304 ? fail('304: the value is not an HTTP-date and MUST be ignored (a lenient date parser read it)') : expectStatus(got, okStatus(probe), 'not an HTTP-date, so ignored'),
  },

  // --- Both: If-None-Match wins -------------------------------------------------------------------
  {
    id: 'precedence-tag-matches-date-stale',
    section: '13.2.2, 13.1.3',
    title: 'the current tag with a stale date → 304 (If-Modified-Since is ignored)',
    level: 'core',
    plan: (probe) =>
      probe.etag === undefined ? NO_ETAG : probe.lastModifiedTime === undefined ? NO_LAST_MODIFIED : get(['If-None-Match', probe.etag], ['If-Modified-Since', formatHttpDate(probe.lastModifiedTime - 86_400_000)]),
    judge: (got) => expectStatus(got, 304, 'with If-None-Match present, If-Modified-Since MUST be ignored, and the tag matches'),
  },
  {
    id: 'precedence-tag-differs-date-fresh',
    section: '13.2.2, 13.1.3',
    title: 'a tag never issued with the Last-Modified date → 200 (If-Modified-Since is ignored)',
    level: 'core',
    plan: withLastModified((_t, text) => get(['If-None-Match', NEVER_ISSUED], ['If-Modified-Since', text])),
    judge: (got, probe) =>
      got.status === 304
        ? fail(`304: If-None-Match holds no current tag, and the date alone MUST NOT decide when If-None-Match is present; ${STALE_CONFIRMED}`)
        : expectStatus(got, okStatus(probe), 'the tag does not match'),
  },

  // --- HEAD ---------------------------------------------------------------------------------------
  {
    id: 'head-no-content',
    section: '9.3.2',
    title: 'HEAD: no content',
    level: 'core',
    plan: () => head(),
    judge: (got) => (got.extra.length > 0 ? fail(`${got.extra.length} bytes of content after the header section`) : pass(`${got.status}, no content`)),
  },
  {
    id: 'head-same-validators',
    section: '9.3.2',
    title: 'HEAD: the status and validators of GET',
    level: 'advisory',
    plan: () => head(),
    judge: (got, probe) => {
      if (got.status !== probe.ok.status) return fail(`HEAD got ${got.status}, GET got ${probe.ok.status}`);
      const differences = validatorDifferences(probe.ok.fields, got.fields);
      return differences.length > 0 ? fail(differences.join('; ')) : pass('same status, ETag and Last-Modified');
    },
  },
  {
    id: 'head-if-none-match',
    section: '13.1.2',
    title: 'HEAD with If-None-Match and the current tag → 304',
    level: 'core',
    plan: withEtag((etag) => head(['If-None-Match', etag])),
    judge: (got) => expectStatus(got, 304, 'the condition is false for HEAD as for GET'),
  },

  // --- The 304 itself -----------------------------------------------------------------------------
  {
    id: '304-repeats-fields',
    section: '15.4.5',
    title: 'a 304 repeats the ETag, Date, Cache-Control, Expires, Vary, Content-Location the 200 had',
    level: 'core',
    plan: askFor304,
    judge: (got, probe) => {
      if (got.status !== 304) return no304(got);
      const problems = missingFrom304(probe.ok.fields, got.fields);
      return problems.length > 0 ? fail(`${problems.join('; ')}: a cache updates its copy from these`) : pass('every such field the 200 had');
    },
  },
  {
    id: '304-no-content',
    section: '15.4.5, 8.6',
    title: 'a 304 has no content (and a Content-Length, if any, of the 200)',
    level: 'core',
    plan: askFor304,
    judge: (got, probe) => {
      if (got.status !== 304) return no304(got);
      const problems = contentIn304(got, probe.ok.body.length);
      return problems.length > 0 ? fail(problems.join('; ')) : pass('ends with its header section');
    },
  },
];
// #endregion
