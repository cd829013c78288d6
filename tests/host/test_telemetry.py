"""The "telemetry" parameter: JSON snapshots of the allocators on COM2.

QEMU gets two serial ports: COM1 (the console, a file or a pty) and COM2
(a file).  Each line of the second file is one snapshot (kernel/telemetry.c);
its numbers must be the ones the kernel's own tables print on COM1, and
without the parameter COM2 stays empty and COM1 says nothing new.
"""
import json
import os
import re

import pexpect
import pytest

import mmlog
import qemu

PROMPT = "mm386> "


def boot2(params, tmp_path, mem=160):
    """Boot with COM1 and COM2 in files; return (result, [snapshots])."""
    com2 = tmp_path / "com2.jsonl"
    r = qemu.boot(params, mem=mem, extra=["-serial", f"file:{com2}"])
    lines = com2.read_text().splitlines() if com2.exists() else []
    return r, [json.loads(line) for line in lines]


def slab(snap, name):
    return next(s for s in snap["slabs"] if s["name"] == name)


def zone(snap, name):
    return next(z for z in snap["zones"] if z["name"] == name)


@pytest.mark.parametrize("mem", [160, 2048])
def test_boot_snapshot_matches_the_dumps(tmp_path, mem):
    r, snaps = boot2("telemetry poweroff dump=buddyinfo,slabinfo,vmallocinfo,kmaps "
                     "demo", tmp_path, mem=mem)
    r.expect_status(qemu.STATUS_OK)
    assert "telemetry: JSON snapshots of the allocators on ttyS1 (COM2)" in r.log
    assert len(snaps) == 1, snaps
    s = snaps[0]
    assert s["seq"] == 1 and s["why"] == "boot" and s["processes"] == []

    lay, L = mmlog.layout(r.log), s["layout"]
    assert L["page_offset"] == mmlog.PAGE_OFFSET
    assert (L["vmalloc_start"], L["vmalloc_end"]) == lay["vmalloc"][:2]
    assert (L["page_offset"], L["high_memory"]) == lay["lowmem"][:2]
    assert L["pkmap_base"] == lay["pkmap"][0]
    assert L["pkmap_base"] + L["last_pkmap"] * 4096 == lay["pkmap"][1]
    assert (L["fixaddr_start"], L["fixaddr_top"]) == lay["fixmap"][:2]
    assert L["kernel"]["text"][0] == lay[".text"][0]
    assert L["kernel"]["init"] == list(lay[".init"][:2])

    buddy = mmlog.buddyinfo(r.log)
    for name, counts in buddy.items():
        z = zone(s, name)
        assert z["free_area"] == counts, name
        assert z["free"] == sum(n << o for o, n in enumerate(counts)) + \
            sum(1 << o for _, o in z["pcp"]), name
        small = sorted(o for _, o in z["blocks"])
        assert small == sorted(o for o, n in enumerate(counts[:10]) for _ in range(n)) \
            or z["more"], name
        # every block listed is aligned to its order and inside its zone
        for pfn, order in z["blocks"]:
            assert pfn % (1 << order) == 0
            assert z["start_pfn"] <= pfn < z["start_pfn"] + z["spanned"]
    # one bit of max_order_map per free order-10 block
    bits = sum(bin(int(c, 16)).count("1") for c in s["max_order_map"])
    assert bits == sum(c[10] for c in buddy.values())

    rows = {row.split()[0]: row.split() for row in mmlog.proc(r.log, "slabinfo")[2:]}
    for c in s["slabs"]:
        row = rows[c["name"]]
        slabs = c["full"] + len(c["partial"]) + c["free"] + (c["active"] >= 0)
        assert slabs * c["num"] == int(row[2]), c["name"]
        # slabinfo's active_objs has SLUB's meaning (docs/proc.md): all but
        # the free objects of the listed slabs; the active slab's count too.
        listed_free = sum(c["num"] - p for p in c["partial"]) + c["free"] * c["num"]
        assert slabs * c["num"] - listed_free == int(row[1]), c["name"]
        assert c["inuse"] == c["full"] * c["num"] + sum(c["partial"]) + max(c["active"], 0)
        assert c["size"] == int(row[3]) and c["num"] == int(row[4])

    areas = [line for line in mmlog.proc(r.log, "vmallocinfo") if line.startswith("0x")]
    assert len(areas) == len(s["vmalloc"])
    for line, a in zip(areas, s["vmalloc"]):
        start, end = (int(x, 16) for x in re.match(r"0x(\w+)-0x(\w+)", line).groups())
        assert (a["addr"], a["addr"] + a["size"]) == (start, end)
        assert a["caller"].split("+")[0] in line
    if mem == 2048:
        assert zone(s, "HighMem")["managed"] > 0


