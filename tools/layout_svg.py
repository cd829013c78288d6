#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""layout_svg.py - draw mm386's address space as an SVG, from a serial log.

    tools/layout_svg.py build/boot.log -o layout.svg
    qemu-system-i386 ... -serial stdio | tools/layout_svg.py > layout.svg

Reads, from the log (the lines are in docs/interface.md):
  - the first "virtual kernel memory layout:" block (printed at every boot),
  - the "NMB HIGHMEM available." / "NMB LOWMEM available." lines,
  - the "Zone ranges:" block,
  - if there is one, a dump=vmallocinfo section ("==> /proc/vmallocinfo <=="),
  - if there is one, a process's /proc/PID/maps ("==> /proc/PID/maps <==",
    which dump=maps prints as each process exits).

Draws, on the left, the 4 GB virtual address space as one bar, from user
space at the bottom to the never-mapped top page, with the kernel image
inside lowmem, the vmalloc areas inside vmalloc and a process's VMAs
(its program, heap, mmaps, stack) inside user space; and on the right the
physical RAM by zone, with the direct map (lowmem: virtual = physical +
PAGE_OFFSET) drawn between them.  The virtual regions range from 4 kB to
3 GB, so that bar uses a broken scale: a band's height grows with the
logarithm of its size.  The picture's legend says so.

Python 3 standard library only.  The log parsers are tests/host/mmlog.py's.
"""
import argparse
import math
import os
import re
import sys
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "host"))
import mmlog  # noqa: E402

KB, MB, GB = 1 << 10, 1 << 20, 1 << 30
PAGE_SIZE = 4096
LAYOUT_HEAD = "virtual kernel memory layout:\n"
LAYOUT_NAMES = ["fixmap", "pkmap", "vmalloc", "lowmem", ".init", ".data", ".text"]
VMALLOCINFO_RE = re.compile(r"^0x([0-9a-f]{8})-0x([0-9a-f]{8}) +(\d+) (\S+)(.*)$")
MAPS_HEAD_RE = re.compile(r"^==> /proc/(\d+)/maps <==$", re.M)
MAPS_RE = re.compile(r"^([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}) [0-9a-f]{8} \S+ \d+ *(.*)$")

SANS = "DejaVu Sans, Helvetica, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"

# Colours: one hue per kind of mapping; unmapped space is hatched.
COLOURS = {
    "user": ("#eef1f6", "#8a96a8"),
    "lowmem": ("#d5ecd4", "#3f8a3f"),
    "vmalloc": ("#d6e4f7", "#3b6fb6"),
    "pkmap": ("#fde3c8", "#c9731d"),
    "fixmap": ("#eadcf8", "#7d4fb3"),
    "hole": ("url(#hatch)", "#9a9a9a"),
    ".text": ("#f4b183", "#b5662b"),
    ".data": ("#ffd966", "#b38f00"),
    ".init": ("#c9a0dc", "#7d4fb3"),
    "area": ("#3b6fb6", "#274b7a"),
    "vma": ("#8a96a8", "#4f5b6e"),
    "DMA": ("#f8cecc", "#b85450"),
    "Normal": ("#d5ecd4", "#3f8a3f"),
    "HighMem": ("#fff2cc", "#c9a227"),
}
INK, GREY = "#222222", "#666666"


class LogError(Exception):
    pass


# ---------------------------------------------------------------------
# Reading the log
# ---------------------------------------------------------------------


def vmallocinfo(log):
    """[(start, end, size, caller)] from the first dump=vmallocinfo, or None
    when the log has none."""
    if "==> /proc/vmallocinfo <==\n" not in log:
        return None
    areas = []
    for line in mmlog.proc(log, "vmallocinfo"):
        m = VMALLOCINFO_RE.match(line)
        if not m:
            raise LogError(f"bad /proc/vmallocinfo line: {line!r}")
        areas.append((int(m.group(1), 16), int(m.group(2), 16), int(m.group(3)), m.group(4)))
    return areas


def process_maps(log):
    """(pid, name, [(start, end, perms, label)]) of the first /proc/PID/maps
    in the log, or None.  The name is the program's, from its exit line."""
    m = MAPS_HEAD_RE.search(log)
    if not m:
        return None
    pid = int(m.group(1))
    vmas = []
    for line in mmlog.proc(log, f"{pid}/maps"):
        v = MAPS_RE.match(line)
        if not v:
            break
        vmas.append((int(v.group(1), 16), int(v.group(2), 16), v.group(3), v.group(4).strip()))
    name = re.search(rf"^exit: (\S+)\[{pid}\] ", log[m.end():], re.M)
    return pid, name.group(1) if name else f"pid {pid}", vmas


