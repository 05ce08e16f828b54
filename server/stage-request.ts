// The Request a stage is given: the client's own request, read at the path inside the stage.
//
// A view, not a copy. Building a new fetch Request for every exchange cost more than the stage's
// own work, and fetch's Request refuses the methods it forbids (CONNECT, TRACE, TRACK), which a
// server still receives and must answer (a stage says 405 or 501). Everything but the URL (the
// method, the headers, the body, the signal) is the client's request itself.
//
// `headers`, when given, replaces the request's own (the app passes the fields without the
// course's tags: server/course-tags.ts).
//
// Properties set on the view (the request target: request-target.ts) stay on the view: the
// client's request keeps its own.
export function stageRequest(request: Request, url: string, headers?: Headers): Request {
  let own: Map<PropertyKey, unknown> | undefined;
  return new Proxy(request, {
    get(target, property) {
      if (property === 'url') return url;
      if (property === 'headers' && headers) return headers;
      if (own?.has(property)) return own.get(property);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(_target, property, value) {
      (own ??= new Map()).set(property, value);
      return true;
    },
  });
}
