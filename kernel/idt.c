// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/idt.c - the Interrupt Descriptor Table and the one C entry point.
 *
 * Vectors 0-31 are the CPU's exceptions (divide error, page fault...),
 * 32-47 the two 8259 PICs' interrupt lines (kernel/i8259.c remaps them
 * there).  Each IDT entry is an interrupt gate, so the CPU turns
 * interrupts off on the way in; kernel/entry.asm saves the registers and
 * calls do_entry(), which sends exceptions to do_trap() and interrupts to
 * do_IRQ().
 *
 * Vector 0x80 is the i386 system call, `int $0x80`.  Its gate has DPL 3,
 * so ring 3 may raise it (for every other vector a user `int N` is a
 * general protection fault).  It is an interrupt gate, as Linux's
 * entry_INT80_32: the C handler turns interrupts back on.
 *
 * On the way back to ring 3 (and only then) do_entry() gives the
 * scheduler its chance: the kernel itself is not preemptible, as Linux
 * without CONFIG_PREEMPT (kernel/sched/core.c).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/traps.h>
#include <linux/sched.h>

struct gate_desc {
	u16 offset_low;
	u16 segment;
	u8 reserved;
	u8 type_attr;	/* present, DPL 0, 32-bit interrupt gate: 0x8e */
	u16 offset_high;
} __packed;

#define GATE_INTERRUPT	0x8e
#define GATE_INTERRUPT_USER 0xee	/* DPL 3: ring 3 may use `int` on it */

extern const unsigned long idt_stub_table[NR_VECTORS_USED];
extern char entry_INT80_32[];
static struct gate_desc idt_table[256] __aligned(8);

static void set_gate(unsigned int vector, unsigned long handler, u8 type)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = handler & 0xffff;
	g->offset_high = handler >> 16;
	g->segment = __KERNEL_CS;
	g->reserved = 0;
	g->type_attr = type;
}

void idt_init(void)
{
	struct desc_ptr idtr = { sizeof(idt_table) - 1, (u32)idt_table };
	unsigned int v;

	for (v = 0; v < NR_VECTORS_USED; v++)
		set_gate(v, idt_stub_table[v], GATE_INTERRUPT);
	set_gate(IA32_SYSCALL_VECTOR, (unsigned long)entry_INT80_32, GATE_INTERRUPT_USER);
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

/*
 * idt_set_task_gate - make @vector a task gate to the TSS @tss_selector:
 * the CPU switches task instead of pushing onto the current stack (the
 * double fault, kernel/doublefault.c).
 */
void idt_set_task_gate(unsigned int vector, u16 tss_selector)
{
	struct gate_desc *g = &idt_table[vector];

	g->offset_low = 0;
	g->offset_high = 0;
	g->segment = tss_selector;
	g->reserved = 0;
	g->type_attr = 0x85;		/* present, DPL 0, task gate */
}

/* do_entry - called by kernel/entry.asm for every exception and interrupt. */
void do_entry(struct pt_regs *regs)
{
	if (regs->vector == IA32_SYSCALL_VECTOR)
		do_int80_syscall_32(regs);
	else if (regs->vector < FIRST_EXTERNAL_VECTOR || regs->vector == X86_TRAP_IRET)
		do_trap(regs);
	else
		do_IRQ(regs);
	if (user_mode(regs))
		exit_to_user_mode(regs);
}
