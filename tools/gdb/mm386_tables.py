# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/mm386_tables.py - mm-layout, mm-buddyinfo, mm-zoneinfo,
mm-meminfo, mm-slabinfo, mm-vmallocinfo: the kernel's /proc tables and its
layout block, read from guest memory, line for line as dump= prints them.

mm386.py sources this file into its own namespace: value(), ulong(),
list_for_each_entry(), out(), register and MMCommand are its.
"""
import bisect

import gdb


@register
class Layout(MMCommand):
    """Print the "virtual kernel memory layout:" block, computed in GDB.
Usage: mm-layout
The same lines as mm/layout.c prints at boot and for dump=layout: fixmap,
pkmap, vmalloc, lowmem and the kernel image inside it.  The boundaries
are computed from high_memory, the fixmap enum and the ELF's symbols."""

    name = "mm-layout"

    def run(self, arg):
        require("high_memory", "paging_init() has not set up lowmem yet")
        a = arch()
        high = high_memory()
        sect = {n: (s, e) for n, s, e in kernel_sections()}
        text, data_end = sect[".text"], sect[".data"][1]

        def kb(s, e):
            return ((e - s) & U32) >> 10

        def mb(s, e):
            return ((e - s) & U32) >> 20

        out("virtual kernel memory layout:")
        out("    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)"
            % (a.fixaddr_start, a.fixaddr_top, kb(a.fixaddr_start, a.fixaddr_top)))
        out("    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)"
            % (a.pkmap_base, a.pkmap_end, kb(a.pkmap_base, a.pkmap_end)))
        out("    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)"
            % (vmalloc_start(), a.vmalloc_end, mb(vmalloc_start(), a.vmalloc_end)))
        out("    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)"
            % (a.page_offset, high, mb(a.page_offset, high)))
        out("      .init : 0x%08lx - 0x%08lx   (%4ld kB)" % (sect[".init"] + (kb(*sect[".init"]),)))
        out("      .data : 0x%08lx - 0x%08lx   (%4ld kB)"
            % (text[1], data_end, kb(text[1], data_end)))
        out("      .text : 0x%08lx - 0x%08lx   (%4ld kB)" % (text + (kb(*text),)))
        layout_diagram(a, high)


def human_size(nbytes):
    """mm/layout.c's human_size(): "4 kB", "848 MB", "3 GB"."""
    if nbytes >= 1 << 30 and not nbytes & ((1 << 30) - 1):
        return "%d GB" % (nbytes >> 30)
    if nbytes >= 10 << 20 or not nbytes & ((1 << 20) - 1):
        return "%d MB" % (nbytes >> 20)
    return "%d kB" % (nbytes >> 10)


def symbol_name(addr):
    """%ps: the name of the function at @addr, or its address."""
    text = gdb.execute("info symbol 0x%x" % addr, to_string=True)
    return text.split()[0] if not text.startswith("No symbol") else "0x%08x" % addr


DIAGRAM_MAX_AREAS = 8   # mm/layout.c


