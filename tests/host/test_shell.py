"""The Explorer shell (kernel/shell*.c), driven over the serial port.

QEMU runs with its serial port on a pty (pexpect) and no poweroff
parameter, so the kernel ends in the shell.  Each test types commands at
the "mm386> " prompt and checks what comes back: allocations print their
addresses, and the /proc tables return to where they started once what
was allocated is freed.  Bad input of every kind must give its error and
leave the shell usable; nothing may oops.  One test types on the PS/2
keyboard through QEMU's monitor (sendkey), and `poweroff` must end QEMU
with status 33.
"""
import os
import re
import socket
import tempfile
import time

import pexpect
import pytest

import ktap
import mmlog
import qemu
from shellrun import PROMPT
from test_highmem import parse_kmaps

PAGE_OFFSET = 0xC0000000
HEX = r"0x([0-9a-f]+)"


def one(pattern, text):
    """The groups of the one match of @pattern in @text (asserting it)."""
    m = re.search(pattern, text, re.M)
    assert m, f"no {pattern!r} in:\n{text}"
    return m.groups()


def table(sh, name):
    """A /proc table through the shell: its lines, header excluded."""
    out = sh.run(name)
    assert out.startswith(f"==> /proc/{name} <==\n"), out
    return out.split("\n", 1)[1].splitlines()


def slab_row(rows, cache):
    row = next((r.split() for r in rows if r.split()[0] == cache), None)
    return row and (int(row[1]), int(row[2]))      # active_objs, num_objs


def objects_in_use(sh):
    """{cache: active_objs} once every cache has given its empty slabs back
    (kmem_cache_shrink with no name): with SLUB's semantics an empty active
    slab would count its free objects as active, so only slabs that still
    hold objects may be left when slabinfo is compared."""
    sh.run("kmem_cache_shrink")
    return {r.split()[0]: int(r.split()[1]) for r in table(sh, "slabinfo")[2:]}


def kmalloc(sh, size, gfp=""):
    out = sh.run(f"kmalloc {size} {gfp}".strip())
    addr, phys, pfn = (int(x, 16) for x in
                       one(rf"^kmalloc\(\d+, [A-Z_|]+\) = {HEX} phys {HEX} pfn {HEX}$", out))
    assert phys == addr - PAGE_OFFSET and pfn == phys >> 12, out
    return addr, out


# ---------------------------------------------------------------------
# Getting there and leaving
# ---------------------------------------------------------------------

def test_boot_ends_in_the_shell_and_poweroff_exits_33(shell):
    sh = shell()
    assert "mm386 version" in sh.boot and "mm386: ready" in sh.boot
    assert "mm386: Explorer shell; type help for the commands" in sh.boot
    assert sh.poweroff() == qemu.STATUS_OK
    assert "mm386: powering off (done)" in sh.transcript


def test_make_run_lands_in_the_shell():
    child = pexpect.spawn("timeout", ["120", "make", "-C", qemu.ROOT, f"O={qemu.BUILD}", "run"],
                          encoding="utf-8", codec_errors="replace", timeout=90)
    try:
        child.expect_exact("mm386 version")
        # make run boots with demo: the layout, the demo and its explanation, then the shell
        child.expect_exact("virtual kernel memory layout:")
        child.expect(r"pagemem addr=0x[0-9a-f]{8} phys=0x[0-9a-f]{8}")
        child.expect_exact("is in vmalloc area")
        child.expect_exact("==> demo: done <==")
        child.expect_exact(PROMPT)
        child.send("echo from make run\r")
        child.expect_exact("\nfrom make run\r")
        child.expect_exact(PROMPT)
        child.send("poweroff\r")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, child.before      # make maps QEMU's 33 to 0
    finally:
        if child.isalive():
            child.terminate(force=True)


def test_demo_command(shell):
    sh = shell()
    out = sh.run("demo")
    assert re.search(r"^pagemem addr=0x[0-9a-f]{8} phys=0x[0-9a-f]{8}", out, re.M)
    assert "==> demo: done <==" in out
    assert out.count("BUG: sleeping function called from invalid context") == 2
    assert sh.poweroff() == qemu.STATUS_OK


@pytest.mark.parametrize("params", ["poweroff", "ktest=shell", "bench=kmalloc_100"])
def test_parameters_still_power_off_without_the_shell(params):
    """Tests and graders never type: these end QEMU before the shell starts."""
    r = qemu.boot(params).expect_status(qemu.STATUS_OK)
    assert "Explorer shell" not in r.log and PROMPT not in r.log


def test_answers_show_whatever_the_loglevel(shell):
    """loglevel=4 hides the boot's pr_info lines, not the shell's answers."""
    sh = shell(params="loglevel=4")
    assert "mm386: ready" not in sh.boot
    assert sh.run("echo quiet boot") == "quiet boot\n"
    assert sh.run("kmalloc 8").startswith("kmalloc(8, GFP_KERNEL) = 0x")
    assert sh.poweroff() == qemu.STATUS_OK


