"""An initramfs (fs/initramfs.c): a cpio archive in the "newc" format,
written by tools/mkinitramfs.py, given as one boot module, unpacked into
ramfs at boot.

Its programs wait for the shell's run (or rdinit=, or /init, as Linux), its
.ko files are loaded at boot (module_blacklist= and NAME.PARAM=VALUE on the
command line respected) and insmod finds them by name; its memory is freed
with Linux's line.  A malformed archive is refused with one line that names
the entry and says what stays; the kernel goes on.  The cpio reader itself
is tested case by case, with "nothing lost", by ktest initramfs
(tests/kernel/initramfs_test.c), run here at 160 and 2048 MB.
"""
import os
import re
import subprocess
import sys

import pytest

import qemu
from shellrun import OOPS, Shell

sys.path.insert(0, os.path.join(qemu.ROOT, "tools"))
import mkinitramfs  # noqa: E402

USER = os.path.join(qemu.BUILD, "user")
MODULES = os.path.join(qemu.BUILD, "modules")


def module(name):
    subprocess.run(["make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", f"M=examples/{name}"],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(MODULES, name + ".ko")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def program(name, as_name=None):
    return (as_name or name, read(os.path.join(USER, name)), 0o100755)


def write_archive(tmp_path, files, name="initramfs.cpio", crc=False):
    path = tmp_path / name
    path.write_bytes(mkinitramfs.archive(files, crc))
    return str(path)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """mallocdemo, hold, bin/hello_raw, two modules: the playground's kind of archive."""
    files = [program("mallocdemo"), program("hold"), program("hello_raw", "bin/hello_raw"),
             ("mem_module.ko", read(module("mem_module")), 0o100644),
             ("pool_module.ko", read(module("pool_module")), 0o100644)]
    return write_archive(tmp_path_factory.mktemp("initramfs"), files)


def unpacked(log):
    return re.findall(r"^initramfs:   /(\S+): (program|kernel module|file), (\d+) bytes", log, re.M)


@pytest.mark.parametrize("mem", [160, 2048])
def test_archive_unpacked_modules_loaded_rdinit_runs(archive, mem):
    r = qemu.boot("rdinit=mallocdemo pool_module.requests=3 poweroff", mem=mem,
                  initrd=[archive]).expect_status(qemu.STATUS_OK)
    log = r.log
    assert "Unpacking initramfs...\n" in log
    assert unpacked(log) == [
        ("mallocdemo", "program", str(os.path.getsize(os.path.join(USER, "mallocdemo")))),
        ("hold", "program", str(os.path.getsize(os.path.join(USER, "hold")))),
        ("bin/hello_raw", "program", str(os.path.getsize(os.path.join(USER, "hello_raw")))),
        ("mem_module.ko", "kernel module", str(os.path.getsize(module("mem_module")))),
        ("pool_module.ko", "kernel module", str(os.path.getsize(module("pool_module"))))]
    assert re.search(r"^initramfs: \S+initramfs.cpio: 5 files unpacked into ramfs \(3 programs, "
                     r"2 kernel modules, \d+ bytes\), 1 directory, 0 skipped$", log, re.M)
    freed = int(re.search(r"^Freeing initrd memory: (\d+)K$", log, re.M).group(1))
    assert freed >= os.path.getsize(archive) // 1024
    # the modules, in the archive's order, after the unpacking; pool_module's parameter
    loads = re.findall(r"^module: loading /(\S+) \(\d+ bytes from the initramfs", log, re.M)
    assert loads == ["mem_module.ko", "pool_module.ko"]
    assert "module pool_module: parameter requests=3 (mode 0444)" in log
    assert "pool_module: 3 requests allocated" in log
    # rdinit: mallocdemo runs as init, its table, nothing lost; the others wait
    assert "Run /mallocdemo as init process\n" in log
    assert re.search(r"^  malloc\(1 MB\)  +0xb7eff010  user: mmap b7eff000-b8000000 +257 +257",
                     log, re.M)
    high = re.search(r"^  malloc\(1 MB\) .* (\d+)   PDE", log, re.M).group(1)
    assert high == ("257" if mem == 2048 else "0")      # user pages from HighMem
    runs = re.findall(r"^run: (\S+)\[\d+\]: .*: (nothing lost|LEAKED)$", log, re.M)
    assert runs == [("mallocdemo", "nothing lost")]
    assert "\nhold: parent" not in log and "hello from ring 3" not in log


def test_shell_runs_programs_and_finds_modules(archive):
    s = Shell(params="module_blacklist=pool_module", initrd=[archive])
    try:
        boot = s.boot
        assert "Module pool_module is blacklisted" in boot
        assert re.search(r"^module: pool_module.ko not loaded \(-EPERM\): .*nothing leaked$", boot, re.M)
        out = s.run("run")
        listed = re.findall(r"^  (\S+) +\d+ bytes", out, re.M)
        assert listed == ["mallocdemo", "hold", "bin/hello_raw"]       # programs only
        out = s.run("run bin/hello_raw x")
        assert "hello from ring 3\nargv: bin/hello_raw\nargv: x\n" in out
        assert re.search(r"^exit: hello_raw\[\d+\] exited with status 42 ", out, re.M)
        assert re.search(r"^run: bin/hello_raw\[\d+\]: .*: nothing lost$", out, re.M)
        out = s.run("run mallocdemo")
        assert re.search(r"^  vmalloc\(1 MB\)  0x[0-9a-f]+  kernel: vmalloc area", out, re.M)
        assert re.search(r"^run: mallocdemo\[\d+\]: .*: nothing lost$", out, re.M)
        out = s.run("lsmod")
        assert re.search(r"^mem_module ", out, re.M) and "pool_module" not in out
        out = s.run("insmod")
        assert "modules of the initramfs:" in out
        assert "  /mem_module.ko: " in out and ", loaded" in out
        assert re.search(r"  /pool_module.ko: \d+ bytes in ramfs, not loaded", out)
        assert "rmmod: mem_module: done" in s.run("rmmod mem_module")
        out = s.run("insmod mem_module")
        assert "module: loading /mem_module.ko" in out and "insmod: mem_module: done" in out
        out = s.run("insmod nosuch")
        assert "module: no boot module or initramfs file called nosuch" in out
        out = s.run("run -b hold")
        m = re.search(r"^hold: parent (\d+), child (\d+):", out, re.M)
        assert m, out
        out = s.run("ps")
        assert re.search(rf"^ +{m.group(2)} +{m.group(1)} .* hold$", out, re.M)
        out = s.run(f"maps {m.group(2)}")
        assert re.search(r"^08048000-08049000 r--p 00000000 00:01 \d+ +/hold$", out, re.M)
        s.run(f"kill {m.group(1)}")
        s.run(f"kill {m.group(2)}")
    finally:
        s.close()
    assert not OOPS.search(s.transcript), s.transcript[-3000:]


def test_init_is_run_unless_norun(tmp_path):
    """An archive with /init: Linux runs it; so does mm386, and norun keeps it."""
    path = write_archive(tmp_path, [program("hello_raw", "init"), program("hello")])
    r = qemu.boot("poweroff", initrd=[path]).expect_status(qemu.STATUS_OK)
    assert "Run /init as init process\nhello from ring 3\nargv: init\n" in r.log
    assert re.findall(r"^run: (\S+)\[", r.log, re.M) == ["init"]
    r = qemu.boot("norun poweroff", initrd=[path]).expect_status(qemu.STATUS_OK)
    assert "initramfs: norun: /init not run as init process" in r.log
    assert "hello from ring 3" not in r.log
    r = qemu.boot("rdinit=nosuch poweroff", initrd=[path]).expect_status(qemu.STATUS_OK)
    assert "rdinit=nosuch: no such program in ramfs (the shell's run lists them)" in r.log
    assert "hello from ring 3" not in r.log


def test_archive_next_to_separate_modules(tmp_path):
    """Programs as modules of their own run at boot as before; the archive's
    wait; a name the archive shares with one of them is skipped, not replaced."""
    path = write_archive(tmp_path, [program("hello"), program("hello_raw")])
    r = qemu.boot("poweroff", initrd=[qemu.user_program("hello_raw", "a"), path,
                                      module("cache_module")]).expect_status(qemu.STATUS_OK)
    log = r.log
    assert "initramfs: hello_raw: a file of that name is in ramfs already (never replaced), skipped" in log
    assert re.findall(r"^run: (\S+)\[", log, re.M) == ["hello_raw"]
    assert "argv: a\n" in log
    assert "module cache_module: init done" in log
    assert len(re.findall(r"^Freeing initrd memory:", log, re.M)) == 1


def good_then(tmp_path, tail, name):
    """An archive file: hello_raw, then the bytes @tail (a bad entry)."""
    path = tmp_path / name
    path.write_bytes(mkinitramfs.entry("hello_raw", read(os.path.join(USER, "hello_raw")),
                                       0o100755, 721) + tail)
    return str(path)


BAD = {
    "truncated": (lambda: mkinitramfs.entry("hold", read(os.path.join(USER, "hold")), 0o100755, 722)[:5000],
                  r'entry 2 "hold" at offset 0x[0-9a-f]+: its data \(\d+ bytes\) runs past the end of the archive \(\d+ bytes left\)'),
    "odc": (lambda: b"070707" + b"0" * 200,
            r"entry 2 at offset 0x[0-9a-f]+: incorrect cpio method used: use -H newc option"),
    "badhex": (lambda: mkinitramfs.header("x", 5, 0o100644, 1).replace(b"00000005", b"0000005G", 1) + b"hello\0\0\0",
               r'entry 2 at offset 0x[0-9a-f]+: c_filesize is "0000005G", not 8 hexadecimal digits'),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_malformed_archive_refused_at_boot(tmp_path, kind):
    make, why = BAD[kind]
    path = good_then(tmp_path, make(), f"{kind}.cpio")
    r = qemu.boot("rdinit=hello_raw poweroff", initrd=[path]).expect_status(qemu.STATUS_OK)
    m = re.search(r"^Initramfs unpacking failed: (.*)$", r.log, re.M)
    assert m, r.log[-3000:]
    assert re.fullmatch(rf"\S+{kind}.cpio: {why}; the 1 file unpacked before it stays in ramfs",
                        m.group(1)), m.group(1)
    assert re.search(r"^Freeing initrd memory: \d+K$", r.log, re.M)
    # what came before the bad entry is there: it runs as init
    assert "Run /hello_raw as init process\nhello from ring 3\n" in r.log
    assert re.search(r"^run: hello_raw\[1\]: .*: nothing lost$", r.log, re.M)


def test_file_too_big_for_memory(tmp_path):
    """At 32 MB, a 20 MB file: refused before a page is taken; the kernel goes on."""
    big = bytes(20 << 20)
    path = write_archive(tmp_path, [program("hello_raw"), ("big", big, 0o100644)], "big.cpio")
    r = qemu.boot("poweroff", mem=32, initrd=[path]).expect_status(qemu.STATUS_OK)
    assert re.search(r'^Initramfs unpacking failed: \S+big.cpio: entry 2 "big" at offset 0x[0-9a-f]+: '
                     r"too big for memory: its 20480 kB are more than the \d+ kB free; "
                     r"the 1 file unpacked before it stays in ramfs$", r.log, re.M), r.log[-2000:]
    assert re.search(r"^Freeing initrd memory: \d+K$", r.log, re.M)


def test_crc_archive(tmp_path):
    path = write_archive(tmp_path, [program("hello_raw")], "crc.cpio", crc=True)
    r = qemu.boot("rdinit=hello_raw poweroff", initrd=[path]).expect_status(qemu.STATUS_OK)
    assert "hello from ring 3" in r.log


@pytest.mark.parametrize("mem", [160, 2048])
def test_ktest_initramfs(run_ktest, mem):
    r = run_ktest("initramfs", mem=mem)
    assert re.search(r"initramfs test: \d+ allocations, each made to fail in turn: nothing lost", r.log)


def test_grub_module_line_with_an_archive(tmp_path):
    """GRUB passes the archive as a module line (tools/mkiso.sh), as QEMU's -initrd."""
    path = write_archive(tmp_path, [program("hello_raw"), ("mem_module.ko", read(module("mem_module")), 0o100644)])
    iso = qemu.make_iso(str(tmp_path / "i.iso"), "rdinit=hello_raw poweroff", modules=[path])
    r = qemu.boot_iso(iso, timeout=120).expect_status(qemu.STATUS_OK)
    assert "Booted by: GRUB" in r.log
    assert "initramfs: initramfs.cpio: 2 files unpacked into ramfs" in r.log
    assert "module mem_module: init done" in r.log
    assert "Run /hello_raw as init process\nhello from ring 3\n" in r.log


def test_make_initramfs_and_make_run_with_it():
    """make initramfs U=... writes the archive of those programs; make run
    INITRAMFS=1 boots with it, its programs waiting for rdinit= or run."""
    rc = subprocess.run(["make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", "initramfs",
                         "U=hello_raw,hold mallocdemo"], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT)
    assert rc.returncode == 0, rc.stdout
    data = open(os.path.join(qemu.BUILD, "initramfs.cpio"), "rb").read()
    assert data == mkinitramfs.archive([program("hello_raw"), program("hold"), program("mallocdemo")])
    p = subprocess.run(["timeout", "60", "make", "-C", qemu.ROOT, f"O={qemu.BUILD}", "run",
                        "INITRAMFS=1", "U=hello_raw", "APPEND=rdinit=hello_raw poweroff"],
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    assert p.returncode == 0, out[-3000:]
    assert re.search(r"^mm386: booting \S+kernel.elf with 160 MB and \S+initramfs.cpio;", out, re.M)
    assert "initramfs:   /hello_raw: program" in out
    assert "Run /hello_raw as init process\nhello from ring 3" in out.replace("\r", "")
