#!/usr/bin/env python3
"""tools/docgen.py - every transcript in README.md and docs/ comes from a run.

A transcript in a Markdown file is a block between two HTML comments.  The
first says how to make it; docgen runs that and writes what the build
prints between the comments, as an indented code block (indented 4 more
spaces than the comments are, so a block may sit in a list item):

    <!-- docgen shell: mem=160 params="demo"
    kmalloc 100
    v2p $_
    -->
        mm386> kmalloc 100
        kmalloc(100, GFP_KERNEL) = 0xc1fd5000 phys 0x01fd5000 pfn 0x1fd5
        ...
    <!-- /docgen -->

Kinds, and what their body lines are:
  boot   selectors over the serial log of one boot (poweroff is added):
           /RE/          the first line matching RE
           /RE/+N        that line and the N after it
           /RE1/../RE2/  from a line matching RE1 to the next matching RE2
           ...           a literal "..." line
  shell  lines typed at the mm386> prompt, shown with the prompt.  A line
         may end in "| grep RE" or "| head N" (docgen filters the output and
         marks the cut with "..."); a line starting with "@" is typed but
         not shown.  The shell's $_ names the last address it printed;
         {{RE}} in a line is replaced by RE's first group in what the
         kernel printed so far (an address a module printed at boot).
  gdb    GDB commands against the kernel booted halted with params; each is
         shown after "(gdb) "; mm386's helpers are loaded.
  cmd    host commands run in the repository, shown after "$ ".
Options on the first line: mem=MB, params="...", modules=dir[,dir] (built
with make M=dir and loaded), initrd=file[,file], programs="prog [args][,prog...]"
(user programs from build/user, with their arguments; "norun" in params keeps
them for the shell's run), initramfs="prog,...,examples/dir,..." (one cpio
archive, tools/mkinitramfs.py, of those programs and the modules of those
directories, in build/initramfs/NAME-NAME.cpio), grep=RE (keep only the matching lines of the
whole block), kasan=1 (boot: the make KASAN=1 kernel).

Every run uses QEMU -icount, so a build prints the same transcript every
time.  Transcripts are the default (gcc) build's.

The pictures are generated too: docs/images/layout-*.svg are drawn by
tools/layout_svg.py from a boot's serial log (PICTURES below).

    tools/docgen.py [--check] [--pictures] [FILE...]   (default: README.md docs/*.md)

--pictures does only the pictures.
--check writes nothing and exits 1 if a transcript differs from what the
build prints (make check runs it); without it the files are rewritten
(make docs).
"""
import argparse
import difflib
import glob
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "host"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import gdbrun  # noqa: E402
import layout_svg  # noqa: E402
import qemu  # noqa: E402
from shellrun import Shell  # noqa: E402

ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm"]
BLOCK = re.compile(r"^( *)<!-- docgen (\w+):(.*?)\n(.*?)^ *-->\n(.*?)^ *<!-- /docgen -->\n",
                   re.M | re.S)
INDENT = "    "


class DocgenError(Exception):
    pass


def options(text):
    """key=value pairs of the first line (shell quoting)."""
    opts = {}
    for word in shlex.split(text):
        key, eq, value = word.partition("=")
        if not eq:
            raise DocgenError(f"option {word!r} is not key=value")
        opts[key] = value
    return opts


def build_modules(opts):
    """The initrd files, relative to the repository (main() runs there): the
    kernel prints their names, and the docs must not show this machine's
    paths."""
    files = [f for f in opts.get("initrd", "").split(",") if f]
    # programs=NAME [ARGS],...: user programs from build/user, with their arguments
    files += [os.path.relpath(os.path.join(qemu.BUILD, "user", p.strip()), ROOT)
              for p in opts.get("programs", "").split(",") if p.strip()]
    files += [build_module(d) for d in filter(None, opts.get("modules", "").split(","))]
    if opts.get("initramfs"):
        files.append(build_initramfs(opts["initramfs"]))
    return files


def build_module(d):
    """make M=@d; its .ko, relative to the repository."""
    subprocess.run(["make", "-s", "-C", ROOT, f"M={d}"], check=True, stdout=subprocess.DEVNULL)
    name = os.path.basename(d.rstrip("/")).replace("-", "_")
    return os.path.relpath(os.path.join(qemu.BUILD, "modules", name + ".ko"), ROOT)


