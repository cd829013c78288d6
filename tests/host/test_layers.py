"""The layering of mm/ (tools/mm_deps.py, docs/hacking.md): no file of mm/
calls a function of a file that calls it back, directly or round a cycle,
so each file depends downward only.  The script reads the objects of the
build with nm; a cycle makes it exit 1 and name the files."""
import importlib.util
import os
import subprocess
import sys

import qemu

SCRIPT = os.path.join(qemu.ROOT, "tools", "mm_deps.py")


def load_script():
    spec = importlib.util.spec_from_file_location("mm_deps", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_mm_has_no_cycle():
    r = subprocess.run([sys.executable, SCRIPT, os.path.join(qemu.BUILD, "obj", "mm")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.rstrip().endswith("no cycle")
    # It saw the real calls: the kmalloc family on the caches, vmalloc on its areas.
    assert "\nslab_common.c -> slab.c: " in r.stdout
    assert "\nvmalloc.c -> vmap_area.c: " in r.stdout
    assert "\nmemblock.c -> mm_init.c: free_memblock_range memmap_init_range\n" in r.stdout


def test_a_cycle_is_found_and_named():
    m = load_script()
    deps = {"a.c": {"b.c": ["f"]}, "b.c": {"c.c": ["g"]}, "c.c": {"a.c": ["h"]},
            "d.c": {"a.c": ["i"]}}
    assert m.cycles(deps) == [["a.c", "b.c", "c.c"]]
    del deps["c.c"]
    assert m.cycles(deps) == []
    assert m.layers(["a.c", "b.c", "c.c", "d.c"], deps) == [["c.c"], ["b.c"], ["a.c"], ["d.c"]]


def test_every_source_file_is_on_the_map():
    """docs/hacking.md's map of the tree names every source file of the
    kernel, in the row of its directory: `kernel/setup.c`, `gdt.c` names
    kernel/gdt.c; `kernel/module/` ... `main.c` names kernel/module/main.c;
    `sched/core.c` in a kernel/ row names kernel/sched/core.c."""
    import re
    with open(os.path.join(qemu.ROOT, "docs", "hacking.md")) as f:
        lines = f.read().splitlines()
    rows = []
    for line in lines:
        m = re.match(r"^\| `([^`]+)`", line)
        if m:
            first = m.group(1)
            rows.append((first if first.endswith("/") else first.rsplit("/", 1)[0] + "/",
                         "|".join(line.split("|")[1:3])))
    files = subprocess.run(["git", "-C", qemu.ROOT, "ls-files", "boot", "kernel", "mm", "fs",
                            "drivers", "lib", "shell"], stdout=subprocess.PIPE, text=True,
                           check=True).stdout.split()
    missing = [f for f in files if re.search(r"\.(c|h|asm)$", f) and not any(
        f"`{f}`" in cell or (f.startswith(d) and f"`{f[len(d):]}`" in cell)
        for d, cell in rows)]
    assert not missing, f"docs/hacking.md's map does not name: {', '.join(missing)}"
