"""HighMem mappings: kmap() and its pkmap window, kmap_atomic() and its
fixmap stack (mm/highmem.c, tests/kernel/highmem_test.c).

The ktest suite runs without HighMem (only the lowmem cases can run, the
others skip), with highmem=64M at 160 MB, and at 2 GB and 3 GB where
HighMem is real; dump=kmaps and the kmap_stale oops are checked here."""
import re

import pytest

import qemu

PKMAP_BASE = 0xff800000
LAST_PKMAP = 1024
FIXMAP_KMAP_SLOT0 = 0xffffe000      # fix_to_virt(FIX_KMAP_BEGIN)

LOWMEM_CASES = {"kmap_lowmem_is_page_address", "kmap_atomic_lowmem_is_page_address",
                "kmap_in_interrupt"}
ALL_CASES = LOWMEM_CASES | {
    "kmap_and_kmap_atomic_agree", "kmap_twice_counts_users", "pkmap_wrap_around",
    "all_slots_busy", "kunmap_not_mapped", "kmap_atomic_nested_in_interrupt",
    "kunmap_atomic_out_of_order", "kmap_atomic_max_depth", "kmaps_dump_lists_mappings",
    "describe_names_slot_and_pfn"}

SLEEP_BUG = re.compile(r"^BUG: sleeping function called from invalid context at include/linux/highmem\.h:\d+$",
                       re.M)
HEADER_RE = re.compile(r"^pkmap: 0x([0-9a-f]{8})-0x([0-9a-f]{8}), (\d+) slots, "
                       r"last_pkmap_nr (\d+), (\d+) lazy flushes$")
PKMAP_ROW = re.compile(r"^ *(\d+)  0x([0-9a-f]{8}) +(\d+) +(\d+)  0x([0-9a-f]{5,})$")
SUMMARY_RE = re.compile(r"^pkmap slots: (\d+) in use, (\d+) unused awaiting flush, (\d+) free$")
ATOMIC_RE = re.compile(r"^kmap_atomic: (\d+) of 16 slots in use$")
ATOMIC_ROW = re.compile(r"^ *(\d+)  0x([0-9a-f]{8})  0x([0-9a-f]{5,})$")


def parse_kmaps(log, which=0):
    """The Nth kmaps dump: {header, pkmap: {slot: (addr, count, users, pfn)},
    summary, atomic_depth, atomic: {slot: (addr, pfn)}}; asserts its format."""
    blocks = log.split("==> /proc/kmaps <==\n")[1:]
    assert len(blocks) > which, "no kmaps dump"
    lines = iter(blocks[which].splitlines())
    m = HEADER_RE.match(next(lines))
    assert m, "bad kmaps header"
    out = {"header": tuple(int(g, 16) if i < 2 else int(g) for i, g in enumerate(m.groups())),
           "pkmap": {}, "atomic": {}}
    assert next(lines) == " slot  address     count  users  pfn"
    for line in lines:
        m = PKMAP_ROW.match(line)
        if not m:
            break
        slot, addr, count, users, pfn = m.groups()
        out["pkmap"][int(slot)] = (int(addr, 16), int(count), int(users), int(pfn, 16))
    m = SUMMARY_RE.match(line)
    assert m, f"bad kmaps summary {line!r}"
    out["summary"] = tuple(map(int, m.groups()))
    m = ATOMIC_RE.match(next(lines))
    assert m, "bad kmap_atomic line"
    out["atomic_depth"] = int(m.group(1))
    assert next(lines) == " slot  address     pfn"
    for line in lines:
        m = ATOMIC_ROW.match(line)
        if not m:
            break
        out["atomic"][int(m.group(1))] = (int(m.group(2), 16), int(m.group(3), 16))
    return out


def highmem_start_pfn(log):
    m = re.search(r"^  HighMem  \[mem 0x([0-9a-f]{16})-", log, re.M)
    assert m, "no HighMem zone"
    return int(m.group(1), 16) >> 12


def test_highmem_suite_without_highmem(run_ktest):
    """At 160 MB all RAM is lowmem: the lowmem cases run, the rest skip."""
    r = run_ktest("highmem", mem=160)
    cases = {c.name: c for c in r.ktap.suite("highmem").cases}
    assert set(cases) == ALL_CASES
    for name in LOWMEM_CASES:
        assert cases[name].ok and not cases[name].skip, name
    for name in ALL_CASES - LOWMEM_CASES:
        assert cases[name].skip and "no HighMem zone" in cases[name].directive, name
    # kmap of a lowmem page from the timer interrupt: exactly one report
    assert len(SLEEP_BUG.findall(r.log)) == 1
    assert "BUG: kmap(" not in r.log and "BUG: kunmap(" not in r.log


