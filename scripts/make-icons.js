// Writes the add-in's PNG icons (a 绩 glyph is not available without fonts, so: a green check on a grid).
// Run once: node scripts/make-icons.js (the PNGs are committed under assets/).
const zlib = require('zlib');
const fs = require('fs');
const path = require('path');

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const icon = (u, v) => {
  const inside = u > 0.06 && u < 0.94 && v > 0.06 && v < 0.94;
  if (!inside) return [0, 0, 0, 0];
  const grid = Math.abs(u * 3 - Math.round(u * 3)) < 0.04 || Math.abs(v * 3 - Math.round(v * 3)) < 0.04;
  // the check mark: two strokes
  const d1 = Math.abs((v - 0.55) - (u - 0.25)) < 0.08 && u > 0.22 && u < 0.45;
  const d2 = Math.abs((v - 0.75) + (u - 0.45) * 1.2) < 0.08 && u > 0.4 && u < 0.8;
  if (d1 || d2) return [16, 124, 65, 255];
  return grid ? [180, 200, 190, 255] : [245, 248, 246, 255];
};
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), png(size, icon));
console.log('assets/icon-{16,32,64,80,128}.png');
