// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/host.c - the allocator cores as a host program.
 *
 * The guide says the algorithms in mm/ do not touch hardware; this proves
 * it.  mm/memblock.c, mm_init.c, page_alloc.c, page_alloc_check.c,
 * slab.c, slab_common.c, slab_debug.c, vmap_area.c, vmstat.c, failslab.c,
 * fail_page_alloc.c and lib/rbtree.c, random32.c, kstrtox.c,
 * fault-inject.c, ratelimit.c are compiled unchanged, for i386 Linux user
 * space (clang --target=i686-linux-gnu, under AddressSanitizer and
 * UndefinedBehaviorSanitizer, with libFuzzer for the fuzz targets).  The
 * only header replaced is <linux/irqflags.h> (tests/fuzz/shim/): a user
 * process may not execute cli and sti.
 *
 * This file is the rest of the kernel, as little of it as the cores call:
 * printk, panic and the reports (counted, so a harness can tell an
 * expected report from a bug), and "RAM": a 32-bit process on a 64-bit
 * kernel owns all 4 GB below the kernel, so the fake RAM is mapped at
 * exactly PAGE_OFFSET (0xc0000000) and __va()/__pa() are the kernel's
 * own.  host_boot() then runs the kernel's boot steps in the kernel's
 * order: memblock, free_area_init, memblock_free_all, the watermarks,
 * kmem_cache_init, vmap_area_init.
 */
#include "host.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* What the kernel's own files would define. */
unsigned long host_eflags = X86_EFLAGS_IF;
unsigned long __preempt_count;
volatile unsigned long jiffies = 1;
enum system_states system_state;	/* SYSTEM_BOOTING, then SYSTEM_RUNNING */
int oops_in_progress;
unsigned long misuse_reports;
void *high_memory;
char __start_rodata[1], __end_rodata[1];	/* nothing is .rodata here */
unsigned long might_sleep_suppressed;

int host_verbose = -1;

/* One task, the one every report names (warn_alloc, bad_page): swapper/0. */
static struct task_struct host_task = { .comm = "swapper/0" };
struct task_struct *current_task = &host_task;

static bool verbose(void)
{
	if (host_verbose < 0)
		host_verbose = getenv("MM386_HOST_VERBOSE") != NULL;
	return host_verbose;
}

int vprintk(const char *fmt, va_list args)
{
	/* KERN_SOH and a level first: skip them. */
	if (fmt[0] == '\001' && fmt[1])
		fmt += 2;
	if (!verbose())
		return 0;
	return vfprintf(stderr, fmt, args);
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	if (!size)
		return 0;
	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n < (int)size ? n : (int)size - 1;
}

void __attribute__((noreturn)) panic(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	fprintf(stderr, "Kernel panic - not syncing: ");
	vfprintf(stderr, fmt, args);
	fprintf(stderr, "\n");
	va_end(args);
	abort();
}

void dump_stack(void)
{
}

void report_begin(void)
{
	misuse_reports++;
	printk("------------[ cut here ]------------\n");
}

void report_end(unsigned long caller)
{
	printk("---[ end trace ]---\n");
}

void __warn(const char *file, int line, unsigned long caller, const char *fmt, ...)
{
	va_list args;

	report_begin();
	printk("WARNING: at %s:%d\n", file, line);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	report_end(caller);
}

void __might_sleep_flags(const char *file, int line, unsigned long flags)
{
	if (system_state != SYSTEM_RUNNING)
		return;
	report_begin();
	printk("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	report_end(0);
}

void preempt_count_underflow(unsigned long val)
{
	report_begin();
	printk("preempt_count underflow\n");
	report_end(0);
}

int param_invalid(const char *fmt, ...)
{
	return -EINVAL;
}

int param_out_of_range(const char *fmt, ...)
{
	return -ERANGE;
}

void describe_address(unsigned long addr, char *buf, size_t size)
{
	snprintf(buf, size, "address 0x%08lx", addr);
}

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len = strnlen(src, size);

	if (!size)
		return -E2BIG;
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const unsigned char *p = start;
	size_t i;

	for (i = 0; i < bytes; i++)
		if (p[i] != (unsigned char)c)
			return (void *)(p + i);
	return NULL;
}

