// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/highmem_test.c - ktest suite "highmem": kmap and kmap_atomic.
 *
 * kmap() and kmap_atomic() of lowmem pages (the page's own address), the
 * two mappings agreeing on a HighMem page's contents, shared kmaps and
 * their pkmap_count, thousands of kmap/kunmap cycles through the 1024
 * pkmap slots (the lazy flush must leave no stale TLB entry), all slots
 * busy, kmap from an interrupt handler, kmap_atomic nested in an interrupt
 * and KM_MAX_IDX deep, the misuses (kunmap of a page that is not kmapped,
 * kunmap_atomic out of order) that must be reported and refused, and what
 * dump=kmaps and describe_address() say about the slots.
 *
 * Cases that need HighMem pages are skipped when there is no HighMem zone
 * (boot with more than 887 MB, or highmem=64M).  Every case leaves the
 * buddy allocator exactly as it found it.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <mm386/ktest.h>
#include <mm386/dump.h>
#include "mm_helpers.h"

#define NR_HPAGES	1536		/* more than LAST_PKMAP */
#define WRAP_CYCLES	3000		/* kmap/kunmap cycles: almost 3 wraps */
#define SIG_STRIDE	64		/* a signature word every 256 bytes */

static struct buddy_snapshot before;
static struct page *hpages[NR_HPAGES];
static u32 hsig[NR_HPAGES];		/* what hpages[i] holds now */
static void *haddr[LAST_PKMAP];
static int counts_before[LAST_PKMAP];

static void need_highmem(struct ktest *t)
{
	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
}

static bool in_pkmap(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PKMAP_BASE && a < PKMAP_ADDR(LAST_PKMAP) && !(a & ~PAGE_MASK);
}

static bool in_kmap_atomic_slots(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= fix_to_virt(FIX_KMAP_END) && a <= fix_to_virt(FIX_KMAP_BEGIN) &&
	       !(a & ~PAGE_MASK);
}

// A signature that differs for every page and every round.
static u32 make_sig(struct page *page, u32 round)
{
	return (u32)page_to_pfn(page) * 2654435761u + round * 40503u + 1;
}

static void fill_sig(void *addr, u32 sig)
{
	u32 *w = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i += SIG_STRIDE)
		w[i] = sig + i;
}

static bool has_sig(const void *addr, u32 sig)
{
	const u32 *w = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i += SIG_STRIDE)
		if (w[i] != sig + i)
			return false;
	return true;
}

// What kmap_atomic() shows: an independent mapping of the same frame.
static bool atomic_has_sig(struct page *page, u32 sig)
{
	void *a = kmap_atomic(page);
	bool ok = has_sig(a, sig);

	kunmap_atomic(a);
	return ok;
}

static void atomic_fill_sig(struct page *page, u32 sig)
{
	void *a = kmap_atomic(page);

	fill_sig(a, sig);
	kunmap_atomic(a);
}

static void free_hpages(unsigned int n)
{
	while (n--) {
		__free_page(hpages[n]);
		hpages[n] = NULL;
	}
}

/*
 * Allocate hpages[0..n-1] from HighMem and give each its round-0
 * signature; asserts (after freeing them again) if HighMem runs short.
 */
static void alloc_hpages(struct ktest *t, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		struct page *page = alloc_page(GFP_HIGHUSER | __GFP_NOWARN);

		if (!page || !PageHighMem(page)) {
			if (page)
				__free_page(page);
			free_hpages(i);
			KT_ASSERT_FAILURE(t, "could not allocate HighMem page %u of %u", i, n);
		}
		hpages[i] = page;
		hsig[i] = make_sig(page, 0);
		atomic_fill_sig(page, hsig[i]);
	}
}

static void save_pkmap_counts(int *counts)
{
	unsigned int nr;

	for (nr = 0; nr < LAST_PKMAP; nr++)
		counts[nr] = kmap_pkmap_count(nr);
}

static bool pkmap_counts_equal(const int *counts)
{
	unsigned int nr;

	for (nr = 0; nr < LAST_PKMAP; nr++)
		if (counts[nr] != kmap_pkmap_count(nr))
			return false;
	return true;
}

