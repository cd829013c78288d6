"""tools/insn_profile.py agrees with the benchmark it explains: its trace of
the timed loop counts what the TSC counted, an annotated function's
instructions add up to that function's count, and a bad name is refused
before anything boots."""
import os
import re
import subprocess
import sys

import qemu
from test_bench import LINE

TOOL = os.path.join(qemu.ROOT, "tools", "insn_profile.py")
ROW = re.compile(r"^\s*(\d+)\s+(\d+\.\d)\s+\d+\.\d\d%\s+(\S+)$", re.M)
INSN = re.compile(r"^\s*(\d+\.\d)\s+[0-9a-f]{8}\s+(.*)$")
_run = []


def profile(*args):
    kernel = os.path.join(qemu.BUILD, "kernel.elf")
    return subprocess.run([sys.executable, TOOL, "--kernel", kernel, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=600, cwd=qemu.ROOT)


def kmalloc_profile():
    if not _run:
        p = profile("--mem", "2048", "--params", "bench=kmalloc_100,smoke", "--from",
                    "kmalloc_100", "--nth", "2", "--until", "printk", "--per", "100",
                    "--top", "50", "--annotate", "kfree")
        assert p.returncode == 0, p.stdout.decode()
        _run.append(p.stdout.decode())
    return _run[0]


def per_function(out):
    return {m.group(3): (int(m.group(1)), float(m.group(2))) for m in ROW.finditer(out)}


def test_trace_counts_what_the_benchmark_timed():
    r = qemu.boot("bench=kmalloc_100,smoke", mem=2048, extra=qemu.ICOUNT, timeout=300)
    r.expect_status(qemu.STATUS_OK)
    ticks = {m.group(1): float(m.group(3)) for m in LINE.finditer(r.log)}["kmalloc_100"]
    funcs = per_function(kmalloc_profile())
    assert {"kmalloc_100", "kfree", "kmalloc_trace"} <= funcs.keys(), funcs
    # After the loop, before printk: bench_run's division of the ticks.
    traced = sum(per for name, (_, per) in funcs.items() if name not in ("bench_run", "__udivdi3"))
    assert abs(traced - ticks) < 0.5, (traced, ticks)


def test_annotated_instructions_add_up_to_the_function():
    out = kmalloc_profile()
    listing = out[out.index("kfree, the instructions that ran"):].splitlines()[1:]
    insns = [INSN.match(line) for line in listing if line.strip() != "..."]
    assert all(insns), listing
    total = sum(float(m.group(1)) for m in insns)
    assert abs(total - per_function(out)["kfree"][1]) < 0.05
    text = "\n".join(m.group(2) for m in insns)
    assert "div" in text                     # the interior-pointer check ran
    assert "$0x51ab5eed" in text             # so did the double-free marker's


def test_unknown_names_are_refused_before_booting():
    for args in (["--from", "no_such_function"],
                 ["--from", "kmalloc_100", "--annotate", "no_such_function"]):
        p = profile("--params", "bench=kmalloc_100,smoke", *args)
        assert p.returncode == 1
        assert b"insn_profile: no function no_such_function in " in p.stdout


def test_a_start_that_never_runs_is_an_error():
    p = profile("--params", "bench=kmalloc_100,smoke", "--from", "vmalloc_100000", "--nth", "2")
    assert p.returncode == 1
    assert b"insn_profile: vmalloc_100000 was not called 2 time(s)" in p.stdout
