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
 *
 * The second half is the other side of the articles' malloc: overcommit.
 * A malloc() succeeds before a single page is behind it (the pages come on
 * the first touch, mm/memory.c), so the kernel promises memory it has not
 * got.  How much it promises is counted in vm_committed_as (meminfo's
 * Committed_AS): every private writable mapping, the heap, the stack and
 * shared anonymous memory count their whole length the moment they are
 * made, whether touched or not (VM_ACCOUNT on the VMA: mm/mmap.c,
 * mremap.c, mprotect.c, fork.c, shmem.c).  Before each promise
 * __vm_enough_memory() asks vm.overcommit_memory whether it may be made:
 *
 *   0 (OVERCOMMIT_GUESS, the default)  yes, unless this one request is
 *      larger than all of RAM (and swap): malloc(200 MB) on a 160 MB
 *      machine gets NULL at once, not an OOM kill later;
 *   1 (OVERCOMMIT_ALWAYS)  always yes;
 *   2 (OVERCOMMIT_NEVER)  only while the total stays below CommitLimit
 *      (overcommit_ratio percent of RAM, or overcommit_kbytes), less a
 *      reserve so that one process cannot take the last of it: a
 *      process that got its memory can never be OOM-killed for it.
 *
 * MAP_NORESERVE opts a mapping out (except in mode 2).  The knobs are
 * /proc/sys/vm/overcommit_* (kernel/sysctl.c), or sysctl.vm.overcommit_*=
 * on the command line.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/ratelimit.h>

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

int sysctl_overcommit_memory = OVERCOMMIT_GUESS;
int sysctl_overcommit_ratio = 50;		/* percent of RAM, in mode 2 */
unsigned long sysctl_overcommit_kbytes;		/* instead of the ratio, when not 0 */
/* ULONG_MAX: not set by a sysctl.vm.*= parameter, overcommit_init() sets it */
unsigned long sysctl_user_reserve_kbytes = ULONG_MAX;
unsigned long sysctl_admin_reserve_kbytes = ULONG_MAX;

/*
 * The pages promised: the sum of every accounted VMA's length and every
 * shared anonymous object's size.  Invariant: 0 when no process is left.
 * (Linux's is a per-CPU counter; mm386 has one CPU, and changes it in
 * process context only.)
 */
long vm_committed_as;

/**
 * vm_commit_limit - meminfo's CommitLimit, in pages: overcommit_kbytes if
 * set, else overcommit_ratio percent of RAM (mm386 has no swap and no
 * huge pages to add or take away).
 */
unsigned long vm_commit_limit(void)
{
	if (sysctl_overcommit_kbytes)
		return sysctl_overcommit_kbytes >> (PAGE_SHIFT - 10);
	return totalram_pages() * sysctl_overcommit_ratio / 100;
}

/* vm_memory_committed - meminfo's Committed_AS, in pages. */
unsigned long vm_memory_committed(void)
{
	return vm_committed_as > 0 ? vm_committed_as : 0;
}
EXPORT_SYMBOL(vm_memory_committed);

/**
 * __vm_enough_memory - may @mm be promised @pages more pages?
 * @cap_sys_admin: the caller may use the administrator's reserve (root)
 *
 * The pages are added to vm_committed_as first; on refusal they are taken
 * back and a rate-limited line names the process, as in Linux 6.1:
 *
 *   __vm_enough_memory: pid: 3, comm: overcommit, not enough memory for the allocation
 *
 * Return: 0 (promised: the caller's VMA now owes vm_unacct_memory(@pages)
 * when it goes), or -ENOMEM.
 */
int __vm_enough_memory(struct mm_struct *mm, long pages, int cap_sys_admin)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
	long allowed;

	vm_acct_memory(pages);
	if (sysctl_overcommit_memory == OVERCOMMIT_ALWAYS)
		return 0;
	if (sysctl_overcommit_memory == OVERCOMMIT_GUESS) {
		/* one request bigger than all of RAM: no guess makes it fit */
		if (pages <= (long)totalram_pages())
			return 0;
		goto error;
	}
	allowed = vm_commit_limit();
	if (!cap_sys_admin)
		allowed -= sysctl_admin_reserve_kbytes >> (PAGE_SHIFT - 10);
	/* room for the user to kill a process that took all it could */
	if (mm)
		allowed -= min_t(long, mm->total_vm / 32,
				 sysctl_user_reserve_kbytes >> (PAGE_SHIFT - 10));
	if (vm_committed_as < allowed)
		return 0;
error:
	if (__ratelimit(&rs))
		pr_warn("%s: pid: %d, comm: %s, not enough memory for the allocation\n",
			__func__, current->pid, current->comm);
	vm_unacct_memory(pages);
	return -ENOMEM;
}

/*
 * overcommit_init - the two reserves of mode 2, from the memory free once
 * boot is done (Linux's init_user_reserve() and init_admin_reserve()): a
 * thirty-second of it, at most 128 MB for a process and 8 MB for root.
 */
void __init overcommit_init(void)
{
	unsigned long free_kbytes = nr_free_pages() << (PAGE_SHIFT - 10);

	if (sysctl_user_reserve_kbytes == ULONG_MAX)
		sysctl_user_reserve_kbytes = min(free_kbytes / 32, 1UL << 17);
	if (sysctl_admin_reserve_kbytes == ULONG_MAX)
		sysctl_admin_reserve_kbytes = min(free_kbytes / 32, 1UL << 13);
}