// pkmap_count of the slot @page is kmapped at; -1 if it has none.
static int pkmap_slot_count_of(struct page *page)
{
	unsigned long vaddr = (unsigned long)page->virtual;

	return in_pkmap(page->virtual) ? kmap_pkmap_count(PKMAP_NR(vaddr)) : -1;
}

// The PTE for kernel address @vaddr maps @page (or is clear, for NULL).
static bool pte_maps_page(unsigned long vaddr, struct page *page)
{
	pte_t *pte = lookup_address(vaddr);

	if (!pte)
		return false;
	if (!page)
		return !pte_present(*pte);
	return pte_present(*pte) && pte_pfn(*pte) == page_to_pfn(page);
}

/*
 * The pkmap bookkeeping is consistent: every count is 0 or 1 (no users
 * left), a slot at 1 still maps a page whose ->virtual points back at it,
 * a slot at 0 maps nothing.  Returns the number of slots at 1.
 */
static unsigned int check_pkmap_idle(struct ktest *t)
{
	unsigned int nr, unused = 0;

	for (nr = 0; nr < LAST_PKMAP; nr++) {
		int count = kmap_pkmap_count(nr);
		pte_t *pte = lookup_address(PKMAP_ADDR(nr));

		KT_ASSERT_NOT_NULL(t, pte);
		if (count == 0) {
			KT_EXPECT_FALSE(t, pte_present(*pte));
			continue;
		}
		KT_EXPECT_EQ(t, count, 1);
		KT_ASSERT_TRUE(t, pte_present(*pte));
		KT_EXPECT_PTR_EQ(t, pfn_to_page(pte_pfn(*pte))->virtual, PKMAP_ADDR(nr));
		unused++;
	}
	return unused;
}

/* ---------------------------------------------------------------------
 * Lowmem: nothing is mapped, the page's own address comes back
 */

static void kmap_lowmem_is_page_address(struct ktest *t)
{
	struct page *page;
	void *addr;

	buddy_snapshot_take(&before);
	save_pkmap_counts(counts_before);
	page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	addr = kmap(page);
	KT_EXPECT_PTR_EQ(t, addr, page_address(page));
	KT_EXPECT_TRUE(t, virt_addr_valid(addr));
	fill_sig(addr, 0x10e0);
	KT_EXPECT_TRUE(t, has_sig(lowmem_page_address(page), 0x10e0));
	KT_EXPECT_PTR_EQ(t, kmap(page), addr);	/* again: still its own address */
	kunmap(page);
	kunmap(page);
	kunmap(page);				/* unbalanced, but a no-op for lowmem */
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_PTR_EQ(t, page_address(page), addr);
	KT_EXPECT_TRUE(t, pkmap_counts_equal(counts_before));	/* no slot was used */
	__free_page(page);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static void kmap_atomic_lowmem_is_page_address(struct ktest *t)
{
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	struct page *page;
	void *a, *b;

	buddy_snapshot_take(&before);
	page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, page);
	a = kmap_atomic(page);
	KT_EXPECT_PTR_EQ(t, a, page_address(page));
	KT_EXPECT_EQ(t, preempt_count(), count + 1);	/* preemption off */
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);	/* no fixmap slot */
	b = kmap_atomic(page);				/* nested: the same again */
	KT_EXPECT_PTR_EQ(t, b, a);
	KT_EXPECT_EQ(t, preempt_count(), count + 2);
	fill_sig(b, 0xa70);
	kunmap_atomic(b);
	KT_EXPECT_EQ(t, preempt_count(), count + 1);
	KT_EXPECT_TRUE(t, has_sig(a, 0xa70));
	kunmap_atomic(a);
	KT_EXPECT_EQ(t, preempt_count(), count);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	__free_page(page);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* ---------------------------------------------------------------------
 * HighMem: the pkmap window
 */

#define NR_AGREE	8

