#!/usr/bin/env python3
"""tools/insn_profile.py - where a benchmark's guest instructions go.

Boots the kernel with one instruction per translation block and QEMU's
exec log, so every executed instruction is one log line with its address,
and counts them per function (the kernel's symbol table).  The tool behind
docs/performance.md's "what dominates" figures:

    tools/insn_profile.py --params "bench=vmalloc_100000,smoke" \\
        --from vmalloc_100000 --nth 2 --until printk --per 10 \\
        [--mem 2048] [--top 30] [--annotate vfree]

counts from the --nth call of the function --from (the benchmark's loop;
2 skips its warm-up call) to the first instruction of --until (the
benchmark's printk of its figure), or to the end of the boot.  --per
divides by the loop count (smoke iterations: 10 for the vmalloc
benchmarks, 100 for the small ones).  --annotate FUNC then lists the
instructions of FUNC that ran, each with its count, "..." where some were
skipped.  Slow (a few seconds per million instructions): use smoke
iterations.
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


def address_of(syms, name):
    """The address of function @name in @syms, or None."""
    return next((a for a, n in syms if n == name), None)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", default=os.path.join(ROOT, "build", "kernel.elf"))
    ap.add_argument("--mem", default="2048")
    ap.add_argument("--params", required=True)
    ap.add_argument("--from", dest="start", required=True, help="count from this function on")
    ap.add_argument("--until", help="stop counting at this function")
    ap.add_argument("--nth", type=int, default=1,
                    help="start at the nth call of --from (2: after a warm-up call)")
    ap.add_argument("--annotate", metavar="FUNC", action="append", default=[],
                    help="also print the instructions of FUNC that ran, with their counts"
                    " (may be repeated)")
    ap.add_argument("--per", type=int, default=1,
                    help="also print the counts divided by this (the loop count)")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()

    syms = symbols(args.kernel)
    addrs = [a for a, _ in syms]
    for func in [args.start] + args.annotate + ([args.until] if args.until else []):
        if address_of(syms, func) is None:
            sys.exit(f"insn_profile: no function {func} in {args.kernel}")
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
    by_pc = collections.Counter()
    on = False
    total = 0
    calls = 0
    start_addr = address_of(syms, args.start)
    with open(log, errors="replace") as f:
        for line in f:
            m = trace.match(line)
            if not m:
                continue
            pc = int(m.group(1), 16)
            i = bisect.bisect_right(addrs, pc) - 1
            name = syms[i][1] if i >= 0 else "?"
            if not on:
                if pc != start_addr:
                    continue
                calls += 1
                if calls < args.nth:
                    continue
                on = True
            if args.until and name == args.until:
                break
            counts[name] += 1
            total += 1
            if name in args.annotate:
                by_pc[pc] += 1
    os.unlink(log)
    if not total:
        sys.exit(f"insn_profile: {args.start} was not called {args.nth} time(s)")
    print(f"{total} instructions from call {args.nth} of {args.start}"
          + (f", {total / args.per:.1f} per loop" if args.per > 1 else ""))
    for name, n in counts.most_common(args.top):
        per = f" {n / args.per:9.1f}" if args.per > 1 else ""
        print(f"{n:>10}{per} {100.0 * n / total:6.2f}%  {name}")
    for func in args.annotate:
        annotate(args.kernel, syms, func, by_pc, args.per)


def annotate(kernel, syms, func, by_pc, per):
    """Print @func's disassembly, each instruction with its count / @per."""
    start = address_of(syms, func)
    later = [a for a, _ in syms if a > start]
    end = min(later) if later else start + 4096
    out = subprocess.run(["i686-linux-gnu-objdump", "-d", "--no-show-raw-insn",
                          f"--start-address={start:#x}", f"--stop-address={end:#x}", kernel],
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    print(f"\n{func}, the instructions that ran, with how often per loop"
          f"{' (/' + str(per) + ')' if per > 1 else ''}:")
    skipped = False
    for line in out.splitlines():
        m = re.match(r"^\s*([0-9a-f]+):\s*(.*)$", line)
        if not m:
            continue
        n = by_pc.get(int(m.group(1), 16), 0)
        if not n:
            skipped = True
            continue
        if skipped:
            print(f"{'':8}  ...")
            skipped = False
        print(f"{n / per:8.1f}  {m.group(1)}  {' '.join(m.group(2).split())}")


if __name__ == "__main__":
    main()
