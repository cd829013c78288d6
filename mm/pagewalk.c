// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pagewalk.c - what the MMU does for one address, done by hand.
 *
 * Seed 003's point, made visible: a kmalloc address is "phys + 3 GB" only
 * because the kernel's page tables say so for all of lowmem, while a
 * vmalloc address maps wherever its PTE points.  The walk is the i386
 * two-level one: the top 10 bits pick the page directory entry (PDE, one
 * per 4 MB), the next 10 the page table entry (PTE, one per 4 KB page), the
 * last 12 are the offset.  The demo and the shell's v2p print it.
 */
#include <linux/kernel.h>
#include <linux/pagewalk.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

bool walk_kernel_address(unsigned long addr, struct page_walk *w)
{
	pgd_t *pgd = __va(read_cr3() & PAGE_MASK);

	w->addr = addr;
	w->pgd_index = pgd_index(addr);
	w->pte_index = pte_index(addr);
	w->pde = pgd[w->pgd_index];
	w->pte = 0;
	w->large = pgd_present(w->pde) && (w->pde & _PAGE_PSE);
	w->mapped = w->large;
	w->phys = w->large ? (w->pde & PMD_MASK) | (addr & ~PMD_MASK) : 0;
	if (!pgd_present(w->pde) || w->large)
		return w->mapped;
	w->pte = pgd_page_vaddr(w->pde)[w->pte_index];
	if (!pte_present(w->pte))
		return false;
	w->mapped = true;
	w->phys = (w->pte & PAGE_MASK) | (addr & ~PAGE_MASK);
	return true;
}

int format_pte_flags(char *buf, size_t size, unsigned long entry)
{
	static const struct { unsigned long bit; const char *name; } bits[] = {
		{ _PAGE_PRESENT, "present" }, { _PAGE_RW, "rw" }, { _PAGE_USER, "user" },
		{ _PAGE_PWT, "pwt" }, { _PAGE_PCD, "pcd" }, { _PAGE_ACCESSED, "accessed" },
		{ _PAGE_DIRTY, "dirty" }, { _PAGE_PSE, "4M" }, { _PAGE_GLOBAL, "global" },
	};
	unsigned int i;
	int n = 0;

	if (!(entry & _PAGE_PRESENT))
		return scnprintf(buf, size, "not present");
	for (i = 0; i < ARRAY_SIZE(bits); i++)
		if (entry & bits[i].bit)
			n += scnprintf(buf + n, size - n, "%s%s", n ? " " : "", bits[i].name);
	if (!(entry & _PAGE_RW))
		n += scnprintf(buf + n, size - n, " (read-only)");
	return n;
}

void print_page_walk(const char *prefix, unsigned long addr)
{
	struct page_walk w;
	char flags[80];

	walk_kernel_address(addr, &w);
	format_pte_flags(flags, sizeof(flags), w.pde);
	printk("%sPDE[%u] = 0x%08lx [%s]", prefix, w.pgd_index, w.pde, flags);
	if (!pgd_present(w.pde)) {
		printk(KERN_CONT ": no page table for this 4 MB\n");
		return;
	}
	if (w.large) {		/* lowmem, paging_init(): no page table */
		printk(KERN_CONT " -> a 4 MB page at phys 0x%08lx\n", w.pde & PMD_MASK);
		printk("%s(no PTE: offset 0x%06lx in the 4 MB page) -> phys 0x%08lx\n", prefix,
		       addr & ~PMD_MASK, w.phys);
		return;
	}
	printk(KERN_CONT " -> page table at phys 0x%08lx\n", w.pde & PAGE_MASK);
	format_pte_flags(flags, sizeof(flags), w.pte);
	printk("%sPTE[%u] = 0x%08lx [%s]", prefix, w.pte_index, w.pte, flags);
	if (w.mapped)
		printk(KERN_CONT " -> phys 0x%08lx\n", w.phys);
	else
		printk(KERN_CONT ": not mapped\n");
}
