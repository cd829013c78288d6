// SPDX-License-Identifier: GPL-2.0
/*
 * mm/layout.c - the kernel's gigabyte, printed: "virtual kernel memory
 * layout", in the format Linux printed at boot until v4.17
 * (arch/x86/mm/init_32.c), from the top of memory down:
 *
 *   fixmap   compile-time slots at the very top (kmap_atomic)
 *   pkmap    1024 slots for kmap()
 *   vmalloc  VMALLOC_START (high_memory + 8 MB) .. VMALLOC_END
 *   lowmem   PAGE_OFFSET .. high_memory: all of lowmem, mapped 1:1
 *     .init / .data / .text: the kernel image, inside lowmem
 *
 * dump=layout prints it again at the end of boot, followed by a picture of
 * the whole 4 GB, from 0 to the top: every region with its start (on its
 * lower edge), its size, and what lives inside (the kernel image and
 * mem_map in lowmem, the areas in vmalloc).  It fits 80 columns.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <linux/kasan.h>
#include <asm/sections.h>
#include <mm386/dump.h>


#define KB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 10)
#define MB(a, b)	(((unsigned long)(b) - (unsigned long)(a)) >> 20)

void print_memory_layout(void)
{
	pr_info("virtual kernel memory layout:\n"
		"    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		FIXADDR_START, FIXADDR_TOP, KB(FIXADDR_START, FIXADDR_TOP),
		PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE,
		KB(PKMAP_BASE, PKMAP_BASE + LAST_PKMAP * PAGE_SIZE));
#ifdef CONFIG_KASAN
	pr_info("    kasan   : 0x%08lx - 0x%08lx   (%4ld MB)\n", KASAN_SHADOW_START,
		KASAN_SHADOW_END, MB(KASAN_SHADOW_START, KASAN_SHADOW_END));
#endif
	pr_info("    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n"
		"    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n"
		"      .init : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .data : 0x%08lx - 0x%08lx   (%4ld kB)\n"
		"      .text : 0x%08lx - 0x%08lx   (%4ld kB)\n",
		VMALLOC_START, VMALLOC_END, MB(VMALLOC_START, VMALLOC_END),
		PAGE_OFFSET, (unsigned long)high_memory, MB(PAGE_OFFSET, high_memory),
		(unsigned long)__init_begin, (unsigned long)__init_end,
		KB(__init_begin, __init_end),
		(unsigned long)_etext, (unsigned long)_edata, KB(_etext, _edata),
		(unsigned long)_text, (unsigned long)_etext, KB(_text, _etext));
}

/* Sizes as people say them: "4 kB", "848 MB", "3 GB". */
static const char *human_size(char *buf, size_t n, unsigned long long bytes)
{
	if (bytes >= (1ULL << 30) && !(bytes & ((1ULL << 30) - 1)))
		snprintf(buf, n, "%llu GB", bytes >> 30);
	else if (bytes >= (10ULL << 20) || !(bytes & ((1ULL << 20) - 1)))
		snprintf(buf, n, "%llu MB", bytes >> 20);
	else
		snprintf(buf, n, "%llu kB", bytes >> 10);
	return buf;
}

#define BOX_INNER	46

// The line at an edge: the address, the rule, and which boundary it is.
static void diagram_edge(unsigned long long addr, const char *name)
{
	static const char rule[] = "----------------------------------------------";

	printk("  0x%08llx +%s+%s%s\n", addr, rule, name ? " " : "", name ? name : "");
}

// One line inside a box: text on the left, a size on the right.
static void diagram_text(const char *text, const char *size)
{
	printk("             | %-*.*s %9s |\n", BOX_INNER - 12, BOX_INNER - 12, text,
	       size ? size : "");
}

static void diagram_region(unsigned long start, unsigned long long end, const char *what)
{
	char size[16];

	diagram_text(what, human_size(size, sizeof(size), end - start));
}

#define DIAGRAM_MAX_AREAS	8

struct area_lines {
	unsigned int shown, total;
};

