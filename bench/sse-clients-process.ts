// The course page's live request log, times N: N plain node:http clients connected to the
// app's /api/log (Server-Sent Events), reading the stream and throwing it away. A process of
// its own, so that reading N copies of every logged exchange does not steal time from the load
// generator in the bench process.
//
//   node --import tsx bench/sse-clients-process.ts <url of /api/log> <N> <max seconds>
//
// Prints "connected N" once every client has its 200 text/event-stream head, and, when it is
// told to stop (SIGTERM, or stdin closing because the bench went away) or after max seconds,
// one JSON line: how many stayed connected and what they received.
import http from 'node:http';

const [url, countText, maxText] = process.argv.slice(2);
const count = Number(countText);
const maxSeconds = Number(maxText);
if (!url || !(count > 0) || !(maxSeconds > 0)) {
  console.error('usage: node --import tsx bench/sse-clients-process.ts <url> <count> <max seconds>');
  process.exit(1);
}

const MARKER = Buffer.from('event: exchange');
let connected = 0;
let events = 0;
let bytes = 0;
let closedEarly = 0;
let stopping = false;
const open: boolean[] = new Array<boolean>(count).fill(false);
const lost = (i: number) => {
  if (stopping || !open[i]) return;
  open[i] = false;
  closedEarly++;
};
const requests: http.ClientRequest[] = [];

for (let i = 0; i < count; i++) {
  const request = http.get(url, { agent: false, headers: { Accept: 'text/event-stream' } }, (response) => {
    const type = String(response.headers['content-type'] ?? '');
    if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
      console.log(`failed: client ${i} got ${response.statusCode} ${type}`);
      process.exit(1);
    }
    connected++;
    open[i] = true;
    if (connected === count) console.log(`connected ${count}`);
    response.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // One "event: exchange" line per logged request (a line cut between two chunks is missed:
      // this is a sanity count, the byte count is exact). Searched in the bytes, without
      // decoding: these clients share the CPU with the app and should cost it as little as possible.
      for (let at = chunk.indexOf(MARKER); at !== -1; at = chunk.indexOf(MARKER, at + MARKER.length)) events++;
    });
    response.on('close', () => lost(i));
  });
  request.on('error', (error) => {
    if (stopping) return;
    if (!open[i] && connected < count) {
      console.log(`failed: client ${i}: ${error.message}`);
      process.exit(1);
    }
    lost(i);
  });
  requests.push(request);
}

function stop(): void {
  if (stopping) return;
  stopping = true;
  const stillConnected = open.filter(Boolean).length;
  for (const request of requests) request.destroy();
  console.log(JSON.stringify({ clients: count, connected, stillConnected, events, bytes, closedEarly }));
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setTimeout(stop, maxSeconds * 1000).unref();
