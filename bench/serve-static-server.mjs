// The reference server, run as its own process by the bench: serve-static (the middleware
// behind express.static) with its defaults, on plain node:http, on a free port of 127.0.0.1.
// Its defaults send ETag and Last-Modified and answer conditional requests with 304.
//
//   node bench/serve-static-server.mjs <root>
//
// Plain JavaScript, run by plain node, as an express app runs in production (and as
// `npm run serve` runs the course's server, bundled: scripts/serve.mjs).
//
// It prints its URL as `npm run serve` does, stops on SIGTERM or SIGINT, and also when its
// stdin closes: the bench holds the other end, so a bench that dies takes this server with it.
import http from 'node:http';
import serveStatic from 'serve-static';

const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/serve-static-server.mjs <root>');
  process.exit(1);
}

const serve = serveStatic(root);
const server = http.createServer((req, res) => {
  serve(req, res, () => {
    // Not a file of the root: what express would answer without another route.
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found\n');
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`serve-static serving ${root}\n  http://127.0.0.1:${port}/`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
