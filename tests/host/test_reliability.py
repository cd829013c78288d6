"""Reliability (issue 18): the defects found by trying the kernel from
outside, each with the boot that showed it; ktest=all in any state a user
can reach (boot modules loaded, a HighMem page kmapped and freed by a
module, slab_debug at 160 and 2048 MB).  docs/reliability.md has the
catalogue and the numbers."""
import re

import pytest

import qemu
from test_modules import ko  # noqa: F401  (the fixture: every module, built)
from test_modules import build_module, source_dir

EXAMPLES = ["mem_module", "cache_module", "kmap_module", "api_module"]


def test_misuse_suite(run_ktest):
    """The in-kernel cases (tests/kernel/misuse_test.c), at 2048 MB (HighMem:
    kmap_atomic takes a real slot)."""
    r = run_ktest("misuse", mem=2048)
    assert not any(c.skip for s in r.ktap.suites for c in s.cases)
    log = r.log
    assert re.search(r"^WARNING: .* vmap_pages_range\+\S+\nvmap: pages\[1\] is NULL: no page to map; "
                     r"refused$", log, re.M)
    assert re.search(r"^BUG: kunmap_atomic\(0xfffff000\) from kunmap_atomic_of_unmapped_address\+\S+: "
                     r"not an address kmap_atomic\(\) returns", log, re.M) or \
        re.search(r"^BUG: kunmap_atomic\(0x[0-9a-f]{8}\) from kunmap_atomic_of_unmapped_address\+\S+: "
                  r"not an address kmap_atomic\(\) returns", log, re.M)
    assert re.search(r"^preempt_count_sub\(0x1\) from kunmap_atomic_of_unmapped_address\+\S+ with "
                     r"preempt_count 0: nothing to undo; the count is kept$", log, re.M)
    assert re.search(r"^BUG kmalloc \(Not tainted\): not a slab object: 0x[0-9a-f]{8} is in vmalloc area",
                     log, re.M)
    assert re.search(r"^INFO: krealloc\(0x[0-9a-f]{8}\) called from krealloc_of_vmalloc_pointer\+", log, re.M)
    assert re.search(r"^BUG kmalloc-64 \(Not tainted\): Object 0x[0-9a-f]{8} is free: used after kfree\(\)$",
                     log, re.M)
    assert re.search(r"^initcall init_leaves_kmap_atomic\+\S+ returned with 1 kmap_atomic mapping held "
                     r"preemption imbalance $", log, re.M)


@pytest.mark.parametrize("mem,params", [(160, ""), (160, "slab_debug"), (2048, "slab_debug")])
def test_misuse_suite_elsewhere(run_ktest, mem, params):
    run_ktest("misuse", mem=mem, params=params)


def test_storm_of_sleeping_reports_is_one_report():
    """200 GFP_KERNEL allocations under preempt_disable: one report, as
    Linux prints at most one a second (3,441 lines before)."""
    log = qemu.boot("ktest=misuse").expect_status(qemu.STATUS_OK).log
    case = re.split(r"^    ok \d+ preempt_enable_underflow$", log, flags=re.M)[1]
    case = re.split(r"^    ok \d+ sleeping_in_atomic_is_rate_limited$", case, flags=re.M)[0]
    assert len(re.findall(r"^BUG: sleeping function called from invalid context", case, re.M)) == 2
    assert len(case.splitlines()) < 40


def test_call_into_freed_memory_oopses_with_registers():
    """EIP on an unmapped page: the oops still has its registers and trace
    (the code-byte probe faults and is fixed up), not "Recursive fault"."""
    r = qemu.boot("crash=call_vfreed").expect_status(qemu.STATUS_OOPS)
    log = r.log
    assert "Recursive fault" not in log
    m = re.search(r"^crash: calling 0x([0-9a-f]{8}), a vmalloc area already freed$", log, re.M)
    assert m
    addr = m.group(1)
    assert re.search(rf"^BUG: unable to handle page fault for address: 0x{addr}$", log, re.M)
    assert re.search(r"^#PF: supervisor read access in kernel mode$", log, re.M)
    assert re.search(rf"^EIP: 0x{addr}$", log, re.M)
    assert re.search(r"^Code: Unable to access opcode bytes at 0x[0-9a-f]{8}\.$", log, re.M)
    assert re.search(r"^EAX: [0-9a-f]{8} EBX: [0-9a-f]{8} ECX: [0-9a-f]{8} EDX: [0-9a-f]{8}$", log, re.M)
    assert re.search(rf"^CR0: [0-9a-f]{{8}} CR2: {addr} ", log, re.M)   # the fault's, not the probe's
    assert re.search(r"^Call Trace:\n crash_boot\+", log, re.M)
    assert "Kernel panic - not syncing: Fatal exception" in log


