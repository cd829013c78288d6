// SPDX-License-Identifier: GPL-2.0
/*
 * mm/init.c - from the firmware's memory map to a running page allocator
 * (Linux's arch/x86/mm/init_32.c and friends).
 *
 * mm_init() is one story in order:
 *
 *  1. memblock from e820: every "usable" range (trimmed by mem=) becomes
 *     memblock memory; page 0 is left out, and the first megabyte (as
 *     Linux 6.1 does), the kernel image and the boot modules are reserved.
 *  2. lowmem vs highmem (find_low_pfn_range): lowmem is all RAM up to
 *     MAXMEM (~888 MB), or less with highmem=/vmalloc=; the rest is HighMem.
 *  3. paging_init: the kernel page directory maps all of lowmem at
 *     PAGE_OFFSET (3 GB), text and rodata read-only; page tables for the
 *     pkmap window and the fixmap.  Now high_memory = __va(lowmem end).
 *  4. free_area_init: mem_map and the zones (mm/mm_init.c).
 *  5. mem_init: memblock gives its free pages to the buddy allocator; the
 *     watermarks are set; the "Memory:" line, the virtual kernel memory
 *     layout and the zone ranges are printed.
 *  6. kmem_cache_init: the slab caches and kmalloc (mm/slab.c).
 *  7. vmalloc_init: the cache for the vmalloc area's bookkeeping
 *     (mm/vmalloc.c, mm/vmap_area.c); the area's page tables come on
 *     demand.
 *
 * Boot parameters, with Linux x86_32 semantics:
 *   mem=SIZE      forget RAM at and above SIZE (at least MEM_MIN)
 *   highmem=SIZE  make ZONE_HIGHMEM SIZE bytes, taken from the top of RAM;
 *                 lowmem must keep at least 64 MB
 *   vmalloc=SIZE  make the vmalloc area SIZE bytes: __VMALLOC_RESERVE =
 *                 SIZE + VMALLOC_OFFSET, so lowmem shrinks to fit
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/kasan.h>
#include <linux/highmem.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <asm/e820.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <asm/sections.h>
#include <asm/processor.h>
#include <mm386/crash.h>
#include "internal.h"

#define MEM_MIN		(8ULL << 20)	/* mem= below this leaves too little */
#define LOWMEM_MIN_PAGES ((64UL << 20) >> PAGE_SHIFT)	/* Linux's 64 MB rule */
#define VMALLOC_MIN	(16ULL << 20)


/*
 * The kernel page directory (Linux's name), defined here in C so that
 * debuggers know its type.  boot/head.asm fills its first entries and
 * loads it into CR3; paging_init() fills entries 768..1023, the kernel's
 * gigabyte, for all of lowmem.
 */
pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

void *high_memory;
EXPORT_SYMBOL(high_memory);
unsigned long __VMALLOC_RESERVE = 128UL << 20;

static u64 mem_limit = ~0ULL;		/* mem= */
static char highmem_param[32];		/* highmem= as written, for messages */
static long highmem_pages = -1;		/* highmem=, in pages; -1: not given */

static int __init parse_memopt(char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	if (size < MEM_MIN)
		return param_out_of_range("too small (minimum %llu MB: the image, mem_map and slabs)",
					  MEM_MIN >> 20);
	mem_limit = size;
	return 0;
}
early_param("mem", parse_memopt);

static int __init parse_highmem(char *val)
{
	unsigned long long size;
	int err = parse_size(val, &size);

	if (err)
		return err;
	highmem_pages = size >> PAGE_SHIFT;
	snprintf(highmem_param, sizeof(highmem_param), "highmem=%s", val);
	return 0;
}
early_param("highmem", parse_highmem);

static int __init parse_vmalloc(char *val)
{
	unsigned long long size, lowmem;
	int err = parse_size(val, &size);

	if (err)
		return err;
	if (size < VMALLOC_MIN)
		return param_out_of_range("too small (minimum %llu MB: the kernel's own areas)",
					  VMALLOC_MIN >> 20);
	lowmem = VMALLOC_END - PAGE_OFFSET;
	if (size + VMALLOC_OFFSET + (LOWMEM_MIN_PAGES << PAGE_SHIFT) > lowmem)
		return param_out_of_range("too big: leaves less than %lu MB of lowmem",
					  LOWMEM_MIN_PAGES >> 8);
	__VMALLOC_RESERVE = size + VMALLOC_OFFSET;
	return 0;
}
early_param("vmalloc", parse_vmalloc);