/* All of the fake RAM is mapped at PAGE_OFFSET: a HighMem page is reachable too. */
void *__kmap_atomic_high(struct page *page)
{
	return __va((unsigned long)page_to_pfn(page) << PAGE_SHIFT);
}

void __kunmap_atomic_high(void *addr)
{
	preempt_enable();
}

/*
 * RCU with no readers: one thread, no preemption, nobody inside
 * rcu_read_lock() - every grace period has already passed.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	func(head);
}

void rcu_barrier(void)
{
}

/*
 * asan_shadow_for_ram - make sure AddressSanitizer has shadow for the fake
 * RAM.  On a 64-bit kernel it does: it maps shadow for all 4 GB.  Under
 * qemu-i386 (a host kernel that does not run i386 programs) uname says
 * i686, so ASan takes the top GB for a kernel's and maps no shadow there;
 * map that part ourselves (zeroes: all addressable), at ASan's i386
 * offset, 0x20000000 + addr / 8.  MAP_FIXED_NOREPLACE leaves ASan's own
 * shadow alone where it exists.
 */
static void asan_shadow_for_ram(unsigned long bytes)
{
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
	unsigned long shadow = 0x20000000UL + (PAGE_OFFSET >> 3);
	void *p = mmap((void *)shadow, bytes >> 3, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);

	if (p != MAP_FAILED && p != (void *)shadow)
		munmap(p, bytes >> 3);	/* an old kernel's hint, not placed there */
#endif
#endif
}

/*
 * host_boot - RAM of @ram_mb at physical 0, mapped at PAGE_OFFSET; ZONE_DMA
 * below 16 MB, lowmem up to @low_mb, HighMem above; then the kernel's own
 * boot steps for the page allocator, the slab layer and the vmalloc area
 * allocator.  Idempotent: the fuzzers call it for every input.
 */
void host_boot(unsigned long ram_mb, unsigned long low_mb)
{
	static bool booted;
	unsigned long bytes = ram_mb << 20;
	struct zone *zone;
	void *ram;

	if (booted)
		return;
	booted = true;
	ram = mmap((void *)PAGE_OFFSET, bytes, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | MAP_NORESERVE, -1, 0);
	if (ram != (void *)PAGE_OFFSET) {
		perror("host_boot: mmap of the fake RAM at 0xc0000000");
		abort();
	}
	asan_shadow_for_ram(bytes);
	memblock_add(0, bytes);
	memblock_reserve(0, PAGE_SIZE);		/* the BIOS's page, as on a PC */
	max_pfn = bytes >> PAGE_SHIFT;
	max_low_pfn = (low_mb << 20) >> PAGE_SHIFT;
	high_memory = __va(max_low_pfn << PAGE_SHIFT);
	mem_map = memblock_alloc_raw(max_pfn * sizeof(struct page), PAGE_SIZE);
	free_area_init(min(max_low_pfn, (16UL << 20) >> PAGE_SHIFT), max_low_pfn, max_pfn);
	memblock_free_all();
	for_each_zone(zone)
		totalram_pages_count += zone->managed_pages;
	totalhigh_pages_count = contig_page_data.node_zones[ZONE_HIGHMEM].managed_pages;
	setup_per_zone_wmarks();
	kmem_cache_init();
	vmap_area_init();
	system_state = SYSTEM_RUNNING;
	if (misuse_reports || check_free_areas()) {
		fprintf(stderr, "host_boot: the boot itself reported a problem\n");
		abort();
	}
}

/* host_fail - a harness found a bug: say what, and crash for libFuzzer. */
void __attribute__((noreturn)) host_fail(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	fprintf(stderr, "FUZZ: ");
	vfprintf(stderr, fmt, args);
	fprintf(stderr, "\n");
	va_end(args);
	abort();
}
