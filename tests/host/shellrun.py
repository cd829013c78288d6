"""The Explorer shell on a pty, for tests and for tools/docgen.py.

    sh = Shell(mem=160, params="demo")   # boots; sh.boot is the log up to the prompt
    out = sh.run("kmalloc 100")          # what the command printed
    sh.poweroff()                        # QEMU's exit status

QEMU's serial port is this process's pty (pexpect); no poweroff parameter
is given, so the kernel ends in the shell and waits for lines.
"""
import re

import pexpect

import qemu

PROMPT = "mm386> "
# what an oops, a kernel BUG() or a panic prints: a shell session must show none
OOPS = re.compile(r"BUG: unable to handle|BUG: kernel NULL pointer|Oops|Kernel panic|kernel BUG at")


class Shell:
    """One QEMU with the shell on a pty.  run() types a line and returns
    what the kernel printed before the next prompt, echo removed."""

    def __init__(self, mem=160, params="", monitor=None, timeout=180, initrd=(), extra=(),
                 com2=None):
        base = list(qemu.QEMU_BASE) + list(extra)
        if monitor:
            base[base.index("-monitor") + 1] = f"unix:{monitor},server=on,wait=off"
        if initrd:
            base += ["-initrd", ",".join(initrd)]
        args = ["--kill-after=5", str(timeout), qemu.QEMU] + base + [
            "-kernel", qemu.kernel_arg(), "-m", str(mem), "-append", params,
            "-chardev", "stdio,id=ser0,signal=off", "-serial", "chardev:ser0"]
        if com2:        # the second serial port (telemetry) into a file
            args += ["-serial", f"file:{com2}"]
        self.child = pexpect.spawn("timeout", args, encoding="utf-8", codec_errors="replace",
                                   timeout=60)
        self.transcript = ""
        self.boot = self.expect_prompt()

    def expect_prompt(self):
        self.child.expect_exact(PROMPT)
        text = self.child.before.replace("\r", "")
        self.transcript += text + PROMPT
        return text

    def type(self, keys):
        """Send raw bytes (control keys included); the output up to the
        next prompt, the echoed line included."""
        self.child.send(keys)
        return self.expect_prompt()

    def run(self, line):
        out = self.type(line + "\r")
        echoed, _, rest = out.partition("\n")
        assert echoed == line, f"echo {echoed!r} != typed {line!r}"
        return rest

    def poweroff(self):
        self.child.send("poweroff\r")
        self.child.expect(pexpect.EOF)
        self.transcript += self.child.before.replace("\r", "")
        self.child.close()
        return self.child.exitstatus

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
