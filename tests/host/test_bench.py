"""The benchmarks run and print their lines (a smoke run: no timing is
asserted), and under -icount two runs are identical."""
import os
import re

import qemu

LINE = re.compile(r"^bench: (\S+) iters=(\d+) ticks_per_op=(\d+\.\d\d)$", re.M)
OPS = {"kmalloc_100", "kzalloc_100", "get_free_page", "alloc_pages_3", "kmap_atomic_high",
       "kmap_atomic_low", "kmap_high", "kmap_low", "kmem_cache_64",
       # user/ubench, a boot program: measured from user space
       "user_getpid", "user_first_touch", "user_cow_fault", "user_brk_grow_shrink",
       "user_mmap_munmap_1mb", "user_fork_exit_wait"}


def smoke():
    r = qemu.boot("bench=smoke", mem=2048, extra=qemu.ICOUNT, timeout=300,
                  initrd=[qemu.user_program("ubench", "smoke")])
    r.expect_status(qemu.STATUS_OK)
    return r.log


_smoke = []


def smoke_log():
    if not _smoke:
        _smoke.append(smoke())
    return _smoke[0]


def test_bench_smoke_prints_every_operation():
    log = smoke_log()
    found = {m.group(1) for m in LINE.finditer(log)}
    assert OPS <= found, OPS - found
    assert "bench: loop_overhead iters=100000" in log
    for stat in ("sizeof_struct_page=32", "boot_ticks=", "mem_map_pct_of_ram=",
                 "waste_per_object_kmalloc-96=", "frag_peak_largest_free_order="):
        assert f"bench: stat {stat}" in log
    assert "bench: done" in log
    assert "skipped" not in log          # -m 2048 has HighMem for the kmap ones


def test_bench_is_deterministic():
    a = [m.group(0) for m in LINE.finditer(smoke_log())]
    b = [m.group(0) for m in LINE.finditer(smoke())]
    assert a == b and len(a) >= len(OPS)


def test_test_vmalloc_runs_linux_workloads():
    # bench=test_vmalloc: lib/test_vmalloc.c's four workloads, only when
    # named (not in bench=all); "smoke" gives them a few loops.  full_fit's
    # 16384 areas need -m 160's vmalloc space.
    r = qemu.boot("bench=test_vmalloc,smoke init_on_alloc=1", mem=160, extra=qemu.ICOUNT, timeout=300)
    r.expect_status(qemu.STATUS_OK)
    found = {m.group(1) for m in LINE.finditer(r.log)}
    assert found == {"loop_overhead", "test_vmalloc_fix_size", "test_vmalloc_full_fit",
                     "test_vmalloc_long_busy_list", "test_vmalloc_random_size"}, found
    assert "vmalloc failed" not in r.log
    assert "test_vmalloc" not in smoke_log()


def test_unknown_benchmark_is_named_and_fails_the_run():
    # As ktest=nosuch: a name that matches nothing is a failed run (35),
    # not a success, and the valid names are listed.
    r = qemu.boot("bench=kmalloc_100,nosuch", extra=qemu.ICOUNT)
    r.expect_status(qemu.STATUS_TEST_FAILED)
    assert "bench: nosuch unknown (no such benchmark)" in r.log
    assert re.search(r"^bench: valid names: all smoke .*\bkmalloc_100\b.*\bvmalloc_100000\b",
                     r.log, re.M)
    assert "bench: kmalloc_100 iters=" in r.log      # the good name still ran


def test_docs_tables_are_rendered_from_saved_results():
    # docs/performance.md's and README.md's bench tables are what
    # tools/bench.py renders from docs/bench.json (make bench UPDATE=1
    # writes all three): no figure in them is typed by hand.
    import importlib.util
    import json
    spec = importlib.util.spec_from_file_location("bench", os.path.join(qemu.ROOT, "tools", "bench.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = json.load(open(os.path.join(qemu.ROOT, "docs", "bench.json")))
    assert set(results) == {"gcc", "clang"}
    seen = set()
    for path in bench.DOCS:
        for m in bench.MARK.finditer(open(path).read()):
            assert m.group(3) == bench.TABLES[m.group(2)](results) + "\n", (path, m.group(2))
            seen.add((os.path.basename(path), m.group(2)))
    assert seen == {("performance.md", "goals"), ("performance.md", "other"), ("README.md", "goals")}
