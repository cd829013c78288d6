// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/extable.c - finding an instruction's fixup in the exception table.
 *
 * The linker gathers every _ASM_EXTABLE() entry (and entry.asm's) between
 * __start___ex_table and __stop___ex_table.  There are only a handful, so
 * a linear search is plenty (Linux sorts and bisects thousands).
 */
#include <linux/kernel.h>
#include <asm/extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

const struct exception_table_entry *search_exception_tables(unsigned long addr)
{
	const struct exception_table_entry *e;

	for (e = __start___ex_table; e < __stop___ex_table; e++)
		if (e->insn == addr)
			return e;
	return NULL;
}

/*
 * fixup_exception - a kernel fault at @regs->ip that its entry expects:
 * deal with it as the entry's type says and return true; false for any
 * other fault (an oops).
 */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->ip);

	if (!e)
		return false;
	switch (e->type) {
	case EX_TYPE_POP_ZERO:
		/* a fault in ring 0 pushes no esp: the popped slot is right above */
		*(unsigned long *)kernel_stack_pointer(regs) = 0;
		return true;
	default:
		regs->ip = e->fixup;
		return true;
	}
}
