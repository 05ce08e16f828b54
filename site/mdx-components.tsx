// The components every chapter can use WITHOUT importing them: the chapter page passes this map
// to the MDX content as its `components` prop. To offer a new one, add it here.
import { lazy, Suspense } from 'react';
import { DemoFrame } from '../playground/DemoFrame';
import { Playground } from '../playground/Playground';
import type { RawRequestProps } from '../playground/RawRequest';
import { LazyRequestLog } from '../playground/LazyRequestLog';
import { Code } from './Code';
import { ScrollTable } from './ScrollTable';
import { Tasks } from './Tasks';

// Loaded by the chapters that use it, when they are shown: not part of every chapter page's weight.
const LazyRawRequest = lazy(() => import('../playground/RawRequest').then((m) => ({ default: m.RawRequest })));

function RawRequest(props: RawRequestProps) {
  return (
    <Suspense fallback={<p className="muted">Loading the raw request editor…</p>}>
      <LazyRawRequest {...props} />
    </Suspense>
  );
}

// `table`: Markdown tables, in a box that scrolls on a phone (site/ScrollTable.tsx).
export const mdxComponents = { Code, Playground, DemoFrame, RequestLog: LazyRequestLog, RawRequest, Tasks, table: ScrollTable };
