"""make fuzz: the allocator cores built for the host (clang, i386 Linux user
space) under AddressSanitizer and UndefinedBehaviorSanitizer; each
harness's unit tests and its corpus in the tree replayed, then libFuzzer
for a few seconds per target (tests/fuzz/fuzz.mk; FUZZ_SECONDS).  On a
host whose kernel does not run i386 programs, qemu-i386 runs them, some
thirty times slower: each target gets longer there."""
import os
import re
import subprocess

import qemu

TARGETS = ["rbtree", "vmap_area", "buddy", "slab"]


def test_make_fuzz_runs_every_target():
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    native = qemu.host_runs_i386()
    seconds = 4 if native else 20
    p = subprocess.run(["make", "-C", qemu.ROOT, f"O={qemu.BUILD}", "fuzz",
                        f"FUZZ_SECONDS={seconds}"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, timeout=900)
    out = p.stdout.decode(errors="replace")
    assert p.returncode == 0, out[-4000:]
    assert ("qemu-i386 runs the targets" in out) == (not native), out[:2000]
    for t in TARGETS:
        corpus = len(os.listdir(os.path.join(qemu.ROOT, "tests", "fuzz", "corpus", t)))
        assert corpus >= 8, t
        assert re.search(rf"unit_{t}: unit tests passed, {corpus} corpus inputs replayed$", out, re.M), out
        m = re.search(rf"^fuzz: {t}: executions (\d+)$", out, re.M)
        assert m and int(m.group(1)) > 100, out[-3000:]
    # The runs fuzzed copies: the tree's corpus is untouched (git sees no new file).
    status = subprocess.run(["git", "-C", qemu.ROOT, "status", "--porcelain", "tests/fuzz"],
                            stdout=subprocess.PIPE, text=True).stdout
    assert status == "", status


def test_the_cores_are_the_kernels_own_files():
    """Only <linux/irqflags.h> is replaced on the host; every core is the
    kernel's own file, not a copy."""
    mk = open(os.path.join(qemu.ROOT, "tests", "fuzz", "fuzz.mk")).read()
    core = re.search(r"^FUZZ_CORE\s*:=((?:.*\\\n)*.*)$", mk, re.M).group(1).replace("\\\n", " ").split()
    assert {"mm/page_alloc.c", "mm/slab.c", "mm/vmap_area.c", "lib/rbtree.c"} <= set(core)
    assert all(os.path.exists(os.path.join(qemu.ROOT, f)) for f in core)
    shim = [os.path.relpath(os.path.join(d, f), os.path.join(qemu.ROOT, "tests", "fuzz", "shim"))
            for d, _, fs in os.walk(os.path.join(qemu.ROOT, "tests", "fuzz", "shim")) for f in fs]
    assert shim == ["linux/irqflags.h"]
