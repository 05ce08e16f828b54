import { describe, expect, it } from 'vitest';
import { ApiError, apiJson, unreachableMessage } from './api';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('apiJson', () => {
  it('returns the JSON body', async () => {
    await expect(apiJson('/api/x', {}, async () => json([1]))).resolves.toEqual([1]);
  });

  it('calls a rejected fetch "unreachable"', async () => {
    const error = await apiJson('/api/x', {}, async () => {
      throw new TypeError('Failed to fetch');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).unreachable).toBe(true);
    expect((error as ApiError).message).toMatch(/not answering.*npm run dev/);
  });

  it('names the command that starts the course: npm run serve for a built site', () => {
    expect(unreachableMessage('http://h', 'npm run serve')).toBe('The course server is not answering at http://h — is `npm run serve` running?');
  });

  it('calls an HTML answer (the dev server without the course server) "unreachable"', async () => {
    const error = (await apiJson('/api/x', {}, async () => new Response('<html>', { headers: { 'content-type': 'text/html' } })).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.unreachable).toBe(true);
  });

  it('passes on the server\'s JSON error with its status', async () => {
    const error = (await apiJson('/api/x', {}, async () => json({ error: 'no such file' }, 404)).catch((e: unknown) => e)) as ApiError;
    expect(error.unreachable).toBe(false);
    expect(error.status).toBe(404);
    expect(error.message).toBe('404: no such file');
  });
});