def test_help_lists_every_command(shell):
    sh = shell()
    out = sh.run("help")
    for name in ["buddyinfo", "kmaps", "layout", "memblock", "meminfo", "slabinfo", "zoneinfo",
                 "page PFN|ADDR", "v2p [PID] ADDR", "p2v PADDR", "kmalloc SIZE [GFP]",
                 "kzalloc SIZE [GFP]", "kfree [-f] ADDR", "alloc_pages ORDER [GFP]",
                 "free_pages [-f] ADDR|pfn:PFN ORDER", "kmem_cache_create NAME SIZE [ALIGN] [FLAGS]",
                 "cache_alloc NAME [GFP]", "cache_free NAME [-f] ADDR", "kmem_cache_destroy NAME",
                 "kmap PFN", "kunmap PFN", "kmap_atomic PFN", "peek ADDR [LEN]",
                 "poke ADDR VALUE [WIDTH]", "ktest", "dmesg", "echo", "history", "help",
                 "poweroff", "run [-b] [PROG [ARG...]]", "ps", "kill PID [SIG]", "maps PID",
                 "status PID", "pgdcmp PID1 PID2", "sysctl [-w] [vm.NAME[=VALUE]...]"]:
        assert re.search(rf"^  {re.escape(name)}\s", out, re.M), f"{name} missing:\n{out}"
    # Every line of help is one command; each /proc table is listed.
    assert "print /proc/slabinfo, as dump=slabinfo does" in out
    assert sh.run("help kmalloc").startswith("usage: kmalloc SIZE [GFP]\n")
    assert sh.run("help zoneinfo").startswith("usage: zoneinfo\n")
    assert sh.run("help frob") == 'help: no command "frob"; help lists them all\n'
    assert sh.poweroff() == qemu.STATUS_OK


# ---------------------------------------------------------------------
# Inspection
# ---------------------------------------------------------------------

def test_tables_are_the_dumps(shell):
    """The table commands print what dump=NAME prints."""
    sh = shell()
    for name in ["layout", "meminfo", "zoneinfo", "buddyinfo", "slabinfo", "kmaps", "memblock"]:
        out = sh.run(name)
        assert out.startswith(f"==> /proc/{name} <==\n") and len(out.splitlines()) > 2, out
    assert mmlog.buddyinfo(sh.run("buddyinfo"))["Normal"][10] > 0
    assert sh.poweroff() == qemu.STATUS_OK


def test_v2p_p2v_and_page_on_known_addresses(shell):
    sh = shell()
    out = sh.run("v2p 0xc0100000")
    assert out.startswith("virtual 0xc0100000: lowmem (kernel .text), phys 0x00100000; "
                          "pgd index 768, pte index 256, offset 0x000\n"), out
    assert re.search(r"^CR3  0x[0-9a-f]{8} \(swapper_pg_dir\)$", out, re.M), out
    assert re.search(r"^PDE  \[ 768\] at phys 0x[0-9a-f]{8} = 0x[0-9a-f]{8}  "
                     r"present rw kernel accessed dirty$", out, re.M), out
    assert re.search(r"^PTE  \[ 256\] at phys 0x[0-9a-f]{8} = 0x00100021  "
                     r"present ro kernel accessed$", out, re.M), out
    assert out.endswith("phys 0x00100000 (pfn 0x100)\n"), out

    out = sh.run("v2p 0")
    assert "PDE  [   0] at phys" in out and "not present" in out
    assert out.endswith("0x00000000 is not mapped: the PDE is not present\n"), out

    assert sh.run("p2v 0x1000") == ("phys 0x00001000: pfn 0x1, zone DMA: virtual 0xc0001000 "
                                    "(lowmem: __va(phys) = phys + PAGE_OFFSET)\n")
    assert sh.run("p2v 0x2000123").startswith("phys 0x02000123: pfn 0x2000, zone Normal: "
                                              "virtual 0xc2000123 ")

    out = sh.run("page 0")
    assert out.startswith("pfn 0x0: struct page at 0x"), out
    assert "flags: 0x1(reserved|zone=DMA)\n" in out
    assert "kernel address: 0xc0000000 (lowmem: __va(phys))\n" in out
    assert out.endswith("state: reserved, never given to the buddy allocator\n"), out
    # A kernel address is looked up: the kernel image is reserved too.
    out = sh.run("page 0xc0100123")
    assert out.startswith("virtual 0xc0100123: lowmem (kernel .text)"), out
    assert "\npfn 0x100: struct page" in out and "state: reserved" in out
    assert sh.run("page pfn:0x100").startswith("pfn 0x100: struct page")
    assert sh.poweroff() == qemu.STATUS_OK


# ---------------------------------------------------------------------
# Allocation: allocate, inspect, free, and the tables come back
# ---------------------------------------------------------------------

