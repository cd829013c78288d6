"""KASAN for i386 (make KASAN=1, gcc and clang): the kasan suite's cases
each make one report of the right kind, in Linux's format, and the kernel
goes on; the shadow is where the layout says and costs what dump=kasan
says; the other suites that do not misuse memory on purpose run clean
(no false reports) with the demo."""
import os
import re
import subprocess

import pytest

import qemu

KASAN_BUILD = os.path.join(qemu.BUILD, "kasan")
KASAN_CLANG = os.path.join(qemu.BUILD, "kasan-clang")
# Suites that make no bad access on purpose (the others do, and KASAN
# rightly reports them, or count on slab geometry KASAN's redzones change).
CLEAN = "boot,elf,highmem,lib,module,buddy,rbtree,shell,mempool"

# Each kasan case and the kinds of its reports, in order.
EXPECTED = {
    "kmalloc_oob_right": ["slab-out-of-bounds"] * 2,
    "kmalloc_oob_left": ["slab-out-of-bounds"],
    "kmalloc_large_oob_right": ["slab-out-of-bounds"],
    "kmalloc_large_uaf": ["use-after-free"],
    "krealloc_more_oob": ["slab-out-of-bounds"],
    "krealloc_less_oob": ["slab-out-of-bounds"],
    "ksize_unpoisons_memory": ["slab-out-of-bounds"],
    "kmalloc_uaf": ["use-after-free"],
    "kmalloc_uaf_memset": ["use-after-free"],
    "kmalloc_oob_memset": ["slab-out-of-bounds"] * 4,
    "kmalloc_oob_memcpy": ["slab-out-of-bounds"],
    "kmalloc_oob_16": ["slab-out-of-bounds"],
    "kmalloc_double_free": ["double-free"],
    "kmalloc_invalid_free": ["invalid-free"],
    "kmem_cache_cases": ["slab-out-of-bounds", "invalid-free", "use-after-free", "double-free"],
    "page_alloc_uaf": ["use-after-free"],
    "vmalloc_oob": ["vmalloc-out-of-bounds"] * 2,
    "kasan_strings": ["slab-out-of-bounds", "slab-out-of-bounds", "use-after-free"],
    "global_oob_right": ["global-out-of-bounds"],
    "stack_oob_right": ["stack-out-of-bounds"],
    "quarantine_drains": [],
}


def build(out, clang=False):
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CC", "CROSS_COMPILE")}
    cmd = ["make", "-C", qemu.ROOT, f"O={out}", "KASAN=1"] + (["CC=clang"] if clang else [])
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    assert p.returncode == 0, p.stdout.decode(errors="replace")[-3000:]
    return os.path.join(out, "kernel.elf")


@pytest.fixture(scope="module")
def kasan_kernel():
    return build(KASAN_BUILD)


@pytest.fixture(scope="module")
def kasan_clang_kernel():
    return build(KASAN_CLANG, clang=True)


def reports_by_case(log):
    """{case: [kind, ...]} from the KTAP lines and the reports between them."""
    out, kinds = {}, []
    for line in log.splitlines():
        m = re.match(r"^BUG: KASAN: (\S+) in ", line)
        if m:
            kinds.append(m.group(1))
        m = re.match(r"^    (?:not )?ok \d+ (\w+)", line)
        if m:
            out[m.group(1)] = kinds
            kinds = []
    return out


def check_suite(run_ktest, kernel, mem):
    r = run_ktest("kasan", mem=mem, kernel=kernel, params="dump=kasan")
    assert reports_by_case(r.log) == EXPECTED
    return r.log


