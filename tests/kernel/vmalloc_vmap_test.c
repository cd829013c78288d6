// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/vmalloc_vmap_test.c - ktest suite "vmalloc": vmap() of
 * lowmem and HighMem pages (agreeing with kmap() and kmap_atomic()), and
 * the vmallocinfo dump the host test reads.
 *
 * vmalloc_test.c lists these cases in the suite; vmalloc_test.h has the
 * helpers they share.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/highmem.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/preempt.h>
#include <mm386/ktest.h>
#include <mm386/dump.h>
#include "mm_helpers.h"
#include "vmalloc_test.h"

/* ---------------------------------------------------------------------
 * vmap, and the kmap triangle
 */

void vmap_lowmem_pages(struct ktest *t)
{
	struct page *pages[3];
	struct vm_struct *vm;
	unsigned int i;
	char *v;

	vm_begin(t);
	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		fill(page_address(pages[i]), 1, 0x10 + i, true);
	}
	v = vmap(pages, 3, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, v);
	KT_EXPECT_TRUE(t, in_vmalloc_area(v, 3 * PAGE_SIZE));
	vm = find_vm_area(v);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_TRUE(t, vm->flags & VM_MAP);
	KT_EXPECT_EQ(t, vm->nr_pages, 0);		/* the pages are not the area's */
	KT_EXPECT_EQ(t, vm->size, 4 * PAGE_SIZE);
	for (i = 0; i < 3; i++) {
		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(v + i * PAGE_SIZE), pages[i]);
		KT_EXPECT_TRUE(t, check(v + i * PAGE_SIZE, 1, 0x10 + i, true));
	}
	KT_EXPECT_EQ(t, probe(v + 3 * PAGE_SIZE), -EFAULT);	/* guard page */
	vunmap(v);
	KT_EXPECT_EQ(t, probe(v), -EFAULT);
	for (i = 0; i < 3; i++) {		/* the pages are still ours, intact */
		KT_EXPECT_TRUE(t, check(page_address(pages[i]), 1, 0x10 + i, true));
		__free_page(pages[i]);
	}
	vunmap(NULL);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/*
 * Three windows on the same HighMem frames: kmap(), vmap() and
 * kmap_atomic().  Whatever is written through one is read through the
 * other two.
 */
void vmap_highmem_triangle(struct ktest *t)
{
	enum { N = 4 };
	struct page *pages[N];
	u32 *k[N], *v;
	unsigned int i;

	if (!totalhigh_pages())
		KT_SKIP(t, "no HighMem zone (boot with more than 887 MB, or highmem=64M)");
	kt_need_highmem(t, N);
	vm_begin(t);
	for (i = 0; i < N; i++) {
		pages[i] = alloc_page(GFP_HIGHUSER);
		KT_ASSERT_NOT_NULL(t, pages[i]);
		KT_ASSERT_TRUE(t, PageHighMem(pages[i]));
		k[i] = kmap(pages[i]);
		KT_ASSERT_NOT_NULL(t, k[i]);
		k[i][5] = 0x6b6d6170 + i;		/* "kmap" */
	}
	v = vmap(pages, N, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, v);
	for (i = 0; i < N; i++) {
		u32 *vp = v + i * PAGE_SIZE / 4, *a;

		KT_EXPECT_PTR_EQ(t, vmalloc_to_page(vp), pages[i]);
		KT_EXPECT_NE(t, (unsigned long)vp, (unsigned long)k[i]);
		KT_EXPECT_EQ(t, vp[5], 0x6b6d6170 + i);		/* kmap -> vmap */
		vp[6] = 0x766d6170 + i;				/* "vmap" */
		a = kmap_atomic(pages[i]);
		KT_EXPECT_EQ(t, a[5], 0x6b6d6170 + i);		/* kmap -> kmap_atomic */
		KT_EXPECT_EQ(t, a[6], 0x766d6170 + i);		/* vmap -> kmap_atomic */
		a[7] = 0x61746f6d + i;				/* "atom" */
		kunmap_atomic(a);
		KT_EXPECT_EQ(t, k[i][6], 0x766d6170 + i);	/* vmap -> kmap */
		KT_EXPECT_EQ(t, k[i][7], 0x61746f6d + i);	/* kmap_atomic -> kmap */
		KT_EXPECT_EQ(t, vp[7], 0x61746f6d + i);		/* kmap_atomic -> vmap */
	}
	vunmap(v);
	KT_EXPECT_EQ(t, probe(v), -EFAULT);
	for (i = 0; i < N; i++) {
		KT_EXPECT_EQ(t, k[i][6], 0x766d6170 + i);	/* still there after vunmap */
		kunmap(pages[i]);
		__free_page(pages[i]);
	}
	kmap_flush_unused();
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

/* ---------------------------------------------------------------------
 * vmallocinfo
 */

/*
 * Areas of every kind, then the dump: the host test checks each line
 * (tests/host/test_vmalloc.py).  One area is big enough (1100 pages) for
 * its pages[] array to be vmalloc memory itself ("vpages").
 */
void vmallocinfo_lists_areas(struct ktest *t)
{
	long vmalloc_pages = global_vm_stat(NR_VMALLOC);
	struct page *pages[2];
	struct vm_struct *r, *vm;
	struct vmalloc_info vmi;
	void *a, *b, *c, *big;
	unsigned int i;

	vm_begin(t);
	a = vmalloc(PAGE_SIZE);
	b = vzalloc(5 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, a);
	KT_ASSERT_NOT_NULL(t, b);
	for (i = 0; i < 2; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KT_ASSERT_NOT_NULL(t, pages[i]);
	}
	c = vmap(pages, 2, VM_MAP, PAGE_KERNEL);
	KT_ASSERT_NOT_NULL(t, c);
	r = get_vm_area(3 * PAGE_SIZE, VM_IOREMAP);
	KT_ASSERT_NOT_NULL(t, r);
	big = vmalloc(1100 * PAGE_SIZE);
	KT_ASSERT_NOT_NULL(t, big);
	vm = find_vm_area(big);
	KT_ASSERT_NOT_NULL(t, vm);
	KT_EXPECT_TRUE(t, is_vmalloc_addr(vm->pages));	/* 4400 bytes of array: vmalloc'd */
	KT_EXPECT_EQ(t, global_vm_stat(NR_VMALLOC), vmalloc_pages + 1 + 5 + 1100 + 2);
	get_vmalloc_info(&vmi);
	KT_EXPECT_EQ(t, vmi.nr_areas, vm_info_before.nr_areas + 6);
	KT_EXPECT_EQ(t, vmi.used, vm_info_before.used + (2 + 6 + 3 + 4 + 1101 + 3) * PAGE_SIZE);
	pr_info("vmalloc: vmallocinfo with a=0x%08lx b=0x%08lx c=0x%08lx r=0x%08lx big=0x%08lx array=0x%08lx\n",
		(unsigned long)a, (unsigned long)b, (unsigned long)c, (unsigned long)r->addr,
		(unsigned long)big, (unsigned long)vm->pages);
	KT_EXPECT_EQ(t, proc_dump_show("vmallocinfo"), 0);
	vfree(big);
	free_vm_area(r);
	vunmap(c);
	for (i = 0; i < 2; i++)
		__free_page(pages[i]);
	vfree(b);
	vfree(a);
	KT_EXPECT_REPORTS(t, 0);
	vm_end(t);
}

