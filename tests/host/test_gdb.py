"""GDB against QEMU's gdbstub: break in a higher-half C function, read
the backtrace and a kernel variable."""
import os
import socket
import subprocess
import time

import qemu


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def gdb_session(commands, params="poweroff", mem=160, timeout=60):
    port = free_port()
    log = os.path.join(qemu.BUILD, f"gdb-test-{port}.log")
    q = subprocess.Popen(["timeout", str(timeout), qemu.QEMU] + qemu.QEMU_BASE +
                         ["-serial", f"file:{log}", "-kernel", qemu.KERNEL, "-m", str(mem),
                          "-append", params, "-S", "-gdb", f"tcp:127.0.0.1:{port}"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        args = ["timeout", str(timeout), "gdb", "-q", "-nx", "-batch",
                "-ex", "set confirm off", "-ex", "set pagination off",
                "-ex", f"file {qemu.KERNEL}",
                "-ex", f"target remote 127.0.0.1:{port}"]
        for c in commands:
            args += ["-ex", c]
        args += ["-ex", "kill"]
        out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=timeout + 10).stdout.decode(errors="replace")
    finally:
        q.kill()
        q.wait()
        if os.path.exists(log):
            os.unlink(log)
    return out


def test_gdb_breakpoint_backtrace_and_variable():
    out = gdb_session(["hbreak ktest_run", "continue", "bt", "print (char *)boot_command_line",
                       "print e820_table.nr_entries", "print/x $pc"],
                      params="ktest=lib poweroff")
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
    out = gdb_session([f"break *0x{start - 0xc0000000:x}", "continue", "print/x $eax"])
    assert "0x2badb002" in out, out               # the multiboot magic in EAX
