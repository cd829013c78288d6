"""`make run` is the first command a user types: it must boot to the banner."""
import os
import re
import subprocess

import pytest

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


def test_header_dependencies_hold_whatever_O_is_spelled():
    """make check builds with an absolute O=, a user types plain `make`:
    both must see the dependency files the other wrote, or a header
    change would rebuild nothing.  make -p prints the rules it read."""
    build = os.path.relpath(qemu.BUILD, qemu.ROOT)
    if build.startswith(".."):
        pytest.skip("the build directory is outside the tree")
    for o in (qemu.BUILD, build):
        p = subprocess.run(["make", "-C", qemu.ROOT, f"O={o}", "-p", "-q", "all"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        rules = p.stdout.decode(errors="replace")
        m = re.search(rf"^{re.escape(build)}/obj/mm/slab_common\.o:(.*)$", rules, re.M)
        assert m, f"O={o}: no rule for {build}/obj/mm/slab_common.o"
        assert "include/linux/irqflags.h" in m.group(1).split(), (o, m.group(1)[:300])
