// web_screenshot.mjs SITE OUT.png [MEM] - a real screenshot of the playground.
//
// Serves SITE (make web's build/web) on localhost, boots mm386 in headless
// chromium at MEM MB (default 160, with the programs the page ticks), types
// a few commands of the tour (run -b hold: the user half has processes) so
// that every picture has something to show, and writes the browser window
// to OUT.png.  `make docs` uses it for the picture at the top of README.md:
//
//   make web && node tools/web_screenshot.mjs build/web docs/images/playground.png

import { launch, serve } from "./web_browser.mjs";

const [site, out, mem = "160"] = process.argv.slice(2);
if (!site || !out) {
  console.error("usage: node tools/web_screenshot.mjs SITE OUT.png [MEM]");
  process.exit(2);
}
const COMMANDS = ["run -b hold", "kmalloc 100", "alloc_pages 3", "vmalloc 100000",
  "kmem_cache_create mycache 48", "cache_alloc mycache", "kmalloc 100"];

const server = await serve(site);
const { browser, page, foreign } = await launch(server.url, { width: 1600, height: 1000 });
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
  await page.screenshot({ path: out });
  if (foreign.length) throw new Error(`requests left the origin: ${foreign.join(" ")}`);
  console.log(`  PNG     ${out}`);
} finally {
  await browser.close();
  await server.close();
}
