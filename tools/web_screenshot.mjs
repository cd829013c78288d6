// web_screenshot.mjs SITE OUT.png [MEM] - a real screenshot of the playground.
//
// Serves SITE (make web's build/web) on localhost, boots mm386 in headless
// chromium at MEM MB (default 160, with the programs the page ticks), types
// a few commands of the tour (run -b hold: the user half has processes) so
// that every picture has something to show, and writes the browser window
// to OUT.png, unless OUT.png already holds the same picture (tools/png_same.mjs).
// `make docs` uses it for the picture at the top of README.md:
//
//   make web && node tools/web_screenshot.mjs build/web docs/images/playground.png

import fs from "node:fs";
import { decodePng, samePicture } from "./png_same.mjs";
import { launch, serve } from "./web_browser.mjs";

const [site, out, mem = "160"] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node tools/web_screenshot.mjs SITE OUT.png [MEM]");
  process.exit(2);
}
const COMMANDS = ["run -b hold", "kmalloc 100", "alloc_pages 3", "vmalloc 100000",
  "kmem_cache_create mycache 48", "cache_alloc mycache", "kmalloc 100"];

// The same page should give the same picture at every `make docs`.  These
// make chromium's software rasterizer draw more alike from run to run
// (without them the rounded corners of a button varied too); some lines of
// text may still land a pixel higher or lower, which samePicture() tells
// from a real change (tools/png_same.mjs).
const SAME_PIXELS = ["--run-all-compositor-stages-before-draw", "--disable-checker-imaging",
  "--disable-partial-raster", "--disable-lcd-text"];

const server = await serve(site);
const { browser, page, foreign } = await launch(server.url,
  { width: 1600, height: 1000, flags: SAME_PIXELS });
try {
  await page.goto(`${server.url}?mem=${mem}&boot=1`);
  await page.waitForFunction(() => window.mm386 && window.mm386.status === "running", null, { timeout: 30000 });
  for (const cmd of COMMANDS) {
    const seq = await page.evaluate(() => +document.body.dataset.seq);
    await page.focus("#terminal textarea");
    await page.keyboard.type(cmd, { delay: 10 });
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => +document.body.dataset.seq > n, seq, { timeout: 10000 });
  }
  await page.click("#tour-steps li:nth-child(6) button");      // the tour at alloc_pages
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
  const shot = await page.screenshot();
  if (foreign.length) throw new Error(`requests left the origin: ${foreign.join(" ")}`);
  if (fs.existsSync(out) && samePicture(decodePng(fs.readFileSync(out)), decodePng(shot))) {
    console.log(`  PNG     ${out} (the same picture: kept)`);
  } else {
    fs.writeFileSync(out, shot);
    console.log(`  PNG     ${out}`);
  }
} finally {
  await browser.close();
  await server.close();
}
