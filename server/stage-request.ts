// The Request a stage is given: the client's method and headers, at the path inside the stage.
//
// fetch's Request refuses the methods it forbids (CONNECT, TRACE, TRACK), but a server still
// receives them and must answer (a stage says 405 or 501). Such a request is built as a GET and
// then reads as its real method, which is all a stage looks at; it carries no body either way.
// (@hono/node-server does the same for the requests it builds.)
const FORBIDDEN_IN_FETCH = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function stageRequest(url: string, method: string, headers: Headers): Request {
  const forbidden = FORBIDDEN_IN_FETCH.has(method.toUpperCase());
  const request = new Request(url, { method: forbidden ? 'GET' : method, headers });
  if (forbidden) Object.defineProperty(request, 'method', { value: method });
  return request;
}
