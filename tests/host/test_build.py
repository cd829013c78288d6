"""The build itself: clang, an OSDev-style i686-elf- toolchain, no
warnings, and compile_commands.json for clangd."""
import json
import os
import shlex
import shutil
import subprocess
import sys

import ktap
import qemu

sys.path.insert(0, os.path.join(qemu.ROOT, "tools"))
from srctree import copy_tree, own_make_env  # noqa: E402


def make(*args, env=None):
    # Do not inherit `make CC=clang check`'s variables: each test picks its own.
    p = subprocess.run(["make", "-C", qemu.ROOT] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=own_make_env(env))
    out = p.stdout.decode(errors="replace")
    assert p.returncode == 0, out
    return out


def boot_ktest(kernel):
    r = qemu.boot("ktest=all", kernel=kernel, timeout=300)
    ktap.check(r.log)
    r.expect_status(qemu.STATUS_OK)


def test_clang_build_boots_and_passes():
    out_dir = os.path.join(qemu.BUILD, "clang")
    out = make(f"O={out_dir}", "CC=clang", "WERROR=1")
    assert "warning:" not in out
    boot_ktest(os.path.join(out_dir, "kernel.elf"))


def test_osdev_cross_prefix(tmp_path):
    """CROSS_COMPILE=i686-elf- as on an OSDev toolchain (here: symlinks)."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("gcc", "ld", "nm"):
        os.symlink(f"/usr/bin/i686-linux-gnu-{tool}", bindir / f"i686-elf-{tool}")
    env = dict(os.environ, PATH=f"{bindir}:{os.environ['PATH']}")
    out_dir = os.path.join(qemu.BUILD, "i686-elf")
    out = make(f"O={out_dir}", "CROSS_COMPILE=i686-elf-", env=env)
    assert "warning:" not in out
    with open(os.path.join(out_dir, ".config")) as f:
        assert "i686-elf-gcc" in f.read()
    r = qemu.boot("poweroff", kernel=os.path.join(out_dir, "kernel.elf"))
    r.expect_status(qemu.STATUS_OK)


def test_gcc_build_is_warning_free():
    out_dir = os.path.join(qemu.BUILD, "gcc-werror")
    out = make(f"O={out_dir}", "WERROR=1")
    assert "warning:" not in out


def test_deleted_source_file_leaves_the_kernel_and_the_module(tmp_path):
    """Deleting a source file leaves no newer file behind, yet the next
    make must link without its object and drop it from
    compile_commands.json; a make with nothing changed links nothing.  The
    same for a module's files (make M=)."""
    src, out = tmp_path / "src", tmp_path / "out"
    copy_tree(src)
    extra = src / "lib" / "zz_leftover.c"
    extra.write_text("int zz_leftover(void);\nint zz_leftover(void) { return 42; }\n")
    mod = tmp_path / "two_files"
    mod.mkdir()
    (mod / "two_files.c").write_text(
        '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n'
        "static int __init two_files_init(void) { return 0; }\n"
        "module_init(two_files_init);\n")
    (mod / "helper.c").write_text("int two_files_helper(void);\n"
                                  "int two_files_helper(void) { return 1; }\n")
    kernel, ko = out / "kernel.elf", out / "modules" / "two_files.ko"
    db = out / "compile_commands.json"

    def build():
        a = make("-C", str(src), f"O={out}", str(kernel), str(db))
        b = make("-C", str(src), f"O={out}", f"M={mod}")
        return a + b

    build()
    assert "lib/zz_leftover.c" in db.read_text()
    assert "zz_leftover" in qemu.symbols(kernel)
    assert "two_files_helper" in qemu.symbols(ko)
    extra.unlink()
    (mod / "helper.c").unlink()
    log = build()
    assert "LD      " in log and "LD [M]  " in log, log
    assert "zz_leftover" not in qemu.symbols(kernel)
    assert "lib/zz_leftover.c" not in db.read_text()
    assert "two_files_helper" not in qemu.symbols(ko)
    assert "LD" not in build()


def test_module_bytes_do_not_depend_on_how_m_is_spelled(tmp_path):
    """M=examples/mem_module and M=/the/tree/examples/mem_module/ build the
    same .ko: the debug information names the source the same way, so a
    transcript's module size does not depend on which spelling (the docs' or
    a test's) built it last."""
    kos = []
    for m in ["examples/mem_module", os.path.join(qemu.ROOT, "examples", "mem_module") + "/"]:
        shutil.rmtree(tmp_path / "modules", ignore_errors=True)
        make(f"O={tmp_path}", f"M={m}")
        kos.append((tmp_path / "modules" / "mem_module.ko").read_bytes())
    assert kos[0] == kos[1]


