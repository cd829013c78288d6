// playground.mjs URL OUTDIR - drive the browser playground in Debian's chromium.
//
// Run by tests/host/test_web.py (make check) against a static server of
// build/web.  Two boots, as a student would do them: at 160 MB, kmalloc 100
// must put one more object in kmalloc-128's picture and alloc_pages 3 change
// the buddy picture's order-3 counts; at 2048 MB, kmap of a HighMem page must
// show its pkmap slot.  Each ends with poweroff.  The terminal is read from
// the DOM (xterm.js's rows), the pictures from their data-* attributes.
// Every request must stay on the page's origin.  Screenshots go to OUTDIR
// and must not be blank.  Prints "N passed, N failed" and exits 1 on failure.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { launch } from "../../tools/web_browser.mjs";

const [url, outdir] = process.argv.slice(2);
if (!url || !outdir) {
  console.error("usage: playground.mjs URL OUTDIR");
  process.exit(2);
}
fs.mkdirSync(outdir, { recursive: true });

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok" : "not ok"} - ${what}`);
  return ok;
}

// The screen of the terminal, as the DOM renderer shows it.
const screen = (page) => page.$eval("#terminal .xterm-rows", (el) =>
  [...el.children].map((row) => row.textContent.replace(/\u00a0/g, " ").trimEnd()).join("\n"));

async function waitScreen(page, re, what, timeout = 20000) {
  const t0 = Date.now();
  for (;;) {
    const text = await screen(page);
    const m = text.match(re);
    if (m) return m;
    if (Date.now() - t0 > timeout) {
      check(false, `${what}: ${re} on the terminal\n--- screen ---\n${text}`);
      throw new Error(`timeout: ${what}`);
    }
    await page.waitForTimeout(50);
  }
}

const seq = (page) => page.evaluate(() => +document.body.dataset.seq || 0);

// Type a line as a user does (keyboard into xterm), wait for its snapshot.
async function run(page, line, answer) {
  const before = await seq(page);
  await page.focus("#terminal textarea");
  await page.keyboard.type(line, { delay: 5 });
  await page.keyboard.press("Enter");
  const m = await waitScreen(page, answer, line);
  await page.waitForFunction((n) => +document.body.dataset.seq > n, before, { timeout: 10000 });
  return m;
}

// Is the PNG more than one colour?  Count distinct bytes of its pixel rows.
function pngNotBlank(file) {
  const png = fs.readFileSync(file);
  const idat = [];
  for (let off = 8; off < png.length;) {
    const len = png.readUInt32BE(off), type = png.toString("ascii", off + 4, off + 8);
    if (type === "IDAT") idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const pixels = zlib.inflateSync(Buffer.concat(idat));
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += 97) seen.add(pixels[i]);
  return pixels.length > 100000 && seen.size > 32;
}

async function shot(page, name) {
  const file = path.join(outdir, name);
  await page.screenshot({ path: file, fullPage: true });
  check(pngNotBlank(file), `screenshot ${name} is not blank`);
}

async function bootAt(page, mem, module = "") {
  await page.goto(url);
  await page.check(`input[name=mem][value="${mem}"]`);
  await page.check(`input[name=module][value="${module}"]`);
  await page.check("#all-caches");
  await page.click("#boot");
  const t0 = Date.now();
  await waitScreen(page, /^mm386>$/m, `boot at ${mem} MB`, 30000);
  await page.waitForFunction(() => +document.body.dataset.seq >= 1, null, { timeout: 10000 });
  check(true, `booted at ${mem} MB to the prompt in ${Date.now() - t0} ms`);
}

async function poweroff(page) {
  await page.focus("#terminal textarea");
  await page.keyboard.type("poweroff");
  await page.keyboard.press("Enter");
  await waitScreen(page, /mm386: powering off \(done\)/, "poweroff");
  await page.waitForFunction(() => document.body.dataset.status === "off", null, { timeout: 10000 });
  check(true, "poweroff ends the machine");
}

const attr = (page, sel, name) => page.$eval(sel, (el, n) => el.dataset[n], name).catch(() => undefined);
const order3 = (page) => page.$$eval("#fig-buddy g.order[data-order='3']",
  (els) => els.map((e) => `${e.dataset.zone}:${e.dataset.count}`).join(" "));

