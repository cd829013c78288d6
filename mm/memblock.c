// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c - the boot-time allocator (Linux's memblock).
 *
 * Why memblock and not bootmem: bootmem kept a bitmap with one bit per
 * page, which itself had to be allocated somewhere before there was an
 * allocator; memblock keeps two short arrays of ranges in static storage,
 * so it works from the first instruction of C.  Linux replaced bootmem with
 * it in 4.20; mm386 follows.
 *
 *   memblock.memory    RAM the firmware reported (e820 "usable"), page-
 *                      aligned, after mem= has trimmed it
 *   memblock.reserved  parts of that RAM already taken: the BIOS area, the
 *                      kernel image, boot modules, and everything memblock
 *                      itself hands out (page tables, mem_map)
 *
 * Both arrays stay sorted by address, with no overlaps and adjacent ranges
 * merged.  memblock_phys_alloc() searches from the top of memory down,
 * under current_limit (the part of RAM that is mapped yet), for a free
 * range, and reserves it.  At the end of boot memblock_free_all() gives
 * every page of memory minus reserved to the buddy allocator.
 *
 * The boot parameter memblock=debug prints every reserve and allocation
 * with its caller, as Linux does.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <mm386/dump.h>
#include "internal.h"

struct memblock memblock = {
	.current_limit = ~(phys_addr_t)0,
	.memory.name = "memory",
	.reserved.name = "reserved",
};

static bool memblock_debug;

static int __init memblock_setup(char *val)
{
	if (strcmp(val, "debug"))
		return -EINVAL;
	memblock_debug = true;
	return 0;
}
__setup("memblock=", memblock_setup);

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

// Insertion-sort @type by base, then merge overlapping and touching ranges.
static void memblock_normalize(struct memblock_type *type)
{
	unsigned long i, j, out = 0;

	for (i = 1; i < type->cnt; i++) {
		struct memblock_region r = type->regions[i];

		for (j = i; j > 0 && type->regions[j - 1].base > r.base; j--)
			type->regions[j] = type->regions[j - 1];
		type->regions[j] = r;
	}
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (out && type->regions[out - 1].base + type->regions[out - 1].size >= r->base) {
			struct memblock_region *prev = &type->regions[out - 1];

			prev->size = max(region_end(prev), region_end(r)) - prev->base;
		} else {
			type->regions[out++] = *r;
		}
	}
	type->cnt = out;
}

static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	if (!size)
		return 0;
	if (type->cnt == INIT_MEMBLOCK_REGIONS) {
		memblock_normalize(type);
		if (type->cnt == INIT_MEMBLOCK_REGIONS)
			panic("memblock_add_range: %s array full (%d regions)", type->name,
			      INIT_MEMBLOCK_REGIONS);
	}
	type->regions[type->cnt++] = (struct memblock_region){ base, size };
	memblock_normalize(type);
	return 0;
}

// Cut [base, base + size) out of every region of @type.
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i, n = type->cnt;

	for (i = 0; i < n; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = region_end(r);

		if (rend <= base || r->base >= end)
			continue;
		if (r->base < base && rend > end) {	/* split in two */
			if (type->cnt == INIT_MEMBLOCK_REGIONS)
				panic("memblock_remove_range: %s array full", type->name);
			type->regions[type->cnt++] = (struct memblock_region){ end, rend - end };
			r->size = base - r->base;
		} else if (r->base < base) {		/* keep the head */
			r->size = base - r->base;
		} else if (rend > end) {		/* keep the tail */
			r->size = rend - end;
			r->base = end;
		} else {				/* all of it goes */
			r->size = 0;
		}
	}
	for (i = 0, n = 0; i < type->cnt; i++)
		if (type->regions[i].size)
			type->regions[n++] = type->regions[i];
	type->cnt = n;
	memblock_normalize(type);
	return 0;
}