def layout_diagram(a, high):
    """The 4 GB picture that dump=layout prints after the block."""
    rule = "-" * 46

    def edge(addr, name=None):
        out("  0x%08x +%s+%s" % (addr, rule, " " + name if name else ""))

    def text(t, size=""):
        out("             | %-34.34s %9s |" % (t, size))

    def region(start, end, what):
        text(what, human_size(end - start))

    pkmap_end = a.pkmap_base + 1024 * a.page_size
    out("4 GB virtual address space (top down; sizes not to scale):")
    edge(0xffffffff)
    region(a.fixaddr_top, 1 << 32, "top page (never mapped)")
    edge(a.fixaddr_top, "FIXADDR_TOP")
    region(a.fixaddr_start, a.fixaddr_top, "fixmap: kmap_atomic slots")
    edge(a.fixaddr_start, "FIXADDR_START")
    region(pkmap_end, a.fixaddr_start, "unmapped")
    edge(pkmap_end)
    region(a.pkmap_base, pkmap_end, "pkmap: 1024 kmap() slots")
    edge(a.pkmap_base, "PKMAP_BASE")
    region(a.vmalloc_end, a.pkmap_base, "unmapped (2 pages)")
    edge(a.vmalloc_end, "VMALLOC_END")
    region(vmalloc_start(), a.vmalloc_end, "vmalloc area")
    areas = []
    for va in list_for_each_entry(value("vmap_area_list"), "struct vmap_area", "list"):
        vm = va["vm"]
        if ulong(vm) and not ulong(vm["flags"]) & 0x20:      # VM_UNINITIALIZED
            areas.append(vm)
    for vm in areas[:DIAGRAM_MAX_AREAS]:
        flags = ulong(vm["flags"])
        kind = "vmalloc" if flags & 2 else "vmap" if flags & 4 else "area"
        text("  0x%08x %s %s" % (ulong(vm["addr"]), kind, symbol_name(ulong(vm["caller"]))),
             human_size(ulong(vm["size"])))
    if not areas:
        text("  (no areas)")
    elif len(areas) > DIAGRAM_MAX_AREAS:
        text("  ... and %d more areas (vmallocinfo)" % (len(areas) - DIAGRAM_MAX_AREAS))
    edge(vmalloc_start(), "VMALLOC_START")
    region(high, vmalloc_start(), "gap: VMALLOC_OFFSET, unmapped")
    edge(high, "high_memory")
    region(a.page_offset, high, "lowmem: RAM, at 3 GB + phys")
    mem_map, max_pfn = ulong(value("mem_map")), ulong(value("max_pfn"))
    map_end = mem_map + max_pfn * value("mem_map").type.target().sizeof
    text("  mem_map 0x%08x-0x%08x" % (mem_map, map_end), human_size(map_end - mem_map))
    start, end = ulong(value("&_text")), ulong(value("&_end"))
    text("  kernel  0x%08x-0x%08x" % (start, end), human_size(end - start))
    edge(a.page_offset, "PAGE_OFFSET")
    region(a.page_size, a.page_offset, "user space: each process's own")
    edge(a.page_size)
    region(0, a.page_size, "NULL page (never mapped)")
    edge(0)
    tables = ulong(value("vm_stat[NR_PAGETABLE]"))
    out("kernel page tables: %d (%d kB), in swapper_pg_dir, shared by every process"
        % (tables, tables * 4))


@register
class BuddyInfo(MMCommand):
    """Print /proc/buddyinfo: free blocks of each order in each zone.
Usage: mm-buddyinfo
The same lines as dump=buddyinfo (mm/vmstat.c): for every populated zone,
the count of free blocks of order 0 (4 kB) up to MAX_ORDER - 1 (4 MB),
read from zone->free_area[order].nr_free."""

    name = "mm-buddyinfo"

    def run(self, arg):
        require("totalram_pages_count", "the buddy allocator is not up yet")
        for zone in zones():
            if not ulong(zone["present_pages"]):
                continue
            line = "Node 0, zone %8s " % zone_name(zone)
            for order in range(arch().max_order):
                line += "%6lu " % ulong(zone["free_area"][order]["nr_free"])
            out(line)


# mm/vmstat.c's tables of Linux 6.1's counter names, in order.
ZONE_STATS = ["nr_free_pages", "nr_zone_inactive_anon", "nr_zone_active_anon",
              "nr_zone_inactive_file", "nr_zone_active_file", "nr_zone_unevictable",
              "nr_zone_write_pending", "nr_mlock", "nr_bounce", "nr_free_cma"]