def test_kmalloc_kfree_and_the_slabinfo_round_trip(shell):
    """The first kmalloc of a size gives its cache a slab, which the cache
    keeps when the object is freed; from then on a kmalloc/kfree pair
    leaves slabinfo exactly as it was."""
    sh = shell()
    first = table(sh, "slabinfo")
    assert slab_row(first, "kmalloc-128") == (0, 0)
    addr, out = kmalloc(sh, 100)
    assert sh.run(f"kfree {addr:#x}").endswith("done\n")
    before = table(sh, "slabinfo")
    # An empty slab, kept as the active (CPU) slab, whose free objects SLUB's
    # slabinfo counts as active: it cannot see a CPU slab's free list.
    assert slab_row(before, "kmalloc-128") == (32, 32)

    addr, out = kmalloc(sh, 100)
    assert "kmalloc: from cache kmalloc-128, ksize 128" in out
    during = table(sh, "slabinfo")
    assert slab_row(during, "kmalloc-128") == (32, 32)

    page = sh.run(f"page {addr:#x}")
    assert "state: slab of cache kmalloc-128: " in page, page
    assert sh.run(f"v2p {addr:#x}").endswith(f"phys 0x{addr - PAGE_OFFSET:08x} "
                                             f"(pfn {(addr - PAGE_OFFSET) >> 12:#x})\n")
    assert f"virtual 0x{addr:08x} " in sh.run(f"p2v {addr - PAGE_OFFSET:#x}")

    assert sh.run(f"kfree {addr:#x}") == f"kfree(0x{addr:08x}): done\n"
    assert table(sh, "slabinfo") == before
    # A second kfree is a double free: reported, refused, nothing changes.
    out = sh.run(f"kfree {addr:#x}")
    assert f"Object already free: double free of 0x{addr:08x}" in out, out
    assert out.endswith(f"kfree(0x{addr:08x}): refused (see the report above); "
                        "nothing was changed\n"), out
    assert table(sh, "slabinfo") == before

    # kzalloc memory reads as zeros; a large kmalloc is a compound block.
    in_use = objects_in_use(sh)
    out = sh.run("kzalloc 64 GFP_ATOMIC")
    z = int(one(rf"^kzalloc\(64, GFP_ATOMIC\) = {HEX} ", out)[0], 16)
    dump = sh.run(f"peek {z:#x} 64")
    assert re.fullmatch(r"(?:[0-9a-f]{8}: (?:00 ){16} \.{16}\n){4}", dump), dump
    assert sh.run(f"kfree {z:#x}").endswith("done\n")
    big, out = kmalloc(sh, "20K")
    assert "an order-3 compound block from the page allocator" in out, out
    assert "state: allocated, order-3 compound block, 1 reference" in sh.run(f"page {big:#x}")
    assert sh.run(f"kfree {big:#x}").endswith("done\n")
    out = sh.run("kmalloc 0")
    assert "= 0x00000010 (ZERO_SIZE_PTR" in out
    assert objects_in_use(sh) == in_use
    assert sh.poweroff() == qemu.STATUS_OK


def test_alloc_pages_free_pages_and_the_buddyinfo_round_trip(shell):
    """Orders 4 and up bypass the per-CPU lists, so the buddy lists must
    come back exactly; order 0 lands on a per-CPU list, and page says so."""
    sh = shell()
    before = table(sh, "buddyinfo")
    out = sh.run("alloc_pages 5")
    page, pfn, phys = one(rf"^alloc_pages\(GFP_KERNEL, 5\) = page {HEX} pfn {HEX} "
                          rf"phys {HEX} \(32 pages, zone (?:Normal|DMA)\)$", out)
    pfn, phys = int(pfn, 16), int(phys, 16)
    addr = int(one(rf"^alloc_pages: address {HEX} \(page_address\)$", out)[0], 16)
    assert phys == pfn << 12 and addr == phys + PAGE_OFFSET and pfn % 32 == 0
    assert table(sh, "buddyinfo") != before
    assert sh.run(f"page {pfn:#x}").endswith("state: allocated, order-5 block, 1 reference\n")
    # The wrong order is refused, and so is a page inside the block.
    out = sh.run(f"free_pages {addr:#x} 4")
    assert "freeing with a different order than it was allocated with" in out
    assert out.endswith("refused (see the report above); nothing was changed\n")
    assert "refused" in sh.run(f"free_pages {addr + 4096:#x} 0")
    assert sh.run(f"free_pages {addr:#x} 5") == f"free_pages(0x{addr:08x}, 5): done\n"
    assert table(sh, "buddyinfo") == before
    out = sh.run(f"free_pages pfn:{pfn:#x} 5")
    assert "double free: the page is already free in the buddy allocator" in out
    assert table(sh, "buddyinfo") == before

    out = sh.run("alloc_pages 0 GFP_KERNEL|__GFP_ZERO")
    pfn0 = int(one(rf"^alloc_pages\(GFP_KERNEL\|__GFP_ZERO, 0\) = page {HEX} pfn {HEX}", out)[1],
               16)
    assert sh.run(f"free_pages pfn:{pfn0:#x} 0").endswith("done\n")
    assert "on the per-CPU list (zone->pcp)" in sh.run(f"page {pfn0:#x}")
    assert sh.poweroff() == qemu.STATUS_OK


