"""Oopses: deliberate faults (crash=TYPE) print Linux 5.x style reports
with symbolized addresses and power off with status 37; the harness never
takes a triple fault or a hang for a pass."""
import re

import pytest

import qemu


def oops(kind):
    return qemu.boot(f"crash={kind} poweroff", timeout=60).expect_status(qemu.STATUS_OOPS)


def test_null_read_oops():
    log = oops("null_read").log
    assert "BUG: kernel NULL pointer dereference, address: 0x00000000" in log
    assert "#PF: supervisor read access in kernel mode" in log
    assert "#PF: error_code(0x0000) - not-present page" in log
    assert "#PF: address 0x00000000 is in: NULL page" in log
    assert re.search(r"^EIP: crash_null_read\+0x[0-9a-f]+/0x[0-9a-f]+$", log, re.M)
    assert re.search(r"^Oops: 0000 \[#1\]$", log, re.M)
    trace = log[log.index("Call Trace:"):]
    assert re.search(r"^ crash_boot\+0x[0-9a-f]+/0x[0-9a-f]+$", trace, re.M)
    assert "Kernel panic - not syncing: Fatal exception" in log


def test_null_write_oops():
    log = oops("null_write").log
    assert "#PF: supervisor write access in kernel mode" in log
    assert "#PF: error_code(0x0002) - not-present page" in log
    assert re.search(r"^EIP: crash_null_write\+0x", log, re.M)
    assert re.search(r"^EAX: [0-9a-f]{8} EBX: [0-9a-f]{8} ECX: [0-9a-f]{8} EDX: [0-9a-f]{8}$", log, re.M)
    assert re.search(r"^CR0: [0-9a-f]{8} CR2: 00000000 CR3: [0-9a-f]{8}", log, re.M)
    # The code bytes around EIP, the faulting instruction's first in <>.
    assert re.search(r"^Code: (?:[0-9a-f]{2} ){21}<[0-9a-f]{2}>(?: [0-9a-f]{2}){10}", log, re.M)


@pytest.mark.parametrize("kind,title,func", [
    ("divide", "divide error", "crash_divide"),
    ("ud2", "invalid opcode", "crash_ud2"),
])
def test_exceptions_name_themselves(kind, title, func):
    log = oops(kind).log
    assert re.search(rf"^{title}: 0000 \[#1\]$", log, re.M)
    assert re.search(rf"^EIP: {func}\+0x", log, re.M)


def test_bug_and_panic():
    log = oops("bug").log
    assert re.search(r"^kernel BUG at kernel/crash\.c:\d+!$", log, re.M)
    log = oops("panic").log
    assert "Kernel panic - not syncing: crash=panic asked for it" in log
    assert "---[ end Kernel panic - not syncing: crash=panic asked for it ]---" in log


def test_warn_is_not_fatal():
    r = qemu.boot("crash=warn poweroff").expect_status(qemu.STATUS_OK)
    assert re.search(r"^WARNING: CPU: 0 PID: 0 at kernel/crash\.c:\d+ crash_warn\+0x", r.log, re.M)
    assert "---[ end trace" in r.log
    assert "crash: crash=warn returned" in r.log


def test_triple_fault_is_never_a_pass():
    r = qemu.boot("crash=triple_fault poweroff", timeout=30)
    assert r.status == qemu.STATUS_TRIPLE_FAULT
    with pytest.raises(qemu.BootFailure, match="triple fault"):
        r.expect_status(qemu.STATUS_OK)


def test_hang_is_never_a_pass():
    r = qemu.boot("crash=hang poweroff", timeout=3)
    assert r.status == qemu.STATUS_TIMEOUT
    with pytest.raises(qemu.BootFailure, match="timed out"):
        r.expect_status(qemu.STATUS_OK)
