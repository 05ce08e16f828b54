// "Try this" for chapter 3. `exchanges` are the echoed-date stage's (dates compared as dates);
// `compared` are the echoed-date-exact stage's (nginx's exact rule).
import { formatHttpDate, parseHttpDate } from '../../server/http/http-date';
import { requestHeader, responseHeader, type Exchange, type Task } from '../../client/task-helpers';

const since = (ex: Exchange) => requestHeader(ex, 'if-modified-since');

export const tasks: Task[] = [
  {
    id: 'browser-echo',
    accepts: 'browser',
    text: 'Reload the demo frame and find the browser’s own If-Modified-Since in the log: the Last-Modified string, byte for byte, answered 304.',
    hint: 'Press "Reload frame" under the page. A 304 repeats Last-Modified, so the row shows both strings.',
    check: (exchanges) =>
      exchanges.some((ex) => ex.status === 304 && since(ex) !== undefined && since(ex) === responseHeader(ex, 'last-modified')),
  },
  {
    id: 'later-date-exact-200',
    text: 'Send the same valid date to both stages: a 304 from echoed-date, and the whole file from echoed-date-exact.',
    hint: 'The preset "If-Modified-Since: now" is later than the file: send it, switch the stage to echoed-date-exact, send again.',
    check: (exchanges, compared) =>
      exchanges.some((ex) => {
        const value = since(ex);
        if (ex.status !== 304 || value === undefined || parseHttpDate(value) === null) return false;
        return compared.some((other) => other.status === 200 && since(other) === value);
      }),
  },
  {
    id: 'obsolete-form-304',
    text: 'Get a 304 from echoed-date with a date in one of the two obsolete forms (RFC 850 or asctime).',
    hint: 'The presets "RFC 850 form (now)" and "asctime form (now)" do it; the 2008 server refuses both.',
    check: (exchanges) =>
      exchanges.some((ex) => {
        const value = since(ex);
        const time = value === undefined ? null : parseHttpDate(value);
        return ex.status === 304 && time !== null && formatHttpDate(time) !== value;
      }),
  },
  {
    id: 'length-suffix-ignored',
    text: 'Send a date with the old "; length=N" suffix to echoed-date and see the header ignored: a 200.',
    hint: 'The preset “If-Modified-Since: with "; length=615" (now)”. The seed cut it off with split(";") and answered 304.',
    check: (exchanges) => exchanges.some((ex) => ex.status === 200 && /;\s*length=/i.test(since(ex) ?? '')),
  },
];
