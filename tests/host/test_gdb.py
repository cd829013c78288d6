"""GDB against QEMU's gdbstub: break in a higher-half C function, read
the backtrace and a kernel variable."""
import subprocess

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
    nm = subprocess.run(["i686-linux-gnu-nm", qemu.KERNEL], stdout=subprocess.PIPE,
                        check=True).stdout.decode()
    start = next(int(l.split()[0], 16) for l in nm.splitlines() if l.endswith(" _start"))
    out = gdb_session([f"break *0x{start - 0xc0000000:x}", "continue", "print/x $eax"]).out
    assert "0x2badb002" in out, out               # the multiboot magic in EAX
