/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/extable.h - the exception table.
 *
 * Some instructions are *expected* to fault: reading an address that may
 * not be mapped (copy_from_kernel_nofault, the shell's peek).  Each such
 * instruction gets an entry { insn, fixup } in the __ex_table section.  When
 * a kernel page fault hits an instruction listed there, the fault handler
 * does not oops: it resumes at the fixup code, which returns -EFAULT.
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to continue if it does */
};

#define _ASM_EXTABLE(from, to)					\
	".pushsection __ex_table, \"a\"\n\t"			\
	".balign 4\n\t"						\
	".long " #from ", " #to "\n\t"				\
	".popsection\n\t"

/* fixup_exception - if @regs->ip has an entry, jump to its fixup: true. */
bool fixup_exception(struct pt_regs *regs);
const struct exception_table_entry *search_exception_tables(unsigned long addr);

#endif