def test_kmem_cache_create_alloc_free_destroy(shell):
    sh = shell()
    before = objects_in_use(sh)
    out = sh.run("kmem_cache_create shelltest 100 SLAB_HWCACHE_ALIGN")
    assert re.search(rf'^kmem_cache_create\("shelltest", 100, 0, 0x2000\) = {HEX}$', out, re.M)
    assert "shelltest: objects of 100 bytes (stride 128, align 64), 32 per slab of 1 page" in out
    assert slab_row(table(sh, "slabinfo"), "shelltest") == (0, 0)
    assert sh.run("kmem_cache_create shelltest 64") == \
        'kmem_cache_create: a cache named "shelltest" exists already\n'

    out = sh.run("cache_alloc shelltest")
    obj = int(one(rf"^kmem_cache_alloc\(shelltest, GFP_KERNEL\) = {HEX} phys", out)[0], 16)
    # SLUB's slabinfo counts the active slab's free objects as active; the
    # slab itself knows better.
    assert slab_row(table(sh, "slabinfo"), "shelltest") == (32, 32)
    assert "state: slab of cache shelltest: 1 of 32 objects in use" in sh.run(f"page {obj:#x}")
    out = sh.run("kmem_cache_destroy shelltest")
    assert "kmem_cache_destroy shelltest: Slab cache still has 1 objects; not destroyed" in out
    assert out.endswith("refused (see the report above); nothing was changed\n")
    out = sh.run(f"cache_free kmalloc-128 {obj:#x}")
    assert "Wrong slab cache" in out and "refused" in out
    assert sh.run(f"cache_free shelltest {obj:#x}") == \
        f"kmem_cache_free(shelltest, 0x{obj:08x}): done\n"
    assert "double free" in sh.run(f"cache_free shelltest {obj:#x}")
    # The emptied slab stays for the next allocation, until the cache is shrunk.
    assert slab_row(table(sh, "slabinfo"), "shelltest") == (32, 32)
    assert "state: slab of cache shelltest: 0 of 32 objects in use" in sh.run(f"page {obj:#x}")
    assert sh.run("kmem_cache_shrink shelltest") == "kmem_cache_shrink(shelltest): done\n"
    assert slab_row(table(sh, "slabinfo"), "shelltest") == (0, 0)
    assert sh.run("kmem_cache_destroy shelltest") == "kmem_cache_destroy(shelltest): done\n"
    after = table(sh, "slabinfo")
    assert slab_row(after, "shelltest") is None
    # Nothing is left in use: the kstrdup()ed name went back too.
    assert objects_in_use(sh) == before
    assert sh.run("cache_alloc shelltest") == \
        'cache_alloc: no cache named "shelltest" (slabinfo lists them)\n'
    # A name is free again once its cache is gone.
    assert "= 0x" in sh.run("kmem_cache_create shelltest 24 8 SLAB_POISON|SLAB_RED_ZONE")
    assert sh.run("kmem_cache_destroy shelltest").endswith("done\n")
    assert sh.run("kmem_cache_destroy kmalloc-64") == \
        "kmem_cache_destroy: kmalloc-64 is not one of the shell's caches; the kernel's own stay\n"
    assert sh.poweroff() == qemu.STATUS_OK


def test_vmalloc_and_vfree(shell):
    sh = shell()
    if "vmalloc SIZE" not in sh.run("help"):
        sh.poweroff()
        pytest.skip("this kernel has no mm/vmalloc.c: kernel/shell_vmalloc.c builds nothing")
    out = sh.run("vmalloc 10000")
    addr = int(one(rf"^vmalloc\(10000\) = {HEX} \(3 pages\)$", out)[0], 16)
    pfns = [int(p, 16) for p in one(r"^vmalloc: pfns((?: 0x[0-9a-f]+){3})$", out)[0].split()]
    info = table(sh, "vmallocinfo")
    assert any(l.startswith(f"0x{addr:08x}-0x{addr + 4 * 4096:08x}   16384 cmd_vmalloc")
               for l in info), info
    for i, pfn in enumerate(pfns):
        assert sh.run(f"v2p {addr + i * 4096:#x}").endswith(f"(pfn {pfn:#x})\n")
    assert sh.run(f"vfree {addr:#x}") == f"vfree(0x{addr:08x}): done\n"
    assert not any(l.startswith(f"0x{addr:08x}") for l in table(sh, "vmallocinfo"))
    assert "refused" in sh.run(f"vfree {addr:#x}")
    assert "is not a size" in sh.run("vmalloc 12Q")
    assert sh.poweroff() == qemu.STATUS_OK


# ---------------------------------------------------------------------
# Mapping: kmap at 2 GB, peek and poke
# ---------------------------------------------------------------------

