"""Overcommit: what the kernel promises a malloc(), user/overcommit.c on
mm386 and on Linux.

PROMISES is how each call moves Committed_AS in /proc/meminfo: measured on
the host's kernel (6.18 with IA32 emulation), and each answer is also
Linux 6.1's (mm/mmap.c accountable_mapping(), mprotect_fixup(),
mremap.c's move_vma() and the grow-in-place path, fork.c's dup_mmap(),
shmem_acct_size() and shmem_acct_block()). Where the host runs i386
programs, test_linux_answers_so checks the table against it.

POLICIES turns vm.overcommit_memory through /proc/sys/vm. It needs a
machine whose RAM fits in 32 bits, so it is not run on the host; its
answers follow __vm_enough_memory() in Linux 6.1's mm/util.c and
proc_dointvec_minmax()'s rules for a write.
"""
import os
import re
import subprocess

import pytest

import mmlog
import qemu

WIDTH = 68      # the program's "%-68s " column

PROMISES = [
    ("/proc/sys/vm/overcommit_memory reads", "0"),
    ("/proc/sys/vm/overcommit_ratio reads", "50"),
    ("open(/proc/sys/vm/no_such_knob)", "-1 ENOENT"),
    ("open(/proc/no_such_table)", "-1 ENOENT"),
    ("mmap(4 MB, rw, private): Committed_AS grew by (kB)", "4096"),
    ("  after touching every page, by", "4096"),
    ("mmap(4 MB, read-only, private) too: by", "4096"),
    ("  mprotect(it, rw): by", "8192"),
    ("  mprotect(it, read-only) again: by (the promise stays)", "8192"),
    ("munmap of both: by", "0"),
    ("mmap(4 MB, rw, private, MAP_NORESERVE): by", "0"),
    ("mmap(4 MB, rw, shared anonymous): by", "4096"),
    ("  munmap: by", "0"),
    ("mmap(4 MB, rw, shared anonymous, MAP_NORESERVE): by", "0"),
    ("  after touching 3 pages: by", "12"),
    ("  munmap: by", "0"),
    ("sbrk(4 MB): by", "4096"),
    ("sbrk(-4 MB): by", "0"),
    ("mmap(4 MB, rw, private) again: by", "4096"),
    ("  mremap(it, 4 MB -> 8 MB), in place: by", "8192"),
    ("  mremap(it, 8 MB -> 12 MB), moved (a page is in the way): by", "12288"),
    ("  mremap(its first 4 MB, MAYMOVE | DONTUNMAP): by", "16384"),
    ("munmap of all of them: by", "0"),
    ("mmap(1000 pages, read-only), every other one mprotect(rw): by", "2000"),
    ("  /proc/self/maps grew by (lines, one per VMA)", "1000"),
    ("  munmap: by", "0"),
    ("while a forked child lives, Committed_AS is higher", "yes"),
    ("  once it is reaped: by", "0"),
]

POLICIES = [
    ("CommitLimit is overcommit_ratio% of MemTotal", "yes"),
    # mode 0: one request larger than RAM, and only that, is refused
    ("mode 0: mmap(MemTotal + 4 MB, rw, private)", "-1 ENOMEM"),
    ("  the same with MAP_NORESERVE", "ok"),
    ("  mmap(MemTotal + 4 MB, rw, shared anonymous)", "-1 ENOMEM"),
    ("  malloc(MemTotal + 4 MB) returns NULL", "yes"),
    ("  with errno ENOMEM", "yes"),
    ("  mmap(MemTotal - 4 MB, rw, private): more than is free", "ok"),
    ("write 1 to overcommit_memory", "ok"),
    ("mode 1: mmap(MemTotal + 4 MB, rw, private)", "ok"),
    ("write 2 to overcommit_memory", "ok"),
    # mode 2: the sum of all promises stays below CommitLimit
    ("mode 2: mmap(what CommitLimit leaves + 4 MB, rw, private)", "-1 ENOMEM"),
    ("  the same with MAP_NORESERVE (ignored in mode 2)", "-1 ENOMEM"),
    ("  the same read-only (nothing to promise)", "ok"),
    ("    then mprotect(it, rw)", "-1 ENOMEM"),
    ("  sbrk(what is left + 4 MB)", "-1 ENOMEM"),
    ("  mmap(60% of what is left, rw, private)", "ok"),
    ("  then fork() (the child would need as much again)", "-1 ENOMEM"),
    ("  after munmap of it, fork()", "ok"),
    # CommitLimit's two sources: setting one turns the other off
    ("write 100 to overcommit_ratio", "ok"),
    ("  CommitLimit is MemTotal", "yes"),
    ("write 65536 to overcommit_kbytes", "ok"),
    ("  CommitLimit (kB)", "65536"),
    ("  overcommit_ratio reads", "0"),
    ("write 50 to overcommit_ratio", "ok"),
    ("  overcommit_kbytes reads", "0"),
    # proc_dointvec_minmax: 0..2, a number, or -EINVAL and no change
    ("write 3 to overcommit_memory", "-1 EINVAL"),
    ("write -1 to overcommit_memory", "-1 EINVAL"),
    ('write "two" to overcommit_memory', "-1 EINVAL"),
    ("  it reads", "2"),
    ('write " 0\\n" to overcommit_memory', "ok"),
    ("  it reads", "0"),
]

