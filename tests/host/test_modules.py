"""Modules: out-of-tree builds (make M=dir), .ko files loaded at boot into
the vmalloc area (QEMU -initrd and GRUB module lines), their output and
addresses (seed 003's module at 160 MB), vmallocinfo and /proc/modules, a
symbolized oops in a module, unloading with rmmod=, the shell's insmod,
rmmod and lsmod.  The same with clang.  Bad .ko files, each refused in
one line with nothing leaked: test_modules_bad.py."""
import os
import re
import shutil
import struct
import subprocess

import pytest

import mmlog
import qemu
from shellrun import Shell
from test_demo import contract_lines
from test_shell import table

PAGE_OFFSET = 0xC0000000
EXAMPLES = ["mem_module", "cache_module", "kmap_module", "oops_module"]
TEST_MODULES = ["api_module", "bad_init_module", "unknown_sym_module"]
CLANG_BUILD = os.path.join(qemu.BUILD, "clang")

LOADED_RE = re.compile(r"^module (\w+): loaded at 0x([0-9a-f]{8})-0x([0-9a-f]{8}) "
                       r"\(([^)]*)\), init (\S+)$", re.M)
NOT_LOADED_RE = re.compile(r"^module: (\S+) not loaded \((-?\w+)\): free\+page-table pages (\d+) "
                           r"before, (\d+) after; vmalloc areas (\d+) before, (\d+) after: "
                           r"(nothing leaked|LEAKED)$", re.M)
VMALLOCINFO_RE = re.compile(r"^0x([0-9a-f]{8})-0x([0-9a-f]{8}) +(\d+) (\S+)(?: pages=(\d+))? (\w+)$")


def make(*args, clang=False):
    """make -C ROOT ARGS; the default build inherits make check's variables
    (CC...), as conftest's build of the kernel does; clang=True builds in
    build/clang with CC=clang whatever the caller said."""
    env = dict(os.environ)
    if clang:
        for var in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CC", "CROSS_COMPILE"):
            env.pop(var, None)
        args = (f"O={CLANG_BUILD}", "CC=clang") + args
    else:
        args = (f"O={qemu.BUILD}",) + args
    p = subprocess.run(["make", "-C", qemu.ROOT] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, env=env)
    out = p.stdout.decode(errors="replace")
    return p.returncode, out


def build_module(src_dir, clang=False):
    rc, out = make(f"M={src_dir}", clang=clang)
    assert rc == 0, out
    assert "warning:" not in out, out
    name = os.path.basename(os.path.abspath(src_dir)).replace("-", "_")
    path = os.path.join(CLANG_BUILD if clang else qemu.BUILD, "modules", name + ".ko")
    assert os.path.exists(path), out
    return path


def source_dir(name):
    top = "examples" if name in EXAMPLES else os.path.join("tests", "modules")
    return os.path.join(qemu.ROOT, top, name)


@pytest.fixture(scope="session")
def ko():
    """Every example and test module, built with make M=dir: {name: path}."""
    return {name: build_module(source_dir(name)) for name in EXAMPLES + TEST_MODULES}


def boot(initrd, params="", mem=160, status=qemu.STATUS_OK, kernel=None):
    r = qemu.boot(f"{params} poweroff".strip(), mem=mem, initrd=initrd, kernel=kernel, timeout=60)
    return r.expect_status(status)


def loaded(log):
    """{name: (start, end, region, init)} from the loader's first 'loaded at'
    line for each module."""
    out = {}
    for m in LOADED_RE.finditer(log):
        out.setdefault(m.group(1), (int(m.group(2), 16), int(m.group(3), 16), m.group(4), m.group(5)))
    return out


def vmallocinfo(log):
    out = []
    for line in mmlog.proc(log, "vmallocinfo"):
        m = VMALLOCINFO_RE.match(line)
        assert m, f"bad vmallocinfo line {line!r}"
        out.append((int(m.group(1), 16), int(m.group(2), 16), int(m.group(3)), m.group(4),
                    int(m.group(5) or 0), m.group(6)))
    return out


def proc_modules(log):
    out = []
    for line in mmlog.proc(log, "modules"):
        m = re.match(r"^(\w+) (\d+) (\d+) (\S+) (Live|Loading|Unloading) 0x([0-9a-f]{8})$", line)
        assert m, f"bad /proc/modules line {line!r}"
        out.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5),
                    int(m.group(6), 16)))
    return out


