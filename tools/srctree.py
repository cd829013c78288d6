"""tools/srctree.py - a copy of the source tree, and a clean environment for
its make, for builds that must not touch the real one (tools/check_cost.py,
tests/host/test_build.py)."""
import os
import shutil
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def copy_tree(dst, root=ROOT):
    """The files git knows at @root, as they are now (committed or not),
    copied to @dst; build/ and other untracked files are left out."""
    files = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True,
                           stdout=subprocess.PIPE).stdout.decode().split("\0")
    for f in filter(None, files):
        src = os.path.join(root, f)
        if os.path.isfile(src):
            os.makedirs(os.path.join(dst, os.path.dirname(f)), exist_ok=True)
            shutil.copy2(src, os.path.join(dst, f))


def own_make_env(env=None):
    """@env (os.environ by default) without what a make that called us would
    pass down (its jobserver, CC=, CROSS_COMPILE=): the build picks its own."""
    env = dict(os.environ if env is None else env)
    for var in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CC", "CROSS_COMPILE"):
        env.pop(var, None)
    return env
