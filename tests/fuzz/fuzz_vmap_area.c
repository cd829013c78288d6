// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/fuzz_vmap_area.c - mm/vmap_area.c, the vmalloc area's
 * address allocator, against a brute-force model.
 *
 * Operations: reserve SIZE pages aligned to 2^K pages in a window [start,
 * end) (the whole area, or a random window that may stick out of it), as
 * __get_vm_area_node asks; free one of the areas; look an address up.
 * After each one:
 *
 *   the placement is the model's first fit: the lowest address where the
 *   request fits between the areas the model holds (or none, -ENOSPC);
 *   find_vmap_area_locked() and the oops path's bounded lookup answer as
 *   the model does;
 *   vmalloc_check() finds the trees, the lists and the tiling of
 *   [VMALLOC_START, VMALLOC_END) in order, and the largest free range
 *   right.
 *
 * Each input frees what it reserved, so every input starts from the same
 * area; nodes that leak or are used after free are AddressSanitizer's.
 */
#include "host.h"

#define MAX_AREAS	96

struct area {
	unsigned long start, end;	/* guard page included, as vmalloc reserves */
	struct vmap_area *va;
};

static struct area areas[MAX_AREAS];
static unsigned int nr_areas;

// The model's first fit of @size aligned to @align in [vstart, vend); 0 if none.
static unsigned long model_fit(unsigned long size, unsigned long align, unsigned long vstart,
			       unsigned long vend)
{
	unsigned long lo = max(vstart, VMALLOC_START), hi = min(vend, VMALLOC_END);
	unsigned long cursor = VMALLOC_START, best = 0;
	unsigned int i, j;
	bool used[MAX_AREAS] = { false };

	/* Walk the areas in address order (selection: the model is small). */
	for (j = 0; j <= nr_areas; j++) {
		unsigned long gap_end = VMALLOC_END, next = ~0UL;
		unsigned int pick = MAX_AREAS;

		for (i = 0; i < nr_areas; i++)
			if (!used[i] && areas[i].start < next) {
				next = areas[i].start;
				pick = i;
			}
		if (pick != MAX_AREAS)
			gap_end = next;
		{
			unsigned long a = max(cursor, lo), b = min(gap_end, hi);
			unsigned long addr = ALIGN(a, align);

			if (addr >= a && addr < b && b - addr >= size) {
				best = addr;
				break;
			}
		}
		if (pick == MAX_AREAS)
			break;
		used[pick] = true;
		cursor = areas[pick].end;
	}
	return best;
}

static void check(void)
{
	if (vmalloc_check())
		host_fail("vmalloc_check found errors");
}

static void reserve(struct bytes *b)
{
	unsigned long size = (1 + take(b, 1) % 64) << PAGE_SHIFT;
	unsigned long align = PAGE_SIZE << (take(b, 1) % 11);
	unsigned long vstart = VMALLOC_START, vend = VMALLOC_END, want, largest;
	u32 w = take(b, 2);
	struct vm_struct vm = { .size = size, .flags = VM_IOREMAP, .caller = (void *)reserve };
	struct area *a;
	struct vmap_area *va;

	if (nr_areas == MAX_AREAS)
		return;
	if (w & 1) {		/* a window: maybe below or above the area in part */
		vstart = VMALLOC_START - (4UL << 20) + (((w >> 1) & 0x7ff) << (PAGE_SHIFT + 2));
		vend = vstart + ((1 + (w >> 12)) << (PAGE_SHIFT + 4));
	}
	a = &areas[nr_areas];
	want = model_fit(size, align, vstart, vend);
	va = alloc_vmap_area(size, align, vstart, vend, GFP_KERNEL, &vm, &largest);
	if (IS_ERR(va)) {
		if (PTR_ERR(va) != -ENOSPC)
			host_fail("alloc_vmap_area: %ld", PTR_ERR(va));
		if (want)
			host_fail("no room for %lu bytes aligned %#lx in %#lx-%#lx, the model has %#lx",
				  size, align, vstart, vend, want);
		return;
	}
	if (va->va_start != want || va->va_end != want + size)
		host_fail("%lu bytes aligned %#lx in %#lx-%#lx: got %#lx, first fit is %#lx", size,
			  align, vstart, vend, va->va_start, want);
	if (va->vm != &va->own_vm || va->vm->addr != (void *)va->va_start ||
	    va->vm->size != size || va->vm->flags != VM_IOREMAP || va->vm->caller != vm.caller ||
	    va->vm->pages || va->vm->nr_pages || va->vm->next)
		host_fail("the vm_struct in the node of 0x%08lx is not what was asked for",
			  va->va_start);
	a->start = va->va_start;
	a->end = va->va_end;
	a->va = va;
	nr_areas++;
}