async function at160(page) {
  await bootAt(page, 160);
  const cache = "#fig-slab g.cache[data-cache='kmalloc-128']";
  const before = +(await attr(page, cache, "inuse"));
  check(Number.isInteger(before), `kmalloc-128 is in the slab picture (${before} in use)`);
  const m = await run(page, "kmalloc 100",
    /kmalloc\(100, GFP_KERNEL\) = (0x[0-9a-f]{8}) phys (0x[0-9a-f]{8})[^\n]*\nkmalloc: from cache (\S+), ksize 128/);
  check(m[3] === "kmalloc-128" && parseInt(m[1], 16) - parseInt(m[2], 16) === 0xc0000000,
    `the terminal answers kmalloc 100 = ${m[1]}, phys ${m[2]}, from ${m[3]}`);
  const after = +(await attr(page, cache, "inuse"));
  check(after === before + 1, `the slab picture shows kmalloc-128 one object fuller (${before} -> ${after})`);

  const o3 = await order3(page);
  await run(page, "alloc_pages 3", /alloc_pages: address (0x[0-9a-f]{8})/);
  const o3after = await order3(page);
  check(o3 !== o3after, `alloc_pages 3 changes the buddy picture's order-3 counts (${o3} -> ${o3after})`);
  check(await page.$("#fig-buddy g.order.changed") !== null, "the changed orders are marked");
  check(await page.$("#fig-layout rect[data-region='vmalloc']") !== null, "the layout picture has the vmalloc area");
  await shot(page, "playground-160mb.png");
  await poweroff(page);
}

async function at2048(page) {
  await bootAt(page, 2048, "kmap_module");
  const mod = await run(page, "lsmod", /^(kmap_module) +\d+/m);
  check(mod[1] === "kmap_module", "the module picked before boot is loaded (lsmod)");
  check(await page.$$eval("#fig-vmalloc g.varea", (els) => els.length) >= 1,
    "the vmalloc picture shows the module's areas");
  check(await page.$("#fig-buddy g.order[data-zone='HighMem']") !== null, "the buddy picture has a HighMem zone");
  const m = await run(page, "alloc_pages 0 GFP_HIGHUSER", /pfn (0x[0-9a-f]+) phys 0x[0-9a-f]+ \(1 page, zone HighMem\)/);
  const pfn = parseInt(m[1], 16);
  const k = await run(page, `kmap ${m[1]}`, /kmap\(pfn 0x[0-9a-f]+\) = (0x[0-9a-f]{8}) \(pkmap slot (\d+)/);
  const slot = `#fig-pkmap rect[data-slot='${k[2]}']`;
  check(+(await attr(page, slot, "pfn")) === pfn,
    `the pkmap picture shows slot ${k[2]} holding pfn ${m[1]} (kmap = ${k[1]})`);
  check(+(await attr(page, slot, "count")) === 2, "with one user (pkmap_count 2)");
  await shot(page, "playground-2048mb.png");
  await tour(page);
  await poweroff(page);
}

// Every step of the guided tour types a command the shell takes.
async function tour(page) {
  const steps = await page.$$eval("#tour-steps li", (els) => els.length);
  const bad = [];
  for (let i = 1; i <= steps; i++) {
    await page.click(`#tour-steps li:nth-child(${i}) button`);
    const before = await seq(page);
    await page.click("#tour-run");
    try {
      await page.waitForFunction((n) => +document.body.dataset.seq > n, before, { timeout: 10000 });
    } catch (e) {
      bad.push(`step ${i}: no snapshot (${await page.textContent("#status")})`);
      continue;
    }
    const why = await page.evaluate(() => window.mm386.snapshots.at(-1).why);
    const text = await screen(page);
    if (/usage:|unknown command|refused|= NULL/.test(text.split(why).pop())) bad.push(`step ${i}: ${why}`);
  }
  check(bad.length === 0, `the ${steps} steps of the tour run their commands${bad.length ? ": " + bad.join("; ") : ""}`);
}

const t0 = Date.now();
const { browser, page, foreign } = await launch(url);
try {
  await at160(page);
  await at2048(page);
} catch (e) {
  check(false, `${e.message}`);
} finally {
  check(foreign.length === 0, `no request left the page's origin${foreign.length ? ": " + foreign.join(" ") : ""}`);
  await browser.close();
}
console.log(`# browser test took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
