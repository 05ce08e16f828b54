// `npm run serve`: the course on node:http.
//
//   npm run serve -- [--port N] [--host H]                   the whole course (site, stages, log)
//   npm run serve -- --stage <slug> --root <dir> [--port N]  one stage serving <dir> at /
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCourseApp } from './app';
import { diskStore } from './files/disk-store';
import { SITE_DIR } from './paths';
import { createHttpServer, listen } from './listen';
import { STAGES, findStage } from './stages';

const USAGE = `Usage:
  npm run serve -- [--port N] [--host H]
  npm run serve -- --stage <${STAGES.map((s) => s.slug).join('|')}> --root <dir> [--port N] [--host H]`;


function fail(message: string): never {
  console.error(`cachecraft: ${message}`);
  process.exit(1);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        stage: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const portText = values.port ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be a number from 0 to 65535, not "${portText}".`);
  if (Boolean(values.stage) !== Boolean(values.root)) fail(`--stage and --root go together.\n${USAGE}`);
  return { port, host: values.host, stage: values.stage, root: values.root };
}

async function main() {
  const options = readOptions();
  let handler;
  let innerTarget: ((sent: string) => string | undefined) | undefined;
  let close = async () => {};
  let what: string;

  if (options.stage && options.root) {
    const definition = findStage(options.stage);
    if (!definition) fail(`unknown stage "${options.stage}". Stages: ${STAGES.map((s) => s.slug).join(', ')}.`);
    const root = path.resolve(options.root);
    const info = statSync(root, { throwIfNoEntry: false });
    if (!info) fail(`the root folder ${root} does not exist.`);
    if (!info.isDirectory()) fail(`the root ${root} is not a folder.`);
    const stage = definition.create(diskStore(root));
    handler = stage;
    what = `stage "${definition.slug}" serving ${root}`;
  } else {
    const app = await createCourseApp({ siteDir: SITE_DIR });
    handler = app.fetch;
    innerTarget = app.innerTarget;
    close = app.close;
    what = statSync(SITE_DIR, { throwIfNoEntry: false })
      ? 'the course'
      : 'the course server (no built site: run `npm run build` first to serve the pages too)';
  }

  const server = createHttpServer(handler, { innerTarget });
  const port = await listen(server, options.port, options.host).catch((error: Error) => fail(error.message));
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`Cachecraft: ${what}\n  http://${shownHost}:${port}/`);

  const shutdown = (signal: string) => {
    console.log(`\n${signal}: shutting down.`);
    server.close();
    server.closeAllConnections(); // open keep-alive and event-stream connections too
    close().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