NODE_STATS = ["nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file",
              "nr_unevictable", "nr_slab_reclaimable", "nr_slab_unreclaimable",
              "nr_isolated_anon", "nr_isolated_file", "workingset_nodes",
              "workingset_refault_anon", "workingset_refault_file",
              "workingset_activate_anon", "workingset_activate_file",
              "workingset_restore_anon", "workingset_restore_file", "workingset_nodereclaim",
              "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_dirty", "nr_writeback",
              "nr_writeback_temp", "nr_shmem", "nr_shmem_hugepages", "nr_shmem_pmdmapped",
              "nr_file_hugepages", "nr_file_pmdmapped", "nr_anon_transparent_hugepages",
              "nr_vmscan_write", "nr_vmscan_immediate_reclaim", "nr_dirtied", "nr_written",
              "nr_throttled_written", "nr_kernel_misc_reclaimable", "nr_foll_pin_acquired",
              "nr_foll_pin_released", "nr_kernel_stack", "nr_page_table_pages",
              "nr_sec_page_table_pages", "nr_swapcached"]


def vm_stat(item):
    return ulong(value("vm_stat[%s]" % item))


def node_stat(name):
    """mm/vmstat.c node_stat(): the counters mm386 keeps, by Linux's names."""
    return {"nr_slab_reclaimable": vm_stat("NR_SLAB_RECLAIMABLE"),
            "nr_slab_unreclaimable": vm_stat("NR_SLAB_UNRECLAIMABLE") +
            vm_stat("NR_KMALLOC_LARGE"),
            "nr_kernel_stack": vm_stat("NR_KERNEL_STACK_KB"),
            "nr_page_table_pages": vm_stat("NR_USER_PAGETABLE"),
            "nr_anon_pages": vm_stat("NR_ANON_MAPPED")}.get(name, 0)


@register
class ZoneInfo(MMCommand):
    """Print /proc/zoneinfo: free pages, watermarks and sizes of each zone.
Usage: mm-zoneinfo
The same lines as dump=zoneinfo (mm/vmstat.c, Linux 6.1's format), read
from contig_page_data.node_zones[] and vm_stat[]."""

    name = "mm-zoneinfo"

    def run(self, arg):
        require("totalram_pages_count", "the buddy allocator is not up yet")
        node_done = False
        for zone in zones():
            wmark = zone["_watermark"]
            populated = ulong(zone["present_pages"]) != 0
            out("Node 0, zone %8s" % zone_name(zone))
            if populated and not node_done:
                node_done = True
                out("  per-node stats")
                for name in NODE_STATS:
                    out("      %-12s %lu" % (name, node_stat(name)))
            out("  pages free     %lu" % ulong(zone["free_pages"]))
            out("        boost    0")
            for i, w in enumerate(("min", "low", "high")):
                out("        %-8s %lu" % (w, ulong(wmark[i])))
            for f in ("spanned", "present", "managed"):
                out("        %-8s %lu" % (f, ulong(zone[f + "_pages"])))
            out("        cma      0")
            reserve = zone["lowmem_reserve"]
            out("        protection: (%s)"
                % ", ".join("%d" % int(reserve[i]) for i in range(arch().nr_zones)))
            if not populated:
                continue
            for i, name in enumerate(ZONE_STATS):
                out("      %-12s %lu" % (name, ulong(zone["free_pages"]) if i == 0 else 0))
            pcp = zone["pcp"]
            out("  pagesets")
            out("    cpu: 0")
            for f in ("count", "high", "batch"):
                out("              %-6s %d" % (f + ":", int(pcp[f])))
            mem = ulong(zone["managed_pages"]) >> (27 - arch().page_shift)
            out("  vm stats threshold: %d" % min(2 * (1 + mem.bit_length()), 125))
            out("  node_unreclaimable:  0")
            out("  start_pfn:           %lu" % ulong(zone["zone_start_pfn"]))


