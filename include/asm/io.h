/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/io.h - port I/O, and the virtual <-> physical helpers of seed 003.
 *
 * virt_to_phys() and phys_to_virt() are the "fixed offset" that seed 003
 * describes: for lowmem, virtual = physical + PAGE_OFFSET.  They are only
 * valid for the direct map (kmalloc, __get_free_pages), never for vmalloc
 * or kmap addresses.
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>
#include <asm/page.h>

static inline void outb(u8 v, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(u16 v, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(u32 v, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* A write to an unused port: a short delay for slow ISA devices. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

static inline unsigned long virt_to_phys(volatile void *address)
{
	return __pa(address);
}

static inline void *phys_to_virt(unsigned long address)
{
	return __va(address);
}

#endif
