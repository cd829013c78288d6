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
 *
 * This file: the helpers, kmap of lowmem and HighMem pages, the pkmap
 * window (wrap-around, all slots busy, kunmap misuse), and the suite's
 * list of cases; highmem_atomic_test.c: interrupt context, the
 * kmap_atomic stack, dump=kmaps and describe_address().
 */
#include "highmem_test.h"

#define WRAP_CYCLES	3000		/* kmap/kunmap cycles: almost 3 wraps */
#define SIG_STRIDE	64		/* a signature word every 256 bytes */

struct buddy_snapshot hm_before;
struct page *hpages[NR_HPAGES];
u32 hsig[NR_HPAGES];		/* what hpages[i] holds now */
static void *haddr[LAST_PKMAP];
static int counts_before[LAST_PKMAP];

void need_highmem(struct ktest *t)
{
	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
}

bool in_pkmap(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return a >= PKMAP_BASE && a < PKMAP_ADDR(LAST_PKMAP) && !(a & ~PAGE_MASK);
}

bool in_kmap_atomic_slots(const void *addr)
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

void fill_sig(void *addr, u32 sig)
{
	u32 *w = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i += SIG_STRIDE)
		w[i] = sig + i;
}

bool has_sig(const void *addr, u32 sig)
{
	const u32 *w = addr;
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / 4; i += SIG_STRIDE)
		if (w[i] != sig + i)
			return false;
	return true;
}

// What kmap_atomic() shows: an independent mapping of the same frame.
bool atomic_has_sig(struct page *page, u32 sig)
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

void free_hpages(unsigned int n)
{
	while (n--) {
		__free_page(hpages[n]);
		hpages[n] = NULL;
	}
}

/*
 * Allocate hpages[0..n-1] from HighMem and give each its round-0
 * signature.  Skips the case if HighMem is too small for @n pages (just
 * above 887 MB); asserts (after freeing them again) if it runs short.
 */
void alloc_hpages(struct ktest *t, unsigned int n)
{
	unsigned int i;

	kt_need_highmem(t, n);
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
int pkmap_slot_count_of(struct page *page)
{
	unsigned long vaddr = (unsigned long)page->virtual;

	return in_pkmap(page->virtual) ? kmap_pkmap_count(PKMAP_NR(vaddr)) : -1;
}

// The PTE for kernel address @vaddr maps @page (or is clear, for NULL).
bool pte_maps_page(unsigned long vaddr, struct page *page)
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

	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

static void kmap_atomic_lowmem_is_page_address(struct ktest *t)
{
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	struct page *page;
	void *a, *b;

	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
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
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/* A second kmap shares the slot; the slot outlives kunmap until a flush. */
static void kmap_twice_counts_users(struct ktest *t)
{
	struct page *page;
	unsigned long nr;
	void *a;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
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
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/* With every slot in use, kmap() reports and returns NULL; nothing hangs. */
static void all_slots_busy(struct ktest *t)
{
	struct page *extra;
	unsigned int i, nr;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/* kunmap() of a page with no kmap users: reported, nothing changes. */
static void kunmap_not_mapped(struct ktest *t)
{
	struct page *never, *held, *done;
	void *held_addr, *done_addr;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
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
