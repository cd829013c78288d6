#!/usr/bin/env python3
"""tools/insn_profile.py - where a benchmark's guest instructions go.

Boots the kernel with one instruction per translation block and QEMU's
exec log, so every executed instruction is one log line with its address;
counts them per function (the kernel's symbol table) between the first
and the last time a marker function runs.  A per-instruction trace, the
tool behind docs/performance.md's "what dominates" figures:

    tools/insn_profile.py --params "bench=vmalloc_100000,smoke" \\
        --from vmalloc_100000 [--mem 2048] [--top 30]

counts from the first instruction of the function --from (the benchmark's
loop) to the end of the boot's trace.  Slow (a few seconds per million
instructions): use smoke iterations.
"""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def symbols(kernel):
    out = subprocess.run(["i686-linux-gnu-nm", "-n", kernel], stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "kernel.elf"))
    ap.add_argument("--mem", default="2048")
    ap.add_argument("--params", required=True)
    ap.add_argument("--from", dest="start", required=True, help="count from this function on")
    ap.add_argument("--until", help="stop counting at this function")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()

    syms = symbols(args.kernel)
    addrs = [a for a, _ in syms]
    fd, log = tempfile.mkstemp(prefix="mm386-trace-", suffix=".log")
    os.close(fd)
    cmd = ["timeout", "900", "qemu-system-i386", "-kernel", args.kernel, "-m", args.mem,
           "-append", args.params, "-display", "none", "-no-reboot", "-monitor", "none",
           "-serial", "null", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-singlestep", "-d", "exec,nochain", "-D", log,
           "-dfilter", "0xc0000000..0xffffffff",
           "-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]
    subprocess.run(cmd, stdin=subprocess.DEVNULL)
    trace = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")
    counts = collections.Counter()
    on = False
    total = 0
    with open(log, errors="replace") as f:
        for line in f:
            m = trace.match(line)
            if not m:
                continue
            pc = int(m.group(1), 16)
            i = bisect.bisect_right(addrs, pc) - 1
            name = syms[i][1] if i >= 0 else "?"
            if not on:
                if name != args.start:
                    continue
                on = True
            if args.until and name == args.until:
                break
            counts[name] += 1
            total += 1
    os.unlink(log)
    if not total:
        sys.exit("insn_profile: the --from function never ran")
    print(f"{total} instructions from the first {args.start}")
    for name, n in counts.most_common(args.top):
        print(f"{n:>10} {100.0 * n / total:6.2f}%  {name}")


if __name__ == "__main__":
    main()
