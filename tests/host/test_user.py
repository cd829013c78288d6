"""User space: static i386 programs (user/*.c, Debian's cross gcc and glibc)
run as processes on mm386, from the initrd.

One boot runs several programs in order (fs/initramfs.c); the log is
checked for their output, the kernel's exit lines, Linux's segfault lines,
the three-allocator table and "nothing lost" after every program.
"""
import os
import re
import struct
import subprocess

import pytest

import mmlog
import qemu

USER = os.path.join(qemu.BUILD, "user")


prog = qemu.user_program


def run_lines(log):
    return re.findall(r"^run: (\S+)\[(\d+)\]: free pages (\d+) before, (\d+) after, (.*): (nothing lost|LEAKED)$",
                      log, re.M)


@pytest.fixture(scope="module")
def boot160():
    r = qemu.boot("poweroff", mem=160, initrd=[
        prog("hello_raw", "a", "b"), prog("hello", "x"), prog("mallocdemo"),
        prog("segv", "null"), prog("segv", "kernel"), prog("segv", "text"),
        prog("segv", "stack"), prog("segv", "unmapped")])
    r.expect_status(qemu.STATUS_OK)
    return r


def test_nolibc_program_argv_and_exit_status(boot160):
    log = boot160.log
    assert "hello from ring 3\nargv: hello_raw\nargv: a\nargv: b\n" in log
    assert re.search(r"^exit: hello_raw\[1\] exited with status 42 ", log, re.M)


def test_glibc_printf_malloc(boot160):
    log = boot160.log
    assert "hello, world from hello (argc 2): malloc works" in log
    assert re.search(r"^exit: hello\[2\] exited with status 0 ", log, re.M)
    # the unknown rseq is logged once per number, by name
    assert len(re.findall(r"called unknown system call 386 \(rseq\)", log)) >= 1


def test_initrd_freed_and_nothing_lost(boot160):
    log = boot160.log
    m = re.search(r"^Freeing initrd memory: (\d+)K$", log, re.M)
    assert m and int(m.group(1)) > 700
    runs = run_lines(log)
    assert len(runs) == 8, runs
    for name, pid, before, after, buddy, verdict in runs:
        assert before == after and verdict == "nothing lost", (name, pid, buddy)


def test_mallocdemo_three_allocators(boot160):
    log = boot160.log
    small = int(re.search(r"^malloc\(100\)   = 0x([0-9a-f]+)", log, re.M).group(1), 16)
    big = int(re.search(r"^malloc\(1 MB\)  = 0x([0-9a-f]+)", log, re.M).group(1), 16)
    stack = int(re.search(r"^&local        = 0x([0-9a-f]+)", log, re.M).group(1), 16)
    assert 0x080e0000 < small < 0x08200000          # brk heap, after the bss
    assert big == 0xb7eff010                         # top-down below mmap_base 0xb8000000
    assert 0xbffd0000 < stack < 0xc0000000           # the stack, under 3 GB
    rows = dict(re.findall(r"^  (malloc\(100\)|malloc\(1 MB\)|stack var|kmalloc\(100\)|vmalloc\(1 MB\))\s+(.*)$",
                           log, re.M))
    assert "user: [heap]" in rows["malloc(100)"]
    assert "user: mmap b7eff000-b8000000" in rows["malloc(1 MB)"]
    assert "(this process's own)" in rows["stack var"]
    assert "kernel: lowmem" in rows["kmalloc(100)"] and "(kernel: shared by all)" in rows["kmalloc(100)"]
    assert "kernel: vmalloc area" in rows["vmalloc(1 MB)"]
    # malloc(1 MB): 257 pages spanned, all mapped after memset
    assert re.search(r"b8000000\s+257\s+257\s", rows["malloc(1 MB)"])


def test_proc_self_maps(boot160):
    log = boot160.log
    maps = log[log.index("/proc/self/maps:"):log.index("exit: mallocdemo")]
    assert re.search(r"^08048000-08049000 r--p 00000000 00:01 \d+ +/mallocdemo$", maps, re.M)
    assert re.search(r"^08049000-[0-9a-f]{8} r-xp 00001000 00:01 \d+ +/mallocdemo$", maps, re.M)
    assert re.search(r"^[0-9a-f]{8}-[0-9a-f]{8} rw-p 00000000 00:00 0 +\[heap\]$", maps, re.M)
    assert re.search(r"^bffdf000-c0000000 rw-p 00000000 00:00 0 +\[stack\]$", maps, re.M)
    # Linux pads the name to column 49 on 32 bits
    line = re.search(r"^08048000-.*$", maps, re.M).group(0)
    assert line.index("/mallocdemo") == 48


