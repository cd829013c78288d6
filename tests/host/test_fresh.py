"""The first command on a fresh machine (issue: "First contact").

tests/host/fresh.py hides the build toolchain's packages in a private mount
namespace and gives `make` a stand-in apt-get that unhides them when asked
to install them.  One `make` must then install and build a kernel that
boots: nothing in the Makefile may ask the compiler anything before the
install step (a libgcc path computed too early left __udivdi3 undefined),
and under -j no object may be compiled before the compiler is there.
`make check-fresh` does the same for the whole `make check` in a clone.
"""
import os
import subprocess
import sys

import pytest

import qemu

FRESH = os.path.join(os.path.dirname(__file__), "fresh.py")


def fresh_build(tmp_path, cc):
    out_dir = tmp_path / f"build-{cc}"
    p = subprocess.run([sys.executable, FRESH, "--build", str(out_dir), "--cc", cc],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    return p.returncode, p.stdout.decode(errors="replace"), out_dir


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root for unshare -m")
@pytest.mark.parametrize("cc,packages", [
    ("gcc", "gcc-i686-linux-gnu binutils-i686-linux-gnu nasm libc6-dev-i386-cross"),
    # The user programs are always built with the cross gcc and its glibc.
    ("clang", "clang lld libclang-rt-14-dev gcc-i686-linux-gnu libc6-dev-i386-cross"),
])
def test_first_make_on_a_machine_without_the_toolchain(tmp_path, cc, packages):
    rc, out, out_dir = fresh_build(tmp_path, cc)
    assert rc == 0, out[-4000:]
    assert "mm386: missing:" in out, out[-2000:]
    # One install step, before anything was compiled, asking for every package.
    installs = [l for l in out.splitlines() if l.startswith("install ")]
    assert len(installs) == 1, out[-2000:]
    for pkg in packages.split():
        assert pkg in installs[0].split(), installs
    first_cc = out.find("  CC ")
    assert out.find("mm386: installing") < first_cc, out[:3000]
    assert "undefined reference" not in out
    r = qemu.boot("poweroff", kernel=str(out_dir / "kernel.elf"), timeout=60)
    r.expect_status(qemu.STATUS_OK)
    assert "mm386: powering off (done)" in r.log
