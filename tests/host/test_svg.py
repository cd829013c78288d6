"""tools/layout_svg.py: the address-space diagram drawn from a real serial
log must be valid SVG, show every region with the addresses the kernel
printed, keep its labels apart, and refuse a log it cannot draw."""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import mmlog
import qemu

TOOL = os.path.join(qemu.ROOT, "tools", "layout_svg.py")
SVG_NS = "{http://www.w3.org/2000/svg}"
BOOTS = {"160": ("poweroff", 160), "2048": ("poweroff", 2048),
         "160-highmem": ("highmem=64M poweroff", 160)}


@pytest.fixture(scope="module")
def logs():
    """One real boot per configuration, shared by the tests below."""
    out = {}
    for key, (params, mem) in BOOTS.items():
        out[key] = qemu.boot(params, mem=mem).expect_status(qemu.STATUS_OK).log
    return out


def render(log, *args):
    return subprocess.run([sys.executable, TOOL, *args], input=log.encode(),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)


def texts(svg):
    """Every <text> of the picture, as (text, x, y, size, mono, anchor)."""
    root = ET.fromstring(svg)
    assert root.tag == SVG_NS + "svg"
    return [(t.text or "", float(t.get("x")), float(t.get("y")), float(t.get("font-size")),
             "Mono" in t.get("font-family"), t.get("text-anchor"))
            for t in root.iter(SVG_NS + "text")]


def texts_of(log):
    return [t[0] for t in texts(render(log).stdout)]


def box(t):
    """A generous estimate of a text's bounding box (x0, y0, x1, y1)."""
    s, x, y, size, mono, anchor = t
    w = len(s) * size * (0.602 if mono else 0.56)
    x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
    return x0, y - 0.76 * size, x0 + w, y + 0.24 * size


def overlapping(ts):
    boxes = [(t[0], box(t)) for t in ts if t[0].strip()]
    bad = []
    for i, (a, (ax0, ay0, ax1, ay1)) in enumerate(boxes):
        for b, (bx0, by0, bx1, by1) in boxes[i + 1:]:
            if ax0 < bx1 - 1 and bx0 < ax1 - 1 and ay0 < by1 - 1 and by0 < ay1 - 1:
                bad.append((a, b))
    return bad


@pytest.mark.parametrize("key", list(BOOTS))
def test_every_region_is_drawn_with_the_logged_addresses(logs, key):
    log = logs[key]
    p = render(log)
    assert p.returncode == 0, p.stderr.decode()
    ts = texts(p.stdout)
    words = "\n".join(t[0] for t in ts)
    lay = mmlog.layout(log)
    assert set(lay) == {"fixmap", "pkmap", "vmalloc", "lowmem", ".init", ".data", ".text"}
    for name, (start, end, size, unit) in lay.items():
        # each region's label (or image row) holds its start, end and printed size
        row = [t[0] for t in ts if f"0x{start:08x}" in t[0] and f"0x{end:08x}" in t[0]]
        assert row, f"{name}: no text with 0x{start:08x} and 0x{end:08x}"
        assert f"{size} {unit}" in words, f"{name}: size {size} {unit} not shown"
    for region in ("user space", "lowmem", "unmapped gap", "vmalloc", "pkmap", "fixmap",
                   "top page"):
        assert any(t[0].startswith(region + "  \u00b7  ") for t in ts), region
    assert "0x00000000 - 0xc0000000" in words and "0xfffff000 - 0xffffffff" in words
    for name, rng in mmlog.zones(log).items():
        if rng:
            assert f"[mem 0x{rng[0]:016x}-0x{rng[1]:016x}]" in words, name
        else:
            assert f"{name} empty" in words, name
    high, low = mmlog.mb_lines(log)
    assert f"{low}MB LOWMEM available." in words and f"{high}MB HIGHMEM available." in words
    assert "logarithmic" in words                       # the legend names the scale
    if mmlog.zones(log)["HighMem"]:
        assert "kmap()" in words and "kmap_atomic()" in words


@pytest.mark.parametrize("key", list(BOOTS))
def test_labels_do_not_overlap(logs, key):
    bad = overlapping(texts(render(logs[key]).stdout))
    assert not bad, bad


def test_overlap_check_can_fail():
    ts = [("0xc0000000 lowmem", 10.0, 50.0, 11.0, True, "start"),
          ("0xc9fe0000", 60.0, 52.0, 11.0, True, "start")]
    assert overlapping(ts)