def read_log(text):
    """Everything the picture needs, or LogError saying what is missing."""
    log = re.sub(r"\r+\n", "\n", text)
    if LAYOUT_HEAD not in log:
        raise LogError("no \"virtual kernel memory layout:\" block in the log: it is printed "
                       "by every boot after the \"Memory:\" line, so this is not an mm386 "
                       "serial log, or it was cut off early")
    lay = mmlog.layout(log)
    missing = [n for n in LAYOUT_NAMES if n not in lay]
    if missing:
        raise LogError("the \"virtual kernel memory layout:\" block is incomplete "
                       f"(no {', '.join(missing)} line)")
    if "Zone ranges:\n" not in log:
        raise LogError("no \"Zone ranges:\" block in the log")
    try:
        zones = mmlog.zones(log)
    except (AssertionError, IndexError) as e:
        raise LogError(f"cannot read the \"Zone ranges:\" block: {e}")
    if not re.search(r"^\d+MB HIGHMEM available\.$", log, re.M) or \
            not re.search(r"^\d+MB LOWMEM available\.$", log, re.M):
        raise LogError("no \"NMB HIGHMEM available.\" / \"NMB LOWMEM available.\" lines")
    high_mb, low_mb = mmlog.mb_lines(log)
    cmdline = re.search(r"^Command line: (.*)$", log, re.M)
    return {"layout": lay, "zones": zones, "high_mb": high_mb, "low_mb": low_mb,
            "areas": vmallocinfo(log), "cmdline": cmdline.group(1) if cmdline else None,
            "process": process_maps(log)}


# ---------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------


def human(size):
    """4096 -> "4 kB", 3 GB -> "3 GB", 4120576 -> "4024 kB"."""
    for unit, name in ((GB, "GB"), (MB, "MB"), (KB, "kB")):
        if size >= unit and size % unit == 0:
            return f"{size // unit} {name}"
    if size >= 10 * MB:
        return f"{size // MB} MB"
    return f"{size // KB} kB" if size >= KB else f"{size} B"


def mb(size):
    """Megabytes with one decimal when not whole: "143.9 MB"."""
    return f"{size / MB:.1f}".rstrip("0").rstrip(".") + " MB"


def printed_size(entry):
    """The size as the log printed it: "848 MB", "68 kB"."""
    return f"{entry[2]} {entry[3]}"


def band_height(size, minimum=0):
    """The broken scale: 16 px for a page, 8 px more for every doubling."""
    return max(minimum, 16 + 8 * math.log2(max(size, PAGE_SIZE) / PAGE_SIZE))


def text_width(text, size, mono=False):
    return len(text) * size * (0.61 if mono else 0.56)


def spread(items, lo, hi, gap=6):
    """Place boxes (want_centre, height) between lo and hi without overlap,
    each as near its wanted centre as possible; returns the top of each."""
    order = sorted(range(len(items)), key=lambda i: items[i][0])
    tops = [0.0] * len(items)
    y = lo
    for i in order:
        want, h = items[i]
        tops[i] = max(want - h / 2, y)
        y = tops[i] + h + gap
    y = hi
    for i in reversed(order):
        h = items[i][1]
        tops[i] = min(tops[i], y - h)
        y = tops[i] - gap
    return tops