/* ---------------------------------------------------------------------
 * 1. memblock from the e820 map
 */

// mem=: drop e820 RAM at and above the limit, as Linux's e820__range_remove.
static void __init e820_apply_mem_limit(void)
{
	unsigned int i;

	if (mem_limit == ~0ULL)
		return;
	for (i = 0; i < e820_table.nr_entries; i++) {
		struct e820_entry *e = &e820_table.entries[i];

		if (e->type != E820_TYPE_RAM || e->addr + e->size <= mem_limit)
			continue;
		e->size = e->addr >= mem_limit ? 0 : mem_limit - e->addr;
	}
	pr_info("user-defined physical RAM map:\n");
	e820__print_table("user");
}

static void __init memblock_from_e820(void)
{
	unsigned int i, m;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];
		u64 start = ALIGN(e->addr, (u64)PAGE_SIZE);
		u64 end = ALIGN_DOWN(e->addr + e->size, (u64)PAGE_SIZE);

		if (e->type != E820_TYPE_RAM)
			continue;
		if (end > (1ULL << 32)) {
			pr_info("e820: ignoring RAM above 4 GB (no PAE in mm386)\n");
			end = 1ULL << 32;
		}
		if (start < end)
			memblock_add(start, end - start);
	}
	/* Page 0 holds the real-mode interrupt table and BIOS data: never RAM. */
	memblock_remove(0, PAGE_SIZE);
	/*
	 * Linux 6.1 reserves all of the first megabyte, whatever e820 says
	 * (reserve_real_mode(): BIOSes corrupt low memory, and the real-mode
	 * trampoline lives there), so none of it reaches the buddy allocator.
	 */
	memblock_reserve(0, SZ_1M);
	memblock_reserve(__pa(_text), __pa(_end) - __pa(_text));
	for (m = 0; m < nr_boot_modules; m++)
		memblock_reserve(boot_modules[m].start & PAGE_MASK,
				 PAGE_ALIGN(boot_modules[m].end) - (boot_modules[m].start & PAGE_MASK));
}

/* ---------------------------------------------------------------------
 * 2. Where lowmem ends
 */

static void __init find_low_pfn_range(void)
{
	u64 end = memblock_end_of_DRAM();

	max_pfn = PFN_DOWN(end);
	if (max_pfn <= MAXMEM_PFN) {
		/* All RAM fits in lowmem; highmem= may carve HighMem out anyway. */
		max_low_pfn = max_pfn;
		if (highmem_pages >= (long)max_pfn) {
			param_reject(highmem_param, "highmem size (%luMB) is bigger than pages available (%luMB)",
				     highmem_pages >> 8, max_pfn >> 8);
		} else if (highmem_pages > 0) {
			if (max_low_pfn - highmem_pages < LOWMEM_MIN_PAGES)
				param_reject(highmem_param, "highmem size (%luMB) results in <64MB lowmem",
					     highmem_pages >> 8);
			else
				max_low_pfn -= highmem_pages;
		}
	} else {
		/* More RAM than MAXMEM: the rest is HighMem (or highmem= less). */
		max_low_pfn = MAXMEM_PFN;
		if (highmem_pages >= 0 && MAXMEM_PFN + highmem_pages < max_pfn) {
			max_pfn = MAXMEM_PFN + highmem_pages;
			memblock_remove(PFN_PHYS(max_pfn), end - PFN_PHYS(max_pfn));
		} else if (highmem_pages >= 0 && MAXMEM_PFN + highmem_pages > max_pfn) {
			param_reject(highmem_param, "only %luMB of highmem available, not %luMB",
				     (max_pfn - MAXMEM_PFN) >> 8, highmem_pages >> 8);
		}
	}
	highstart_pfn = highend_pfn = max_low_pfn;
	if (max_pfn > max_low_pfn)
		highend_pfn = max_pfn;
	min_low_pfn = PFN_UP(__pa(_end));
	high_memory = __va(PFN_PHYS(max_low_pfn));
}

/* ---------------------------------------------------------------------
 * 3. The kernel page tables
 */

// Map page frames [@pfn, @end) from @pte on with @prot; returns the PTE after.
static pte_t *__init map_pfn_run(pte_t *pte, unsigned long pfn, unsigned long end,
				 unsigned long prot)
{
	pte_t val = pfn_pte(pfn, prot);

	for (; pfn < end; pfn++, val += PAGE_SIZE)
		*pte++ = val;
	return pte;
}

