#!/usr/bin/env python3
"""fresh.py - the first command on a machine that has none of mm386's packages.

A new user clones mm386 on a fresh Debian 12 and types one command.  The
build must install what it lacks (tools/ensure-deps.sh) and succeed in
that same command.  This script recreates that machine without removing a
package: inside a private mount namespace (unshare -m, so root only) it
hides every file of the packages, and puts a stand-in `apt-get` first on
PATH whose `install` makes the named packages' files visible again, by
unmounting what hid them.  A tool the Makefile asked about before its
install step therefore looks missing, exactly as on a fresh machine.
Nothing outside the namespace changes.

    fresh.py --build O [--cc clang]   hide the build tools, run `make O=O` once
    fresh.py --full                   hide every package ensure-deps knows,
                                      clone HEAD, run `make check` there once

The packages must be installed on this machine (the script first runs the
real ensure-deps for them).  Prints what the stand-in apt-get was asked.
"""
import argparse
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ENSURE = os.path.join(ROOT, "tools", "ensure-deps.sh")

# Each package ensure-deps may install, and which packages of its
# dependency closure it really brings (the rest, libc6 and friends, are on
# every machine and must stay visible).
PACKAGES = {
    "gcc-i686-linux-gnu": r"i686-linux-gnu|i386-cross|cross-base",
    "binutils-i686-linux-gnu": r"^binutils-i686-linux-gnu$",
    "nasm": r"^nasm$",
    "libc6-dev-i386-cross": r"^(libc6-dev|libc6|linux-libc-dev)-i386-cross$",
    "clang": r"^clang(-14)?$",
    "lld": r"^lld(-14)?$",
    "libclang-rt-14-dev": r"^libclang-rt-14-dev$",
    # make fuzz's 32-bit host programs: libFuzzer's C++ runtime, and the i386 loader and libraries
    "libstdc++-12-dev-i386-cross": r"^libstdc\+\+(-12-dev|6)-i386-cross$",
    "libc6-i386": r"^libc6-i386$",
    "lib32stdc++6": r"^lib32(stdc\+\+6|gcc-s1)$",
    "qemu-system-x86": r"^(qemu-system-(x86|common|data)|ipxe-qemu)$",
    "seabios": r"^seabios$",
    "qemu-user": r"^qemu-user$",
    "chromium": r"^chromium(-common|-sandbox)?$",
    "grub-common": r"^grub-common$",
    "grub-pc-bin": r"^grub-pc-bin$",
    "xorriso": r"^(xorriso|libisoburn1|libburn4|libisofs6|libjte2)$",
    "gdb": r"^gdb$",
    "python3-pytest": r"^python3-(pytest|pluggy|iniconfig|py)$",
    "python3-pexpect": r"^python3-(pexpect|ptyprocess)$",
    "procps": r"^(procps|libproc2-0)$",
    "python3-psutil": r"^python3-psutil$",
}
# The tools (ensure-deps names) behind those packages, for the real install.
BUILD_TOOLS = ["i686-linux-gnu-gcc", "i686-linux-gnu-ld", "i686-linux-gnu-nm", "nasm",
               "i386-glibc"]
CLANG_TOOLS = ["clang", "ld.lld", "compiler-rt"]
CHECK_TOOLS = BUILD_TOOLS + CLANG_TOOLS + ["qemu-system-i386", "grub-mkrescue", "xorriso",
                                           "gdb", "pytest", "pexpect", "seabios", "chromium",
                                           "slabtop", "psutil", "qemu-i386", "fuzz-i386"]
BUILD_PKGS = ["gcc-i686-linux-gnu", "binutils-i686-linux-gnu", "nasm", "libc6-dev-i386-cross"]
CLANG_PKGS = BUILD_PKGS + ["clang", "lld", "libclang-rt-14-dev"]

MS_BIND = 0x1000
MNT_DETACH = 2
libc = ctypes.CDLL(None, use_errno=True)