class Svg:
    def __init__(self):
        self.parts = []

    def add(self, s):
        self.parts.append(s)

    def rect(self, x, y, w, h, fill, stroke, sw=1.0, extra=""):
        self.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{max(h, 0.5):.1f}" '
                 f'fill="{fill}" stroke="{stroke}" stroke-width="{sw}"{extra}/>')

    def line(self, x1, y1, x2, y2, stroke, sw=1.0, extra=""):
        self.add(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                 f'stroke="{stroke}" stroke-width="{sw}"{extra}/>')

    def text(self, x, y, s, size=12, mono=False, anchor="start", weight="normal",
             fill=INK, italic=False):
        style = ' font-style="italic"' if italic else ""
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" font-family="{MONO if mono else SANS}" '
                 f'font-size="{size}" font-weight="{weight}" fill="{fill}" '
                 f'text-anchor="{anchor}" xml:space="preserve"{style}>{escape(s)}</text>')

    def label(self, x, y, lines, anchor="start", bg=True):
        """A block of (text, size, mono, weight, fill) lines with a white
        backing so that lines drawn under it stay readable; y is its top."""
        h = sum(l[1] + 4 for l in lines) + 4
        w = max(text_width(l[0], l[1], l[2]) for l in lines) + 10
        left = x - w + 5 if anchor == "end" else x - 5
        if bg:
            self.rect(left, y, w, h, "#ffffff", "none", extra=' fill-opacity="0.88" rx="3"')
        ty = y + 2
        for text, size, mono, weight, fill in lines:
            ty += size + 3
            self.text(x, ty - 1, text, size, mono, anchor, weight, fill)
        return h


def label_height(lines):
    return sum(l[1] + 4 for l in lines) + 4


# ---------------------------------------------------------------------
# The picture
# ---------------------------------------------------------------------

W, TOP, BOTTOM_PAD = 1380, 128, 150
VX, VW = 290, 270               # the virtual bar
PX, PW = 930, 280               # the physical bar
LABEL_X = VX - 40               # right edge of the region labels
TICK_X = VX + VW + 8            # boundary addresses, right of each bar
TICK_W = 160                    # room they take: the direct map starts after them
PMIN = 56                       # the least height of a zone on the physical bar


