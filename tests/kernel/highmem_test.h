/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/kernel/highmem_test.h - what the two files of the ktest suite
 * "highmem" share: highmem_test.c (the helpers, kmap and the pkmap window,
 * the list of cases) and highmem_atomic_test.c (interrupt context and the
 * kmap_atomic stack).
 */
#ifndef _TESTS_HIGHMEM_TEST_H
#define _TESTS_HIGHMEM_TEST_H

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

extern struct buddy_snapshot hm_before;	/* each case takes it first */
extern struct page *hpages[NR_HPAGES];	/* HighMem pages of the case */
extern u32 hsig[NR_HPAGES];		/* what hpages[i] holds now */

void need_highmem(struct ktest *t);
bool in_pkmap(const void *addr);
bool in_kmap_atomic_slots(const void *addr);
void fill_sig(void *addr, u32 sig);
bool has_sig(const void *addr, u32 sig);
bool atomic_has_sig(struct page *page, u32 sig);
void free_hpages(unsigned int n);
void alloc_hpages(struct ktest *t, unsigned int n);
int pkmap_slot_count_of(struct page *page);
bool pte_maps_page(unsigned long vaddr, struct page *page);

/* highmem_atomic_test.c */
void kmap_in_interrupt(struct ktest *t);
void kmap_atomic_nested_in_interrupt(struct ktest *t);
void kunmap_atomic_out_of_order(struct ktest *t);
void kmap_atomic_max_depth(struct ktest *t);
void kmaps_dump_lists_mappings(struct ktest *t);
void describe_names_slot_and_pfn(struct ktest *t);

#endif
