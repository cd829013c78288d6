#!/usr/bin/env python3
"""tools/bench.py - run mm386's benchmarks the deterministic way and print
the results next to Linux 6.1's.

QEMU runs with -icount shift=0,sleep=off and a fixed virtual clock, so the
guest's TSC counts guest instructions and two runs print the same numbers.
Three boots:
  -m 2048 bench=all   every operation (HighMem exists for the kmap ones),
                      and user/ubench as a boot program: page faults, COW,
                      brk, mmap and fork measured from user space
  -m 160  bench=stats boot cost for 160 MB
  -m 3072 bench=stats boot cost for 3 GB

usage: tools/bench.py [--kernel build/kernel.elf] [--smoke] [--out FILE]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]

# Guest instructions per operation, Linux 6.1 i386 in the same QEMU
# (default config, and with init_on_alloc=0).
LINUX = {
    "kmalloc_100": (373, 219),
    "get_free_page": (1826, 704),
    "alloc_pages_3": (9680, 871),
    "vmalloc_100000": (43061, 14973),
    "kmap_atomic_high": (220, 220),
    "kmap_atomic_low": (82, 82),
    "kmap_high": (325, 325),
}

LINE = re.compile(r"^bench: (\S+) iters=(\d+) ticks_per_op=([\d.]+)$", re.M)
STAT = re.compile(r"^bench: stat (\S+)=(\S+)$", re.M)
DESC = re.compile(r"^bench-table: (.+?)\s{2,}(\d+)\s+([\d.]+)$", re.M)


def boot(kernel, mem, params, timeout=600, initrd=None):
    fd, log = tempfile.mkstemp(prefix="mm386-bench-", suffix=".log")
    os.close(fd)
    cmd = ["timeout", str(timeout), "qemu-system-i386", "-kernel", kernel, "-m", str(mem),
           "-append", params, "-serial", f"file:{log}", "-display", "none", "-no-reboot",
           "-monitor", "none", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"] + ICOUNT
    if initrd:
        cmd += ["-initrd", initrd]
    status = subprocess.run(cmd, stdin=subprocess.DEVNULL).returncode
    with open(log, errors="replace") as f:
        text = f.read().replace("\r\n", "\n")
    os.unlink(log)
    if status != 33:
        sys.exit(f"bench: QEMU exited {status} at -m {mem} ({params})\n{text[-3000:]}")
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", default="build/kernel.elf")
    ap.add_argument("--smoke", action="store_true", help="a thousandth of the iterations")
    ap.add_argument("--out", help="also write the report here")
    args = ap.parse_args()

    which = "smoke" if args.smoke else "all"
    ubench = os.path.join(os.path.dirname(os.path.abspath(args.kernel)), "user", "ubench")
    main_log = boot(args.kernel, 2048, f"bench={which}",
                    initrd=f"{ubench} {'smoke' if args.smoke else ''}".strip())
    ops = {m.group(1): (int(m.group(2)), m.group(3)) for m in LINE.finditer(main_log)}
    descs = {}
    for m in DESC.finditer(main_log):
        descs[m.group(1).strip()] = m.group(2)
    stats = dict(STAT.findall(main_log))
    # The same operations with init_on_alloc=1, Linux's hardening (and
    # Debian's default): compare with Linux 6.1's default figures.
    init_ops = {}
    if not args.smoke:
        init_log = boot(args.kernel, 2048,
                        "bench=kmalloc_100,get_free_page,alloc_pages_3,vmalloc_100000 "
                        "init_on_alloc=1")
        init_ops = {m.group(1): (int(m.group(2)), m.group(3)) for m in LINE.finditer(init_log)}
    boots = {}
    for mem in (160, 3072):
        log = boot(args.kernel, mem, "bench=stats")
        boots[mem] = dict(STAT.findall(log))

    out = []
    out.append("mm386 benchmarks (guest instructions per operation, QEMU -icount shift=0)")
    out.append("")
    out.append(f"{'operation':<26} {'iters':>7} {'mm386':>9} {'Linux 6.1':>10} {'init_on_alloc=0':>16}"
               f" {'goal':>8} {'met':>4}")
    for name, (iters, value) in ops.items():
        if name in ("loop_overhead", "user_loop_overhead"):
            continue
        linux = LINUX.get(name)
        # The goal is half of Linux with init_on_alloc=0, exactly: 219 / 2 = 109.5.
        if linux:
            goal = linux[1] / 2
            met = "yes" if float(value) <= goal else "no"
            lin = f"{linux[0]:>10} {linux[1]:>16} {goal:>8.1f} {met:>4}"
        else:
            lin = f"{'-':>10} {'-':>16} {'-':>8} {'-':>4}"
        out.append(f"{name:<26} {iters:>7} {value:>9} {lin}")
    out.append(f"(loop overhead of {ops.get('loop_overhead', (0, '?'))[1]} per iteration removed)")
    out.append("")
    if init_ops:
        out.append(f"{'with init_on_alloc=1':<26} {'iters':>7} {'mm386':>9} {'Linux 6.1 (default, init_on_alloc=1)':>38}")
        for name, (iters, value) in init_ops.items():
            if name in LINUX:
                out.append(f"{name:<26} {iters:>7} {value:>9} {LINUX[name][0]:>38}")
        out.append("")
    for mem in (160, 3072):
        b = boots[mem]
        out.append(f"boot to ready at -m {mem}: {b.get('boot_ticks')} instructions, "
                   f"{b.get('boot_ticks_per_page')} per page of RAM ({b.get('ram_pages')} pages)")
    out.append(f"sizeof(struct page): {stats.get('sizeof_struct_page')} bytes; "
               f"mem_map: {stats.get('mem_map_pct_of_ram')}% of RAM")
    waste = [(k[len('waste_per_object_'):], v) for k, v in stats.items() if k.startswith("waste_per_object_")]
    out.append("kmalloc waste per object (bytes): " + ", ".join(f"{k} {v}" for k, v in waste))
    out.append("fragmentation (largest free order / order-10 blocks): " + ", ".join(
        f"{when} {stats.get(f'frag_{when}_largest_free_order')}/{stats.get(f'frag_{when}_order10_blocks')}"
        for when in ("before", "peak", "after_free")))
    vm = [(k, v) for k, v in stats.items() if k.startswith("vmalloc_")]
    if vm:
        out.append("test_vmalloc workloads: " + ", ".join(f"{k} {v}" for k, v in vm))
    text = "\n".join(out)
    print(text)
    print()
    print("machine-readable lines:")
    print("\n".join(m.group(0) for m in LINE.finditer(main_log)))
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n\n" + "\n".join(m.group(0) for m in LINE.finditer(main_log)) + "\n")


if __name__ == "__main__":
    main()
