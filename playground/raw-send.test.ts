import { describe, expect, it } from 'vitest';
import { base64Bytes, RawSendAborted, sendRaw } from './raw-send';

/** A fetch that never answers until its signal aborts. */
const hanging: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('sendRaw', () => {
  it('decodes the answer’s bytes and counts what was sent', async () => {
    const answer = { stage: 'seed', response: btoa('HTTP/1.1 200 OK\r\n\r\n\u00ff'), bytes: 20, ended: 'complete', timedOut: false, cut: false, timeMs: 1, exchangeIds: [1] };
    const fake: typeof fetch = async () => Response.json(answer);
    const result = await sendRaw('seed', new Uint8Array(3), { fetch: fake });
    expect(result.sent).toBe(3);
    expect(result.responseBytes.at(-1)).toBe(0xff);
    expect(result.responseBytes).toHaveLength(20);
  });

  it('gives up after its timeout, and on a cancel, with RawSendAborted saying which', async () => {
    await expect(sendRaw('seed', new Uint8Array(1), { fetch: hanging, timeoutMs: 20 })).rejects.toMatchObject({ reason: 'timeout' });
    const controller = new AbortController();
    const sending = sendRaw('seed', new Uint8Array(1), { fetch: hanging, signal: controller.signal });
    controller.abort();
    await expect(sending).rejects.toBeInstanceOf(RawSendAborted);
    await expect(sending).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('base64Bytes keeps every byte value', () => {
    expect([...base64Bytes(btoa('\u0000\u007f\u0080\u00ff'))]).toEqual([0, 127, 128, 255]);
  });
});
