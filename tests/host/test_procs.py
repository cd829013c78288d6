"""Processes from the shell (shell/procs.c, shell/translate.c): run, run -b,
ps, maps, status, kill, pgdcmp and v2p PID ADDR on live processes.

user/hold forks and both processes wait for a signal, so the shell has two
live address spaces to look at: the kernel half of their page directories
(PDEs 768-1023) must be identical, the user half their own, and the pages
they share copy-on-write must show as such until one of them writes.
"""
import re

import pytest

import mmlog
import qemu
from shellrun import Shell

OOPS = re.compile(r"BUG: unable to handle|BUG: kernel NULL pointer|Oops|Kernel panic|kernel BUG at")


@pytest.fixture(scope="module")
def sh():
    s = Shell(params="norun", initrd=[qemu.user_program(p) for p in ("hold", "hello")])
    yield s
    s.close()
    assert not OOPS.search(s.transcript), s.transcript[-3000:]


@pytest.fixture(scope="module")
def held(sh):
    """run -b hold: {parent, child, heap, mmap, stack}."""
    out = sh.run("run -b hold")
    m = re.search(r"^hold: parent (\d+), child (\d+): heap 0x([0-9a-f]+), mmap 0x([0-9a-f]+), "
                  r"stack 0x([0-9a-f]+); ready$", out, re.M)
    assert m, out
    assert re.search(rf"^run: hold\[{m.group(1)}\] started in the background", out, re.M)
    return dict(parent=int(m.group(1)), child=int(m.group(2)), heap=int(m.group(3), 16),
                mmap=int(m.group(4), 16), stack=int(m.group(5), 16))


def ps(sh):
    rows = {}
    for line in sh.run("ps").splitlines()[1:]:
        pid, ppid, pgid, state, vsz, rss, minflt, cow, comm = line.split()
        rows[int(pid)] = dict(ppid=int(ppid), pgid=int(pgid), state=state, vsz=int(vsz),
                              rss=int(rss), minflt=int(minflt), cow=int(cow), comm=comm)
    return rows


def test_norun_keeps_programs_for_the_shell(sh):
    assert "initramfs: norun: 2 programs kept in ramfs, not run" in sh.boot
    assert "hello, world" not in sh.boot
    out = sh.run("run")
    assert re.search(r"^  hold +\d+ bytes$", out, re.M) and re.search(r"^  hello ", out, re.M)


def test_run_in_the_foreground_checks_nothing_lost(sh):
    out = sh.run("run hello a b")
    assert "hello, world from hello (argc 3): malloc works" in out
    m = re.search(r"^run: hello\[\d+\]: free pages (\d+) before, (\d+) after, (.*): nothing lost$",
                  out, re.M)
    assert m and m.group(1) == m.group(2), out


def test_ps_lists_both_processes(sh, held):
    rows = ps(sh)
    parent, child = rows[held["parent"]], rows[held["child"]]
    assert rows[0]["comm"] == "swapper/0" and rows[0]["state"] == "R"
    assert parent["comm"] == child["comm"] == "hold"
    assert parent["ppid"] == 0 and child["ppid"] == held["parent"]
    assert parent["pgid"] == child["pgid"] == held["parent"]      # one job
    assert parent["state"] == child["state"] == "S"                # in pause()
    assert parent["vsz"] > 1000 and child["rss"] > 0
    assert child["cow"] >= 2                                       # heap page and mmap page


def test_maps_and_status_of_a_live_process(sh, held):
    out = sh.run(f"maps {held['child']}")
    assert out.startswith(f"==> /proc/{held['child']}/maps <==\n"), out
    assert re.search(r"^08048000-08049000 r--p 00000000 00:01 \d+ +/hold$", out, re.M)
    assert re.search(r"^[0-9a-f]{8}-[0-9a-f]{8} rw-p 00000000 00:00 0 +\[heap\]$", out, re.M)
    assert re.search(r"^bffdf000-c0000000 rw-p 00000000 00:00 0 +\[stack\]$", out, re.M)
    status = sh.run(f"status {held['parent']}")
    assert re.search(rf"^Pid:\t{held['parent']}$", status, re.M)
    assert re.search(r"^State:\tS \(sleeping\)$", status, re.M)
    vm = dict(re.findall(r"^(Vm\w+):\s+(\d+) kB$", status, re.M))
    assert int(vm["VmRSS"]) > 1024 and int(vm["VmPTE"]) >= 12 and int(vm["VmExe"]) > 0


def test_pgdcmp_kernel_half_identical_user_half_own(sh, held):
    out = sh.run(f"pgdcmp {held['parent']} {held['child']}")
    assert re.search(r"^kernel half, PDEs 768-1023: 256 of 256 identical", out, re.M), out
    m = re.search(r"^user half, PDEs 0-767: (\d+) present in hold\[\d+\], (\d+) in hold\[\d+\], "
                  r"(\d+) identical", out, re.M)
    assert m and int(m.group(1)) >= 3 and int(m.group(3)) == 0, out
    # the 1 MB block: 257 pages in both, one copied by the child's write, the rest shared
    pde = held["mmap"] >> 22
    both, same, zero, differ = map(int, re.search(
        rf"^  PDE +{pde} \(\S+\): in both (\d+): same page (\d+), zero page (\d+), different (\d+);",
        out, re.M).groups())
    assert both == 257 and differ == 1 and same == 256, out


