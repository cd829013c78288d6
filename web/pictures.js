// pictures.js - draw the kernel's telemetry snapshot (kernel/telemetry.c) as SVG.
//
// draw(snap, prev) redraws the five figures of index.html from one snapshot;
// prev (the snapshot before) lets a picture mark what changed.  Every
// clickable shape carries data-cmd="a shell command": main.js types it.
// Shapes also carry data-* attributes with their numbers, so that tests
// and screen readers read the same values the picture shows.

const PAGE = 4096;
const GB = 1024 * 1024 * 1024;
const MAX_ORDER = 11;
const CHUNK = 1 << (MAX_ORDER - 1);          // pages in the largest buddy block (4 MB)
const ORDER_COLOURS = ["#fde0dd", "#fcc5c0", "#fa9fb5", "#f768a1", "#dd3497", "#ae017e",
  "#7a0177", "#49006a", "#225ea8", "#0c2c84", "#1a9850"];

export const hex = (n) => "0x" + (n >>> 0).toString(16).padStart(8, "0");
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function size(bytes) {
  if (bytes >= GB && bytes % GB === 0) return `${bytes / GB} GB`;
  if (bytes >= 1 << 20) return `${+(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}

// A clickable shape's attributes: the command, and what a screen reader says.
function act(cmd, label) {
  return `data-cmd="${esc(cmd)}" tabindex="0" role="button" aria-label="${esc(label)}"`;
}

function svg(width, height, body, title) {
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#c0392b" stroke-width="2"/></pattern>` +
    `<pattern id="pcp" width="4" height="4" patternUnits="userSpaceOnUse">` +
    `<rect width="4" height="4" fill="#ffe9a8"/><circle cx="2" cy="2" r="1" fill="#b7950b"/></pattern></defs>` +
    body + "</svg>";
}

/* ------------------------------------------------------------------
 * The 4 GB virtual address space
 */

function layoutSegments(L) {
  const top = 2 ** 32;
  const pkmapEnd = L.pkmap_base + L.last_pkmap * PAGE;
  return [
    { name: "fixmap", start: L.fixaddr_start, end: L.fixaddr_top, cls: "fixmap", min: 16,
      about: "fixed mappings: kmap_atomic's slots" },
    { name: "", start: pkmapEnd, end: L.fixaddr_start, cls: "hole", min: 4 },
    { name: "pkmap", start: L.pkmap_base, end: pkmapEnd, cls: "pkmap", min: 18,
      about: "kmap()'s 1024 slots for HighMem pages" },
    { name: "", start: L.vmalloc_end, end: L.pkmap_base, cls: "hole", min: 4 },
    { name: "vmalloc", start: L.vmalloc_start, end: L.vmalloc_end, cls: "vmalloc", min: 40,
      about: "vmalloc(), modules: mapped page by page" },
    { name: "8 MB gap", start: L.high_memory, end: L.vmalloc_start, cls: "gap", min: 20,
      about: "VMALLOC_OFFSET: catches overruns of lowmem" },
    { name: "lowmem (direct map)", start: L.page_offset, end: L.high_memory, cls: "lowmem", min: 110,
      about: "physical memory at phys + 3 GB: kmalloc, __get_free_pages" },
  ].filter((s) => s.end > s.start && s.end <= top);
}

