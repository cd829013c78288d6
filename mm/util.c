// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c - the kvmalloc family.
 *
 * The seed articles ask "kmalloc or vmalloc?" and answer with a table:
 * kmalloc is fast and physically contiguous but needs a free block of the
 * right order; vmalloc only needs free pages, anywhere, and costs page
 * tables and TLB entries.  Linux's own answer, since 4.12, is "both, in
 * that order": kvmalloc() asks kmalloc first, and for more than a page
 * asks gently (__GFP_NORETRY: no hard reclaim; __GFP_NOWARN: no
 * "page allocation failure" report, since there is a fallback), then
 * falls back to vmalloc.  So a caller that only needs the memory to be
 * contiguous for the CPU gets the cheap kind when there is a free block,
 * and still gets memory when physical memory is fragmented (the
 * fragmentation lesson in tests/kernel/fragment_test.c shows both).
 *
 * kvfree() frees either kind: is_vmalloc_addr() says which it was.
 *
 * The rule Linux keeps: vmalloc() may sleep and allocates its page tables
 * with GFP_KERNEL, so only a caller whose flags include all of GFP_KERNEL
 * gets the fallback; GFP_ATOMIC or GFP_NOFS callers get plain kmalloc().
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/export.h>

/**
 * kvmalloc_node - kmalloc, falling back to vmalloc
 * @size: bytes
 * @gfp: GFP_KERNEL (| __GFP_ZERO...); flags without all of GFP_KERNEL
 *       (GFP_ATOMIC, GFP_NOFS) give kmalloc() only
 * @node: NUMA_NO_NODE or 0 (mm386 is one node)
 *
 * Up to a page, kmalloc() is asked as the caller asked (a page is always
 * there unless memory is truly short, and vmalloc could not do better).
 * Above, kmalloc() is asked with __GFP_NORETRY | __GFP_NOWARN and without
 * __GFP_NOFAIL, then vmalloc().  Above INT_MAX: NULL, with a WARNING
 * unless __GFP_NOWARN.
 *
 * Return: the memory (free it with kvfree()), or NULL.
 */
noinline void *kvmalloc_node(size_t size, gfp_t gfp, int node)
{
	gfp_t kmalloc_gfp = gfp;
	void *p;

	if ((gfp & GFP_KERNEL) != GFP_KERNEL)
		return kmalloc_node(size, gfp, node);
	if (size > PAGE_SIZE) {
		kmalloc_gfp |= __GFP_NOWARN;
		if (!(kmalloc_gfp & __GFP_RETRY_MAYFAIL))
			kmalloc_gfp |= __GFP_NORETRY;
		kmalloc_gfp &= ~__GFP_NOFAIL;	/* the fallback is what never fails */
	}
	p = kmalloc_node(size, kmalloc_gfp, node);
	if (p || size <= PAGE_SIZE)
		return p;
	if (unlikely(size > INT_MAX)) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	return __vmalloc_node(size, 1, gfp, node, __builtin_return_address(0));
}
EXPORT_SYMBOL(kvmalloc_node);

/**
 * kvfree - free memory from kvmalloc(), kmalloc() or vmalloc()
 * @addr: the memory; NULL (and ZERO_SIZE_PTR) do nothing
 *
 * Like vfree(), it may sleep when @addr is vmalloc memory.
 */
void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
EXPORT_SYMBOL(kvfree);

/**
 * kvfree_sensitive - zero, then kvfree(), memory that held a secret
 * @addr: the memory (NULL does nothing)
 * @len: how many bytes of it to clear
 */
void kvfree_sensitive(const void *addr, size_t len)
{
	if (likely(!ZERO_OR_NULL_PTR(addr))) {
		memzero_explicit((void *)addr, len);
		kvfree(addr);
	}
}
EXPORT_SYMBOL(kvfree_sensitive);

/**
 * kvrealloc - resize kvmalloc() memory
 * @p: the memory (NULL: a new allocation)
 * @oldsize: the size it had been given
 * @newsize: the size wanted
 * @gfp: as for kvmalloc()
 *
 * Linux 6.1's contract: shrinking (or keeping) the size returns @p
 * untouched; growing makes a new kvmalloc() block, copies @oldsize bytes
 * and frees @p.  On failure @p is left as it was.
 * Return: the memory, or NULL.
 */
void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t gfp)
{
	void *n;

	if (oldsize >= newsize)
		return (void *)p;
	n = kvmalloc(newsize, gfp);
	if (!n)
		return NULL;
	if (p)
		memcpy(n, p, oldsize);
	kvfree(p);
	return n;
}
EXPORT_SYMBOL(kvrealloc);
