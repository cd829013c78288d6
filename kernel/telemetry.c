// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/telemetry.c - the allocators' state as JSON lines on COM2.
 *
 * The browser playground (web/) draws live pictures of what the seed
 * articles describe in words: the 4 GB split, the buddy free lists of each
 * zone, the slab caches' full/partial/free slabs, the vmalloc areas with
 * their guard pages, the pkmap slots.  It needs the numbers, not a log to
 * scrape, and the terminal must stay the kernel's own console.  So with the
 * parameter "telemetry" the kernel writes one JSON object per line to the
 * second serial port (ttyS1, 0x2f8), which the page reads on a channel of
 * its own.  Without the parameter this file does nothing and prints nothing.
 *
 * A snapshot is sent at the end of boot and after every shell command
 * (shell/shell.c calls telemetry_snapshot() with the line it ran):
 *
 *   {"seq":3,"why":"kmalloc 100",
 *    "layout":{"page_offset":..,"high_memory":..,"vmalloc_start":..,...,
 *              "kernel":{"text":[start,end],...},"mem_map":[start,end]},
 *    "processes":[{"pid":2,"name":"hold","vmas":[{"start":..,"end":..,
 *                  "name":"/hold"},...,{..,"name":"[heap]"},...]}],
 *    "zones":[{"name":"Normal","start_pfn":..,"spanned":..,"present":..,
 *              "managed":..,"free":..,"free_area":[nr_free of order 0..10],
 *              "blocks":[[pfn,order],...],"more":0,"pcp":[[pfn,order],...]}],
 *    "max_order_map":"hex: bit i set = the 4 MB block at pfn i*1024 is free",
 *    "slabs":[{"name":"kmalloc-128","size":..,"objsize":..,"num":..,
 *              "order":..,"full":..,"free":..,"partial":[inuse,...],
 *              "active":inuse or -1,"inuse":..}],
 *    "vmalloc":[{"addr":..,"size":..,"guard":1,"pages":..,"kind":"vmalloc",
 *                "caller":"demo_run+0x../0x.."}],
 *    "pkmap":[[slot,pfn,pkmap_count],...],"kmap_atomic":depth}
 *
 * Addresses and pfns are plain decimal numbers (every one fits a double).
 * "blocks" lists the free buddy blocks below MAX_ORDER - 1 (where splits
 * and merges happen) up to a cap, "more" counts those left out; the
 * largest blocks, of which 2 GB of RAM has hundreds, are one bit each in
 * max_order_map.  "processes" lists every live user process and its VMAs
 * (named as the last column of /proc/PID/maps: "/FILE", "[heap]",
 * "[stack]", or "" for anonymous memory): a process the shell started with
 * `run -b` is there until it exits.  The snapshot walks the lists with
 * interrupts off but allocates nothing, so taking it changes nothing it
 * describes.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/console.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <asm/pgtable.h>
#include <asm/fixmap.h>
#include <asm/sections.h>
#include <mm386/telemetry.h>

#define TELEMETRY_BLOCKS	256	/* free blocks listed per zone, at most */
#define TELEMETRY_SLABS		64	/* partial slabs listed per cache, at most */
/* MAX_ORDER - 1 blocks (4 MB) in the 4 GB of physical addresses: 1024 */
#define MAX_ORDER_BLOCKS	(1UL << (32 - PAGE_SHIFT - (MAX_ORDER - 1)))

static bool telemetry_on;
static unsigned long telemetry_seq;

static int __init telemetry_setup(char *val)
{
	if (serial2_init()) {
		pr_warn("telemetry: no UART at 0x2f8 (ttyS1); no snapshots\n");
		return 0;
	}
	telemetry_on = true;
	pr_info("telemetry: JSON snapshots of the allocators on ttyS1 (COM2)\n");
	return 0;
}
__setup("telemetry", telemetry_setup);

/* ---------------------------------------------------------------------
 * Writing JSON: tm_printf() formats a piece, tm_str() a quoted string.
 */

static __printf(1, 2) void tm_printf(const char *fmt, ...)
{
	char buf[160];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	serial2_write(buf, min_t(int, n, sizeof(buf) - 1));
}

// @s as a JSON string: quotes, backslashes and control bytes escaped.
static void tm_str(const char *s)
{
	serial2_write("\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			tm_printf("\\%c", *s);
		else if ((unsigned char)*s < ' ')
			tm_printf("\\u%04x", (unsigned char)*s);
		else
			serial2_write(s, 1);
	}
	serial2_write("\"", 1);
}

// "," before every element but the first; *@first tracks it.
static void tm_sep(bool *first)
{
	if (!*first)
		serial2_write(",", 1);
	*first = false;
}

/* ---------------------------------------------------------------------
 * The parts of a snapshot
 */

static void tm_range(const char *name, const void *start, const void *end)
{
	tm_printf("\"%s\":[%lu,%lu]", name, (unsigned long)start, (unsigned long)end);
}

