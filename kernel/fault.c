// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fault.c - the page fault handler (Linux: arch/x86/mm/fault.c).
 *
 * A fault at a user address (below TASK_SIZE) of a process is normal
 * business: the address must be inside a VMA that allows the access (or
 * just below the stack, which then grows), and handle_mm_fault() maps the
 * page (demand paging, copy-on-write: mm/memory.c).  This holds for
 * faults in ring 3 and for the kernel's own accesses to user memory in
 * copy_to_user() and friends.
 *
 * A user access that no VMA allows, or any ring 3 access to the kernel's
 * gigabyte (the page tables' U/S bit), is SIGSEGV (si_code SEGV_MAPERR: no
 * VMA there; SEGV_ACCERR: the VMA forbids the access).  A program with a
 * handler for it gets the address and goes on (user/signals.c); one
 * without is killed, with Linux's line (show_signal_msg, print_vma_addr):
 *
 *   userprog[1]: segfault at c0000000 ip 08049d2a sp bffff9c0 error 5 in userprog[8048000+9d000]
 *   Code: ...
 *
 * "error" is the CPU's error code: bit 0 protection violation (vs not
 * present), bit 1 write, bit 2 user mode.  The kernel goes on.  A kernel
 * access through copy_*_user() to such an address resumes at the
 * instruction's exception-table fixup (-EFAULT for the system call).
 * Out of memory in a user fault kills the process with Linux's
 * "Out of memory: Killed process" line.
 *
 * Everything else is a kernel bug, except for the few kernel instructions
 * listed in the exception table (copy_from_kernel_nofault), which are
 * resumed at their fixup.  It becomes an oops in Linux 5.x's words:
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
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <linux/uaccess.h>
#include <linux/fs.h>

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
 * print_vma_addr - " in prog[8048000+9d000]": the file mapped where @ip
 * is, and that mapping's start and size, as Linux prints it.
 */
void print_vma_addr(const char *prefix, unsigned long ip)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma = mm ? find_vma(mm, ip) : NULL;

	if (vma && vma->vm_start <= ip && vma->vm_file)
		printk(KERN_CONT "%s%s[%lx+%lx]", prefix, vma->vm_file->name, vma->vm_start,
		       vma->vm_end - vma->vm_start);
}

/* show_user_code - Linux's "Code:" line for a user EIP (read with copy_from_user). */
void show_user_code(const char *loglvl, unsigned long ip)
{
	enum { before = 42, after = 22 };
	u8 code[before + after];
	char line[3 * (before + after) + 16];
	int n = 0;
	unsigned int i;

	if (ip < before || copy_from_user(code, (void __user *)(ip - before), sizeof(code))) {
		printk("%sCode: Unable to access opcode bytes at 0x%lx.\n", loglvl, ip - before);
		return;
	}
	for (i = 0; i < before + after; i++)
		n += scnprintf(line + n, sizeof(line) - n, i == before ? "<%02x> " : "%02x ",
			       code[i]);
	printk("%sCode: %s\n", loglvl, line);
}

/*
 * SIGSEGV for a bad user access (@si_code: SEGV_MAPERR, no mapping there;
 * SEGV_ACCERR, one that forbids it).  Linux's line only when the program
 * has no handler for it: then the process dies.
 */
static void bad_area(struct pt_regs *regs, unsigned long err, unsigned long address,
		     int si_code)
{
	struct task_struct *tsk = current;
	const char *loglvl = tsk->pid > 1 ? KERN_INFO : KERN_EMERG;

	tsk->trap_nr = X86_TRAP_PF;
	tsk->error_code = err;
	tsk->cr2 = address;
	if (!unhandled_signal(tsk, SIGSEGV))
		goto out;
	printk("%s%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx", loglvl, tsk->comm,
	       tsk->pid, address, regs->ip, regs->sp, err);
	print_vma_addr(" in ", regs->ip);
	printk(KERN_CONT "\n");
	show_user_code(loglvl, regs->ip);
out:
	force_sig_fault(SIGSEGV, si_code, address);
}

