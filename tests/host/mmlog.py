"""Parse what mm386 prints about memory: the e820 map, the virtual kernel
memory layout block, the zone ranges, the /proc-style dumps, and the
facts a user program prints one a line (user/sharedanon.c...)."""
import re

MB = 1 << 20
PAGE_OFFSET = 0xC0000000
VMALLOC_OFFSET = 8 * MB

LAYOUT_RE = re.compile(r"^ +(fixmap|pkmap|vmalloc|lowmem|\.init|\.data|\.text) *: "
                       r"0x([0-9a-f]{8}) - 0x([0-9a-f]{8})   \( *(\d+) (kB|MB)\)$")
ZONE_RE = re.compile(r"^  (DMA|Normal|HighMem) +(?:\[mem 0x([0-9a-f]{16})-0x([0-9a-f]{16})\]|(empty))$")
E820_RE = re.compile(r"^(BIOS-e820|user): \[mem 0x([0-9a-f]{16})-0x([0-9a-f]{16})\] (.*)$")


def layout(log, which=0):
    """The Nth 'virtual kernel memory layout:' block as {name: (start, end, size, unit)}."""
    blocks = log.split("virtual kernel memory layout:\n")[1:]
    assert len(blocks) > which, "no layout block"
    out = {}
    for line in blocks[which].splitlines():
        m = LAYOUT_RE.match(line)
        if not m:
            break
        out[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16), int(m.group(4)), m.group(5))
    return out


def zones(log):
    """{zone: (start, end_inclusive) or None for empty}, from 'Zone ranges:'."""
    text = log.split("Zone ranges:\n", 1)[1]
    out = {}
    for line in text.splitlines()[:3]:
        m = ZONE_RE.match(line)
        assert m, f"bad zone line {line!r}"
        out[m.group(1)] = None if m.group(4) else (int(m.group(2), 16), int(m.group(3), 16))
    return out


def e820(log, who="BIOS-e820"):
    """[(start, end_inclusive, type)] of the first map printed by @who."""
    return [(int(m.group(2), 16), int(m.group(3), 16), m.group(4))
            for m in map(E820_RE.match, log.splitlines()) if m and m.group(1) == who]


def ram_end(entries):
    """One past the last usable byte below 4 GB, page-aligned down."""
    return max(e + 1 for s, e, t in entries if t == "usable" and s < 1 << 32) & ~0xfff


def mb_lines(log):
    high = re.search(r"^(\d+)MB HIGHMEM available\.$", log, re.M)
    low = re.search(r"^(\d+)MB LOWMEM available\.$", log, re.M)
    return int(high.group(1)), int(low.group(1))


def proc(log, name, context=""):
    """The lines of dump=NAME (after its '==> /proc/NAME <==' header);
    @context is added to the message if there is no such dump."""
    head = f"==> /proc/{name} <==\n"
    assert head in log, f"no {name} dump" + (f"\n{context}" if context else "")
    body = log.split(head, 1)[1]
    lines = []
    for line in body.splitlines():
        if line.startswith("==> /proc/") or line.startswith("mm386:") or line.startswith("KTAP"):
            break
        lines.append(line)
    return lines


def kernel_pagetables(log):
    """The kernel's own page tables, in kB, from dump=layout's last line."""
    m = re.search(r"^kernel page tables: \d+ \((\d+) kB\), in swapper_pg_dir", log, re.M)
    assert m, "no 'kernel page tables:' line (dump=layout)"
    return int(m.group(1))


def meminfo(log):
    out = {}
    for line in proc(log, "meminfo"):
        m = re.match(r"^([A-Za-z0-9_()]+): +(\d+) kB$", line)
        assert m, f"bad meminfo line {line!r}"
        out[m.group(1)] = int(m.group(2))
    return out


def buddyinfo(log):
    out = {}
    for line in proc(log, "buddyinfo"):
        m = re.match(r"^Node 0, zone +(\w+) ((?: +\d+){11}) $", line)
        assert m, f"bad buddyinfo line {line!r}"
        out[m.group(1)] = [int(x) for x in m.group(2).split()]
    return out


def zoneinfo(log):
    out, zone = {}, None
    for line in proc(log, "zoneinfo"):
        m = re.match(r"^Node 0, zone +(\w+)$", line)
        if m:
            zone = out.setdefault(m.group(1), {})
            continue
        m = re.match(r"^ +(pages free|min|low|high|spanned|present|managed|boost|cma) +(\d+)$", line)
        if m:
            zone["free" if m.group(1) == "pages free" else m.group(1)] = int(m.group(2))
        m = re.match(r"^ +protection: \(([\d, ]+)\)$", line)
        if m:
            zone["protection"] = [int(x) for x in m.group(1).split(",")]
    return out


def facts(text, start, end, width=68):
    """The facts a user program printed between the line that begins with
    @start and the one that begins with @end, [(what, answer)] in order:
    each is "%-{width}s answer"; the kernel's own lines in between (exit:,
    segfault...) are left out."""
    first = text.index(start)
    last = text.index(end, first)
    out = []
    for line in text[first:last].splitlines()[1:]:
        line = line.rstrip("\r")
        if len(line) > width and line[width] == " " and line[width - 1] == " ":
            out.append((line[:width].rstrip(), line[width + 1:]))
    return out