function drawLayout(s) {
  const L = s.layout;
  const W = 460, x0 = 10, bw = 90, x1 = 200, kw = 120;
  let body = "", y = 20;
  // Left: all 4 GB to scale.  High addresses at the top, as Linux's docs draw them.
  const H = 440, scale = H / 2 ** 32;
  const userH = L.page_offset * scale;
  body += `<text x="${x0}" y="14" class="lbl">4 GB to scale</text>`;
  body += `<rect x="${x0}" y="${y}" width="${bw}" height="${H - userH}" class="kernel" ${act(`v2p ${hex(L.page_offset)}`, "kernel space, 3 GB to 4 GB")}/>`;
  body += `<text x="${x0 + 6}" y="${y + 16}" class="lbl">kernel 1 GB</text>`;
  body += `<rect x="${x0}" y="${y + H - userH}" width="${bw}" height="${userH}" class="user" ${act("v2p 0x08048000", "user space, 0 to 3 GB")}/>`;
  body += `<text x="${x0 + 6}" y="${y + H - userH + 16}" class="lbl">user space</text>`;
  body += `<text x="${x0 + 6}" y="${y + H - userH + 30}" class="small">0 - 3 GB</text>`;
  const procs = s.processes || [];
  if (!procs.length)
    body += `<text x="${x0 + 6}" y="${y + H - userH + 46}" class="small">no processes yet</text>`;
  procs.forEach((p, i) => (p.vmas || []).forEach((v) => {
    const vy = y + H - v.end * scale, vh = Math.max(2, (v.end - v.start) * scale);
    body += `<rect x="${x0 + 60 + 6 * i}" y="${vy}" width="5" height="${vh}" class="vma" ${act(`v2p ${p.pid} ${hex(v.start)}`, `${p.name || p.pid}[${p.pid}] ${v.name || "anonymous"} ${hex(v.start)}`)}/>`;
  }));
  body += `<text x="${x0 + bw + 4}" y="${y + H - userH + 4}" class="small">${hex(L.page_offset)}</text>`;
  body += `<text x="${x0 + bw + 4}" y="${y + H}" class="small">0x00000000</text>`;
  body += `<text x="${x0 + bw + 4}" y="${y + 8}" class="small">0xffffffff</text>`;
  // Right: the kernel's gigabyte, each region at least readable.
  const segs = layoutSegments(L);
  let total = 0;
  for (const g of segs) {
    g.h = Math.max(g.min, ((g.end - g.start) / GB) * H * 0.8);
    total += g.h;
  }
  const k = H / total;
  body += `<text x="${x1}" y="14" class="lbl">the kernel's 1 GB (not to scale)</text>`;
  body += `<path d="M${x0 + bw},${y} L${x1},${y} M${x0 + bw},${y + H - userH} L${x1},${y + H}" class="zoom"/>`;
  for (const g of segs) {
    const h = g.h * k;
    body += `<rect x="${x1}" y="${y}" width="${kw}" height="${h}" class="${g.cls}" ` +
      act(`v2p ${hex(g.start)}`, `${g.name || "unused"} ${hex(g.start)} to ${hex(g.end)}`) +
      ` data-region="${esc(g.name)}" data-start="${g.start}" data-end="${g.end}"/>`;
    if (g.name) {
      body += `<text x="${x1 + 4}" y="${y + Math.min(h - 3, 13)}" class="lbl">${esc(g.name)}</text>`;
      if (g.cls !== "fixmap") body += `<text x="${x1 + kw + 6}" y="${y + 4}" class="small">${hex(g.end)}</text>`;
      if (h > 30) body += `<text x="${x1 + 4}" y="${y + 26}" class="small">${size(g.end - g.start)}</text>`;
      if (h > 46 && g.cls !== "lowmem") body += `<text x="${x1 + 4}" y="${y + 40}" class="small">${esc(g.about)}</text>`;
    }
    if (g.cls === "lowmem") {
      // The kernel image and mem_map inside lowmem, to scale with a minimum.
      const at = (a) => y + h - ((a - g.start) / (g.end - g.start)) * h;
      const K = L.kernel;
      const band = (a, b, cls, label, cmd) => {
        const y1 = at(b), y2 = at(a), hh = Math.max(3, y2 - y1);
        return `<rect x="${x1 + kw - 26}" y="${y2 - hh}" width="22" height="${hh}" class="${cls}" ${act(cmd, label)}/>`;
      };
      body += band(K.text[0], K.bss[1], "image", `the kernel image ${hex(K.text[0])} to ${hex(K.bss[1])}`, `v2p ${hex(K.text[0])}`);
      body += band(L.mem_map[0], L.mem_map[1], "memmap", `mem_map ${hex(L.mem_map[0])}`, `v2p ${hex(L.mem_map[0])}`);
      const yImage = Math.min(at(K.text[0]) - 4, y + h - 16), yMap = Math.max(y + 40, Math.min(at(L.mem_map[0]) + 12, yImage - 12));
      body += `<text x="${x1 + kw - 30}" y="${yImage}" class="small" text-anchor="end">kernel image</text>`;
      body += `<text x="${x1 + kw - 30}" y="${yMap}" class="small" text-anchor="end">mem_map</text>`;
      body += `<text x="${x1 + kw + 6}" y="${y + h + 4}" class="small">${hex(g.start)} PAGE_OFFSET</text>`;
    }
    if (g.cls === "vmalloc") {
      for (const a of s.vmalloc) {
        const yy = y + h - ((a.addr - g.start) / (g.end - g.start)) * h;
        body += `<rect x="${x1 + 2}" y="${yy - 2}" width="${kw - 4}" height="2" class="area"/>`;
      }
    }
    y += h;
  }
  const [rows, height] = drawProcesses(procs, x0, 470);
  return svg(W, height, body + rows, "The 4 GB virtual address space: user space below 3 GB, the kernel's regions above");
}

