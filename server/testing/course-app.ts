// The course app on a real port for the tests of one file: made before its first test, closed
// (its port and its sandbox) after its last.
import { afterAll, beforeAll } from 'vitest';
import { createCourseApp, type CourseApp, type CourseAppOptions } from '../app';
import { serve, type Running } from './serve';

export interface RunningApp {
  readonly app: CourseApp;
  readonly server: Running;
}

export function useCourseApp(options: CourseAppOptions = {}): RunningApp {
  let running: { app: CourseApp; server: Running } | undefined;
  beforeAll(async () => {
    const app = await createCourseApp(options);
    running = { app, server: await serve(app.fetch, { innerTarget: app.innerTarget }) };
  });
  afterAll(async () => {
    await running?.server.close();
    await running?.app.close();
  });
  const current = () => {
    if (!running) throw new Error('useCourseApp: the app is made in beforeAll; use it inside a test.');
    return running;
  };
  return {
    get app() {
      return current().app;
    },
    get server() {
      return current().server;
    },
  };
}
