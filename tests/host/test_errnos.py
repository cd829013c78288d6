"""Linux's errnos for bad system calls: user/errnos.c on mm386 and on Linux.

user/errnos.c calls every system call mm386 serves with bad pointers (NULL,
unmapped, the kernel's first byte, a range crossing into the kernel), bad
descriptors, lengths, flags, and bad mmap/munmap/mprotect/brk ranges, one
line per call.  The same static program runs on Linux, and the two outputs
must agree line by line.

The reference is the host's own kernel when it runs i386 programs (an
x86-64 kernel with IA32 emulation: real Linux system calls), else
qemu-i386 (qemu-user), which passes most calls to the host kernel but
emulates the memory calls itself; where its emulation is known to differ
from Linux, Linux's answer (measured on the host kernel) is used instead.

Both are 64-bit kernels, where a 32-bit program's address space goes up to
4 GB.  On i386 it ends at 3 GB, so a few answers differ by design: those
lines are checked against Linux i386's answer, read from its source.
"""
import os
import pty
import re
import subprocess

import pytest

import qemu

USER = os.path.join(qemu.BUILD, "user")
ERRNOS = os.path.join(USER, "errnos")

# Linux i386 (TASK_SIZE 0xc0000000), where a 64-bit kernel running a 32-bit
# program answers otherwise: line -> (i386's answer, why).
I386 = {
    "read(file, crossing, 16)": ("-1 EFAULT", "access_ok() refuses the whole range first"),
    "readv(file, {crossing, 16}, 1)": ("-1 EFAULT", "import_iovec's access_ok()"),
    "getrandom(crossing, 16, 0)": ("-1 EFAULT", "import_single_range's access_ok()"),
    "getrandom(0xbffff000, 8192, 0): past 3 GB after a page": ("-1 EFAULT", "import_single_range's access_ok(): the whole range, before a byte is written"),
    "mmap2(0xc0000000, 4096, rw, anon | MAP_FIXED)": ("-1 ENOMEM", "get_unmapped_area: addr > TASK_SIZE - len"),
    "mmap2(0xbffff000, 8192, rw, anon | MAP_FIXED)": ("-1 ENOMEM", "get_unmapped_area: addr > TASK_SIZE - len"),
    "mmap2(NULL, 8192, r, MAP_PRIVATE, file, 0xffffffff)": ("-1 EOVERFLOW", "a 32-bit pgoff wraps"),
    "munmap(0xc0000000, 4096)": ("-1 EINVAL", "do_munmap: start > TASK_SIZE"),
    "munmap(0xbffff000, 8192)": ("-1 EINVAL", "do_munmap: len > TASK_SIZE - start"),
    # madvise(a, 0xfffff001, MADV_DONTNEED), two calls before, is -EINVAL on both,
    # but i386 refuses it before anything happens (PAGE_ALIGN() wraps a
    # 32-bit len to 0), where a 64-bit kernel's len does not wrap: it drops
    # the pages of a's VMA, then refuses (measured on 6.18's IA32 emulation)
    "  the page reads 0, its neighbour 0x5a":
        ("yes", "the wrapped madvise above dropped no page"),
}