// Under the 4 GB: the user half VMA by VMA (not to scale: to scale, a program's
// VMAs are a few pixels at 0x08048000), for the two newest processes.
function drawProcesses(procs, x0, y) {
  let body = "", rows = 0;
  procs.slice(-2).forEach((p, i) => {
    const x = x0 + i * 225, vmas = [...(p.vmas || [])].reverse();
    body += `<g class="proc" data-pid="${p.pid}"><text x="${x}" y="${y + 6}" class="lbl">${esc(p.name)}[${p.pid}]: its VMAs, top down</text>`;
    vmas.forEach((v, j) => {
      const yy = y + 12 + j * 15, what = v.name || "anonymous";
      body += `<rect x="${x}" y="${yy}" width="215" height="13" class="vma-row" ` +
        act(`v2p ${p.pid} ${hex(v.start)}`, `${p.name}[${p.pid}] ${what} ${hex(v.start)} to ${hex(v.end)}`) +
        ` data-start="${v.start}" data-end="${v.end}"/>`;
      body += `<text x="${x + 3}" y="${yy + 10}" class="small row">${hex(v.start).slice(2)}-${hex(v.end).slice(2)} ${esc(what)} ${size(v.end - v.start)}</text>`;
    });
    body += "</g>";
    rows = Math.max(rows, vmas.length);
  });
  return [body, procs.length ? y + 20 + rows * 15 : y];
}

/* ------------------------------------------------------------------
 * Physical memory: zones, buddyinfo, free blocks
 */

let selectedChunk = null;            // pfn / CHUNK of the chunk shown page by page

function blockKeys(s) {
  const keys = new Set();
  for (const z of s.zones) {
    for (const [p, o] of z.blocks) keys.add(`${p}:${o}`);
    for (const [p, o] of z.pcp) keys.add(`pcp${p}:${o}`);
  }
  return keys;
}

function bigFree(s, chunk) {
  const nib = s.max_order_map[chunk >> 2];
  return nib !== undefined && (parseInt(nib, 16) >> (chunk & 3)) & 1;
}

// The chunk where blocks changed since @prev (the newest change wins), or null.
function changedChunk(s, prev) {
  if (!prev) return null;
  const a = blockKeys(s), b = blockKeys(prev);
  for (const key of [...a, ...b])
    if (a.has(key) !== b.has(key))
      return Math.floor(+key.replace("pcp", "").split(":")[0] / CHUNK);
  for (let c = 0; c < s.max_order_map.length * 4; c++)
    if (bigFree(s, c) !== bigFree(prev, c)) return c;
  return null;
}

