"""The same kernel, with the same parameters, through GRUB (an ISO)."""
import qemu


def test_grub_iso_boots_and_runs_tests(tmp_path, run_ktest):
    iso = qemu.make_iso(str(tmp_path / "t.iso"), "ktest=boot,lib dump=layout")
    r = qemu.boot_iso(iso, timeout=120).expect_status(qemu.STATUS_OK)
    assert "Booted by: GRUB" in r.log
    # GRUB does not prefix the image path: the line is exactly ours.
    assert "Command line: ktest=boot,lib dump=layout\n" in r.log
    assert "ok 1 boot" in r.log and "ok 2 lib" in r.log
    assert "# Totals: pass:" in r.log and " fail:0 " in r.log
    # Same kernel, same layout as with -kernel.
    direct = qemu.boot("dump=layout poweroff").expect_status(qemu.STATUS_OK)
    assert r.lines("      .text :") == direct.lines("      .text :")


def test_make_iso_artefact_exists():
    import os
    # `make check` builds it before running pytest; `make iso` alone too.
    iso = os.path.join(qemu.BUILD, "mm386.iso")
    if not os.path.exists(iso):
        import subprocess
        subprocess.run(["make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", "iso"], check=True)
    with open(iso, "rb") as f:
        f.seek(0x8001)
        assert f.read(5) == b"CD001"      # an ISO 9660 volume descriptor


def test_grub_module_lines_run_programs(tmp_path):
    """Programs as GRUB module lines (tools/mkiso.sh): the string after the
    file name is the program's arguments, as with QEMU's -initrd."""
    import os
    import re
    user = os.path.join(qemu.BUILD, "user")
    iso = qemu.make_iso(str(tmp_path / "p.iso"), "poweroff",
                        modules=[os.path.join(user, "hello_raw") + " a b",
                                 os.path.join(user, "hello")])
    r = qemu.boot_iso(iso, timeout=120).expect_status(qemu.STATUS_OK)
    assert "Booted by: GRUB" in r.log
    assert "initramfs: hello_raw: program, " in r.log and ", arguments: a b\n" in r.log
    assert "hello from ring 3\nargv: hello_raw\nargv: a\nargv: b\n" in r.log
    assert "hello, world from hello (argc 1): malloc works" in r.log
    runs = re.findall(r"^run: (\w+)\[\d+\]: .*: (nothing lost|LEAKED)$", r.log, re.M)
    assert runs == [("hello_raw", "nothing lost"), ("hello", "nothing lost")]