static void memblock_dbg(const char *what, phys_addr_t base, phys_addr_t size,
			 unsigned long caller)
{
	if (memblock_debug)
		pr_info("%s: [0x%08llx-0x%08llx] %pS\n", what, base, base + size - 1,
			(void *)caller);
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg("memblock_add", base, size, _RET_IP_);
	return memblock_add_range(&memblock.memory, base, size);
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg("memblock_remove", base, size, _RET_IP_);
	return memblock_remove_range(&memblock.memory, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg("memblock_reserve", base, size, _RET_IP_);
	return memblock_add_range(&memblock.reserved, base, size);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	memblock_dbg("memblock_phys_free", base, size, _RET_IP_);
	return memblock_remove_range(&memblock.reserved, base, size);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

// The first reserved region overlapping [base, end), or NULL.
static const struct memblock_region *reserved_overlap(phys_addr_t base, phys_addr_t end)
{
	unsigned long i;

	for (i = 0; i < memblock.reserved.cnt; i++) {
		const struct memblock_region *r = &memblock.reserved.regions[i];

		if (r->base < end && region_end(r) > base)
			return r;
	}
	return NULL;
}

// Highest aligned free range of @size inside memory region @r, or 0.
static phys_addr_t find_in_region(const struct memblock_region *r, phys_addr_t size,
				  phys_addr_t align)
{
	phys_addr_t top = min(region_end(r), memblock.current_limit);

	while (top >= r->base + size) {
		phys_addr_t base = ALIGN_DOWN(top - size, align);
		const struct memblock_region *busy;

		if (base < r->base || base == 0)
			return 0;
		busy = reserved_overlap(base, base + size);
		if (!busy)
			return base;
		top = busy->base;	/* try again below the obstacle */
	}
	return 0;
}

/**
 * memblock_phys_alloc - allocate and reserve physical memory at boot
 * @size: bytes
 * @align: alignment, a power of two
 *
 * Searches top-down below memblock.current_limit.
 * Return: the physical address, or 0 when nothing fits.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	long i;

	size = ALIGN(size, (phys_addr_t)PAGE_SIZE);
	for (i = (long)memblock.memory.cnt - 1; i >= 0; i--) {
		phys_addr_t base = find_in_region(&memblock.memory.regions[i], size, align);

		if (base) {
			memblock_dbg("memblock_alloc", base, size, _RET_IP_);
			memblock_add_range(&memblock.reserved, base, size);
			return base;
		}
	}
	return 0;
}

/**
 * memblock_alloc - allocate zeroed, mapped memory at boot
 * @size: bytes
 * @align: alignment
 *
 * Return: the kernel virtual address.  Panics when memory is exhausted:
 * at boot there is nothing sensible to fall back on.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	void *p = memblock_alloc_raw(size, align);

	memset(p, 0, size);
	return p;
}

/**
 * memblock_alloc_raw - memblock_alloc() without the zeroing, for memory
 * its caller writes in full (mem_map, the lowmem page tables), as Linux's.
 */
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t phys = memblock_phys_alloc(size, align);

	if (!phys)
		panic("memblock_alloc: cannot allocate %llu bytes below 0x%08llx",
		      size, memblock.current_limit);
	return __va(phys);
}

static bool in_type(const struct memblock_type *type, phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base && addr < region_end(&type->regions[i]))
			return true;
	return false;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return in_type(&memblock.memory, addr);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return in_type(&memblock.reserved, addr);
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

phys_addr_t memblock_reserved_size(void)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < memblock.reserved.cnt; i++)
		total += memblock.reserved.regions[i].size;
	return total;
}

static phys_addr_t type_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

static void memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016llx-0x%016llx], 0x%016llx bytes\n", type->name,
			i, r->base, region_end(r) - 1, r->size);
	}
}

void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016llx reserved size = 0x%016llx\n",
		type_size(&memblock.memory), type_size(&memblock.reserved));
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}
proc_dump("memblock", memblock_dump_all);

/*
 * memblock_free_all - hand every free page to the buddy allocator.
 *
 * Walks memory minus reserved, in page frames below max_pfn, and frees
 * each range with free_memblock_range() (mm/page_alloc.c).  It is also the
 * one pass that writes mem_map: the pages between two free ranges (holes,
 * reserved memory) become PG_reserved here, the free ones free pages, each
 * struct page written once (memmap_init_range(), mm/mm_init.c).
 * Return: the number of pages freed.
 */
unsigned long memblock_free_all(void)
{
	unsigned long i, freed = 0, next = 0;	/* mem_map is written up to next */

	for (i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *m = &memblock.memory.regions[i];
		phys_addr_t start = m->base, end = region_end(m);

		while (start < end) {
			const struct memblock_region *busy = reserved_overlap(start, end);
			phys_addr_t stop = busy ? max(busy->base, start) : end;
			unsigned long spfn = PFN_UP(start), epfn = min_t(u64, PFN_DOWN(stop), max_pfn);

			if (spfn < epfn) {
				memmap_init_range(next, spfn, true);	/* the hole before */
				freed += free_memblock_range(spfn, epfn);
				next = epfn;
			}
			if (!busy)
				break;
			start = region_end(busy);
		}
	}
	memmap_init_range(next, max_pfn, true);
	return freed;
}
