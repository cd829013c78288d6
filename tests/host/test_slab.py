"""Slab caches and kmalloc: the suites at several sizes, slabinfo's format,
and the debugging reports (slab_debug)."""
import re

import pytest

import mmlog
import qemu

SLABINFO_HEADER = ("# name            <active_objs> <num_objs> <objsize> <objperslab> "
                   "<pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
                   "slabdata <active_slabs> <num_slabs> <sharedavail>")
ROW = re.compile(r"^(\S+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) : tunables +0 +0 +0 : "
                 r"slabdata +(\d+) +(\d+) +0$")


def slabinfo(log):
    lines = mmlog.proc(log, "slabinfo")
    assert lines[0] == "slabinfo - version: 2.1"
    assert lines[1] == SLABINFO_HEADER
    rows = {}
    for line in lines[2:]:
        m = ROW.match(line)
        assert m, f"bad slabinfo row {line!r}"
        rows[m.group(1)] = [int(x) for x in m.groups()[1:]]
    return rows


def test_slabinfo_format_and_caches():
    log = qemu.boot("dump=slabinfo poweroff").expect_status(qemu.STATUS_OK).log
    rows = slabinfo(log)
    for size in ["8", "16", "32", "64", "96", "128", "192", "256", "512", "1k", "2k", "4k", "8k"]:
        assert f"kmalloc-{size}" in rows and f"dma-kmalloc-{size}" in rows
    assert "kmem_cache" in rows
    for name, (active, total, objsize, per_slab, pages, aslabs, nslabs) in rows.items():
        assert objsize * per_slab <= pages * 4096, name
        assert total == per_slab * nslabs and active <= total, name
    assert rows["kmalloc-8k"][2:5] == [8192, 4, 8]


@pytest.mark.parametrize("mem", [16, 160, 3072])
def test_slab_suites(run_ktest, mem):
    r = run_ktest("slab,kmalloc,slab_debug", mem=mem)
    skipped = [c.name for s in r.ktap.suites for c in s.cases if c.skip]
    assert skipped == ["kmalloc_with_slab_debug"]
    assert "kmalloc: stress 100000 ops" in r.log


def test_slab_debug_covers_kmalloc(run_ktest):
    r = run_ktest("slab_debug,kmalloc,slab", params="slab_debug dump=slabinfo")
    assert not any(c.skip for s in r.ktap.suites for c in s.cases)
    log = r.log
    # The deliberate overrun past kmalloc(60): cache, area, bytes, owner, repair.
    assert "BUG kmalloc-64 (Not tainted): kmalloc Redzone overwritten" in log
    assert re.search(r"^INFO: 0x[0-9a-f]{8}-0x[0-9a-f]{8} @offset=60\. First byte 0x01 instead of 0xcc$",
                     log, re.M)
    assert re.search(r"^INFO: Allocated in kmalloc_with_slab_debug\+0x", log, re.M)
    assert "FIX kmalloc-64: Restoring kmalloc Redzone" in log
    # With debugging, objects carry red zones and tracks: bigger strides.
    assert slabinfo(log)["kmalloc-32"][2] > 32


def test_slub_kunit_cases_report_like_slub():
    r = qemu.boot("ktest=slab_debug").expect_status(qemu.STATUS_OK)
    log = r.log
    for cache, what in [("TestSlub_RZ_alloc", "Right Redzone"),
                        ("TestSlub_1th_word_free", "Poison"),
                        ("TestSlub_50th_word_free", "Poison"),
                        ("TestSlub_RZ_free", "Right Redzone"),
                        ("TestSlub_RZ_kmalloc", "kmalloc Redzone")]:
        assert f"BUG {cache} (Not tainted): {what} overwritten" in log
    assert "@offset=50. First byte 0x9a instead of 0x6b" in log
    assert "@offset=0. First byte 0x78 instead of 0x6b" in log
    assert "BUG TestSlub_double (Not tainted): Object already free: double free of 0x" in log


def test_bad_kfree_reports_name_the_problem():
    r = qemu.boot("ktest=kmalloc").expect_status(qemu.STATUS_OK)
    log = r.log
    assert re.search(r"^BUG kmalloc-64 \(Not tainted\): Invalid object pointer 0x[0-9a-f]{8}: "
                     r"4 bytes into object 0x[0-9a-f]{8}$", log, re.M)
    assert re.search(r"^BUG kmalloc \(Not tainted\): not a slab object: 0x[0-9a-f]{8} is in vmalloc area",
                     log, re.M)
    assert re.search(r"^BUG kmalloc \(Not tainted\): 0x[0-9a-f]{8} was not allocated by kmalloc "
                     r"\(pfn 0x[0-9a-f]+ is a page from the page allocator", log, re.M)
    assert re.search(r"^INFO: kfree\(0x[0-9a-f]{8}\) called from bad_kfree\+0x", log, re.M)
    assert re.search(r"^WARNING: CPU: 0 PID: 0 at mm/slab_common\.c:\d+ kmalloc\w*\+0x", log, re.M)
    assert "kmalloc: size 4194305 (from limits+0x" in log


def test_bad_slab_debug_option():
    r = qemu.boot("slab_debug=ZQ poweroff").expect_status(qemu.STATUS_OK)
    assert ('Malformed kernel parameter "slab_debug=ZQ" (unknown option \'Q\'; use F, Z, P, U or -), '
            'default kept') in r.log
