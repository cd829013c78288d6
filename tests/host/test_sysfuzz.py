"""Random system calls: user/sysfuzz.c throws thousands of calls nobody
chose at the kernel (trinity's idea, in small), from children that may
kill themselves.  The kernel must survive all of it: no oops, no warning,
no BUG, every child accounted for, "nothing lost" once the program is
gone, and a program after it that still runs.

Each seed is its own stream of calls.  The kernel before 878fc98 panicked
on every seed below (a TLS descriptor emptied under %gs).  The boots run
under -icount: the timer then ticks in guest instructions, so the order in
which children, grandchildren and their parent run, and the times the
calls read, are the same on every run, whatever the host's load.  A
failing seed is replayed with `make run U="sysfuzz -v SEED CALLS"`: -v
prints each call before making it, so the last line before an oops names
the call.
"""
import math
import re

import pytest

import qemu

BAD = ("Oops", "BUG", "WARNING", "Kernel panic", "Recursive fault", "LEAKED")


prog = qemu.user_program


def summaries(log):
    """seed -> (children, calls, exited, killed) from sysfuzz's last lines."""
    return {int(m[0]): tuple(map(int, m[1:5])) for m in re.findall(
        r"^sysfuzz: seed (\d+): (\d+) children, (\d+) calls: (\d+) exited, (\d+) killed \(.*\)$",
        log, re.M)}


def fuzz_boot(mem, runs, params="poweroff", timeout=600):
    """Boot with one sysfuzz per (seed, calls), then hello; check the kernel's side."""
    r = qemu.boot(params, mem=mem, timeout=timeout, extra=qemu.ICOUNT,
                  initrd=[prog("sysfuzz", s, n) for s, n in runs] + [prog("hello")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    for word in BAD:
        assert word not in log, (word, log[log.find(word) - 2000:log.find(word) + 2000])
    assert not re.search(r"^sysfuzz: pid \d+ ran over", log, re.M)    # none asleep for good
    got = summaries(log)
    for seed, calls in runs:
        children, total, exited, killed = got[seed]
        assert total == calls and children == math.ceil(calls / 500), got[seed]
        assert exited + killed == children, got[seed]
    nothing_lost = re.findall(r"^run: (sysfuzz|hello)\[\d+\]: free pages (\d+) before, (\d+) after, .*: "
                              r"nothing lost$", log, re.M)
    assert [n for n, *_ in nothing_lost] == ["sysfuzz"] * len(runs) + ["hello"], nothing_lost
    assert all(b == a for _, b, a in nothing_lost)
    assert "hello, world from hello" in log
    return log


def test_random_system_calls_at_160mb():
    """Three seeds of 20000 calls each."""
    log = fuzz_boot(160, [(1, 20000), (2, 20000), (3, 20000)])
    # the calls really ran: unserved numbers were logged, children died of
    # what they did to themselves, and fork-like calls made grandchildren
    assert len(re.findall(r"^mm386: sysfuzz\[\d+\] called unknown system call", log, re.M)) > 50
    assert re.search(r"^sysfuzz\[\d+\]: segfault at ", log, re.M)
    assert sum(k for _, _, _, k in summaries(log).values()) > 0
    assert len(re.findall(r"^exit: sysfuzz\[\d+\] ", log, re.M)) > 200


@pytest.mark.parametrize("mem,seed,calls", [(8, 11, 10000), (2048, 12, 20000)])
def test_random_system_calls_at_other_sizes(mem, seed, calls):
    """8 MB (the least mm386 boots with: allocations fail) and 2048 MB (a
    program's pages come from HighMem, reached through kmap)."""
    fuzz_boot(mem, [(seed, calls)])


def test_a_seed_replays_call_for_call():
    """-v prints every call before making it; two boots print the same."""
    logs = []
    for _ in range(2):
        r = qemu.boot("poweroff", mem=64, extra=qemu.ICOUNT, initrd=[prog("sysfuzz", "-v", 7, 400, 100)])
        r.expect_status(qemu.STATUS_OK)
        calls = re.findall(r"^sysfuzz\[(\d+)\] (\d+): (\w+)\((-?\d+)\)((?: 0x[0-9a-f]+| 0){6})$",
                           r.log, re.M)
        assert summaries(r.log)[7][:2] == (4, 400)
        logs.append(calls)
    assert logs[0] == logs[1]
    assert 50 < len(logs[0]) <= 400, len(logs[0])
    # each child numbers its calls from 0, in order, until it ends
    by_child = {}
    for pid, i, *_ in logs[0]:
        by_child.setdefault(pid, []).append(int(i))
    assert len(by_child) == 4
    assert all(v == list(range(len(v))) for v in by_child.values()), by_child


def test_bad_arguments_are_refused():
    """sysfuzz refuses a seed of 0 (xorshift would stay at 0) with a usage line."""
    r = qemu.boot("poweroff", mem=64, initrd=[prog("sysfuzz", 0)])
    r.expect_status(qemu.STATUS_OK)
    assert "usage: sysfuzz [-v] [SEED [CALLS [PER_CHILD]]]" in r.log
    assert re.search(r"^exit: sysfuzz\[1\] exited with status 2 ", r.log, re.M)
