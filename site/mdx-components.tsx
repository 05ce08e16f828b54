// The components every chapter can use WITHOUT importing them: the chapter page passes this map
// to the MDX content as its `components` prop. To offer a new one, add it here.
import { DemoFrame } from '../playground/DemoFrame';
import { Playground } from '../playground/Playground';
import { RequestLog } from '../playground/RequestLog';
import { Code } from './Code';
import { Tasks } from './Tasks';

export const mdxComponents = { Code, Playground, DemoFrame, RequestLog, Tasks };