@pytest.mark.parametrize("mem,params", [(160, "highmem=64M"), (2048, ""), (3072, "")])
def test_highmem_suite_with_highmem(run_ktest, mem, params):
    r = run_ktest("highmem", mem=mem, params=params)
    suite = r.ktap.suite("highmem")
    assert {c.name for c in suite.cases} == ALL_CASES
    skipped = [c.name for c in suite.cases if c.skip or not c.ok]
    assert skipped == [], f"with HighMem every case must run: {skipped}"
    log = r.log
    first_high = highmem_start_pfn(log)

    # The wrap-around case went round the pkmap window more than twice.
    m = re.search(r"^highmem: (\d+) kmap cycles, (\d+) lazy flushes, (\d+) slots reused "
                  r"before a flush, (\d+) stale translations warmed$", log, re.M)
    assert m and int(m.group(1)) == 3000
    assert int(m.group(2)) >= 2 and int(m.group(3)) > 0 and int(m.group(4)) >= LAST_PKMAP

    # The deliberate misuses, reported with the function, the pfn and the caller.
    busy = re.findall(r"^BUG: kmap\(pfn 0x([0-9a-f]+)\) from all_slots_busy\+0x[0-9a-f]+/0x[0-9a-f]+: "
                      r"all 1024 pkmap slots are in use; returning NULL$", log, re.M)
    assert len(busy) == 1 and int(busy[0], 16) >= first_high
    assert "Linux would sleep until a kunmap() frees a slot" in log
    unmapped = re.findall(r"^BUG: kunmap\(pfn 0x([0-9a-f]+)\) from kunmap_not_mapped\+0x[0-9a-f]+/"
                          r"0x[0-9a-f]+: the page is not kmapped(.*); refused$", log, re.M)
    assert len(unmapped) == 3
    assert unmapped[0][1] == ""
    assert all(re.fullmatch(r" \(pkmap slot \d+ at 0xff[89ab][0-9a-f]{5} has no users left\)", u[1])
               for u in unmapped[1:])
    assert len(SLEEP_BUG.findall(log)) == 2          # lowmem and HighMem kmap in an irq
    assert re.search(r"^BUG: kunmap_atomic\(0xffffe000\) from kunmap_atomic_out_of_order\+\S+: "
                     r"out of order, the most recent kmap_atomic is 0xffffd000 \(2 in use\); refused$",
                     log, re.M)
    assert re.search(r"^BUG: kunmap_atomic\(0xffffd000\) from kunmap_atomic_out_of_order\+\S+: "
                     r"no kmap_atomic mapping is in use; refused$", log, re.M)
    assert log.count("------------[ cut here ]------------") == 8

    # dump=kmaps, printed by the suite while it holds three mappings.
    m = re.search(r"^highmem: dump with pfn 0x([0-9a-f]+) at 0x([0-9a-f]{8}) count 2, "
                  r"pfn 0x([0-9a-f]+) at 0x([0-9a-f]{8}) count 3, "
                  r"kmap_atomic pfn 0x([0-9a-f]+) at 0x([0-9a-f]{8})$", log, re.M)
    assert m
    pfn_a, addr_a, pfn_b, addr_b, pfn_c, addr_c = (int(g, 16) for g in m.groups())
    assert min(pfn_a, pfn_b, pfn_c) >= first_high
    d = parse_kmaps(log)
    assert d["header"][:3] == (PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * 4096, LAST_PKMAP)
    slot_a, slot_b = (addr_a - PKMAP_BASE) >> 12, (addr_b - PKMAP_BASE) >> 12
    assert d["pkmap"] == {slot_a: (addr_a, 2, 1, pfn_a), slot_b: (addr_b, 3, 2, pfn_b)}
    in_use, unused, free = d["summary"]
    assert in_use == 2 and in_use + unused + free == LAST_PKMAP
    assert d["atomic_depth"] == 1 and d["atomic"] == {0: (addr_c, pfn_c)}
    assert addr_c == FIXMAP_KMAP_SLOT0


def test_dump_kmaps_at_boot():
    """Nothing is mapped at the end of boot: the header, an empty table."""
    r = qemu.boot("dump=kmaps highmem=64M poweroff").expect_status(qemu.STATUS_OK)
    d = parse_kmaps(r.log)
    assert d["header"] == (PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * 4096, LAST_PKMAP, 0, 0)
    assert d["pkmap"] == {} and d["summary"] == (0, 0, LAST_PKMAP)
    assert d["atomic_depth"] == 0 and d["atomic"] == {}
    # The window the dump names is the one the layout block prints.
    assert f"    pkmap   : 0x{PKMAP_BASE:08x} - 0x{PKMAP_BASE + LAST_PKMAP * 4096:08x}   (4096 kB)" in r.log


def test_kmap_stale_oops_names_pkmap():
    """A kmap() address used after kunmap(): it still works until the lazy
    flush, then it faults, and the oops names the pkmap slot."""
    r = qemu.boot("crash=kmap_stale highmem=64M poweroff", timeout=60)
    r.expect_status(qemu.STATUS_OOPS)
    m = re.search(r"^crash: kunmap\(pfn 0x([0-9a-f]+)\) done; 0x([0-9a-f]{8}) still reads 0x6b6d6170 "
                  r"until the lazy flush$", r.log, re.M)
    assert m, "the stale address must still work before the flush"
    addr = int(m.group(2), 16)
    slot = (addr - PKMAP_BASE) >> 12
    assert 0 <= slot < LAST_PKMAP
    assert f"BUG: unable to handle page fault for address: 0x{addr:08x}" in r.log
    assert "#PF: supervisor read access in kernel mode" in r.log
    assert "#PF: error_code(0x0000) - not-present page" in r.log
    assert (f"#PF: address 0x{addr:08x} is in: pkmap (kmap slot {slot}: nothing mapped, "
            f"pkmap_count 0) [0xff800000-0xffbfffff]") in r.log
    assert re.search(r"^EIP: crash_kmap_stale\+0x", r.log, re.M)


def test_kmap_stale_without_highmem_is_harmless():
    r = qemu.boot("crash=kmap_stale poweroff", timeout=60).expect_status(qemu.STATUS_OK)
    assert "crash: kmap_stale needs HighMem" in r.log
