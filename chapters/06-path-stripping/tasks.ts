// "Try this" for chapter 6. `exchanges`: the path-stripping stage's; `compared`: the seed's.
// The tasks are about raw requests (the RawRequest boxes, Exchange.raw): a browser's fetch
// cannot send "..\" or "%2e%2e" as written.
import { FAKE_BACKUP, FAKE_SECRET } from '../../common/fake-files';
import type { Exchange, Task } from '../../client/task-helpers';

const FAKE_SIZES = [FAKE_SECRET, FAKE_BACKUP].map((text) => new TextEncoder().encode(text).length);

/** A raw request whose 200 carried exactly the bytes of a fake file from outside the served folder. */
function leakedFakeFile(ex: Exchange): boolean {
  return ex.raw === true && ex.status === 200 && FAKE_SIZES.includes(ex.bodyBytes) && /\.\.|~\d/.test(ex.target);
}

/** HTML markup in the target: what an error page must not echo as HTML. */
const hasMarkup = (ex: Exchange) => /[<>]/.test(ex.target);

export const tasks: Task[] = [
  {
    id: 'seed-leaks-fake-secret',
    text: 'Reach the fake secret beside the seed\'s folder with a raw request.',
    hint: 'The seed keeps what follows the last "/", and Windows also splits on "\\". Try the target /..\\secret.txt.',
    check: (_, compared) => compared.some(leakedFakeFile),
  },
  {
    id: 'safe-stage-refuses',
    text: 'Send a request that leaked through the seed to path-stripping: a 4xx, and nothing from outside.',
    hint: 'Switch the raw request\'s stage to path-stripping and send the same bytes again.',
    check: (exchanges, compared) =>
      exchanges.some(
        (ex) => ex.raw === true && ex.status >= 400 && ex.status < 500 && compared.some((seed) => leakedFakeFile(seed) && seed.target === ex.target),
      ),
  },
  {
    id: 'seed-folder-200',
    text: 'Ask the seed for the folder above its own: a 200 with an empty body.',
    hint: 'The target /.. names C:\\FreezerBurn. os.path.exists says yes to a folder; open() then fails after the 200 is sent.',
    check: (_, compared) => compared.some((ex) => ex.raw === true && ex.status === 200 && ex.bodyBytes === 0 && /\.\.[\\/]?$/.test(ex.target)),
  },
  {
    id: 'error-pages-reflect',
    text: 'Send a target with HTML in it to both stages and compare their error pages.',
    hint: 'The target /<b>x</b>: the seed echoes it into its status line and page; path-stripping escapes it.',
    check: (exchanges, compared) =>
      compared.some((ex) => ex.raw === true && ex.status === 404 && hasMarkup(ex)) &&
      exchanges.some((ex) => ex.raw === true && ex.status >= 400 && ex.status < 500 && hasMarkup(ex)),
  },
];