def closure(pkg):
    """The installed packages @pkg depends on, itself included."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--installed",
                          "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
                          "--no-replaces", "--no-enhances", pkg],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    return {l.strip() for l in out.splitlines() if l and not l.startswith(" ")} | {pkg}


def package_files(pkg):
    """Regular files (not links, not docs) of @pkg and of what it brings."""
    files = []
    for p in sorted(q for q in closure(pkg) if re.search(PACKAGES[pkg], q)):
        out = subprocess.run(["dpkg", "-L", p], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout
        for f in out.splitlines():
            if f.startswith(("/usr/share/doc", "/usr/share/man", "/usr/share/lintian")):
                continue
            if os.path.isfile(f) and not os.path.islink(f):
                files.append(f)
    return files


def hide(files, work):
    """Bind a stand-in over each file: an empty, non-executable file, or for
    Python source one that cannot be imported (an empty module would)."""
    empty = os.path.join(work, "empty")
    unimportable = os.path.join(work, "hidden.py")
    open(empty, "w").close()
    with open(unimportable, "w") as f:
        f.write("raise ImportError('hidden by tests/host/fresh.py')\n")
    for path in (empty, unimportable):
        os.chmod(path, 0o644)
    for f in files:
        stand_in = unimportable if f.endswith(".py") else empty
        if libc.mount(stand_in.encode(), f.encode(), None, MS_BIND, None) != 0:
            err = ctypes.get_errno()
            sys.exit(f"fresh.py: cannot hide {f}: {os.strerror(err)}")


FAKE_APT = r'''#!/usr/bin/python3
# A stand-in apt-get (tests/host/fresh.py): "install" unhides packages.
import ctypes, json, sys
libc = ctypes.CDLL(None, use_errno=True)
state = json.load(open(STATE))
with open(LOG, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\n")
if "install" in sys.argv[1:]:
    for pkg in dict.fromkeys(sys.argv[sys.argv.index("install") + 1:]):
        if pkg.startswith("-"):
            continue
        if pkg not in state["files"] and pkg not in state["done"]:
            sys.exit(f"apt-get (fresh.py stand-in): no hidden package {pkg}")
        # As apt-get does, bring the package's dependencies too.
        for dep in [pkg] + state["deps"].get(pkg, []):
            for f in state["files"].pop(dep, []):
                libc.umount2(f.encode(), 2)
            state["done"].append(dep)
    json.dump(state, open(STATE, "w"))
'''


def inner(args):
    """In the private namespace: hide, install the stand-in, run."""
    work = args.work
    files = {pkg: package_files(pkg) for pkg in args.pkgs}
    for f in files.values():
        hide(f, work)
    deps = {pkg: sorted(q for q in args.pkgs if q != pkg and q in closure(pkg))
            for pkg in args.pkgs}
    state = {"files": files, "deps": deps, "done": []}
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir, exist_ok=True)
    state_path = os.path.join(work, "state.json")
    json.dump(state, open(state_path, "w"))
    apt = os.path.join(bindir, "apt-get")
    with open(apt, "w") as f:
        f.write(FAKE_APT.replace("STATE", repr(state_path))
                .replace("LOG", repr(os.path.join(work, "apt.log"))))
    os.chmod(apt, 0o755)
    env = dict(os.environ, PATH=bindir + ":" + os.environ["PATH"])
    # Nor the outer make's variables: `make CC=clang check` puts CC=clang in
    # the environment, which would turn the gcc build into a clang one.
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CC", "LD", "NM", "O"):
        env.pop(k, None)
    print(f"fresh.py: hid {sum(map(len, files.values()))} files of {len(files)} packages; "
          f"running: {' '.join(args.cmd)}", flush=True)
    return subprocess.run(args.cmd, cwd=args.cwd, env=env).returncode


def outer(tools, pkgs, cmd, cwd, work):
    """Install for real first, then run inner() in a private mount namespace."""
    if os.geteuid() != 0:
        sys.exit("fresh.py: needs root (unshare -m)")
    subprocess.run([ENSURE] + tools, check=True)
    inner_cmd = ["unshare", "-m", "--propagation", "private", sys.executable,
                 os.path.abspath(__file__), "--inner", "--work", work, "--cwd", cwd,
                 "--pkgs", *pkgs, "--", *cmd]
    p = subprocess.Popen(inner_cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = []
    for line in p.stdout:
        text = line.decode(errors="replace")
        out.append(text)
        sys.stdout.write(text)
        sys.stdout.flush()
    rc = p.wait()
    log = os.path.join(work, "apt.log")
    asked = open(log).read() if os.path.exists(log) else ""
    print("fresh.py: apt-get was asked:\n" + (asked or "(nothing)\n"), end="", flush=True)
    return rc, "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", metavar="O", help="run `make O=O` with the build tools hidden")
    ap.add_argument("--cc", default="gcc", choices=["gcc", "clang"])
    ap.add_argument("--full", action="store_true", help="`make check` in a clone, all hidden")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    ap.add_argument("--cwd", help=argparse.SUPPRESS)
    ap.add_argument("--pkgs", nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("cmd", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        return inner(args)

    work = tempfile.mkdtemp(prefix="mm386-fresh-")
    try:
        if args.build:
            clang = args.cc == "clang"
            cmd = ["make", f"O={os.path.abspath(args.build)}"] + (["CC=clang"] if clang else [])
            return outer(BUILD_TOOLS + (CLANG_TOOLS if clang else []),
                         CLANG_PKGS if clang else BUILD_PKGS, cmd, ROOT, work)[0]
        if args.full:
            clone = os.path.join(work, "mm386")
            subprocess.run(["git", "clone", "-q", ROOT, clone], check=True)
            print(f"fresh.py: cloned {ROOT} (HEAD, committed work only) to {clone}")
            rc, out = outer(CHECK_TOOLS, list(PACKAGES), ["make", "check"], clone, work)
            # A pytest that ran nothing must not pass for a green suite.
            summary = re.findall(r"^=+ (.*\d+ passed.*) =+$", out, re.M)
            if rc == 0 and not summary:
                print("fresh.py: make check exited 0 but pytest reported no passed tests")
                return 1
            if rc == 0 and re.search(r"\d+ (failed|error)", summary[-1]):
                return 1
            print(f"fresh.py: make check in the fresh clone: {summary[-1] if summary else rc}")
            return rc
        ap.error("say --build O or --full")
    finally:
        if not args.inner:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