// The OOM killer's report for the one process it can choose: current.
static void pagefault_out_of_memory(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:0 pgtables:%lukB oom_score_adj:0\n",
	       tsk->pid, tsk->comm, mm->total_vm << (PAGE_SHIFT - 10),
	       mm->rss_stat[MM_ANONPAGES] << (PAGE_SHIFT - 10),
	       mm->rss_stat[MM_FILEPAGES] << (PAGE_SHIFT - 10),
	       mm->rss_stat[MM_SHMEMPAGES] << (PAGE_SHIFT - 10), mm->pgtables_bytes >> 10);
	force_fatal_sig(SIGKILL);
}

// Does @vma allow the access described by the error code @err?
static bool access_error(unsigned long err, const struct vm_area_struct *vma)
{
	if (err & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (err & X86_PF_PROT)		/* a read of a present page: PROT_NONE? */
		return !(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE));
	return !(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE));
}

/* What do_user_addr_fault() found: the fault is resolved, or which signal it is. */
enum { FAULT_DONE, FAULT_MAPERR = SEGV_MAPERR, FAULT_ACCERR = SEGV_ACCERR, FAULT_SIGBUS };

/*
 * do_user_addr_fault - a fault at a user address, from ring 3 or from the
 * kernel's uaccess code.  Return: FAULT_DONE when resolved (the instruction
 * is retried); FAULT_MAPERR (no VMA there), FAULT_ACCERR (the VMA forbids
 * the access) or FAULT_SIGBUS (a file page beyond the file's end).
 */
static int do_user_addr_fault(struct pt_regs *regs, unsigned long err, unsigned long address)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	vm_fault_t fault;

	if (!mm || address >= TASK_SIZE)
		return FAULT_MAPERR;
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	vma = find_vma(mm, address);
	if (!vma)
		return FAULT_MAPERR;
	if (vma->vm_start > address && expand_stack(vma, address))
		return FAULT_MAPERR;
	if (access_error(err, vma))
		return FAULT_ACCERR;
	fault = handle_mm_fault(vma, address, ((err & X86_PF_WRITE) ? FAULT_FLAG_WRITE : 0) |
				(user_mode(regs) ? FAULT_FLAG_USER : 0));
	if (fault & VM_FAULT_OOM) {
		pagefault_out_of_memory();
		/* ring 3 dies on its way out; uaccess takes its fixup (-EFAULT) */
		return user_mode(regs) ? FAULT_DONE : FAULT_MAPERR;
	}
	if (fault & VM_FAULT_SIGBUS)
		return FAULT_SIGBUS;
	if (fault & VM_FAULT_SIGSEGV)
		return FAULT_MAPERR;
	return FAULT_DONE;
}

/*
 * do_page_fault - a user fault, a uaccess fault resolved like one, an
 * exception-table instruction resumed at its fixup, or an oops.  The fixup
 * applies while an oops is being printed too: that is when show_code()
 * reads the bytes at a wild EIP with copy_from_kernel_nofault(), and its
 * fault must come back as -EFAULT, not as a recursive fault that ends the
 * oops before its registers.
 */
void do_page_fault(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;

	if (user_mode(regs)) {
		int bad = do_user_addr_fault(regs, err, address);

		if (bad == FAULT_SIGBUS)	/* Linux prints nothing for it */
			force_sig_fault(SIGBUS, BUS_ADRERR, address);
		else if (bad)
			bad_area(regs, err, address, bad);
		return;
	}
	if (!oops_in_progress && address < TASK_SIZE && current->mm &&
	    search_exception_tables(regs->ip) && do_user_addr_fault(regs, err, address) == FAULT_DONE)
		return;
	if (fixup_exception(regs))
		return;
	page_fault_oops(regs, regs->error_code, address);
}
