// <RequestLog /> loaded when it is shown, not with every chapter page: the pages are near their
// JavaScript budget (site/vite/page-weight.ts), and the log fills in a moment after the page anyway.
import { lazy, Suspense } from 'react';

const RequestLog = lazy(() => import('./RequestLog').then((m) => ({ default: m.RequestLog })));

export function LazyRequestLog(props: { stage?: string }) {
  return (
    <Suspense fallback={<p className="muted">Loading the request log…</p>}>
      <RequestLog {...props} />
    </Suspense>
  );
}
