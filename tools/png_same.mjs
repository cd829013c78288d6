// png_same.mjs - is a new screenshot the same picture as the committed one?
//
// tools/web_screenshot.mjs takes docs/images/playground.png at every
// `make docs`.  Chromium's software rasterizer rounds the baseline of some
// lines of text up in one run and down in the next, so the same page gives
// pictures that differ by whole rows of text moved one pixel.  A picture
// that differs from the committed one only that way is not written, and the
// tree stays clean; any other difference (a digit, a colour, a new element)
// is a new picture.

import zlib from "node:zlib";

// decodePng(buf) - { width, height, bpp, rows: [Buffer per row] } of an
// 8-bit RGB or RGBA, non-interlaced PNG (what chromium's screenshots are).
export function decodePng(buf) {
  if (buf.toString("latin1", 1, 4) !== "PNG") throw new Error("decodePng: not a PNG");
  let width = 0, height = 0, bpp = 0;
  const idat = [];
  for (let i = 8; i < buf.length;) {
    const len = buf.readUInt32BE(i), type = buf.toString("latin1", i + 4, i + 8);
    const body = buf.subarray(i + 8, i + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      bpp = { 2: 3, 6: 4 }[body[9]];
      if (body[8] !== 8 || !bpp || body[12] !== 0)
        throw new Error("decodePng: only 8-bit RGB/RGBA, not interlaced");
    } else if (type === "IDAT") {
      idat.push(body);
    }
    i += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat)), stride = width * bpp;
  const rows = [];
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const e = a + b - c, pa = Math.abs(e - a), pb = Math.abs(e - b), pc = Math.abs(e - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (row[x] + p) & 0xff;
    }
    rows.push(row);
    prev = row;
  }
  return { width, height, bpp, rows };
}

// Is every pixel of @a that differs from @b's found in @b one row up or down?
function movedOnly(a, b) {
  for (let y = 0; y < a.height; y++) {
    if (a.rows[y].equals(b.rows[y])) continue;
    for (let x = 0; x < a.width * a.bpp; x += a.bpp) {
      const px = a.rows[y].subarray(x, x + a.bpp);
      if (px.equals(b.rows[y].subarray(x, x + a.bpp))) continue;
      const up = y > 0 && px.equals(b.rows[y - 1].subarray(x, x + a.bpp));
      const down = y + 1 < a.height && px.equals(b.rows[y + 1].subarray(x, x + a.bpp));
      if (!up && !down) return false;
    }
  }
  return true;
}

// samePicture(a, b) - the same picture but for rows of text one pixel apart.
export function samePicture(a, b) {
  if (a.width !== b.width || a.height !== b.height || a.bpp !== b.bpp) return false;
  return movedOnly(a, b) && movedOnly(b, a);
}