function drawBuddy(s, prev) {
  const zones = s.zones.filter((z) => z.present > 0);
  const changed = changedChunk(s, prev);
  if (changed !== null) selectedChunk = changed;
  if (selectedChunk === null || selectedChunk * CHUNK >= s.layout.max_pfn) {
    const z = zones.find((z) => z.blocks.length) || zones[0];
    selectedChunk = Math.floor((z.blocks.length ? z.blocks[0][0] : z.start_pfn) / CHUNK);
  }
  const W = 460, cell = 9, perRow = 44;
  let body = "", y = 0;
  for (const z of zones) {
    const pz = prev && prev.zones.find((q) => q.name === z.name);
    const first = Math.floor(z.start_pfn / CHUNK), last = Math.floor((z.start_pfn + z.spanned - 1) / CHUNK);
    y += 16;
    body += `<text x="4" y="${y}" class="lbl">${esc(z.name)}: pfn ${hex(z.start_pfn)}-${hex(z.start_pfn + z.spanned)}, ` +
      `${size(z.present * PAGE)}, ${z.free} pages free</text>`;
    y += 6;
    // buddyinfo as bars: one per order, height by log2 of the count
    const bw = 38, bh = 40;
    for (let o = 0; o < MAX_ORDER; o++) {
      const n = z.free_area[o], was = pz ? pz.free_area[o] : n;
      const h = n ? 4 + (Math.log2(n + 1) / 12) * (bh - 4) : 0;
      const x = 4 + o * (bw + 2);
      body += `<g class="order${n !== was ? " changed" : ""}" data-zone="${esc(z.name)}" data-order="${o}" data-count="${n}">` +
        `<rect x="${x}" y="${y + bh - h}" width="${bw}" height="${h}" fill="${ORDER_COLOURS[o]}"/>` +
        `<text x="${x + bw / 2}" y="${y + bh - h - 2}" class="small mid">${n}${n !== was ? (n > was ? " ▲" : " ▼") : ""}</text>` +
        `<text x="${x + bw / 2}" y="${y + bh + 10}" class="small mid">o${o}</text></g>`;
    }
    y += bh + 16;
    // the zone as 4 MB chunks: green = one free order-10 block
    const smallFree = new Map();
    for (const [p, o] of z.blocks) {
      const c = Math.floor(p / CHUNK);
      smallFree.set(c, (smallFree.get(c) || 0) + (1 << o));
    }
    for (let c = first, i = 0; c <= last; c++, i++) {
      const cx = 4 + (i % perRow) * (cell + 1), cy = y + Math.floor(i / perRow) * (cell + 1);
      const free = bigFree(s, c) ? CHUNK : (smallFree.get(c) || 0);
      const fill = bigFree(s, c) ? ORDER_COLOURS[10] : free ? `rgba(34,94,168,${0.25 + 0.75 * free / CHUNK})` : "#bbb";
      body += `<rect x="${cx}" y="${cy}" width="${cell}" height="${cell}" fill="${fill}" ` +
        `class="chunk${c === selectedChunk ? " selected" : ""}" data-chunk="${c}" tabindex="0" role="button" ` +
        `aria-label="4 MB at pfn ${hex(c * CHUNK)}: ${free} pages free"/>`;
    }
    y += Math.ceil((last - first + 1) / perRow) * (cell + 1) + 4;
  }
  // the selected chunk, page by page: 32 x 32 pages
  const c0 = selectedChunk * CHUNK, px = 7;
  y += 14;
  body += `<text x="4" y="${y}" class="lbl">pfn ${hex(c0)}-${hex(c0 + CHUNK - 1)} page by page (click a 4 MB square above)</text>`;
  body += `<text x="4" y="${y + 12}" class="small">grey: in use or reserved; colour: a free block; dots: on a per-CPU list</text>`;
  y += 12;
  y += 6;
  const zone = s.zones.find((z) => c0 >= z.start_pfn && c0 < z.start_pfn + z.spanned) || s.zones[0];
  let grid = "";
  for (let i = 0; i < CHUNK; i++)
    if (c0 + i < s.layout.max_pfn)
      grid += `<rect x="${4 + (i % 32) * px}" y="${y + Math.floor(i / 32) * px}" width="${px - 1}" height="${px - 1}" fill="#bbb"/>`;
  const blocks = bigFree(s, selectedChunk) ? [[c0, 10, false]] : [];
  for (const z of s.zones) {
    for (const [p, o] of z.blocks) if (p >= c0 && p < c0 + CHUNK) blocks.push([p, o, false]);
    for (const [p, o] of z.pcp) if (p >= c0 && p < c0 + CHUNK) blocks.push([p, o, true]);
  }
  for (const [p, o, pcp] of blocks) {
    const n = 1 << o;
    for (let i = p - c0; i < p - c0 + n; i += Math.min(n, 32)) {
      const w = Math.min(n, 32), h = n > 32 ? n / 32 : 1;
      grid += `<rect x="${4 + (i % 32) * px}" y="${y + Math.floor(i / 32) * px}" width="${w * px - 1}" height="${h * px - 1}" ` +
        `fill="${pcp ? "url(#pcp)" : ORDER_COLOURS[o]}" class="block" data-pfn="${p}" data-order="${o}" ` +
        act(`page pfn:${hex(p)}`, `${pcp ? "per-CPU" : "free"} order-${o} block at pfn ${hex(p)}`) + "/>";
      if (n > 32) break;
    }
  }
  body += grid;
  body += `<text x="${4 + 32 * px + 10}" y="${y + 10}" class="small">zone ${esc(zone.name)}</text>`;
  for (let o = 0; o < MAX_ORDER; o++)
    body += `<rect x="${4 + 32 * px + 10}" y="${y + 18 + o * 14}" width="10" height="10" fill="${ORDER_COLOURS[o]}"/>` +
      `<text x="${4 + 32 * px + 24}" y="${y + 27 + o * 14}" class="small">order ${o}: ${1 << o} page${o ? "s" : ""}</text>`;
  y += 32 * px + 6;
  const more = zones.reduce((n, z) => n + z.more, 0);
  if (more) body += `<text x="4" y="${y + 10}" class="small">(${more} more small free blocks not listed)</text>`;
  return svg(W, y + 16, body, "Physical memory by zone: free blocks of each order");
}