# Where qemu-user emulates a call and answers otherwise than Linux (which
# answers as here, measured on an x86-64 host with IA32 emulation).
QEMU_USER_WRONG = {
    "nanosleep(NULL, NULL)": "-1 EFAULT",
    "nanosleep(unmapped, NULL)": "-1 EFAULT",
    "nanosleep(kernel, NULL)": "-1 EFAULT",
    "nanosleep(crossing, NULL)": "-1 EFAULT",
    "prlimit64(0, RLIMIT_STACK, unmapped, NULL)": "-1 EFAULT",
    "prlimit64(0, RLIMIT_STACK, kernel, NULL)": "-1 EFAULT",
    "prlimit64(0, RLIMIT_STACK, crossing, NULL)": "-1 EFAULT",
    "set_robust_list(head, 11)": "-1 EINVAL",
    "ioctl(1, 0x1234, buf)": "-1 ENOTTY",
    "writev(99, iov, 1)": "-1 EBADF",
    "mmap2(0x08048000, 4096, rw, anon | MAP_FIXED_NOREPLACE)": "-1 EEXIST",
    "mmap2(NULL, 4096, r, MAP_SHARED_VALIDATE | 0x200000, file)": "-1 EOPNOTSUPP",
    "mmap2(a, 4096, rw, anon | MAP_FIXED_NOREPLACE) over it": "-1 EEXIST",
    "mprotect(a, 12288, PROT_READ) (a hole in the middle)": "-1 ENOMEM",
    "mprotect(0x50000000, 4096, PROT_READ) (nothing there)": "-1 ENOMEM",
    "mprotect(a, 0, PROT_READ)": "0",
    "mprotect(that, 4096, rw) (the file is not open for writing)": "-1 EACCES",
    "brk(+64K) into that mapping returns the old break": "yes",
    "brk(0xc0001000) returns the old break": "yes",
    # qemu-user fills in a struct sysinfo only when given one; Linux copies
    # it out in any case (kernel/sys.c, compat_sys_sysinfo: -EFAULT), read
    # from the source, not measured
    "sysinfo(NULL)": "-1 EFAULT",
    # qemu-user keeps a handler's sa_flags and sa_mask as given; Linux 6.1
    # clears the flag bits it does not know (do_sigaction: UAPI_SA_FLAGS,
    # so a program can probe with SA_UNSUPPORTED) and takes SIGKILL and
    # SIGSTOP out of sa_mask, read from kernel/signal.c, not measured
    "  sa_flags read back": "0x10000000",
    "  sa_mask read back (no SIGKILL, SIGSTOP)": "0xfffffffffffbfeff",
}


