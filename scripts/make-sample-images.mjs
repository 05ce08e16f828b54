// Writes the PNG images of server/samples/ (run once; the output is committed).
// Plain zlib + CRC, so the images need no image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
function png(width, height, pixel) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const dot = (rgb) => (x, y) => ((x - 15.5) ** 2 + (y - 15.5) ** 2 < 14 ** 2 ? rgb : [255, 255, 255]);
writeFileSync('server/samples/status-ok.png', png(32, 32, dot([46, 160, 67])));
writeFileSync('server/samples/status-down.png', png(32, 32, dot([208, 52, 44])));

// A load graph with noise, large enough (> 64 KiB) to be streamed rather than buffered.
let seed = 2008;
const random = () => {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; // xorshift32
  return (seed >>> 0) / 2 ** 32;
};
const load = Array.from({ length: 480 }, (_, x) => 60 + 40 * Math.sin(x / 37) + 25 * Math.sin(x / 7));
writeFileSync('server/samples/load-graph.png', png(480, 160, (x, y) => {
  const n = Math.floor(random() * 48);
  const m = Math.floor(random() * 20);
  return 160 - y < load[x] ? [40 + n, 110 + n, 200] : [230 + (n >> 2), 235 - m, 245 - (m >> 1)];
}));
