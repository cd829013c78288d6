#!/usr/bin/env python3
"""tools/check_cost.py - what each of the slab's misuse checks costs, measured.

mm386's kmalloc() and kfree() keep checks on that Linux 6.1 builds in only
for debugging (CONFIG_DEBUG_ATOMIC_SLEEP, slub_debug), besides the ones
Debian's Linux has too (CONFIG_SLAB_FREELIST_HARDENED).  This tool puts a
number on each: it copies the tree, takes one check out at a time (CHECKS
below, each a small source edit), then all of them, builds each kernel with
each compiler, and runs the deterministic benchmarks (-icount, as
tools/bench.py does):

  kmalloc(100)+kfree            -m 2048, bench=kmalloc_100
  test_vmalloc fix_size         -m 160, bench=test_vmalloc_fix_size
                                init_on_alloc=1 (two kmalloc'd objects
                                per vmalloc+vfree)

The kernels it builds are experiments: main never runs without the checks.
docs/performance.md shows the table this prints.

usage: tools/check_cost.py [--cc gcc,clang] [--only NAME,...] [--json FILE]
                          [--update-docs]   (make docs: the table in
                          docs/performance.md, and docs/check_cost.json)
       tools/check_cost.py --show NAME      (the edit, as a diff)
       tools/check_cost.py --verify         (each edit still applies)
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (tools/bench.py: boot(), LINE, write_json())
from srctree import ROOT, copy_tree, own_make_env  # noqa: E402

COMPILERS = {"gcc": "i686-linux-gnu-gcc", "clang": "clang"}
BENCHES = [("kmalloc(100)+kfree", 2048, "bench=kmalloc_100", "kmalloc_100"),
           ("fix_size zeroed", 160, "bench=test_vmalloc_fix_size init_on_alloc=1",
            "test_vmalloc_fix_size")]

DOC = os.path.join(ROOT, "docs", "performance.md")
JSON = os.path.join(ROOT, "docs", "check_cost.json")
MARK = re.compile(r"(<!-- check_cost table -->\n)(.*?)(<!-- /check_cost table -->)", re.S)

# (name, what the check catches, [(file, text as it is, text without the check)])
CHECKS = [
    ("might_sleep", "a sleeping allocation with interrupts off or in atomic context", [
        ("mm/slab.h",
         "\tmight_sleep_flags_if(gfpflags_allow_blocking(gfp), flags);\n", ""),
    ]),
    ("failslab", "the fault-injection hook (failslab=, mm/failslab.c)", [
        ("mm/slab.h",
         "\tif (should_failslab(s, gfp)) {\t\t/* mm/failslab.c */\n"
         "\t\tlocal_irq_restore(flags);\n\t\treturn NULL;\n\t}\n", ""),
    ]),
    ("hardened", "a corrupted free pointer (encoded free pointer, decoded one range-checked)", [
        ("mm/slab.h",
         "return (void *)((unsigned long)ptr ^ s->random ^ swab((unsigned long)slot));",
         "return (void *)ptr;"),
        ("mm/slab.h",
         "return next && (unsigned long)((const char *)next - (const char *)page->s_mem)"
         " >= s->objs_size;",
         "return false;"),
    ]),
    ("free_marker", "a double free (the marker word a free object carries)", [
        ("mm/slab.h",
         "\tfp[1] = (void *)(FREE_MARKER ^ (unsigned long)obj);\n\tpage->freelist",
         "\tpage->freelist"),
        ("mm/slab.h", "\tfp[1] = NULL;\t\t\t\t/* the free marker */\n", ""),
        ("mm/slab.h",
         "\t\t fp[1] == (void *)(FREE_MARKER ^ (unsigned long)obj) ||"
         "\t/* free marker */\n", ""),
    ]),
    ("interior", "kfree() of a pointer into the middle of an object (one div)", [
        ("mm/slab.h",
         "\tunsigned long off = (const char *)obj - (const char *)slab_first_object(page);\n\n"
         "\treturn !(off % s->size || off / s->size >= s->num ||\t/* one div gives both */\n"
         "\t\t ", "\treturn !("),
    ]),
    ("kfree_address",
     "kfree() of an address outside lowmem (Linux tests NULL and ZERO_SIZE_PTR only)", [
        ("mm/slab.c",
         "\tif (unlikely(!virt_addr_valid(obj))) {\t/* NULL and ZERO_SIZE_PTR too */\n"
         "\t\tif (!ZERO_OR_NULL_PTR(obj))\n"
         "\t\t\tnot_slab_object(NULL, \"kfree\", obj, _RET_IP_);\n"
         "\t\treturn;\n\t}\n",
         "\tif (unlikely(ZERO_OR_NULL_PTR(obj)))\n\t\treturn;\n"),
        ("mm/slab.c",
         "\tif (!SLAB_FREE_FAST_PATH || unlikely(!virt_addr_valid(obj)))\n"
         "\t\treturn kfree_careful(obj);\n",
         "\tif (!SLAB_FREE_FAST_PATH || unlikely(ZERO_OR_NULL_PTR(obj)))\n"
         "\t\treturn kfree_careful(obj);\n"),
    ]),
]


def edits_of(names):
    """The edits that take the checks @names out."""
    return [e for name, _, edits in CHECKS if name in names for e in edits]


def edited(path, text, edits):
    """@text (the file @path) with those of @edits that are @path's made;
    each text to replace must be there exactly once."""
    for p, old, new in edits:
        if p != path:
            continue
        if text.count(old) != 1:
            sys.exit(f"check_cost: {path}: the text to edit is there {text.count(old)} "
                     f"times, not once: update CHECKS in tools/check_cost.py\n{old}")
        text = text.replace(old, new)
    return text


def apply(tree, edits):
    """Make @edits in the tree at @tree."""
    for path in sorted({p for p, _, _ in edits}):
        with open(os.path.join(tree, path)) as f:
            text = f.read()
        with open(os.path.join(tree, path), "w") as f:
            f.write(edited(path, text, edits))


def show(name):
    """The edit that takes check @name out, as a unified diff."""
    edits = edits_of([name])
    for path in sorted({p for p, _, _ in edits}):
        with open(os.path.join(ROOT, path)) as f:
            text = f.read()
        sys.stdout.writelines(difflib.unified_diff(
            text.splitlines(True), edited(path, text, edits).splitlines(True),
            "a/" + path, "b/" + path))


def variant_tree(tmp, label, checks):
    """A copy of the tree in @tmp with @checks taken out: its path."""
    tree = os.path.join(tmp, label.strip("()"))
    copy_tree(tree)
    apply(tree, edits_of(checks))
    return tree


def measure(tree, cc, label):
    """Build @tree with @cc into its own O= and run BENCHES: {op: ticks}."""
    subprocess.run(["make", "-s", "-C", tree, "-j2", f"O=build/{cc}", f"CC={COMPILERS[cc]}",
                    f"build/{cc}/kernel.elf"], check=True, stdout=subprocess.DEVNULL,
                   env=own_make_env())
    res = {}
    for what, mem, params, op in BENCHES:
        log = bench.boot(os.path.join(tree, "build", cc, "kernel.elf"), mem, params, False)
        line = [m for m in bench.LINE.finditer(log) if m.group(1) == op]
        if not line:
            sys.exit(f"check_cost: {label} ({cc}): no '{op}' line")
        res[what] = float(line[0].group(3))
    print(f"  {label:<14} {cc:<6} " + "  ".join(f"{v:8.2f}" for v in res.values()),
          file=sys.stderr)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cc", default="gcc,clang", help="compilers (gcc,clang)")
    ap.add_argument("--only", help="these checks (NAME,...), not all six")
    ap.add_argument("--show", metavar="NAME", help="print the edit that takes NAME out")
    ap.add_argument("--json", metavar="FILE", help="also write the figures here")
    ap.add_argument("--update-docs", action="store_true",
                    help="rewrite docs/performance.md's table and docs/check_cost.json")
    ap.add_argument("--verify", action="store_true",
                    help="only check that every edit still applies to the tree")
    args = ap.parse_args()
    names = [c[0] for c in CHECKS]
    if args.show:
        if args.show not in names:
            sys.exit(f"check_cost: no check '{args.show}': {', '.join(names)}")
        return show(args.show)
    chosen = args.only.split(",") if args.only else names
    for n in chosen:
        if n not in names:
            sys.exit(f"check_cost: no check '{n}': {', '.join(names)}")
    compilers = args.cc.split(",")
    for cc in compilers:
        if cc not in COMPILERS:
            sys.exit(f"check_cost: no compiler '{cc}': {', '.join(COMPILERS)}")
    if args.update_docs and (args.only or compilers != list(COMPILERS)):
        sys.exit("check_cost: --update-docs measures every check with both compilers")
    variants = [("(none)", [])] + [(n, [n]) for n in chosen]
    if len(chosen) > 1:
        variants.append(("all", chosen))
    with tempfile.TemporaryDirectory(prefix="mm386-cost-") as tmp:
        if args.verify:
            for label, checks in variants:
                variant_tree(tmp, label, checks)
            print(f"check_cost: all {len(names)} edits apply, alone and together")
            return
        table = {}
        for label, checks in variants:
            tree = variant_tree(tmp, label, checks)
            table[label] = {cc: measure(tree, cc, label) for cc in compilers}
            shutil.rmtree(tree)
    print(render(table))
    if args.update_docs:
        args.json = args.json or JSON
        update_docs(table, DOC)
    if args.json:
        bench.write_json(args.json, table)


def columns(table):
    """The table's columns: (benchmark, compiler), each benchmark with each compiler."""
    return [(w, cc) for w, _, _, _ in BENCHES for cc in table["(none)"]]