SEGV = {"null": ("0", 4), "kernel": ("c0000000", 5), "text": (None, 7),
        "stack": (None, 6), "unmapped": ("50000000", 6)}


def test_segfaults_have_linux_lines(boot160):
    log = boot160.log
    lines = re.findall(r"^segv\[(\d+)\]: segfault at ([0-9a-f]+) ip ([0-9a-f]{8}) sp ([0-9a-f]{8}) "
                       r"error (\d+) in segv\[8049000\+[0-9a-f]+\]$", log, re.M)
    assert len(lines) == 5, lines
    for (pid, addr, ip, sp, err), (what, (want_addr, want_err)) in zip(lines, SEGV.items()):
        assert int(err) == want_err, (what, err)
        if want_addr:
            assert addr == want_addr, (what, addr)
        assert re.search(rf"^exit: segv\[{pid}\] killed by signal 11 \(SIGSEGV\)", log, re.M)
    # the stack overflow stops at RLIMIT_STACK (8 MB) below the top
    stack = [l for l in lines if l[0] == lines[3][0]][0]
    assert 0xbf7f0000 < int(stack[1], 16) < 0xbf800000
    assert "Oops" not in log and "BUG" not in log


def test_user_pages_from_highmem_at_2048():
    r = qemu.boot("poweroff", mem=2048, initrd=[prog("mallocdemo")])
    r.expect_status(qemu.STATUS_OK)
    row = re.search(r"^  malloc\(1 MB\)\s+0x\S+\s+user: mmap \S+\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", r.log, re.M)
    pages, mapped, runs, high = map(int, row.groups())
    assert mapped == 257 and high == 257          # GFP_HIGHUSER_MOVABLE: HighMem first
    assert "nothing lost" in run_lines(r.log)[0][5]


def elf_mutations(good):
    """(name, mutated bytes, expected message) for bad executables."""
    ehdr = bytearray(good)
    phoff = struct.unpack_from("<I", ehdr, 28)[0]
    out = []

    def mut(name, fn, msg):
        b = bytearray(good)
        fn(b)
        out.append((name, bytes(b), msg))

    mut("badclass", lambda b: b.__setitem__(4, 2), "not a 32-bit ELF file")
    mut("bigendian", lambda b: b.__setitem__(5, 2), "not little-endian")
    mut("x86_64", lambda b: struct.pack_into("<H", b, 18, 62), "not for i386")
    # lib/elf.c's elf_check_header() checks these for programs as for modules
    mut("version", lambda b: struct.pack_into("<I", b, 20, 0), "ELF version 1 in e_ident, 0 in e_version")
    mut("ehsize", lambda b: struct.pack_into("<H", b, 40, 64), "ELF header of 64 bytes, expected 52")
    mut("shentsize", lambda b: struct.pack_into("<H", b, 46, 64), "section headers of 64 bytes, expected 40")
    mut("phentsize", lambda b: struct.pack_into("<H", b, 42, 56), "program headers of 56 bytes")
    mut("nophdrs", lambda b: struct.pack_into("<H", b, 44, 0), "0 program headers: mm386 loads 1 to 128")
    mut("phoff", lambda b: struct.pack_into("<I", b, 28, len(good) - 8), "lies outside the file")
    mut("interp", lambda b: struct.pack_into("<I", b, phoff, 3), "has an interpreter (PT_INTERP)")
    mut("filesz", lambda b: struct.pack_into("<I", b, phoff + 16, 0x7fffffff), "is not loadable")
    out.append(("truncated", bytes(good[:100]), "lies outside the file"))
    return out


