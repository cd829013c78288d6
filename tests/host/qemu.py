"""Boot mm386 in QEMU the way docs/interface.md says.

    r = boot("ktest=all", mem=160)
    r.status        QEMU's exit status (33 ok, 35 test failed, 37 oops)
    r.log           everything the kernel wrote to COM1

Every run is wrapped in `timeout`, so a hang becomes status 124; with
-no-reboot a triple fault makes QEMU exit 0.  Neither is ever a pass:
expect_status() refuses both with a message that says which it was.
"""
import os
import subprocess
import tempfile
from dataclasses import dataclass

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("MM386_BUILD", os.path.join(ROOT, "build"))
KERNEL = os.path.join(BUILD, "kernel.elf")
QEMU = "qemu-system-i386"

STATUS_OK = 33          # isa-debug-exit 0x10
STATUS_TEST_FAILED = 35  # 0x11
STATUS_OOPS = 37        # 0x12
STATUS_TRIPLE_FAULT = 0  # -no-reboot turns a reset into a plain exit
STATUS_TIMEOUT = 124    # from timeout(1)

# QEMU counts time in guest instructions, from a fixed clock: the timer
# ticks, and so the scheduling, are the same on every run whatever the
# host's load (extra= of boot()).
ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]
USER = os.path.join(BUILD, "user")


def user_program(name, *args):
    """An -initrd item: build/user/NAME and its arguments.  The path is
    relative to the working directory, as kernel_arg() explains: the kernel
    parses each module's command line at boot, so an absolute path would
    move the TSC that seeds get_random_u32() - and with it which allocation
    fault injection fails - with the directory the tree is cloned into."""
    return " ".join([os.path.relpath(os.path.join(USER, name))] + [str(a) for a in args])


def host_runs_i386():
    """Whether this machine's kernel runs i386 programs itself (some are
    built without IA32 emulation, or refuse it: "Exec format error");
    where it does not, qemu-i386 stands in."""
    try:
        return subprocess.run([os.path.join(USER, "hello_raw")], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=10).returncode == 42
    except OSError:
        return False


def symbols(elf=None):
    """The symbols @elf (the kernel by default) defines, name -> address,
    as nm lists them."""
    out = subprocess.run(["i686-linux-gnu-nm", elf or KERNEL], stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    return {f[2]: int(f[0], 16) for f in map(str.split, out.splitlines()) if len(f) == 3}


def kernel_arg(kernel=None):
    """The -kernel argument: relative to the working directory (the
    repository's root under make check and make docs).  QEMU's multiboot
    loader hands the guest "<this path> <-append>" as its command line, so
    an absolute path would make the boot's instruction count - the TSC
    under -icount, which seeds get_random_u32() - depend on where the tree
    is checked out, and the transcripts with it."""
    return os.path.relpath(kernel or KERNEL)


QEMU_BASE = ["-display", "none", "-no-reboot", "-monitor", "none",
             "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


class BootFailure(AssertionError):
    pass


@dataclass
class BootResult:
    status: int
    log: str
    cmd: list

    def describe(self):
        if self.status == STATUS_TIMEOUT:
            return "QEMU timed out (the kernel hung)"
        if self.status == STATUS_TRIPLE_FAULT:
            return "QEMU exited 0: a triple fault (reset), never a pass"
        return f"QEMU exited {self.status}"

    def expect_status(self, status):
        if self.status != status:
            tail = "\n".join(self.log.splitlines()[-40:])
            raise BootFailure(f"{self.describe()}, expected {status}\n"
                              f"command: {' '.join(self.cmd)}\n--- log tail ---\n{tail}")
        return self

    def lines(self, prefix):
        return [l for l in self.log.splitlines() if l.startswith(prefix)]


def run_qemu(args, timeout=120, log_path=None):
    """Run QEMU with the serial port captured; return a BootResult."""
    own = log_path is None
    if own:
        fd, log_path = tempfile.mkstemp(prefix="mm386-", suffix=".log")
        os.close(fd)
    cmd = ["timeout", "--kill-after=5", str(timeout), QEMU] + QEMU_BASE + \
        ["-serial", f"file:{log_path}"] + args
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    with open(log_path, errors="replace") as f:
        log = f.read().replace("\r\n", "\n")
    if own:
        os.unlink(log_path)
    if proc.returncode not in (STATUS_OK, STATUS_TEST_FAILED, STATUS_OOPS) and proc.stdout:
        log += "\n[qemu] " + proc.stdout.decode(errors="replace")
    return BootResult(proc.returncode, log, cmd)


def boot(params="", mem=160, kernel=None, initrd=None, timeout=120, extra=()):
    """Boot a kernel with -kernel (QEMU's multiboot loader)."""
    args = ["-kernel", kernel_arg(kernel), "-m", str(mem), "-append", params]
    if "-icount" in extra:
        # a deterministic boot must be the same boot in every checkout
        where = [i for i in initrd or () if os.path.isabs(i.split(" ", 1)[0])]
        if where:
            raise ValueError(f"boot(): -initrd {where} under -icount: use paths relative to "
                             "the working directory (user_program())")
    if initrd:
        args += ["-initrd", ",".join(initrd)]
    return run_qemu(args + list(extra), timeout)


def make_iso(path, params="", modules=(), kernel=None):
    """Build a GRUB ISO that boots the kernel with @params."""
    subprocess.run([os.path.join(ROOT, "tools", "mkiso.sh"), kernel or KERNEL, path,
                    params] + list(modules), check=True)
    return path


def boot_iso(iso, mem=160, timeout=120, extra=()):
    """Boot a GRUB ISO (-cdrom)."""
    return run_qemu(["-cdrom", iso, "-boot", "d", "-m", str(mem)] + list(extra), timeout)
