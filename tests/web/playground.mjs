// playground.mjs URL OUTDIR - drive the browser playground in Debian's chromium.
//
// Run by tests/host/test_web.py (make check) against a static server of
// build/web.  Two boots, as a student would do them: at 160 MB with two
// example modules and two user programs in the page's initramfs, lsmod must
// show both modules, kmalloc 100 put one more object in kmalloc-128's
// picture, alloc_pages 3 change the buddy picture's order-3 counts,
// `run mallocdemo` print the three allocators' table, and `run -b hold` put
// two processes in ps and their VMAs in the layout picture's user half; at
// 2048 MB, kmap of a HighMem page must show its pkmap slot, and every step
// of the tour (user space included) must run.  Each ends with poweroff.  The terminal is read from
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

// The screen of the terminal, as the DOM renderer shows it; a row filled to the
// last column goes on in the next (a long line, wrapped), so the two are joined.
const screen = (page) => page.$eval("#terminal .xterm-rows", (el) => {
  const rows = [...el.children].map((row) => row.textContent.replace(/\u00a0/g, " "));
  const cols = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => r.trimEnd() + (r.trimEnd().length === cols ? "" : "\n")).join("").trimEnd();
});

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

// Tick exactly @want among the checkboxes called @name.
async function tickOnly(page, name, want) {
  for (const value of await page.$$eval(`input[name=${name}]`, (els) => els.map((e) => e.value)))
    await page.setChecked(`input[name=${name}][value="${value}"]`, want.includes(value));
}

async function bootAt(page, mem, modules, programs) {
  await page.goto(url);
  await page.check(`input[name=mem][value="${mem}"]`);
  await tickOnly(page, "module", modules);
  await tickOnly(page, "program", programs);
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
  await bootAt(page, 160, ["mem_module", "cache_module"], ["mallocdemo", "hold"]);
  const initrd = await page.evaluate(() => window.mm386.initrd);
  check(initrd && initrd.files.join(" ") === "cache_module.ko mem_module.ko hold mallocdemo",
    `the page's initramfs holds ${initrd && initrd.files.join(" ")} (${initrd && initrd.bytes} bytes)`);
  const mods = await run(page, "lsmod", /^cache_module +\d+[^\n]*\nmem_module +\d+/m);
  check(!!mods, "lsmod shows both modules of the initramfs");
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
  await userSpace(page);
  await shot(page, "playground-160mb.png");
  await poweroff(page);
}

// mallocdemo's table, then hold in the background: ps, and its VMAs in the picture.
async function userSpace(page) {
  const t = await run(page, "run mallocdemo",
    /malloc\(1 MB\) +0x(b7eff010) +user: mmap[^\n]*\n[^\n]*\n +kmalloc\(100\) +0xc[0-9a-f]+ +kernel: lowmem[^\n]*\n +vmalloc\(1 MB\) +0x[0-9a-f]+ +kernel: vmalloc area[\s\S]*run: mallocdemo\[\d+\]: [^\n]*: (nothing lost|LEAKED)/);
  check(t[2] === "nothing lost", `run mallocdemo prints the three allocators' table (malloc(1 MB) at 0x${t[1]}), then ${t[2]}`);
  check(await page.$$eval("#fig-layout rect.vma", (els) => els.length) === 0,
    "after it exits, the layout picture's user half is empty again");
  const h = await run(page, "run -b hold", /hold: parent (\d+), child (\d+): heap 0x[0-9a-f]+, mmap (0x[0-9a-f]+)[^\n]*; ready/);
  const ps = await run(page, "ps", new RegExp(`^ +${h[1]} +0 +\\d+ +S[^\\n]* hold\\n +${h[2]} +${h[1]} +\\d+ +S[^\\n]* hold$`, "m"));
  check(!!ps, `ps lists hold's parent ${h[1]} and child ${h[2]}, both sleeping`);
  const vmas = await page.$$eval("#fig-layout rect.vma", (els) => els.map((e) => e.dataset.cmd));
  const child = vmas.filter((c) => c.startsWith(`v2p ${h[2]} `));
  check(child.length >= 6 && vmas.includes(`v2p ${h[2]} 0x08048000`) && vmas.includes(`v2p ${h[2]} 0xbffdf000`),
    `the layout picture's user half shows hold's VMAs (${vmas.length}, ${child.length} of the child's: program, heap, mmap, stack)`);
  const rows = await page.$$eval(`#fig-layout g.proc[data-pid="${h[2]}"] rect.vma-row`, (els) => els.length);
  check(rows === child.length, `under the picture, the child's ${rows} VMAs one row each`);
  await page.click(`#fig-layout g.proc rect.vma-row[data-cmd="v2p ${h[2]} 0x08048000"]`);
  const w = await waitScreen(page, new RegExp(`v2p ${h[2]} 0x08048000[\\s\\S]*(PDE|pde)`, "i"), "a click on a VMA walks it");
  check(!!w, "a click on the child's program VMA runs v2p in its address space");
}

async function at2048(page) {
  await bootAt(page, 2048, ["kmap_module"], ["mallocdemo", "hold"]);
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
    if (/usage:|unknown command|refused|= NULL|no program|no process/.test(text.split(why).pop())) bad.push(`step ${i}: ${why}`);
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
