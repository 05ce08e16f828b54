// Sends the traversal corpus over raw sockets, one request per connection, one after another,
// and records what came back: used by the corpus tests and by scripts/traversal-table.ts, which
// writes the committed results the chapter's table is rendered from.
import { diskStore } from '../files/disk-store';
import { FAKE_BACKUP, FAKE_SECRET } from '../files/windows-disk';
import { seedStage } from '../stages/seed';
import { pathStrippingStage } from '../stages/path-stripping';
import { makeFixture, SECRET } from './fixture';
import { rawRequest, serve } from './serve';
import { TRAVERSAL_CORPUS, type Payload } from './traversal-corpus';

export interface CorpusResult {
  label: string;
  target: string;
  source: Payload['source'];
  group: Payload['group'];
  /** The seed on its pretend Windows disk. */
  seed: { status: number; leaked: 'secret.txt' | 'passwords-backup.txt' | null };
  /** The path-stripping stage on a real folder, a real secret beside it. */
  safe: { status: number; leaked: boolean };
}

export const requestFor = (target: string) => `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;

/** The status of a raw answer (0 when the server sent no status line). */
export function statusOf(raw: string): number {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  return match ? Number(match[1]) : 0;
}

/** Each payload's answer, as latin1 text. */
export async function sendEach(port: number, payloads: Payload[] = TRAVERSAL_CORPUS): Promise<string[]> {
  const answers: string[] = [];
  for (const payload of payloads) answers.push(await rawRequest(port, requestFor(payload.target)));
  return answers;
}

/** The corpus against the seed and the safe stage, each on its own port, sequentially. */
export async function corpusResults(): Promise<CorpusResult[]> {
  const fixture = await makeFixture();
  const seed = await serve(seedStage(diskStore(fixture.root)));
  const safe = await serve(pathStrippingStage(diskStore(fixture.root)));
  try {
    const seedAnswers = await sendEach(seed.port);
    const safeAnswers = await sendEach(safe.port);
    return TRAVERSAL_CORPUS.map((payload, i) => {
      const seedRaw = seedAnswers[i]!;
      const safeRaw = safeAnswers[i]!;
      const leaked = seedRaw.includes(FAKE_SECRET) ? 'secret.txt' : seedRaw.includes(FAKE_BACKUP) ? 'passwords-backup.txt' : null;
      return {
        label: payload.label,
        target: payload.target,
        source: payload.source,
        group: payload.group,
        seed: { status: statusOf(seedRaw), leaked },
        safe: { status: statusOf(safeRaw), leaked: safeRaw.includes(SECRET) },
      };
    });
  } finally {
    await Promise.all([seed.close(), safe.close()]);
    await fixture.remove();
  }
}