def roomiest_spot(vt, vb, pt, pb, x1, cx, width, height):
    """Where a width x height label fits best between the two curves of the
    direct map (from (x1, vt|vb) to (PX, pt|pb), bending at cx): (x, y) of
    its centre."""
    def ys_at(a, b):
        pts = []
        for i in range(101):
            t = i / 100
            x = (1 - t) ** 3 * x1 + 3 * (1 - t) * t * cx + t ** 3 * PX
            pts.append((x, (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * a +
                        3 * (1 - t) * t ** 2 * b + t ** 3 * b))
        return pts
    top, bottom = ys_at(vt, pt), ys_at(vb, pb)
    best = None
    for x in range(int(x1 + width / 2), int(PX - width / 2) + 1, 5):
        hi = max(y for px, y in top if abs(px - x) <= width / 2)
        lo = min(y for px, y in bottom if abs(px - x) <= width / 2)
        if best is None or lo - hi > best[0]:
            best = (lo - hi, x, (hi + lo) / 2)
    return best[1], best[2]


def tick_label(svg, x, y, addr, name):
    """A boundary: a short tick on the bar's edge, the address just above it."""
    svg.line(x - 8, y, x - 3, y, INK)
    svg.text(x, y - 3, f"0x{addr:08x}", 11, mono=True)
    if name:
        svg.text(x + text_width("0x00000000 ", 11, True), y - 3, name, 10, fill=GREY)


def virtual_regions(d):
    """The regions of the 4 GB, from the top down: (key, name, start, end,
    size text, description, the name of the start address)."""
    lay = d["layout"]
    fix, pk, vm, low = lay["fixmap"], lay["pkmap"], lay["vmalloc"], lay["lowmem"]
    regions = [
        ("hole", "top page", fix[1], 1 << 32, human((1 << 32) - fix[1]),
         "never mapped", "FIXADDR_TOP"),
        ("fixmap", "fixmap", fix[0], fix[1], printed_size(fix),
         "kmap_atomic() slots", "FIXADDR_START"),
        ("hole", "unmapped", pk[1], fix[0], human(fix[0] - pk[1]), "between pkmap and fixmap",
         ""),
        ("pkmap", "pkmap", pk[0], pk[1], printed_size(pk),
         f"kmap() window: {(pk[1] - pk[0]) // PAGE_SIZE} slots", "PKMAP_BASE"),
        ("hole", "unmapped", vm[1], pk[0], human(pk[0] - vm[1]), "guard pages below pkmap",
         "VMALLOC_END"),
        ("vmalloc", "vmalloc", vm[0], vm[1], printed_size(vm),
         "vmalloc() areas, each with a guard page", "VMALLOC_START"),
        ("hole", "unmapped gap", low[1], vm[0], human(vm[0] - low[1]),
         "VMALLOC_OFFSET: catches overruns", "high_memory"),
        ("lowmem", "lowmem", low[0], low[1], printed_size(low),
         f"direct map: virtual = physical + 0x{low[0]:08x}", "PAGE_OFFSET"),
        ("user", "user space", 0, low[0], human(low[0]),
         "each process's own VMAs", ""),
    ]
    return [r for r in regions if r[3] > r[2]]


class Picture:
    """The geometry of one picture, and a method for each of its parts.

    Virtual bands run top-down from the top of the 4 GB; physical bands run
    bottom-up from address 0, sharing the virtual bar's bottom line."""

    def __init__(self, d, title):
        self.d, self.title = d, title
        self.lay, self.zones, self.areas = d["layout"], d["zones"], d["areas"]
        self.svg = Svg()
        self.regions = virtual_regions(d)
        rows_wanted = min(len(self.areas or ()), 8)
        self.process = d.get("process")
        vma_rows = len(self.process[2]) if self.process else 0
        minimum = {"lowmem": 112, "vmalloc": 56 + 14 * rows_wanted, "user": 60 + 14 * vma_rows}
        self.heights = [band_height(r[3] - r[2], minimum.get(r[0], 0)) for r in self.regions]
        self.ys, y = [], TOP
        for h in self.heights:
            self.ys.append(y)
            y += h
        self.bottom = y
        self.height = y + BOTTOM_PAD

        present = [(n, self.zones[n]) for n in ("DMA", "Normal", "HighMem") if self.zones[n]]
        self.ram_end = present[-1][1][1] + 1
        total = max(0.62 * (self.bottom - TOP), 330)
        shares = [max(PMIN, total * (e + 1 - (s if i else 0)) / self.ram_end)
                  for i, (n, (s, e)) in enumerate(present)]
        scale = (total - PMIN * len(present)) / max(sum(shares) - PMIN * len(present), 1)
        self.pbands, y = [], self.bottom          # (zone, start, end, top, height)
        for i, ((n, (s, e)), h) in enumerate(zip(present, shares)):
            h = PMIN + (h - PMIN) * scale
            self.pbands.append((n, s if i else 0, e + 1, y - h, h))
            y -= h
        self.ptop = y

        # The links between the bars run straight under the tick labels, then bend.
        self.x0, self.x1 = VX + VW, VX + VW + TICK_W
        self.cx = (self.x1 + PX) / 2

    def band(self, key):
        """(top, height) of the first virtual band of kind @key."""
        i = next(i for i, r in enumerate(self.regions) if r[0] == key)
        return self.ys[i], self.heights[i]

    def vy(self, addr):
        """The y of a virtual address: linear inside its band."""
        for r, top, h in zip(self.regions, self.ys, self.heights):
            if r[2] <= addr <= r[3]:
                return top + h * (r[3] - addr) / (r[3] - r[2])
        raise ValueError(hex(addr))

    def py(self, phys):
        """The y of a physical address: linear inside its zone."""
        for n, s, e, top, h in self.pbands:
            if s <= phys <= e:
                return top + h * (e - phys) / (e - s)
        raise ValueError(hex(phys))

    def link(self, a, b, end=PX):
        return (f"M{self.x0},{a:.1f} L{self.x1},{a:.1f} C{self.cx},{a:.1f} {self.cx},{b:.1f} "
                f"{end},{b:.1f}")

    def header(self):
        d, svg = self.d, self.svg
        svg.text(40, 38, self.title or "mm386: the virtual address space and physical memory",
                 20, weight="bold")
        sub = f"{d['low_mb']}MB LOWMEM available.  {d['high_mb']}MB HIGHMEM available."
        if d["cmdline"] is not None:
            sub += f"   Command line: {d['cmdline'] or '(empty)'}"
        svg.text(40, 62, sub, 13, fill=GREY)
        svg.text(VX + VW / 2, TOP - 36, "virtual addresses (4 GB, 3G/1G split)", 14,
                 anchor="middle", weight="bold")
        svg.text(VX + VW / 2, TOP - 20, "broken scale: height grows with log\u2082(size)", 11,
                 anchor="middle", fill=GREY, italic=True)
        svg.text(PX + PW / 2, self.ptop - 40, "physical RAM, by zone", 14, anchor="middle",
                 weight="bold")
        svg.text(PX + PW / 2, self.ptop - 24, "linear scale (small zones stretched)", 11,
                 anchor="middle", fill=GREY, italic=True)

    def direct_map(self):
        """lowmem: virtual PAGE_OFFSET.. is physical 0.., a shaded link."""
        svg, low = self.svg, self.lay["lowmem"]
        vt, vb = self.vy(low[1]), self.vy(low[0])
        pt, pb = self.py(low[1] - low[0]), self.py(0)
        svg.add(f'<path d="{self.link(vt, pt)} L{PX},{pb:.1f} C{self.cx},{pb:.1f} '
                f'{self.cx},{vb:.1f} {self.x1},{vb:.1f} L{self.x0},{vb:.1f} Z" fill="#3f8a3f" '
                'fill-opacity="0.10" stroke="none"/>')
        for a, b in ((vt, pt), (vb, pb)):
            svg.add(f'<path d="{self.link(a, b, PX - 3)}" fill="none" stroke="#3f8a3f" '
                    'stroke-width="1.4" marker-end="url(#arrow-green)"/>')
        if self.zones["Normal"] and self.zones["DMA"]:
            dma_end = self.zones["DMA"][1] + 1
            a, b = self.vy(low[0] + dma_end), self.py(dma_end)   # after the tick labels
            svg.add(f'<path d="M{self.x1},{a:.1f} C{self.cx},{a:.1f} {self.cx},{b:.1f} '
                    f'{PX},{b:.1f}" fill="none" stroke="#3f8a3f" stroke-width="0.8" '
                    'stroke-dasharray="3,3"/>')
        words = [("direct map (lowmem)", 12, False, "bold", "#2d6a2d"),
                 (f"virt = phys + 0x{low[0]:08x}", 11, True, "normal", INK)]
        w = max(text_width(t, size, mono) for t, size, mono, _, _ in words) + 10
        lx, ly = roomiest_spot(vt, vb, pt, pb, self.x1, self.cx, w + 16, label_height(words))
        svg.label(lx, ly - label_height(words) / 2, words, anchor="middle")

    def highmem_links(self):
        """HighMem has no permanent address: kmap() and kmap_atomic() lend one."""
        if not self.zones["HighMem"]:
            return
        n, s, e, top, h = next(b for b in self.pbands if b[0] == "HighMem")
        hy = top + h / 2
        for key, words in (("pkmap", "kmap()"), ("fixmap", "kmap_atomic()")):
            btop, bh = self.band(key)
            ty = btop + bh / 2
            self.svg.add(f'<path d="M{PX},{hy:.1f} C{self.cx},{hy:.1f} {self.cx},{ty:.1f} '
                         f'{self.x1},{ty:.1f} L{self.x0 + 3},{ty:.1f}" fill="none" '
                         'stroke="#c9a227" stroke-width="1.3" stroke-dasharray="6,4" '
                         'marker-end="url(#arrow-gold)"/>')
            self.svg.label(self.cx, (hy + ty) / 2 - 10, [(words, 11, True, "bold", "#8a6d00")],
                           anchor="middle")

    def virtual_bar(self):
        svg = self.svg
        for r, top, h in zip(self.regions, self.ys, self.heights):
            fill, stroke = COLOURS[r[0]]
            svg.rect(VX, top, VW, h, fill, stroke, 1.2)
        svg.rect(VX, TOP, VW, self.bottom - TOP, "none", INK, 1.6)
        svg.text(TICK_X, TOP - 3, "0xffffffff", 11, mono=True, fill=GREY)
        for r, top, h in zip(self.regions, self.ys, self.heights):
            tick_label(svg, TICK_X, top + h, r[2], r[6])

    def kernel_image(self):
        """The image's place in lowmem, and a zoomed box with its sections."""
        svg, lay = self.svg, self.lay
        ltop, _ = self.band("lowmem")
        img = [(n, lay[n]) for n in (".init", ".data", ".text")]
        mbot = self.vy(lay[".text"][0])
        mtop = min(self.vy(lay[".init"][1]), mbot - 2)
        svg.rect(VX + 1, mtop, VW - 2, mbot - mtop, "#b5662b", "none")
        bh, bw = 18 + 15 * len(img), VW - 24
        bx, by = VX + 12, ltop + 8
        svg.add(f'<path d="M{VX + 1},{mtop:.1f} L{bx},{by + bh:.1f} M{VX + VW - 1},'
                f'{mtop:.1f} L{bx + bw},{by + bh:.1f}" stroke="#b5662b" '
                'stroke-width="0.8" stroke-dasharray="2,2" fill="none"/>')
        svg.rect(bx, by, bw, bh, "#ffffff", "#b5662b", 1, ' rx="3"')
        at = (lay[".text"][0] - lay["lowmem"][0]) >> 20
        svg.text(bx + 6, by + 13, f"kernel image, at {at} MB into lowmem", 10, weight="bold",
                 fill="#8a4a1a")
        for j, (n, (s, e, size, unit)) in enumerate(img):
            ry = by + 18 + 15 * j
            fill, stroke = COLOURS[n]
            svg.rect(bx + 6, ry + 2, 10, 10, fill, stroke)
            svg.text(bx + 20, ry + 11, f"{n:<5} 0x{s:08x}-0x{e:08x} {size:>3} {unit}", 10,
                     mono=True)

    def vmalloc_areas(self):
        """Each area marked at its place in vmalloc, and listed in a box."""
        areas, svg = self.areas, self.svg
        if areas is None:
            return
        colour = COLOURS["area"][1]
        vtop, vh = self.band("vmalloc")
        for s, e, size, caller in areas:
            a, b = self.vy(e), self.vy(s)
            svg.rect(VX + 1, a, 10, max(b - a, 1.5), COLOURS["area"][0], "none")
        rows = max(1, min(len(areas), int((vh - 30) // 14)))
        shown = areas if rows >= len(areas) else areas[:rows - 1]
        bx, by, bw = VX + 20, vtop + 8, VW - 28
        bh = 18 + 14 * max(1, len(shown) + (len(shown) < len(areas)))
        if areas:
            top = self.vy(max(a[1] for a in areas))
            svg.add(f'<path d="M{VX + 11},{top:.1f} L{bx},{by + bh:.1f}" stroke="{colour}" '
                    'stroke-width="0.8" stroke-dasharray="2,2" fill="none"/>')
        svg.rect(bx, by, bw, bh, "#ffffff", colour, 1, ' rx="3"')
        svg.text(bx + 6, by + 13, f"{len(areas)} area{'s' * (len(areas) != 1)} "
                 "(/proc/vmallocinfo)", 10, weight="bold", fill=colour)
        room = int((bw - 12 - text_width("0x00000000 1234 kB ", 10, True)) /
                   text_width("x", 10, True))
        for j, (s, e, size, caller) in enumerate(shown):
            c = caller.split("+")[0] or caller
            c = c if len(c) <= room else c[:max(room - 1, 1)] + "\u2026"
            svg.text(bx + 6, by + 27 + 14 * j, f"0x{s:08x} {human(size):>7} {c}", 10, mono=True)
        if not areas:
            svg.text(bx + 6, by + 27, "none", 10, fill=GREY, italic=True)
        elif len(shown) < len(areas):
            svg.text(bx + 6, by + 27 + 14 * len(shown),
                     f"\u2026 and {len(areas) - len(shown)} more", 10, fill=GREY, italic=True)

    def user_vmas(self):
        """A process's VMAs marked in user space (on a linear scale of its
        3 GB), and listed in a box as its /proc/PID/maps lists them."""
        if not self.process:
            return
        pid, name, vmas = self.process
        svg, colour = self.svg, COLOURS["vma"][1]
        utop, uh = self.band("user")
        top_of_user = self.lay["lowmem"][0]

        def y(addr):
            return utop + uh * (top_of_user - addr) / top_of_user

        for s, e, perms, label in vmas:
            a, b = y(e), y(s)
            svg.rect(VX + 1, a, 10, max(b - a, 1.5), COLOURS["vma"][0], "none")
        bx, by, bw = VX + 20, utop + 8, VW - 28
        bh = 18 + 14 * len(vmas)
        svg.rect(bx, by, bw, bh, "#ffffff", colour, 1, ' rx="3"')
        svg.text(bx + 6, by + 13, f"{name}[{pid}]'s VMAs (/proc/{pid}/maps)", 10,
                 weight="bold", fill=colour)
        for j, (s, e, perms, label) in enumerate(vmas):
            svg.text(bx + 6, by + 27 + 14 * j,
                     f"0x{s:08x} {human(e - s):>7} {perms} {label or 'anonymous'}", 10, mono=True)

    def region_labels(self):
        """Name, range, size and use of each region, left of the bar, spread
        so that they never overlap, each with a leader line to its band."""
        blocks = []
        for key, name, s, e, size, desc, tick in self.regions:
            blocks.append([(f"{name}  \u00b7  {size}", 12, False, "bold",
                            COLOURS[key][1] if key != "hole" else GREY),
                           (f"0x{s:08x} - 0x{min(e, 0xffffffff):08x}", 11, True, "normal", INK),
                           (desc, 10, False, "normal", GREY)])
        centres = [top + h / 2 for top, h in zip(self.ys, self.heights)]
        tops = spread([(c, label_height(b)) for c, b in zip(centres, blocks)],
                      TOP - 6, self.bottom + 6)
        for b, c, t in zip(blocks, centres, tops):
            ly = t + label_height(b) / 2
            self.svg.add(f'<path d="M{VX},{c:.1f} L{VX - 14},{c:.1f} L{LABEL_X + 6},{ly:.1f}" '
                         f'fill="none" stroke="{GREY}" stroke-width="0.8"/>')
            self.svg.label(LABEL_X, t, b, anchor="end", bg=False)

    def physical_bar(self):
        """The zones, each labelled inside its band as "Zone ranges:" prints it."""
        svg, zones = self.svg, self.zones
        for n, s, e, top, h in self.pbands:
            fill, stroke = COLOURS[n]
            svg.rect(PX, top, PW, h, fill, stroke, 1.2)
        svg.rect(PX, self.ptop, PW, self.bottom - self.ptop, "none", INK, 1.6)
        kimg = self.lay[".text"][0] - self.lay["lowmem"][0]
        svg.line(PX + 1, self.py(kimg), PX + PW - 1, self.py(kimg), "#b5662b", 1.5)
        uses = {"DMA": f"ISA DMA's 16 MB; kernel at {kimg >> 20} MB",
                "Normal": "the rest of lowmem", "HighMem": "no permanent address: kmap() it"}
        for n, s, e, top, h in self.pbands:
            zs, ze = zones[n]
            block = [(f"ZONE_{n.upper()}  \u00b7  {mb(ze + 1 - zs)}", 12, False, "bold",
                      COLOURS[n][1]),
                     (f"[mem 0x{zs:016x}-0x{ze:016x}]", 10, True, "normal", INK),
                     (f"{(ze + 1 - zs) // PAGE_SIZE} pages \u00b7 {uses[n]}", 10, False,
                      "normal", GREY)]
            svg.label(PX + 9, top + (h - label_height(block)) / 2, block, bg=False)
        empty = [n for n in ("DMA", "Normal", "HighMem") if not zones[n]]
        if empty:
            svg.text(PX + PW / 2, self.ptop - 8, " \u00b7 ".join(
                f"{n} empty" + (": all RAM is lowmem" if n == "HighMem" else "")
                for n in empty), 11, anchor="middle", fill=GREY)
        for n, s, e, top, h in self.pbands:
            tick_label(svg, PX + PW + 8, top + h, s, "")
        tick_label(svg, PX + PW + 8, self.ptop, self.ram_end, "end of RAM")

    def legend(self):
        svg, y = self.svg, self.bottom + 34
        svg.text(40, y, "How to read it", 12, weight="bold")
        svg.text(40, y + 18, "Left: the 4 GB of virtual addresses on a broken (logarithmic) "
                 "scale. Each band is 16 px for 4 kB plus 8 px per doubling, so a 4 kB page and "
                 "3 GB of user space both stay visible;", 11, fill=GREY)
        svg.text(40, y + 33, "only the addresses written at the band edges are exact, and the "
                 "kernel image and vmalloc areas are shown at their place inside their band. "
                 f"Right: physical RAM by zone, to scale except that no zone is drawn under "
                 f"{PMIN} px.", 11, fill=GREY)
        x = 40
        for key, words in (("lowmem", "lowmem (direct map)"), ("vmalloc", "vmalloc"),
                           ("area", "vmalloc area"), ("pkmap", "pkmap (kmap)"),
                           ("fixmap", "fixmap (kmap_atomic)"), ("hole", "unmapped"),
                           ("user", "user space"), ("vma", "a process's VMA"),
                           (".text", "kernel image"), ("HighMem", "HighMem")):
            fill, stroke = COLOURS[key]
            svg.rect(x, y + 48, 14, 14, fill, stroke)
            svg.text(x + 20, y + 60, words, 11)
            x += 40 + text_width(words, 11)
        svg.text(40, y + 86, "Drawn by tools/layout_svg.py from the kernel's serial log: "
                 "virtual kernel memory layout, Zone ranges" +
                 (", /proc/vmallocinfo" if self.areas is not None else "") +
                 (f", /proc/{self.process[0]}/maps." if self.process else "."), 10, fill=GREY,
                 italic=True)

    def render(self):
        # Links first, so that bars and labels are drawn over them.
        for part in (self.header, self.direct_map, self.highmem_links, self.virtual_bar,
                     self.kernel_image, self.vmalloc_areas, self.user_vmas, self.region_labels,
                     self.physical_bar, self.legend):
            part()
        H = f"{self.height:.0f}"
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
                f'viewBox="0 0 {W} {H}">\n'
                f'<title>{escape(self.title or "mm386 virtual and physical memory layout")}'
                '</title>\n<defs>\n'
                '<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
                'patternTransform="rotate(45)"><rect width="8" height="8" fill="#f4f4f4"/>'
                '<line x1="0" y1="0" x2="0" y2="8" stroke="#c8c8c8" stroke-width="2"/>'
                '</pattern>\n' + "".join(
                    f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" '
                    'markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" '
                    f'fill="{colour}"/></marker>\n'
                    for name, colour in (("green", "#3f8a3f"), ("gold", "#c9a227"))) +
                f'</defs>\n<rect width="{W}" height="{H}" fill="#ffffff"/>\n')
        return head + "\n".join(self.svg.parts) + "\n</svg>\n"


def draw(d, title=None):
    """The SVG text for the log data @d (read_log())."""
    return Picture(d, title).render()


def main(argv=None):
    p = argparse.ArgumentParser(description="Draw mm386's virtual and physical memory "
                                "layout as SVG, from a serial log.")
    p.add_argument("log", nargs="?", default="-", help="the serial log (default: stdin)")
    p.add_argument("-o", "--output", default="-", help="the SVG file (default: stdout)")
    p.add_argument("--title", help="the picture's title")
    args = p.parse_args(argv)
    name = "stdin" if args.log == "-" else args.log
    try:
        if args.log == "-":
            text = sys.stdin.read()
        else:
            with open(args.log, errors="replace") as f:
                text = f.read()
        picture = draw(read_log(text), args.title)
    except (OSError, LogError) as e:
        print(f"layout_svg.py: {name}: {e}", file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(picture)
    else:
        with open(args.output, "w") as f:
            f.write(picture)
    return 0


if __name__ == "__main__":
    sys.exit(main())