def test_v2p_of_a_user_address_shows_cow(sh, held):
    page = held["mmap"] + 4096           # not written since the fork: shared
    out = sh.run(f"v2p {held['child']} {page:#x}")
    assert f"page directory of hold[{held['child']}]" in out
    assert re.search(r"^PTE .* present ro user", out, re.M), out
    assert "2 mappings: shared copy-on-write (read-only until written)" in out
    phys_child = re.search(r"^phys 0x([0-9a-f]+)", out, re.M).group(1)
    out = sh.run(f"v2p {held['parent']} {page:#x}")
    assert re.search(r"^phys 0x([0-9a-f]+)", out, re.M).group(1) == phys_child   # one page
    # the page the child wrote: its own copy, writable
    out_c = sh.run(f"v2p {held['child']} {held['mmap']:#x}")
    out_p = sh.run(f"v2p {held['parent']} {held['mmap']:#x}")
    assert re.search(r"^PTE .* present rw user", out_c, re.M), out_c
    assert "anonymous, 1 mapping" in out_c and "1 mapping" in out_p
    assert re.search(r"^phys 0x(\S+)", out_c, re.M).group(1) != re.search(r"^phys 0x(\S+)", out_p, re.M).group(1)
    # a kernel address through a process's directory: the kernel's own mapping
    out = sh.run(f"v2p {held['child']} 0xc0100000")
    assert re.search(r"^phys 0x00100000", out, re.M), out


def test_vmalloc_after_the_fork_reaches_both(sh, held):
    """A vmalloc made now (8 MB: new kernel page tables) is in both page
    directories: pgd_list copied its PDEs; v2p through each finds it."""
    out = sh.run("vmalloc 8M")
    addr = int(re.search(r"^vmalloc\(\d+\) = 0x([0-9a-f]+)", out, re.M).group(1), 16)
    out = sh.run(f"pgdcmp {held['parent']} {held['child']}")
    assert re.search(r"^kernel half, PDEs 768-1023: 256 of 256 identical", out, re.M), out
    last = addr + (8 << 20) - 4096
    phys = set()
    for pid in (held["parent"], held["child"]):
        out = sh.run(f"v2p {pid} {last:#x}")
        phys.add(re.search(r"^phys 0x([0-9a-f]+)", out, re.M).group(1))
    assert len(phys) == 1
    assert sh.run(f"vfree {addr:#x}").endswith("done\n")


def test_meminfo_pagetables_are_the_processes(sh, held):
    """meminfo's PageTables counts the processes' page tables, as Linux's:
    the sum of their VmPTE; the kernel's own are in the layout dump."""
    vmpte = 0
    for pid in (held["parent"], held["child"]):
        vmpte += int(re.search(r"^VmPTE:\s+(\d+) kB$", sh.run(f"status {pid}"), re.M).group(1))
    mi = mmlog.meminfo(sh.run("meminfo"))
    assert mi["PageTables"] == vmpte > 0
    # the kernel's: for lowmem's 4 MB with the kernel image and a last,
    # partial 4 MB (the rest is 4 MB pages), pkmap, fixmap, and vmalloc's
    assert mmlog.kernel_pagetables(sh.run("layout")) >= 4 * 4


def test_meminfo_anonpages_and_kernelstack_are_the_processes(sh, held):
    """AnonPages: the processes' anonymous pages (a page both share after
    fork counts once, as Linux's NR_ANON_MAPPED); KernelStack: one 16 kB
    stack per process (task 0's boot stack is not counted, as in Linux)."""
    mi = mmlog.meminfo(sh.run("meminfo"))
    rss_anon = [int(re.search(r"^RssAnon:\s+(\d+) kB$", sh.run(f"status {pid}"), re.M).group(1))
                for pid in (held["parent"], held["child"])]
    assert max(rss_anon) <= mi["AnonPages"] <= sum(rss_anon), (mi["AnonPages"], rss_anon)
    assert mi["KernelStack"] == 2 * 16
    vm = dict(l.split() for l in sh.run("vmstat").splitlines()[1:])
    assert int(vm["nr_anon_pages"]) * 4 == mi["AnonPages"]
    assert int(vm["nr_kernel_stack"]) == mi["KernelStack"]


def test_bad_process_commands(sh):
    assert sh.run("maps 999") == "maps: no process 999 (ps lists them)\n"
    assert sh.run("maps 0") == "maps: swapper/0[0] has no user address space\n"
    assert sh.run("pgdcmp 0 999").startswith("pgdcmp: swapper/0[0] has no user address space")
    assert sh.run("v2p 999 0x1000") == "v2p: no process 999 with an address space (ps lists them)\n"
    assert sh.run("run nosuch") == "run: no program nosuch; run alone lists them\n"
    assert sh.run("kill 999") == "kill: 999: no such process\n"
    assert sh.run("kill 0") == "kill: PID 0 is the kernel itself\n"


def test_kill_ends_them_and_the_shell_reaps(sh, held):
    out = sh.run(f"kill {held['parent']}")
    assert f"kill: sent signal 15 (SIGTERM) to {held['parent']}" in out
    assert re.search(rf"^exit: hold\[{held['parent']}\] killed by signal 15 \(SIGTERM\)", out, re.M)
    rows = ps(sh)
    assert held["parent"] not in rows                      # reaped by the shell
    assert rows[held["child"]]["ppid"] == 0                # the orphan went to task 0
    out = sh.run(f"kill {held['child']} 9")
    assert re.search(rf"^exit: hold\[{held['child']}\] killed by signal 9 \(SIGKILL\)", out, re.M)
    assert list(ps(sh)) == [0]
    mi = mmlog.meminfo(sh.run("meminfo"))
    assert mi["PageTables"] == mi["AnonPages"] == mi["KernelStack"] == 0   # all given back
