// web_browser.mjs - headless Debian chromium, driven by playwright-core, for
// the playground's test (tests/web/playground.mjs) and screenshot
// (tools/web_screenshot.mjs).  No browser is ever downloaded: playwright-core
// comes from web/node_modules (npm ci) and runs /usr/bin/chromium.
//
// launch(url) gives { browser, page, foreign }: foreign collects every
// request that leaves @url's origin (the page must make none).  Playwright
// starts chromium with a fresh, temporary profile (user data dir) each time.
// serve(dir) is a static file server on 127.0.0.1 for scripts that have no
// `make serve` running (tools/web_screenshot.mjs).

import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const { chromium } = await import(new URL("../web/node_modules/playwright-core/index.mjs", import.meta.url));

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// launch(url, { width, height, flags }): chromium with FLAGS and @flags.
export async function launch(url, { width = 1500, height = 1300, flags = [] } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...flags],
    headless: true });
  const page = await browser.newPage({ viewport: { width, height } });
  const origin = new URL(url).origin, foreign = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== "data:" && u.protocol !== "blob:") foreign.push(r.url());
  });
  page.on("pageerror", (e) => {
    if (!String(e.message).includes("HALT")) console.log(`# page error: ${e.message}`);
  });
  return { browser, page, foreign };
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css",
  ".json": "application/json", ".wasm": "application/wasm", ".txt": "text/plain" };

// serve(dir): { url, close } of a static server of @dir on a free local port.
export function serve(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(root, rel.endsWith("/") ? rel + "index.html" : rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => server.close(r)),
  })));
}