// The fixed lines of the 4 GB picture, and the kernel image inside lowmem.
static void tm_layout(void)
{
	tm_printf("\"layout\":{\"page_offset\":%lu,\"high_memory\":%lu,", PAGE_OFFSET,
		  (unsigned long)high_memory);
	tm_printf("\"vmalloc_start\":%lu,\"vmalloc_end\":%lu,", VMALLOC_START, VMALLOC_END);
	tm_printf("\"pkmap_base\":%lu,\"last_pkmap\":%d,", PKMAP_BASE, LAST_PKMAP);
	tm_printf("\"fixaddr_start\":%lu,\"fixaddr_top\":%lu,", FIXADDR_START, FIXADDR_TOP);
	tm_printf("\"max_pfn\":%lu,\"max_low_pfn\":%lu,\"kernel\":{", max_pfn, max_low_pfn);
	tm_range("text", _text, _etext);
	serial2_write(",", 1);
	tm_range("rodata", __start_rodata, __end_rodata);
	serial2_write(",", 1);
	tm_range("data", _sdata, _edata);
	serial2_write(",", 1);
	tm_range("init", __init_begin, __init_end);
	serial2_write(",", 1);
	tm_range("bss", __bss_start, __bss_stop);
	serial2_write("},", 2);
	tm_range("mem_map", mem_map, mem_map + max_pfn);
	serial2_write("}", 1);
}

// Free blocks of @list as [pfn,order] pairs; returns those beyond *@room.
static unsigned long tm_blocks(struct list_head *list, unsigned int order, bool *first,
			       unsigned int *room)
{
	unsigned long more = 0;
	struct page *page;

	list_for_each_entry(page, list, lru) {
		if (!*room) {
			more++;
			continue;
		}
		(*room)--;
		tm_sep(first);
		tm_printf("[%lu,%u]", page_to_pfn(page), order);
	}
	return more;
}

static void tm_zone(struct zone *zone)
{
	unsigned int order, room = TELEMETRY_BLOCKS;
	unsigned long more = 0, flags;
	bool first = true;

	tm_str(zone->name);
	tm_printf(",\"start_pfn\":%lu,\"spanned\":%lu,\"present\":%lu,\"managed\":%lu,",
		  zone->zone_start_pfn, zone->spanned_pages, zone->present_pages,
		  zone->managed_pages);
	local_irq_save(flags);
	tm_printf("\"free\":%lu,\"free_area\":[", zone->free_pages);
	for (order = 0; order < MAX_ORDER; order++)
		tm_printf("%s%lu", order ? "," : "", zone->free_area[order].nr_free);
	serial2_write("],\"blocks\":[", 12);
	for (order = 0; order < MAX_ORDER - 1; order++)
		more += tm_blocks(&zone->free_area[order].free_list, order, &first, &room);
	tm_printf("],\"more\":%lu,\"pcp\":[", more);
	first = true;
	room = TELEMETRY_BLOCKS;
	for (order = 0; order < NR_PCP_ORDERS; order++)
		tm_blocks(&zone->pcp.lists[order], order, &first, &room);
	local_irq_restore(flags);
	serial2_write("]", 1);
}

// max_order_map: one bit per 4 MB of RAM, set where a free MAX_ORDER-1 block is.
static void tm_max_order_map(void)
{
	unsigned long chunks = (max_pfn + MAX_ORDER_NR_PAGES - 1) / MAX_ORDER_NR_PAGES;
	unsigned long nibble, i, flags;
	unsigned char map[MAX_ORDER_BLOCKS / 8];
	struct zone *zone;
	struct page *page;

	memset(map, 0, sizeof(map));
	local_irq_save(flags);
	for_each_zone(zone)
		list_for_each_entry(page, &zone->free_area[MAX_ORDER - 1].free_list, lru) {
			i = page_to_pfn(page) / MAX_ORDER_NR_PAGES;
			if (i < sizeof(map) * 8)
				map[i / 8] |= 1 << (i % 8);
		}
	local_irq_restore(flags);
	serial2_write("\"max_order_map\":\"", 17);
	for (nibble = 0; nibble < (chunks + 3) / 4; nibble++)
		tm_printf("%x", (map[nibble / 2] >> (4 * (nibble % 2))) & 0xf);
	serial2_write("\"", 1);
}

static void tm_zones(void)
{
	struct zone *zone;
	bool first = true;

	serial2_write("\"zones\":[", 9);
	for_each_zone(zone) {
		tm_sep(&first);
		serial2_write("{\"name\":", 8);
		tm_zone(zone);
		serial2_write("}", 1);
	}
	serial2_write("],", 2);
	tm_max_order_map();
}

/*
 * One cache: the three lists of struct kmem_cache (slab_def.h) as counts,
 * the partial slabs one by one (objects in use in each), and the active
 * slab (-1: none).  Interrupts are off while the lists are read.
 */