/*
 * fill_ptes - map page frames [@pfn, @pfn + @n) at @table[0..@n): kernel
 * text and rodata read-only, the rest read-write.  Three runs, in each a
 * PTE is the previous one plus PAGE_SIZE: a store and three adds a page
 * (the boot maps all of lowmem this way: docs/performance.md's boot cost).
 */
static void __init fill_ptes(pte_t *table, unsigned long pfn, unsigned long n)
{
	unsigned long end = pfn + n;
	unsigned long ro = clamp(PFN_DOWN(__pa(_text)), pfn, end);
	unsigned long ro_end = clamp(PFN_UP(__pa(__end_rodata)), pfn, end);

	table = map_pfn_run(table, pfn, ro, PAGE_KERNEL);
	table = map_pfn_run(table, ro, ro_end, PAGE_KERNEL_RO);
	map_pfn_run(table, ro_end, end, PAGE_KERNEL);
}

// Give the 4 MB at @vaddr a page table of its own (boot only).
static pte_t *__init one_page_table_init(unsigned long vaddr)
{
	pgd_t *pgd = &swapper_pg_dir[pgd_index(vaddr)];

	if (!pgd_present(*pgd)) {
		pte_t *table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		*pgd = __pa(table) | _PAGE_TABLE;
	}
	return pgd_page_vaddr(*pgd);
}

/*
 * kmap_init - the page tables of the pkmap window and of the fixmap, made
 * at boot so that kmap() and kmap_atomic() (mm/highmem.c) never allocate.
 * As Linux's arch/x86/mm/init_32.c does (permanent_kmaps_init).
 */
void __init kmap_init(void)
{
	BUILD_BUG_ON(LAST_PKMAP != PTRS_PER_PTE);	/* one page table, slot = PTE */
	pkmap_page_table = one_page_table_init(PKMAP_BASE);
	one_page_table_init(FIXADDR_START);
	one_page_table_init(FIXADDR_TOP - 1);
	kmap_pte = lookup_address(fix_to_virt(FIX_KMAP_BEGIN));
}

/*
 * direct_map_needs_4k - must the 4 MB of lowmem from @pfn keep 4 KB pages?
 * Yes where the kernel's text and rodata are (read-only, the rest not),
 * where the boot stack's guard page is (unmapped), and for a last, partial
 * 4 MB.  Linux maps the same way, then splits the large pages that
 * mark_rodata_ro() needs in 4 KB.
 */
static bool __init direct_map_needs_4k(unsigned long pfn, unsigned long stack_guard)
{
	unsigned long end = pfn + PTRS_PER_PTE, guard = PFN_DOWN(__pa(stack_guard));

	return end > max_low_pfn ||
	       (pfn < PFN_UP(__pa(__end_rodata)) && end > PFN_DOWN(__pa(_text))) ||
	       (guard >= pfn && guard < end);
}

/*
 * paging_init - map all of lowmem at PAGE_OFFSET.
 *
 * As Linux i386 does where the CPU has PSE: each 4 MB of lowmem is one PDE
 * with _PAGE_PSE, a 4 MB page, so there is no page table to fill and the
 * TLB reaches 4 MB through one entry.  The 4 MB that need finer grain get
 * a page table from memblock (below the boot mapping, so it can be written
 * before it is in use): kernel text and rodata are mapped read-only there,
 * and CR0.WP (set in boot/head.asm) makes that hold for the kernel too.
 * Without PSE (qemu -cpu qemu32,-pse) all of lowmem gets page tables.
 * Boot mappings above lowmem are removed, so the gap after high_memory
 * really faults, and so does the boot stack's guard page.
 */
extern char init_stack[];
unsigned long direct_pages_count[PG_LEVEL_NUM];

