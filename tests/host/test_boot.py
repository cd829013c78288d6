"""Boot foundation: the kernel boots, parses its command line and runs
its in-kernel tests at several memory sizes."""
import re

import pytest

import ktap
import qemu


def test_banner_and_poweroff():
    r = qemu.boot("poweroff").expect_status(qemu.STATUS_OK)
    assert "mm386 version" in r.log
    assert "Booted by: qemu" in r.log
    # QEMU puts the image path in front of the command line; it must be gone.
    assert "Command line: poweroff\n" in r.log
    assert "BIOS-e820: [mem 0x0000000000100000-0x0000000009fdffff] usable" in r.log
    assert "mm386: ready" in r.log


NO_ROOM = "SKIP not enough free memory at this RAM size"


@pytest.mark.parametrize("mem,params", [(8, ""), (16, ""), (160, ""), (2048, ""),
                                        (160, "highmem=132K")])
def test_ktest_all(run_ktest, mem, params):
    r = run_ktest("all", mem=mem, params=params)
    names = [s.name for s in r.ktap.suites]
    assert "lib" in names and "boot" in names
    assert "ktest_selftest" not in names     # manual suites stay out of "all"
    # 8 MB is the least mm386 boots with, and highmem=132K makes a HighMem
    # zone of 33 pages, one above its low watermark: the cases sized for
    # more skip there, each saying what it needs; otherwise every one runs.
    short = [c.name for s in r.ktap.suites for c in s.cases if c.directive == NO_ROOM]
    if mem >= 16 and not params:
        assert short == []
        return
    assert short
    for name in short:
        assert re.search(rf"^ *# {name}: needs .*(with|;) {mem} MB of RAM", r.log, re.M), name
    if mem == 8:
        assert "alloc_free_every_order" in short    # no free 4 MB block
    else:
        assert "pkmap_wrap_around" in short         # 1536 HighMem pages
        assert "highmem_placement" not in short     # its one page is there


def test_ktest_by_name(run_ktest):
    r = run_ktest("lib")
    assert [s.name for s in r.ktap.suites] == ["lib"]
    assert len(r.ktap.suite("lib").cases) >= 10


def test_might_sleep_names_the_task(run_ktest):
    """Linux's line names current, whichever task it is (boot_test.c swaps in a fake one)."""
    r = run_ktest("boot")
    assert re.search(r"^in_atomic\(\): 1, irqs_disabled\(\): 0, non_block: 0, pid: 4242, name: ktest-sleeper$",
                     r.log, re.M), r.log[-3000:]


def test_no_ktap_is_a_failure():
    r = qemu.boot("poweroff").expect_status(qemu.STATUS_OK)
    with pytest.raises(ktap.KtapError, match="no KTAP"):
        ktap.check(r.log)


def test_failing_test_goes_red():
    """The deliberately failing suite must fail the run: status 35, not ok."""
    r = qemu.boot("ktest=ktest_selftest").expect_status(qemu.STATUS_TEST_FAILED)
    k = ktap.parse(r.log)
    cases = {c.name: c for c in k.suite("ktest_selftest").cases}
    assert cases["passes"].ok
    assert not cases["fails"].ok
    assert not cases["unannounced_warning"].ok
    assert cases["skipped"].ok and cases["skipped"].skip
    assert "Expected 1 + 1 == 3, but" in r.log
    assert "not ok 1 ktest_selftest" in r.log
    with pytest.raises(ktap.KtapError, match="failing tests"):
        ktap.check(r.log)


def test_unknown_suite_fails():
    r = qemu.boot("ktest=lib,nosuchsuite").expect_status(qemu.STATUS_TEST_FAILED)
    assert "not ok 2 nosuchsuite # no such test suite" in r.log
    assert re.search(r"^# valid suites: .*\bbuddy\b.*\bvmalloc\b", r.log, re.M)


def test_bad_parameters_are_named_and_ignored():
    r = qemu.boot('frobnicate=7 ktest= poweroff=1 loglevel=x dump=bogus,layout crash=nope '
                  'quiet_please poweroff').expect_status(qemu.STATUS_OK)
    log = r.log
    assert 'Unknown kernel command line parameter "frobnicate=7", ignored' in log
    assert 'Unknown kernel command line parameter "quiet_please", ignored' in log
    assert 'Malformed kernel parameter "ktest=" (invalid value), default kept' in log
    assert 'Malformed kernel parameter "poweroff=1" (takes no value), default kept' in log
    assert 'Malformed kernel parameter "loglevel=x" (invalid value), default kept' in log
    # crash=nope is well formed, just not a crash type: rejected, with the list.
    assert re.search(r'^Kernel parameter "crash=nope" rejected \(no such crash type; one of:'
                     r'.* null_read .*\), default kept$', log, re.M)
    assert 'Unknown dump "bogus" in dump=bogus,layout, ignored' in log
    # The good half of dump= still works, and no tests ran.
    assert "==> /proc/layout <==" in log
    assert "KTAP version 1" not in log


def test_dump_layout_sections():
    r = qemu.boot("dump=layout poweroff").expect_status(qemu.STATUS_OK)
    text = r.lines("      .text : ")
    assert len(text) == 2            # printed at boot, and by dump=layout
    assert text[0] == text[1]
    assert int(text[0].split()[2], 16) == 0xc0100000
