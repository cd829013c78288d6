// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/mm386_dev.c - /dev/mm386: a small device for the articles' demos.
 *
 * ioctl(fd, MM386_IOC_COMPARE, {small, big, stack, big_size}) prints the
 * articles' table "malloc vs kmalloc vs vmalloc": the three user addresses
 * a program got from malloc(100) (glibc's brk heap), malloc(1 MB) (glibc's
 * mmap path) and a local variable, next to a kmalloc(100) and a
 * vmalloc(1 MB) the kernel makes for the occasion.  For each: the region,
 * how many pages back it and in how many physically contiguous runs, how
 * many are HighMem, and which page directory entries map it (a process's
 * own, 0-767, or the kernel's, 768-1023, the same in every process).
 *
 * mmap(fd, len, ..., MAP_SHARED, offset) gives the program kernel memory
 * at an address of its own (seed 001: "vmalloc memory can be mapped to
 * user space"); the offset picks how:
 *
 *   0          vmalloc_user(len), remap_vmalloc_range(): vmalloc pages,
 *              HighMem first, each inserted with a refcount
 *   4096       kmalloc(len), remap_pfn_range(): physically contiguous
 *              lowmem, mapped as page frames (VM_PFNMAP, no refcounts)
 *   8192       vmalloc_32_user(len): as the first, lowmem pages only
 *
 * The kernel writes a line at the start of each page before mapping it,
 * and prints, page by page, the user address, the kernel address and the
 * page frame: the same physical page at two virtual addresses.  The
 * buffer lives as long as some VMA maps it (vm_ops open/close count them:
 * fork and a split make more), then it is freed.
 * ioctl(fd, MM386_IOC_PEEK, user address) prints what the kernel reads at
 * the kernel address of that page: the program's writes, seen from the
 * other side.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

#define MM386_IOC_COMPARE	0x6d01
#define MM386_IOC_PEEK		0x6d02

#define MM386_MMAP_VMALLOC	0	/* mmap offsets, in pages */
#define MM386_MMAP_KMALLOC	1
#define MM386_MMAP_VMALLOC32	2
#define MM386_MMAP_MAX		(1UL << 20)	/* 1 MB at most */

struct span {
	unsigned long pages, runs, highmem, mapped;
	unsigned int pde_first, pde_last;
};

// The frame mapped at @a, in *@pfn: by @mm's tables below TASK_SIZE, the kernel's above.
static bool span_pfn(struct mm_struct *mm, unsigned long a, unsigned long *pfn)
{
	pte_t *pte;

	if (a >= TASK_SIZE)
		return kernel_addr_pfn(a, pfn);
	pte = follow_pte(mm, a);
	if (!pte || !pte_present(*pte))
		return false;
	*pfn = pte_pfn(*pte);
	return true;
}

// The pages behind [@addr, @addr + @size): in @mm's tables, or the kernel's.
static void walk_span(struct mm_struct *mm, unsigned long addr, unsigned long size,
		      struct span *s)
{
	unsigned long a, last_pfn = ~0UL;

	memset(s, 0, sizeof(*s));
	s->pde_first = pgd_index(addr);
	s->pde_last = pgd_index(addr + size - 1);
	for (a = addr & PAGE_MASK; a < addr + size; a += PAGE_SIZE) {
		unsigned long pfn;

		s->pages++;
		if (!span_pfn(mm, a, &pfn))
			continue;
		s->mapped++;
		if (pfn != last_pfn + 1)
			s->runs++;
		if (pfn_valid(pfn) && PageHighMem(pfn_to_page(pfn)))
			s->highmem++;
		last_pfn = pfn;
	}
}

static void print_row(const char *what, unsigned long addr, const char *region,
		      const struct span *s)
{
	pr_info("  %-14s 0x%08lx  %-34s %5lu %5lu %6lu %5lu   PDE %u-%u %s\n", what, addr, region,
		s->pages, s->mapped, s->runs, s->highmem, s->pde_first, s->pde_last,
		s->pde_first >= KERNEL_PGD_BOUNDARY ? "(kernel: shared by all)" : "(this process's own)");
}

static void user_row(const char *what, unsigned long addr, unsigned long size)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);
	char region[48];
	struct span s;

	if (!vma || vma->vm_start > addr)
		snprintf(region, sizeof(region), "user: not mapped");
	else
		snprintf(region, sizeof(region), "user: %s %08lx-%08lx",
			 vma_is_heap(vma) ? "[heap]" : vma_is_stack(vma) ? "[stack]" :
			 vma->vm_file ? "file" : "mmap", vma->vm_start, vma->vm_end);
	walk_span(current->mm, addr, size, &s);
	print_row(what, addr, region, &s);
}

