"""Physical memory: memblock, the lowmem/highmem split, zones and the buddy
allocator, checked against QEMU's memory map and Linux's formulas."""
import pytest

import mmlog
import qemu
from mmlog import MB, PAGE_OFFSET, VMALLOC_OFFSET

DUMPS = "dump=layout,meminfo,zoneinfo,buddyinfo"


def boot_dump(params="", mem=160):
    return qemu.boot(f"{DUMPS} {params} poweroff".strip(), mem=mem).expect_status(qemu.STATUS_OK)


def expected_split(ram_end, lay, reserve=128 * MB, highmem=None):
    """Linux x86_32's lowmem end, from the printed VMALLOC_END."""
    vmalloc_end = lay["vmalloc"][1]
    maxmem = vmalloc_end - PAGE_OFFSET - reserve
    if ram_end <= maxmem:
        low = ram_end
        if highmem and highmem < ram_end and ram_end - highmem >= 64 * MB:
            low = ram_end - highmem
        return low, ram_end
    if highmem is not None and maxmem + highmem < ram_end:
        return maxmem, maxmem + highmem
    return maxmem, ram_end


def check_layout(log, reserve=128 * MB, highmem=None, ram_end=None):
    lay = mmlog.layout(log)
    ram_end = ram_end or mmlog.ram_end(mmlog.e820(log))
    low_end, top = expected_split(ram_end, lay, reserve, highmem)
    pkmap, vmalloc, lowmem = lay["pkmap"], lay["vmalloc"], lay["lowmem"]
    # pkmap is one page table: 1024 slots, 4 MB-aligned; vmalloc ends 2 pages below.
    assert pkmap[1] - pkmap[0] == 1024 * 4096 and pkmap[0] % (4 * MB) == 0
    assert vmalloc[1] == pkmap[0] - 2 * 4096
    assert lay["fixmap"][1] == 0xfffff000 and lay["fixmap"][0] >= pkmap[1]
    # lowmem: 3 GB up to high_memory; vmalloc 8 MB above it (Linux 6.1 formula).
    assert lowmem[0] == PAGE_OFFSET and lowmem[1] == PAGE_OFFSET + low_end
    assert vmalloc[0] == lowmem[1] + VMALLOC_OFFSET
    assert lowmem[2] == low_end >> 20 and vmalloc[2] == (vmalloc[1] - vmalloc[0]) >> 20
    high_mb, low_mb = mmlog.mb_lines(log)
    assert low_mb == low_end >> 20 and high_mb == (top - low_end) >> 20
    # Zones: DMA below 16 MB, Normal to the end of lowmem, HighMem above.
    z = mmlog.zones(log)
    assert z["DMA"] == (0x1000, min(16 * MB, low_end) - 1)
    assert z["Normal"] == ((16 * MB, low_end - 1) if low_end > 16 * MB else None)
    assert z["HighMem"] == ((low_end, top - 1) if top > low_end else None)
    return lay, low_end, top


def test_160mb_matches_linux():
    """Real Linux 6.1 at -m 160: DMA 0x1000-0xffffff, Normal to 0x9fdffff,
    high_memory 0xc9fe0000, VMALLOC_START 0xca7e0000."""
    log = boot_dump().log
    lay, low_end, top = check_layout(log)
    assert mmlog.zones(log) == {"DMA": (0x1000, 0xffffff), "Normal": (0x1000000, 0x9fdffff),
                                "HighMem": None}
    assert lay["lowmem"][1] == 0xc9fe0000
    assert lay["vmalloc"][0] == 0xca7e0000
    assert mmlog.mb_lines(log) == (0, 159)
    zi = mmlog.zoneinfo(log)
    assert zi["DMA"]["spanned"] == 4095 and zi["DMA"]["present"] == 3998   # as Linux
    assert zi["Normal"]["spanned"] == 0x9fe0 - 0x1000


@pytest.mark.parametrize("mem", [16, 160, 896, 2048, 3072])
def test_boot_matrix(mem):
    log = boot_dump(mem=mem).log
    lay, low_end, top = check_layout(log)
    mi = mmlog.meminfo(log)
    assert mi["LowTotal"] + mi["HighTotal"] == mi["MemTotal"]
    assert mi["HighTotal"] <= (top - low_end) >> 10
    assert (mi["HighTotal"] > 0) == (mem > 887)
    # Every managed page is free at the end of boot, and buddyinfo adds up.
    zi, bi = mmlog.zoneinfo(log), mmlog.buddyinfo(log)
    for name, counts in bi.items():
        assert sum(n << o for o, n in enumerate(counts)) == zi[name]["free"]
        assert zi[name]["min"] < zi[name]["low"] < zi[name]["high"]
    assert sum(zi[z]["managed"] for z in zi) * 4 == mi["MemTotal"]


