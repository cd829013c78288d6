"""Issue 14, Part A: Linux 6.1's allocator API as module authors use it.

The in-kernel suites (linux_api, mempool, rcu, fragment) at 160 MB and
2048 MB, with and without init_on_alloc=1 / init_on_free=1; an outside
module that calls every API of Part A, built unchanged with make M= (gcc
and clang), passing with and without init_on_alloc=1; module parameters
from the multiboot module string and from the shell's insmod, with
Linux's messages for unknown names and bad values; the two example
modules; the fragmentation lesson's reports; and init_on_alloc='s
parameter handling."""
import os
import re

import pytest

import qemu
from shellrun import Shell
from test_modules import build_module

SUITES = "linux_api,mempool,rcu,fragment"
OUTSIDE = os.path.join(qemu.ROOT, "tests", "modules", "linux_api_module")


@pytest.fixture(scope="module")
def mods():
    return {
        "linux_api_module": build_module(OUTSIDE),
        "pool_module": build_module(os.path.join(qemu.ROOT, "examples", "pool_module")),
        "rcu_module": build_module(os.path.join(qemu.ROOT, "examples", "rcu_module")),
    }


def boot_with(initrd, params="", mem=160, status=qemu.STATUS_OK):
    r = qemu.boot(f"{params} poweroff".strip(), mem=mem, initrd=initrd, timeout=120)
    return r.expect_status(status)


def results(log, name):
    return re.findall(rf"^{name}: (.*) (ok|FAILED)$", log, re.M)


@pytest.mark.parametrize("mem", [160, 2048])
@pytest.mark.parametrize("params", ["", "init_on_alloc=1", "init_on_free=1",
                                    "slab_debug init_on_alloc=1 init_on_free=1"])
def test_suites(run_ktest, mem, params):
    r = run_ktest(SUITES, mem=mem, params=params)
    wanted = {"on" if "alloc" in params else "off", "on" if "free" in params else "off"}
    m = re.search(r"^mem auto-init: stack:off, heap alloc:(on|off), heap free:(on|off)$",
                  r.log, re.M)
    assert m and (m.group(1) == "on") == ("alloc" in params) and \
        (m.group(2) == "on") == ("free" in params), wanted
    # The fragmentation lesson: exactly two reports, kmalloc's and alloc_pages's
    # (order 8); kvmalloc fell back without one.
    fails = re.findall(r"^swapper/0: page allocation failure: order:(\d+), mode:(0x[0-9a-f]+)"
                       r"\(([^)]*)\), nodemask=\(null\)$", r.log, re.M)
    assert fails == [("8", "0x40cc0", "GFP_KERNEL|__GFP_COMP"), ("8", "0xcc0", "GFP_KERNEL")]
    # ...each with the free lists that explain it: single pages, nothing of order 8.
    for line in re.findall(r"^Node 0 Normal: (.*) = \d+kB$", r.log, re.M):
        counts = [int(c.split("*")[0]) for c in line.split()]
        assert counts[0] > 256 and not any(counts[8:]), line


@pytest.mark.parametrize("params,zeroed", [("", 0), ("init_on_alloc=1", 1)])
def test_outside_module_uses_all_of_part_a(mods, params, zeroed):
    """Built with make M= from a directory of Linux-style source; its
    parameters come from the module string after the file name."""
    ko = mods["linux_api_module"]
    log = boot_with([f"{ko} count=5 tag=hello orders=0,,3 zeroed={zeroed}"],
                    f"{params} rmmod=linux_api_module").log
    res = results(log, "linux_api_module")
    assert len(res) == 16 and all(r[1] == "ok" for r in res), res
    assert "linux_api_module: 16 checks, 0 failures" in log
    assert "linux_api_module: count=5 tag=hello orders=2 values zeroed=%d" % zeroed in log
    assert re.search(r"all boot modules gone after rmmod=: .*: nothing leaked$", log, re.M)


def test_outside_module_builds_with_clang(mods):
    build_module(OUTSIDE, clang=True)
    build_module(os.path.join(qemu.ROOT, "examples", "pool_module"), clang=True)