def test_module_init_imbalance_is_reported_and_repaired(ko):  # noqa: F811
    """An init that returns with a kmap_atomic held, preemption and
    interrupts off: one WARNING in Linux's words; the kernel goes on in a
    sane state (no sleeping-function reports later, the slot is free)."""
    path = build_module(source_dir("imbalance_module"))
    r = qemu.boot("rmmod=imbalance_module dump=kmaps,meminfo poweroff", mem=2048,
                  initrd=[path], timeout=120)
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    # clang keeps only module_init's alias for a static init function
    assert re.search(r"^initcall (imbalance_init|init_module)\+0x0/0x[0-9a-f]+ \[imbalance_module\] "
                     r"returned with 1 kmap_atomic mapping held preemption imbalance disabled interrupts $",
                     log, re.M), log[-3000:]
    assert len(re.findall(r"^WARNING:", log, re.M)) == 1
    assert "sleeping function called from invalid context" not in log
    assert "kmap_atomic: 0 of 16 slots in use" in log
    assert re.search(r"^module imbalance_module: unloaded: exit (imbalance_exit|cleanup_module) ran",
                     log, re.M)


def test_long_command_line_says_what_was_dropped():
    """Above 2047 characters the line is cut, as in Linux, and the cut is
    named: a parameter that falls off is not silently lost."""
    filler = " ".join(f"x{i:03d}=" + "a" * 10 for i in range(140))
    r = qemu.boot(f"poweroff {filler} dump=meminfo").expect_status(qemu.STATUS_OK)
    log = r.log
    m = re.search(r"^Kernel command line too long: (\d+) characters, the first 2047 kept; (\d+) dropped: "
                  r"\"(.*)\"$", log, re.M)
    assert m, log[:3000]
    total = len(f"poweroff {filler} dump=meminfo")
    assert int(m.group(1)) == total and int(m.group(2)) == total - 2047
    assert m.group(3).endswith("...") and "MemTotal" not in log
    # The kept part is the user's: QEMU's image path is not counted.
    assert re.search(r"^Command line: poweroff x000=", log, re.M)
    short = qemu.boot("poweroff " + filler[:1000]).expect_status(qemu.STATUS_OK).log
    assert "too long" not in short


def test_any_white_space_separates_parameters():
    """Linux splits on any white space; a tab, a newline too."""
    for sep in ["\t", "\n", " \t "]:
        log = qemu.boot(f"dump=meminfo{sep}poweroff").expect_status(qemu.STATUS_OK).log
        assert re.search(r"^MemTotal: ", log, re.M), repr(sep)
        assert "Unknown kernel command line parameter" not in log
        assert "Malformed" not in log


@pytest.mark.parametrize("mem", [160, 2048])
def test_ktest_all_with_boot_modules(ko, run_ktest, mem):  # noqa: F811
    """Every suite holds with modules loaded (vmalloc areas and slab objects
    someone else owns), and after a module kmapped a HighMem page, kunmapped
    and freed it (rmmod): its pkmap slot waits for the lazy flush."""
    initrd = [ko[name] for name in EXAMPLES]
    r = run_ktest("all", mem=mem, params="rmmod=kmap_module", initrd=initrd)
    assert re.search(r"^module kmap_module: unloaded", r.log, re.M)
    if mem == 2048:
        assert re.search(r"kmap_module: kmap\(pfn 0x[0-9a-f]+\) = 0xff[89ab]", r.log)


@pytest.mark.parametrize("mem", [160, 2048])
def test_ktest_all_under_slab_debug(run_ktest, mem):
    """Every suite with red zones, poison and owner tracking on every cache."""
    r = run_ktest("all", mem=mem, params="slab_debug", timeout=300)
    assert r.ktap.failures() == []
    assert "slab_debug" in r.ktap.suite("slab_debug").name


