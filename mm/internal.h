/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/internal.h - what the files of mm/ share and nobody else needs.
 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>
#include <linux/gfp.h>

/* mm/page_alloc.c */
unsigned long free_memblock_range(unsigned long start_pfn, unsigned long end_pfn);
void setup_per_zone_wmarks(void);
const char *zone_names(enum zone_type idx);

/* mm/mm_init.c */
void free_area_init(unsigned long max_dma_pfn, unsigned long max_low, unsigned long max);
void print_zone_ranges(void);

/* mm/init.c */
void paging_init(void);

/* The first 16 MB: ISA DMA reaches no further. */
#define MAX_DMA_PFN	(SZ_16M >> PAGE_SHIFT)

#endif