/* kmap() and kmap_atomic() are two windows on the same frames. */
static void kmap_and_kmap_atomic_agree(struct ktest *t)
{
	unsigned int i, j;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, NR_AGREE);
	for (i = 0; i < NR_AGREE; i++) {
		/*
		 * No address yet - or one a former owner kunmap()ed, still
		 * mapped until the lazy flush (a module may have kmapped and
		 * freed this page): a slot with no users, as in Linux.
		 */
		KT_EXPECT_TRUE(t, !page_address(hpages[i]) || pkmap_slot_count_of(hpages[i]) == 1);
		haddr[i] = kmap(hpages[i]);
		KT_ASSERT_TRUE(t, in_pkmap(haddr[i]));
		KT_EXPECT_PTR_EQ(t, page_address(hpages[i]), haddr[i]);
		KT_EXPECT_EQ(t, pkmap_slot_count_of(hpages[i]), 2);
		for (j = 0; j < i; j++)
			KT_EXPECT_NE(t, (unsigned long)haddr[j], (unsigned long)haddr[i]);
		/* written by kmap_atomic in alloc_hpages, read through kmap */
		KT_EXPECT_TRUE(t, has_sig(haddr[i], hsig[i]));
	}
	/* Written through kmap, read through kmap_atomic, and back. */
	for (i = 0; i < NR_AGREE; i++) {
		void *a;

		hsig[i] = make_sig(hpages[i], 1);
		fill_sig(haddr[i], hsig[i]);
		a = kmap_atomic(hpages[i]);
		KT_EXPECT_TRUE(t, in_kmap_atomic_slots(a));
		KT_EXPECT_NE(t, (unsigned long)a, (unsigned long)haddr[i]);
		KT_EXPECT_TRUE(t, has_sig(a, hsig[i]));
		hsig[i] = make_sig(hpages[i], 2);
		fill_sig(a, hsig[i]);
		kunmap_atomic(a);
		KT_EXPECT_TRUE(t, has_sig(haddr[i], hsig[i]));
	}
	for (i = 0; i < NR_AGREE; i++) {
		KT_EXPECT_TRUE(t, has_sig(haddr[i], hsig[i]));	/* no page clobbered another */
		kunmap(hpages[i]);
		KT_EXPECT_EQ(t, pkmap_slot_count_of(hpages[i]), 1);
	}
	KT_EXPECT_REPORTS(t, 0);
	free_hpages(NR_AGREE);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* A second kmap shares the slot; the slot outlives kunmap until a flush. */
static void kmap_twice_counts_users(struct ktest *t)
{
	struct page *page;
	unsigned long nr;
	void *a;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 1);
	page = hpages[0];
	a = kmap(page);
	KT_ASSERT_TRUE(t, in_pkmap(a));
	nr = PKMAP_NR((unsigned long)a);
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 2);		/* one user */
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)a, page));
	KT_EXPECT_PTR_EQ(t, kmap(page), a);			/* same slot */
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 3);		/* two users */
	kunmap(page);
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 2);
	KT_EXPECT_PTR_EQ(t, page_address(page), a);		/* still mapped */
	KT_EXPECT_TRUE(t, has_sig(a, hsig[0]));
	kunmap(page);
	/* No users: count 1, and the mapping stays until the lazy flush. */
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 1);
	KT_EXPECT_PTR_EQ(t, page_address(page), a);
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)a, page));
	/* kmap again before the flush takes the same slot back. */
	KT_EXPECT_PTR_EQ(t, kmap(page), a);
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 2);
	kunmap(page);
	KT_EXPECT_REPORTS(t, 0);
	kmap_flush_unused();
	KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 0);
	KT_EXPECT_NULL(t, page_address(page));
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)a, NULL));	/* PTE cleared */
	free_hpages(1);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/*
 * Read through every lazily kept mapping (count 1), from the last slot
 * down to slot 0, right before the search wraps: the TLB then holds the
 * translations of exactly the slots the flush must drop, the first ones
 * to be reused most recently (an emulator's TLB indexed by address keeps
 * the last of each set).  Without the flush, the reused slots would show
 * these old pages to the next kmap().  Each read must show what
 * kmap_atomic shows of the same frame.  Returns how many were read.
 */
static unsigned int touch_lazy_mappings(struct ktest *t)
{
	unsigned int n = 0;
	int nr;

	for (nr = LAST_PKMAP - 1; nr >= 0; nr--) {
		const u32 *lazy = (const u32 *)PKMAP_ADDR(nr);
		pte_t *pte = lookup_address(PKMAP_ADDR(nr));
		u32 *a;

		if (kmap_pkmap_count(nr) != 1 || !pte || !pte_present(*pte))
			continue;
		a = kmap_atomic(pfn_to_page(pte_pfn(*pte)));
		if (memcmp(lazy, a, PAGE_SIZE))
			KT_FAIL(t, "lazy mapping 0x%08lx of pfn %#lx lost its contents",
				PKMAP_ADDR(nr), pte_pfn(*pte));
		kunmap_atomic(a);
		n++;
	}
	return n;
}

