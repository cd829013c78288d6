/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock.h - the boot-time memory allocator.
 *
 * Before mem_map and the buddy allocator exist, memory is tracked as two
 * sorted lists of physical ranges: "memory" (RAM the firmware reported)
 * and "reserved" (parts of it already in use).  An allocation finds a free
 * range (memory minus reserved), top-down under a limit, and reserves it.
 * When the buddy allocator is ready, memblock_free_all() hands every page
 * that is in memory and not reserved to it, and memblock's job is done.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	const char *name;
	struct memblock_region regions[INIT_MEMBLOCK_REGIONS];
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align);
void memblock_set_current_limit(phys_addr_t limit);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
phys_addr_t memblock_end_of_DRAM(void);
phys_addr_t memblock_reserved_size(void);
void memblock_dump_all(void);
unsigned long memblock_free_all(void);

static inline phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

#define for_each_mem_region(i, r)					\
	for ((i) = 0, (r) = memblock.memory.regions;			\
	     (i) < memblock.memory.cnt; (i)++, (r)++)

#endif
