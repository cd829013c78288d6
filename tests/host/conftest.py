"""pytest configuration for mm386's host-side tests.

The kernel is built once per session (make is a no-op when it is up to
date), so `python3 -m pytest tests/host` works on its own as well as from
`make check`.
"""
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import ktap  # noqa: E402
import qemu  # noqa: E402
import shellrun  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def kernel_built():
    subprocess.run(["make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", "all"], check=True)
    return qemu.KERNEL


@pytest.fixture
def run_ktest():
    """Boot with ktest=SUITES; assert status 33 and a clean KTAP run."""
    def run(suites="all", mem=160, params="", timeout=300, **kw):
        r = qemu.boot(f"ktest={suites} {params}".strip(), mem=mem, timeout=timeout, **kw)
        try:
            k = ktap.check(r.log)
        except ktap.KtapError as e:
            tail = "\n".join(r.log.splitlines()[-60:])
            raise AssertionError(f"{e}\n{r.describe()}\n--- log tail ---\n{tail}")
        r.expect_status(qemu.STATUS_OK)
        r.ktap = k
        return r
    return run


@pytest.fixture
def shell():
    """shell(**kw) boots a Shell(**kw); each one is closed at the end, and
    its transcript must hold no oops."""
    shells = []

    def start(**kw):
        s = shellrun.Shell(**kw)
        shells.append(s)
        return s
    yield start
    for s in shells:
        s.close()
        assert not shellrun.OOPS.search(s.transcript), s.transcript[-3000:]