/*
 * WRAP_CYCLES kmap/kunmap cycles over NR_HPAGES pages: the slot search
 * wraps round almost three times.  Each kmap must show the page's latest
 * contents (a stale TLB entry would show the slot's previous page), a
 * write through it must reach the page (kmap_atomic reads it back), and
 * a page kmapped again before the flush gets its old slot back.
 */
static void pkmap_wrap_around(struct ktest *t)
{
	unsigned long flushes;
	unsigned int i, unused, mapped, reused = 0, touched = 0;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, NR_HPAGES);
	kmap_flush_unused();
	KT_EXPECT_EQ(t, check_pkmap_idle(t), 0);	/* nothing left over: all free */
	flushes = kmap_pkmap_flushes();
	for (i = 0; i < WRAP_CYCLES; i++) {
		unsigned int k = i % NR_HPAGES;
		struct page *page = hpages[k];
		void *lazy = page_address(page);
		void *a = kmap(page);

		if (!in_pkmap(a)) {
			KT_FAIL(t, "cycle %u: kmap(pfn %#lx) = 0x%08lx", i, page_to_pfn(page),
				(unsigned long)a);
			break;
		}
		if (lazy && a != lazy)
			KT_FAIL(t, "cycle %u: kmap ignored the page's kept slot", i);
		if (!has_sig(a, hsig[k])) {
			KT_FAIL(t, "cycle %u: 0x%08lx (slot %lu) does not show pfn %#lx: stale TLB entry?",
				i, (unsigned long)a, PKMAP_NR((unsigned long)a), page_to_pfn(page));
			kunmap(page);
			break;
		}
		hsig[k] = make_sig(page, i + 1);
		fill_sig(a, hsig[k]);
		KT_EXPECT_EQ(t, pkmap_slot_count_of(page), 2);
		kunmap(page);
		if (!atomic_has_sig(page, hsig[k])) {
			KT_FAIL(t, "cycle %u: a write through 0x%08lx missed pfn %#lx", i,
				(unsigned long)a, page_to_pfn(page));
			break;
		}
		/* Every 4th cycle: the previous page again, before any flush. */
		if (i % 4 == 3) {
			struct page *prev = hpages[(i - 1) % NR_HPAGES];
			void *kept = page_address(prev);

			if (kept) {
				KT_EXPECT_PTR_EQ(t, kmap(prev), kept);
				KT_EXPECT_TRUE(t, has_sig(kept, hsig[(i - 1) % NR_HPAGES]));
				kunmap(prev);
				reused++;
			}
		}
		/* The next new mapping wraps round: warm the TLB first. */
		if (PKMAP_NR((unsigned long)a) == LAST_PKMAP - 1)
			touched += touch_lazy_mappings(t);
	}
	KT_EXPECT_EQ(t, i, WRAP_CYCLES);
	KT_EXPECT_REPORTS(t, 0);
	pr_info("highmem: %u kmap cycles, %lu lazy flushes, %u slots reused before a flush, %u stale translations warmed\n",
		i, kmap_pkmap_flushes() - flushes, reused, touched);
	KT_EXPECT_GE(t, kmap_pkmap_flushes() - flushes, WRAP_CYCLES / LAST_PKMAP);
	KT_EXPECT_GT(t, reused, 0);
	KT_EXPECT_GE(t, touched, LAST_PKMAP);
	/* All unmapped: counts 0 or 1; the 1s are exactly our kept pages. */
	unused = check_pkmap_idle(t);
	for (i = 0, mapped = 0; i < NR_HPAGES; i++)
		mapped += page_address(hpages[i]) != NULL;
	KT_EXPECT_EQ(t, unused, mapped);
	KT_EXPECT_GT(t, unused, 0);
	kmap_flush_unused();
	KT_EXPECT_EQ(t, check_pkmap_idle(t), 0);
	for (i = 0; i < NR_HPAGES; i++) {
		if (page_address(hpages[i]) || !atomic_has_sig(hpages[i], hsig[i])) {
			KT_FAIL(t, "pfn %#lx: still mapped, or its contents changed",
				page_to_pfn(hpages[i]));
			break;
		}
	}
	free_hpages(NR_HPAGES);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* With every slot in use, kmap() reports and returns NULL; nothing hangs. */