def test_2048_highmem_starts_where_lowmem_ends():
    log = boot_dump(mem=2048).log
    lay, low_end, top = check_layout(log)
    z = mmlog.zones(log)
    assert z["HighMem"][0] == z["Normal"][1] + 1 == lay["lowmem"][1] - PAGE_OFFSET
    assert z["HighMem"][1] == 0x7ffdffff
    # MAXMEM = VMALLOC_END - PAGE_OFFSET - 128 MB, about 888 MB by default
    assert mmlog.mb_lines(log) == (1159, 887)


@pytest.mark.parametrize("mem", [896, 3072])
def test_ktest_buddy_at_more_sizes(run_ktest, mem):
    run_ktest("buddy,boot", mem=mem)


def test_mem_limit():
    log = boot_dump("mem=64M").log
    user = mmlog.e820(log, "user")
    assert mmlog.ram_end(user) == 64 * MB
    check_layout(log, ram_end=64 * MB)
    assert mmlog.mb_lines(log) == (0, 64)


def test_highmem_on_160mb():
    log = boot_dump("highmem=64M").log
    lay, low_end, top = check_layout(log, highmem=64 * MB)
    assert mmlog.zones(log)["HighMem"] == (0x9fe0000 - 64 * MB, 0x9fdffff)
    assert mmlog.mb_lines(log) == (64, 95)
    assert mmlog.meminfo(log)["HighTotal"] > 60 * 1024


def test_highmem_smaller_on_2048():
    log = boot_dump("highmem=512M", mem=2048).log
    lay, low_end, top = check_layout(log, highmem=512 * MB)
    assert top - low_end == 512 * MB


def test_vmalloc_256m_on_2048():
    log = boot_dump("vmalloc=256M", mem=2048).log
    lay, low_end, top = check_layout(log, reserve=256 * MB + VMALLOC_OFFSET)
    assert lay["vmalloc"][2] == 256
    assert lay["lowmem"][2] == 751


@pytest.mark.parametrize("param,mem,message", [
    ("mem=4M", 160, 'Kernel parameter "mem=4M" rejected (too small (minimum 8 MB'),
    ("mem=lots", 160, 'Malformed kernel parameter "mem=lots" (invalid value), default kept'),
    ("highmem=4G", 160, 'Kernel parameter "highmem=4G" rejected (highmem size (4096MB) is bigger '
                        'than pages available (159MB)), default kept'),
    ("highmem=120M", 160, 'Kernel parameter "highmem=120M" rejected (highmem size (120MB) results '
                          'in <64MB lowmem), default kept'),
    ("highmem=2G", 2048, 'Kernel parameter "highmem=2G" rejected (only 1159MB of highmem '
                         'available, not 2048MB), default kept'),
    ("vmalloc=1M", 2048, 'Kernel parameter "vmalloc=1M" rejected (too small (minimum 16 MB'),
    ("vmalloc=2G", 2048, 'Kernel parameter "vmalloc=2G" rejected (too big: leaves less than 64 MB of lowmem)'),
    ("vmalloc=12X", 2048, 'Malformed kernel parameter "vmalloc=12X" (invalid value), default kept'),
])
def test_bad_memory_parameters_keep_defaults(param, mem, message):
    log = boot_dump(param, mem=mem).log
    assert message in log
    assert log.count(param) >= 1
    default = boot_dump(mem=mem).log
    assert mmlog.layout(log) == mmlog.layout(default)
    assert mmlog.zones(log) == mmlog.zones(default)


def test_memblock_dump_and_debug():
    r = qemu.boot("memblock=debug dump=memblock poweroff").expect_status(qemu.STATUS_OK)
    assert "MEMBLOCK configuration:" in r.log
    assert " memory[0x0]\t[0x0000000000001000-0x000000000009efff]" in r.log
    assert "memblock_reserve: [0x00100000-" in r.log      # the kernel image
    assert "memblock_alloc: [" in r.log                   # page tables and mem_map


def test_rodata_and_text_are_read_only():
    for kind in ("text_write", "rodata_write"):
        r = qemu.boot(f"crash={kind} poweroff").expect_status(qemu.STATUS_OOPS)
        assert "#PF: supervisor write access in kernel mode" in r.log
        assert "#PF: error_code(0x0003) - permissions violation" in r.log
        section = ".text" if kind == "text_write" else ".rodata"
        assert f"is in: lowmem (kernel {section})" in r.log


def test_gap_after_lowmem_faults():
    """The 8 MB after high_memory is not mapped, even where boot once had it."""
    r = qemu.boot("crash=lowmem_gap poweroff", mem=16).expect_status(qemu.STATUS_OOPS)
    assert "BUG: unable to handle page fault for address: 0xc0fe0000" in r.log
    assert "is in: unmapped: the 8 MB gap between lowmem and vmalloc" in r.log