@pytest.mark.parametrize("opts", ["F", "Z", "P", "U", "FZ", "ZP"])
def test_ktest_all_under_each_slab_debug_option(run_ktest, opts):
    """Each option alone changes the layout differently (U and F add the
    tracks, Z red zones, P moves the free pointer out): every suite passes
    or says why it skips."""
    r = run_ktest("all", params=f"slab_debug={opts}")
    assert r.ktap.failures() == []


def test_freelist_cut_under_red_zones(run_ktest):
    """slab_debug=FZ (no poison) keeps the free pointer inside the object,
    so the freelist-redirection case runs with red zones on: the free
    objects the cut takes out of use get in-use red zones, and
    kmem_cache_validate() finds nothing to report."""
    r = run_ktest("misuse", params="slab_debug=FZ")
    case = {c.name: c for c in r.ktap.suite("misuse").cases}["freelist_redirection_is_refused"]
    assert case.ok and not case.skip
    assert re.search(r"Freepointer corrupt: .*; 4\d free objects taken out of use$", r.log, re.M)
    assert "Redzone overwritten" not in r.log


# ---------------------------------------------------------------------------
# Fault injection (failslab=, fail_page_alloc=) and the stress suite

INJECT = ("failslab=1,5,0,-1 fail_page_alloc=1,5,0,-1 failslab.ignore_gfp_wait=N "
          "fail_page_alloc.ignore_gfp_wait=N fail_page_alloc.ignore_gfp_highmem=N "
          "fail_page_alloc.min_order=0")
STRESS_RE = re.compile(r"^stress: (\w+) ok (\d+) failed (\d+) corrupted (\d+)$", re.M)
KINDS = {"kmalloc", "kzalloc", "krealloc", "cache", "pages", "highpages", "atomic", "vmalloc",
         "vzalloc", "vmap", "kvmalloc", "bulk", "mempool", "irq", "task"}
RESERVE_RE = re.compile(r"^stress: mempool reserve handed out (\d+) elements; (\d+) of (\d+) back at the end$",
                        re.M)


def stress_counts(log):
    counts = {m.group(1): tuple(int(x) for x in m.groups()[1:]) for m in STRESS_RE.finditer(log)}
    assert set(counts) == KINDS, counts
    return counts


def test_stress_suite_without_injection(run_ktest):
    r = run_ktest("stress")
    counts = stress_counts(r.log)
    assert all(ok >= 100 and failed == 0 and bad == 0 for ok, failed, bad in counts.values()), counts
    assert RESERVE_RE.search(r.log).groups() == ("0", "4", "4")    # the allocator never failed
    walks = re.findall(r"^stress: (.+): (\d+) allocation points, (\d+) tried, (\d+) failed the operation, "
                       r"every time with nothing lost$", r.log, re.M)
    assert len(walks) == 12
    for name, _, tried, failed in walks:
        if name == "kvmalloc(100000)":   # its kmalloc failing, vmalloc stands in: it succeeds
            assert int(tried) > 0 and int(failed) == 0, walks
        else:
            assert int(tried) == int(failed) > 0, walks


@pytest.mark.parametrize("mem", [160, 2048])
def test_stress_suite_with_fault_injection(run_ktest, mem):
    """One allocation in twenty fails, in every allocator: every kind of
    block sees failures, none is corrupted, nothing crashes, nothing is
    lost (the suite's own snapshot), and the reports are rate-limited."""
    r = run_ktest("stress", mem=mem, params=INJECT)
    counts = stress_counts(r.log)
    for kind, (ok, failed, bad) in counts.items():
        assert ok > (20 if kind == "task" else 50) and bad == 0, (kind, ok, failed, bad)
        if kind != "mempool":
            assert failed > 0, (kind, ok, failed, bad)
    # The mempool's promise: its reserve stood in when kmalloc failed, and
    # every element came back to refill it.
    used, back, min_nr = (int(x) for x in RESERVE_RE.search(r.log).groups())
    assert used > 0 and back == min_nr == 4
    m = re.search(r"^stress: 12000 operations, (\d+) blocks checked, (\d+) allocations failed; "
                  r"failslab forced (\d+), fail_page_alloc (\d+)$", r.log, re.M)
    assert m and int(m.group(3)) > 100 and int(m.group(4)) > 100, m
    assert 1 <= r.log.count("FAULT_INJECTION: forcing a failure.") <= 40
    assert re.search(r"^name failslab, interval 1, probability 5, space 0, times -1$", r.log, re.M)


