// "Use validators from the last response": what a cache would send back to revalidate.
import { headerValue } from '../common/headers';
import { setHeader, type HeaderRow } from './header-rows';

export interface Validators {
  lastModified?: string;
  etag?: string;
}

export function validatorsFrom(responseHeaders: readonly (readonly [string, string])[]): Validators {
  return {
    lastModified: headerValue(responseHeaders, 'last-modified'),
    etag: headerValue(responseHeaders, 'etag'),
  };
}

/** Last-Modified becomes If-Modified-Since and ETag becomes If-None-Match, verbatim, as a browser does. */
export function applyValidators(rows: readonly HeaderRow[], validators: Validators): HeaderRow[] {
  let next = [...rows];
  if (validators.lastModified !== undefined) next = setHeader(next, 'If-Modified-Since', validators.lastModified);
  if (validators.etag !== undefined) next = setHeader(next, 'If-None-Match', validators.etag);
  return next;
}

export function hasValidators(validators: Validators): boolean {
  return validators.lastModified !== undefined || validators.etag !== undefined;
}
