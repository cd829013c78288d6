"""The vmalloc area: vmalloc, vfree, vmap, vunmap, guard pages and
/proc/vmallocinfo (mm/vmalloc.c, tests/kernel/vmalloc_test.c).  Every case
of the suite ends with vmalloc_check(): the busy and free trees agree with
their lists and tile the area exactly.

The ktest suite runs at 16, 160 (with and without highmem=64M), 2048 and
3072 MB and with vmalloc=256M; every address it prints must lie in the
vmalloc area of the printed layout.  The vmallocinfo lines the suite dumps
are checked against the contract, the misuse reports against their
wording and count, and the two vmalloc oopses against the guard page and
the freed area they must name."""
import re

import pytest

import mmlog
import qemu
from mmlog import VMALLOC_OFFSET

PAGE = 4096
HIGHMEM_CASES = {"areas_use_highmem", "vmap_highmem_triangle"}
ALL_CASES = HIGHMEM_CASES | {
    "page_tables_on_demand", "vmalloc_vzalloc_vfree", "pages_array_placement",
    "pages_are_what_the_ptes_say",
    "guard_page_faults", "vfree_unmaps_and_flushes", "fix_size", "random_size", "full_fit",
    "long_busy_list", "aligned_requests", "ranged_requests", "random_aligned_stress",
    "data_integrity", "alloc_fails_midway",
    "vmap_lowmem_pages", "vmallocinfo_lists_areas", "vfree_not_vmalloc_memory",
    "vfree_middle_of_area", "double_vfree", "vmalloc_size_zero", "vmalloc_bigger_than_area",
    "vmalloc_in_interrupt", "kfree_of_vmalloc_pointer", "vunmap_of_vmalloc_area"}

# docs/interface.md: "0x%08lx-0x%08lx %7ld caller pages=N vmalloc", size with the guard page.
VMALLOCINFO_RE = re.compile(r"^0x([0-9a-f]{8})-0x([0-9a-f]{8}) +(\d+) (\S+\+0x[0-9a-f]+/0x[0-9a-f]+)"
                            r"(?: pages=(\d+))?(?: (vmalloc|vmap|ioremap))?( vpages)?$")
SYM = r"[A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+/0x[0-9a-f]+"
SLEEP_BUG = re.compile(r"^BUG: sleeping function called from invalid context at mm/(vmalloc|vmap)\.c:\d+$", re.M)

CONFIGS = [(16, ""), (160, ""), (160, "highmem=64M"), (2048, ""), (3072, ""),
           (2048, "vmalloc=256M")]


def vmallocinfo(log, which=0):
    """The Nth vmallocinfo dump as [(start, end, size, caller, pages, kind, vpages)];
    every line must match the contract's format."""
    blocks = log.split("==> /proc/vmallocinfo <==\n")[1:]
    assert len(blocks) > which, "no vmallocinfo dump"
    out = []
    for line in blocks[which].splitlines():
        if not line.startswith("0x"):
            break
        m = VMALLOCINFO_RE.match(line)
        assert m, f"bad vmallocinfo line {line!r}"
        start, end, size = int(m.group(1), 16), int(m.group(2), 16), int(m.group(3))
        out.append((start, end, size, m.group(4), int(m.group(5) or 0), m.group(6),
                    bool(m.group(7))))
    return out


def vmalloc_window(log):
    """[VMALLOC_START, VMALLOC_END) from the layout block, after checking the
    8 MB gap above lowmem (Linux 6.1's formula)."""
    lay = mmlog.layout(log)
    start, end = lay["vmalloc"][:2]
    assert start == lay["lowmem"][1] + VMALLOC_OFFSET
    assert end == lay["pkmap"][0] - 2 * PAGE
    return start, end


