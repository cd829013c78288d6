"""Real tools read mm386's /proc dumps as a Linux user would: each dump is
bind-mounted over the host's own /proc file in a private mount namespace
(unshare -m), and procps (free, vmstat -s, vmstat -m, slabtop -o) and
python3-psutil run there.  None may warn, and what they print must be
mm386's numbers."""
import os
import re
import shutil
import subprocess

import pytest

import mmlog
import qemu

FILES = ["meminfo", "vmstat", "slabinfo", "zoneinfo", "buddyinfo"]

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"),
                                reason="needs root and unshare(1) for a private mount namespace")


@pytest.fixture(scope="module", params=[160, 2048])
def dumps(request, tmp_path_factory):
    mem = request.param
    log = qemu.boot(f"dump={','.join(FILES)} poweroff", mem=mem).expect_status(qemu.STATUS_OK).log
    d = tmp_path_factory.mktemp(f"proc{mem}")
    for name in FILES:
        (d / name).write_text("\n".join(mmlog.proc(log, name)) + "\n")
    return mem, log, d


def in_namespace(d, command):
    """Run @command (sh) with /proc/NAME bind-mounted from @d's files."""
    mounts = " && ".join(f"mount --bind {d / n} /proc/{n}" for n in FILES)
    p = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c",
                        f"{mounts} && {command}"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return p.stdout, p.stderr


def test_free(dumps):
    mem, log, d = dumps
    out, err = in_namespace(d, "free -k -w")
    assert err == ""
    mi = mmlog.meminfo(log)
    m = re.search(r"^Mem: +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$", out, re.M)
    total, used, free, shared, buffers, cache, available = map(int, m.groups())
    assert (total, free, available) == (mi["MemTotal"], mi["MemFree"], mi["MemAvailable"])
    assert cache == mi["Cached"] + mi["SReclaimable"]      # procps 4: cached includes SReclaimable
    assert re.search(r"^Swap: +0 +0 +0$", out, re.M), out


def test_vmstat_s(dumps):
    mem, log, d = dumps
    out, err = in_namespace(d, "vmstat -s")
    assert err == ""
    mi = mmlog.meminfo(log)
    assert re.search(rf"^ +{mi['MemTotal']} K total memory$", out, re.M), out
    assert re.search(rf"^ +{mi['MemFree']} K free memory$", out, re.M), out
    assert re.search(r"^ +0 K total swap$", out, re.M), out


def test_slabtop_and_vmstat_m(dumps):
    mem, log, d = dumps
    out, err = in_namespace(d, "slabtop -o -s c")
    assert err == ""
    assert re.search(r"Active / Total Objects \(% used\) *: \d+ / \d+", out), out
    assert re.search(r"^ +\d+ +\d+ +\d+% +\d+\.\d+K +\d+ +\d+ +\d+K kmem_cache *$", out, re.M), out
    out, err = in_namespace(d, "vmstat -m")
    assert err == ""
    rows = {l.split()[0]: l.split()[1:] for l in out.splitlines()[1:]}
    assert rows["kmalloc-1k"][2:] == ["1024", "8"], rows["kmalloc-1k"]   # SLUB: 8 per slab


def test_psutil(dumps):
    mem, log, d = dumps
    script = ("import psutil, json; v = psutil.virtual_memory(); s = psutil.swap_memory(); "
              "print(json.dumps([v.total, v.available, v.free, v.buffers, v.cached, v.shared, "
              "v.active, v.inactive, s.total, s.sin]))")
    out, err = in_namespace(d, f"/usr/bin/python3 -W error -c '{script}'")
    assert err == "", err          # psutil warns about any meminfo line it misses
    vals = [int(x) for x in out.strip()[1:-1].split(",")]
    mi = mmlog.meminfo(log)
    assert vals[:3] == [mi["MemTotal"] * 1024, mi["MemAvailable"] * 1024, mi["MemFree"] * 1024]
    assert vals[8] == 0
