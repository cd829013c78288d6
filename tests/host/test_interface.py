"""docs/interface.md is the interface tests and graders read: it must be
complete (every kernel parameter is there) and the repository must stand
on its own (no document points outside it)."""
import os
import re
import subprocess

import qemu

INTERFACE = os.path.join(qemu.ROOT, "docs", "interface.md")


def tracked_files():
    out = subprocess.run(["git", "-C", qemu.ROOT, "ls-files"], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    return [f for f in out.splitlines() if os.path.exists(os.path.join(qemu.ROOT, f))]


def kernel_parameters():
    """Every name the kernel registers with __setup(), early_param() or
    fault_knob_param() (include/linux/fault-inject.h)."""
    names = set()
    for f in tracked_files():
        if not f.endswith(".c"):
            continue
        text = open(os.path.join(qemu.ROOT, f), errors="replace").read()
        for m in re.finditer(r'\b(?:__setup|early_param)\("([a-z_0-9.]+)=?"'
                             r'|\bfault_knob_param\(\s*\w+,\s*"([a-z_0-9.]+)=?"', text):
            names.add(m.group(1) or m.group(2))
    return names


def test_every_kernel_parameter_is_documented():
    doc = open(INTERFACE).read()
    table = [l for l in doc.splitlines() if l.startswith("| `")]
    missing = [n for n in sorted(kernel_parameters())
               if not any(re.search(rf"`{re.escape(n)}[`=]", l) for l in table)]
    assert len(kernel_parameters()) > 10
    assert not missing, f"not in docs/interface.md's parameter table: {missing}"


# The folder beside the repository (the articles, the graders' summary) and the machine's own
# work directory: spelled in pieces so that this file does not match.
OUTSIDE = re.compile(r"\.\./" + "shared" + r"|" + "shared" + "/seeds|/" + "work/")


def test_no_file_points_outside_the_repository():
    # A clone has nothing beside it: nothing may send a reader there.
    bad = []
    for f in tracked_files():
        path = os.path.join(qemu.ROOT, f)
        if f.endswith((".png", ".svg", ".ko", ".iso")) or os.path.getsize(path) > 1 << 20:
            continue
        text = open(path, errors="replace").read()
        for m in OUTSIDE.finditer(text):
            bad.append(f"{f}: {text[max(0, m.start() - 30):m.end() + 30]!r}")
    assert not bad, "\n".join(bad)