static void tm_cache(struct kmem_cache *s)
{
	unsigned long full, inuse, flags;
	unsigned int listed = 0;
	bool first = true;
	struct page *page;

	tm_str(s->name);
	tm_printf(",\"size\":%u,\"objsize\":%u,\"num\":%u,\"order\":%u,", s->size,
		  s->object_size, s->num, s->order);
	local_irq_save(flags);
	full = list_count_nodes(&s->slabs_full);
	inuse = full * s->num;
	tm_printf("\"full\":%lu,\"free\":%lu,\"partial\":[", full, s->nr_free_slabs);
	list_for_each_entry(page, &s->slabs_partial, lru) {
		inuse += slab_inuse(page);
		if (listed++ < TELEMETRY_SLABS) {
			tm_sep(&first);
			tm_printf("%u", slab_inuse(page));
		}
	}
	if (s->cpu_slab)
		inuse += slab_inuse(s->cpu_slab);
	tm_printf("],\"active\":%d,\"inuse\":%lu", s->cpu_slab ? (int)slab_inuse(s->cpu_slab) : -1,
		  inuse);
	local_irq_restore(flags);
}

static void tm_slabs(void)
{
	struct kmem_cache *s;
	bool first = true;

	serial2_write("\"slabs\":[", 9);
	list_for_each_entry(s, &slab_caches, list) {
		tm_sep(&first);
		serial2_write("{\"name\":", 8);
		tm_cache(s);
		serial2_write("}", 1);
	}
	serial2_write("]", 1);
}

// One vmalloc area (vmalloc_for_each_area: interrupts are off).
static void tm_area(const struct vm_struct *vm, void *arg)
{
	const char *kind = vm->flags & VM_ALLOC ? "vmalloc" : vm->flags & VM_MAP ? "vmap" :
			   "ioremap";
	char caller[96];

	snprintf(caller, sizeof(caller), "%pS", vm->caller);
	tm_sep(arg);
	tm_printf("{\"addr\":%lu,\"size\":%lu,\"guard\":%d,\"pages\":%u,\"kind\":\"%s\",\"caller\":",
		  (unsigned long)vm->addr, vm->size, !(vm->flags & VM_NO_GUARD), vm->nr_pages,
		  kind);
	tm_str(caller);
	serial2_write("}", 1);
}

// The pkmap slots in use: [slot, pfn, pkmap_count] (1: unused, awaiting the flush).
static void tm_pkmap(void)
{
	unsigned int nr;
	bool first = true;
	pte_t *pte;

	serial2_write("\"pkmap\":[", 9);
	for (nr = 0; nr < LAST_PKMAP; nr++) {
		if (!kmap_pkmap_count(nr))
			continue;
		pte = lookup_address(PKMAP_ADDR(nr));
		tm_sep(&first);
		tm_printf("[%u,%ld,%d]", nr, pte && pte_present(*pte) ? (long)pte_pfn(*pte) : -1L,
			  kmap_pkmap_count(nr));
	}
	tm_printf("],\"kmap_atomic\":%d", kmap_atomic_depth());
}

/*
 * tm_processes - "processes":[{"pid":2,"name":"hold","vmas":[{"start":..,
 * "end":..,"name":"[heap]"},...]},...]: every live process's VMAs, with the
 * last column of its /proc/PID/maps as their names.
 */
static void tm_processes(void)
{
	char file[RAMFS_NAME_LEN + 2];
	struct vm_area_struct *vma;
	struct task_struct *t;
	bool first = true;

	serial2_write("\"processes\":[", 13);
	list_for_each_entry(t, &task_list, tasks) {
		bool first_vma = true;

		if (!t->mm || t->exit_state)
			continue;
		tm_sep(&first);
		tm_printf("{\"pid\":%d,\"name\":", t->pid);
		tm_str(t->comm);
		serial2_write(",\"vmas\":[", 9);
		for_each_vma(t->mm, vma) {
			tm_sep(&first_vma);
			tm_printf("{\"start\":%lu,\"end\":%lu,\"name\":", vma->vm_start, vma->vm_end);
			tm_str(vma_label(vma, file, sizeof(file)));
			serial2_write("}", 1);
		}
		serial2_write("]}", 2);
	}
	serial2_write("],", 2);
}

/**
 * telemetry_snapshot - send one snapshot line on ttyS1, if "telemetry" is on
 * @why: what just happened: "boot", or the shell line that ran
 */
void telemetry_snapshot(const char *why)
{
	bool first = true;

	if (!telemetry_on)
		return;
	tm_printf("{\"seq\":%lu,\"why\":", ++telemetry_seq);
	tm_str(why);
	serial2_write(",", 1);
	tm_layout();
	serial2_write(",", 1);
	tm_processes();
	tm_zones();
	serial2_write(",", 1);
	tm_slabs();
	serial2_write(",\"vmalloc\":[", 12);
	vmalloc_for_each_area(tm_area, &first);
	serial2_write("],", 2);
	tm_pkmap();
	serial2_write("}\n", 2);
}