/* ------------------------------------------------------------------
 * Slab caches
 */

function drawSlab(s, prev, showAll) {
  const caches = s.slabs.filter((c) => showAll || c.full + c.partial.length + c.free + (c.active >= 0) > 0);
  const W = 460, rowH = 22, box = 12, maxBoxes = 20;
  let body = "", y = 4;
  body += `<text x="4" y="${y + 10}" class="small">■ full  ◧ partial  ▣ active (the cpu slab)  □ free; objects in use / objects</text>`;
  y += 16;
  for (const c of caches) {
    const p = prev && prev.slabs.find((q) => q.name === c.name);
    const slabs = c.full + c.partial.length + c.free + (c.active >= 0);
    const total = slabs * c.num, changed = p && p.inuse !== c.inuse;
    body += `<g class="cache${changed ? " changed" : ""}" data-cache="${esc(c.name)}" data-inuse="${c.inuse}" ` +
      `data-objects="${total}" data-full="${c.full}" data-partial="${c.partial.length}" data-free="${c.free}" ` +
      act("slabinfo", `${c.name}: ${c.inuse} of ${total} objects in use, ${slabs} slabs`) + ">";
    body += `<rect x="0" y="${y}" width="${W}" height="${rowH - 2}" class="row"/>`;
    body += `<text x="4" y="${y + 14}" class="lbl">${esc(c.name)}</text>`;
    body += `<text x="150" y="${y + 14}" class="small">${c.inuse}/${total}${changed ? (c.inuse > p.inuse ? " ▲" : " ▼") : ""}</text>`;
    const glyphs = [];
    for (let i = 0; i < c.full; i++) glyphs.push(["full", c.num]);
    if (c.active >= 0) glyphs.push(["active", c.active]);
    for (const n of c.partial) glyphs.push(["partial", n]);
    for (let i = 0; i < c.free; i++) glyphs.push(["free", 0]);
    let x = 220;
    glyphs.slice(0, maxBoxes).forEach(([kind, n]) => {
      const f = n ? Math.max(2, (n / c.num) * box) : 0;
      body += `<rect x="${x}" y="${y + 4}" width="${box}" height="${box}" class="slab ${kind}"/>`;
      if (f) body += `<rect x="${x}" y="${y + 4 + box - f}" width="${box}" height="${f}" class="fill"/>`;
      x += box + 2;
    });
    if (glyphs.length > maxBoxes) body += `<text x="${x}" y="${y + 14}" class="small">+${glyphs.length - maxBoxes}</text>`;
    body += "</g>";
    y += rowH;
  }
  if (!caches.length) body += `<text x="4" y="${y + 14}" class="small">no slab has objects yet</text>`;
  return svg(W, y + 24, body, "Slab caches with their full, partial and free slabs");
}

/* ------------------------------------------------------------------
 * vmalloc areas
 */

