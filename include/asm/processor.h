/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/processor.h - control registers, the TSC, and halting.
 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/types.h>

#define X86_CR0_PE	0x00000001
#define X86_CR0_MP	0x00000002	/* monitor coprocessor: wait/fwait honour TS */
#define X86_CR0_EM	0x00000004	/* emulate the FPU: off, we have one */
#define X86_CR0_TS	0x00000008	/* task switched: lazy FPU (not used) */
#define X86_CR0_NE	0x00000020	/* FPU errors as exception 16 */
#define X86_CR0_WP	0x00010000
#define X86_CR0_PG	0x80000000
#define X86_CR4_PSE	0x00000010	/* PDEs may map 4 MB pages (_PAGE_PSE) */
#define X86_CR4_OSFXSR	0x00000200	/* the OS saves SSE state with fxsave */
#define X86_CR4_OSXMMEXCPT 0x00000400	/* SSE exceptions as exception 19 */

/* User space ends here: the 3G/1G split (Linux's TASK_SIZE on i386). */
#define TASK_SIZE	0xC0000000UL
#define STACK_TOP	TASK_SIZE
#define TASK_SIZE_MAX	TASK_SIZE

/*
 * struct x86_hw_tss - the 32-bit task state segment.  mm386 uses it for
 * one thing only, as Linux does: @sp0/@ss0, the kernel stack the CPU
 * switches to when an interrupt or int $0x80 arrives in ring 3.  The I/O
 * bitmap offset points past the segment's limit: no port is open to ring 3.
 */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 __cr3, ip, flags, ax, cx, dx, bx, sp, bp, si, di;
	u16 es, __esh, cs, __csh, ss, __ssh, ds, __dsh, fs, __fsh, gs, __gsh;
	u16 ldt, __ldth, trace, io_bitmap_base;
} __attribute__((packed));

struct desc_struct {
	u16 limit0;
	u16 base0;
	u16 base1 : 8, type : 4, s : 1, dpl : 2, p : 1;
	u16 limit1 : 4, avl : 1, l : 1, d : 1, g : 1, base2 : 8;
} __attribute__((packed));

/* The fxsave image: 512 bytes, 16-byte aligned (x87, MMX and SSE state). */
#define FXSAVE_SIZE	512

/*
 * struct thread_struct - the CPU state of a task that is not running.
 * @sp: its kernel stack pointer inside __switch_to_asm (kernel/sched/switch.asm)
 * @sp0: the top of its kernel stack (goes into the TSS when it runs)
 * @tls_array: its GDT entries 6-8 (set_thread_area)
 * @fxsave: its FPU/SSE registers, saved at every switch away (eager FPU)
 */
struct thread_struct {
	unsigned long sp;
	unsigned long sp0;
	struct desc_struct tls_array[3];
	u8 fxsave[FXSAVE_SIZE] __attribute__((aligned(16)));
};

#define DEFINE_CR_ACCESSORS(n)						\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long v;						\
	__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));		\
	return v;							\
}									\
static inline void write_cr##n(unsigned long v)				\
{									\
	__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory");	\
}
DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)
#undef DEFINE_CR_ACCESSORS

/* rdtsc - the time stamp counter; one tick per guest instruction under
 * QEMU -icount shift=0, which is how benchmarks count instructions. */
static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpuid(u32 op, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid" : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "0"(op), "2"(0));
}

/* boot_cpu_hwcap - CPUID.1:EDX, the feature bits AT_HWCAP hands user space. */
static inline u32 boot_cpu_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}

/* CPUID.1:EDX bits (Linux's X86_FEATURE_* of word 0) */
#define X86_FEATURE_PSE	(1U << 3)	/* 4 MB pages */

// Does the boot CPU have @feature (an X86_FEATURE_* bit of CPUID.1:EDX)?
static inline bool boot_cpu_has(u32 feature)
{
	return boot_cpu_hwcap() & feature;
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static inline unsigned long current_stack_pointer(void)
{
	unsigned long sp;

	__asm__ __volatile__("mov %%esp, %0" : "=r"(sp));
	return sp;
}

static inline unsigned long current_frame_pointer(void)
{
	return (unsigned long)__builtin_frame_address(0);
}

#endif
