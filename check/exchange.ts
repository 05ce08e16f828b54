// One request and its answer: the bytes sent and the response read back.
import { buildRequest, type RequestSpec } from './request';
import { NotHttp, parseResponse, type ParsedResponse } from './response';
import { CheckError, type Target } from './target';
import { exchangeBytes } from './wire';

export interface Exchange {
  spec: RequestSpec;
  /** The request exactly as written to the socket. */
  request: string;
  response: ParsedResponse;
}

export type Send = (spec: RequestSpec) => Promise<Exchange>;

export function sender(target: Target, timeoutMs: number): Send {
  return async (spec) => {
    const request = buildRequest(target, spec);
    const bytes = await exchangeBytes(target, request, timeoutMs);
    try {
      return { spec, request, response: parseResponse(bytes, spec.method) };
    } catch (error) {
      if (error instanceof NotHttp) throw new CheckError(`${target.host}:${target.port} did not answer HTTP: ${error.message}`);
      throw error;
    }
  };
}
