"""Shared anonymous memory, mmap(MAP_SHARED | MAP_ANONYMOUS): user/sharedanon.c
on mm386 and on Linux.

The program prints one fact a line: what a page reads in the parent and in
its children, before and after fork, MADV_DONTNEED and MADV_REMOVE,
mprotect (the VMAs join again when it is undone), munmap and mremap of a
part (a move, a duplicate made with a zero old length, a DONTUNMAP move),
RssShmem, and the mapping's line in /proc/self/maps.  LINUX is what Linux answers (measured on the host's
kernel, 6.18 with IA32 emulation; each answer is also 6.1's, from
mm/shmem.c and mm/madvise.c): mm386 must answer the same, with its pages
in HighMem (2048 MB) as in lowmem (160 MB), and give every page back.

Where the host runs i386 programs, test_linux_answers_so checks the table
against it.  (qemu-user is no reference here: it answers madvise itself.)
"""
import os
import re
import subprocess

import pytest

import mmlog
import qemu

WIDTH = 68      # the program's "%-68s " column

LINUX = [
    ("its line in /proc/self/maps", "rw-s 00000000 00:01 /dev/zero (deleted)"),
    ("page 0 read before any write reads", "0"),
    ("  then written 0x5a (90), it reads", "90"),
    ("  a new private page reads (the zero page is still zero)", "0"),
    ("  page 1, not touched yet, reads", "0"),
    ("a child reads page 0 as", "90"),
    ("a child writes 7 to page 1, first read here before: here it reads", "7"),
    ("a child writes 8 to page 2, never touched here: here it reads", "8"),
    ("the parent writes 9 to page 3 after the forks: a child reads", "9"),
    ("RssShmem grew by (kB)", "16"),
    ("RssAnon grew by (kB)", "0"),
    ("madvise(page 0, MADV_DONTNEED)", "0"),
    ("  page 0 reads", "90"),
    ("  and a child reads it as", "90"),
    ("  mincore(page 0) (still the mapping's)", "1"),
    ("madvise(page 1, MADV_FREE) (not private)", "-1 EINVAL"),
    ("madvise(page 1, MADV_WIPEONFORK) (not private)", "-1 EINVAL"),
    ("madvise(page 2, MADV_REMOVE)", "0"),
    ("  mincore(page 2) (a hole now)", "0"),
    ("  page 2 reads", "0"),
    ("  and a child reads it as", "0"),
    ("mprotect(page 4, PROT_READ)", "0"),
    ("  a child writes 11 to page 5, past the split: here it reads", "11"),
    ("  a child writing page 4 dies of signal (+1000)", "1011"),
    ("munmap(page 6)", "0"),
    ("  a child writes 12 to page 7, past the hole: here it reads", "12"),
    ("  page 4's line in /proc/self/maps", "r--s 00004000 00:01 /dev/zero (deleted)"),
    ("  page 7's line", "rw-s 00007000 00:01 /dev/zero (deleted)"),
    ("mprotect(page 4, rw) again", "0"),
    ("  pages 0-5 are one VMA again: page 4's line", "rw-s 00000000 00:01 /dev/zero (deleted)"),
    ("mremap(page 5, 0, 4096, MAYMOVE) duplicates it", "yes"),
    ("  the copy reads", "11"),
    ("  a child writes 14 to the copy: page 5 reads", "14"),
    ("  the copy's line in /proc/self/maps", "rw-s 00005000 00:01 /dev/zero (deleted)"),
    ("mremap(page 7, 4096, 4096, MAYMOVE | DONTUNMAP) moves it", "yes"),
    ("  the new page reads", "12"),
    ("  the old address, still mapped, reads", "12"),
    ("mremap(pages 0-3, 16 pages, MAYMOVE) gives a mapping", "yes"),
    ("  its page 3 reads", "9"),
    ("  its line in /proc/self/maps", "rw-s 00000000 00:01 /dev/zero (deleted)"),
    ("  a child writes 13 to its page 1: here it reads", "13"),
    ("  a child reading page 8, past the first length, dies of (+1000)", "1007"),
    ("after munmap of all of it, RssShmem grew by (kB)", "0"),
]


def parse(text):
    """The program's facts, [(what, answer)] in order."""
    return mmlog.facts(text, "sharedanon: MAP_SHARED | MAP_ANONYMOUS", "sharedanon: done", WIDTH)


@pytest.mark.parametrize("mem", [160, 2048])
def test_sharedanon_is_linuxs(mem):
    r = qemu.boot("poweroff", mem=mem, initrd=[qemu.user_program("sharedanon")])
    log = r.expect_status(qemu.STATUS_OK).log
    assert parse(log) == LINUX
    assert "Oops" not in log and "BUG" not in log and "WARNING" not in log
    # the child that wrote the read-only page: Linux's segfault line; the
    # one that read past the object's end: SIGBUS
    assert re.search(r"^sharedanon\[\d+\]: segfault at [0-9a-f]+ ip [0-9a-f]+ sp [0-9a-f]+ "
                     r"error 6 in sharedanon\[", log, re.M)      # not present, write, user
    assert re.search(r"^exit: sharedanon\[\d+\] killed by signal 7 \(SIGBUS\)", log, re.M)
    # every page of the object back when the last mapping went
    assert re.search(r"^run: sharedanon\[1\]: free pages \d+ before, \d+ after, .*: nothing lost$",
                     log, re.M)


def test_linux_answers_so():
    """LINUX is what a real kernel says (where the host runs i386 programs)."""
    if not qemu.host_runs_i386():
        pytest.skip("needs a host kernel that runs i386 programs")
    out = subprocess.run([os.path.join(qemu.BUILD, "user", "sharedanon")], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert parse(out) == LINUX
