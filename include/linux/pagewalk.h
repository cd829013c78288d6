/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagewalk.h - following a kernel virtual address through the page tables.
 */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/types.h>

struct page_walk {
	unsigned long addr;
	unsigned int pgd_index, pte_index;
	unsigned long pde;		/* the page directory entry */
	unsigned long pte;		/* the page table entry (0 if no table) */
	bool large;			/* the PDE maps a 4 MB page itself (PSE) */
	bool mapped;			/* both present, or a present 4 MB PDE */
	unsigned long phys;		/* the physical address, if mapped */
};

/* walk_kernel_address - fill @w for @addr; returns w->mapped. */
bool walk_kernel_address(unsigned long addr, struct page_walk *w);
/* print_page_walk - two lines, PDE and PTE (or the 4 MB page) with decoded flags. */
void print_page_walk(const char *prefix, unsigned long addr);
/* format_pte_flags - "present rw accessed dirty" for an entry. */
int format_pte_flags(char *buf, size_t size, unsigned long entry);

#endif