def vmalloc_window(log):
    lay = mmlog.layout(log)
    return lay["vmalloc"][0], lay["vmalloc"][1]


def kernel_exports(kernel):
    return {n[len("__ksymtab_"):] for n in qemu.symbols(kernel) if n.startswith("__ksymtab_")}


# ---------------------------------------------------------------------------
# Building


def elf_header(data):
    return struct.unpack_from("<16sHHIIIIIHHHHHH", data, 0)


def sections(data):
    """[(header offset, name, type, offset, size, link, info)] of an ELF32 file."""
    h = elf_header(data)
    shoff, shnum, shstrndx = h[6], h[12], h[13]
    hdrs = [struct.unpack_from("<IIIIIIIIII", data, shoff + 40 * i) for i in range(shnum)]
    strs = hdrs[shstrndx][4]
    out = []
    for i, s in enumerate(hdrs):
        name = data[strs + s[0]:data.index(b"\0", strs + s[0])].decode()
        out.append((shoff + 40 * i, name, s[1], s[4], s[5], s[6], s[7]))
    return out


def readelf(*args):
    return subprocess.run(["i686-linux-gnu-readelf"] + list(args), stdout=subprocess.PIPE,
                          check=True).stdout.decode()


def test_make_M_builds_relocatable_ko_files(ko):
    exports = kernel_exports(qemu.KERNEL)
    # kmalloc() and kmap() are inline (as in Linux 6.1): modules call
    # __kmalloc or kmalloc_trace, and kmap_high
    assert {"__kmalloc", "kmalloc_trace", "kmalloc_caches", "kfree", "vmalloc", "vfree",
            "__get_free_pages", "free_pages", "printk", "kmem_cache_create", "kmap_high",
            "__kmap_atomic_high", "mem_map", "high_memory", "max_low_pfn"} <= exports
    for name, path in ko.items():
        assert path == os.path.join(qemu.BUILD, "modules", name + ".ko")
        head = readelf("-h", path)
        assert re.search(r"Type:\s+REL \(Relocatable file\)", head)
        assert re.search(r"Machine:\s+Intel 80386", head)
        info = readelf("-p", ".modinfo", path)
        assert f"name={name}" in info and "license=GPL" in info
        syms = readelf("-sW", path)
        assert re.search(r"FUNC +GLOBAL +DEFAULT +\d+ init_module$", syms, re.M)
        undefined = set(re.findall(r"NOTYPE +GLOBAL +DEFAULT +UND (\S+)$", syms, re.M))
        missing = undefined - exports - {"__this_module"}     # THIS_MODULE: the loader's
        # Only the test module that is meant to fail calls what is not exported.
        assert missing == ({"no_such_function", "mm_init"} if name == "unknown_sym_module" else set())


def test_docs_list_every_export():
    """docs/modules.md's table of exports is the kernel's __ksymtab, and its
    count is right."""
    exports = kernel_exports(qemu.KERNEL)
    doc = open(os.path.join(qemu.ROOT, "docs", "modules.md")).read()
    count = re.search(r"mm386\nexports (\d+) symbols:\n\n(\| for .*?)\n\n", doc, re.S)
    assert count, "no 'exports N symbols:' table in docs/modules.md"
    listed = set(re.findall(r"`([A-Za-z_0-9]+)`", count.group(2)))
    assert listed == exports and int(count.group(1)) == len(exports), \
        (sorted(exports - listed), sorted(listed - exports))


def test_out_of_tree_module_of_two_files(tmp_path):
    """A directory outside the tree, two .c files linked with ld -r: a call
    from one to the other is resolved inside the module."""
    d = tmp_path / "two-files"
    d.mkdir()
    (d / "main.c").write_text(
        '#include <linux/module.h>\nMODULE_LICENSE("GPL");\nint two_files_helper(int x);\n'
        'static int __init two_init(void)\n{\n'
        '\tpr_info("two_files: helper(20) = %d\\n", two_files_helper(20));\n\treturn 0;\n}\n'
        'module_init(two_init);\n')
    (d / "helper.c").write_text('int two_files_helper(int x);\n'
                                'int two_files_helper(int x)\n{\n\treturn 2 * x + 2;\n}\n')
    path = build_module(str(d))
    assert path.endswith("/modules/two_files.ko")
    log = boot([path]).log
    assert "two_files: helper(20) = 42" in log
    assert "two_files" in loaded(log)