static long mm386_compare(unsigned long __user *uargs)
{
	unsigned long a[4];
	void *k, *v;
	char region[48];
	struct span s;

	if (copy_from_user(a, uargs, sizeof(a)))
		return -EFAULT;
	if (!a[3] || a[3] > (16UL << 20))
		return -EINVAL;
	k = kmalloc(100, GFP_KERNEL);
	v = vmalloc(a[3]);
	if (!k || !v) {
		kfree(k);
		vfree(v);
		return -ENOMEM;
	}
	memset(v, 0, a[3]);
	pr_info("mm386: malloc vs kmalloc vs vmalloc, seen from %s[%d]:\n", current->comm,
		current->pid);
	pr_info("  %-14s %-10s  %-34s %5s %5s %6s %5s   %s\n", "allocator", "address", "region",
		"pages", "mapd", "p.runs", "high", "page tables");
	user_row("malloc(100)", a[0], 100);
	user_row("malloc(1 MB)", a[1], a[3]);
	user_row("stack var", a[2], sizeof(int));
	snprintf(region, sizeof(region), "kernel: lowmem, phys 0x%08lx", __pa(k));
	walk_span(NULL, (unsigned long)k, 100, &s);
	print_row("kmalloc(100)", (unsigned long)k, region, &s);
	snprintf(region, sizeof(region), "kernel: vmalloc area");
	walk_span(NULL, (unsigned long)v, a[3], &s);
	print_row("vmalloc(1 MB)", (unsigned long)v, region, &s);
	pr_info("  (pages: spanned; mapd: present now; p.runs: physically contiguous runs; high: in HighMem)\n");
	vfree(v);
	kfree(k);
	return 0;
}

/* A buffer given to user space: freed when the last VMA that maps it goes. */
struct mm386_map {
	int refs;		/* VMAs mapping it */
	int kind;		/* MM386_MMAP_* */
	void *buf;		/* its kernel address */
	unsigned long size;
};

static const char *const map_how[] = {
	[MM386_MMAP_VMALLOC] = "vmalloc_user, remap_vmalloc_range",
	[MM386_MMAP_KMALLOC] = "kmalloc, remap_pfn_range",
	[MM386_MMAP_VMALLOC32] = "vmalloc_32_user, remap_vmalloc_range",
};

static void mm386_vm_open(struct vm_area_struct *vma)
{
	struct mm386_map *m = vma->vm_private_data;

	m->refs++;
}

static void mm386_vm_close(struct vm_area_struct *vma)
{
	struct mm386_map *m = vma->vm_private_data;

	if (--m->refs)
		return;
	if (m->kind == MM386_MMAP_KMALLOC)
		kfree(m->buf);
	else
		vfree(m->buf);
	kfree(m);
}

static const struct vm_operations_struct mm386_vm_ops = {
	.name = "/dev/mm386",
	.open = mm386_vm_open,
	.close = mm386_vm_close,
};

// The page behind kernel address @k: lowmem (__pa) or vmalloc (its PTE).
static unsigned long kernel_pfn(const void *k)
{
	return is_vmalloc_addr(k) ? page_to_pfn(vmalloc_to_page(k)) : __pa(k) >> PAGE_SHIFT;
}

