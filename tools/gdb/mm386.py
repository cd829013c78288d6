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
    mm-freelist CACHE|OBJ  a slab's free objects, its hardened free pointers decoded
    mm-ps, mm-maps PID, mm-pgdcmp PID1 PID2   user processes

This file has the helpers every command uses; the commands themselves are
in mm386_tables.py (the /proc tables and the layout), mm386_pages.py
(mm-page, mm-v2p, $pfn_to_page), mm386_slab.py (mm-freelist) and
mm386_procs.py (the processes), which it sources.

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


# The commands, a file for each family; each is sourced into this file's
# namespace, so it uses the helpers above as they are.
for part in ("mm386_tables.py", "mm386_pages.py", "mm386_slab.py", "mm386_procs.py"):
    gdb.execute("source " + os.path.join(os.path.dirname(os.path.abspath(__file__)), part))
gdb.write("mm386: GDB helpers loaded: %s (help NAME for each)\n" % " ".join(COMMANDS))