def test_bad_elf_files_refused_with_one_line(tmp_path):
    good = open(os.path.join(USER, "hello_raw"), "rb").read()
    files = []
    for name, data, msg in elf_mutations(good):
        p = tmp_path / name
        p.write_bytes(data)
        files.append((name, str(p), msg))
    r = qemu.boot("poweroff", mem=160, initrd=[p for _, p, _ in files] + [prog("hello_raw")])
    r.expect_status(qemu.STATUS_OK)
    for name, _, msg in files:
        lines = [l for l in r.log.splitlines() if l.startswith(f"binfmt_elf: {name}: ")]
        assert len(lines) == 1 and msg in lines[0], (name, lines)
        assert re.search(rf"^exit: {name}\[\d+\] exited with status 126 ", r.log, re.M), name
    runs = run_lines(r.log)
    assert len(runs) == len(files) + 1 and all(v == "nothing lost" for *_, v in runs)
    assert "hello from ring 3" in r.log      # a good program still runs after them


def test_vma_and_fault_suites(run_ktest):
    """tests/kernel/vma_test.c on its own: none skipped, so the kernel PDE that
    vmalloc makes after the address space is really new (and reachable)."""
    r = run_ktest("vma,fault")
    for suite, n in (("vma", 8), ("fault", 6)):
        cases = r.ktap.suite(suite).cases
        assert len(cases) == n and all(c.ok and not c.skip for c in cases), cases


