// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/gdt.c - the Global Descriptor Table and the TSS: the CPU's tables
 * for privilege levels, in one place.
 *
 * i386 segmentation cannot be switched off, only made harmless: every
 * code and data segment here starts at 0 and spans 4 GB, so a "logical"
 * address is the linear address and paging does all the real work (the
 * U/S bit of the page tables is what keeps user space out of the kernel's
 * gigabyte).  What the segments still decide is the privilege level: code
 * runs in ring 0 through __KERNEL_CS and in ring 3 through __USER_CS.
 *
 * The layout is Linux i386's (asm/segment.h).  Two kinds of entry change
 * at run time, both at a task switch:
 *
 *   - the TSS's sp0: the top of the next task's kernel stack, where the
 *     CPU puts the user registers when an interrupt, an exception or
 *     int $0x80 arrives in ring 3 (update_task_stack);
 *   - the three TLS entries 6-8: the next task's set_thread_area()
 *     descriptors (load_TLS).  glibc points %gs at one of them for its
 *     thread pointer; %gs itself is saved and restored in struct pt_regs.
 *
 * Entry 31 is the double-fault task's TSS (kernel/doublefault.c).  The boot loader's GDT lives in memory we will reuse, so ours
 * is loaded first thing.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/processor.h>

// base 0, limit 4 GB (granularity 4 KB), 32-bit, given access byte.
#define FLAT_SEGMENT(access)	(0x00cf000000000000ULL | ((u64)(access) << 40) | 0xffffULL)

static u64 gdt_table[GDT_ENTRIES] __aligned(8) = {
	[0]				= 0,			/* the null descriptor */
	[GDT_ENTRY_KERNEL_CS]		= FLAT_SEGMENT(0x9a),	/* ring 0 code, readable */
	[GDT_ENTRY_KERNEL_DS]		= FLAT_SEGMENT(0x92),	/* ring 0 data, writable */
	[GDT_ENTRY_DEFAULT_USER_CS]	= FLAT_SEGMENT(0xfa),	/* ring 3 code */
	[GDT_ENTRY_DEFAULT_USER_DS]	= FLAT_SEGMENT(0xf2),	/* ring 3 data */
};

/* The one TSS (Linux: cpu_tss_rw).  Only ss0/sp0 and the bitmap offset matter. */
struct x86_hw_tss cpu_tss;

// A 32-bit available-TSS descriptor (type 9) for @base, @limit.
static u64 tss_descriptor(unsigned long base, unsigned long limit)
{
	return (limit & 0xffff) | ((u64)(base & 0xffffff) << 16) | (0x89ULL << 40) |
	       ((u64)((limit >> 16) & 0xf) << 48) | ((u64)(base >> 24) << 56);
}

void gdt_init(void)
{
	struct desc_ptr gdtr = { sizeof(gdt_table) - 1, (u32)gdt_table };

	cpu_tss.ss0 = __KERNEL_DS;
	cpu_tss.io_bitmap_base = sizeof(cpu_tss);	/* past the limit: no I/O ports */
	gdt_table[GDT_ENTRY_TSS] = tss_descriptor((unsigned long)&cpu_tss, sizeof(cpu_tss) - 1);
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\n\t"
		"mov %2, %%ds\n\t"
		"mov %2, %%es\n\t"
		"mov %2, %%ss\n\t"
		"mov %3, %%fs\n\t"
		"mov %3, %%gs\n\t"
		"ltr %w4\n\t"
		: : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(0),
		    "r"(GDT_ENTRY_TSS_SEL) : "memory");
}

/* gdt_set_entry - write GDT entry @entry (the double-fault TSS's). */
void gdt_set_entry(unsigned int entry, u64 desc)
{
	gdt_table[entry] = desc;
}

/**
 * update_task_stack - make @sp0 the stack ring 3 enters the kernel on
 * @sp0: the top of the next task's kernel stack
 */
void update_task_stack(unsigned long sp0)
{
	cpu_tss.sp0 = sp0;
}

/**
 * load_TLS - copy a task's three TLS descriptors into GDT entries 6-8
 * @t: the task's thread_struct
 *
 * A segment register caches its descriptor when it is loaded, so the new
 * entries take effect when %gs is reloaded: on the way back to ring 3,
 * from the task's saved pt_regs.
 */
void load_TLS(const struct thread_struct *t)
{
	memcpy(&gdt_table[GDT_ENTRY_TLS_MIN], t->tls_array, sizeof(t->tls_array));
}

/* gdt_entry - GDT entry @i as a u64 (the shell, tests). */
u64 gdt_entry(unsigned int i)
{
	return i < GDT_ENTRIES ? gdt_table[i] : 0;
}