def test_kmap_kunmap_kmap_atomic_on_highmem(shell):
    sh = shell(mem=2048)
    out = sh.run("alloc_pages 0 GFP_HIGHUSER")
    pfn = int(one(rf"^alloc_pages\(GFP_HIGHUSER, 0\) = page {HEX} pfn {HEX} .*zone HighMem\)$",
                  out)[1], 16)
    assert f"no address: HighMem (kmap pfn {pfn:#x} to get one" in out
    assert sh.run(f"p2v {pfn << 12:#x}") == (f"phys 0x{pfn << 12:08x}: pfn {pfn:#x}: HighMem: "
                                             "no permanent address (kmap it to get one)\n")
    assert "kernel address: none (HighMem: kmap() it to get one)" in sh.run(f"page {pfn:#x}")

    out = sh.run(f"kmap {pfn:#x}")
    addr, slot = one(rf"^kmap\(pfn {pfn:#x}\) = {HEX} \(pkmap slot (\d+), pkmap_count 2: "
                     r"1 user\)$", out)
    addr, slot = int(addr, 16), int(slot)
    assert addr == 0xff800000 + slot * 4096
    assert f"kernel address: 0x{addr:08x} (kmap: pkmap slot {slot})" in sh.run(f"page {pfn:#x}")
    assert f"kmapped now at 0x{addr:08x}" in sh.run(f"p2v {pfn << 12:#x}")
    assert sh.run(f"v2p {addr:#x}").endswith(f"phys 0x{pfn << 12:08x} (pfn {pfn:#x})\n")
    kmaps = parse_kmaps(sh.run("kmaps"))
    assert kmaps["pkmap"][slot] == (addr, 2, 1, pfn)

    assert sh.run(f"poke {addr + 8:#x} 0xdeadbeef").endswith("-> 0xdeadbeef (4 bytes)\n")
    assert sh.run(f"peek {addr + 8:#x} 4").startswith(f"{addr + 8:08x}: ef be ad de ")
    out = sh.run(f"kmap_atomic {pfn:#x}")
    atomic = int(one(rf"^kmap_atomic\(pfn {pfn:#x}\) = {HEX} \(fixmap: kmap_atomic slot 0\)$",
                     out)[0], 16)
    assert atomic == 0xffffe000
    assert f"{atomic:08x}: 00 00 00 00 00 00 00 00 ef be ad de " in out, out
    assert out.endswith("done; 0 kmap_atomic slots in use now\n")

    assert sh.run(f"kunmap {pfn:#x}") == (
        f"kunmap(pfn {pfn:#x}): done\nkunmap: pkmap slot {slot} has no users now; "
        f"0x{addr:08x} stays mapped until the next lazy flush\n")
    out = sh.run(f"kunmap {pfn:#x}")
    assert f"BUG: kunmap(pfn {pfn:#x})" in out and "refused" in out
    assert parse_kmaps(sh.run("kmaps"))["summary"][0] == 0
    assert sh.run(f"free_pages pfn:{pfn:#x} 0") == f"__free_pages(pfn {pfn:#x}, 0): done\n"
    # A lowmem page: kmap and kmap_atomic give its permanent address.
    assert sh.run("kmap 0x100") == \
        "kmap(pfn 0x100) = 0xc0100000 (lowmem: its permanent address, nothing mapped)\n"
    assert "(lowmem: page_address, no slot used)" in sh.run("kmap_atomic 0x100")
    assert sh.poweroff() == qemu.STATUS_OK


def test_peek_and_poke(shell):
    sh = shell()
    addr, _ = kmalloc(sh, 32)
    assert sh.run(f"poke {addr:#x} 0x41").endswith("-> 0x41 (1 byte)\n")
    assert sh.run(f"poke {addr + 1:#x} 0x4342").endswith("-> 0x4342 (2 bytes)\n")
    assert sh.run(f"poke {addr + 4:#x} 0xdeadbeef").endswith("-> 0xdeadbeef (4 bytes)\n")
    assert sh.run(f"poke {addr + 8:#x} 7 4").endswith(" -> 0x00000007 (4 bytes)\n")
    out = sh.run(f"peek {addr:#x} 12")
    # Byte 3 is what the free pointer left, hardened (random): any character.
    assert re.fullmatch(rf"{addr:08x}: 41 42 43 [0-9a-f]{{2}} ef be ad de 07 00 00 00 {{13}} "
                        r"ABC[ -~]\.\.\.\.\.\.\.\.\n", out), out
    assert len(sh.run(f"peek {addr:#x}").splitlines()) == 4      # 64 bytes by default

    # Bad addresses are errors, not oopses; the shell carries on.
    assert sh.run("peek 0 16") == \
        "peek: cannot read 0x00000000: NULL page [0x00000000-0x00000fff]\n"
    out = sh.run("peek 0xc9fdfff8 32")          # the end of lowmem at -m 160
    assert out.startswith("c9fdfff8: 00 00 00 00 00 00 00 00 ") or "c9fdfff8: " in out, out
    assert out.endswith("peek: cannot read 0xc9fe0000: unmapped: the 8 MB gap between lowmem "
                        "and vmalloc [0xc9fe0000-0xca7dffff]\n"), out
    assert sh.run("peek 0xfffff000 1").startswith("peek: cannot read 0xfffff000: unmapped: the top")
    assert sh.run("poke 0xc0100000 0x90") == ("poke: cannot write read-only 0xc0100000: lowmem "
                                              "(kernel .text), phys 0x00100000\n")
    assert sh.run("peek 0xc0100000 1").startswith("c0100000: 02 ")     # unchanged
    assert sh.run("poke 0 1") == "poke: cannot write 0x00000000: NULL page [0x00000000-0x00000fff]\n"
    assert sh.run(f"kfree {addr:#x}").endswith("done\n")
    assert sh.run("echo still alive") == "still alive\n"
    assert sh.poweroff() == qemu.STATUS_OK