def test_same_module_name_from_another_directory(tmp_path):
    """build/modules/NAME is keyed by the directory's name only: building a
    module of the same name from elsewhere (the first directory gone, its
    files named differently) starts afresh instead of failing on stale
    dependency files or linking stale objects."""
    for top, src, value in [("a", "old.c", 1), ("b", "new.c", 2)]:
        d = tmp_path / top / "samename_module"
        d.mkdir(parents=True)
        (d / src).write_text(
            '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n'
            f'static int __init same_init(void)\n{{\n\tpr_info("samename: {value}\\n");\n'
            '\treturn 0;\n}\nmodule_init(same_init);\n')
        path = build_module(str(d))
        shutil.rmtree(d)
    assert not os.path.exists(os.path.join(qemu.BUILD, "modules", "samename_module", "old.o"))
    log = boot([path]).log
    assert "samename: 2" in log and "samename: 1" not in log


def test_make_M_with_no_sources_fails(tmp_path):
    rc, out = make(f"M={tmp_path}")
    assert rc != 0 and f"no .c files in {tmp_path}" in out


def test_make_run_M_loads_the_module():
    env = dict(os.environ)
    p = subprocess.run(["timeout", "120", "make", "-s", "-C", qemu.ROOT, f"O={qemu.BUILD}", "run",
                        "M=examples/mem_module", "APPEND=poweroff"], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    out = p.stdout.decode(errors="replace")
    assert p.returncode == 0, out
    assert "modules/mem_module.ko" in out and "module mem_module: loaded at 0x" in out
    assert re.search(r"^pagemem addr=0x[0-9a-f]{8} phys=0x[0-9a-f]{8}\r?$", out, re.M)


# ---------------------------------------------------------------------------
# Loading: seed 003's module, vmallocinfo, /proc/modules, GRUB


def check_seed003(log, mem):
    (paddr, pphys), (kaddr, kphys), vaddr = contract_lines(log)
    lowmem_end = mmlog.layout(log)["lowmem"][1]
    vstart, vend = vmalloc_window(log)
    # pagemem and kmallocmem: the direct map, phys + 3 GB (seed 003)
    for addr, phys in ((paddr, pphys), (kaddr, kphys)):
        assert PAGE_OFFSET <= addr < lowmem_end and phys == addr - PAGE_OFFSET
    # vmallocmem: beyond the 8 MB gap
    assert vstart <= vaddr < vend and vaddr >= lowmem_end + 8 * mmlog.MB
    if mem == 160:
        assert paddr < 0xca000000 and kaddr < 0xca000000        # 3G..3G+160M
        assert vaddr >= 0xca7e0000
    # ... and the module's own code is in vmalloc space too (seed 000)
    start, end, region, init = loaded(log)["mem_module"]
    assert vstart <= start < end <= vend and region == "vmalloc area"
    assert init in ("mem_module_init", "init_module")
    code = int(re.search(r"^mem_module: my own code, mem_module_init, is at 0x([0-9a-f]{8})$",
                         log, re.M).group(1), 16)
    assert vstart <= code < vend
    sections = re.search(r"^module mem_module: sections (.*)$", log, re.M).group(1)
    for addr in re.findall(r"=0x([0-9a-f]{8})", sections):
        assert vstart <= int(addr, 16) < vend
    # printk took "<1>" as the level: no line starts with it
    assert not re.search(r"^<\d>", log, re.M)
    return start, end, code, vaddr


@pytest.mark.parametrize("mem", [160, 2048])
def test_seed003_module_addresses_and_areas(ko, mem):
    log = boot([ko["mem_module"]], "dump=vmallocinfo,modules", mem=mem).log
    start, end, code, vaddr = check_seed003(log, mem)
    areas = vmallocinfo(log)
    # the module's core: its size, the guard page, the loader as caller
    core = [a for a in areas if a[0] == start]
    assert len(core) == 1
    assert core[0][1] == end + 4096 and core[0][2] == end - start + 4096
    assert core[0][3].startswith("load_module+0x") and core[0][5] == "vmalloc"
    assert core[0][4] == (end - start) // 4096
    # vmallocmem's area: 100000 bytes -> 25 pages
    assert [a[4] for a in areas if a[0] == vaddr] == [25]
    # the init sections were freed once init returned: no area holds its code
    assert not [a for a in areas if a[0] <= code < a[1]]
    assert "module mem_module: init done; freeing its init sections at" in log
    assert proc_modules(log) == [("mem_module", end - start, 0, "-", "Live", start)]


def test_grub_iso_loads_modules(ko, tmp_path):
    iso = qemu.make_iso(str(tmp_path / "m.iso"), "dump=modules poweroff",
                        modules=[ko["mem_module"], ko["cache_module"]])
    r = qemu.boot_iso(iso, timeout=120).expect_status(qemu.STATUS_OK)
    assert "Booted by: GRUB" in r.log
    assert re.search(r"^module: loading mem_module\.ko \(\d+ bytes at phys 0x[0-9a-f]{8}\)$", r.log, re.M)
    assert re.search(r"^module: loading cache_module\.ko \(", r.log, re.M)
    check_seed003(r.log, 160)
    mods = proc_modules(r.log)
    assert [m[0] for m in mods] == ["mem_module", "cache_module"]
    vstart, vend = vmalloc_window(r.log)
    assert all(vstart <= m[5] < vend and m[4] == "Live" for m in mods)


def test_cache_and_kmap_modules(ko):
    log = boot([ko["cache_module"], ko["kmap_module"]], "highmem=64M rmmod=cache_module,kmap_module").log
    items = {int(i): (int(a, 16), int(p, 16), int(f, 16)) for i, a, p, f in re.findall(
        r"^cache_module: allocated item (\d) addr=0x([0-9a-f]{8}) phys=0x([0-9a-f]{8}) pfn=0x([0-9a-f]+) "
        r"magic=0x5eed0003$", log, re.M)}
    assert sorted(items) == [0, 1, 2, 3]
    lowmem_end = mmlog.layout(log)["lowmem"][1]
    assert all(PAGE_OFFSET <= a < lowmem_end and p == a - PAGE_OFFSET for a, p, f in items.values())
    assert len({f for a, p, f in items.values()}) == 1          # one slab page
    back = re.search(r"^cache_module: got back item 1 addr=0x([0-9a-f]{8}) ", log, re.M)
    assert back and int(back.group(1), 16) == items[1][0]          # LIFO reuse
    ctor = int(re.search(r"constructor ran (\d+) times", log).group(1))
    assert ctor >= 4
    # kmap: a HighMem page in the pkmap window, then in a fixmap slot
    assert re.search(r"^kmap_module: alloc_page\(GFP_HIGHUSER\) = pfn 0x[0-9a-f]+, a HighMem page$", log, re.M)
    lay = mmlog.layout(log)
    kmap = int(re.search(r"^kmap_module: kmap\(pfn 0x[0-9a-f]+\) = 0x([0-9a-f]{8})$", log, re.M).group(1), 16)
    assert lay["pkmap"][0] <= kmap < lay["pkmap"][1]
    atomic = re.search(r"^kmap_module: kmap_atomic\(pfn 0x[0-9a-f]+\) = 0x([0-9a-f]{8}) reads "
                       r"\"written through kmap\(\)\"$", log, re.M)
    assert atomic and lay["fixmap"][0] <= int(atomic.group(1), 16) < lay["fixmap"][1]
    assert "cache_module: freed 4 items and destroyed the cache" in log
    assert "kmap_module: freed the page" in log
    assert re.search(r"^module: all boot modules gone after rmmod=: .*: nothing leaked$", log, re.M)


def test_api_module_compiles_unchanged_and_runs(ko):
    log = boot([ko["api_module"]]).log
    results = re.findall(r"^api_module: (.*) (ok|FAILED)$", log, re.M)
    assert len(results) == 7 and all(r[1] == "ok" for r in results), results
    assert "api_module: 0 failures" in log
    assert "api_module: THIS_MODULE is api_module" in log


def test_printk_old_style_level_is_the_level(ko):
    """printk("<1>...") is KERN_ALERT (Linux 2.6's meaning): with loglevel=2
    it is printed, without its "<1>", and a KERN_INFO message is not."""
    log = boot([ko["api_module"]], "loglevel=2").log
    assert "api_module: an old-style <1> message" in log
    assert "<1>api_module" not in log
    assert "api_module: a KERN_INFO message" not in log


def check_code_line(log, path, func):
    """The oops's Code: line shows the module's own bytes (read from the
    vmalloc area): from the faulting one, <xx>, to the end of @func, they
    are those of the .ko file."""
    off, size = (int(x, 16) for x in re.search(
        rf"^EIP: {func}\+0x([0-9a-f]+)/0x([0-9a-f]+) \[", log, re.M).groups())
    code = re.search(r"^Code: ((?:[0-9a-f]{2} ){21})<([0-9a-f]{2})>((?: [0-9a-f]{2}){10})",
                     log, re.M)
    assert code, "no Code: line with the bytes around EIP"
    shown = bytes.fromhex(code.group(2) + code.group(3).replace(" ", ""))
    data = open(path, "rb").read()
    sym = re.search(rf"^ +\d+: ([0-9a-f]{{8}}) +{size} FUNC +\w+ +\w+ +(\d+) {func}$",
                    readelf("-sW", path), re.M)
    value, shndx = int(sym.group(1), 16), int(sym.group(2))
    text_off = sections(data)[shndx][3]
    want = data[text_off + value + off:text_off + value + size]
    assert shown[:len(want)] == want[:len(shown)]


def check_module_oops(log, path):
    """oops_module's oops: EIP and the call trace name the module's
    functions with [oops_module], and the Code: line shows its bytes."""
    assert re.search(r"^EIP: oops_module_write\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops_module\]$", log, re.M)
    trace = log[log.index("Call Trace:"):].splitlines()
    # clang keeps only module_init's alias for a static init function
    assert re.fullmatch(r" (oops_module_init|init_module)\+0x[0-9a-f]+/0x[0-9a-f]+ \[oops_module\]",
                        trace[1])
    assert re.fullmatch(r" do_one_initcall\+0x[0-9a-f]+/0x[0-9a-f]+", trace[2])
    assert re.fullmatch(r" do_init_module\+0x[0-9a-f]+/0x[0-9a-f]+", trace[3])
    assert re.fullmatch(r" load_module\+0x[0-9a-f]+/0x[0-9a-f]+", trace[4])
    check_code_line(log, path, "oops_module_write")


def test_oops_in_a_module_is_symbolized(ko):
    log = boot([ko["oops_module"]], status=qemu.STATUS_OOPS).log
    assert "BUG: kernel NULL pointer dereference, address: 0x00000000" in log
    check_module_oops(log, ko["oops_module"])
    assert re.search(r"^Modules linked in: oops_module\(\+\)$", log, re.M)
    assert "Kernel panic - not syncing: Fatal exception" in log
    start, end, region, init = loaded(log)["oops_module"]
    vstart, vend = vmalloc_window(log)
    assert vstart <= start < vend and region == "vmalloc area"


def test_ktest_module_suite(ko, run_ktest):
    """The loader's API as the shell uses it (tests/kernel/module_test.c):
    reload cycles and corrupted copies with buddy snapshots, read-only
    text, kallsyms, the loader as vmalloc caller."""
    r = run_ktest("module", initrd=[ko["mem_module"]])
    cases = {c.name: c for s in r.ktap.suites for c in s.cases}
    assert len(cases) == 5 and all(c.ok and not c.skip for c in cases.values()), cases
    # init ran at boot, in 3 load/unload rounds, and in the 2 loads that put it back
    assert len(re.findall(r"^pagemem addr=", r.log, re.M)) == 6
    assert "module mem_module: unsupported relocation type 10 (R_386_GOTPC)" in r.log
    start, end = loaded(r.log)["mem_module"][:2]
    table = r.log.split("Module                  Size  Used by  Address\n", 1)[1].splitlines()
    assert table[0] == f"mem_module          {end - start:8d}  0        0x{start:08x}-0x{end:08x}"


def test_ktest_module_suite_skips_without_the_module(run_ktest):
    r = run_ktest("module")
    cases = [c for s in r.ktap.suites for c in s.cases]
    assert cases and all(c.skip and "no boot module mem_module.ko" in c.directive for c in cases)


# ---------------------------------------------------------------------------
# Unloading, and nothing leaked


def free_and_tables(log):
    mi = mmlog.meminfo(log)
    return mi["MemFree"] + mmlog.kernel_pagetables(log), mi["Slab"], mi["VmallocUsed"]


def same_as_blacklisted(initrd, name, log):
    """The memory counts of @log equal those of a boot with the same files
    in which @name is never loaded (module_blacklist=), page tables that the
    vmalloc area keeps counted as free."""
    other = boot(initrd, f"module_blacklist={name} dump=meminfo,layout").log
    assert f"Module {name} is blacklisted" in other
    assert free_and_tables(log) == free_and_tables(other)


def test_rmmod_runs_exit_and_frees_everything(ko):
    initrd = [ko["mem_module"]]
    log = boot(initrd, "rmmod=mem_module dump=vmallocinfo,modules,meminfo,layout").log
    check_seed003(log, 160)
    exit_line = log.index("mem_module: freed pagemem, kmallocmem and vmallocmem")
    unloaded = re.search(r"^module mem_module: unloaded: exit mem_module_exit ran; freeing "
                         r"0x([0-9a-f]{8})-0x([0-9a-f]{8})$", log, re.M)
    assert unloaded and exit_line < unloaded.start()
    assert (int(unloaded.group(1), 16), int(unloaded.group(2), 16)) == loaded(log)["mem_module"][:2]
    assert re.search(r"^module: all boot modules gone after rmmod=: free\+page-table pages (\d+) "
                     r"before, \1 after; vmalloc areas 0 before, 0 after: nothing leaked$", log, re.M)
    assert vmallocinfo(log) == [] and proc_modules(log) == []
    assert mmlog.meminfo(log)["VmallocUsed"] == 0
    same_as_blacklisted(initrd, "mem_module", log)


def no_exit_module(tmp_path):
    """A module with module_init() and no module_exit(): it cannot be unloaded."""
    d = tmp_path / "no_exit_module"
    d.mkdir()
    (d / "no_exit_module.c").write_text(
        '#include <linux/module.h>\nMODULE_LICENSE("GPL");\n'
        'static int __init no_exit_init(void)\n{\n\treturn 0;\n}\nmodule_init(no_exit_init);\n')
    return build_module(str(d))


def test_rmmod_of_unknown_or_unremovable_module(ko, tmp_path):
    log = boot([no_exit_module(tmp_path)], "rmmod=nonesuch,no_exit_module dump=modules").log
    start, end, region, init = loaded(log)["no_exit_module"]     # nothing but .init.text
    assert region == "vmalloc area, init sections only" and end - start == 4096
    assert "rmmod: module nonesuch is not loaded" in log
    assert "rmmod: module no_exit_module has no exit function (no module_exit()): it cannot be unloaded" in log
    assert [m[0] for m in proc_modules(log)] == ["no_exit_module"]


def shell_counts(sh):
    """What the shell's tables say a module may leak: free+page-table kB,
    VmallocUsed, and each zone's free blocks, once the slab caches have
    given back the empty slabs they keep for reuse."""
    assert "pages given back to the buddy allocator" in sh.run("kmem_cache_shrink")
    mi = mmlog.meminfo(sh.run("meminfo"))
    return mi["MemFree"] + mmlog.kernel_pagetables(sh.run("layout")), mi["VmallocUsed"], \
        mmlog.buddyinfo(sh.run("buddyinfo"))


def test_shell_insmod_rmmod_lsmod(ko, tmp_path):
    """The shell loads and unloads boot modules again and again: each
    insmod puts the module's code into the vmalloc area, each rmmod gives
    back everything (the tables return to the same values every round),
    and every refusal says why and changes nothing."""
    files = [ko["mem_module"], ko["bad_init_module"], no_exit_module(tmp_path)]
    sh = Shell(initrd=files)
    try:
        listing = sh.run("insmod")
        for f, state in zip(files, ["loaded", "not loaded", "loaded"]):
            assert re.search(rf"^  {re.escape(f)}: {os.path.getsize(f)} bytes at phys "
                             rf"0x[0-9a-f]{{8}}, {state}$", listing, re.M), listing
        first = loaded(sh.boot)["mem_module"]
        assert sh.run("rmmod mem_module").endswith("rmmod: mem_module: done\n")
        assert "mem_module" not in sh.run("lsmod")
        after_rmmod = shell_counts(sh)
        for _ in range(2):
            out = sh.run("insmod mem_module.ko")
            assert out.endswith("insmod: mem_module.ko: done\n"), out
            start, end, region, init = loaded(out)["mem_module"]
            assert (start, end, region) == first[:3]   # the same free range, first fit
            assert re.search(rf"^mem_module +{end - start} +0 +0x{start:08x}-0x{end:08x}$",
                             sh.run("lsmod"), re.M)
            areas = [VMALLOCINFO_RE.match(l).groups() for l in table(sh, "vmallocinfo")]
            assert (f"{start:08x}", f"{end + 4096:08x}") in \
                [a[:2] for a in areas if a[3].startswith("load_module+0x")]    # + guard page
            out = sh.run("rmmod mem_module")
            assert "mem_module: freed pagemem, kmallocmem and vmallocmem" in out
            assert out.endswith("rmmod: mem_module: done\n"), out
            assert shell_counts(sh) == after_rmmod
        assert table(sh, "vmallocinfo") == []

        # Refusals: each says why, and the tables stay as they were.
        sh.run("insmod mem_module")
        before = shell_counts(sh)
        for line, error in [
                ("insmod mem_module", "insmod: mem_module: failed (-EEXIST)"),
                ("insmod bad_init_module", "insmod: bad_init_module: failed (-EINVAL)"),
                ("insmod nosuch", "insmod: nosuch: failed (-ENOENT)"),
                ("rmmod nosuch", "rmmod: nosuch: failed (-ENOENT)"),
                ("rmmod no_exit_module", "rmmod: no_exit_module: failed (-EBUSY)")]:
            out = sh.run(line)
            assert f"{error}; nothing was changed\n" in out, out
            assert "usage:" not in out, out
        # clang keeps only module_init's alias for a static init function
        assert re.search(r"^module bad_init_module: init (bad_init_init|init_module) returned "
                         r"-EINVAL;", sh.transcript, re.M)
        assert shell_counts(sh) == before
        assert [l.split()[0] for l in table(sh, "modules")] == ["no_exit_module", "mem_module"]
        assert sh.poweroff() == qemu.STATUS_OK
    finally:
        sh.close()
    assert not re.search(r"BUG:|Oops|Kernel panic", sh.transcript), sh.transcript[-3000:]


# ---------------------------------------------------------------------------
# clang


@pytest.fixture(scope="module")
def clang_ko():
    rc, out = make("all", clang=True)
    assert rc == 0, out
    return {name: build_module(source_dir(name), clang=True)
            for name in ["mem_module", "cache_module", "kmap_module", "oops_module", "api_module"]}


def test_clang_modules_load_run_and_unload(clang_ko):
    kernel = os.path.join(CLANG_BUILD, "kernel.elf")
    names = ["mem_module", "cache_module", "kmap_module", "api_module"]
    log = boot([clang_ko[n] for n in names], f"rmmod={','.join(names)} dump=vmallocinfo",
               kernel=kernel).log
    check_seed003(log, 160)
    assert sorted(loaded(log)) == sorted(names)
    assert "api_module: 0 failures" in log and "FAILED" not in log
    assert "kmap_module: alloc_page(GFP_HIGHUSER) = pfn" in log
    assert re.search(r"^module: all boot modules gone after rmmod=: .*: nothing leaked$", log, re.M)
    assert vmallocinfo(log) == []
    # a clang-built module in the gcc-built kernel: the same ABI
    log = boot([clang_ko["mem_module"]]).log
    check_seed003(log, 160)


def test_clang_oops_module_is_symbolized(clang_ko):
    kernel = os.path.join(CLANG_BUILD, "kernel.elf")
    log = boot([clang_ko["oops_module"]], kernel=kernel, status=qemu.STATUS_OOPS).log
    check_module_oops(log, clang_ko["oops_module"])
