"""dump=layout's picture of the 4 GB address space: every region, in order,
with its start, and 80 columns wide."""
import re

import mmlog
import qemu

EDGE = re.compile(r"^  0x([0-9a-f]{8}) \+-+\+(?: (\S+))?$")


def diagram(log):
    text = log.split("4 GB virtual address space (top down; sizes not to scale):\n", 1)[1]
    lines = []
    for line in text.splitlines():
        if not (line.startswith("  0x") or line.startswith("             |")):
            break
        lines.append(line)
    return lines


def test_layout_diagram_regions_and_edges():
    for mem in (160, 3072):
        log = qemu.boot("dump=layout poweroff", mem=mem).expect_status(qemu.STATUS_OK).log
        lines = diagram(log)
        assert all(len(l) <= 80 for l in lines), [l for l in lines if len(l) > 80]
        edges = [(int(m.group(1), 16), m.group(2)) for m in map(EDGE.match, lines) if m]
        addrs = [a for a, _ in edges]
        assert addrs == sorted(addrs, reverse=True) and addrs[-1] == 0
        named = {n: a for a, n in edges if n}
        lay = mmlog.layout(log)
        assert named["PAGE_OFFSET"] == 0xc0000000
        assert named["high_memory"] == lay["lowmem"][1]
        assert named["VMALLOC_START"] == lay["vmalloc"][0]
        assert named["VMALLOC_END"] == lay["vmalloc"][1]
        assert named["PKMAP_BASE"] == lay["pkmap"][0]
        assert named["FIXADDR_START"] == lay["fixmap"][0] and named["FIXADDR_TOP"] == lay["fixmap"][1]
        body = "\n".join(lines)
        for what in ("NULL page", "user space", "lowmem", "mem_map 0x", "kernel  0xc0100000",
                     "gap: VMALLOC_OFFSET", "vmalloc area", "pkmap: 1024 kmap() slots",
                     "fixmap: kmap_atomic slots", "top page"):
            assert what in body, what
        assert re.search(rf"\| vmalloc area +{lay['vmalloc'][2]} MB \|", body)


import pytest  # noqa: E402


@pytest.mark.parametrize("mem,params", [(160, ""), (2048, ""), (3072, ""), (160, "highmem=64M")])
def test_layout_block_is_consistent(mem, params):
    """Every line of the contract's layout block is well formed, the regions
    are ordered and do not overlap, the gap is at least 8 MB, lowmem agrees
    with the zones, pkmap is 1024 pages, and the fixmap ends at or below
    0xfffff000."""
    log = qemu.boot(f"{params} poweroff".strip(), mem=mem).expect_status(qemu.STATUS_OK).log
    lay = mmlog.layout(log)
    assert list(lay) == ["fixmap", "pkmap", "vmalloc", "lowmem", ".init", ".data", ".text"]
    for name, (start, end, size, unit) in lay.items():
        assert start < end, name
        assert size == (end - start) >> (10 if unit == "kB" else 20), name
    top_down = [lay[n] for n in ("fixmap", "pkmap", "vmalloc", "lowmem")]
    for upper, lower in zip(top_down, top_down[1:]):
        assert lower[1] <= upper[0]                       # ordered, no overlap
    assert lay["vmalloc"][0] - lay["lowmem"][1] >= 8 * mmlog.MB
    assert lay["pkmap"][1] - lay["pkmap"][0] == 1024 * 4096
    assert lay["fixmap"][1] <= 0xfffff000
    for sect in (".text", ".data", ".init"):              # the image is in lowmem
        assert lay["lowmem"][0] <= lay[sect][0] < lay[sect][1] <= lay["lowmem"][1]
    zones = mmlog.zones(log)
    normal_or_dma_end = (zones["Normal"] or zones["DMA"])[1] + 1
    assert lay["lowmem"][1] - 0xC0000000 == normal_or_dma_end
    high_mb, low_mb = mmlog.mb_lines(log)
    assert low_mb == (lay["lowmem"][1] - 0xC0000000) >> 20
    assert (high_mb > 0) == (zones["HighMem"] is not None)
