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


def run_make(*args, timeout=120, stdin=subprocess.DEVNULL):
    p = subprocess.run(["timeout", str(timeout), "make", "-C", qemu.ROOT] + list(args),
                       stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return p.returncode, p.stdout.decode(errors="replace")


def test_make_run_says_when_the_cpu_triple_faulted():
    # QEMU exits 0 on a triple fault under -no-reboot: make run must not
    # pass that off as a clean end.
    rc, out = run_make(f"O={qemu.BUILD}", "run", "APPEND=crash=triple_fault", timeout=60)
    assert rc != 0, out
    assert "mm386: the CPU triple-faulted and reset" in out, out[-2000:]


def test_make_help_lists_every_target():
    rc, out = run_make("help")
    assert rc == 0
    makefile = open(os.path.join(qemu.ROOT, "Makefile")).read()
    phony = set()
    for m in re.finditer(r"^\.PHONY:(.*)$", makefile, re.M):
        phony.update(m.group(1).split())
    phony -= {"deps"}           # internal: every target runs it
    # `make all` is plain `make`; `make modules` is `make M=dir`.
    spelled = {"all": "make ", "modules": "make M=dir"}
    for target in sorted(phony):
        words = spelled.get(target, f"make {target}")
        assert re.search(rf"^  {re.escape(words)}(\s|$)", out, re.M), \
            f"make help does not mention {words!r}"


def test_make_gdb_without_a_waiting_qemu_says_what_to_do():
    rc, out = run_make(f"O={qemu.BUILD}", "gdb", "GDB_PORT=1", timeout=30)
    assert rc != 0
    assert "run 'make debug' in another terminal first" in out, out


def test_make_gdb_loads_the_helpers_whatever_O_is(tmp_path):
    # The helpers are found from tools/gdb, not from the kernel's directory,
    # so a build in another directory still gets the mm-* commands.
    o = tmp_path / "out"
    rc, out = run_make(f"O={o}", "-s", "all", timeout=300)
    assert rc == 0, out
    port = 20000 + os.getpid() % 20000
    p = subprocess.run(["timeout", "60", "make", "-C", qemu.ROOT, f"O={o}", "gdb", "START=1",
                        f"GDB_PORT={port}", "APPEND=poweroff"],
                       input=b"help mm-buddyinfo\nkill\nquit\n",
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    assert "Undefined command" not in out, out
    assert "mm386: connected." in out, out
    assert "buddy" in out.split("mm386: connected.", 1)[1].lower(), out


def test_make_check_runs_the_tests_it_is_given_and_names_each_file():
    # T= picks tests; the output names each file as it runs it (not a wall
    # of dots) and ends with pytest's summary.
    rc, out = run_make(f"O={qemu.BUILD}", "check", "T=tests/host/test_interface.py",
                       timeout=600)
    assert rc == 0, out[-3000:]
    assert re.search(r"^tests/host/test_interface\.py \.+ +\[100%\]$", out, re.M), out[-2000:]
    assert re.search(r"=+ 2 passed in ", out), out[-2000:]
    assert "test_boot.py" not in out


def test_a_sub_make_shares_its_parents_jobs():
    # make bench and make docs run $(MAKE) in their recipes.  Only the top
    # make may pick the number of jobs: a sub-make that forced -j again
    # printed "-j2 forced in makefile: resetting jobserver mode" and left
    # its parent's jobserver.  -n runs the sub-makes and nothing else.
    rc, out = run_make(f"O={qemu.BUILD}", "-n", "bench")
    assert rc == 0, out[-3000:]
    assert "bench/gcc" in out and "bench/clang" in out, out[-3000:]
    assert "warning" not in out and "jobserver" not in out, out[-3000:]
