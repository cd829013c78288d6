# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/mm386.py - GDB commands that read mm386's memory management
straight out of guest memory, while the kernel is stopped.

`make gdb` loads this file (through tools/gdb/gdbinit); by hand:

    (gdb) source tools/gdb/mm386.py

    mm-layout       the "virtual kernel memory layout:" block (mm/layout.c)
    mm-buddyinfo    /proc/buddyinfo (mm/vmstat.c)
    mm-zoneinfo     /proc/zoneinfo (mm/vmstat.c)
    mm-meminfo      /proc/meminfo (mm/meminfo.c)
    mm-slabinfo     /proc/slabinfo (mm/slab.c)
    mm-vmallocinfo  /proc/vmallocinfo (mm/vmallocinfo.c, once the kernel has it)
    mm-page PFN|ADDR|PAGE  one struct page, its flags by name, and what it is used for
    mm-v2p [PID] ADDR  walk the page tables from CR3 (or PID's): PDE, PTE, physical address
    mm-ps, mm-maps PID, mm-pgdcmp PID1 PID2   user processes (mm386_procs.py)

The table commands print exactly what the kernel's dump= prints, line for
line (tests/host/test_gdb_helpers.py compares them), so what you see in
GDB and on the serial port can be read side by side.  Nothing here writes
to the guest.

Where the numbers come from: the structures are read through the ELF's
debug information (struct zone, struct page, enum pageflags...), and the
layout constants are computed from the ELF rather than copied from the
headers wherever the ELF knows them:

    PAGE_OFFSET      linker.ld's absolute symbol PAGE_OFFSET
    PAGE_SIZE        sizeof(swapper_pg_dir): the page directory is one page
    PTRS_PER_PTE     entries in swapper_pg_dir (a page table has as many)
    MAX_ORDER        entries in zone->free_area
    fixmap size      enum fixed_addresses: __end_of_fixed_addresses pages
    FIXADDR_TOP      the last page of the 4 GB stays unmapped: 4G - PAGE_SIZE
    LAST_PKMAP       entries in pkmap_count[] if the kernel has it, else
                     one page table's worth (PTRS_PER_PTE), as in Linux
    VMALLOC_OFFSET   8 MB: like the slab's page->private layout and the
                     VM_* flags of vm_struct, it only exists as a macro

Adding a command: subclass MMCommand, give it a `name` and a docstring
(that is its `help` text), write run(arg), and decorate it with @register.
list_for_each_entry() and container_of() walk the kernel's struct
list_head lists, e.g.

    for cache in list_for_each_entry(value("slab_caches"), "struct kmem_cache", "list"):
        out("%-17s %6lu" % (cache["name"].string(), ulong(cache["num"])))
"""
import bisect
import os
import struct

import gdb

U32 = 0xffffffff

# ---------------------------------------------------------------------
# Reading values
# ---------------------------------------------------------------------


def value(expr):
    """A gdb.Value for a C expression in the kernel's terms."""
    return gdb.parse_and_eval(expr)


def ulong(v):
    """A gdb.Value (or an expression) as a Python int, like C's unsigned long."""
    if isinstance(v, str):
        v = value(v)
    if v.type.strip_typedefs().code == gdb.TYPE_CODE_PTR:
        v = v.cast(gdb.lookup_type("unsigned long"))
    return int(v) & U32


def address_of(symbol):
    """The address of a symbol, with or without debug information."""
    return ulong(value("(unsigned long)&%s" % symbol))


def symbol_known(name):
    """Does the ELF's debug information have a variable @name (global or static)?"""
    return gdb.lookup_global_symbol(name) is not None or \
        gdb.lookup_static_symbol(name) is not None


def enum_value(name):
    """The value of an enumerator, e.g. enum_value("__end_of_fixed_addresses")."""
    return int(value("(int)%s" % name))


def array_len(expr):
    return int(value("sizeof(%s) / sizeof((%s)[0])" % (expr, expr)))


def offset_of(type_name, member):
    """offsetof(type, member); @member may be a path such as "lru.next"."""
    t = gdb.lookup_type(type_name)
    off = 0
    for part in member.split("."):
        field = next((f for f in t.strip_typedefs().fields() if f.name == part), None)
        if field is None:
            raise gdb.GdbError("%s has no member %s" % (t, part))
        off += field.bitpos // 8
        t = field.type
    return off


def container_of(ptr, type_name, member):
    """The struct @type_name whose @member is at @ptr, as a pointer."""
    t = gdb.lookup_type(type_name)
    return gdb.Value(ulong(ptr) - offset_of(type_name, member)).cast(t.pointer())


def list_for_each_entry(head, type_name, member, limit=1 << 20):
    """Yield a pointer to each @type_name on the struct list_head @head
    (a gdb.Value of the head itself), linked through @member."""
    head_addr = ulong(head.address)
    node = head["next"]
    for _ in range(limit):
        addr = ulong(node)
        if addr == head_addr:
            return
        if addr == 0:
            raise gdb.GdbError("list at 0x%08x: NULL next pointer (not initialised, or corrupt)"
                               % head_addr)
        yield container_of(node, type_name, member)
        node = node.dereference()["next"]
    raise gdb.GdbError("list at 0x%08x does not end after %d entries (a cycle?)"
                       % (head_addr, limit))


def read_u32(addr):
    """One 32-bit word of guest memory at virtual address @addr."""
    data = gdb.selected_inferior().read_memory(addr, 4).tobytes()
    return int.from_bytes(data, "little")


def read_table(vaddr):
    """A page directory or page table at kernel address @vaddr: its 1024 entries."""
    data = gdb.selected_inferior().read_memory(vaddr, 4096).tobytes()
    return list(struct.unpack("<1024I", data))


def out(line=""):
    gdb.write(line + "\n")


def c_alt_hex(n):
    """C's %#lx: 0 prints as "0", anything else as 0x..."""
    return "%#lx" % n if n else "0"


# ---------------------------------------------------------------------
# The architecture and the kernel's gigabyte, from the ELF
# ---------------------------------------------------------------------

VMALLOC_OFFSET = 8 << 20        # include/asm/pgtable.h (a macro only)
CR0_PG = 1 << 31
LIST_POISON = (0x00100100, 0x00200200)   # include/linux/list.h, what list_del() leaves

PTE_FLAGS = [                   # include/asm/pgtable.h, bit by bit
    (0x001, "present", None), (0x002, "rw", "ro"), (0x004, "user", "kernel"),
    (0x008, "pwt", None), (0x010, "pcd", None), (0x020, "accessed", None),
    (0x040, "dirty", None), (0x080, "pse", None), (0x100, "global", None),
]


# mm/init.c defines swapper_pg_dir (in C, so that it has a type for GDB).
SWAPPER_PG_DIR = "'mm/init.c'::swapper_pg_dir"


class Arch:
    """Page-table geometry (fixed for a build; read once)."""

    def __init__(self):
        self.page_offset = address_of("PAGE_OFFSET")
        self.page_size = int(value("sizeof(%s)" % SWAPPER_PG_DIR))
        self.page_shift = self.page_size.bit_length() - 1
        self.ptrs_per_pte = array_len(SWAPPER_PG_DIR)
        self.pgdir_shift = self.page_shift + self.ptrs_per_pte.bit_length() - 1
        self.pmd_mask = ~((1 << self.pgdir_shift) - 1) & U32
        self.max_order = array_len("contig_page_data.node_zones[0].free_area")
        self.nr_zones = enum_value("MAX_NR_ZONES")
        self.zones_pgshift = 32 - (self.nr_zones - 1).bit_length()

        self.fixaddr_top = (1 << 32) - self.page_size
        self.fixaddr_start = self.fixaddr_top - \
            enum_value("__end_of_fixed_addresses") * self.page_size
        self.last_pkmap = array_len("pkmap_count") if symbol_known("pkmap_count") \
            else self.ptrs_per_pte
        self.pkmap_base = (self.fixaddr_start - self.page_size * (self.last_pkmap + 1)) \
            & self.pmd_mask
        self.pkmap_end = self.pkmap_base + self.last_pkmap * self.page_size
        self.vmalloc_end = self.pkmap_base - 2 * self.page_size

    def pa(self, vaddr):
        return (vaddr - self.page_offset) & U32

    def va(self, phys):
        return (phys + self.page_offset) & U32


_arch = None


def arch():
    global _arch
    if _arch is None:
        _arch = Arch()
    return _arch


def forget_arch(event):
    """A new ELF (`file`) may be another build: compute the geometry again."""
    global _arch
    _arch = None


gdb.events.new_objfile.connect(forget_arch)


def high_memory():
    return ulong("high_memory")


def require(expr, what):
    """Refuse to go on while a boot-time variable is still 0."""
    if not ulong(expr):
        raise gdb.GdbError("%s is still 0: %s (stop after mm_init(), e.g. hbreak crash_boot)"
                           % (expr, what))


def vmalloc_start():
    return high_memory() + VMALLOC_OFFSET


def kernel_sections():
    """[(name, start, end)] of the kernel image, as mm/describe.c names them."""
    pairs = [(".text", "_text", "_etext"), (".rodata", "__start_rodata", "__end_rodata"),
             (".data", "_sdata", "_edata"), (".init", "__init_begin", "__init_end"),
             (".bss", "__bss_start", "__bss_stop")]
    return [(n, address_of(s), address_of(e)) for n, s, e in pairs]


def describe_address(addr):
    """Which part of the 4 GB an address is in (the words of mm/describe.c)."""
    a = arch()
    high = high_memory()
    if addr < a.page_size:
        return "NULL page"
    if addr < a.page_offset:
        return "user space"
    if not high or addr < high:
        for name, start, end in kernel_sections():
            if start <= addr < end:
                return "lowmem (kernel %s)" % name
        mem_map, max_pfn = ulong("mem_map"), ulong("max_pfn")
        page_sz = int(value("sizeof(struct page)"))
        if mem_map and mem_map <= addr < mem_map + max_pfn * page_sz:
            return "lowmem (mem_map: struct page of pfn %#x)" % ((addr - mem_map) // page_sz)
        return "lowmem (direct map)"
    if addr < vmalloc_start():
        return "unmapped: the 8 MB gap between lowmem and vmalloc"
    if addr < a.vmalloc_end:
        return "vmalloc area"
    if addr < a.pkmap_base:
        return "unmapped: between vmalloc and pkmap"
    if addr < a.pkmap_end:
        return "pkmap (kmap slot %d)" % ((addr - a.pkmap_base) >> a.page_shift)
    if addr < a.fixaddr_start:
        return "unmapped: between pkmap and fixmap"
    if addr < a.fixaddr_top:
        idx = (a.fixaddr_top - (addr & ~(a.page_size - 1))) >> a.page_shift
        first, last = enum_value("FIX_KMAP_BEGIN"), enum_value("FIX_KMAP_END")
        if first <= idx <= last:
            return "fixmap (kmap_atomic slot %d)" % (idx - first)
        return "fixmap (slot %d)" % idx
    return "unmapped: the top page"


# ---------------------------------------------------------------------
# Zones and pages
# ---------------------------------------------------------------------


def zones():
    """The zones of contig_page_data, DMA first (for_each_zone)."""
    node_zones = value("contig_page_data.node_zones")
    return [node_zones[i] for i in range(arch().nr_zones)]


def zone_name(zone):
    return zone["name"].string() if ulong(zone["name"]) else "?"


def page_flag_names():
    """{bit: "reserved", ...} from enum pageflags."""
    return {f.enumval: f.name[3:] for f in gdb.lookup_type("enum pageflags").fields()
            if f.name.startswith("PG_")}


def pfn_to_page(pfn):
    """A gdb.Value pointer to mem_map[pfn]."""
    return value("mem_map") + pfn


def page_zone_name(flags):
    idx = flags >> arch().zones_pgshift
    return zone_name(zones()[idx]) if idx < arch().nr_zones else "zone %d?" % idx


def format_page_flags(flags):
    """The kernel's dump_page_flags() text: "0x40000002(buddy|zone=Normal)"."""
    names = page_flag_names()
    parts = [names[b] for b in sorted(names) if flags & (1 << b)]
    return "%s(%szone=%s)" % (c_alt_hex(flags), "".join(p + "|" for p in parts),
                              page_zone_name(flags))


# ---------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------

COMMANDS = {}


class MMCommand(gdb.Command):
    """Base of the mm-* commands: a subclass sets `name`, a docstring
    (its help text) and run(arg)."""

    name = None

    def __init__(self):
        super().__init__(self.name, gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            self.run(arg.strip())
        except gdb.MemoryError as e:
            raise gdb.GdbError("%s: cannot read guest memory (%s); mm386's structures exist "
                               "once mm_init() has run" % (self.name, e))
        except (gdb.error, gdb.GdbError) as e:
            raise gdb.GdbError("%s: %s" % (self.name, e))

    def run(self, arg):
        raise NotImplementedError


def register(cls):
    COMMANDS[cls.name] = cls()
    return cls


def parse_number(cmd, arg, what):
    if not arg:
        raise gdb.GdbError("usage: %s %s" % (cmd, what))
    return ulong(value("(unsigned long)(%s)" % arg))


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
        out("DirectMap4k:    %8lu kB" % (ulong("max_low_pfn") << kb))
        out("DirectMap4M:    %8lu kB" % 0)


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


def free_block_containing(pfn):
    """(head pfn, order) of the free buddy block that has @pfn inside it, or None."""
    a = arch()
    for order in range(a.max_order):
        head = pfn & ~((1 << order) - 1)
        page = pfn_to_page(head).dereference()
        if ulong(page["flags"]) & (1 << enum_value("PG_buddy")):
            o = ulong(page["private"])
            if head + (1 << o) > pfn:
                return head, o
    return None


@register
class Page(MMCommand):
    """Print the struct page of a page frame.
Usage: mm-page PFN|ADDR|PAGE  (any expression: mm-page 0x1000,
                        mm-page max_low_pfn - 1, mm-page obj, mm-page $1)
A number below PAGE_OFFSET is a page frame number; a kernel address is
translated through the page tables (mm-v2p), as the shell's page command
does, so vmalloc, pkmap and fixmap addresses work too; a struct page *
(what alloc_pages returned, say) is that page.  Shows the page's address in mem_map, its flags by name and its zone (as the
kernel's "Bad page state" report prints them), the refcount, private (the
order of a free or allocated block; objects in use and colour for a slab),
the slab_cache, freelist and virtual fields, the page's kernel address, and
what the page is used for: free, reserved, allocated, slab, tail page."""

    name = "mm-page"

    def run(self, arg):
        a = arch()
        require("mem_map", "free_area_init() has not allocated it yet")
        pfn = parse_number(self.name, arg, "PFN|ADDR|PAGE")
        v = value(arg)
        if v.type.strip_typedefs().code == gdb.TYPE_CODE_PTR and \
                v.type.strip_typedefs().target().strip_typedefs().tag == "page":
            pfn = (pfn - ulong("mem_map")) // gdb.lookup_type("struct page").sizeof
        elif pfn >= a.page_offset:
            phys = walk_page_tables(pfn, lambda line: None)
            if phys is None:
                raise gdb.GdbError("0x%08lx maps no page: %s" % (pfn, describe_address(pfn)))
            out("virtual 0x%08lx: %s" % (pfn, describe_address(pfn)))
            pfn = phys >> a.page_shift
        max_pfn = ulong("max_pfn")
        if pfn >= max_pfn:
            raise gdb.GdbError("pfn %#x is beyond max_pfn (%#x): no struct page" % (pfn, max_pfn))
        ptr = pfn_to_page(pfn)
        page = ptr.dereference()
        flags, count = ulong(page["flags"]), int(page["_refcount"])
        private = ulong(page["private"])
        phys = pfn << a.page_shift
        names = {v: k for k, v in page_flag_names().items()}

        def has(flag):          # a flag this build does not have is never set
            return flag in names and bool(flags & (1 << names[flag]))

        out("pfn %#x: struct page at 0x%08lx (mem_map[%d]), phys 0x%08lx-0x%08lx"
            % (pfn, ulong(ptr), pfn, phys, phys + a.page_size - 1))
        out("page:%08lx refcount:%d private(order):%lu" % (ulong(ptr), count, private))
        out("flags: %s" % format_page_flags(flags))
        nxt, prv = ulong(page["lru"]["next"]), ulong(page["lru"]["prev"])
        out("lru: next 0x%08lx prev 0x%08lx%s"
            % (nxt, prv, "  (LIST_POISON: taken off a list by list_del)"
               if (nxt, prv) == LIST_POISON else ""))
        out("slab_cache: 0x%08lx  freelist: 0x%08lx  virtual: 0x%08lx"
            % (ulong(page["slab_cache"]), ulong(page["freelist"]), ulong(page["virtual"])))

        if has("highmem"):
            virt = ulong(page["virtual"])
            out("kernel address: %s" % ("0x%08lx (kmap)" % virt if virt else
                                        "none (HighMem: kmap() it to get one)"))
        else:
            out("kernel address: 0x%08lx (lowmem: __va(phys))" % a.va(phys))

        if has("buddy"):
            out("state: free, heads an order-%d block (pfn %#x-%#x) on free_area[%d]"
                % (private, pfn, pfn + (1 << private) - 1, private))
        elif has("reserved"):
            out("state: reserved, never given to the buddy allocator")
        elif has("tail"):
            head = (ulong(page["lru"]["next"]) - ulong("mem_map")) // page.type.sizeof
            out("state: tail page of the compound block at pfn %#x (compound_head)" % head)
        elif has("slab"):
            out("state: " + slab_state(page, private))
        elif count > 0:
            out("state: allocated, order-%d %sblock, %d reference%s"
                % (private, "compound " if has("head") else "", count,
                   "" if count == 1 else "s"))
        else:
            block = free_block_containing(pfn)
            if block:
                out("state: free, inside the order-%d block at pfn %#x" % (block[1], block[0]))
            else:
                out("state: refcount 0 and not free: inside an allocated block, after its "
                    "first page")


def slab_state(page, private):
    """What a PageSlab page holds: private is objects in use (low 16 bits)
    and the slab's colour offset (high 16 bits), as mm/slab.h keeps them."""
    cache = page["slab_cache"]
    try:
        name, num = cache["name"].string(), "%d" % ulong(cache["num"])
    except gdb.error:
        name, num = "at 0x%08lx" % ulong(cache), "?"
    return ("slab of cache %s: %d of %s objects in use, colour offset %d, first free "
            "object 0x%08lx" % (name, private & 0xffff, num, private >> 16,
                                ulong(page["freelist"])))


def pte_flags(entry):
    words = []
    for bit, on, off in PTE_FLAGS:
        if entry & bit:
            words.append(on)
        elif off:
            words.append(off)
    return " ".join(words)


@register
class V2P(MMCommand):
    """Translate a virtual address by walking the page tables from CR3.
Usage: mm-v2p ADDR      (any expression: mm-v2p 0xc0100000, mm-v2p &mem_map[5])
Reads the page directory at CR3 and, if the PDE is present, the page
table it points to, and prints both entries with their flags decoded
(present, rw/ro, user/kernel, accessed, dirty, pse, global) and the
physical address.  Page tables live in lowmem, so they are read through
the direct map at phys + PAGE_OFFSET.  With paging off (CR0.PG clear,
before boot/head.asm turns it on) virtual addresses are physical ones."""

    name = "mm-v2p"

    def run(self, arg):
        args = arg.split()
        if len(args) == 2:      # mm-v2p PID ADDR (mm386_procs.py): that process's directory
            t, mm = process_mm(self.name, args[0])
            walk_page_tables(parse_number(self.name, args[1], "ADDR"), out,
                             (ulong(mm["pgd"]), "%s[%d]" % (t["comm"].string(), int(t["pid"]))))
        else:
            walk_page_tables(parse_number(self.name, arg, "ADDR"), out)


def walk_page_tables(vaddr, show, process=None):
    """The physical address @vaddr maps to (None if it is not mapped),
    found from CR3 as the MMU does (or from @process: (its page
    directory's address, its name)); @show(line) gets each step."""
    a = arch()
    cr0, cr3 = ulong("$cr0"), ulong("$cr3")
    if process:
        cr3 = a.pa(process[0])
    if not cr0 & CR0_PG:
        show("virtual 0x%08lx: paging is off (CR0.PG = 0), the CPU uses virtual = physical"
             % vaddr)
        show("phys 0x%08lx" % vaddr)
        return vaddr
    pgd_i = vaddr >> a.pgdir_shift
    pte_i = (vaddr >> a.page_shift) & (a.ptrs_per_pte - 1)
    offset = vaddr & (a.page_size - 1)
    show("virtual 0x%08lx: %s; pgd index %d, pte index %d, offset 0x%03x"
         % (vaddr, describe_address(vaddr), pgd_i, pte_i, offset))

    pgdir = cr3 & ~(a.page_size - 1)
    which = " (swapper_pg_dir)" if a.va(pgdir) == address_of("swapper_pg_dir") else ""
    if process:
        show("page directory of %s at phys 0x%08lx (its CR3 while it runs)" % (process[1], pgdir))
    else:
        show("CR3  0x%08lx%s" % (cr3, which))

    def entry(kind, table, index):
        at = table + 4 * index
        e = read_u32(a.va(at))
        show("%s  [%4d] at phys 0x%08lx = 0x%08lx  %s"
             % (kind, index, at, e, pte_flags(e) if e & 1 else "not present"))
        return e

    pde = entry("PDE", pgdir, pgd_i)
    if not pde & 1:
        show("0x%08lx is not mapped: the PDE is not present" % vaddr)
        return None
    if pde & 0x080:
        base = pde & a.pmd_mask
        phys = base + (vaddr & ~a.pmd_mask & U32)
        show("PDE maps a 4 MB page at phys 0x%08lx" % base)
    else:
        pte = entry("PTE", pde & ~(a.page_size - 1), pte_i)
        if not pte & 1:
            show("0x%08lx is not mapped: the PTE is not present" % vaddr)
            return None
        phys = (pte & ~(a.page_size - 1)) + offset
    show("phys 0x%08lx (pfn %#x)" % (phys, phys >> a.page_shift))
    return phys


class PfnToPage(gdb.Function):
    """$pfn_to_page(PFN): a struct page * for a page frame, e.g. p *$pfn_to_page(0x100)."""

    def __init__(self):
        super().__init__("pfn_to_page")

    def invoke(self, pfn):
        return pfn_to_page(int(pfn))


PfnToPage()
# The process commands (mm-ps, mm-maps, mm-pgdcmp) live in a file of their own.
gdb.execute("source " + os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     "mm386_procs.py"))
gdb.write("mm386: GDB helpers loaded: %s (help NAME for each)\n" % " ".join(COMMANDS))
