/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/extable.h - the exception table.
 *
 * Some instructions are *expected* to fault: reading an address that may
 * not be mapped (copy_from_kernel_nofault, the shell's peek), or reloading
 * a program's segment registers on the way back to ring 3 (restore_all in
 * kernel/entry.asm).  Each such instruction gets an entry { insn, fixup,
 * type } in the __ex_table section.  When a kernel fault hits an
 * instruction listed there, the handler does not oops; what it does
 * depends on the type (as Linux's EX_TYPE_*):
 *
 *   EX_TYPE_DEFAULT   resume at the fixup code (which returns -EFAULT)
 *   EX_TYPE_POP_ZERO  the faulting instruction pops a segment register:
 *                     put 0 (the null selector, always loadable) in the
 *                     stack slot it pops, and run it again
 */
#ifndef _ASM_EXTABLE_H
#define _ASM_EXTABLE_H

#define EX_TYPE_DEFAULT		0
#define EX_TYPE_POP_ZERO	1

#ifndef __ASSEMBLER__

struct pt_regs;

struct exception_table_entry {
	unsigned long insn;	/* the instruction that may fault */
	unsigned long fixup;	/* where to continue if it does */
	unsigned long type;	/* EX_TYPE_*: how */
};

#define _ASM_EXTABLE_TYPE(from, to, type)			\
	".pushsection __ex_table, \"a\"\n\t"			\
	".balign 4\n\t"						\
	".long " #from ", " #to ", " #type "\n\t"		\
	".popsection\n\t"

#define _ASM_EXTABLE(from, to)	_ASM_EXTABLE_TYPE(from, to, 0)

/* fixup_exception - if @regs->ip has an entry, jump to its fixup: true. */
bool fixup_exception(struct pt_regs *regs);
const struct exception_table_entry *search_exception_tables(unsigned long addr);

#endif /* __ASSEMBLER__ */
#endif