def test_fault_injection_parameters_are_checked():
    log = qemu.boot("failslab=1,200,0,-1 fail_page_alloc=x failslab.ignore_gfp_wait=maybe "
                    "poweroff").expect_status(qemu.STATUS_OK).log
    assert re.search(r'^Kernel parameter "failslab=1,200,0,-1" rejected \(interval >= 1, probability '
                     r'0-100, space >= 0, times >= -1\), default kept$', log, re.M)
    assert re.search(r'^Malformed kernel parameter "fail_page_alloc=x" \(expected '
                     r'<interval>,<probability>,<space>,<times>\), default kept$', log, re.M)
    assert re.search(r'^Malformed kernel parameter "failslab.ignore_gfp_wait=maybe"', log, re.M)


# /proc/PID/make-it-fail, as Linux 6.1's fs/proc/base.c answers: at most 12
# bytes looked at (and that count returned), white space stripped, C's
# bases, only 0 and 1; a child inherits it, exec keeps it; the file names
# its task, and once that task is reaped, -ESRCH.
MAKE_IT_FAIL_RULES = [
    ("read", '"0\\n"'), ('write "1"', "1"), ("read", '"1\\n"'),
    ('write "2"', "-EINVAL"), ('write "-1"', "-EINVAL"), ('write "x"', "-EINVAL"),
    ('write ""', "-EINVAL"), ('write "99999999999"', "-ERANGE"),
    ('write " 0\\n"', "3"), ("read", '"0\\n"'), ('write "0x1"', "3"), ("read", '"1\\n"'),
    ('write "0" and 19 spaces', "12"), ("read", '"0\\n"'),
    ("write from 0xc0000000", "-EFAULT"), ("read /proc/99999/make-it-fail", "-ENOENT"),
    ("make-it-fail after fork and exec", '"1\\n"'), ("a child's flag", '"1\\n"'),
    ("write to a reaped child's file", "-ESRCH"),
]
# /proc/thread-self/fail-nth, as Linux 6.1's: an unsigned number in C's
# bases (a newline may follow, nothing else may), the whole count
# returned; the count runs down with the task's own allocations, reads 0
# once the failure happened, and is not inherited; the file is in the
# thread's directory only.
FAIL_NTH_RULES = [
    ("read", '"0\\n"'), ('write "3"', "1"), ("read", '"3\\n"'), ('write "0"', "1"),
    ('write "-1"', "-EINVAL"), ('write " 1"', "-EINVAL"), ('write "4294967296"', "-ERANGE"),
    ('write "0x10\\n"', "5"), ("read", '"16\\n"'),
    ('1, then open("/proc/self/maps")', "-ENOMEM"), ("read after the failure", '"0\\n"'),
    ("read /proc/self/fail-nth", "-ENOENT"), ("read /proc/PID/task/PID/fail-nth", '"0\\n"'),
    ("read /proc/PID/task/PID+1/fail-nth", "-ENOENT"),
    ("a child's, its parent's at 1000", '"0\\n"'),
]
# Only fail-nth decides: no random failures, and no knob spares sleeping,
# HighMem or single-page allocations.
NTH_KNOBS = ("failslab.ignore_gfp_wait=N fail_page_alloc.ignore_gfp_wait=N "
             "fail_page_alloc.ignore_gfp_highmem=N fail_page_alloc.min_order=0")


def test_make_it_fail_and_fail_nth_rules_are_linuxs():
    r = qemu.boot(NTH_KNOBS + " poweroff", mem=64, initrd=[qemu.user_program("failcmd", "--rules")])
    r.expect_status(qemu.STATUS_OK)
    rules = re.findall(r"^failcmd: (.*) = (.*)$", r.log, re.M)
    assert rules == MAKE_IT_FAIL_RULES + [("fail-nth: " + w, a) for w, a in FAIL_NTH_RULES]
    assert re.search(r"^run: failcmd\[1\]: .*: nothing lost$", r.log, re.M)