static void release(unsigned int i)
{
	struct vmap_area *dead[2];
	unsigned long flags;
	unsigned int n;

	local_irq_save(flags);
	n = unlink_vmap_area_locked(areas[i].va, dead);
	local_irq_restore(flags);
	free_vmap_areas(dead, n);
	areas[i] = areas[--nr_areas];
}

static void lookup(u32 r)
{
	unsigned long addr = VMALLOC_START + ((unsigned long)r << 10) % (VMALLOC_END - VMALLOC_START);
	struct vmap_area *va, *bounded;
	unsigned long flags;
	unsigned int i;

	if (nr_areas && (r & 1))	/* half the time inside an area */
		addr = areas[r % nr_areas].start + (r >> 8) % (areas[r % nr_areas].end -
							      areas[r % nr_areas].start);
	local_irq_save(flags);
	va = find_vmap_area_locked(addr);
	bounded = find_vmap_area_bounded_locked(addr);
	local_irq_restore(flags);
	for (i = 0; i < nr_areas; i++)
		if (addr >= areas[i].start && addr < areas[i].end)
			break;
	if ((i == nr_areas) != !va || (va && va != areas[i].va))
		host_fail("find_vmap_area(%#lx): %p, the model says area %u", addr, va, i);
	if (bounded != va)	/* the oops path's lookup: the same answer */
		host_fail("find_vmap_area_bounded(%#lx): %p, not %p", addr, bounded, va);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct bytes b = { data, size };

	host_boot(48, 32);
	while (b.n) {
		u32 op = take(&b, 1);

		if (op % 8 < 5)
			reserve(&b);
		else if (op % 8 < 7 && nr_areas)
			release(take(&b, 1) % nr_areas);
		else
			lookup(take(&b, 3));
		check();
	}
	while (nr_areas) {
		release(nr_areas - 1);
		check();
	}
	return 0;
}

/*
 * Unit tests: the first fit is VMALLOC_START; a 4 MB alignment lands on a
 * 4 MB boundary; a hole freed in the middle is reused first; a window
 * wholly outside the area gives -ENOSPC.
 */
int harness_unit_tests(void)
{
	static const u8 prog[] = {
		0, 0, 0, 0, 0,		/* 1 page at VMALLOC_START */
		0, 3, 10, 0, 0,		/* 4 pages, 4 MB aligned */
		0, 1, 0, 0, 0,		/* 2 pages: the slack below */
		5, 0,			/* free the first */
		0, 0, 0, 0, 0,		/* back in its place */
		7, 0, 0, 1,		/* look an address up */
	};
	struct bytes b = { prog, sizeof(prog) };
	struct vm_struct vm = { .size = PAGE_SIZE, .flags = VM_IOREMAP };
	struct vmap_area *va;
	unsigned long largest;

	host_boot(48, 32);
	LLVMFuzzerTestOneInput(b.p, b.n);
	va = alloc_vmap_area(PAGE_SIZE, PAGE_SIZE, 0x1000, 0x2000, GFP_KERNEL, &vm, &largest);
	if (PTR_ERR(va) != -ENOSPC || largest != VMALLOC_END - VMALLOC_START)
		host_fail("a window outside the area: %ld, largest %lu", PTR_ERR(va), largest);
	return 0;
}
