// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/shadow.c - KASAN's shadow memory, and the checks the compiler
 * calls (include/linux/kasan.h has the layout).
 *
 * Every load and store of instrumented code first calls __asan_loadN or
 * __asan_storeN(addr): the shadow byte of each 8-byte granule the access
 * touches must say it is accessible (0, or 1-7 bytes from the start).  If
 * not, report.c prints Linux's report.  Accesses below PAGE_OFFSET are not
 * checked: a NULL or user pointer faults on its own, and the shadow only
 * covers the kernel's gigabyte.
 *
 * The shadow itself: boot/head.asm maps all 128 MB of it to one page of
 * zeros, so instrumented code can run from the first instruction of C
 * (nothing is reported until kasan_init() says so).  kasan_init() gives
 * each shadow PDE a page table of its own and lowmem's shadow real pages
 * (one eighth of lowmem, from memblock); vmalloc areas get shadow pages
 * when they are mapped (kasan_populate_vmalloc); the rest keeps reading
 * zeros ("accessible"): the 8 MB gap and pkmap/fixmap, whose pages are
 * somebody's HighMem page for a while.
 *
 * memset, memcpy and memmove are checked here too, then do the work with
 * lib/string.c's __memset and friends.  This file is not instrumented.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <linux/export.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include "kasan.h"

bool kasan_enabled;
int kasan_depth;		/* > 0: kasan_quiet() code is running, no checks */
unsigned long kasan_lowmem_shadow_bytes, kasan_vmalloc_shadow_pages;

/* boot/head.asm: the page of zeros, and the page table that maps it everywhere. */
extern u8 kasan_early_shadow_page[PAGE_SIZE];

/* ---------------------------------------------------------------------
 * Poisoning
 */

// Set the shadow of [@addr, @addr + @size), both multiples of 8, to @value.
void kasan_poison(const void *addr, size_t size, u8 value)
{
	if ((unsigned long)addr < PAGE_OFFSET || !size)
		return;
	__memset(kasan_mem_to_shadow(addr), value, size >> KASAN_SHADOW_SCALE_SHIFT);
}

/*
 * kasan_unpoison - make [@addr, @addr + @size) accessible; @addr is a
 * multiple of 8, and a partial last granule says how many of its bytes
 * are (so one byte past an odd size is caught).
 */
void kasan_unpoison(const void *addr, size_t size)
{
	u8 *shadow;

	if ((unsigned long)addr < PAGE_OFFSET || !size)
		return;
	shadow = kasan_mem_to_shadow(addr);
	__memset(shadow, 0, size >> KASAN_SHADOW_SCALE_SHIFT);
	if (size & KASAN_GRANULE_MASK)
		shadow[size >> KASAN_SHADOW_SCALE_SHIFT] = size & KASAN_GRANULE_MASK;
}

/* ---------------------------------------------------------------------
 * The checks
 */

// Is the byte at @addr accessible?
static __always_inline bool byte_ok(unsigned long addr)
{
	s8 v = *(s8 *)kasan_mem_to_shadow((void *)addr);

	return !v || (s8)(addr & KASAN_GRANULE_MASK) < v;
}

/* The first inaccessible byte of [@addr, @addr + @size), or 0. */
unsigned long kasan_first_bad(unsigned long addr, size_t size)
{
	unsigned long a;

	for (a = addr; a < addr + size; a++) {
		u8 v = *(u8 *)kasan_mem_to_shadow((void *)a);

		if (!v) {		/* a whole good granule: skip it */
			a |= KASAN_GRANULE_MASK;
			continue;
		}
		if (!byte_ok(a))
			return a;
	}
	return 0;
}

/*
 * check_region - the access of @size bytes at @addr, made by the code at
 * @ip: report it if any byte is poisoned.  Returns false after a report.
 */
static __always_inline bool check_region(unsigned long addr, size_t size, bool write,
					 unsigned long ip)
{
	if (unlikely(!kasan_enabled || kasan_depth) || !size)
		return true;
	if (addr < PAGE_OFFSET || addr + size < addr)
		return true;		/* faults by itself, or no shadow to check */
	if (size <= 8 && !((addr & KASAN_GRANULE_MASK) + size > KASAN_GRANULE_SIZE)) {
		if (likely(byte_ok(addr + size - 1) && byte_ok(addr)))
			return true;
	} else if (likely(!kasan_first_bad(addr, size))) {
		return true;
	}
	kasan_report(addr, size, write, ip);
	return false;
}

bool kasan_check_range(const void *addr, size_t size, bool write, unsigned long ip)
{
	return check_region((unsigned long)addr, size, write, ip);
}