# How each failure of user/failnth.c's operations may end: the call's
# ENOMEM, the call absorbing it ("ok"), or the process killed: SIGKILL when
# a page fault cannot get its page, SIGSEGV when exec fails past its point
# of no return, exit-127 when glibc's start-up in the new program fails.
# mremap absorbs one: once the pages have moved, the unmapping of the old
# range may fail to split its VMA, and the call succeeds all the same with
# the old range left mapped, empty (Linux's move_vma does the same).
FAILNTH_ENDS = {
    "fork": {"ENOMEM", "SIGKILL"},
    "vfork": {"ENOMEM", "SIGKILL"},
    "exec": {"ENOMEM", "ok", "SIGKILL", "SIGSEGV", "exit-127"},
    "mmap": {"ENOMEM", "SIGKILL"},
    "file": {"ENOMEM", "SIGKILL"},
    "split": {"ENOMEM"},
    "brk": {"ENOMEM", "SIGKILL"},
    "maps": {"ENOMEM"},
    "devmap": {"ENOMEM"},
    "mremap": {"ENOMEM", "ok", "SIGKILL"},
    "madvise": {"ENOMEM", "EAGAIN"},
    "shmem": {"ENOMEM", "SIGKILL"},
}


@pytest.mark.parametrize("mem", [160, 2048])
def test_every_allocation_of_a_system_call_fails_in_turn(mem):
    """user/failnth.c walks fail-nth over twelve operations, as syzkaller
    does: each allocation the kernel makes for them fails once.  Every
    failure ends in an error Linux would give (never an oops, a warning,
    or a wrong errno: before this test, an open of /proc/self/maps that
    could not allocate said ENOENT), and the whole walk loses nothing."""
    r = qemu.boot(NTH_KNOBS + " failslab.verbose=0 fail_page_alloc.verbose=0 poweroff", mem=mem,
                  initrd=[qemu.user_program("failnth"), qemu.user_program("hello")], extra=qemu.ICOUNT)
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    for word in ("Oops", "BUG", "WARNING"):
        assert word not in log
    lines = dict(re.findall(r"^failnth: (\w+): (.*)$", log, re.M))
    assert set(lines) == set(FAILNTH_ENDS), lines
    for op, line in lines.items():
        m = re.fullmatch(r"(\d+) allocation points:((?: \S+ \d+)+)", line)
        assert m, line
        ends = dict((k, int(v)) for k, v in re.findall(r" (\S+) (\d+)", m.group(2)))
        assert sum(ends.values()) == int(m.group(1)) >= 2, (op, line)
        assert set(ends) <= FAILNTH_ENDS[op], (op, line)
    # fork's and exec's own allocations: the task, its kernel stack, the mm...
    assert int(lines["fork"].split()[0]) >= 10 and int(lines["exec"].split()[0]) >= 10, lines
    runs = re.findall(r"^run: (\w+)\[\d+\]: .*: (.*)$", log, re.M)
    assert runs == [("failnth", "nothing lost"), ("hello", "nothing lost")], runs
    assert re.search(r"^exit: failnth\[1\] exited with status 0 ", log, re.M)


def test_task_filter_fails_one_program_only():
    """Every allocation fails (probability 100, sleeping ones and HighMem
    too), but with task-filter only in a task whose make-it-fail is 1:
    user/failcmd.c sets it and execs hello, which cannot even start, while
    the same hello before and after it, and the kernel that starts them,
    see no failure at all.  Nothing is lost either way."""
    inject = INJECT.replace(",5,", ",100,") + " failslab.task_filter=Y fail_page_alloc.task_filter=Y"
    r = qemu.boot(inject + " poweroff", initrd=[qemu.user_program(*p.split()) for p in
                                                ("hello", "failcmd hello", "hello")])
    r.expect_status(qemu.STATUS_OK)
    log = r.log
    assert re.findall(r"^hello, world from hello", log, re.M) == ["hello, world from hello"] * 2
    assert re.search(r"^exit: failcmd\[2\] (killed by signal 9|exited with status 1)", log, re.M), log[-3000:]
    assert re.search(r"^name failslab, interval 1, probability 100, space 0, times -1$", log, re.M)
    stacks = re.findall(r"^CPU: 0 PID: (\d+) Comm: (\S+) ", log, re.M)
    assert stacks and set(stacks) == {("2", "failcmd")}, stacks    # only the filtered task
    runs = re.findall(r"^run: (\w+)\[\d+\]: .*: (.*)$", log, re.M)
    assert runs == [("hello", "nothing lost"), ("failcmd", "nothing lost"), ("hello", "nothing lost")]
    for word in ("Oops", "BUG", "WARNING"):
        assert word not in log