function drawVmalloc(s) {
  const L = s.layout, W = 460, areas = s.vmalloc;
  let body = "", x = 4, y = 20;
  const pxPage = 6;
  body += `<text x="4" y="12" class="small">from VMALLOC_START ${hex(L.vmalloc_start)}: pages of each area, then its guard page (hatched)</text>`;
  let at = L.vmalloc_start, row = 0;
  const labels = [];
  const wrap = (w) => { if (x + w > W - 4) { x = 4; row++; } };
  for (const a of areas) {
    if (a.addr > at) {            // free address space between areas
      wrap(24);
      body += `<rect x="${x}" y="${y + row * 54}" width="20" height="18" class="vfree"/>` +
        `<text x="${x + 10}" y="${y + row * 54 + 30}" class="small mid">${size(a.addr - at)}</text>`;
      x += 24;
    }
    const used = a.size - (a.guard ? PAGE : 0), n = used / PAGE;
    const w = Math.min(Math.max(n * pxPage, 8), W - 40);
    wrap(w + (a.guard ? pxPage + 2 : 0));
    const yy = y + row * 54;
    body += `<g class="varea" data-addr="${a.addr}" data-size="${a.size}" data-caller="${esc(a.caller)}">` +
      `<rect x="${x}" y="${yy}" width="${w}" height="18" class="area ${a.kind}" ` +
      act(`v2p ${hex(a.addr)}`, `${a.kind} area ${hex(a.addr)}, ${size(used)}, from ${a.caller}`) + "/>";
    labels.push(`<text x="${x}" y="${yy + 30}" class="small">${esc(a.caller.split("+")[0])}</text>`,
      `<text x="${x}" y="${yy + 42}" class="small">${size(used)}, ${a.pages} pages</text>`);
    x += w;
    if (a.guard) {
      body += `<rect x="${x}" y="${yy}" width="${pxPage}" height="18" fill="url(#hatch)" class="guard" ` +
        act(`v2p ${hex(a.addr + used)}`, `guard page at ${hex(a.addr + used)}`) + "/>";
      x += pxPage;
    }
    body += "</g>";
    x += 64;
    at = a.addr + a.size;
  }
  wrap(40);
  body += `<rect x="${x}" y="${y + row * 54}" width="36" height="18" class="vfree"/>` +
    `<text x="${x}" y="${y + row * 54 + 30}" class="small">free to ${hex(L.vmalloc_end)}</text>`;
  if (!areas.length) labels.push(`<text x="4" y="${y + 50}" class="small">no area yet: try vmalloc 100000</text>`);
  return svg(W, y + (row + 1) * 54 + 6, body + labels.join(""), "vmalloc areas with their guard pages");
}

/* ------------------------------------------------------------------
 * pkmap slots
 */

function drawPkmap(s) {
  const px = 10, W = 460;
  const used = new Map(s.pkmap.map(([slot, pfn, count]) => [slot, [pfn, count]]));
  let body = "";
  for (let i = 0; i < s.layout.last_pkmap; i++) {
    const x = 4 + (i % 32) * px, y = 4 + Math.floor(i / 32) * px;
    const u = used.get(i);
    if (!u) {
      body += `<rect x="${x}" y="${y}" width="${px - 1}" height="${px - 1}" class="slot"/>`;
      continue;
    }
    const [pfn, count] = u;
    body += `<rect x="${x}" y="${y}" width="${px - 1}" height="${px - 1}" class="slot ${count > 1 ? "busy" : "lazy"}" ` +
      `data-slot="${i}" data-pfn="${pfn}" data-count="${count}" ` +
      act(`page pfn:${hex(pfn)}`, `pkmap slot ${i}: pfn ${hex(pfn)}, ${count - 1} users`) + "/>";
  }
  const hx = 4 + 32 * px + 8;
  const high = s.zones.find((z) => z.name === "HighMem");
  const lines = [`${s.pkmap.length} slot${s.pkmap.length === 1 ? "" : "s"} in use`,
    "dark: kmapped", "light: unmapped,", "  awaiting the flush",
    `kmap_atomic: ${s.kmap_atomic} slot${s.kmap_atomic === 1 ? "" : "s"}`];
  if (!high || !high.present) lines.push("no HighMem here:", "kmap of lowmem", "needs no slot;", "boot 2048 MB", "or highmem=64M");
  lines.forEach((t, i) => { body += `<text x="${hx}" y="${14 + i * 13}" class="small">${esc(t)}</text>`; });
  return svg(W, 4 + 32 * px + 4, body, "pkmap slots in use");
}

export function draw(s, prev, opts = {}) {
  const put = (id, html) => { document.querySelector(`#${id} .pic`).innerHTML = html; };
  put("fig-layout", drawLayout(s));
  put("fig-buddy", drawBuddy(s, prev));
  put("fig-slab", drawSlab(s, prev, opts.showAllCaches));
  put("fig-vmalloc", drawVmalloc(s));
  put("fig-pkmap", drawPkmap(s));
}

// A click on a chunk of physical memory shows it page by page (no command).
export function selectChunk(c) {
  selectedChunk = c;
}