def test_module_parameters_and_linux_messages(mods):
    ko = mods["pool_module"]
    log = boot_with([f"{ko} requests=7 reserve=3 label=disk sizes=512,,4096 verbose bogus=1"],
                    "rmmod=pool_module").log
    assert "pool_module: unknown parameter 'bogus' ignored" in log
    for p in ["requests=7", "reserve=3", "label=disk", "sizes=512,4096", "verbose=Y"]:
        assert re.search(rf"^module pool_module: parameter {p} \(mode 0[46]44\)$", log, re.M), p
    assert 'pool_module: 7 requests "disk", reserve 3' in log
    assert "pool_module: request disk-5: 4096 bytes" in log    # sizes used in turn
    assert "pool_module: request disk-6: 512 bytes" in log
    assert "pool_module: 7 requests allocated, the reserve untouched (3 of 3 left)" in log
    assert "pool_module: 7 requests freed, pool and cache destroyed" in log


@pytest.mark.parametrize("args,message", [
    ("requests=many", "pool_module: `many' invalid for parameter `requests'"),
    ("requests=99999999999", "pool_module: `99999999999' invalid for parameter `requests'"),
    ("sizes=1,,2,,3,,4,,5", "sizes: can only take 4 arguments"),
    ("requests", "pool_module: `' invalid for parameter `requests'"),
    ("verbose=maybe", "pool_module: `maybe' invalid for parameter `verbose'"),
])
def test_bad_parameter_refuses_module(mods, args, message):
    """Linux's lines; the module is unloaded before its init runs, and
    leaves nothing behind.  (Strings over 1024 characters, -ENOSPC, are
    in ktest linux_api: a boot module line holds 511.)"""
    ko = mods["pool_module"]
    log = boot_with([f"{ko} {args}"]).log
    assert message in log
    err = "-ERANGE" if "999" in args else "-EINVAL"     # kstrtoint's error, as Linux
    assert f"module pool_module: invalid parameters ({err}); unloading it" in log
    assert re.search(rf"^module: \S+ {re.escape(args.replace(',,', ','))} not loaded \({err}\): "
                     r".*: nothing leaked$", log, re.M), log
    assert "pool_module: 16 requests" not in log     # init never ran


def test_shell_insmod_with_parameters(mods):
    ko = mods["pool_module"]
    sh = Shell(initrd=[ko])
    try:
        sh.run("rmmod pool_module")
        out = sh.run("insmod pool_module requests=3 label=shell")
        assert 'pool_module: 3 requests "shell", reserve 4' in out, out
        assert out.endswith("insmod: pool_module: done\n"), out
        sh.run("rmmod pool_module")
        out = sh.run("insmod pool_module reserve=-1")
        assert "pool_module: requests=16 reserve=-1: both must be at least 1" in out
        out = sh.run("insmod pool_module requests=x")
        assert "pool_module: `x' invalid for parameter `requests'" in out
        assert "insmod: pool_module: failed (-EINVAL); nothing was changed" in out
        out = sh.run("insmod pool_module")      # as insmod: no parameters given, defaults
        assert 'pool_module: 16 requests "pool", reserve 4' in out, out
        out = sh.run("fragment")
        assert "fragment: 4. kvmalloc(1048576, GFP_KERNEL) = 0x" in out
        assert "kmalloc failed quietly, vmalloc served it, and no report" in out
        assert out.count("page allocation failure") == 2
    finally:
        sh.poweroff()


def test_rcu_example(mods):
    log = boot_with([f"{mods['rcu_module']} updates=4"], "rmmod=rcu_module").log
    for v in range(1, 5):
        assert f"a reader in the timer interrupt saw version {v}" in log
    assert "rcu_module: every table freed after its grace period; cache destroyed" in log
    assert re.search(r"all boot modules gone after rmmod=: .*: nothing leaked$", log, re.M)


@pytest.mark.parametrize("value", ["maybe", ""])
def test_init_on_alloc_bad_value(value):
    log = boot_with([], f"init_on_alloc={value}").log
    assert (f'Malformed kernel parameter "init_on_alloc={value}" (not a boolean (1/0, y/n, '
            f'on/off)), default kept') in log or \
        (not value and 'Malformed kernel parameter "init_on_alloc=" (needs a value)' in log)
    assert "mem auto-init: stack:off, heap alloc:off, heap free:off" in log
