// SPDX-License-Identifier: GPL-2.0
/*
 * mm/describe.c - which part of the 4 GB virtual map is an address in?
 *
 * The oops ("#PF: address ... is in: ...") and the shell use this to
 * answer a learner's first question about an address.  From the bottom:
 *
 *   0x00000000  NULL page        never mapped: NULL pointers fault here
 *   0x00001000  user space       up to 3 GB; mm386 has no user programs
 *   PAGE_OFFSET lowmem           the direct map, kernel image and mem_map
 *   high_memory vmalloc gap      VMALLOC_OFFSET (8 MB) of nothing
 *   VMALLOC_START vmalloc area   which area (caller, pfn), whose guard
 *                                page, or free space (mm/vmallocinfo.c,
 *                                through vmalloc_describe_hook)
 *   VMALLOC_END  (2 pages)       unmapped
 *   PKMAP_BASE  pkmap            kmap() slots: which slot, which pfn
 *   ...         fixmap           kmap_atomic() slots: which slot, which pfn
 *   0xfffff000  top page         never mapped
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/export.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/sections.h>
#include "internal.h"

/*
 * The vmalloc area says itself what its addresses are (which area, whose
 * guard page, which area was vfree()d there): vmalloc_init() plugs
 * vmalloc_describe() in here.  A hook rather than a call, so that this
 * file stays below the allocators whose reports use it (slab.c,
 * vmalloc.c), while the vmalloc area's bookkeeping, which is slab objects,
 * stays above slab.c.
 */
void (*vmalloc_describe_hook)(unsigned long addr, char *buf, size_t size);

int describe_free_vmalloc(char *buf, size_t size)
{
	return scnprintf(buf, size, "vmalloc area [0x%08lx-0x%08lx]: free vmalloc space",
			 VMALLOC_START, VMALLOC_END - 1);
}

struct image_section {
	const char *name;
	const char *start, *end;
};

// The kernel image section holding @addr, or NULL.
static const char *image_section(unsigned long addr)
{
	const struct image_section sections[] = {
		{ ".text", _text, _etext },
		{ ".rodata", __start_rodata, __end_rodata },
		{ ".data", _sdata, _edata },
		{ ".init", __init_begin, __init_end },
		{ ".bss", __bss_start, __bss_stop },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sections); i++)
		if (addr >= (unsigned long)sections[i].start &&
		    addr < (unsigned long)sections[i].end)
			return sections[i].name;
	return NULL;
}

static void describe_lowmem(unsigned long addr, char *buf, size_t size)
{
	const char *sect = image_section(addr);
	unsigned long map_end = (unsigned long)(mem_map + max_pfn);

	if (sect)
		snprintf(buf, size, "lowmem (kernel %s), phys 0x%08lx", sect, __pa(addr));
	else if (mem_map && addr >= (unsigned long)mem_map && addr < map_end)
		snprintf(buf, size, "lowmem (mem_map: struct page of pfn %#lx)",
			 (unsigned long)((struct page *)addr - mem_map));
	else
		snprintf(buf, size, "lowmem (direct map), phys 0x%08lx", __pa(addr));
}

// "pfn 0x...", or "nothing mapped": what the PTE for @addr maps now.
static void describe_mapped_pfn(unsigned long addr, char *buf, size_t size)
{
	unsigned long pfn;

	if (kernel_addr_pfn(addr, &pfn))
		snprintf(buf, size, "pfn %#lx", pfn);
	else
		snprintf(buf, size, "nothing mapped");
}

// A kmap() address: its slot, the pfn mapped there and the slot's count.
static void describe_pkmap(unsigned long addr, char *buf, size_t size)
{
	unsigned long nr = PKMAP_NR(addr);
	int count = kmap_pkmap_count(nr);
	char pfn[32];

	describe_mapped_pfn(addr, pfn, sizeof(pfn));
	snprintf(buf, size, "pkmap (kmap slot %lu: %s, pkmap_count %d%s) [0x%08lx-0x%08lx]", nr,
		 pfn, count, count == 1 ? " = unused, awaiting flush" : "", PKMAP_BASE,
		 PKMAP_ADDR(LAST_PKMAP) - 1);
}

void describe_address(unsigned long addr, char *buf, size_t size)
{
	char pfn[32];

	if (addr < PAGE_SIZE) {
		snprintf(buf, size, "NULL page [0x00000000-0x%08lx]", PAGE_SIZE - 1);
	} else if (addr < PAGE_OFFSET) {
		snprintf(buf, size, "user space [0x00000000-0x%08lx]", PAGE_OFFSET - 1);
	} else if (!high_memory || addr < (unsigned long)high_memory) {
		describe_lowmem(addr, buf, size);
	} else if (addr < VMALLOC_START) {
		snprintf(buf, size, "unmapped: the 8 MB gap between lowmem and vmalloc [0x%08lx-0x%08lx]",
			 (unsigned long)high_memory, VMALLOC_START - 1);
	} else if (addr < VMALLOC_END) {
		if (vmalloc_describe_hook)	/* which area, its guard page, or free */
			vmalloc_describe_hook(addr, buf, size);
		else				/* before vmalloc_init(): all of it */
			describe_free_vmalloc(buf, size);
	} else if (addr < PKMAP_BASE) {
		snprintf(buf, size, "unmapped: between vmalloc and pkmap [0x%08lx-0x%08lx]",
			 VMALLOC_END, PKMAP_BASE - 1);
	} else if (addr < PKMAP_ADDR(LAST_PKMAP)) {
		describe_pkmap(addr, buf, size);
	} else if (addr < FIXADDR_START) {
		snprintf(buf, size, "unmapped: between pkmap and fixmap [0x%08lx-0x%08lx]",
			 PKMAP_ADDR(LAST_PKMAP), FIXADDR_START - 1);
	} else if (addr < FIXADDR_TOP) {
		unsigned long idx = virt_to_fix(addr);

		describe_mapped_pfn(addr, pfn, sizeof(pfn));
		if (idx >= FIX_KMAP_BEGIN && idx <= FIX_KMAP_END)
			snprintf(buf, size, "fixmap (kmap_atomic slot %lu: %s) [0x%08lx-0x%08lx]",
				 idx - FIX_KMAP_BEGIN, pfn, FIXADDR_START, FIXADDR_TOP - 1);
		else if (idx < __end_of_fixed_addresses)
			snprintf(buf, size, "fixmap (slot %lu: %s) [0x%08lx-0x%08lx]", idx, pfn,
				 FIXADDR_START, FIXADDR_TOP - 1);
		else	/* FIXADDR_START itself: Linux's range starts one page low */
			snprintf(buf, size, "fixmap (below the last slot, never mapped) [0x%08lx-0x%08lx]",
				 FIXADDR_START, FIXADDR_TOP - 1);
	} else {
		snprintf(buf, size, "unmapped: the top page [0x%08lx-0xffffffff]", FIXADDR_TOP);
	}
}
EXPORT_SYMBOL(describe_address);