def build_initramfs(spec):
    """initramfs="mallocdemo,examples/mem_module": the archive's path."""
    import mkinitramfs
    files, names = [], []
    for item in filter(None, (w.strip() for w in spec.split(","))):
        if "/" in item:
            path = build_module(item)
            files.append((os.path.basename(path), open(path, "rb").read(), 0o100644))
        else:
            path = os.path.join(qemu.BUILD, "user", item)
            files.append((item, open(path, "rb").read(), 0o100755))
        names.append(os.path.basename(item))
    out = os.path.join(qemu.BUILD, "initramfs", "-".join(names) + ".cpio")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as f:
        f.write(mkinitramfs.archive(files))
    return os.path.relpath(out, ROOT)


def parse_selector(sel):
    """(first RE, last RE or None, lines after or 0) of one boot selector."""
    for pattern, parts in ((r"/(.*)/\.\./(.*)/", lambda m: (m[1], m[2], 0)),
                           (r"/(.*)/\+(\d+)", lambda m: (m[1], None, int(m[2]))),
                           (r"/(.*)/", lambda m: (m[1], None, 0))):
        m = re.fullmatch(pattern, sel)
        if m:
            return parts(m)
    raise DocgenError(f"bad selector {sel!r}")


def find(lines, pattern, start):
    i = next((i for i in range(start, len(lines)) if re.search(pattern, lines[i])), None)
    if i is None:
        raise DocgenError(f"no line matches {pattern!r}")
    return i


def select(lines, selectors):
    """Apply the boot kind's selectors, in order, to the log's lines."""
    out, pos = [], 0
    for sel in selectors:
        if sel == "...":
            out.append("...")
            continue
        first_re, last_re, after = parse_selector(sel)
        first = find(lines, first_re, pos)
        last = find(lines, last_re, first + 1) if last_re else first + after
        out += lines[first:last + 1]
        pos = last + 1
    return out