# qemu-user emulates mremap, madvise and mincore itself (linux-user/mmap.c
# and syscall.c) and answers otherwise than Linux in most of these cases
# (any advice is 0 to it, and no mremap grows in place).  These are Linux's
# answers, read from 6.1's mm/mremap.c, mm/madvise.c and mm/mincore.c (the
# mremap VMA is looked up first, so even a shrink of nothing is -EFAULT);
# they are the program's last sections.  Where the host runs i386
# programs, its kernel answers instead and test_emulated_table_is_linuxs
# checks this table against it.
EMULATED_LINUX = [
    ('mremap: a (2 pages), and b (1 page) mapped below it, a page apart', 'yes'),
    ('mremap(a, 4096, 8192, 0x8 (bad flag))', '-1 EINVAL'),
    ('mremap(a, 4096, 8192, MREMAP_FIXED) without MAYMOVE', '-1 EINVAL'),
    ('mremap(a, 4096, 4096, MREMAP_DONTUNMAP) without MAYMOVE', '-1 EINVAL'),
    ('mremap(a, 4096, 8192, MAYMOVE | DONTUNMAP) (sizes differ)', '-1 EINVAL'),
    ('mremap(a + 1, 4096, 8192, 0)', '-1 EINVAL'),
    ('mremap(a, 4096, 0, 0)', '-1 EINVAL'),
    ('mremap(a, 4096, 0xfffff001, MAYMOVE) (wraps when aligned)', '-1 EINVAL'),
    ('mremap(0x50000000, 4096, 8192, 0) (nothing there)', '-1 EFAULT'),
    ('mremap(0x50000000, 8192, 4096, 0) (a shrink of nothing)', '-1 EFAULT'),
    ('mremap(a, 0, 4096, MAYMOVE) (duplicate a private mapping)', '-1 EINVAL'),
    ("mremap(a, 12288, 16384, MAYMOVE) (past the VMA's end)", '-1 EFAULT'),
    ('mremap(b, 4096, 16384, 0) (a is in the way)', '-1 ENOMEM'),
    ('mremap(a, 8192, 8192, MAYMOVE | FIXED, a + 4096) (overlap)', '-1 EINVAL'),
    ('mremap(a, 4096, 8192, MAYMOVE | FIXED, 0xfffff000)', '-1 EINVAL'),
    ('mremap(a, 4096, 4096, MAYMOVE | FIXED, a + 4097)', '-1 EINVAL'),
    ('mremap(a, 8192, 8192, 0) (same size) returns a', 'yes'),
    ('mremap(b, 4096, 8192, 0) grows b in place', 'yes'),
    ('mremap(b, 8192, 16384, 0) (a is in the way)', '-1 ENOMEM'),
    ('mremap(b, 8192, 20480, MAYMOVE) moves it, contents kept', 'yes'),
    ('mremap(a, 8192, 4096, 0) shrinks a', 'yes'),
    ("mremap(a, 4096, 4096, MAYMOVE | FIXED, c + 16384) replaces c's last page", 'yes'),
    ('  a is gone: mremap(a, 4096, 8192, 0)', '-1 EFAULT'),
    ('mremap(that page, 4096, 4096, MAYMOVE | DONTUNMAP) moves it, contents kept', 'yes'),
    ('  the old page is still mapped, and reads 0', 'yes'),
    ('madvise(a, 4096, 99 (no such advice))', '-1 EINVAL'),
    ('madvise(a + 1, 4096, MADV_DONTNEED)', '-1 EINVAL'),
    ('madvise(a, 0, MADV_DONTNEED)', '0'),
    ('madvise(a, 0xfffff001, MADV_DONTNEED) (wraps when aligned)', '-1 EINVAL'),
    ('madvise(0x50000000, 4096, MADV_DONTNEED) (nothing there)', '-1 ENOMEM'),
    ('madvise(a, 4096, MADV_DONTNEED)', '0'),
    ('  the page reads 0, its neighbour 0x5a', 'yes'),
    ('madvise(a + 4096, 12288, MADV_DONTNEED) (a hole in the middle)', '-1 ENOMEM'),
    ('  the pages on both sides of the hole were dropped anyway', 'yes'),
    ('madvise(a, 4096, MADV_FREE)', '0'),
    ('madvise(a, 4096, MADV_WILLNEED)', '0'),
    ('madvise(a, 4096, MADV_COLD)', '0'),
    ('madvise(a, 4096, MADV_PAGEOUT)', '0'),
    ('madvise(a, 4096, MADV_SEQUENTIAL)', '0'),
    ('madvise(a, 4096, MADV_DONTDUMP)', '0'),
    ('madvise(a, 4096, MADV_REMOVE) (anonymous)', '-1 EINVAL'),
    ('madvise(a + 4096, 4096, MADV_WIPEONFORK)', '0'),
    ('  a child reads that page as', '0'),
    ('madvise(a + 4096, 4096, MADV_KEEPONFORK)', '0'),
    ('  a child reads it as', '90'),
    ('madvise(a + 4096, 4096, MADV_DONTFORK)', '0'),
    ('  a child reading it dies of signal (+1000)', '1011'),
    ('madvise(a + 4096, 4096, MADV_DOFORK)', '0'),
    ('  a child reads it again, as', '90'),
    ('madvise(file, 4096, MADV_DONTNEED)', '0'),
    ("  the private copy is gone: the file's byte is back", 'yes'),
    ('madvise(file, 4096, MADV_FREE)', '-1 EINVAL'),
    ('madvise(file, 4096, MADV_WIPEONFORK)', '-1 EINVAL'),
    ('madvise(read-only shared file, 4096, MADV_REMOVE)', '-1 EACCES'),
    ('madvise(read-only shared file, 4096, MADV_POPULATE_WRITE)', '-1 EINVAL'),
    ('madvise(read-only shared file, 4096, MADV_POPULATE_READ)', '0'),
    ('mincore(a + 1, 4096, vec)', '-1 EINVAL'),
    ('mincore(0x50000000, 4096, vec) (nothing there)', '-1 ENOMEM'),
    ('mincore(a, 16384, NULL)', '-1 EFAULT'),
    ('mincore(a, 16384, kernel)', '-1 EFAULT'),
    ('mincore(a, 0, vec)', '0'),
    ('mincore(0xbffff000, 8192, vec) (past 3 GB)', '-1 ENOMEM'),
    ('  a fresh mmap of 4 pages: resident', '0'),
    ('  two pages written: resident', '2'),
    ('  pages 0 and 2 are the resident ones', 'yes'),
    ('  after MADV_DONTNEED: resident', '0'),
]
EMULATED = {c for c, _ in EMULATED_LINUX}


