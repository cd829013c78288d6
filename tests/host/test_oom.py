"""Out of memory (user/oom.c): brk, mmap and malloc until they fail, and a
program that writes until the machine has no page left.

brk, mmap and malloc only use address space (demand paging gives pages on
the first touch), so they fail with ENOMEM when the 3 GB of user space are
full, and the program ends normally.  The program that writes every page
runs physical memory out: its page fault cannot be served and the kernel
kills it with Linux's "Out of memory: Killed process" line.  In every case
the kernel gets every page back ("nothing lost") and the next program runs.
"""
import re

import pytest

import qemu

MODES = ["brk", "mmap", "malloc", "touch"]


@pytest.fixture(scope="module", params=[160, 2048])
def run(request):
    r = qemu.boot("poweroff", mem=request.param, timeout=300,
                  initrd=[qemu.user_program("oom", m) for m in MODES] +
                  [qemu.user_program("hello")])
    r.expect_status(qemu.STATUS_OK)
    return request.param, r.log


def test_address_space_runs_out_with_enomem(run):
    _, log = run
    got = dict(re.findall(r"^oom: (\S+)\(1 MB\) .*: (\d+) MB, then ENOMEM$", log, re.M))
    assert set(got) == {"sbrk", "mmap", "malloc"}, got
    for how, mb in got.items():
        assert 2800 < int(mb) < 3072, (how, mb)      # most of the 3 GB of user space
    assert "oom: brk back to its start" in log
    for pid in (1, 2, 3):
        assert re.search(rf"^exit: oom\[{pid}\] exited with status 0 ", log, re.M)


def test_touching_every_page_is_killed_by_the_oom_path(run):
    mem, log = run
    m = re.search(r"^Out of memory: Killed process 4 \(oom\) total-vm:(\d+)kB, anon-rss:(\d+)kB, "
                  r"file-rss:(\d+)kB, shmem-rss:0kB, UID:0 pgtables:(\d+)kB oom_score_adj:0$", log, re.M)
    assert m, log[-3000:]
    total_vm, anon, file_rss, pgtables = map(int, m.groups())
    free_before = int(re.search(r"^run: oom\[4\]: free pages (\d+) before", log, re.M).group(1))
    assert anon >= 0.95 * free_before * 4        # it had (nearly) every free page
    assert pgtables >= anon // 4096 * 4          # one 4 KB page table per 4 MB
    assert re.search(r"^exit: oom\[4\] killed by signal 9 \(SIGKILL\) ", log, re.M)


def test_nothing_lost_and_the_kernel_goes_on(run):
    _, log = run
    runs = re.findall(r"^run: (\w+)\[(\d+)\]: free pages (\d+) before, (\d+) after, (.*): (nothing lost|LEAKED)$",
                      log, re.M)
    assert [r[0] for r in runs] == ["oom"] * 4 + ["hello"]
    assert all(r[2] == r[3] and r[5] == "nothing lost" for r in runs), runs
    assert "hello, world from hello (argc 1): malloc works" in log
    assert not re.search(r"Oops|BUG|page allocation failure|Kernel panic", log)