#define DEFINE_ASAN_LOAD_STORE(size)					\
	void __asan_load##size##_noabort(unsigned long addr)		\
	{ check_region(addr, size, false, _RET_IP_); }			\
	EXPORT_SYMBOL(__asan_load##size##_noabort);			\
	void __asan_store##size##_noabort(unsigned long addr)		\
	{ check_region(addr, size, true, _RET_IP_); }			\
	EXPORT_SYMBOL(__asan_store##size##_noabort);			\
	void __asan_load##size(unsigned long addr)			\
		__alias(__asan_load##size##_noabort);			\
	void __asan_store##size(unsigned long addr)			\
		__alias(__asan_store##size##_noabort)

/* The compiler's calls: nobody declares them but the compiler. */
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
DEFINE_ASAN_LOAD_STORE(1);
DEFINE_ASAN_LOAD_STORE(2);
DEFINE_ASAN_LOAD_STORE(4);
DEFINE_ASAN_LOAD_STORE(8);
DEFINE_ASAN_LOAD_STORE(16);

void __asan_loadN_noabort(unsigned long addr, size_t size)
{
	check_region(addr, size, false, _RET_IP_);
}
EXPORT_SYMBOL(__asan_loadN_noabort);
void __asan_loadN(unsigned long addr, size_t size) __alias(__asan_loadN_noabort);

void __asan_storeN_noabort(unsigned long addr, size_t size)
{
	check_region(addr, size, true, _RET_IP_);
}
EXPORT_SYMBOL(__asan_storeN_noabort);
void __asan_storeN(unsigned long addr, size_t size) __alias(__asan_storeN_noabort);

/* Stack frames the compiler poisons and unpoisons by calls (large frames, scopes). */
#define DEFINE_ASAN_SET_SHADOW(byte)					\
	void __asan_set_shadow_##byte(const void *addr, size_t size)	\
	{ __memset((void *)addr, 0x##byte, size); }			\
	EXPORT_SYMBOL(__asan_set_shadow_##byte)

DEFINE_ASAN_SET_SHADOW(00);
DEFINE_ASAN_SET_SHADOW(f1);
DEFINE_ASAN_SET_SHADOW(f2);
DEFINE_ASAN_SET_SHADOW(f3);
DEFINE_ASAN_SET_SHADOW(f5);
DEFINE_ASAN_SET_SHADOW(f8);

void __asan_poison_stack_memory(const void *addr, size_t size)
{
	kasan_poison(addr, round_up(size, KASAN_GRANULE_SIZE), KASAN_STACK_MID);
}
EXPORT_SYMBOL(__asan_poison_stack_memory);

void __asan_unpoison_stack_memory(const void *addr, size_t size)
{
	kasan_unpoison(addr, size);
}
EXPORT_SYMBOL(__asan_unpoison_stack_memory);

/* Before a call that does not return: nothing to do (Linux neither). */
void __asan_handle_no_return(void)
{
}
EXPORT_SYMBOL(__asan_handle_no_return);

/* Dynamic allocas (clang): a redzone of 32 bytes either side. */
void __asan_alloca_poison(unsigned long addr, size_t size)
{
	unsigned long rounded = round_up(size, KASAN_GRANULE_SIZE);

	kasan_poison((void *)(addr - 32), 32, KASAN_ALLOCA_LEFT);
	kasan_poison((void *)(addr + rounded), round_up(size, 32) - rounded + 32,
		     KASAN_ALLOCA_RIGHT);
	kasan_unpoison((void *)addr, size);
}
EXPORT_SYMBOL(__asan_alloca_poison);

void __asan_allocas_unpoison(const void *top, const void *bottom)
{
	if (top && bottom > top)
		kasan_unpoison(top, bottom - top);
}
EXPORT_SYMBOL(__asan_allocas_unpoison);

/* ---------------------------------------------------------------------
 * The string functions, checked
 */

#undef memset
#undef memcpy
#undef memmove

void *memset(void *s, int c, size_t n)
{
	if (!kasan_check_range(s, n, true, _RET_IP_))
		return s;
	return __memset(s, c, n);
}
EXPORT_SYMBOL(memset);

void *memcpy(void *dst, const void *src, size_t n)
{
	if (!kasan_check_range(src, n, false, _RET_IP_) ||
	    !kasan_check_range(dst, n, true, _RET_IP_))
		return dst;
	return __memcpy(dst, src, n);
}
EXPORT_SYMBOL(memcpy);

void *memmove(void *dst, const void *src, size_t n)
{
	if (!kasan_check_range(src, n, false, _RET_IP_) ||
	    !kasan_check_range(dst, n, true, _RET_IP_))
		return dst;
	return __memmove(dst, src, n);
}
EXPORT_SYMBOL(memmove);

void *__asan_memset(void *s, int c, size_t n) __alias(memset);
void *__asan_memcpy(void *dst, const void *src, size_t n) __alias(memcpy);
void *__asan_memmove(void *dst, const void *src, size_t n) __alias(memmove);

/* ---------------------------------------------------------------------
 * Shadow pages
 */

static pte_t *shadow_pte(unsigned long shadow)
{
	return pte_offset_kernel(pgd_offset_k(shadow), shadow);
}

static bool shadow_is_early(pte_t pte)
{
	return pte_pfn(pte) == PFN_DOWN(__pa(kasan_early_shadow_page));
}

/*
 * kasan_init - the shadow for real: a page table per shadow PDE (all
 * pointing at the zero page, read-only from now on), and RAM for lowmem's
 * shadow, from memblock.  Then checks and reports begin.  Called by
 * mm_init() once all of lowmem is mapped and memblock may use it.
 */
void __init kasan_init(void)
{
	unsigned long addr, lo = (unsigned long)kasan_mem_to_shadow((void *)PAGE_OFFSET);
	unsigned long hi = PAGE_ALIGN((unsigned long)kasan_mem_to_shadow(high_memory));
	pte_t zero = pfn_pte(PFN_DOWN(__pa(kasan_early_shadow_page)), PAGE_KERNEL_RO);
	u8 *ram;
	int i;

	for (addr = KASAN_SHADOW_START; addr < KASAN_SHADOW_END; addr += PMD_SIZE) {
		pte_t *table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

		for (i = 0; i < PTRS_PER_PTE; i++)
			table[i] = zero;
		*pgd_offset_k(addr) = __pa(table) | _PAGE_TABLE;
	}
	mod_vm_stat(NR_PAGETABLE, (KASAN_SHADOW_END - KASAN_SHADOW_START) / PMD_SIZE);
	ram = memblock_alloc(hi - lo, PAGE_SIZE);	/* zeroed: all accessible */
	for (addr = lo; addr < hi; addr += PAGE_SIZE)
		*shadow_pte(addr) = pfn_pte(PFN_DOWN(__pa(ram + (addr - lo))), PAGE_KERNEL);
	kasan_lowmem_shadow_bytes = hi - lo;
	__flush_tlb_all();
	__memset(kasan_early_shadow_page, 0, PAGE_SIZE);
	pr_info("kasan: shadow 0x%08lx-0x%08lx (%lu MB of addresses) for the kernel's 1 GB; lowmem's shadow %lu kB of RAM, its page tables %lu kB\n",
		KASAN_SHADOW_START, KASAN_SHADOW_END, (KASAN_SHADOW_END - KASAN_SHADOW_START) >> 20,
		(hi - lo) >> 10, ((KASAN_SHADOW_END - KASAN_SHADOW_START) / PMD_SIZE) << 2);
	kasan_run_ctors();
	kasan_enabled = true;
}

/*
 * kasan_populate_vmalloc - give the shadow of [@addr, @addr + @size) (a
 * vmalloc area) pages of its own where it still reads the zero page,
 * filled with KASAN_VMALLOC_INVALID: the area's own bytes are unpoisoned
 * by the caller.  The pages stay (as page tables do), counted in
 * kasan_vmalloc_shadow_pages.  Return: 0 or -ENOMEM.
 */
int kasan_populate_vmalloc(unsigned long addr, unsigned long size, gfp_t gfp)
{
	unsigned long s = (unsigned long)kasan_mem_to_shadow((void *)addr) & PAGE_MASK;
	unsigned long e = PAGE_ALIGN((unsigned long)kasan_mem_to_shadow((void *)(addr + size)));
	unsigned long flags;

	for (; s < e; s += PAGE_SIZE) {
		struct page *page;
		bool used = false;

		if (!shadow_is_early(READ_ONCE(*shadow_pte(s))))
			continue;
		page = alloc_page((gfp & ~(GFP_ZONEMASK | __GFP_ZERO | __GFP_COMP)) | __GFP_NOWARN);
		if (!page)
			return -ENOMEM;
		__memset(page_address(page), KASAN_VMALLOC_INVALID, PAGE_SIZE);
		local_irq_save(flags);
		if (shadow_is_early(*shadow_pte(s))) {	/* an interrupt may have done it */
			*shadow_pte(s) = pfn_pte(page_to_pfn(page), PAGE_KERNEL);
			__flush_tlb_one_kernel(s);
			kasan_vmalloc_shadow_pages++;
			used = true;
		}
		local_irq_restore(flags);
		if (!used)
			__free_page(page);
	}
	return 0;
}

void kasan_unpoison_vmalloc(const void *addr, unsigned long size)
{
	kasan_unpoison(addr, size);
}

/* An area goes: poison its shadow, where it has pages (a failed vmalloc may have none). */
void kasan_poison_vmalloc(const void *addr, unsigned long size)
{
	unsigned long s = (unsigned long)kasan_mem_to_shadow(addr);
	unsigned long e = (unsigned long)kasan_mem_to_shadow((char *)addr +
							      round_up(size, KASAN_GRANULE_SIZE));

	while (s < e) {
		unsigned long next = min(e, (s & PAGE_MASK) + PAGE_SIZE);

		if (!shadow_is_early(READ_ONCE(*shadow_pte(s))))
			__memset((void *)s, KASAN_VMALLOC_INVALID, next - s);
		s = next;
	}
}

/*
 * kasan_unpoison_stack_below - the stack under @sp holds the redzones of
 * frames that were left by a longjmp (ktest's assertions), not by return:
 * make it accessible again.  Stacks are THREAD_SIZE-aligned.
 */
void kasan_unpoison_stack_below(const void *sp)
{
	unsigned long base = (unsigned long)sp & ~(THREAD_SIZE - 1);

	kasan_unpoison((void *)base, ((unsigned long)sp - base) & ~KASAN_GRANULE_MASK);
}