def parse(text):
    """The program's lines between its first and last, as {call: answer}, in order."""
    start = text.index("errnos: system calls with bad arguments")
    end = text.index("errnos: done", start)
    out = {}
    for line in text[start:end].splitlines()[1:]:
        m = re.match(r"^( *\S.*?)\s+(-1 E[A-Z0-9]+|-?\d+|0x[0-9a-f]+|ok|yes|no)$", line)
        if m:
            assert m.group(1) not in out, f"two lines for {m.group(1)}"
            out[m.group(1)] = m.group(2)
    return out


def run_on_pty(cmd):
    """Run @cmd with a terminal on stdin/stdout (TCGETS and lseek need one)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    out = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(master)
    proc.wait(timeout=60)
    return proc.returncode, out.decode(errors="replace").replace("\r\n", "\n")


@pytest.fixture(scope="module")
def linux():
    """(how, answers) from Linux: the host kernel itself, or qemu-i386."""
    if qemu.host_runs_i386():
        rc, out = run_on_pty([ERRNOS])
        how = "the host's kernel"
    else:
        rc, out = run_on_pty(["qemu-i386", ERRNOS])
        how = "qemu-i386"
    assert rc == 0, out[-2000:]
    answers = parse(out)
    if how == "qemu-i386":
        answers.update(QEMU_USER_WRONG)
        answers = {c: a for c, a in answers.items() if c not in EMULATED}
        answers.update(EMULATED_LINUX)   # the program's last sections
    return how, answers


@pytest.fixture(scope="module")
def mm386():
    r = qemu.boot("poweroff", mem=160, initrd=[qemu.user_program("errnos")])
    r.expect_status(qemu.STATUS_OK)
    return r


def test_errnos_are_linuxs(linux, mm386):
    how, want = linux
    got = parse(mm386.log)
    assert list(got) == list(want), "the program printed other lines on mm386"
    assert len(got) > 200
    wrong = []
    for call, answer in got.items():
        expect = I386[call][0] if call in I386 else want[call]
        if answer != expect:
            wrong.append(f"{call}: mm386 {answer}, Linux {expect}")
    assert not wrong, f"reference: {how}\n" + "\n".join(wrong)


def test_emulated_table_is_linuxs(linux):
    """EMULATED_LINUX stands in for qemu-user's answers: it must be what a
    real kernel says (where the host runs i386 programs)."""
    how, want = linux
    if how != "the host's kernel":
        pytest.skip("needs the host kernel as the reference")
    wrong = [(c, a, want.get(c)) for c, a in EMULATED_LINUX if c not in I386 and want.get(c) != a]
    assert not wrong, wrong


def test_i386_lines_really_differ_on_64_bit(linux):
    """The I386 table is only for answers a 64-bit kernel gives otherwise."""
    how, want = linux
    if how != "the host's kernel":
        pytest.skip("needs the host kernel as the reference")
    same = [c for c, (a, _) in I386.items() if want[c] == a]
    assert not same, same


def test_bad_pointers_never_oops(mm386):
    log = mm386.log
    assert "Oops" not in log and "BUG" not in log
    assert re.search(r"^exit: errnos\[1\] exited with status 0 ", log, re.M)
    assert re.search(r"^run: errnos\[1\]: .*: nothing lost$", log, re.M)
    # its two children: wait4 reaped them even when it then said EFAULT
    assert len(re.findall(r"^exit: errnos\[\d+\] exited with status 7 ", log, re.M)) == 2
    # the unknown system call is logged once, with its number
    assert "errnos[1] called unknown system call 999 (not a Linux i386 system call)" in log
