/* SPDX-License-Identifier: GPL-2.0 */
/* asm/traps.h - exception handling entry points and oops helpers. */
#ifndef _ASM_TRAPS_H
#define _ASM_TRAPS_H

#include <linux/compiler.h>
#include <asm/ptrace.h>

#define X86_TRAP_DE	0	/* divide error */
#define X86_TRAP_DB	1
#define X86_TRAP_NMI	2
#define X86_TRAP_BP	3
#define X86_TRAP_OF	4
#define X86_TRAP_BR	5
#define X86_TRAP_UD	6	/* invalid opcode */
#define X86_TRAP_NM	7
#define X86_TRAP_DF	8	/* double fault */
#define X86_TRAP_TS	10
#define X86_TRAP_NP	11
#define X86_TRAP_SS	12
#define X86_TRAP_GP	13	/* general protection */
#define X86_TRAP_PF	14	/* page fault */
/*
 * Not a vector: an iret back to ring 3 that faulted (kernel/entry.asm,
 * iret_error).  Linux calls it trap 32; it is 256 + 32 here, so that no
 * interrupt (vectors 32-255) has its number.
 */
#define X86_TRAP_IRET	(256 + 32)

void do_trap(struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long address);
void __noreturn die(const char *str, struct pt_regs *regs, unsigned long err);
void show_regs(struct pt_regs *regs);
/* kernel/fault.c: Linux's " in prog[start+size]" and user "Code:" line */
void print_vma_addr(const char *prefix, unsigned long ip);
void show_user_code(const char *loglvl, unsigned long ip);

/* kernel/stacktrace.c */
void show_trace(unsigned long bp, unsigned long first_ip);
bool on_kernel_stack(unsigned long addr, unsigned long len);

/* Set while an oops is being printed: a second fault is fatal at once. */
extern int oops_in_progress;

#endif