static void all_slots_busy(struct ktest *t)
{
	struct page *extra;
	unsigned int i, nr;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, LAST_PKMAP + 1);
	extra = hpages[LAST_PKMAP];
	for (i = 0; i < LAST_PKMAP; i++) {
		haddr[i] = kmap(hpages[i]);
		if (!in_pkmap(haddr[i])) {
			KT_FAIL(t, "kmap %u of %d failed: 0x%08lx", i, LAST_PKMAP,
				(unsigned long)haddr[i]);
			while (i--)
				kunmap(hpages[i]);
			free_hpages(LAST_PKMAP + 1);
			return;
		}
	}
	for (nr = 0; nr < LAST_PKMAP; nr++)
		KT_EXPECT_EQ(t, kmap_pkmap_count(nr), 2);	/* every slot, one user */
	KT_EXPECT_REPORTS(t, 0);

	KT_EXPECT_NULL(t, kmap(extra));
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, page_address(extra));
	/* A page that is mapped already still gets its slot. */
	KT_EXPECT_PTR_EQ(t, kmap(hpages[7]), haddr[7]);
	KT_EXPECT_EQ(t, pkmap_slot_count_of(hpages[7]), 3);
	kunmap(hpages[7]);
	for (i = 0; i < LAST_PKMAP; i++) {
		if (!has_sig(haddr[i], hsig[i]))
			KT_FAIL(t, "slot 0x%08lx lost pfn %#lx", (unsigned long)haddr[i],
				page_to_pfn(hpages[i]));
		kunmap(hpages[i]);
	}
	KT_EXPECT_EQ(t, check_pkmap_idle(t), LAST_PKMAP);
	/* Now the search wraps, the flush frees every slot, and it works. */
	haddr[0] = kmap(extra);
	KT_EXPECT_TRUE(t, in_pkmap(haddr[0]));
	if (haddr[0]) {
		KT_EXPECT_TRUE(t, has_sig(haddr[0], hsig[LAST_PKMAP]));
		kunmap(extra);
	}
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_EQ(t, check_pkmap_idle(t), 1);
	kmap_flush_unused();
	free_hpages(LAST_PKMAP + 1);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* kunmap() of a page with no kmap users: reported, nothing changes. */
static void kunmap_not_mapped(struct ktest *t)
{
	struct page *never, *held, *done;
	void *held_addr, *done_addr;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 3);
	never = hpages[0];
	held = hpages[1];
	done = hpages[2];
	held_addr = kmap(held);
	KT_ASSERT_TRUE(t, in_pkmap(held_addr));
	done_addr = kmap(done);
	KT_ASSERT_TRUE(t, in_pkmap(done_addr));
	kunmap(done);				/* count 1: kept for the lazy flush */
	save_pkmap_counts(counts_before);

	kunmap(never);				/* never kmapped at all */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_NULL(t, page_address(never));
	kunmap(done);				/* its last kunmap was already done */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_PTR_EQ(t, page_address(done), done_addr);
	KT_EXPECT_TRUE(t, pkmap_counts_equal(counts_before));
	KT_EXPECT_EQ(t, pkmap_slot_count_of(held), 2);
	KT_EXPECT_EQ(t, pkmap_slot_count_of(done), 1);
	KT_EXPECT_TRUE(t, has_sig(held_addr, hsig[1]));
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)held_addr, held));

	kunmap(held);
	KT_EXPECT_REPORTS(t, 0);
	kunmap(held);				/* one kunmap too many */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, pkmap_slot_count_of(held), 1);
	kmap_flush_unused();
	free_hpages(3);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* ---------------------------------------------------------------------
 * Interrupt context
 */

struct irq_kmap {
	struct page *page;
	void *addr;
	bool in_irq;
	u32 sig;
};