@pytest.mark.parametrize("mem", [160, 2048])
def test_kasan_suite(run_ktest, kasan_kernel, mem):
    log = check_suite(run_ktest, kasan_kernel, mem)
    # A whole report, as Linux words it.
    rep = log[log.index("BUG: KASAN: slab-out-of-bounds in kmalloc_oob_right+"):]
    rep = rep[:rep.index("==================================================================")]
    assert re.search(r"^Write of size 1 at addr ([0-9a-f]{8}) by task swapper/0/0$", rep, re.M)
    assert re.search(r"^Call Trace:\n kasan_report\+\S+\n __asan_store1_noabort\+\S+\n kmalloc_oob_right\+",
                     rep, re.M)
    assert re.search(r"^Allocated by task 0:\n kmalloc_oob_right\+", rep, re.M)
    assert re.search(r"^The buggy address belongs to the object at ([0-9a-f]{8})\n which belongs to the "
                     r"cache kmalloc-128 of size 128\nThe buggy address is located 123 bytes inside of\n "
                     r"128-byte region \[\1, [0-9a-f]{8}\)$", rep, re.M)
    assert "page dumped because: kasan: bad access detected" in rep
    rows = re.findall(r"^([ >])([0-9a-f]{8}):((?: [0-9a-f]{2}){16})$", rep, re.M)
    assert len(rows) == 5 and rows[2][0] == ">"
    assert rows[2][2].split()[15] == "03"          # 123 bytes: 15 granules, then 3
    caret = rep.splitlines()[[i for i, l in enumerate(rep.splitlines()) if l.startswith(">")][0] + 1]
    assert caret.index("^") == len(">xxxxxxxx: ") + 3 * 15
    # A use after free names who freed it.
    uaf = log[log.index("BUG: KASAN: use-after-free in kmalloc_uaf+"):]
    assert re.search(r"^Freed by task 0:\n kmalloc_uaf\+", uaf, re.M)
    # The layout and what the shadow costs.
    assert re.search(r"^    kasan   : 0xf7800000 - 0xff800000   \( 128 MB\)$", log, re.M)
    assert re.search(r"^    vmalloc : 0x[0-9a-f]{8} - 0xf77fe000", log, re.M)
    m = re.search(r"^kasan: lowmem shadow (\d+) kB, vmalloc shadow \d+ kB, shadow page tables 128 kB$",
                  log, re.M)
    lowmem = re.search(r"^\s+lowmem  : 0xc0000000 - 0x([0-9a-f]{8})", log, re.M)
    assert m and abs(int(m.group(1)) - (int(lowmem.group(1), 16) - 0xc0000000) // 8 // 1024) <= 4


def test_kasan_suite_clang(run_ktest, kasan_clang_kernel):
    check_suite(run_ktest, kasan_clang_kernel, 160)


@pytest.mark.parametrize("mem", [160, 2048])
def test_no_false_reports(run_ktest, kasan_kernel, mem):
    """The demo and every suite that does not misuse memory on purpose:
    not one KASAN report."""
    r = run_ktest(CLEAN, mem=mem, kernel=kasan_kernel, params="demo")
    assert "BUG: KASAN" not in r.log
    assert "==> demo: done <==" in r.log


def test_no_false_reports_clang(run_ktest, kasan_clang_kernel):
    # boot is left out: clang's global redzones make kallsyms' sizes larger.
    r = run_ktest(CLEAN.replace("boot,", ""), kernel=kasan_clang_kernel, params="demo")
    assert "BUG: KASAN" not in r.log


# Allocation failures only where a program asks for them: fail-nth
# (failnth's children) with every knob letting it through, and one in
# twenty with the task filter (sysfuzz's children).
NTH_KNOBS = ("failslab.ignore_gfp_wait=N fail_page_alloc.ignore_gfp_wait=N "
             "fail_page_alloc.ignore_gfp_highmem=N fail_page_alloc.min_order=0 "
             "failslab.verbose=0 fail_page_alloc.verbose=0")
TASK_INJECT = ("failslab=1,5,0,-1 fail_page_alloc=1,5,0,-1 failslab.task_filter=Y "
               "fail_page_alloc.task_filter=Y " + NTH_KNOBS)


@pytest.mark.parametrize("cc,mem,program,params", [
    ("gcc", 160, ("failnth",), NTH_KNOBS), ("gcc", 2048, ("failnth",), NTH_KNOBS),
    ("gcc", 160, ("sysfuzz", 31, 20000), TASK_INJECT), ("clang", 2048, ("sysfuzz", 1003, 20000), "")],
    ids=["failnth-160", "failnth-2048", "sysfuzz-160", "sysfuzz-2048-clang"])
def test_system_calls_and_their_failures_under_kasan(request, cc, mem, program, params):
    """Programs under the KASAN kernel: every allocation failure point of
    user/failnth.c's operations, and random system calls (user/sysfuzz.c),
    with random allocation failures at 160 MB, and on clang's KASAN kernel
    at 2048 MB, where a program's pages are HighMem: not one KASAN report,
    and nothing lost.  Two things had to change for this.  An exception taken
    in the kernel (a uaccess fault whose page could not be had) ran its C
    handler on a stack aligned only to 4 bytes, so the redzones of the
    frames below it were off by 4 and KASAN reported a valid local as
    "stack-out-of-bounds" (kernel/entry.asm now aligns to 16, the C ABI's
    rule).  And the shadow pages KASAN gives new vmalloc addresses (the
    children's kernel stacks), kept as page tables are, read as "LEAKED"
    (fs/boot_programs.c now counts them as kept)."""
    kernel = request.getfixturevalue("kasan_kernel" if cc == "gcc" else "kasan_clang_kernel")
    r = qemu.boot((params + " poweroff").strip(), mem=mem, kernel=kernel, extra=qemu.ICOUNT,
                  timeout=600, initrd=[qemu.user_program(*program), qemu.user_program("hello")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    for word in ("BUG: KASAN", "Oops", "WARNING", "LEAKED"):
        assert word not in log, log[log.find(word) - 2000:log.find(word) + 2000]
    if program[0] == "failnth":
        assert len(re.findall(r"^failnth: \w+: \d+ allocation points:", log, re.M)) == 12
    else:
        assert re.search(rf"^sysfuzz: seed {program[1]}: 40 children, 20000 calls, \d+ made: ", log, re.M)
    runs = re.findall(r"^run: (\w+)\[\d+\]: .*: (.*)$", log, re.M)
    assert runs == [(program[0], "nothing lost"), ("hello", "nothing lost")], runs
