import { describe, expect, it } from 'vitest';
import { requestTarget, setRequestTarget } from './request-target';
import { stageRequest } from './stage-request';

describe('stageRequest', () => {
  it("reads the URL inside the stage, and the headers it is given instead of the request's own", () => {
    const request = new Request('http://x/ch/seed/a.css', { headers: { 'X-Cachecraft-Learner': 'l', Accept: '*/*' } });
    const plain = stageRequest(request, 'http://x/a.css');
    expect([plain.url, plain.method, plain.headers.get('x-cachecraft-learner')]).toEqual(['http://x/a.css', 'GET', 'l']);
    const filtered = stageRequest(request, 'http://x/a.css', new Headers({ Accept: '*/*' }));
    expect(filtered.headers.get('x-cachecraft-learner')).toBeNull();
    expect(filtered.headers.get('accept')).toBe('*/*');
  });

  it("keeps the target set on the view apart from the client's request", () => {
    const request = new Request('http://x/ch/seed/a/../b.css');
    setRequestTarget(request, '/ch/seed/a/../b.css');
    const view = stageRequest(request, 'http://x/b.css');
    expect(requestTarget(view)).toBe('/ch/seed/a/../b.css'); // until the app sets the view's own
    setRequestTarget(view, '/a/../b.css');
    expect([requestTarget(view), requestTarget(request)]).toEqual(['/a/../b.css', '/ch/seed/a/../b.css']);
  });
});