REFUSED = re.compile(r"^__vm_enough_memory: pid: (\d+), comm: overcommit, "
                     r"not enough memory for the allocation$", re.M)


def parse(text):
    """The program's facts, [(what, answer)] in order."""
    return mmlog.facts(text, "overcommit: what mmap", "overcommit: done", WIDTH)


@pytest.mark.parametrize("mem", [160, 2048])
def test_overcommit_is_linuxs(mem):
    r = qemu.boot("poweroff dump=meminfo", mem=mem, initrd=[qemu.user_program("overcommit")])
    log = r.expect_status(qemu.STATUS_OK).log
    assert parse(log) == PROMISES + POLICIES
    assert "Oops" not in log and "BUG" not in log and "WARNING" not in log
    # each refusal names the process, rate-limited (10 in 5 seconds)
    assert {m.group(1) for m in REFUSED.finditer(log)} == {"1"}
    assert 5 <= len(REFUSED.findall(log)) <= 10
    # every promise taken back: the run's line and meminfo at the end say so
    assert re.search(r"^run: overcommit\[1\]: free pages \d+ before, \d+ after, .*: nothing lost$",
                     log, re.M)
    assert re.search(r"^Committed_AS: +0 kB$", log, re.M)


def test_linux_answers_so():
    """PROMISES is what a real kernel says (where the host runs i386
    programs). Committed_AS is the whole machine's, so another process on
    the host can move it in the middle of a run: a few runs are allowed."""
    if not qemu.host_runs_i386():
        pytest.skip("needs a host kernel that runs i386 programs")
    with open("/proc/sys/vm/overcommit_memory") as f:
        if f.read().strip() != "0":
            pytest.skip("the host is not in overcommit mode 0")
    prog = os.path.join(qemu.BUILD, "user", "overcommit")
    got = None
    for _ in range(8):
        out = subprocess.run([prog, "promises"], capture_output=True, text=True, timeout=60,
                             check=True).stdout
        got = parse(out)
        if got == PROMISES:
            return
    assert got == PROMISES


def test_sysctl_on_the_command_line():
    """sysctl.vm.NAME=VALUE sets a knob at boot, through the checks a write
    to /proc/sys/vm/NAME has; a bad value is refused with one line and the
    default stays."""
    r = qemu.boot("poweroff dump=meminfo sysctl.vm.overcommit_ratio=10 "
                  "sysctl.vm.overcommit_memory=7", mem=160)
    log = r.expect_status(qemu.STATUS_OK).log
    total = int(re.search(r"^MemTotal: +(\d+) kB$", log, re.M).group(1))
    assert re.search(rf"^CommitLimit: +{total // 4 * 10 // 100 * 4} kB$", log, re.M), log
    assert re.search(r'^Malformed kernel parameter "sysctl.vm.overcommit_memory=7" '
                     r"\(not a value /proc/sys/vm/overcommit_memory takes\), default kept$",
                     log, re.M), log
    r = qemu.boot("poweroff dump=meminfo sysctl.vm.overcommit_kbytes=12345", mem=160)
    log = r.expect_status(qemu.STATUS_OK).log
    assert re.search(r"^CommitLimit: +12344 kB$", log, re.M), log   # whole pages
