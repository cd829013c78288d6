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
