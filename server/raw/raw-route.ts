// POST /api/stages/<stage>/raw (docs/api.md, "Raw requests"): the body is a request's exact
// bytes; the answer is JSON with the bytes the stage wrote back. The route has no parameter for
// a host or a port, and refuses any query at all: where the bytes go is the app's choice, the
// stage's own loopback listener (stage-listeners.ts), and nothing in the bytes can change it.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_RAW_REQUEST_BYTES, type RawAnswer } from '../../common/raw-request';
import { takeCourseTags } from '../course-tags';
import type { StageListeners } from './stage-listeners';

export function addRawRoute(app: Hono<any>, knownStage: (c: Context) => string, listeners: StageListeners): void {
  // #region raw-route
  app.post(
    '/api/stages/:stage/raw',
    async (c, next) => {
      // Checked first, so a query is refused whatever else is wrong with the call.
      if (new URL(c.req.url).search !== '') {
        return c.json({ error: 'This API takes no parameters: the bytes go to the stage named in the path, on the course server itself.' }, 400);
      }
      await next();
    },
    bodyLimit({
      maxSize: MAX_RAW_REQUEST_BYTES,
      // Answered before the whole body is read: close the connection rather than reuse it.
      onError: (c) => c.json({ error: `A raw request may have at most ${MAX_RAW_REQUEST_BYTES} bytes.` }, 413, { Connection: 'close' }),
    }),
    async (c) => {
      const stage = knownStage(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) return c.json({ error: 'The body is empty: send the request bytes (request line, header lines, blank line, body).' }, 400);
      // Who asked: the tags of this API call, never anything in the bytes.
      const { learner, chapter } = takeCourseTags([...c.req.raw.headers]);
      const exchangeIds: number[] = [];
      let result;
      try {
        result = await listeners.send(stage, bytes, { learner, chapter, exchangeIds });
      } catch (error) {
        console.error(`[cachecraft] raw request to ${stage} failed: ${(error as Error).message}`);
        return c.json({ error: `The ${stage} stage's own listener could not be reached.` }, 502);
      }
      const answer: RawAnswer = {
        stage,
        response: result.response.toString('base64'),
        bytes: result.response.length,
        ended: result.ended,
        timedOut: result.ended === 'timed-out',
        cut: result.ended === 'cut',
        timeMs: result.timeMs,
        exchangeIds,
      };
      return c.json(answer);
    },
  );
  // #endregion
}
