// The components every chapter can use WITHOUT importing them: the chapter page passes this map
// to the MDX content as its `components` prop. To offer a new one, add it here.
import { DemoFrame } from '../playground/DemoFrame';
import { Playground } from '../playground/Playground';
import { RequestLog } from '../playground/RequestLog';
import { Code } from './Code';
import { ScrollTable } from './ScrollTable';
import { Tasks } from './Tasks';

// `table`: Markdown tables, in a box that scrolls on a phone (site/ScrollTable.tsx).
export const mdxComponents = { Code, Playground, DemoFrame, RequestLog, Tasks, table: ScrollTable };
