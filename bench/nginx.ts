// nginx as a second reference, only when an `nginx` binary is on the PATH. It runs in the
// foreground as one process (daemon off, master_process off: it is our child, with one pid to
// measure and kill), with everything it writes (config, pid, error log, temp folders) in the
// bench's temp folder, on a free port of 127.0.0.1.
//
// Settings that keep the comparison fair with the one-threaded node servers: one worker; no
// access log (node writes none); sendfile on (nginx's usual setting, Debian's default too); and
// keep-alive connections never closed by a request count (nginx closes one after 1000 requests
// by default, node never does: autocannon would reconnect and count it against nginx).
import { accessSync, constants } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { lastLine, spawnChild } from './child';
import type { Running } from './course-server';
import { waitUntilAnswering } from './probe';

/** The nginx binary on the PATH, or null. */
export function findNginx(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export async function startNginx(label: string, binary: string, root: string, workDir: string, probePath: string): Promise<Running> {
  await mkdir(workDir, { recursive: true });
  // The port is free when asked; another process may take it before nginx binds: then try again.
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const conf = path.join(workDir, 'nginx.conf');
    await writeFile(conf, config(root, workDir, port));
    const child = spawnChild(label, binary, ['-p', workDir + path.sep, '-c', conf, '-e', path.join(workDir, 'error.log')]);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilAnswering(url + probePath, 10_000, () => {
        const reason = child.exitReason();
        return reason === null ? null : `nginx ended (${reason}): ${lastLine(child.output())}`;
      });
      return { label, url, child };
    } catch (error) {
      lastError = error as Error;
      await child.stop();
      if (!/Address already in use/i.test(child.output())) break;
    }
  }
  throw lastError ?? new Error('nginx did not start');
}

function config(root: string, dir: string, port: number): string {
  const at = (name: string) => path.join(dir, name);
  return `# Written by Cachecraft's bench (bench/nginx.ts); removed with its temp folder.
daemon off;
master_process off;
worker_processes 1;
worker_rlimit_nofile 8192;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};
  types {
    text/plain txt;
    text/css css;
    image/png png;
    application/octet-stream bin;
  }
  default_type application/octet-stream;
  sendfile on;
  keepalive_requests 1000000000;
  keepalive_timeout 65s;

  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