def test_writes_the_file_given_with_o(logs, tmp_path):
    out = tmp_path / "layout.svg"
    log = tmp_path / "boot.log"
    log.write_text(logs["160"])
    p = subprocess.run([sys.executable, TOOL, str(log), "-o", str(out), "--title", "at 160"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    assert p.returncode == 0 and p.stdout == b"", p.stderr.decode()
    ts = texts(out.read_bytes())
    assert ts[0][0] == "at 160"
    assert any("0xca7e0000" in t[0] for t in ts)       # VMALLOC_START at -m 160, Linux 6.1


def test_a_log_without_layout_is_refused(logs, tmp_path):
    banner_only = logs["160"].split("virtual kernel memory layout:")[0]
    out = tmp_path / "none.svg"
    p = render(banner_only, "-o", str(out))
    assert p.returncode != 0
    assert b'no "virtual kernel memory layout:" block' in p.stderr, p.stderr
    assert not out.exists() and p.stdout == b""
    p = render(logs["160"].replace("      .init :", "      .inot :"))
    assert p.returncode != 0 and b"incomplete (no .init, .data, .text line)" in p.stderr, \
        p.stderr
    p = render(logs["160"].replace("Zone ranges:", "Zone rangez:"))
    assert p.returncode != 0 and b'no "Zone ranges:" block' in p.stderr, p.stderr


def vmallocinfo(areas):
    return "==> /proc/vmallocinfo <==\n" + "".join(
        f"0x{s:08x}-0x{s + size:08x} {size:7d} {caller} pages={size // 4096 - 1} vmalloc\n"
        for s, size, caller in areas) + "mm386: powering off (done)\n"


def test_vmalloc_areas_from_vmallocinfo(logs):
    start = mmlog.layout(logs["160"])["vmalloc"][0]
    areas = [(start, 3 * 4096, "vmalloc_demo+0x2a/0x140"),
             (start + 3 * 4096, 17 * 4096, "module_alloc<x>&y+0x11/0x80"),
             (start + 0x400000, 1025 * 4096, "big_buffer_init+0x1c/0x60")]
    p = render(logs["160"] + vmallocinfo(areas))
    assert p.returncode == 0, p.stderr.decode()
    words = [t[0] for t in texts(p.stdout)]
    assert "3 areas (/proc/vmallocinfo)" in words
    for (s, size, caller), shown in zip(areas, ("12 kB", "68 kB", "4100 kB")):
        name = re.escape(caller.split("+")[0])
        assert [w for w in words if re.fullmatch(rf"0x{s:08x} +{shown} {name}", w)], \
            (caller, words)
    # Without the section there is no area list at all.
    assert not [w for w in texts_of(logs["160"]) if "vmallocinfo" in w]


def test_many_vmalloc_areas_are_summarised(logs):
    start = mmlog.layout(logs["2048"])["vmalloc"][0]
    areas = [(start + i * 8192, 8192, f"area_{i}+0x1/0x2") for i in range(30)]
    words = texts_of(logs["2048"] + vmallocinfo(areas))
    assert "30 areas (/proc/vmallocinfo)" in words
    listed = [w for w in words if re.fullmatch(r"0x[0-9a-f]{8} +8 kB area_\d+", w)]
    more = [w for w in words if w.startswith("\u2026 and ")]
    assert listed and more == [f"\u2026 and {30 - len(listed)} more"]


def test_bad_vmallocinfo_line_is_refused(logs):
    p = render(logs["160"] + "==> /proc/vmallocinfo <==\n0xzz-0x1 caller\n")
    assert p.returncode != 0 and b"bad /proc/vmallocinfo line" in p.stderr


@pytest.mark.parametrize("name,vmalloc_start", [("layout-160mb.svg", "0xca7e0000"),
                                                ("layout-2gb.svg", "0xf7ffe000")])
def test_committed_diagrams_are_current_svg(name, vmalloc_start):
    """docs/images/ holds what `make diagrams` drew from real boots."""
    with open(os.path.join(qemu.ROOT, "docs", "images", name), "rb") as f:
        words = [t[0] for t in texts(f.read())]
    assert any(w.startswith(vmalloc_start) for w in words), name


def test_a_process_vmas_from_dump_maps():
    """dump=maps: the first process's /proc/PID/maps is drawn in user space,
    one line per VMA, as the kernel printed it; the labels still do not overlap."""
    r = qemu.boot("poweroff dump=maps", mem=160,
                  initrd=[qemu.user_program("hold", 1)])
    r.expect_status(qemu.STATUS_OK)
    head = re.search(r"^==> /proc/(\d+)/maps <==$", r.log, re.M)
    pid = head.group(1)
    maps = [l for l in mmlog.proc(r.log, f"{pid}/maps") if re.match(r"^[0-9a-f]{8}-", l)]
    assert len(maps) >= 6
    p = render(r.log)
    assert p.returncode == 0, p.stderr.decode()
    words = [t[0] for t in texts(p.stdout)]
    assert f"hold[{pid}]'s VMAs (/proc/{pid}/maps)" in words
    for line in maps:
        start = line.split("-")[0]
        assert [w for w in words if w.startswith(f"0x{start} ")], (line, words)
    assert [w for w in words if re.fullmatch(r"0xb7eff000 +1028 kB rw-p anonymous", w)]
    assert not overlapping(texts(p.stdout))