// Fill each page's first line, and print where each page is seen from.
static void mm386_map_show(struct vm_area_struct *vma, struct mm386_map *m)
{
	unsigned long i, n = m->size >> PAGE_SHIFT;

	pr_info("mm386: %s[%d] maps %lu bytes of kernel memory (%s):\n", current->comm,
		current->pid, m->size, map_how[m->kind]);
	pr_info("  page  user address  kernel address  pfn      the same physical page, twice\n");
	for (i = 0; i < n; i++) {
		unsigned long uaddr = vma->vm_start + (i << PAGE_SHIFT);
		char *k = (char *)m->buf + (i << PAGE_SHIFT);
		pte_t *pte = follow_pte(vma->vm_mm, uaddr);
		unsigned long pfn = kernel_pfn(k);

		if (i < 4 || i == n - 1)
			pr_info("  %4lu  0x%08lx    0x%08lx      %#7lx  %s%s\n", i, uaddr,
				(unsigned long)k, pfn,
				pte && pte_present(*pte) && pte_pfn(*pte) == pfn ? "same" : "DIFFERENT",
				PageHighMem(pfn_to_page(pfn)) ? " (HighMem)" : "");
		else if (i == 4)
			pr_info("  ...\n");
	}
}

/*
 * mm386_mmap - the program's VMA gets one of the three buffers (the offset
 * says which), of its length, with a line of text at the start of each page.
 */
static int mm386_mmap(struct file *f, struct vm_area_struct *vma)
{
	unsigned long size = vma->vm_end - vma->vm_start, i;
	struct mm386_map *m;
	int err;

	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;		/* MAP_SHARED only: a private copy would share nothing */
	if (vma->vm_pgoff > MM386_MMAP_VMALLOC32 || size > MM386_MMAP_MAX)
		return -EINVAL;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->kind = vma->vm_pgoff;
	m->size = size;
	m->refs = 1;
	if (m->kind == MM386_MMAP_KMALLOC)
		m->buf = kmalloc(size, GFP_KERNEL | __GFP_ZERO);
	else if (m->kind == MM386_MMAP_VMALLOC)
		m->buf = vmalloc_user(size);
	else
		m->buf = vmalloc_32_user(size);
	if (!m->buf || ((unsigned long)m->buf & ~PAGE_MASK)) {
		err = m->buf ? -EINVAL : -ENOMEM;	/* a kmalloc object not page-aligned (slab_debug) */
		kfree(m->buf);
		kfree(m);
		return err;
	}
	for (i = 0; i < size; i += PAGE_SIZE)
		snprintf((char *)m->buf + i, 64, "mm386: page %lu, written by the kernel at 0x%08lx",
			 i >> PAGE_SHIFT, (unsigned long)m->buf + i);
	if (m->kind == MM386_MMAP_KMALLOC)
		err = remap_pfn_range(vma, vma->vm_start, __pa(m->buf) >> PAGE_SHIFT, size,
				      vma->vm_page_prot);
	else
		err = remap_vmalloc_range(vma, m->buf, 0);
	vma->vm_ops = &mm386_vm_ops;
	vma->vm_private_data = m;
	if (err) {
		mm386_vm_close(vma);	/* the caller unmaps what was mapped */
		vma->vm_ops = NULL;
		return err;
	}
	mm386_map_show(vma, m);
	return 0;
}

// What the kernel reads at its own address of the page behind user address @uaddr.
static long mm386_peek(unsigned long uaddr)
{
	struct vm_area_struct *vma = find_vma(current->mm, uaddr);
	struct mm386_map *m;
	char text[64];
	char *k;

	if (!vma || vma->vm_start > uaddr || vma->vm_ops != &mm386_vm_ops)
		return -EINVAL;
	m = vma->vm_private_data;
	k = (char *)m->buf + ((uaddr - vma->vm_start) & PAGE_MASK);
	strscpy(text, k, sizeof(text));
	pr_info("mm386: the kernel reads at 0x%08lx (user 0x%08lx): \"%s\"\n", (unsigned long)k,
		uaddr & PAGE_MASK, text);
	return 0;
}

static long mm386_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (cmd == MM386_IOC_COMPARE)
		return mm386_compare((unsigned long __user *)arg);
	if (cmd == MM386_IOC_PEEK)
		return mm386_peek(arg);
	return -ENOTTY;
}

static const struct file_operations mm386_fops = {
	.ioctl = mm386_ioctl,
	.mmap = mm386_mmap,
	.mode = S_IFCHR | 0666,
};

/* mm386_dev_open - a new open file of /dev/mm386. */
struct file *mm386_dev_open(void)
{
	return alloc_file(&mm386_fops, "/dev/mm386");
}
