"""fork, copy-on-write, wait4, execve and vfork (user/forkcow.c).

The program checks what it can see itself (exit statuses, wait4's view of
signals, its own pages unchanged by a child's writes) and prints one line
per check; the kernel's lines say the rest: each process's COW count in
its exit line, and with vmtrace=forkcow each COW fault and, at each fork,
how many pages of each VMA the child shares.
"""
import re

import pytest

import qemu

WRITTEN = 20


# Under -icount the timer ticks in guest instructions, so who runs first
# after each fork (the parent or the child) is the same on every run.  In
# real time it depends on the host's load: when the parent writes its stack
# page first, the child finds that page no longer shared and reuses it
# without a copy, and a child's baseline of copies moves by one.  So the
# boot runs under qemu.ICOUNT.


def boot(mem):
    r = qemu.boot("poweroff vmtrace=forkcow", mem=mem, extra=qemu.ICOUNT,
                  initrd=[qemu.user_program("forkcow", WRITTEN), qemu.user_program("hello")])
    r.expect_status(qemu.STATUS_OK)
    return r


@pytest.fixture(scope="module", params=[160, 2048])
def log(request):
    return boot(request.param).log


def exits(log):
    """{pid: (how, value, min_flt, cow)} from the kernel's exit lines."""
    return {int(pid): (how, int(v), int(flt), int(cow)) for _, pid, how, v, flt, cow in re.findall(
        r"^exit: (\w+)\[(\d+)\] (exited with status|killed by signal) (\d+).*\(min_flt (\d+), cow (\d+)\)$",
        log, re.M)}


def test_every_check_passes(log):
    checks = re.findall(r"^forkcow: (.*): (ok|FAILED)$", log, re.M)
    assert len(checks) == 11, checks
    assert all(v == "ok" for _, v in checks), checks
    assert re.search(r"^exit: forkcow\[1\] exited with status 0 ", log, re.M)


def test_cow_faults_are_counted_exactly(log):
    e = exits(log)
    a, b = e[2], e[3]                       # fork A (wrote nothing), fork B (wrote 20 pages)
    assert a[:2] == ("exited with status", 0) and b[:2] == ("exited with status", WRITTEN)
    assert b[3] - a[3] == WRITTEN, (a, b)   # one copy per page written, no more
    assert a[3] < 8                         # A's baseline: its stack, glibc's own variables


def test_vmtrace_shows_shared_and_copied_pages(log):
    forks = re.findall(r"^vmtrace: forkcow\[1\] fork: ([0-9a-f]{8})-([0-9a-f]{8}) (\S{4}): (\d+) pages "
                       r"shared with the child, (\d+) of them copy-on-write", log, re.M)
    assert len(forks) >= 6 * 6                  # six VMAs, at each of the six forks
    for start, end, perms, shared, cow in forks:
        if perms[1] == "w":                     # private writable: shared until written
            assert int(cow) == int(shared), (start, perms)
        else:                                   # text, rodata: shared for good
            assert int(cow) == 0, (start, perms)
    # the 32-page bss is in the heap VMA: at least 32 of its pages are shared
    assert max(int(s) for st, _, p, s, _ in forks if p == "rw-p") >= 32
    copies = re.findall(r"^vmtrace: forkcow\[3\] write fault: COW copy at ([0-9a-f]{8})", log, re.M)
    assert len(copies) >= WRITTEN
    # after the children are gone the parent's writes reuse its pages: no copy
    reused = re.findall(r"^vmtrace: forkcow\[1\] write fault: COW page no longer shared, reused", log, re.M)
    assert len(reused) >= 32 - WRITTEN


def test_exec_wait_and_signals(log):
    e = exits(log)
    hellos = [pid for pid in e if re.search(rf"^exit: hello\[{pid}\]", log, re.M)]
    assert len(hellos) == 3                         # fork C, vfork F, then the boot's own
    assert "hello, world from hello (argc 2): malloc works" in log
    segv = [v for v in e.values() if v[:2] == ("killed by signal", 11)]
    kill = [v for v in e.values() if v[:2] == ("killed by signal", 9)]
    assert len(segv) == 1 and len(kill) == 1
    assert re.search(r"^forkcow\[\d+\]: segfault at 0 ip [0-9a-f]{8} sp [0-9a-f]{8} error 6 in forkcow", log, re.M)


def test_orphan_reaped_and_nothing_lost(log):
    parent = log.index("exit: forkcow[1] exited")
    orphan = re.search(r"^exit: forkcow\[(\d+)\] exited with status 0", log[parent + 10:], re.M)
    assert orphan, "the orphan G exits after its parent"
    runs = re.findall(r"^run: (\w+)\[1?\d\]: free pages (\d+) before, (\d+) after, .*: (nothing lost|LEAKED)$",
                      log, re.M)
    assert [r[0] for r in runs] == ["forkcow", "hello"]
    assert all(b == a and v == "nothing lost" for _, b, a, v in runs), runs
    assert "Oops" not in log and "BUG" not in log


def test_highmem_copies_at_2048():
    """At 2 GB the children's copies are HighMem pages (kmap_atomic copies them)."""
    log = boot(2048).log
    copies = re.findall(r"^vmtrace: forkcow\[3\] write fault: COW copy at \S+ -> pfn \S+( \(HighMem\))?$",
                        log, re.M)
    assert copies and all(copies), copies[:3]
