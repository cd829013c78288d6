# SPDX-License-Identifier: GPL-2.0
"""tools/gdb/mm386_slab.py - mm-freelist: one slab's chain of free objects,
decoded.

The free objects of a slab are a singly linked list threaded through the
objects themselves (page->freelist is the first; each free object holds
the next at offset s->offset).  mm386 stores each of those "next" words
hardened, as Linux's CONFIG_SLAB_FREELIST_HARDENED does (mm/slab.h,
freelist_ptr()):

    stored = next ^ s->random ^ swab32(address of the word itself)

so `x/x obj` in GDB shows noise, and a use-after-free that writes a
plausible pointer there decodes to garbage the allocator refuses.  This
command undoes the xor for each object and checks what the kernel checks:
the decoded pointer lands inside the slab, and the marker word after it
says "free" (FREE_MARKER ^ the object's address).

mm386.py sources this file into its own namespace: value(), ulong(),
read_u32(), list_for_each_entry(), arch(), out(), register and MMCommand
are its, SLAB_INUSE_MASK is mm386_tables.py's.
"""
import gdb

FREE_MARKER = 0x51AB5EED            # mm/slab.h (a macro: not in the DWARF)


def swab32(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


def find_cache(name):
    """The struct kmem_cache * named @name on slab_caches, or None."""
    for c in list_for_each_entry(value("slab_caches"), "struct kmem_cache", "list"):
        if c["name"].string() == name:
            return c
    return None


def slab_page_of(arg):
    """(struct page * of a slab, how it was found) for a cache name, a
    struct kmem_cache *, a struct page * or an address inside a slab."""
    a = arch()
    if ulong("slab_caches.next") == 0:
        raise gdb.GdbError("slab_caches is still 0: kmem_cache_init() has not run yet "
                           "(stop after mm_init(), e.g. hbreak crash_boot)")
    cache = find_cache(arg.strip('"'))
    if cache is None:
        try:
            v = value(arg)
        except gdb.error:
            raise gdb.GdbError("no cache named %s, and no such symbol (mm-slabinfo lists the "
                               "caches)" % arg)
        target = v.type.strip_typedefs()
        if target.code == gdb.TYPE_CODE_PTR:
            tag = target.target().strip_typedefs().tag
            if tag == "kmem_cache":
                cache = v
            elif tag == "page":
                return v, "struct page 0x%08lx" % ulong(v)
    if cache is not None:
        page = cache["cpu_slab"]
        if not ulong(page):
            raise gdb.GdbError("cache %s has no active slab (nothing allocated from it "
                               "since its last slab went back)" % cache["name"].string())
        return page, "the active slab of %s" % cache["name"].string()
    addr = ulong(value("(unsigned long)(%s)" % arg))
    if not a.page_offset <= addr < ulong("(unsigned long)high_memory"):
        raise gdb.GdbError("0x%08lx is not a cache name, a cache, a struct page or a lowmem "
                           "address (slabs are lowmem)" % addr)
    page = pfn_to_page((addr - a.page_offset) >> a.page_shift)
    if ulong(page["flags"]) & (1 << enum_value("PG_tail")):
        page = value("(struct page *)0x%x" % ulong(page["lru"]["next"]))
    return page, "the slab holding 0x%08lx" % addr


@register
class FreeList(MMCommand):
    """Walk one slab's free objects, decoding the hardened free pointers.
Usage: mm-freelist CACHE|OBJ|PAGE   (mm-freelist kmalloc-128, mm-freelist $1,
                                     mm-freelist $pfn_to_page(0x1fd1))
A cache name (or a struct kmem_cache *) means its active slab, the one
the next allocation takes from; an address means the slab holding it.
For each free object, first to last (the order kmalloc will hand them
out): its address, the word stored at s->offset, and the next object
that word decodes to (stored ^ s->random ^ swab32(&word), Linux's
CONFIG_SLAB_FREELIST_HARDENED formula), with the free marker checked.
Ends with the count: free objects + objects in use = objects per slab.
A pointer that decodes outside the slab is reported as corrupt, as the
kernel would report it, and the walk stops there."""

    name = "mm-freelist"

    def run(self, arg):
        if not arg:
            raise gdb.GdbError("usage: %s CACHE|OBJ|PAGE" % self.name)
        page, how = slab_page_of(arg)
        if not ulong(page["flags"]) & (1 << enum_value("PG_slab")):
            raise gdb.GdbError("pfn %#x is not a slab page (mm-page says what it is)"
                               % ((ulong(page) - ulong("mem_map")) // page.dereference()
                                  .type.sizeof))
        s = page["slab_cache"]
        num, size, offset = ulong(s["num"]), ulong(s["size"]), ulong(s["offset"])
        key, first = ulong(s["random"]), ulong(page["s_mem"])
        inuse = ulong(page["private"]) & SLAB_INUSE_MASK
        out("%s: cache %s, objects 0x%08lx-0x%08lx (%d of %d bytes), %d of %d in use"
            % (how, s["name"].string(), first, first + num * size - 1, num, size, inuse, num))
        out("free pointer at offset %d of each object, stored as next ^ key 0x%08lx "
            "^ swab32(&word)" % (offset, key))
        out("  %-10s  %-10s  %s" % ("object", "stored", "decodes to"))
        obj, count = ulong(page["freelist"]), 0
        while obj and count <= num:
            if not first <= obj < first + num * size or (obj - first) % size:
                out("  0x%08lx  corrupt: not an object of this slab; the kernel refuses "
                    "the chain here" % obj)
                return
            slot = obj + offset
            stored = read_u32(slot)
            nxt = stored ^ key ^ swab32(slot)
            marker = read_u32(slot + 4) == FREE_MARKER ^ obj
            out("  0x%08lx  0x%08lx  %s%s" % (obj, stored, "0x%08lx" % nxt if nxt else "NULL",
                                             "" if marker else "   (free marker overwritten)"))
            obj, count = nxt, count + 1
        if obj:
            out("  ...more than %d free objects: the chain loops" % num)
            return
        out("%d free + %d in use = %d objects%s" % (count, inuse, count + inuse,
            "" if count + inuse == num else " (not %d: the counts disagree)" % num))
