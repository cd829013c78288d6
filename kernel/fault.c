// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fault.c - the page fault handler.
 *
 * mm386 never pages anything in, so a page fault in the kernel is always
 * a bug, except for the few instructions listed in the exception table
 * (copy_from_kernel_nofault), which are resumed at their fixup.  Anything
 * else becomes an oops in Linux 5.x's words:
 *
 *   BUG: kernel NULL pointer dereference, address: 0x00000000
 *   #PF: supervisor write access in kernel mode
 *   #PF: error_code(0x0002) - not-present page
 *
 * followed by where the address lies in the 4 GB map (the NULL page, user
 * space, lowmem, a vmalloc guard page and whose, pkmap, fixmap...), the
 * page-table entries for it, and the registers and call trace (die()).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/traps.h>
#include <asm/extable.h>
#include <asm/processor.h>
#include <asm/page.h>

/* The error code the CPU pushes for a page fault. */
#define X86_PF_PROT	0x01	/* 0: page not present, 1: protection violation */
#define X86_PF_WRITE	0x02	/* 0: read, 1: write */
#define X86_PF_USER	0x04	/* 0: kernel mode, 1: user mode */
#define X86_PF_RSVD	0x08	/* reserved bit set in a paging entry */
#define X86_PF_INSTR	0x10	/* instruction fetch (with NX only) */

static const char *pf_access(unsigned long err)
{
	if (err & X86_PF_INSTR)
		return "instruction fetch";
	return (err & X86_PF_WRITE) ? "write access" : "read access";
}

static const char *pf_reason(unsigned long err)
{
	if (!(err & X86_PF_PROT))
		return "not-present page";
	if (err & X86_PF_RSVD)
		return "reserved bit violation";
	return "permissions violation";
}

// Print the page directory and page table entries that cover @address.
static void dump_pagetable(unsigned long address)
{
	unsigned long *pgd = __va(read_cr3() & PAGE_MASK);
	unsigned long pde = pgd[address >> 22], pte;

	printk(KERN_ALERT "*pde = %08lx", pde);
	if ((pde & 1) && !(pde & 0x80)) {
		pte = ((unsigned long *)__va(pde & PAGE_MASK))[(address >> 12) & 1023];
		printk(KERN_CONT " *pte = %08lx", pte);
	}
	printk(KERN_CONT "\n");
}

static void __noreturn page_fault_oops(struct pt_regs *regs, unsigned long err,
				       unsigned long address)
{
	char where[160];

	if (address < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: 0x%08lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: 0x%08lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (err & X86_PF_USER) ? "user" : "supervisor", pf_access(err),
	       (regs->cs & 3) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err, pf_reason(err));
	describe_address(address, where, sizeof(where));
	printk(KERN_ALERT "#PF: address 0x%08lx is in: %s\n", address, where);
	dump_pagetable(address);
	die("Oops", regs, err);
}

/*
 * do_page_fault - resume an exception-table instruction at its fixup, or
 * oops.  The fixup applies while an oops is being printed too: that is
 * when show_code() reads the bytes at a wild EIP with
 * copy_from_kernel_nofault(), and its fault must come back as -EFAULT, not
 * as a recursive fault that ends the oops before its registers.
 */
void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, regs->error_code, address);
}
