"""The demo (seed 003's module, run in the kernel): the contract's three
lines, the addresses in the regions the article describes, the
explanation, and the interrupt-context lessons with their warnings exactly
where expected."""
import re

import pytest

import mmlog
import qemu

PAGE_OFFSET = 0xC0000000


def demo(mem=160, params=""):
    r = qemu.boot(f"demo {params} poweroff".strip(), mem=mem).expect_status(qemu.STATUS_OK)
    return r.log


def contract_lines(log):
    page = re.search(r"^pagemem addr=0x([0-9a-f]{8}) phys=0x([0-9a-f]{8})$", log, re.M)
    kmem = re.search(r"^kmallocmem addr=0x([0-9a-f]{8}) phys=0x([0-9a-f]{8})$", log, re.M)
    vmem = re.search(r"^vmallocmem addr=0x([0-9a-f]{8})$", log, re.M)
    assert page and kmem and vmem, log[-2000:]
    return ([int(x, 16) for x in page.groups()], [int(x, 16) for x in kmem.groups()],
            int(vmem.group(1), 16))


@pytest.mark.parametrize("mem,params", [(160, ""), (2048, ""), (3072, ""), (160, "highmem=64M")])
def test_demo_addresses_land_where_the_article_says(mem, params):
    log = demo(mem, params)
    (paddr, pphys), (kaddr, kphys), vaddr = contract_lines(log)
    lay = mmlog.layout(log)
    lowmem_end, vstart, vend = lay["lowmem"][1], lay["vmalloc"][0], lay["vmalloc"][1]
    # pagemem and kmallocmem: the direct map, phys + 3 GB (seed 003)
    for addr, phys in ((paddr, pphys), (kaddr, kphys)):
        assert PAGE_OFFSET <= addr < lowmem_end
        assert phys == addr - PAGE_OFFSET
    # vmallocmem: beyond the 8 MB gap, in the vmalloc area
    assert vstart <= vaddr < vend and vaddr >= lowmem_end + 8 * mmlog.MB
    if mem == 160 and not params:
        assert kaddr < 0xca000000 and paddr < 0xca000000      # 3G..3G+160M
        assert vaddr >= 0xca7e0000                             # 3G+168M territory
    # the explanation: regions, walks, scattered frames, freeing
    assert f"pagemem    0x{paddr:08x} is in lowmem" in log
    assert f"vmallocmem 0x{vaddr:08x} is in vmalloc area" in log
    # kmallocmem's walk: lowmem is mapped with 4 MB pages (PSE), but for the
    # 4 MB that holds the whole kernel image and a last, partial 4 MB
    assert lay[".init"][1] <= PAGE_OFFSET + 4 * mmlog.MB
    chunk = kphys & ~(4 * mmlog.MB - 1)
    if chunk and PAGE_OFFSET + chunk + 4 * mmlog.MB <= lowmem_end:
        assert re.search(r"^  kmallocmem: PDE\[\d+\] = 0x%08x \[present rw.* 4M\] "
                         r"-> a 4 MB page at phys 0x%08x$" % (chunk | 0xe3, chunk), log, re.M)
        assert (f"  kmallocmem: (no PTE: offset 0x{kphys - chunk:06x} in the 4 MB page) "
                f"-> phys 0x{kphys:08x}\n") in log
        assert (f"  4 MB page's frame 0x{chunk:08x} + offset 0x{kphys - chunk:06x} = "
                f"0x{kphys:08x} = 0x{kaddr:08x} - 0x{PAGE_OFFSET:08x} (virt_to_phys)\n") in log
    else:
        assert re.search(r"^  kmallocmem: PTE\[\d+\] = 0x[0-9a-f]{8} \[present rw.*\] -> phys 0x%08x$"
                         % kphys, log, re.M)
    assert re.search(r"^  vmallocmem: PTE\[\d+\] = 0x[0-9a-f]{8} \[present rw.*\] -> phys 0x", log, re.M)
    assert "The 25 pages behind vmallocmem" in log
    runs = re.search(r"^  25 pages in (\d+) physically contiguous runs?", log, re.M)
    assert runs
    assert "demo: freed all three (mem_module_exit)" in log


def test_interrupt_lessons_warn_exactly_where_expected():
    log = demo(160, "highmem=64M")
    inside = log.split("[in the timer interrupt: in_irq()=1]", 1)[1].split(
        "[leaving the timer interrupt: the kernel carries on]", 1)[0]
    assert re.search(r"kmalloc\(100, GFP_ATOMIC\) = 0x[0-9a-f]{8}: fine", inside)
    assert re.search(r"kmap_atomic\(pfn 0x[0-9a-f]+\) = 0xff[0-9a-f]{6}: fine, a HighMem page in a fixmap slot", inside)
    sleeping = re.findall(r"^BUG: sleeping function called from invalid context at (\S+)$", inside, re.M)
    assert len(sleeping) == 2
    assert sleeping[1].startswith("mm/vmalloc.c:")
    assert inside.index("kmalloc(100, GFP_KERNEL) in an interrupt handler") < inside.index(
        "vmalloc(4096) in an interrupt handler")
    # ... and nowhere else in the whole boot
    assert len(re.findall(r"^(BUG|WARNING)", log, re.M)) == 2
    assert "---[ end trace" in inside
    dma = re.search(r"^GFP_DMA: kmalloc\(512, GFP_KERNEL \| GFP_DMA\) = 0x[0-9a-f]{8} phys=0x([0-9a-f]{8})",
                    log, re.M)
    assert dma and int(dma.group(1), 16) < 16 * mmlog.MB
    assert "==> demo: done <==" in log


def test_demo_nothing_lost():
    """The demo gives back everything it took (the vmalloc area's page table
    stays, as kernel page tables do)."""
    log = demo(160)
    m = re.search(r"^demo: free pages before (\d+), after (\d+), kept as page tables (\d+): nothing lost$",
                  log, re.M)
    assert m, log[-1500:]
    before, after, tables = map(int, m.groups())
    assert before == after + tables and tables <= 1
