"""GDB against QEMU's gdbstub: break in a higher-half C function, read
the backtrace and a kernel variable."""
import re

import qemu
from gdbrun import gdb_session


def test_gdb_breakpoint_backtrace_and_variable():
    out = gdb_session(["hbreak ktest_run", "continue", "bt", "print (char *)boot_command_line",
                       "print e820_table.nr_entries", "print/x $pc"],
                      params="ktest=lib poweroff").out
    assert "Breakpoint 1, ktest_run" in out, out
    assert "start_kernel" in out.split("Breakpoint 1", 1)[1], out   # in the backtrace
    assert "warning" not in out.lower(), out
    assert '"ktest=lib poweroff"' in out, out
    assert "$2 = 6" in out, out                       # QEMU's e820 map at -m 160
    pc = [l for l in out.splitlines() if l.startswith("$3 = 0x")]
    assert pc and int(pc[0].split()[-1], 16) >= 0xc0000000, out


def test_gdb_physical_breakpoint_before_paging():
    # boot/head.asm runs at physical addresses: break *PHYS works there.
    start = qemu.symbols()["_start"]
    out = gdb_session([f"break *0x{start - 0xc0000000:x}", "continue", "print/x $eax"]).out
    assert "0x2badb002" in out, out               # the multiboot magic in EAX


# The session README.md and docs/gdb.md show: stop in kmalloc, follow the
# slab path down to the page allocator, print the cache and the new slab.
# The demo's kmalloc(100) is the first kmalloc after demo_run starts, and
# kmalloc-128 has no slab yet; vmalloc() is the demo's next step.
KMALLOC_SESSION = ["hbreak demo_run", "continue", "delete", "hbreak kmalloc_trace", "continue",
                   "bt 3", "print s->name", "print s->cpu_slab", "print *s", "hbreak alloc_pages",
                   "continue", "bt 7", "finish", "delete", "hbreak vmalloc", "continue",
                   "mm-page $4", "mm-slabinfo"]


def test_gdb_kmalloc_session():
    out = gdb_session(KMALLOC_SESSION, params="demo poweroff", helpers=True).out
    assert "warning" not in out.lower(), out
    # kmalloc() is inline: GDB shows it as a frame of its own between the
    # call site and kmalloc_trace(), with the constant size.
    trace = out[out.index("Breakpoint 2, kmalloc_trace"):]
    assert re.search(r"^#0  kmalloc_trace \(s=0x[0-9a-f]+ <kmalloc_caches\+\d+>", trace,
                     re.M), out
    frame1 = re.search(r"^#1  .*\bkmalloc \((.*)\) at include/linux/slab\.h:\d+$", trace, re.M)
    assert frame1 and "size=100" in frame1.group(1), out
    assert re.search(r"^#2  .*demo_run \(\) at kernel/demo\.c:\d+$", trace, re.M), out
    assert '"kmalloc-128"' in out, out
    assert "$2 = (struct page *) 0x0" in out, out          # no active slab: the slow path
    assert re.search(r"^\$3 = \{size = 128, object_size = 128, .* num = 32, .*name = 0x[0-9a-f]+ "
                     r'"kmalloc-128"', out, re.M), out      # the whole cache
    # The slab path: the page allocator called for a new slab.
    path = out[out.index("Breakpoint 3, alloc_pages ("):]
    frames = re.findall(r"^#\d+  (?:0x[0-9a-f]+ in )?(\w+) \(", path, re.M)[:7]
    assert frames == ["alloc_pages", "new_slab", "refill_cpu_slab", "slab_alloc", "kmalloc_trace",
                      "kmalloc", "demo_run"], path
    page = int(re.search(r"Value returned is \$4 = \(struct page \*\) (0x[0-9a-f]+)",
                         out).group(1), 16)
    # Once kmalloc has returned, that page is kmalloc-128's slab with one object out.
    assert "Breakpoint 4, vmalloc (" in out, out
    assert f"struct page at 0x{page:08x}" in out, out
    assert "state: slab of cache kmalloc-128: 1 of 32 objects in use" in out, out
    row = next(l.split() for l in out.splitlines() if l.startswith("kmalloc-128 "))
    assert row[1:3] == ["32", "32"], row     # SLUB: the active slab's free objects count