# ---------------------------------------------------------------------
# Invalid input, command by command
# ---------------------------------------------------------------------

BAD_INPUT = [
    # (line, an error line it must print, usage printed?)
    ("frobnicate", "frobnicate: unknown command; type help for the list", False),
    ("kmalloc", "kmalloc: missing argument", True),
    ("kmalloc 1 2 3", "kmalloc: too many arguments", True),
    ("kmalloc 12Q", 'kmalloc: SIZE "12Q" is not a size (bytes, 0x hex, or with K, M or G)', True),
    ("kmalloc 8G", 'kmalloc: SIZE "8G" does not fit in 32 bits', True),
    ("kmalloc 100 GFP_BOGUS", 'kmalloc: unknown GFP flag "GFP_BOGUS" in "GFP_BOGUS"', True),
    ("kmalloc 100 GFP_KERNEL|__GFP_NOPE",
     'kmalloc: unknown GFP flag "__GFP_NOPE" in "GFP_KERNEL|__GFP_NOPE"', True),
    ("kmalloc 100 GFP_KERNEL|", 'kmalloc: empty GFP flag in "GFP_KERNEL|"', True),
    ("kzalloc x", 'kzalloc: SIZE "x" is not a size', True),
    ("kfree", "kfree: missing argument", True),
    ("kfree zz", 'kfree: ADDR "zz" is not a number (decimal, or hex with 0x)', True),
    ("kfree 0x1234", "kfree(0x00001234): refused (see the report above); nothing was changed",
     False),
    ("alloc_pages", "alloc_pages: missing argument", True),
    ("alloc_pages 11", "alloc_pages: ORDER 11 is too big: blocks are of order 0 to 10", True),
    ("alloc_pages -1", 'alloc_pages: ORDER "-1" is not a number', True),
    ("alloc_pages 0 NOPE", 'alloc_pages: unknown GFP flag "NOPE" in "NOPE"', True),
    ("free_pages 0xc0100000", "free_pages: missing argument", True),
    ("free_pages 0xc0100000 zz", 'free_pages: ORDER "zz" is not a number', True),
    ("free_pages pfn:0xffffffff 0",
     "free_pages: pfn 0xffffffff is beyond the last page frame (max_pfn 0x9fe0): no struct page",
     True),
    ("free_pages 0xc0100000 0", "free_pages(0xc0100000, 0): refused", False),
    ("kmem_cache_create x", "kmem_cache_create: missing argument", True),
    ("kmem_cache_create x 1M", "kmem_cache_create(\"x\", 1048576, 0, 0x0) = NULL", True),
    ("kmem_cache_create x 10 SLAB_BOGUS", 'kmem_cache_create: unknown SLAB flag "SLAB_BOGUS"',
     True),
    ("kmem_cache_create x 10 0 0x40000",
     'kmem_cache_create: SLAB flags 0x40000 in "0x40000" are not for the shell', True),
    ("kmem_cache_create x 10 3", "kmem_cache_create(x): bad size 10 or alignment 3", True),
    ("kmem_cache_create kmalloc-64 10", 'kmem_cache_create: a cache named "kmalloc-64" exists '
     "already", False),
    ("kmem_cache_create " + "n" * 32 + " 10", "is longer than 31 characters", True),
    ("cache_alloc", "cache_alloc: missing argument", True),
    ("cache_alloc nosuch", 'cache_alloc: no cache named "nosuch" (slabinfo lists them)', False),
    ("cache_alloc kmalloc-64 GFP_NO", 'cache_alloc: unknown GFP flag "GFP_NO"', True),
    ("cache_free nosuch 0", 'cache_free: no cache named "nosuch"', False),
    ("cache_free kmalloc-64 zz", 'cache_free: ADDR "zz" is not a number', True),
    ("cache_free kmalloc-64 0xc0100000", "kmem_cache_free(kmalloc-64, 0xc0100000): refused",
     False),
    ("kmem_cache_shrink nosuch", 'kmem_cache_shrink: no cache named "nosuch"', False),
    ("kmem_cache_shrink a b", "kmem_cache_shrink: too many arguments", True),
    ("kmem_cache_destroy", "kmem_cache_destroy: missing argument", True),
    ("kmem_cache_destroy nosuch", 'kmem_cache_destroy: no cache named "nosuch"', False),
    ("kmem_cache_destroy kmalloc-64", "kmem_cache_destroy: kmalloc-64 is not one of the shell's",
     False),
    ("kmap", "kmap: missing argument", True),
    ("kmap zz", 'kmap: PFN "zz" is not a number', True),
    ("kmap pfn:0xffffffff", "kmap: pfn 0xffffffff is beyond the last page frame", True),
    ("kunmap 0x10000000", "kunmap: pfn 0x10000000 is beyond the last page frame", True),
    ("kunmap 0x100 1", "kunmap: too many arguments", True),
    ("kmap_atomic 0x7fffffff", "kmap_atomic: pfn 0x7fffffff is beyond the last page frame", True),
    ("peek", "peek: missing argument", True),
    ("peek zz", 'peek: ADDR "zz" is not a number', True),
    ("peek 0xc0100000 0", "peek: LEN 0: 1 to 4096 bytes at a time", True),
    ("peek 0xc0100000 5000", "peek: LEN 5000: 1 to 4096 bytes at a time", True),
    ("peek 0xc0100000 1Q", 'peek: LEN "1Q" is not a size', True),
    ("poke 0xc0100000", "poke: missing argument", True),
    ("poke 0xc0100000 zz", 'poke: VALUE "zz" is not a number', True),
    ("poke 0xc0100000 1 3", "poke: WIDTH 3: 1, 2 or 4 bytes", True),
    ("poke 0xc0100000 0x1ff 1", "poke: VALUE 0x1ff does not fit in 1 byte", True),
    ("page", "page: missing argument", True),
    ("page zz", 'page: PFN|ADDR "zz" is not a number', True),
    ("page 0x99999", "page: pfn 0x99999 is beyond the last page frame (max_pfn 0x9fe0)", True),
    ("page 0xffffffff", "page: 0xffffffff maps no page: unmapped: the top page", False),
    ("v2p", "v2p: missing argument", True),
    ("v2p zz", 'v2p: ADDR "zz" is not a number', True),
    ("p2v 0xfffff000", "p2v: phys 0xfffff000 (pfn 0xfffff) is beyond RAM: max_pfn is 0x9fe0",
     False),
    ("p2v 1 2", "p2v: too many arguments", True),
    ("buddyinfo now", "buddyinfo: takes no arguments (it prints /proc/buddyinfo)", False),
    ("insmod", "no boot modules: boot with -initrd FILE.ko", False),
    ("insmod mem_module", "insmod: mem_module: failed (-ENOENT); nothing was changed", False),
    ("insmod a b=1", "insmod: a: failed (-ENOENT); nothing was changed", False),   # b=1: a parameter
    ("rmmod a b", "rmmod: too many arguments", True),
    ("rmmod", "rmmod: missing argument", True),
    ("rmmod mem_module", "rmmod: mem_module: failed (-ENOENT); nothing was changed", False),
    ("lsmod all", "lsmod: too many arguments", True),
    ("history all", "history: too many arguments", True),
    ("dmesg -c", "dmesg: too many arguments", True),
    ("ktest a b", "ktest: too many arguments", True),
    ("poweroff now", "poweroff: too many arguments", True),
    ("help a b", "help: too many arguments", True),
    ("sysctl vm.nope", "sysctl: cannot stat /proc/sys/vm/nope: No such file or directory", False),
    ("sysctl kernel.x", "sysctl: cannot stat /proc/sys/kernel/x: No such file or directory", False),
    ("sysctl vm.overcommit_memory=3", 'sysctl: setting key "vm.overcommit_memory": Invalid argument',
     False),
    ("sysctl -w vm.overcommit_ratio=x", 'sysctl: setting key "vm.overcommit_ratio": Invalid argument',
     False),
    ("echo 1 2 3 4 5 6 7 8", "shell: more than 8 words in one line", False),
]


