#!/usr/bin/env python3
"""Which files of mm/ call which: the layering of mm/, checked.

    tools/mm_deps.py [--nm NM] [--src mm] [OBJDIR]     (default: build/obj/mm)

Reads the compiled objects of mm/ with nm: the functions each file defines
(T) and the symbols it uses (U).  A file that uses a function another file
of mm/ defines depends on that file.  Prints one line per pair,

    slab_common.c -> slab.c: kmem_cache_alloc kmem_cache_free ...

then the files in layers, the bottom first (each layer calls only the
layers below it), and exits 1 if some files call each other round in a
cycle, naming them.  Data (mem_map, high_memory...) is not a dependency
here: everyone reads the page allocator's tables.  Calls made through a
pointer (a hook such as vmalloc_describe_hook) are not seen: that is what
a hook is for, letting a lower file ask a higher one without calling it.

tests/host/test_layers.py runs it on every build, so a cycle cannot come
back unnoticed (docs/hacking.md).
"""
import argparse
import collections
import glob
import os
import shutil
import subprocess
import sys


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_objects(objdir, nm, srcdir):
    """{file.c: (set of functions defined, set of symbols used)}, for the
    objects whose source is still in @srcdir (a build may keep stale ones)."""
    files = {}
    for obj in sorted(glob.glob(os.path.join(objdir, "*.o"))):
        if not os.path.exists(os.path.join(srcdir, os.path.basename(obj)[:-2] + ".c")):
            continue
        out = subprocess.run([nm, obj], check=True, capture_output=True, text=True).stdout
        defined, used = set(), set()
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "U":
                used.add(parts[1])
            elif len(parts) == 3 and parts[1] == "T":
                defined.add(parts[2])
        files[os.path.basename(obj)[:-2] + ".c"] = (defined, used)
    return files


def dependencies(files):
    """{caller file: {callee file: sorted [functions]}} between different files."""
    owner = {f: name for name, (defined, _) in files.items() for f in defined}
    deps = collections.defaultdict(dict)
    for name, (_, used) in files.items():
        for sym in used:
            callee = owner.get(sym)
            if callee and callee != name:
                deps[name].setdefault(callee, []).append(sym)
    return {a: {b: sorted(s) for b, s in d.items()} for a, d in deps.items()}


def cycles(deps):
    """The strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in deps.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(deps):
        if v not in index:
            visit(v)
    return sorted(found)


def layers(names, deps):
    """Files by layer, bottom first: a file's layer is one above the highest it calls."""
    level = {}

    def depth(v, seen=()):
        if v not in level:
            below = [depth(w, seen + (v,)) for w in deps.get(v, {}) if w not in seen]
            level[v] = 1 + max(below, default=-1)
        return level[v]

    for v in names:
        depth(v)
    out = collections.defaultdict(list)
    for v, n in level.items():
        out[n].append(v)
    return [sorted(out[n]) for n in sorted(out)]


def default_nm():
    for nm in ("i686-linux-gnu-nm", "llvm-nm", "nm"):
        if shutil.which(nm):
            return nm
    return "nm"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("objdir", nargs="?", default="build/obj/mm")
    ap.add_argument("--nm", default=default_nm())
    ap.add_argument("--src", default=os.path.join(ROOT, "mm"), help="the sources (default: mm/)")
    args = ap.parse_args(argv)
    files = read_objects(args.objdir, args.nm, args.src)
    if not files:
        print(f"mm_deps: no objects in {args.objdir} (build the kernel first)", file=sys.stderr)
        return 2
    deps = dependencies(files)
    for a in sorted(deps):
        for b in sorted(deps[a]):
            print(f"{a} -> {b}: {' '.join(deps[a][b])}")
    found = cycles(deps)
    if found:
        for c in found:
            print("cycle: " + " <-> ".join(c))
        return 1
    print("layers, the bottom first:")
    for n, files_at in enumerate(layers(sorted(files), deps)):
        print(f"  {n}: {' '.join(files_at)}")
    print("no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
