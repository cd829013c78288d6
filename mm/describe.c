// SPDX-License-Identifier: GPL-2.0
/*
 * mm/describe.c - which part of the 4 GB virtual map is an address in?
 *
 * The oops and the shell use this to answer a learner's first question
 * about an address: is it user space, the direct map of lowmem (and then
 * which part of the kernel image), the vmalloc area, pkmap or fixmap?
 */
#include <linux/kernel.h>
#include <linux/mm.h>

extern char _text[], _etext[], __start_rodata[], __end_rodata[];
extern char _sdata[], _edata[], __init_begin[], __init_end[];
extern char __bss_start[], __bss_stop[];

struct image_section {
	const char *name;
	const char *start, *end;
};

// The kernel image section holding @addr, or NULL.
static const char *image_section(unsigned long addr)
{
	const struct image_section sections[] = {
		{ ".text", _text, _etext },
		{ ".rodata", __start_rodata, __end_rodata },
		{ ".data", _sdata, _edata },
		{ ".init", __init_begin, __init_end },
		{ ".bss", __bss_start, __bss_stop },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sections); i++)
		if (addr >= (unsigned long)sections[i].start &&
		    addr < (unsigned long)sections[i].end)
			return sections[i].name;
	return NULL;
}

void describe_address(unsigned long addr, char *buf, size_t size)
{
	const char *sect = image_section(addr);

	if (addr < PAGE_SIZE)
		snprintf(buf, size, "NULL page [0x00000000-0x%08lx]", PAGE_SIZE - 1);
	else if (addr < PAGE_OFFSET)
		snprintf(buf, size, "user space [0x00000000-0x%08lx]", PAGE_OFFSET - 1);
	else if (sect)
		snprintf(buf, size, "lowmem (kernel %s)", sect);
	else
		snprintf(buf, size, "kernel space");
}