@pytest.mark.parametrize("mem,params", CONFIGS)
def test_vmalloc_suite(run_ktest, mem, params):
    r = run_ktest("vmalloc", mem=mem, params=params)
    log = r.log
    suite = r.ktap.suite("vmalloc")
    cases = {c.name: c for c in suite.cases}
    assert set(cases) == ALL_CASES
    has_highmem = mem > 887 or "highmem=" in params
    for name, c in cases.items():
        if name in HIGHMEM_CASES and not has_highmem:
            assert c.skip and "no HighMem zone" in c.directive, name
        else:
            assert c.ok and not c.skip, f"{name} must really run here"

    # Every address the suite printed is inside the vmalloc area of the layout.
    vstart, vend = vmalloc_window(log)
    addrs = [int(a, 16) for line in log.splitlines() if line.startswith("vmalloc: ")
             for a in re.findall(r"0x([0-9a-f]{8})", line)]
    info = vmallocinfo(log)
    addrs += [a for area in info for a in (area[0], area[1] - 1)]
    assert len(addrs) > 10
    for a in addrs:
        assert vstart <= a < vend, f"0x{a:08x} outside [0x{vstart:08x}, 0x{vend:08x})"
    # The first areas go to the bottom of the area (first fit).
    assert re.search(rf"^vmalloc: 32 pages at 0x{vstart:08x}, ([1-9]\d*) physical discontinuities$",
                     log, re.M)
    if has_highmem:
        assert re.search(r"^vmalloc: 0x[0-9a-f]{8} maps HighMem pfn 0x[0-9a-f]+\.\.\., 8 pages$", log, re.M)

    # The stress case placed every area where brute-force first fit said, windows and
    # alignments included; its summary shows each kind of request happened.
    m = re.search(r"^vmalloc: stress: (\d+) placements \((\d+) in a window, (\d+) aligned above 4 KB, "
                  r"(\d+) cut from a range's middle, (\d+) found no room\)$", log, re.M)
    assert m and all(int(g) > 0 for g in m.groups())

    # Out of pages half way: some were taken, then given back (the ktest checks the count).
    m = re.search(r"^vmalloc error: size (\d+), failed to allocate pages \(got (\d+) of (\d+)\), "
                  r"mode:0x[0-9a-f]+\(GFP_KERNEL\|__GFP_HIGHMEM\); freeing them$", log, re.M)
    assert m and 0 < int(m.group(2)) < int(m.group(3)) and int(m.group(1)) == int(m.group(3)) * PAGE

    check_vmallocinfo(log, info)
    check_reports(log)


def check_vmallocinfo(log, info):
    m = re.search(r"^vmalloc: vmallocinfo with a=0x(\w{8}) b=0x(\w{8}) c=0x(\w{8}) r=0x(\w{8}) "
                  r"big=0x(\w{8}) array=0x(\w{8})$", log, re.M)
    assert m
    a, b, c, r, big, array = (int(g, 16) for g in m.groups())
    for start, end, size, caller, pages, kind, vpages in info:
        assert size == end - start
        assert re.fullmatch(r"vmallocinfo_lists_areas\+0x[0-9a-f]+/0x[0-9a-f]+", caller)
        if kind == "vmalloc":
            assert size == pages * PAGE + PAGE          # the guard page is counted
    got = {start: (size, pages, kind, vpages) for start, end, size, caller, pages, kind, vpages in info}
    assert got == {
        a: (2 * PAGE, 1, "vmalloc", False),
        b: (6 * PAGE, 5, "vmalloc", False),
        c: (3 * PAGE, 0, "vmap", False),
        r: (4 * PAGE, 0, "ioremap", False),
        big: (1101 * PAGE, 1100, "vmalloc", True),
        array: (3 * PAGE, 2, "vmalloc", False),     # 1100 * 4 bytes of struct page *
    }
    starts = sorted(got)
    assert [s for s, *_ in info] == starts            # address order, as Linux
    ends = {s: s + got[s][0] for s in starts}
    assert all(ends[x] <= y for x, y in zip(starts, starts[1:]))  # no overlap