def test_sysctl_turns_overcommit(shell):
    """sysctl lists /proc/sys/vm as sysctl(8) does and sets a knob with a
    write's rules; meminfo's CommitLimit follows overcommit_ratio, and a
    refused value changes nothing."""
    sh = shell()
    listed = sh.run("sysctl").splitlines()
    assert listed[:3] == ["vm.overcommit_memory = 0", "vm.overcommit_ratio = 50",
                          "vm.overcommit_kbytes = 0"], listed
    assert [l.split(" = ")[0] for l in listed[3:]] == ["vm.user_reserve_kbytes",
                                                       "vm.admin_reserve_kbytes"], listed
    assert sh.run("sysctl vm.overcommit_memory=2") == "vm.overcommit_memory = 2\n"
    assert sh.run("sysctl vm.overcommit_memory=7").startswith("sysctl: setting key")
    assert sh.run("sysctl vm.overcommit_memory") == "vm.overcommit_memory = 2\n"
    assert sh.run("sysctl -w vm.overcommit_ratio=100") == "vm.overcommit_ratio = 100\n"
    mi = {l.split(":")[0]: l.split()[1] for l in sh.run("meminfo").splitlines() if ":" in l}
    assert mi["CommitLimit"] == mi["MemTotal"], mi
    assert sh.run("sysctl vm.overcommit_kbytes=4096 vm.overcommit_ratio") == \
        "vm.overcommit_kbytes = 4096\nvm.overcommit_ratio = 0\n"
    assert sh.poweroff() == qemu.STATUS_OK


def test_bad_input_gives_an_error_and_the_shell_carries_on(shell):
    sh = shell()
    usages = {}
    for line in sh.run("help").splitlines():
        m = re.match(r"^  (\S+)(?: (\S.*?))?\s{2,}", line)
        if m:
            usages[m.group(1)] = f"usage: {m.group(1)}" + (f" {m.group(2)}" if m.group(2) else "")
    for line, error, usage in BAD_INPUT:
        out = sh.run(line)
        assert error in out, f"{line!r}: expected {error!r}, got:\n{out}"
        name = line.split()[0]
        assert (usages.get(name, "?") + "\n" in out) == usage, f"{line!r}: usage?\n{out}"
    assert sh.run("echo still alive") == "still alive\n"
    assert sh.poweroff() == qemu.STATUS_OK