static void kmap_from_irq(void *arg)
{
	struct irq_kmap *k = arg;

	k->in_irq = in_irq();
	k->addr = kmap(k->page);	/* reported by might_sleep(), then mapped */
	if (k->addr)
		fill_sig(k->addr, k->sig);
	kunmap(k->page);
}

/* kmap() in a hard interrupt: the sleeping-function BUG, then it works. */
static void kmap_in_interrupt(struct ktest *t)
{
	struct irq_kmap low = { .sig = 0x1ed }, high = { .sig = 0x819 };

	buddy_snapshot_take(&before);
	low.page = alloc_page(GFP_KERNEL);
	KT_ASSERT_NOT_NULL(t, low.page);
	run_in_hardirq(kmap_from_irq, &low);
	KT_EXPECT_TRUE(t, low.in_irq);
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_PTR_EQ(t, low.addr, page_address(low.page));
	KT_EXPECT_TRUE(t, has_sig(page_address(low.page), low.sig));
	__free_page(low.page);

	if (totalhigh_pages()) {
		alloc_hpages(t, 1);
		high.page = hpages[0];
		run_in_hardirq(kmap_from_irq, &high);
		KT_EXPECT_TRUE(t, high.in_irq);
		KT_EXPECT_REPORTS(t, 1);
		KT_EXPECT_TRUE(t, in_pkmap(high.addr));
		KT_EXPECT_EQ(t, pkmap_slot_count_of(high.page), 1);	/* kunmapped in the irq */
		KT_EXPECT_TRUE(t, atomic_has_sig(high.page, high.sig));
		free_hpages(1);
	}
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

struct irq_atomic {
	struct page *pages[2];
	u32 sig[2];
	int depth_in, depth_out;
	bool ok;
};

// In the timer interrupt: two more kmap_atomic slots above the holder's.
static void kmap_atomic_from_irq(void *arg)
{
	struct irq_atomic *k = arg;
	void *a, *b;

	k->depth_in = kmap_atomic_depth();
	a = kmap_atomic(k->pages[0]);
	b = kmap_atomic(k->pages[1]);
	k->ok = in_kmap_atomic_slots(a) && in_kmap_atomic_slots(b) && a != b &&
		kmap_atomic_depth() == k->depth_in + 2 &&
		has_sig(a, k->sig[0]) && has_sig(b, k->sig[1]);
	fill_sig(a, k->sig[0] + 1);
	fill_sig(b, k->sig[1] + 1);
	kunmap_atomic(b);
	kunmap_atomic(a);
	k->depth_out = kmap_atomic_depth();
}

/* An interrupt nests kmap_atomic above the slots process context holds. */
static void kmap_atomic_nested_in_interrupt(struct ktest *t)
{
	struct irq_atomic k;
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	void *a, *b;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 4);
	k.pages[0] = hpages[2];
	k.pages[1] = hpages[3];
	k.sig[0] = hsig[2];
	k.sig[1] = hsig[3];
	a = kmap_atomic(hpages[0]);
	b = kmap_atomic(hpages[1]);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + 2);
	run_in_hardirq(kmap_atomic_from_irq, &k);
	KT_EXPECT_TRUE(t, k.ok);
	KT_EXPECT_EQ(t, k.depth_in, depth + 2);
	KT_EXPECT_EQ(t, k.depth_out, depth + 2);
	/* The interrupt's slots did not disturb ours. */
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + 2);
	KT_EXPECT_TRUE(t, has_sig(a, hsig[0]));
	KT_EXPECT_TRUE(t, has_sig(b, hsig[1]));
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)a, hpages[0]));
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)b, hpages[1]));
	kunmap_atomic(b);
	kunmap_atomic(a);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	KT_EXPECT_EQ(t, preempt_count(), count);
	/* What the interrupt wrote reached its pages. */
	KT_EXPECT_TRUE(t, atomic_has_sig(hpages[2], hsig[2] + 1));
	KT_EXPECT_TRUE(t, atomic_has_sig(hpages[3], hsig[3] + 1));
	KT_EXPECT_REPORTS(t, 0);
	free_hpages(4);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* ---------------------------------------------------------------------
 * The kmap_atomic stack
 */