def kasan_kernel():
    """The make KASAN=1 kernel (build/kasan), built if need be."""
    out = os.path.join(qemu.BUILD, "kasan")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    subprocess.run(["make", "-s", "-C", ROOT, f"O={out}", "KASAN=1"], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return os.path.join(out, "kernel.elf")


def run_boot(opts, body):
    params = opts.get("params", "")
    if "poweroff" not in params.split():
        params = (params + " poweroff").strip()
    kernel = kasan_kernel() if opts.get("kasan") == "1" else None
    r = qemu.boot(params, mem=int(opts.get("mem", 160)), initrd=build_modules(opts) or None,
                  kernel=kernel, extra=ICOUNT)
    if r.status not in (qemu.STATUS_OK, qemu.STATUS_TEST_FAILED, qemu.STATUS_OOPS):
        raise DocgenError(f"boot with {params!r}: {r.describe()}")
    return select(r.log.splitlines(), body)


def filtered(out, pipe):
    lines = out.splitlines()
    if not pipe:
        return lines
    what, _, arg = pipe.strip().partition(" ")
    if what == "head":
        n = int(arg)
        return lines[:n] + (["..."] if len(lines) > n else [])
    if what == "grep":
        kept, last = [], -1
        for i, l in enumerate(lines):
            if re.search(arg, l):
                if i != last + 1:
                    kept.append("...")
                kept.append(l)
                last = i
        if last != len(lines) - 1:
            kept.append("...")
        return kept
    raise DocgenError(f"unknown filter {pipe!r}")


def found(pattern, text):
    m = re.search(pattern, text, re.M)
    if not m:
        raise DocgenError(f"{{{{{pattern}}}}}: not in the kernel's output so far")
    return m.group(1)


def run_shell(opts, body):
    sh = Shell(mem=int(opts.get("mem", 160)), params=opts.get("params", ""),
               initrd=build_modules(opts), extra=ICOUNT)
    out = []
    try:
        for line in body:
            hidden = line.startswith("@")
            line = re.sub(r"\{\{(.*?)\}\}", lambda m: found(m.group(1), sh.transcript), line)
            cmd, _, pipe = line.lstrip("@").partition(" | ")
            text = sh.run(cmd)
            if not hidden:
                out.append("mm386> " + cmd)
                out += filtered(text, pipe)
    finally:
        sh.close()
    return out


def run_gdb(opts, body):
    cmds, shown = [], []
    for line in body:
        cmd, _, pipe = line.lstrip("@").partition(" | ")
        shown.append((not line.startswith("@"), cmd, pipe))
        cmds += [f"echo @@docgen {len(shown) - 1}\\n", cmd]
    initrd = build_modules(opts)
    s = gdbrun.gdb_session(cmds, params=opts.get("params", "poweroff"),
                           mem=int(opts.get("mem", 160)), helpers=True,
                           extra=ICOUNT + (["-initrd", ",".join(initrd)] if initrd else []))
    parts = re.split(r"^@@docgen (\d+)\n", s.out, flags=re.M)
    out = []
    for i in range(1, len(parts), 2):
        show, cmd, pipe = shown[int(parts[i])]
        text = parts[i + 1]
        if int(parts[i]) == len(shown) - 1:     # the kill gdbrun adds is not ours
            text = re.sub(r"\[Inferior \d+ .*killed\]\n?", "", text)
        if show:
            out.append("(gdb) " + cmd)
            out += filtered(text.rstrip("\n"), pipe)
    return out


def run_cmd(opts, body):
    out = []
    for c in body:
        p = subprocess.run(c, shell=True, cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        out.append("$ " + c)
        out += p.stdout.decode(errors="replace").splitlines()
    return out


KINDS = {"boot": run_boot, "shell": run_shell, "gdb": run_gdb, "cmd": run_cmd}


def render(kind, head, body_text, indent=""):
    opts = options(head)
    body = [l.strip() for l in body_text.splitlines() if l.strip()]
    if kind not in KINDS:
        raise DocgenError(f"unknown kind {kind!r}")
    lines = KINDS[kind](opts, body)
    if "grep" in opts:
        lines = [l for l in lines if re.search(opts["grep"], l)]
    return "".join((indent + INDENT + l).rstrip() + "\n" for l in lines)


def process(path, check):
    text = open(path).read()
    stale, pieces, pos = [], [], 0
    for m in BLOCK.finditer(text):
        indent, kind, head, body, old = m.groups()
        where = f"{os.path.relpath(path, ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
        try:
            new = render(kind, head, body, indent)
        except (DocgenError, subprocess.CalledProcessError, AssertionError) as e:
            raise DocgenError(f"{where}: {e}")
        if new != old:
            diff = "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                "committed", "build prints", n=1))
            stale.append(f"{where} ({kind}) is stale:\n{diff}")
        pieces += [text[pos:m.start(5)], new]
        pos = m.end(5)
    pieces.append(text[pos:])
    if not check and stale:
        open(path, "w").write("".join(pieces))
    return stale


# (picture, RAM in MB, boot parameters): the address-space drawings.
# With a process: user/hold's child prints its /proc/PID/maps as it exits (dump=maps).
PICTURES = [
    ("docs/images/layout-160mb.svg", 160, "poweroff dump=maps"),
    ("docs/images/layout-2gb.svg", 2048, "poweroff dump=maps"),
]


def pictures(check):
    """Redraw each picture; the stale ones (with --check, nothing is written)."""
    stale = []
    for path, mem, params in PICTURES:
        r = qemu.boot(params, mem=mem, extra=ICOUNT,
                      initrd=[qemu.user_program("hold", 1)])
        r.expect_status(qemu.STATUS_OK)
        title = f"mm386 at -m {mem}: the virtual address space and physical memory"
        svg = layout_svg.draw(layout_svg.read_log(r.log), title)
        full = os.path.join(ROOT, path)
        old = open(full).read() if os.path.exists(full) else ""
        if svg != old:
            stale.append(f"{path} is stale (redraw it with make docs)")
            if not check:
                open(full, "w").write(svg)
                print(f"docgen: redrew {path}")
    return stale


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--pictures", action="store_true", help="only the pictures")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    args.files = [os.path.abspath(f) for f in args.files]
    os.chdir(ROOT)
    if args.pictures:
        stale = pictures(args.check)
        if args.check and stale:
            print("\n".join(stale))
            return 1
        return 0
    files = args.files or [os.path.join(ROOT, "README.md")] + \
        sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
    stale = [] if args.files else pictures(args.check)
    try:
        for f in files:
            s = process(f, args.check)
            stale += s
            if not args.check:
                for x in s:
                    print("docgen: rewrote " + x.split(" is stale")[0])
    except DocgenError as e:
        print(f"docgen: {e}", file=sys.stderr)
        return 2
    if args.check and stale:
        print("\n".join(stale))
        print(f"docgen: {len(stale)} transcript(s) differ from what the build prints: "
              "run `make docs` and commit the result")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
