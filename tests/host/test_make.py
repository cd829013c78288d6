"""`make run` is the first command a user types: it must boot to the banner."""
import subprocess

import qemu


def test_make_run_shows_banner():
    p = subprocess.run(["timeout", "60", "make", "-C", qemu.ROOT, f"O={qemu.BUILD}", "run",
                        "APPEND=poweroff"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    assert p.returncode == 0, out
    assert "mm386 version" in out
    assert "mm386: powering off" in out


def test_make_run_reports_an_oops():
    p = subprocess.run(["timeout", "60", "make", "-C", qemu.ROOT, f"O={qemu.BUILD}", "run",
                        "APPEND=crash=null_read"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    assert p.returncode != 0
    assert "mm386: oops or panic (QEMU status 37)" in out