def check_reports(log):
    def count(pattern):
        return len(re.findall(pattern, log, re.M))

    w = r"^WARNING: CPU: 0 PID: 0 at mm/(vmalloc|vmap)\.c:\d+ "
    assert count(w) == 16
    assert count(w + r"vfree\+") == 7
    assert count(w + r"vunmap\+") == 3
    assert count(r"^WARNING: CPU: 0 PID: 0 at mm/vmap\.c:\d+ vunmap\+") == 3    # vunmap is in mm/vmap.c
    assert count(r"^Trying to vfree\(\) bad address \(0x[0-9a-f]{8}\) from vfree_not_vmalloc_memory\+\S+: "
                 r"not a vmalloc address: it is in lowmem \(direct map\), phys 0x[0-9a-f]{8}$") == 1
    assert count(r"^Trying to vfree\(\) nonexistent vm area \(0x[0-9a-f]{8}\) from vfree_not_vmalloc_memory\+\S+: "
                 r"(no area there \(free vmalloc space\)|already freed: .*)$") == 1
    assert count(r"^Trying to vfree\(\) bad address \(0x00001000\) from vfree_not_vmalloc_memory\+\S+: "
                 r"not a vmalloc address: it is in user space") == 1
    area = r"vmalloc area 0x([0-9a-f]{8})-0x([0-9a-f]{8}) \((\d+) bytes\) from vfree_middle_of_area\+\S+"
    middles = re.findall(rf"^Trying to (vfree|vunmap)\(\) bad address \(0x([0-9a-f]{{8}})\) from "
                         rf"vfree_middle_of_area\+\S+: (?:(\d+) bytes into|the guard page of) {area}, "
                         rf"not its start$", log, re.M)
    assert len(middles) == 4
    for func, addr, into, start, end, size in middles:
        addr, start, end = int(addr, 16), int(start, 16), int(end, 16)
        assert end - start == int(size) == 4 * PAGE
        assert addr - start == (int(into) if into else 3 * PAGE)
    assert [(f, int(i or -1)) for f, _, i, *_ in middles] == \
        [("vfree", 4), ("vfree", 4096), ("vfree", -1), ("vunmap", 8)]
    assert count(r"^Trying to vfree\(\) nonexistent vm area \(0x([0-9a-f]{8})\) from double_vfree\+\S+: "
                 r"already freed: area 0x\1-0x[0-9a-f]{8} \(12288 bytes\) from double_vfree\+\S+ was freed$") == 1
    assert count(r"^vmalloc: size 0 \(from vmalloc_size_zero\+\S+\): returning NULL$") == 2
    # The whole area and ULONG_MAX - 100: above all of RAM, or above the free range.
    too_big = count(r"^vmalloc: size \d+ \(from vmalloc_bigger_than_area\+\S+\) exceeds total pages "
                    r"\(\d+\): returning NULL$")
    no_room = count(r"^vmap allocation for size \d+ \(from vmalloc_bigger_than_area\+\S+\) failed: "
                    r"use vmalloc=<size> to increase size \(largest free range \d+ bytes\)$")
    assert too_big in (1, 2) and too_big + no_room == 3
    m = re.search(r"^vmalloc: reserved 0x\w{8}-0x\w{8}; the largest free range is now (\d+) bytes$", log, re.M)
    left = int(m.group(1))
    assert f"vmap allocation for size {left + PAGE} (from vmalloc_bigger_than_area+" in log
    assert count(r"^__get_vm_area_node: size 4096, align 0x3000 \(from aligned_requests\+\S+\): refused$") == 1
    assert len(SLEEP_BUG.findall(log)) == 3          # vmalloc, vmap, vunmap in the timer interrupt (vfree defers)
    assert count(r"^BUG kmalloc \(Not tainted\): not a slab object: 0x([0-9a-f]{8}) is in vmalloc area "
                 r"0x\1-0x[0-9a-f]{8} \(8192 bytes, vmalloc\) from kfree_of_vmalloc_pointer\+\S+: "
                 r"page 0, pfn 0x[0-9a-f]+$") == 1
    assert count(r"^BUG kmalloc \(Not tainted\): not a slab object: 0x[0-9a-f]{8} is in vmalloc guard page "
                 r"of area 0x[0-9a-f]{8}-0x[0-9a-f]{8} \(8192 bytes\) from kfree_of_vmalloc_pointer\+") == 1
    assert count(r"^Trying to vunmap\(\) bad address \(0x[0-9a-f]{8}\) from vunmap_of_vmalloc_area\+\S+: "
                 r"vmalloc area .* from vunmap_of_vmalloc_area\+\S+: made by vmalloc\(\), free it with vfree\(\); "
                 r"refused$") == 1
    # Each report once: 16 WARNINGs, 3 sleeping-function BUGs (vfree in an
    # interrupt is deferred, not reported), 2 from kfree.
    assert log.count("------------[ cut here ]------------") == 21


