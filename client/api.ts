// Calls to the course server's /api (see docs/api.md). Every failure becomes an ApiError whose
// message can be shown as is; `unreachable` tells "no server" apart from "the server said no".
import type { Exchange } from '../common/exchange';
import type { StageFile } from '../common/stage-file';

export type { StageFile };

export class ApiError extends Error {
  constructor(
    message: string,
    /** True when nothing (or something that is not the course server) answered. */
    readonly unreachable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * `command`: how the course was started, so the fix names it: `npm run dev` under Vite's dev
 * server, `npm run serve` for a built site.
 */
export function unreachableMessage(origin: string, command: string = import.meta.env?.DEV === false ? 'npm run serve' : 'npm run dev'): string {
  return `The course server is not answering at ${origin} — is \`${command}\` running?`;
}

type Fetch = typeof fetch;

/** Fetches JSON from the course server, turning every way it can go wrong into an ApiError. */
export async function apiJson<T>(url: string, init: RequestInit = {}, fetchImpl: Fetch = fetch): Promise<T> {
  const origin = typeof location === 'undefined' ? '' : location.origin;
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', ...init });
  } catch {
    throw new ApiError(unreachableMessage(origin), true);
  }
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  // Without the course server, the dev server answers /api/* with its HTML page: not an answer.
  if (!isJson) {
    if (response.ok || response.status === 404) throw new ApiError(unreachableMessage(origin), true, response.status);
    throw new ApiError(`${url} answered ${response.status} ${response.statusText}`, false, response.status);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : response.statusText;
    throw new ApiError(`${response.status}: ${error}`, false, response.status);
  }
  return body as T;
}

const enc = encodeURIComponent;

/**
 * A path of the course app (/api/..., /ch/...) under the site's base: "/api/x" stays "/api/x" at
 * the root, and is "/<repo>/api/x" in a build for a sub-path (`npm run build -- --base /<repo>/`).
 */
export function atBase(path: string): string {
  return (import.meta.env?.BASE_URL ?? '/') + path.replace(/^\//, '');
}

export const api = {
  stages: () => apiJson<{ slug: string; title: string }[]>(atBase('/api/stages')),
  stageFiles: (stage: string) => apiJson<StageFile[]>(atBase(`/api/stages/${enc(stage)}/files`)),
  exchange: (id: string | number) => apiJson<Exchange>(atBase(`/api/log/${enc(String(id))}`)),
  touch: (stage: string, name: string) =>
    apiJson<StageFile>(atBase(`/api/stages/${enc(stage)}/files/${enc(name)}/touch`), { method: 'POST' }),
  putFile: (stage: string, name: string, text: string) =>
    apiJson<StageFile>(atBase(`/api/stages/${enc(stage)}/files/${enc(name)}`), {
      method: 'PUT',
      body: text,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    }),
  rewriteSameMtime: (stage: string, name: string) =>
    apiJson<StageFile>(atBase(`/api/stages/${enc(stage)}/files/${enc(name)}/rewrite-same-mtime`), { method: 'POST' }),
  reset: (stage: string) => apiJson<StageFile[]>(atBase(`/api/stages/${enc(stage)}/reset`), { method: 'POST' }),
};