void __init paging_init(void)
{
	unsigned long stack_guard = (unsigned long)init_stack - PAGE_SIZE;
	unsigned long pfn, pdes = 0, tables = 0, i;
	bool pse = boot_cpu_has(X86_FEATURE_PSE);

	if (pse)
		write_cr4(read_cr4() | X86_CR4_PSE);
	for (pfn = 0; pfn < max_low_pfn; pfn += PTRS_PER_PTE, pdes++) {
		pgd_t *pgd = &swapper_pg_dir[pgd_index(PAGE_OFFSET + (pfn << PAGE_SHIFT))];
		unsigned long n = min(max_low_pfn - pfn, (unsigned long)PTRS_PER_PTE);
		pte_t *table;

		if (pse && !direct_map_needs_4k(pfn, stack_guard)) {
			*pgd = pfn_pte(pfn, PAGE_KERNEL_LARGE);
			direct_pages_count[PG_LEVEL_2M]++;
			continue;
		}
		table = memblock_alloc_raw(PAGE_SIZE, PAGE_SIZE);	/* written in full */
		fill_ptes(table, pfn, n);
		memset(table + n, 0, (PTRS_PER_PTE - n) * sizeof(pte_t));
		*pgd = __pa(table) | _PAGE_TABLE;
		direct_pages_count[PG_LEVEL_4K] += n;
		tables++;
	}
	for (i = KERNEL_PGD_BOUNDARY + pdes; i < KERNEL_PGD_BOUNDARY + (EARLY_MAP_SIZE >> PGDIR_SHIFT); i++)
		swapper_pg_dir[i] = 0;
	mod_vm_stat(NR_PAGETABLE, tables);
	/*
	 * The boot stack's guard page: the page below init_stack (the last of
	 * the boot page tables, unused from here on) is unmapped, so running
	 * off the stack faults there, and the fault that cannot be delivered
	 * becomes a double fault with a report (kernel/doublefault.c).
	 */
	*lookup_address(stack_guard) = 0;
	kmap_init();
	mod_vm_stat(NR_PAGETABLE, 2);
	__flush_tlb_all();
	pr_info("Write protecting kernel text and read-only data: %luk\n",
		(unsigned long)(__end_rodata - _text) >> 10);
}

/* ---------------------------------------------------------------------
 * 5. Hand over to the buddy allocator, and say what we built
 */

#define K(pages)	((pages) << (PAGE_SHIFT - 10))
#define KB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 10)

static void __init mem_init(void)
{
	unsigned long physpages = NODE_DATA(0)->node_present_pages;
	struct zone *zone;

	memblock_free_all();
	for_each_zone(zone)
		totalram_pages_count += zone->managed_pages;
	totalhigh_pages_count = contig_page_data.node_zones[ZONE_HIGHMEM].managed_pages;
	setup_per_zone_wmarks();

	report_meminit();
	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, %luK init, %luK bss, %luK reserved, 0K cma-reserved, %luK highmem)\n",
		K(nr_free_pages()), K(physpages), KB(_text, _etext), KB(_sdata, _edata),
		KB(__start_rodata, __end_rodata), KB(__init_begin, __init_end),
		KB(__bss_start, __bss_stop), K(physpages - totalram_pages()),
		K(totalhigh_pages()));
	print_memory_layout();
	pr_notice("%luMB HIGHMEM available.\n", (highend_pfn - highstart_pfn) >> (20 - PAGE_SHIFT));
	pr_notice("%luMB LOWMEM available.\n", max_low_pfn >> (20 - PAGE_SHIFT));
	print_zone_ranges();
}

/**
 * free_reserved_area - give reserved pages [@start, @end) (physical, page
 * aligned) to the page allocator, as Linux frees the initrd.
 * Return: the bytes freed.
 */
unsigned long free_reserved_area(unsigned long start, unsigned long end)
{
	unsigned long pages, flags;

	local_irq_save(flags);
	pages = free_memblock_range(PFN_DOWN(start), PFN_DOWN(end));
	totalram_pages_count += pages;
	local_irq_restore(flags);
	return pages << PAGE_SHIFT;
}

/* crash=lowmem_gap: read the first byte after lowmem, in the 8 MB gap. */
static noinline void crash_lowmem_gap(void)
{
	pr_info("crash: reading high_memory (0x%08lx), the first byte after lowmem\n",
		(unsigned long)high_memory);
	(void)*(volatile char *)high_memory;
}
crash_type("lowmem_gap", crash_lowmem_gap);

void __init mm_init(void)
{
	e820_apply_mem_limit();
	memblock_from_e820();
	find_low_pfn_range();

	memblock_set_current_limit(min_t(u64, EARLY_MAP_SIZE, PFN_PHYS(max_low_pfn)));
	paging_init();
	memblock_set_current_limit(PFN_PHYS(max_low_pfn));
	kasan_init();		/* KASAN builds: the shadow of lowmem (mm/kasan/) */

	mem_map = memblock_alloc_raw(max_pfn * sizeof(struct page), PAGE_SIZE);
	free_area_init(MAX_DMA_PFN, max_low_pfn, max_pfn);
	mem_init();
	kmem_cache_init();
	vmalloc_init();
}