def test_fault_command_in_the_shell():
    from shellrun import Shell
    sh = Shell()
    try:
        out = sh.run("fault")
        assert re.search(r"^failslab: probability=0 interval=1 times=1 space=0 verbose=2 "
                         r"task-filter=N ignore-gfp-wait=Y$", out, re.M), out
        assert re.search(r"^fail_page_alloc: probability=0 .* task-filter=N ignore-gfp-wait=Y "
                         r"ignore-gfp-highmem=Y min-order=1$", out, re.M), out
        # the shell is task 0, whose make-it-fail is 0: with the filter on, nothing fails
        out = sh.run("fault failslab probability=100 times=1 ignore-gfp-wait=N task-filter=Y")
        assert "failslab: probability=100 interval=1 times=1 space=0 verbose=2 task-filter=Y " \
               "ignore-gfp-wait=N" in out, out
        out = sh.run("kmalloc 100")
        assert "NULL" not in out and "FAULT_INJECTION" not in out, out
        out = sh.run("fault failslab task-filter=N verbose=1")
        assert "failslab: probability=100 interval=1 times=1 space=0 verbose=1 task-filter=N " \
               "ignore-gfp-wait=N" in out, out
        out = sh.run("kmalloc 100")
        assert "FAULT_INJECTION: forcing a failure." in out
        assert re.search(r"= NULL$", out, re.M), out
        out = sh.run("kmalloc 100")             # times=1: that was the only one
        assert "NULL" not in out and "FAULT_INJECTION" not in out
        out = sh.run("fault nth 1")
        assert "fail-nth: 1" in out
        out = sh.run("vmalloc 8192")
        assert "vmalloc(8192) = NULL" in out
        out = sh.run("fault")
        assert re.search(r"^failslab: 2 failures forced", out, re.M), out
        assert "fail-nth: 0" in out
        out = sh.run("fault failslab probability=101")
        assert "fault: probability: bad key or value 101" in out
        assert sh.poweroff() == qemu.STATUS_OK
    finally:
        sh.close()


# ---------------------------------------------------------------------------
# Kernel stacks: guard pages and the double-fault task


def test_stack_overflow_is_a_double_fault_report():
    """Recursion into the boot stack's guard page: Linux's "PANIC: double
    fault" with the registers of the overflowing function, from the
    double-fault task's own stack - not a silent overwrite, not a reset."""
    r = qemu.boot("crash=stack_overflow").expect_status(qemu.STATUS_OOPS)
    log = r.log
    assert "Recursive fault" not in log
    m = re.search(r"^PANIC: double fault, error_code: 0x0\nBUG: stack guard page was hit at ([0-9a-f]{8}) "
                  r"\(stack is ([0-9a-f]{8})\.\.([0-9a-f]{8})\)\ndouble fault: 0000 \[#1\]$", log, re.M)
    assert m, log[-3000:]
    hit, lo, hi = (int(x, 16) for x in m.groups())
    assert hi - lo == 16384 and lo - 4096 <= hit < lo
    assert re.search(r"^EIP: recurse\S*\+0x", log, re.M)
    sp = int(re.search(r"^ESI: \S+ EDI: \S+ EBP: \S+ ESP: ([0-9a-f]{8})$", log, re.M).group(1), 16)
    assert lo - 4096 <= sp <= lo + 64
    trace = log[log.index("Call Trace:"):].splitlines()
    assert sum(1 for l in trace if l.startswith(" recurse")) >= 10
    assert "Kernel panic - not syncing: Fatal exception" in log


def test_esp_on_an_unmapped_page_is_a_double_fault_report():
    r = qemu.boot("crash=stack_unmapped").expect_status(qemu.STATUS_OOPS)
    log = r.log
    m = re.search(r"^crash: pointing ESP at 0x([0-9a-f]{8}), which is not mapped", log, re.M)
    assert m
    assert re.search(r"^PANIC: double fault, error_code: 0x0\ndouble fault: 0000 \[#1\]$", log, re.M)
    assert re.search(r"^EIP: crash_stack_unmapped\+", log, re.M)
    assert re.search(rf"ESP: {m.group(1)}$", log, re.M)
