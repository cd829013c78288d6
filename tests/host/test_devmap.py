"""Kernel memory mapped into a program (user/mapdemo.c, drivers/mm386_dev.c,
mm/vmalloc_user.c): vmalloc_user() + remap_vmalloc_range(), kmalloc() +
remap_pfn_range(), vmalloc_32_user(), through mmap on /dev/mm386.

For each buffer the kernel prints, page by page, the user address, its own
address and the page frame behind both; the program reads the kernel's
lines through its mapping, and the kernel reads the program's.
"""
import re

import pytest

import qemu

KINDS = ["vmalloc_user, remap_vmalloc_range", "kmalloc, remap_pfn_range",
         "vmalloc_32_user, remap_vmalloc_range"]


@pytest.fixture(scope="module", params=[160, 2048])
def run(request):
    r = qemu.boot("poweroff", mem=request.param, initrd=[qemu.user_program("mapdemo")])
    r.expect_status(qemu.STATUS_OK)
    return request.param, r.log


def tables(log):
    """[(kind, [(page, user, kernel, pfn, same, highmem)])] in order."""
    out = []
    for m in re.finditer(r"^mm386: mapdemo\[1\] maps 16384 bytes of kernel memory \((.*)\):\n.*\n"
                         r"((?:  +\d+  0x.*\n)+)", log, re.M):
        rows = [(int(p), int(u, 16), int(k, 16), int(f, 16), s, bool(h)) for p, u, k, f, s, h in
                re.findall(r"^ +(\d+)  0x([0-9a-f]+) +0x([0-9a-f]+) +0x([0-9a-f]+)  (\w+)( \(HighMem\))?$",
                           m.group(2), re.M)]
        out.append((m.group(1), rows))
    return out


def test_one_page_two_addresses(run):
    mem, log = run
    t = tables(log)
    assert [k for k, _ in t] == KINDS
    for kind, rows in t:
        assert [r[0] for r in rows] == [0, 1, 2, 3]
        assert all(r[4] == "same" for r in rows), rows
        users = [r[1] for r in rows]
        assert users == [users[0] + 4096 * i for i in range(4)] and users[-1] < 0xc0000000
        kernel = [r[2] for r in rows]
        assert kernel == [kernel[0] + 4096 * i for i in range(4)] and kernel[0] >= 0xc0000000
        pfns = [r[3] for r in rows]
        if kind.startswith("kmalloc"):
            assert kernel[0] - 0xc0000000 == pfns[0] << 12         # lowmem: phys + 3 GB
            assert pfns == [pfns[0] + i for i in range(4)]          # physically contiguous
        else:
            assert kernel[0] >= 0xc8000000                          # the vmalloc area
        high = [r[5] for r in rows]
        if mem == 2048 and kind.startswith("vmalloc_user"):
            assert all(high), rows                                  # HighMem first
        if kind.startswith("vmalloc_32") or kind.startswith("kmalloc"):
            assert not any(high), rows                              # lowmem only


def test_each_side_reads_the_other(run):
    _, log = run
    for kind, rows in tables(log):
        name = kind.split(",")[0]
        user0, kernel0 = rows[0][1], rows[0][2]
        assert f'mapdemo: {name} buffer at {user0:#x}: page 0 reads "mm386: page 0, written by the kernel at 0x{kernel0:08x}"' in log
        assert f'mm386: the kernel reads at 0x{kernel0 + 4096:08x} (user 0x{user0 + 4096:08x}): "mapdemo wrote this at {user0 + 4096:#x}"' in log
    # the forked child shares the mapping: its write reaches the kernel's page
    v = tables(log)[0][1]
    assert re.search(rf'^mm386: the kernel reads at 0x{v[2][2]:08x} \(user 0x{v[2][1]:08x}\): "the child \d+ wrote this"$', log, re.M)


def test_refusals_maps_and_nothing_lost(run):
    _, log = run
    assert "mapdemo: MAP_PRIVATE: EINVAL" in log and "mapdemo: offset 3: EINVAL" in log
    maps = log[log.index("/proc/self/maps:"):log.index("mapdemo: after close")]
    assert len(re.findall(r"^[0-9a-f]{8}-[0-9a-f]{8} rw-s .* /dev/mm386$", maps, re.M)) == 4  # one split
    assert re.search(r'^mapdemo: after close, page 0 still reads "mm386: page 0, written by the kernel', log, re.M)
    assert re.search(r"^run: mapdemo\[1\]: free pages (\d+) before, \1 after, .*: nothing lost$", log, re.M)
    assert "Oops" not in log and "BUG" not in log