def test_vmalloc_guard_oops():
    """One byte past a vmalloc buffer: the oops names the area whose guard
    page it is, and the function that wrote."""
    r = qemu.boot("crash=vmalloc_guard poweroff", timeout=60).expect_status(qemu.STATUS_OOPS)
    m = re.search(r"^crash: vmalloc\(8192\) = 0x([0-9a-f]{8}); writing one byte past its end, "
                  r"at 0x([0-9a-f]{8})$", r.log, re.M)
    assert m
    start, addr = int(m.group(1), 16), int(m.group(2), 16)
    vstart, vend = vmalloc_window(r.log)
    assert start == vstart and addr == start + 2 * PAGE
    assert f"BUG: unable to handle page fault for address: 0x{addr:08x}" in r.log
    assert "#PF: supervisor write access in kernel mode" in r.log
    assert "#PF: error_code(0x0002) - not-present page" in r.log
    assert re.search(rf"^#PF: address 0x{addr:08x} is in: vmalloc guard page of area "
                     rf"0x{start:08x}-0x{start + 3 * PAGE:08x} \(12288 bytes\) from "
                     rf"crash_vmalloc_guard\+0x[0-9a-f]+/0x[0-9a-f]+$", r.log, re.M)
    assert re.search(r"^EIP: crash_vmalloc_guard\+0x[0-9a-f]+/0x[0-9a-f]+$", r.log, re.M)
    assert re.search(r"^\*pde = [0-9a-f]{8} \*pte = 00000000$", r.log, re.M)


def test_vfree_use_oops():
    """A vmalloc address read after vfree(): unmapped (PTE and TLB entry
    gone), and the oops says which freed area it was."""
    r = qemu.boot("crash=vfree_use poweroff", timeout=60).expect_status(qemu.STATUS_OOPS)
    m = re.search(r"^crash: vmalloc\(4096\) = 0x([0-9a-f]{8}) reads 0x76667265; vfree\(\) it and "
                  r"read it again$", r.log, re.M)
    assert m
    addr = int(m.group(1), 16)
    vstart, vend = vmalloc_window(r.log)
    assert f"BUG: unable to handle page fault for address: 0x{addr:08x}" in r.log
    assert "#PF: supervisor read access in kernel mode" in r.log
    assert (f"#PF: address 0x{addr:08x} is in: vmalloc area [0x{vstart:08x}-0x{vend - 1:08x}]: "
            f"free vmalloc space (vfreed: 0x{addr:08x}-0x{addr + 2 * PAGE:08x} (8192 bytes) from "
            f"crash_vfree_use+0x") in r.log
    assert re.search(r"^EIP: crash_vfree_use\+0x[0-9a-f]+/0x[0-9a-f]+$", r.log, re.M)


def test_boot_has_no_vmalloc_areas():
    """Nothing in boot uses vmalloc: an empty vmallocinfo, VmallocUsed 0,
    VmallocTotal the size of the printed window."""
    r = qemu.boot("dump=vmallocinfo,meminfo poweroff").expect_status(qemu.STATUS_OK)
    assert vmallocinfo(r.log) == []
    vstart, vend = vmalloc_window(r.log)
    mi = mmlog.meminfo(r.log)
    assert mi["VmallocUsed"] == 0
    assert mi["VmallocTotal"] == (vend - vstart) >> 10
