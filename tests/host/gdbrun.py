"""Drive GDB against QEMU's gdbstub, for the host tests.

    s = gdb_session(["hbreak crash_boot", "continue", "bt"], params="poweroff")
    s.out    everything `gdb -batch` printed
    s.log    the kernel's serial log up to the moment GDB killed QEMU

QEMU starts halted (-S) with its gdbstub on a free local port; GDB runs
the commands with -batch and always ends with `kill`, so QEMU stops where
the commands left it.  Both run under `timeout`.  qemu-system-i386 is
used because GDB cannot read qemu-system-x86_64's register packet for a
32-bit guest ("'g' packet reply is too long").
"""
import os
import socket
import subprocess
import time
from dataclasses import dataclass

import qemu

HELPERS = os.path.join(qemu.ROOT, "tools", "gdb", "mm386.py")


@dataclass
class GdbSession:
    out: str
    log: str


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for_port(port, tries=50):
    for _ in range(tries):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)


def gdb_session(commands, params="poweroff", mem=160, timeout=60, helpers=False, extra=()):
    """Boot halted, run @commands in `gdb -batch` (then `kill`); with
    @helpers, source tools/gdb/mm386.py first."""
    port = free_port()
    log = os.path.join(qemu.BUILD, f"gdb-test-{port}.log")
    q = subprocess.Popen(["timeout", str(timeout), qemu.QEMU] + qemu.QEMU_BASE +
                         ["-serial", f"file:{log}", "-kernel", qemu.kernel_arg(), "-m", str(mem),
                          "-append", params, "-S", "-gdb", f"tcp:127.0.0.1:{port}"] +
                         list(extra),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        args = ["timeout", str(timeout), "gdb", "-q", "-nx", "-batch",
                "-ex", "set confirm off", "-ex", "set pagination off",
                "-ex", f"file {qemu.KERNEL}",
                "-ex", f"target remote 127.0.0.1:{port}"]
        if helpers:
            args += ["-ex", f"source {HELPERS}"]
        for c in commands:
            args += ["-ex", c]
        args += ["-ex", "kill"]
        out = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             timeout=timeout + 10).stdout.decode(errors="replace")
    finally:
        q.kill()
        q.wait()
        text = ""
        if os.path.exists(log):
            with open(log, errors="replace") as f:
                text = f.read().replace("\r\n", "\n")
            os.unlink(log)
    return GdbSession(out, text)