def test_compile_commands_json():
    with open(os.path.join(qemu.BUILD, "compile_commands.json")) as f:
        db = json.load(f)
    files = {e["file"] for e in db}
    assert "kernel/main.c" in files and "mm/maccess.c" in files
    entry = next(e for e in db if e["file"] == "kernel/main.c")
    assert "-ffreestanding" in entry["command"] and "-Iinclude" in entry["command"]
    assert entry["directory"] == qemu.ROOT


def test_compile_commands_json_follows_the_compiler(tmp_path):
    """make CC=clang in a build directory that gcc built: clangd must get
    clang's command lines, though no source file changed."""
    def commands(*cc):
        make(f"O={tmp_path}", f"{tmp_path}/compile_commands.json", *cc)
        with open(tmp_path / "compile_commands.json") as f:
            return {e["command"].split()[0] for e in json.load(f)}
    assert commands() == {"i686-linux-gnu-gcc"}
    assert commands("CC=clang") == {"clang"}


def test_compile_commands_json_has_the_modules_in_the_tree(tmp_path):
    """clangd knows the example and test modules too: their entries carry
    -DMODULE and KBUILD_MODNAME, and the command compiles the file."""
    with open(os.path.join(qemu.BUILD, "compile_commands.json")) as f:
        db = {e["file"]: e for e in json.load(f)}
    for name in ["examples/mem_module/mem_module.c", "tests/modules/api_module/api_module.c"]:
        entry = db[name]
        modname = os.path.basename(os.path.dirname(name))
        args = shlex.split(entry["command"])
        assert "-DMODULE" in args and f'-DKBUILD_MODNAME="{modname}"' in args
        assert args[args.index("-o") + 1].endswith(f"/modules/{modname}/{modname}.o")
        args[args.index("-o") + 1] = str(tmp_path / "out.o")
        subprocess.run(args, cwd=entry["directory"], check=True)
        assert "init_module" in qemu.symbols(tmp_path / "out.o")


def test_entry_point_is_virtual_and_loads_at_1mb():
    out = subprocess.run(["i686-linux-gnu-readelf", "-lh", qemu.KERNEL],
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    entry = int(out.split("Entry point address:")[1].split()[0], 16)
    assert entry >= 0xc0100000
    loads = [l.split() for l in out.splitlines() if l.strip().startswith("LOAD")]
    assert loads and int(loads[0][2], 16) == 0xc0100000 and int(loads[0][3], 16) == 0x100000


def test_user_programs_do_not_name_the_tree():
    # The docs show the programs' sizes: they must be the same in any clone,
    # so no section of a program may hold the directory it was built in.
    for name in ("mallocdemo", "hello_raw"):
        prog = os.path.join(qemu.BUILD, "user", name)
        with open(prog, "rb") as f:
            data = f.read()
        assert qemu.ROOT.encode() not in data, f"{prog} contains {qemu.ROOT}"


def test_missing_tools_are_installed_with_apt(tmp_path):
    """tools/ensure-deps.sh names what is missing, installs its Debian
    packages with apt-get, and fails clearly if they did not help.  Here
    PATH holds only a fake apt-get (which records its arguments) and id."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    record = tmp_path / "apt.log"
    (bindir / "apt-get").write_text(f"#!/bin/sh\necho \"$@\" >> {record}\n")
    (bindir / "id").write_text("#!/bin/sh\necho 0\n")
    for f in bindir.iterdir():
        f.chmod(0o755)
    env = {"PATH": str(bindir)}
    p = subprocess.run(["/bin/sh", os.path.join(qemu.ROOT, "tools", "ensure-deps.sh"),
                        "nasm", "qemu-system-i386", "xorriso"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    out = p.stdout.decode()
    assert "mm386: missing: nasm qemu-system-i386 xorriso" in out
    assert "mm386: installing Debian packages: nasm qemu-system-x86 xorriso" in out
    calls = record.read_text()
    assert "update" in calls and "install -y -qq --no-install-recommends nasm qemu-system-x86 xorriso" in calls
    assert p.returncode == 1 and "still missing after installing" in out   # the fake installs nothing


def test_nothing_missing_means_nothing_installed():
    p = subprocess.run([os.path.join(qemu.ROOT, "tools", "ensure-deps.sh"), "nasm", "gdb"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert p.returncode == 0 and p.stdout == b""
