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