@register
class MemInfo(MMCommand):
    """Print /proc/meminfo: where all of RAM is.
Usage: mm-meminfo
The same lines as dump=meminfo (mm/meminfo.c), from the zones, the
vm_stat[] counters and the layout."""

    name = "mm-meminfo"

    def run(self, arg):
        require("totalram_pages_count", "the buddy allocator is not up yet")
        a = arch()
        zs = zones()
        kb = a.page_shift - 10
        free = sum(ulong(z["free_pages"]) for z in zs)
        high_free = ulong(zs[enum_value("ZONE_HIGHMEM")]["free_pages"])
        total, high_total = ulong("totalram_pages_count"), ulong("totalhigh_pages_count")
        slab_r = vm_stat("NR_SLAB_RECLAIMABLE")
        slab_u = vm_stat("NR_SLAB_UNRECLAIMABLE") + vm_stat("NR_KMALLOC_LARGE")
        # si_mem_available() (mm/show_mem.c)
        wmark_low = sum(ulong(z["_watermark"][1]) for z in zs)
        avail = max(0, free - ulong("totalreserve_pages") + slab_r - min(slab_r // 2, wmark_low))
        rows = [("MemTotal:", total), ("MemFree:", free), ("MemAvailable:", avail)]
        rows += [(n + ":", 0) for n in ("Buffers", "Cached", "SwapCached", "Active", "Inactive",
                                        "Active(anon)", "Inactive(anon)", "Active(file)",
                                        "Inactive(file)", "Unevictable", "Mlocked")]
        rows += [("HighTotal:", high_total), ("HighFree:", high_free),
                 ("LowTotal:", total - high_total), ("LowFree:", free - high_free)]
        rows += [(n + ":", 0) for n in ("SwapTotal", "SwapFree", "Dirty", "Writeback")]
        rows += [("AnonPages:", vm_stat("NR_ANON_MAPPED")), ("Mapped:", 0), ("Shmem:", 0)]
        rows += [("KReclaimable:", slab_r), ("Slab:", slab_r + slab_u),
                 ("SReclaimable:", slab_r), ("SUnreclaim:", slab_u)]
        for name, pages in rows:
            out("%-16s%8lu kB" % (name, pages << kb))
        out("KernelStack:    %8lu kB" % vm_stat("NR_KERNEL_STACK_KB"))
        rows = [("PageTables:", vm_stat("NR_USER_PAGETABLE")), ("SecPageTables:", 0),
                ("NFS_Unstable:", 0), ("Bounce:", 0), ("WritebackTmp:", 0),
                ("CommitLimit:", total * 50 // 100), ("Committed_AS:", 0)]
        for name, pages in rows:
            out("%-16s%8lu kB" % (name, pages << kb))
        out("VmallocTotal:   %8lu kB" % ((a.vmalloc_end - vmalloc_start()) >> 10))
        for name, pages in [("VmallocUsed:", vm_stat("NR_VMALLOC")), ("VmallocChunk:", 0),
                            ("Percpu:", 0)]:
            out("%-16s%8lu kB" % (name, pages << kb))
        # arch_report_meminfo(): how paging_init() mapped lowmem (PG_LEVEL_4K, _2M = 4 MB)
        out("DirectMap4k:    %8lu kB" % (ulong("direct_pages_count[1]") << kb))
        out("DirectMap4M:    %8lu kB" % (ulong("direct_pages_count[2]") << 12))


SLAB_INUSE_MASK = 0xffff       # page->private: objects in use (low 16 bits), colour (high)


@register
class SlabInfo(MMCommand):
    """Print /proc/slabinfo: every kmem_cache, its objects and slabs.
Usage: mm-slabinfo
The same lines as dump=slabinfo (slabinfo_show() in mm/slab.c), for the
caches on slab_caches, newest first, with SLUB's semantics: active_objs
is every object but the free ones on the lists (the partial slabs' and
the empty slabs'; the active slab's free objects count as active), and
active_slabs is every slab."""

    name = "mm-slabinfo"

    def run(self, arg):
        require("slab_caches.next", "kmem_cache_init() has not run yet")
        if ulong("slab_caches.next") == address_of("slab_caches"):
            raise gdb.GdbError("slab_caches is empty: kmem_cache_init() has not run "
                               "yet (stop after mm_init(), e.g. hbreak crash_boot)")
        out("slabinfo - version: 2.1")
        out("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
            " : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs>"
            " <num_slabs> <sharedavail>")
        for c in list_for_each_entry(value("slab_caches"), "struct kmem_cache", "list"):
            num, slabs = ulong(c["num"]), ulong(c["nr_slabs"])
            free = ulong(c["nr_free_slabs"]) * num + sum(
                num - (ulong(p["private"]) & SLAB_INUSE_MASK)
                for p in list_for_each_entry(c["slabs_partial"], "struct page", "lru"))
            out("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu"
                % (c["name"].string(), slabs * num - free, slabs * num, ulong(c["size"]),
                   num, 1 << ulong(c["order"]), 0, 0, 0, slabs, slabs, 0))


# include/linux/vmalloc.h, vm_struct->flags (Linux's values; macros only).
VM_IOREMAP, VM_ALLOC, VM_MAP = 0x1, 0x2, 0x4
# The words Linux 6.1's s_show() prints for them, in its order.
VM_WORDS = [(VM_IOREMAP, "ioremap"), (VM_ALLOC, "vmalloc"), (VM_MAP, "vmap"), (0x8, "user"),
            (0x10, "dma-coherent")]


class Kallsyms:
    """The kernel's own symbol table (kernel/kallsyms.c), so that a caller
    prints as the kernel's %pS does: "name+0xoff/0xsize"."""

    def __init__(self):
        n = ulong("kallsyms_num_syms")
        mem = gdb.selected_inferior()

        def words(sym):
            data = mem.read_memory(address_of(sym), 4 * n).tobytes()
            return [int.from_bytes(data[i:i + 4], "little") for i in range(0, 4 * n, 4)]
        self.addresses, self.sizes = words("kallsyms_addresses"), words("kallsyms_sizes")
        self.offsets, self.names = words("kallsyms_offsets"), address_of("kallsyms_names")

    def format(self, addr):
        """sprint_symbol(): the last symbol at or below @addr, if @addr is inside it."""
        i = bisect.bisect_right(self.addresses, addr) - 1
        if i < 0 or addr - self.addresses[i] >= self.sizes[i]:
            return "0x%08lx" % addr
        name = value("(char *)%d" % (self.names + self.offsets[i])).string()
        return "%s+%#x/%#x" % (name, addr - self.addresses[i], self.sizes[i])


@register
class VmallocInfo(MMCommand):
    """Print /proc/vmallocinfo: the areas of the vmalloc address space.
Usage: mm-vmallocinfo
The same lines as dump=vmallocinfo (mm/vmallocinfo.c), from vmap_area_list in
address order: "0x%08lx-0x%08lx %7ld caller pages=N words", where the size
includes the guard page, the caller is printed as %pS prints it, and the
words are Linux 6.1's for the area's flags (ioremap, vmalloc, vmap, user,
dma-coherent, vpages); areas still being set up are shown too, and
vm_map_ram ranges as "vm_map_ram".  A kernel built without mm/vmalloc.c
has no such list."""

    name = "mm-vmallocinfo"

    def run(self, arg):
        if not symbol_known("vmap_area_list"):
            out("mm-vmallocinfo: vmalloc is not in this kernel (no vmap_area_list)")
            return
        # vmalloc_init() sets the hook; an empty list before it means "not yet".
        require("vmalloc_describe_hook", "vmalloc_init() has not run yet")
        a = arch()
        syms = None
        for va in list_for_each_entry(value("vmap_area_list"), "struct vmap_area", "list"):
            vm = va["vm"]
            start, end = ulong(va["va_start"]), ulong(va["va_end"])
            if not ulong(vm):
                out("0x%08lx-0x%08lx %7ld vm_map_ram" % (start, end, end - start))
                continue
            flags = ulong(vm["flags"])
            line = "0x%08lx-0x%08lx %7ld" % (start, start + ulong(vm["size"]), ulong(vm["size"]))
            if ulong(vm["caller"]):
                syms = syms or Kallsyms()
                line += " " + syms.format(ulong(vm["caller"]))
            if ulong(vm["nr_pages"]):
                line += " pages=%u" % ulong(vm["nr_pages"])
            for flag, word in VM_WORDS:
                if flags & flag:
                    line += " " + word
            if vmalloc_start() <= ulong(vm["pages"]) < a.vmalloc_end:
                line += " vpages"
            out(line)
