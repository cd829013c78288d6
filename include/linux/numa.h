/* SPDX-License-Identifier: GPL-2.0 */
/*
 * numa.h - NUMA node numbers.  mm386 is one node (node 0, contig_page_data)
 * as a PC without NUMA is to Linux: the _node() variants of the allocators
 * take a node so that code written for NUMA machines builds unchanged, and
 * every valid node is node 0.  NUMA_NO_NODE means "wherever is best".
 */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define NODES_SHIFT	0
#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NUMA_NO_NODE	(-1)

static inline int numa_node_id(void)
{
	return 0;
}

#define numa_mem_id()	numa_node_id()

#endif