static void kunmap_atomic_out_of_order(struct ktest *t)
{
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	void *a, *b;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 2);
	a = kmap_atomic(hpages[0]);
	b = kmap_atomic(hpages[1]);
	kunmap_atomic(a);			/* b is the most recent: refused */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth + 2);
	KT_EXPECT_EQ(t, preempt_count(), count + 2);
	KT_EXPECT_TRUE(t, has_sig(a, hsig[0]));
	KT_EXPECT_TRUE(t, has_sig(b, hsig[1]));
	kunmap_atomic(b);
	kunmap_atomic(a);
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	KT_EXPECT_EQ(t, preempt_count(), count);
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)a, NULL));	/* both cleared */
	KT_EXPECT_TRUE(t, pte_maps_page((unsigned long)b, NULL));
	kunmap_atomic(b);			/* nothing mapped at all now */
	KT_EXPECT_REPORTS(t, 1);
	KT_EXPECT_EQ(t, kmap_atomic_depth(), depth);
	KT_EXPECT_EQ(t, preempt_count(), count);
	free_hpages(2);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/* KM_MAX_IDX (16) nested kmap_atomic mappings, all live at once. */
static void kmap_atomic_max_depth(struct ktest *t)
{
	unsigned long count = preempt_count();
	void *addr[KM_MAX_IDX];
	int i, j;

	need_highmem(t);
	KT_ASSERT_EQ(t, kmap_atomic_depth(), 0);
	buddy_snapshot_take(&before);
	alloc_hpages(t, KM_MAX_IDX);
	for (i = 0; i < KM_MAX_IDX; i++) {
		addr[i] = kmap_atomic(hpages[i]);
		KT_EXPECT_TRUE(t, in_kmap_atomic_slots(addr[i]));
		KT_EXPECT_PTR_EQ(t, addr[i], fix_to_virt(FIX_KMAP_BEGIN + i));
		KT_EXPECT_EQ(t, kmap_atomic_depth(), i + 1);
	}
	KT_EXPECT_EQ(t, preempt_count(), count + KM_MAX_IDX);
	for (i = 0; i < KM_MAX_IDX; i++) {
		KT_EXPECT_TRUE(t, has_sig(addr[i], hsig[i]));
		for (j = 0; j < i; j++)
			KT_EXPECT_NE(t, (unsigned long)addr[j], (unsigned long)addr[i]);
	}
	for (i = KM_MAX_IDX - 1; i >= 0; i--) {
		kunmap_atomic(addr[i]);
		KT_EXPECT_EQ(t, kmap_atomic_depth(), i);
	}
	KT_EXPECT_EQ(t, preempt_count(), count);
	KT_EXPECT_REPORTS(t, 0);
	free_hpages(KM_MAX_IDX);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

/*
 * dump=kmaps while mappings are live: the host test checks that these
 * pfns appear with these counts (tests/host/test_highmem.py).
 */
static void kmaps_dump_lists_mappings(struct ktest *t)
{
	void *a, *b, *c;

	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 3);
	a = kmap(hpages[0]);
	b = kmap(hpages[1]);
	KT_ASSERT_TRUE(t, in_pkmap(a) && in_pkmap(b));
	KT_EXPECT_PTR_EQ(t, kmap(hpages[1]), b);
	c = kmap_atomic(hpages[2]);
	pr_info("highmem: dump with pfn %#lx at 0x%08lx count 2, pfn %#lx at 0x%08lx count 3, kmap_atomic pfn %#lx at 0x%08lx\n",
		page_to_pfn(hpages[0]), (unsigned long)a, page_to_pfn(hpages[1]),
		(unsigned long)b, page_to_pfn(hpages[2]), (unsigned long)c);
	KT_EXPECT_EQ(t, proc_dump_show("kmaps"), 0);
	kunmap_atomic(c);
	kunmap(hpages[1]);
	kunmap(hpages[1]);
	kunmap(hpages[0]);
	KT_EXPECT_REPORTS(t, 0);
	free_hpages(3);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

// @buf starts with @prefix.
static bool starts_with(const char *buf, const char *prefix)
{
	return !strncmp(buf, prefix, strlen(prefix));
}

/*
 * The oops and the shell name the slot and the frame behind an address.
 * The unused pages of the window are checked before the HighMem part (a
 * failure there still fails the case when it is then skipped).
 */
static void describe_names_slot_and_pfn(struct ktest *t)
{
	char buf[160], want[96];
	unsigned long nr;
	void *a, *c;

	describe_address(fix_to_virt(FIX_KMAP_END), buf, sizeof(buf));
	KT_EXPECT_TRUE(t, starts_with(buf, "fixmap (kmap_atomic slot 15: nothing mapped) ["));
	describe_address(FIXADDR_START, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, starts_with(buf, "fixmap (below the last slot, never mapped) ["));
	describe_address(FIXADDR_TOP, buf, sizeof(buf));
	KT_EXPECT_TRUE(t, starts_with(buf, "unmapped: the top page"));
	if (kmap_pkmap_count(LAST_PKMAP - 1) == 0) {
		describe_address(PKMAP_ADDR(LAST_PKMAP - 1) + 5, buf, sizeof(buf));
		KT_EXPECT_TRUE(t, starts_with(buf, "pkmap (kmap slot 1023: nothing mapped, "
					      "pkmap_count 0) [0xff800000-0xffbfffff]"));
	}
	need_highmem(t);
	buddy_snapshot_take(&before);
	alloc_hpages(t, 2);
	a = kmap(hpages[0]);
	KT_ASSERT_TRUE(t, in_pkmap(a));
	nr = PKMAP_NR((unsigned long)a);
	describe_address((unsigned long)a + 12, buf, sizeof(buf));
	snprintf(want, sizeof(want), "pkmap (kmap slot %lu: pfn %#lx, pkmap_count 2) [", nr,
		 page_to_pfn(hpages[0]));
	KT_EXPECT_TRUE(t, starts_with(buf, want));
	kunmap(hpages[0]);
	describe_address((unsigned long)a, buf, sizeof(buf));
	snprintf(want, sizeof(want), "pkmap (kmap slot %lu: pfn %#lx, pkmap_count 1 = unused, awaiting flush) [",
		 nr, page_to_pfn(hpages[0]));
	KT_EXPECT_TRUE(t, starts_with(buf, want));
	kmap_flush_unused();
	describe_address((unsigned long)a, buf, sizeof(buf));
	snprintf(want, sizeof(want), "pkmap (kmap slot %lu: nothing mapped, pkmap_count 0) [", nr);
	KT_EXPECT_TRUE(t, starts_with(buf, want));

	c = kmap_atomic(hpages[1]);
	describe_address((unsigned long)c + 100, buf, sizeof(buf));
	snprintf(want, sizeof(want), "fixmap (kmap_atomic slot %d: pfn %#lx) [",
		 kmap_atomic_depth() - 1, page_to_pfn(hpages[1]));
	KT_EXPECT_TRUE(t, starts_with(buf, want));
	kunmap_atomic(c);
	describe_address((unsigned long)c, buf, sizeof(buf));
	snprintf(want, sizeof(want), "fixmap (kmap_atomic slot %d: nothing mapped) [",
		 kmap_atomic_depth());
	KT_EXPECT_TRUE(t, starts_with(buf, want));
	KT_EXPECT_REPORTS(t, 0);
	free_hpages(2);
	KT_EXPECT_BUDDY_UNCHANGED(t, &before);
}

static struct ktest_case highmem_cases[] = {
	KTEST_CASE(kmap_lowmem_is_page_address),
	KTEST_CASE(kmap_atomic_lowmem_is_page_address),
	KTEST_CASE(kmap_and_kmap_atomic_agree),
	KTEST_CASE(kmap_twice_counts_users),
	KTEST_CASE(pkmap_wrap_around),
	KTEST_CASE(all_slots_busy),
	KTEST_CASE(kunmap_not_mapped),
	KTEST_CASE(kmap_in_interrupt),
	KTEST_CASE(kmap_atomic_nested_in_interrupt),
	KTEST_CASE(kunmap_atomic_out_of_order),
	KTEST_CASE(kmap_atomic_max_depth),
	KTEST_CASE(kmaps_dump_lists_mappings),
	KTEST_CASE(describe_names_slot_and_pfn),
	{}
};

static struct ktest_suite highmem_suite = {
	.name = "highmem",
	.cases = highmem_cases,
};
ktest_register(highmem_suite);
