// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/report.c - "BUG: KASAN: ..." in Linux 6.1's words:
 *
 *   ==================================================================
 *   BUG: KASAN: slab-out-of-bounds in kmalloc_oob_right+0x3d/0x8c
 *   Write of size 1 at addr c1fd3078 by task swapper/0
 *
 *   the call trace; who allocated the object and who freed it; which
 *   object and cache, and where in it; the page; and the shadow bytes
 *   around the address, the bad one marked:
 *
 *   Memory state around the buggy address:
 *    c1fd2f80: fc fc fc fc fc fc fc fc fc fc fc fc fc fc fc fc
 *   >c1fd3000: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 fc
 *                                                           ^
 *
 * The kind of bug comes from the first bad shadow byte (a partial granule
 * counts as the next one's).  A loop that goes on past the end reports
 * once (same_bug).  Every report is one of misuse_reports, so a
 * ktest case says how many it expects; the kernel goes on after each.
 * This file is not instrumented.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/irqflags.h>
#include <asm/sections.h>
#include <mm386/dump.h>
#include "kasan.h"

unsigned long kasan_reports;
const char *kasan_last_bug;		/* the last report's kind, for the tests */
static bool in_report;

static const char *shadow_bug_type(u8 v)
{
	switch (v) {
	case KASAN_PAGE_REDZONE:
	case KASAN_SLAB_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_GLOBAL_REDZONE:
		return "global-out-of-bounds";
	case KASAN_STACK_LEFT:
	case KASAN_STACK_MID:
	case KASAN_STACK_RIGHT:
	case KASAN_STACK_PARTIAL:
		return "stack-out-of-bounds";
	case KASAN_PAGE_FREE:
	case KASAN_SLAB_FREE:
		return "use-after-free";
	case KASAN_ALLOCA_LEFT:
	case KASAN_ALLOCA_RIGHT:
		return "alloca-out-of-bounds";
	case KASAN_VMALLOC_INVALID:
		return "vmalloc-out-of-bounds";
	}
	return "unknown-crash";
}

static const char *bug_type(unsigned long bad)
{
	u8 v = *(u8 *)kasan_mem_to_shadow((void *)bad);

	if (v > 0 && v <= KASAN_GRANULE_MASK)	/* a partial granule: look at the next */
		v = *(u8 *)kasan_mem_to_shadow((void *)(bad + KASAN_GRANULE_SIZE));
	return shadow_bug_type(v);
}

static void print_track(const char *what, const struct kasan_track *t)
{
	unsigned int i;

	pr_err("%s by task %d:\n", what, current->pid);
	for (i = 0; i < KASAN_STACK_DEPTH && t->stack[i]; i++)
		pr_err(" %pS\n", (void *)t->stack[i]);
	pr_err("\n");
}

// The object (and cache) @addr is in or next to, with where it lies.
static void describe_object(struct kmem_cache *s, struct page *page, unsigned long addr)
{
	unsigned long first = (unsigned long)page->s_mem, off, obj;
	const struct kasan_meta *m;
	long rel;

	if (addr < first)
		obj = first;
	else if ((off = (addr - first) / s->size) >= s->num)
		obj = first + (s->num - 1) * s->size;
	else
		obj = first + off * s->size;
	m = kasan_meta_of(s, (void *)obj);
	if (m->alloc.stack[0])
		print_track("Allocated", &m->alloc);
	if (*(u8 *)kasan_mem_to_shadow((void *)obj) == KASAN_SLAB_FREE && m->free.stack[0])
		print_track("Freed", &m->free);
	pr_err("The buggy address belongs to the object at %08lx\n", obj);
	pr_err(" which belongs to the cache %s of size %u\n", s->name, s->object_size);
	rel = (long)(addr - obj);
	if (rel < 0)
		pr_err("The buggy address is located %ld bytes to the left of\n", -rel);
	else if (rel >= s->object_size)
		pr_err("The buggy address is located %ld bytes to the right of\n",
		       rel - (long)s->object_size);
	else
		pr_err("The buggy address is located %ld bytes inside of\n", rel);
	pr_err(" %u-byte region [%08lx, %08lx)\n", s->object_size, obj, obj + s->object_size);
	pr_err("\n");
}

static void kasan_describe(unsigned long addr)
{
	if (addr >= (unsigned long)__start_rodata && addr < (unsigned long)_end) {
		pr_err("The buggy address belongs to the variable:\n");
		pr_err(" %pS\n", (void *)addr);
	} else if (virt_addr_valid((void *)addr)) {
		struct page *page = compound_head(virt_to_page(addr));
		char flags[96];

		if (PageSlab(page))
			describe_object(page->slab_cache, page, addr);
		format_page_flags(flags, sizeof(flags), page);
		pr_err("The buggy address belongs to the physical page:\n");
		pr_err("page:%p refcount:%d pfn:%#lx\n", page, page_count(page), page_to_pfn(page));
		pr_err("flags: %s\n", flags);
		pr_err("page dumped because: kasan: bad access detected\n");
	} else {
		char where[160];

		describe_address(addr, where, sizeof(where));
		pr_err("The buggy address belongs to: %s\n", where);
	}
	pr_err("\n");
}

// Five rows of 16 shadow bytes (128 bytes of memory each), @addr's marked.
static void print_shadow(unsigned long addr)
{
	unsigned long row = (addr & ~(unsigned long)(KASAN_GRANULE_SIZE * 16 - 1)) -
			    2 * KASAN_GRANULE_SIZE * 16;
	unsigned int i, r;

	pr_err("Memory state around the buggy address:\n");
	for (r = 0; r < 5; r++, row += KASAN_GRANULE_SIZE * 16) {
		const u8 *sh = kasan_mem_to_shadow((void *)row);
		char line[16 * 3 + 1];
		bool here = addr >= row && addr < row + KASAN_GRANULE_SIZE * 16;

		for (i = 0; i < 16; i++)
			scnprintf(line + i * 3, 4, " %02x", sh[i]);
		pr_err("%c%08lx:%s\n", here ? '>' : ' ', row, line);
		if (here)
			pr_err("%*c\n", (int)(10 + 3 * ((addr - row) >> KASAN_SHADOW_SCALE_SHIFT) + 2),
			       '^');
	}
}

static bool report_begin_kasan(void)
{
	if (in_report)
		return false;
	in_report = true;
	misuse_reports++;
	kasan_reports++;
	pr_err("==================================================================\n");
	return true;
}

static void report_end_kasan(void)
{
	pr_err("==================================================================\n");
	in_report = false;
}

/*
 * One bad access, one report: a loop that walks on (strlen of a freed
 * string, a memset past the end) would report each byte.  The same code
 * reading or writing within 64 bytes of its last reported address is the
 * same bug, and only counted.
 */
static unsigned long last_ip, last_addr;
unsigned long kasan_reports_suppressed;

static bool same_bug(unsigned long addr, unsigned long ip)
{
	bool same = ip == last_ip && addr - last_addr + 64 < 128;

	last_ip = ip;
	last_addr = addr;
	kasan_reports_suppressed += same;
	return same;
}

/* kasan_report - an access of @size bytes at @addr from the code at @ip was bad. */
void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip)
{
	unsigned long flags, bad;

	local_irq_save(flags);
	if (same_bug(addr, ip) || !report_begin_kasan()) {
		local_irq_restore(flags);
		return;
	}
	bad = kasan_first_bad(addr, size);
	if (!bad)
		bad = addr;
	kasan_last_bug = bug_type(bad);
	pr_err("BUG: KASAN: %s in %pS\n", kasan_last_bug, (void *)ip);
	pr_err("%s of size %zu at addr %08lx by task %s/%d\n", write ? "Write" : "Read", size,
	       addr, current->comm, current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	kasan_describe(bad);
	print_shadow(bad);
	report_end_kasan();
	local_irq_restore(flags);
}

/* A free of something that is no live object: "double-free" or "invalid-free". */
void kasan_report_invalid_free(const void *obj, unsigned long ip, const char *kind)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!report_begin_kasan()) {
		local_irq_restore(flags);
		return;
	}
	kasan_last_bug = kind;
	pr_err("BUG: KASAN: %s in %pS\n", kind, (void *)ip);
	pr_err("Free of addr %08lx by task %s/%d\n", (unsigned long)obj, current->comm,
	       current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	kasan_describe((unsigned long)obj);
	print_shadow((unsigned long)obj);
	report_end_kasan();
	local_irq_restore(flags);
}

/*
 * dump=kasan: what KASAN costs and holds - the shadow's addresses and RAM
 * (lowmem's at boot, vmalloc areas' on demand), the quarantine, the
 * globals registered, the reports so far.
 */
static void kasan_show(void)
{
	pr_info("kasan: shadow 0x%08lx-0x%08lx (%lu MB of addresses), offset 0x%08lx\n",
		KASAN_SHADOW_START, KASAN_SHADOW_END, (KASAN_SHADOW_END - KASAN_SHADOW_START) >> 20,
		KASAN_SHADOW_OFFSET);
	pr_info("kasan: lowmem shadow %lu kB, vmalloc shadow %lu kB, shadow page tables %lu kB\n",
		kasan_lowmem_shadow_bytes >> 10, kasan_vmalloc_shadow_pages << 2,
		((KASAN_SHADOW_END - KASAN_SHADOW_START) >> 22) << 2);
	pr_info("kasan: quarantine %lu objects, %lu bytes\n", kasan_quarantine_objects,
		kasan_quarantine_bytes);
	pr_info("kasan: %lu globals registered, %lu reports, %lu repeats suppressed\n",
		kasan_globals, kasan_reports, kasan_reports_suppressed);
}
proc_dump("kasan", kasan_show);