static void diagram_one_area(const struct vm_struct *vm, void *arg)
{
	struct area_lines *a = arg;
	char line[64], size[16];

	if (a->total++ >= DIAGRAM_MAX_AREAS)
		return;
	a->shown++;
	snprintf(line, sizeof(line), "  0x%08lx %s %ps", (unsigned long)vm->addr,
		 (vm->flags & VM_ALLOC) ? "vmalloc" : (vm->flags & VM_MAP) ? "vmap" : "area",
		 vm->caller);
	diagram_text(line, human_size(size, sizeof(size), vm->size));
}

// The areas in the vmalloc region, the first few (sizes include guards).
static void diagram_vmalloc_areas(void)
{
	struct area_lines a = { 0, 0 };
	char line[48];

	vmalloc_for_each_area(diagram_one_area, &a);
	if (!a.total) {
		diagram_text("  (no areas)", NULL);
	} else if (a.total > a.shown) {
		snprintf(line, sizeof(line), "  ... and %u more areas (vmallocinfo)", a.total - a.shown);
		diagram_text(line, NULL);
	}
}

// The regions inside lowmem: where the kernel image and mem_map sit.
static void diagram_lowmem_contents(void)
{
	unsigned long map = (unsigned long)mem_map, map_end = (unsigned long)(mem_map + max_pfn);
	char line[64], size[16];

	snprintf(line, sizeof(line), "  mem_map 0x%08lx-0x%08lx", map, map_end);
	diagram_text(line, human_size(size, sizeof(size), map_end - map));
	snprintf(line, sizeof(line), "  kernel  0x%08lx-0x%08lx", (unsigned long)_text,
		 (unsigned long)_end);
	diagram_text(line, human_size(size, sizeof(size), (unsigned long)_end - (unsigned long)_text));
}

/* print_layout_diagram - the 4 GB virtual address space, top down. */
void print_layout_diagram(void)
{
	unsigned long high = (unsigned long)high_memory;
	unsigned long pkmap_end = PKMAP_BASE + LAST_PKMAP * PAGE_SIZE;

	printk("4 GB virtual address space (top down; sizes not to scale):\n");
	diagram_edge(0xffffffffULL, NULL);
	diagram_region(FIXADDR_TOP, 1ULL << 32, "top page (never mapped)");
	diagram_edge(FIXADDR_TOP, "FIXADDR_TOP");
	diagram_region(FIXADDR_START, FIXADDR_TOP, "fixmap: kmap_atomic slots");
	diagram_edge(FIXADDR_START, "FIXADDR_START");
	diagram_region(pkmap_end, FIXADDR_START, "unmapped");
	diagram_edge(pkmap_end, NULL);
	diagram_region(PKMAP_BASE, pkmap_end, "pkmap: 1024 kmap() slots");
	diagram_edge(PKMAP_BASE, "PKMAP_BASE");
	diagram_region(VMALLOC_END, PKMAP_BASE, "unmapped (2 pages)");
	diagram_edge(VMALLOC_END, "VMALLOC_END");
	diagram_region(VMALLOC_START, VMALLOC_END, "vmalloc area");
	diagram_vmalloc_areas();
	diagram_edge(VMALLOC_START, "VMALLOC_START");
	diagram_region(high, VMALLOC_START, "gap: VMALLOC_OFFSET, unmapped");
	diagram_edge(high, "high_memory");
	diagram_region(PAGE_OFFSET, high, "lowmem: RAM, at 3 GB + phys");
	diagram_lowmem_contents();
	diagram_edge(PAGE_OFFSET, "PAGE_OFFSET");
	diagram_region(PAGE_SIZE, PAGE_OFFSET, "user space: each process's own");
	diagram_edge(PAGE_SIZE, NULL);
	diagram_region(0, PAGE_SIZE, "NULL page (never mapped)");
	diagram_edge(0, NULL);
}

/*
 * The kernel's own page tables (lowmem's, vmalloc's, pkmap's, fixmap's):
 * one set, in swapper_pg_dir, whose PDEs every process's page directory
 * copies.  Linux counts them nowhere; meminfo's PageTables are the
 * processes' (NR_USER_PAGETABLE).  mm386 says how many there are here.
 */
static void layout_show(void)
{
	unsigned long tables = global_vm_stat(NR_PAGETABLE);

	print_memory_layout();
	print_layout_diagram();
	printk("kernel page tables: %lu (%lu kB), in swapper_pg_dir, shared by every process\n",
	       tables, tables << (PAGE_SHIFT - 10));
}
proc_dump("layout", layout_show);