def test_ktest_runs_suites_without_powering_off(shell):
    sh = shell()
    out = sh.run("ktest")
    assert out.startswith("ktest suites: ") and " shell " in out
    out = sh.run("ktest shell")
    assert "# Subtest: shell" in out and "\nok 1 shell\n" in out, out
    assert out.endswith("ktest: shell: all passed\n")
    out = sh.run("ktest nosuchsuite")
    assert "not ok 1 nosuchsuite # no such test suite" in out
    assert out.endswith("ktest: nosuchsuite: some tests failed (see \"not ok\" above)\n")
    assert sh.run("echo still here") == "still here\n"
    assert sh.poweroff() == qemu.STATUS_OK


def test_ktest_all_twice_from_the_shell(shell):
    """Every suite runs again in the same boot: a case that provokes a
    WARN_ON_ONCE re-arms it with clear_warn_once(), and none depends on
    the ktest= parameter or on what an earlier run left behind."""
    sh = shell(mem=160, params="demo")
    for run in range(2):
        out = sh.run("ktest all")
        try:
            ktap.check(out)
        except ktap.KtapError as e:
            raise AssertionError(f"run {run + 1}: {e}")
        assert out.endswith("ktest: all: all passed\n"), out[-2000:]
    assert sh.poweroff() == qemu.STATUS_OK


# ---------------------------------------------------------------------
# The line editor, history and dmesg
# ---------------------------------------------------------------------

def test_editing_and_history(shell):
    sh = shell()
    assert sh.run("!!") == "!!: no command yet to repeat\n"
    # Backspace (DEL and BS) edits the line before it runs.
    out = sh.type("echo abcx\x7fd\bd\r")
    assert out == "echo abcx\b \bd\b \bd\nabcd\n", repr(out)
    # Ctrl-U erases the whole line; only what follows runs.
    out = sh.type("echo junk\x15echo clean\r")
    assert out.endswith("echo clean\nclean\n") and "junk\n" not in out, repr(out)
    # Ctrl-C abandons the line: nothing runs, a new prompt comes.
    assert sh.type("echo never\x03") == "echo never^C\n"
    # Up arrow (ESC [ A) recalls the last line; twice, the one before.
    assert sh.type("\x1b[A\r") == "echo clean\nclean\n"
    out = sh.type("\x1b[A\x1b[A\x1b[B\x1b[B\x1b[A\r")
    assert out.endswith("echo clean\nclean\n"), repr(out)
    # !! repeats the last command, and can be added to.
    assert sh.run("!!") == "echo clean\nclean\n"
    assert sh.run("!! again") == "echo clean again\nclean again\n"
    out = sh.run("history")
    assert re.findall(r"^ +\d+  (.*)$", out, re.M)[-4:] == [
        "echo abcd", "echo clean", "echo clean again", "history"], out
    # dmesg has the boot messages and what the commands printed.
    out = sh.run("dmesg")
    assert out.startswith("mm386 version") and "clean again\n" in out
    assert sh.poweroff() == qemu.STATUS_OK


def hmp(sock, command=None):
    """One monitor command (none: just the greeting); wait for the prompt."""
    if command is not None:
        sock.sendall(command.encode() + b"\n")
    data = b""
    while not data.endswith(b"(qemu) "):
        data += sock.recv(4096)
    return data.decode(errors="replace")


def test_ps2_keyboard_types_into_the_shell(shell):
    """QEMU's sendkey presses keys on the PS/2 keyboard; the shell sees
    them as if typed on the serial line: letters, Shift, Backspace, Enter,
    the up arrow, Ctrl-C."""
    path = os.path.join(tempfile.mkdtemp(prefix="mm386-"), "monitor.sock")
    sh = shell(monitor=path)
    mon = socket.socket(socket.AF_UNIX)
    mon.connect(path)
    mon.settimeout(10)
    hmp(mon)

    def keys(*names):
        for k in names:
            hmp(mon, f"sendkey {k}")
            time.sleep(0.05)

    keys(*"echo", "spc", "shift-h", "i", "x", "backspace", "shift-1", "ret")
    sh.child.expect_exact("Hi!\r")
    sh.expect_prompt()
    keys("up", "ret")                       # the arrow comes as ESC [ A
    sh.child.expect_exact("echo Hi!\r")
    sh.child.expect_exact("Hi!\r")
    sh.expect_prompt()
    keys(*"echo", "spc", *"no", "ctrl-c")
    sh.child.expect_exact("echo no^C")
    sh.expect_prompt()
    keys("shift-1", "shift-1", "ret")       # !!
    sh.child.expect_exact("echo Hi!\r")
    sh.child.expect_exact("Hi!\r")
    sh.expect_prompt()
    mon.close()
    assert sh.poweroff() == qemu.STATUS_OK
