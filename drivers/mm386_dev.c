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

struct span {
	unsigned long pages, runs, highmem, mapped;
	unsigned int pde_first, pde_last;
};

// The pages behind [@addr, @addr + @size): in @mm's tables, or the kernel's.
static void walk_span(struct mm_struct *mm, unsigned long addr, unsigned long size,
		      struct span *s)
{
	unsigned long a, last_pfn = ~0UL;

	memset(s, 0, sizeof(*s));
	s->pde_first = pgd_index(addr);
	s->pde_last = pgd_index(addr + size - 1);
	for (a = addr & PAGE_MASK; a < addr + size; a += PAGE_SIZE) {
		pte_t *pte = a < TASK_SIZE ? follow_pte(mm, a) : lookup_address(a);
		unsigned long pfn;

		s->pages++;
		if (!pte || !pte_present(*pte))
			continue;
		pfn = pte_pfn(*pte);
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

static long mm386_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (cmd == MM386_IOC_COMPARE)
		return mm386_compare((unsigned long __user *)arg);
	return -ENOTTY;
}

static const struct file_operations mm386_fops = {
	.ioctl = mm386_ioctl,
	.mode = S_IFCHR | 0666,
};

/* mm386_dev_open - a new open file of /dev/mm386. */
struct file *mm386_dev_open(void)
{
	return alloc_file(&mm386_fops, "/dev/mm386");
}
