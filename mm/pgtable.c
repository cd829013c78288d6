// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pgtable.c - page directories for processes: the 3G/1G split, per
 * process (Linux: arch/x86/mm/pgtable.c).
 *
 * Every process has its own page directory (mm->pgd, one lowmem page).
 * Entries 0-767 map its user space, 0 to 3 GB, and are its own.  Entries
 * 768-1023 map the kernel's gigabyte and must be the same in every page
 * directory: whichever process runs, the kernel is at the same addresses.
 * pgd_alloc() copies them from swapper_pg_dir (the kernel's master copy,
 * which task 0 uses).
 *
 * The kernel's gigabyte is not fixed, though: vmalloc makes page tables
 * on demand, the first time it maps something in a 4 MB range.  Such a new
 * PDE would be missing from every page directory made before it.  Linux
 * i386 without PAE keeps every page directory on pgd_list and copies the
 * new entry into each (arch_sync_kernel_mappings, called when vmalloc
 * populates a PDE: here from pgd_populate_kernel()).  mm386 does the same,
 * eagerly, so a kernel address never faults in one process and works in
 * another; the test "vmalloc after fork" checks it, and the shell's
 * `pgdcmp PID1 PID2` and GDB's mm-pgdcmp compare PDEs 768-1023 of two
 * processes.  (The other way, Linux before 5.8, was vmalloc_fault(): copy
 * the missing PDE when the fault happens.)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

/* Every process's mm, by mm->pgd_list: whose pgd needs the kernel's PDEs. */
static LIST_HEAD(pgd_list);

/**
 * pgd_alloc - give @mm a page directory: user half empty, kernel half a
 * copy of swapper_pg_dir's, and put it on pgd_list.
 * Return: 0 or -ENOMEM.
 */
int pgd_alloc(struct mm_struct *mm)
{
	unsigned long pgd = get_zeroed_page(GFP_KERNEL), flags;

	if (!pgd)
		return -ENOMEM;
	mm->pgd = (unsigned long *)pgd;
	local_irq_save(flags);
	memcpy(mm->pgd + KERNEL_PGD_BOUNDARY, swapper_pg_dir + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	list_add(&mm->pgd_list, &pgd_list);
	local_irq_restore(flags);
	return 0;
}

/* pgd_free - take @mm's page directory off pgd_list and free it. */
void pgd_free(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	list_del(&mm->pgd_list);
	local_irq_restore(flags);
	free_page((unsigned long)mm->pgd);
	mm->pgd = NULL;
}

/**
 * arch_sync_kernel_mappings - a kernel PDE changed in swapper_pg_dir
 * @index: which (768-1023): copied into every process's page directory
 */
void arch_sync_kernel_mappings(unsigned int index)
{
	struct mm_struct *mm;
	unsigned long flags;

	if (index < KERNEL_PGD_BOUNDARY || index >= PTRS_PER_PGD)
		return;
	local_irq_save(flags);
	list_for_each_entry(mm, &pgd_list, pgd_list)
		mm->pgd[index] = swapper_pg_dir[index];
	local_irq_restore(flags);
}

/*
 * switch_mm - load @next's page directory into CR3 (NULL: the kernel's
 * own, swapper_pg_dir).  Reloading CR3 flushes every non-global TLB entry:
 * the old process's translations are gone.
 */
void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	write_cr3(__pa(next ? next->pgd : swapper_pg_dir));
}