def test_dump_maps_and_status_at_each_exit():
    """dump=maps,status: each process prints its own just before it exits
    (the boot's programs are gone when the dumps print at the end)."""
    r = qemu.boot("poweroff dump=maps,status,meminfo", mem=160, initrd=[prog("hello"), prog("hello_raw")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    for pid, name in ((1, "hello"), (2, "hello_raw")):
        maps = log[log.index(f"==> /proc/{pid}/maps <=="):log.index(f"==> /proc/{pid}/status <==")]
        assert re.search(rf"^08048000-08049000 r--p 00000000 00:01 \d+ +/{name}$", maps, re.M)
        assert re.search(r"^bffdf000-c0000000 rw-p 00000000 00:00 0 +\[stack\]$", maps, re.M)
        status = log[log.index(f"==> /proc/{pid}/status <=="):log.index(f"exit: {name}[{pid}]")]
        assert re.search(rf"^Name:\t{name}$", status, re.M)
        assert int(re.search(r"^VmPTE:\s+(\d+) kB$", status, re.M).group(1)) >= 8
    assert re.search(r"^\(no live process now; with dump=maps each one printed its own", log, re.M)
    assert mmlog.meminfo(log)["PageTables"] == 0      # the processes' page tables: all back


SEGREGS_RULES = [
    ("32-bit data", "0"), ("16-bit data", "-22 (EINVAL)"), ("32-bit code", "-22 (EINVAL)"),
    ("expand-down data", "0"), ("not present", "-22 (EINVAL)"),
    ("empty (LDT_empty)", "0"), ("all zeros (LDT_zero)", "0"),
]


def segregs_rules(log):
    return re.findall(r"^segregs: set_thread_area\((.*)\) = (.*)$", log, re.M)


def test_bad_segment_registers_never_oops():
    """user/segregs.c: a program empties the TLS descriptor that its %gs,
    %ds or %ss names, and the kernel's own reload of the register on the way
    back to ring 3 faults (kernel/entry.asm, kernel/tls.c).  A pop gets the
    null selector, as Linux's does; a faulting iret is Linux i386's "trap
    iret exception" and SIGILL.  Never an oops; nothing lost; a program
    after them runs.  set_thread_area refuses what Linux refuses."""
    r = qemu.boot("poweroff", mem=64, initrd=[prog("segregs", m) for m in ("rules", "gs", "ds", "ss")]
                  + [prog("hello")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    assert segregs_rules(log) == SEGREGS_RULES
    assert "segregs: gs 0x33, emptying entry 6\nsegregs: gs is 0 after the call\n" in log
    assert re.search(r"^segregs: ds 0x3b, emptying entry 7\nsegregs: ds is 0 after the call\n", log, re.M)
    m = re.search(r"^traps: segregs\[(\d+)\] trap iret exception ip:[0-9a-f]+ sp:[0-9a-f]+ error:0 "
                  r"in segregs\[8049000\+[0-9a-f]+\]$", log, re.M)
    assert m, log[-3000:]
    assert re.search(rf"^exit: segregs\[{m.group(1)}\] killed by signal 4 \(SIGILL\)", log, re.M)
    assert "ss: the iret did not fault" not in log
    assert len(re.findall(r"^exit: segregs\[\d+\] exited with status 0 ", log, re.M)) == 3
    runs = run_lines(log)
    assert len(runs) == 5 and all(v == "nothing lost" for *_, v in runs), runs
    assert "hello, world from hello" in log
    assert "Oops" not in log and "BUG" not in log and "WARNING" not in log


def test_set_thread_area_rules_are_linuxs():
    """The same program on the host's own kernel, when it runs i386 programs:
    Linux's tls_desc_okay() gives the same answers (entry numbers differ on a
    64-bit kernel, so the program takes a free one)."""
    try:
        out = subprocess.run([os.path.join(USER, "segregs"), "rules"], capture_output=True,
                             text=True, timeout=30)
    except OSError:
        pytest.skip("the host does not run i386 programs")
    if out.returncode != 0 or not segregs_rules(out.stdout):
        pytest.skip("the host does not run i386 programs")
    assert segregs_rules(out.stdout) == SEGREGS_RULES


def rusage_numbers(log, pattern):
    """The integers of the one "rusage: " line that matches @pattern."""
    m = re.search(r"^rusage: " + pattern, log, re.M)
    assert m, f"no rusage line {pattern!r} in:\n" + "\n".join(
        line for line in log.splitlines() if line.startswith("rusage:"))
    return [int(g) for g in m.groups()]


def status_hwm(log, pid):
    """VmHWM (kB) in the /proc/PID/status that dump=status printed at its exit."""
    status = log[log.index(f"==> /proc/{pid}/status <=="):]
    return int(re.search(r"^VmHWM:\s+(\d+) kB$", status, re.M).group(1))


@pytest.mark.parametrize("mem", [160, 2048])
def test_rusage_counts_demand_paging(mem):
    """user/rusage.c: getrusage(), sysinfo() and wait4()'s rusage show
    demand paging from inside the program: an mmap costs nothing, each
    first touch is one minor fault and one page of free RAM, and the
    figures agree with what the kernel prints (meminfo, VmHWM)."""
    r = qemu.boot("poweroff dump=status,meminfo", mem=mem, initrd=[prog("rusage")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    assert "unknown system call 116" not in log and "unknown system call 77" not in log
    meminfo = mmlog.meminfo(log)
    total, free, high, freehigh, unit, procs = rusage_numbers(
        log, r"sysinfo: totalram (\d+) kB, freeram (\d+) kB, totalhigh (\d+) kB, "
        r"freehigh (\d+) kB, mem_unit (\d+), procs (\d+), ")
    assert (total, high, unit, procs) == (meminfo["MemTotal"], meminfo["HighTotal"], 1, 1)
    assert freehigh <= high and 0 < free <= total - 256    # the program's pages are in use
    assert (high > 0) == (freehigh > 0) == (mem > 1000)
    phys, avphys, pagesize = rusage_numbers(
        log, r"sysconf: _SC_PHYS_PAGES (\d+), _SC_AVPHYS_PAGES (\d+), _SC_PAGESIZE (\d+)$")
    assert (phys, pagesize) == (total // 4, 4096) and avphys <= phys
    assert rusage_numbers(log, r"mmap\((\d+) kB\): minor faults \+(\d+), free RAM -(\d+) kB$") == \
        [8192, 0, 0]
    faults, rss0, rss1, taken = rusage_numbers(
        log, r"touched 2048 pages: minor faults \+(\d+), maxrss (\d+) -> (\d+) kB, free RAM -(\d+) kB$")
    assert faults == 2048 and rss1 - rss0 >= 8192
    assert 8192 < taken <= 8192 + 16     # the pages and their page tables
    back, peak = rusage_numbers(log, r"munmap: free RAM \+(\d+) kB, maxrss (\d+) kB \(a peak\)$")
    assert back == taken and peak == rss1
    clock, utime, stime = rusage_numbers(
        log, r"computed until clock\(\) counted (\d+) ms: utime (\d+) ms, stime (\d+) ms$")
    assert clock >= 200 and utime + stime >= clock and utime >= 100
    pid, status, wfaults, wrss, cfaults, crss = rusage_numbers(
        log, r"child (\d+) \(status (\d+)\): wait4 minor faults (\d+), maxrss (\d+) kB; "
        r"RUSAGE_CHILDREN minor faults (\d+), maxrss (\d+) kB$")
    assert status == 0 and 256 <= wfaults == cfaults and wrss == crss == status_hwm(log, pid)
    child_exit = int(re.search(rf"^exit: rusage\[{pid}\] exited with status 0 \(min_flt (\d+),",
                               log, re.M).group(1))
    assert wfaults == child_exit
    tu, ts, tcu, tcs, hz = rusage_numbers(
        log, r"times: utime (\d+), stime (\d+), cutime (\d+), cstime (\d+) ticks of (\d+) a second$")
    assert hz == 100 and tu * 10 >= utime and ts * 10 >= stime
    minflt, majflt, maxrss, _, _ = rusage_numbers(
        log, r"self at exit: minor faults (\d+), major (\d+), maxrss (\d+) kB, context switches "
        r"(\d+) voluntary, (\d+) involuntary$")
    assert minflt >= 2048 and majflt == 0 and maxrss == rss1 == status_hwm(log, 1)
    assert re.search(r"^run: rusage\[1\]: .*: nothing lost$", log, re.M)


def test_realloc_moves_page_tables_not_bytes():
    """user/realloc.c: glibc's realloc() of an mmap'd block is mremap(): it
    grows in place when nothing follows the block, moves when something
    does, and either way the bytes already there stay in their pages (no
    copy, no fault); a shrink gives the tail's pages back."""
    r = qemu.boot("poweroff", mem=160, initrd=[prog("realloc")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    assert "unknown system call 163" not in log
    steps = {m[0]: m[1:] for m in re.findall(
        r"^realloc: realloc\(([^()]+)\): 0x([0-9a-f]+) -> 0x([0-9a-f]+) \((in place|moved)\), "
        r"first \d+ kB intact: (yes|no), minor faults \+(\d+), free RAM ([+-]\d+) kB$", log, re.M)}
    assert list(steps) == ["1 MB -> 2 MB", "2 MB -> 8 MB", "8 MB -> 512 KB"], log
    old, new, how, intact, faults, free = steps["1 MB -> 2 MB"]
    assert (old == new, how, intact, faults, free) == (True, "in place", "yes", "0", "+0")
    assert re.search(r"^realloc: filled the new 1 MB: minor faults \+256$", log, re.M)
    assert re.search(r"^realloc: a page mapped at 0x[0-9a-f]+, right after the block: yes$", log, re.M)
    old, new, how, intact, faults, free = steps["2 MB -> 8 MB"]
    assert (old != new, how, intact, faults) == (True, "moved", "yes", "0")
    assert -16 <= int(free) <= 0       # at most a few new page tables, no page copied
    old, new, how, intact, faults, free = steps["8 MB -> 512 KB"]
    assert (old == new, how, intact, faults) == (True, "in place", "yes", "0")
    assert 1536 <= int(free) <= 1536 + 16    # the 1.5 MB that was filled, and page tables
    assert "realloc: done" in log
    assert re.search(r"^run: realloc\[1\]: .*: nothing lost$", log, re.M)


def test_malloc_trim_gives_the_middle_of_the_heap_back():
    """user/trim.c: mincore() shows demand paging (nothing resident after
    mmap, every page after writing, none after MADV_DONTNEED, which keeps
    the mapping and reads back zeros); free() keeps the pages of blocks
    below one still in use, and malloc_trim() gives them back with
    madvise(MADV_DONTNEED), the last block's bytes untouched."""
    r = qemu.boot("poweroff", mem=160, initrd=[prog("trim")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    assert "unknown system call 218" not in log and "unknown system call 219" not in log
    assert re.search(r"^trim: mmap\(64 KB\): 0 of 16 pages resident$", log, re.M)
    assert re.search(r"^trim: written: 16 resident$", log, re.M)
    assert re.search(r"^trim: madvise\(MADV_DONTNEED\): 0 resident, still mapped, reads 0$", log, re.M)
    heap = {m[0]: (int(m[1], 16), int(m[2], 16), int(m[3]), int(m[4])) for m in re.findall(
        r"^trim: ([^:]+): heap 0x([0-9a-f]+)-0x([0-9a-f]+), (\d+) pages, (\d+) resident$", log, re.M)}
    assert list(heap) == ["64 blocks of 64 KB, written", "all freed but the last", "after malloc_trim",
                          "the last freed too"], log
    written, freed, trimmed, last = (heap[k] for k in heap)
    assert written[3] >= 64 * 16 and freed == written     # free() kept every page
    assert 17 <= trimmed[3] <= 20                          # the last block and a header page
    assert trimmed[1] <= written[1] and last[1] < trimmed[1]   # brk shrank at the end
    assert re.search(r"^trim: malloc_trim\(0\) = 1$", log, re.M)
    assert re.search(r"^trim: the last block still holds its bytes: yes$", log, re.M)
    assert re.search(r"^run: trim\[1\]: .*: nothing lost$", log, re.M)


def test_proc_status_signal_lines_and_limits():
    """user/sigstatus.c: /proc/self/status's SigQ, SigPnd, ShdPnd, SigBlk,
    SigIgn and SigCgt show what the program did (a tgkill()ed signal
    pending for the thread, a kill()ed and a sigqueue()d one for the
    process, the blocked, ignored and caught sets; 5 pending over
    RLIMIT_SIGPENDING), and /proc/self/limits is Linux's file: the host's
    own /proc/self/limits gives the names, units and column widths, Linux
    6.1's first process the values, and max_threads / 2 (16 KB stacks in
    an eighth of RAM) the two that depend on RAM.  A second run exits with
    its signals pending, and nothing is lost."""
    r = qemu.boot("poweroff", mem=160, initrd=[prog("sigstatus"), prog("sigstatus", "exit")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    available_kb = int(re.search(r"^Memory: (\d+)K/", log, re.M).group(1))
    half_max_threads = available_kb // 4 // (8 * 4) // 2
    first = log[:log.index("run: sigstatus[1]")]
    status = re.findall(r"^sigstatus: ((?:Sig|Shd)\w+):\t(.*)$", first, re.M)[:6]
    assert status == [("SigQ", f"5/{half_max_threads}"), ("SigPnd", "0000000000000800"),
                      ("ShdPnd", "0000000200000200"), ("SigBlk", "0000000200000a00"),
                      ("SigIgn", "0000000000001000"), ("SigCgt", "0000000000004000")]
    assert "sigstatus: sigtimedwait() took 5 back\nsigstatus: SigQ:\t0/" in first
    ours = re.findall(r"^sigstatus: ((?:Limit|Max) .*)$", first, re.M)
    with open("/proc/self/limits") as f:
        linux = f.read().splitlines()
    assert len(ours) == len(linux) == 17
    for mine, theirs in zip(ours, linux):
        # name (26 columns), soft and hard (21 each), units: the host's layout
        assert mine[:26] == theirs[:26] and mine[68:] == theirs[68:], (mine, theirs)
    values = {line[:26].strip(): (line[26:47].strip(), line[47:68].strip()) for line in ours[1:]}
    assert values["Max stack size"] == ("8388608", "unlimited")
    assert values["Max core file size"] == ("0", "unlimited")
    assert values["Max locked memory"] == ("8388608", "8388608")
    assert values["Max msgqueue size"] == ("819200", "819200")
    assert values["Max open files"] == ("32", "32")
    assert values["Max processes"] == values["Max pending signals"] == (str(half_max_threads),) * 2
    assert values["Max nice priority"] == values["Max realtime priority"] == ("0", "0")
    runs = run_lines(log)
    assert [(name, verdict) for name, _, _, _, _, verdict in runs] == \
        [("sigstatus", "nothing lost")] * 2
    assert "sigstatus: exiting with them pending" in log


def signals_lines(text):
    """user/signals' lines, the stack overflow's address left out (each
    kernel lays the stack out its own way)."""
    return [re.sub(r"SIGSEGV at 0x[0-9a-f]+", "SIGSEGV at ADDR", line)
            for line in re.findall(r"^signals: .*$", text, re.M)]


def test_signal_handlers_catch_memory_faults():
    """user/signals.c: SIGSEGV handlers see si_addr and si_code (ACCERR for
    PROT_NONE, MAPERR for nothing mapped) and make the page usable, after
    which the access runs again; a stack overflow is caught on a
    sigaltstack (and kills without one); ucontext's registers go back as
    the handler left them (past ud2 and a division by zero); a read past a
    file's end is SIGBUS; SIGCHLD interrupts waitpid (restarted with
    SA_RESTART, EINTR without); with SIGCHLD ignored or SA_NOCLDWAIT the
    children leave no zombies (waitpid gives ECHILD once all are gone, and
    their PIDs are free); blocked signals wait; a real-time signal is
    queued once per sigqueue(), in order with its value, up to
    RLIMIT_SIGPENDING (then EAGAIN), and sigtimedwait()/sigwaitinfo() take
    them without a handler; the FPU state
    survives a handler, which starts clean; SA_RESETHAND, a fault with
    SIGSEGV blocked, a bad rt_sigreturn frame and a handler frame that
    does not fit on the alternate stack kill.  The same lines as Linux's,
    by way of qemu-i386 where it does as Linux does, and nothing lost."""
    r = qemu.boot("poweroff", mem=160, initrd=[prog("signals")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    for nr in (119, 173, 174, 175, 176, 177, 178, 179, 186, 421):
        assert f"unknown system call {nr} " not in log
    ours = signals_lines(log)
    assert ours[-1] == "signals: done" and not [line for line in ours if line.endswith(": NO")]
    assert "signals: in the handler: MXCSR 0x1f80, x87 control word 0x37f (a new program's)" in ours
    for how, ran in (("SIGCHLD ignored", "no"), ("SA_NOCLDWAIT with a handler", "yes")):
        assert (f"signals: {how}: waitpid(-1) = -1 (ECHILD), 3 of 3 children already gone, "
                f"handler ran: {ran}") in ours
    assert ("signals: SIGRTMIN+1 sigqueue()d with 100, 101, 102, then kill()ed, SIGUSR2 kill()ed "
            "twice, all while blocked: 5 deliveries") in ours
    assert ("signals: sigwaitinfo() while a child sigqueue()s 9: signal SIGRTMIN+1, si_value 9, "
            "si_code -1 (SI_QUEUE), si_pid the child: yes") in ours
    # handled faults print no segfault line; the unhandled ones end with Linux's lines
    assert len(re.findall(r"^signals\[\d+\]: segfault at", log, re.M)) == 0
    assert re.search(r"^signals\[\d+\] bad frame in rt_sigreturn frame:000007fc ip:[0-9a-f]+ "
                     r"sp:800 orax:ad in signals\[", log, re.M)
    assert re.search(r"^exit: signals\[\d+\] killed by signal 10 \(SIGUSR1\)", log, re.M)
    assert re.search(r"^signals\[\d+\] overflowed sigaltstack$", log, re.M)
    assert len(re.findall(r"^exit: signals\[\d+\] killed by signal 11 \(SIGSEGV\)", log, re.M)) == 4
    assert re.search(r"^run: signals\[1\]: .*: nothing lost$", log, re.M)
    host = subprocess.run(["qemu-i386", os.path.join(USER, "signals")], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, timeout=120).stdout.decode()
    # Where qemu-user is not Linux (measured with qemu-i386 7.2): it keeps
    # the interrupted MXCSR in the handler (Linux 6.1's handle_signal()
    # clears the FPU state); a read at 0x3fffb000 past a file's end gives
    # si_addr 0x3fffc000, a page off; and it never checks a nested frame
    # against the alternate stack's bottom, so the second handler runs; it
    # does not pass SA_NOCLDWAIT on to the host's sigaction, so the
    # children become zombies and waitpid reaps the first.
    quirks = {"MXCSR 0x9f80": "MXCSR 0x1f80", "si_addr that page: NO": "si_addr that page: yes",
              "sigaltstack: exited with status 2": "sigaltstack: killed by signal 11",
              "waitpid(-1) = a child, 1 of 3 children already gone":
              "waitpid(-1) = -1 (ECHILD), 3 of 3 children already gone"}
    theirs = signals_lines(host)
    for qemu_user, linux in quirks.items():
        assert sum(qemu_user in line for line in theirs) == 1, qemu_user
        theirs = [line.replace(qemu_user, linux) for line in theirs]
    assert ours == theirs
