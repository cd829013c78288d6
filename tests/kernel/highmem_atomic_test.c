// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/highmem_atomic_test.c - the ktest suite "highmem", second
 * file: kmap and kmap_atomic in interrupt context, the kmap_atomic stack
 * (out of order, KM_MAX_IDX deep), and what dump=kmaps and
 * describe_address() say about the slots.  highmem_test.c has the helpers
 * and lists these cases in the suite.
 */
#include "highmem_test.h"

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
void kmap_in_interrupt(struct ktest *t)
{
	struct irq_kmap low = { .sig = 0x1ed }, high = { .sig = 0x819 };

	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
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
void kmap_atomic_nested_in_interrupt(struct ktest *t)
{
	struct irq_atomic k;
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	void *a, *b;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/* ---------------------------------------------------------------------
 * The kmap_atomic stack
 */

void kunmap_atomic_out_of_order(struct ktest *t)
{
	unsigned long count = preempt_count();
	int depth = kmap_atomic_depth();
	void *a, *b;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/* KM_MAX_IDX (16) nested kmap_atomic mappings, all live at once. */
void kmap_atomic_max_depth(struct ktest *t)
{
	unsigned long count = preempt_count();
	void *addr[KM_MAX_IDX];
	int i, j;

	need_highmem(t);
	KT_ASSERT_EQ(t, kmap_atomic_depth(), 0);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}

/*
 * dump=kmaps while mappings are live: the host test checks that these
 * pfns appear with these counts (tests/host/test_highmem.py).
 */
void kmaps_dump_lists_mappings(struct ktest *t)
{
	void *a, *b, *c;

	need_highmem(t);
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
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
void describe_names_slot_and_pfn(struct ktest *t)
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
	buddy_snapshot_take(&hm_before);
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
	KT_EXPECT_BUDDY_UNCHANGED(t, &hm_before);
}
