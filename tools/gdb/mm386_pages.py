# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/mm386_pages.py - mm-page (one struct page and what it is used
for), mm-v2p (the MMU's walk from CR3, or a process's page directory) and
$pfn_to_page().

mm386.py sources this file into its own namespace: value(), ulong(),
read_u32(), arch(), out(), register and MMCommand are its.
"""
import gdb


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
            "object 0x%08lx" % (name, private & SLAB_INUSE_MASK, num, private >> 16,
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