def cells(table, label):
    """Row @label: per column, the figure and its change from (none) ("" for (none))."""
    return [(table[label][cc][w],
             "" if label == "(none)" else f" ({table[label][cc][w] - table['(none)'][cc][w]:+.0f})")
            for w, cc in columns(table)]


def render(table):
    """The table as the tool prints it."""
    lines = [f"{'check taken out':<15}" +
             "".join(f"{w + ', ' + cc:>27}" for w, cc in columns(table))]
    for label in table:
        row = "".join(f"{v:>18.2f}{d:<9}" for v, d in cells(table, label))
        lines.append(f"{label:<15}" + row.rstrip())
    return "\n".join(lines)


def render_markdown(table):
    """docs/performance.md's table: what each check catches, and its row."""
    catches = {name: what for name, what, _ in CHECKS}
    catches.update({"(none)": "the kernel as it is: every check on",
                    "all": "all of the above taken out together"})
    out = ["| check taken out | what it catches | " +
           " | ".join(f"{w}, {cc}" for w, cc in columns(table)) + " |",
           "|---|---|" + "---:|" * len(columns(table))]
    for label in table:
        name = label if label.startswith("(") or label == "all" else f"`{label}`"
        out.append(f"| {name} | {catches[label]} | " +
                   " | ".join(f"{v:.2f}{d}" for v, d in cells(table, label)) + " |")
    return "\n".join(out)


def update_docs(table, path):
    """Rewrite the `<!-- check_cost table -->` block of @path."""
    with open(path) as f:
        text = f.read()
    if not MARK.search(text):
        sys.exit(f"check_cost: no <!-- check_cost table --> block in {path}")
    with open(path, "w") as f:
        f.write(MARK.sub(lambda m: m.group(1) + render_markdown(table) + "\n" + m.group(3), text))


if __name__ == "__main__":
    main()