def test_without_the_parameter_com2_stays_empty_and_com1_unchanged(tmp_path):
    r, snaps = boot2("poweroff", tmp_path)
    r.expect_status(qemu.STATUS_OK)
    assert snaps == []
    assert "telemetry" not in r.log
    plain = qemu.boot("poweroff")
    strip = lambda log: re.sub(r"\(\d+ TSC ticks", "(N TSC ticks", log)  # noqa: E731
    assert strip(plain.log) == strip(r.log)


def test_no_second_uart_is_a_warning_not_a_crash():
    r = qemu.boot("telemetry poweroff")
    r.expect_status(qemu.STATUS_OK)
    assert "telemetry: no UART at 0x2f8 (ttyS1); no snapshots" in r.log


def test_a_value_is_refused():
    r = qemu.boot("telemetry=1 poweroff")
    r.expect_status(qemu.STATUS_OK)
    assert 'Malformed kernel parameter "telemetry=1" (takes no value), default kept' in r.log


def test_a_snapshot_after_each_shell_command(tmp_path):
    com2 = tmp_path / "com2.jsonl"
    args = ["--kill-after=5", "120", qemu.QEMU] + qemu.QEMU_BASE + [
        "-kernel", qemu.KERNEL, "-m", "2048", "-append", "telemetry",
        "-chardev", "stdio,id=ser0,signal=off", "-serial", "chardev:ser0",
        "-serial", f"file:{com2}"]
    child = pexpect.spawn("timeout", args, encoding="utf-8", timeout=60)

    def run(line):
        child.send(line + "\r")
        child.expect_exact(PROMPT)
        return child.before.replace("\r", "")

    def snaps():
        return [json.loads(x) for x in com2.read_text().splitlines()]
    try:
        child.expect_exact(PROMPT)
        assert len(snaps()) == 1
        out = run("kmalloc 100")
        after = snaps()
        assert [x["why"] for x in after] == ["boot", "kmalloc 100"]
        assert [x["seq"] for x in after] == [1, 2]
        assert slab(after[1], "kmalloc-128")["inuse"] == slab(after[0], "kmalloc-128")["inuse"] + 1
        addr = re.search(r"= (0x[0-9a-f]+) phys", out).group(1)
        run(f"kfree {addr}")
        assert slab(snaps()[2], "kmalloc-128")["inuse"] == slab(after[0], "kmalloc-128")["inuse"]

        out = run("alloc_pages 9 GFP_HIGHUSER")
        pfn = int(re.search(r"pfn (0x[0-9a-f]+)", out).group(1), 16)
        s = snaps()[-1]
        hm = zone(s, "HighMem")
        assert hm["free"] == zone(snaps()[-2], "HighMem")["free"] - 512
        assert all(not (b <= pfn < b + (1 << o)) for b, o in hm["blocks"])
        run(f"kmap {pfn:#x}")
        s = snaps()[-1]
        slots = [p for p in s["pkmap"] if p[1] == pfn]
        assert len(slots) == 1 and slots[0][2] == 2, s["pkmap"]
        run(f"kunmap {pfn:#x}")
        run(f"free_pages pfn:{pfn:#x} 9")
        s = snaps()[-1]
        assert zone(s, "HighMem")["free_area"] == zone(after[0], "HighMem")["free_area"]

        run("vmalloc 8192")
        s = snaps()[-1]
        assert s["vmalloc"][-1]["size"] == 3 * 4096 and s["vmalloc"][-1]["guard"] == 1
        assert s["vmalloc"][-1]["pages"] == 2 and s["vmalloc"][-1]["kind"] == "vmalloc"
        assert s["why"] == "vmalloc 8192"
    finally:
        child.send("poweroff\r")
        child.expect(pexpect.EOF)
        child.close()
    assert child.exitstatus == qemu.STATUS_OK
    assert os.path.getsize(com2) > 0


def test_processes_and_their_vmas(tmp_path):
    """A process `run -b` started is in every snapshot until it exits, with
    its VMAs named as its /proc/PID/maps names them."""
    from shellrun import Shell
    com2 = tmp_path / "com2.jsonl"
    user = os.path.join(qemu.BUILD, "user")
    sh = Shell(params="telemetry norun", initrd=[os.path.join(user, "hold")], com2=com2)
    try:
        assert json.loads(com2.read_text().splitlines()[0])["processes"] == []
        sh.run("run -b hold")
        maps = sh.run("maps 2")
        snap = json.loads(com2.read_text().splitlines()[-1])
        assert [(p["pid"], p["name"]) for p in snap["processes"]] == [(1, "hold"), (2, "hold")]
        want = []
        for line in maps.splitlines()[1:]:
            rng, *rest = line.split()
            start, end = (int(x, 16) for x in rng.split("-"))
            want.append((start, end, rest[4] if len(rest) > 4 else ""))
        got = [(v["start"], v["end"], v["name"]) for v in snap["processes"][1]["vmas"]]
        assert got == want and {"/hold", "[heap]", "[stack]", ""} <= {n for *_, n in got}
        sh.run("kill 1")
        sh.run("kill 2")
        assert json.loads(com2.read_text().splitlines()[-1])["processes"] == []
    finally:
        sh.close()
