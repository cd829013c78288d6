// SPDX-License-Identifier: GPL-2.0
/*
 * fs/exec.c - execve(): a process gets a new program.
 *
 * The arguments and the environment are copied into the kernel first (the
 * old address space, where they live, is about to go).  The ELF loader
 * (fs/binfmt_elf.c) checks the file, then calls begin_new_exec(): the
 * point of no return, where the process drops its old mm for a new, empty
 * one (kernel half only).  The loader maps the program, and
 * setup_arg_pages() makes the stack: a VMA that ends at STACK_TOP
 * (0xc0000000) and grows down, with the file name, the environment and
 * the argument strings at its very top, as Linux lays them out:
 *
 *   0xc0000000  end of user space
 *   -4          a NULL word
 *               the file name (AT_EXECFN points here)
 *               envp strings, argv strings (argv[0] lowest)
 *               16-byte aligned: "i686" (AT_PLATFORM), 16 random bytes
 *               (AT_RANDOM), then auxv, envp[], argv[], argc  <- esp
 *
 * Writing those strings is the first use of the new stack: each page
 * comes by demand paging, through copy_to_user().
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/binfmts.h>
#include <linux/irqflags.h>
#include <asm/segment.h>
#include <asm/desc.h>

#define STACK_EXPAND	(128UL << 10)	/* setup_arg_pages: room below the strings */

static u8 fpu_init_image[FXSAVE_SIZE] __aligned(16);
u32 mxcsr_feature_mask;		/* the MXCSR bits this CPU has: fxrstor faults on others */

/* fpu_init - the FPU and SSE on (CR0, CR4), and the state a new program starts with. */
void fpu_init(void)
{
	u32 mxcsr = 0x1f80;	/* all SSE exceptions masked, as after reset */

	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ __volatile__("fninit; ldmxcsr %0" : : "m"(mxcsr));
	__asm__ __volatile__("fxsave %0" : "=m"(fpu_init_image));
	memcpy(init_task.thread.fxsave, fpu_init_image, FXSAVE_SIZE);
	memcpy(&mxcsr_feature_mask, fpu_init_image + 28, sizeof(u32));	/* MXCSR_MASK */
	if (!mxcsr_feature_mask)
		mxcsr_feature_mask = 0xffbf;	/* a CPU that does not say: the SDM's default */
}

/* fpu_clear_user_state - current's FPU and SSE registers as a new program has them. */
void fpu_clear_user_state(void)
{
	__asm__ __volatile__("fxrstor %0" : : "m"(fpu_init_image));
}

/*
 * begin_new_exec - the point of no return: current gets a new, empty
 * address space (its old one is freed), no TLS descriptors, a clean FPU.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc(), *old = current->mm;
	const char *base = strrchr(bprm->filename, '/');
	unsigned long flags;

	if (!mm)
		return -ENOMEM;
	local_irq_save(flags);
	current->mm = current->active_mm = mm;
	switch_mm(old, mm);
	memset(current->thread.tls_array, 0, sizeof(current->thread.tls_array));
	load_TLS(&current->thread);
	fpu_clear_user_state();
	local_irq_restore(flags);
	flush_signal_handlers(current);
	if (old) {
		setmax_mm_hiwater_rss(&current->maxrss, old);	/* ru_maxrss spans exec */
		mmput(old);
	}
	mm->mmap_base = TASK_SIZE - max(STACK_RLIMIT + stack_guard_gap, 128UL << 20);
	mm->exe_file = bprm->file;
	strscpy(current->comm, base ? base + 1 : bprm->filename, sizeof(current->comm));
	current->clear_child_tid = 0;
	return 0;
}

/*
 * setup_arg_pages - the stack VMA, and the strings at its top.
 * @stack_flags: VM_EXEC if PT_GNU_STACK asks for an executable stack
 */
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long name_len = strlen(bprm->filename) + 1, top = STACK_TOP - sizeof(void *);
	unsigned long size = PAGE_ALIGN(sizeof(void *) + name_len + bprm->strings_len + 64) +
			     STACK_EXPAND;
	struct vm_area_struct *vma = vm_area_alloc(mm);

	if (!vma)
		return -ENOMEM;
	vma->vm_start = STACK_TOP - size;
	vma->vm_end = STACK_TOP;
	vma->vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC |
			VM_GROWSDOWN | VM_ACCOUNT | stack_flags;
	vma->vm_page_prot = vm_get_page_prot(vma->vm_flags);
	/* the stack is promised its pages as any private writable memory is */
	if (security_vm_enough_memory_mm(mm, vma_pages(vma))) {
		vm_area_free(vma);
		return -ENOMEM;
	}
	if (insert_vm_struct(mm, vma)) {
		vm_unacct_memory(vma_pages(vma));
		vm_area_free(vma);
		return -ENOMEM;
	}
	mm->start_stack = STACK_TOP;
	bprm->exec = top - name_len;
	if (copy_to_user((void __user *)bprm->exec, bprm->filename, name_len))
		return -EFAULT;
	bprm->p = bprm->exec - bprm->strings_len;
	if (copy_to_user((void __user *)bprm->p, bprm->strings, bprm->strings_len))
		return -EFAULT;
	mm->arg_start = bprm->p;
	return 0;
}

/* start_thread - the user registers a new program starts with. */
void start_thread(unsigned long ip, unsigned long sp)
{
	struct pt_regs *regs = task_pt_regs(current);

	memset(regs, 0, sizeof(*regs));
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->ip = ip;
	regs->sp = sp;
	regs->flags = X86_EFLAGS_IF | 0x2;
	current->mm->start_stack = sp;
}

/*
 * copy_strings - append the strings of @argv (a user or kernel array of
 * pointers) to bprm->strings.  Return: how many, or -EFAULT / -E2BIG.
 */
static int copy_strings(struct linux_binprm *bprm, const char *const *argv, bool user)
{
	int n = 0;

	if (!argv)
		return 0;
	for (;;) {
		const char *s;
		long len;

		if (user) {
			u32 ptr;

			if (get_user(ptr, (const u32 __user *)(argv + n)))
				return -EFAULT;
			s = (const char *)ptr;
		} else {
			s = argv[n];
		}
		if (!s)
			return n;
		if (user) {
			len = strnlen_user((const char __user *)s, MAX_ARG_STRLEN);
			if (!len)
				return -EFAULT;
			if (len > MAX_ARG_STRLEN || len > ARG_MAX_BYTES - bprm->strings_len)
				return -E2BIG;
			if (copy_from_user(bprm->strings + bprm->strings_len, s, len))
				return -EFAULT;
		} else {
			len = strlen(s) + 1;
			if (len > ARG_MAX_BYTES - bprm->strings_len)
				return -E2BIG;
			memcpy(bprm->strings + bprm->strings_len, s, len);
		}
		bprm->strings_len += len;
		n++;
	}
}

/*
 * do_execve - run @filename with @argv and @envp (user pointers if @user)
 * Return: 0 (the new program runs), or -errno for the old one to see.
 */
static int do_execve(const char *filename, const char *const *argv, const char *const *envp,
		     bool user)
{
	struct linux_binprm bprm = { .filename = filename };
	int err;

	bprm.file = ramfs_lookup(filename);
	if (!bprm.file)
		return -ENOENT;
	bprm.strings = kmalloc(ARG_MAX_BYTES, GFP_KERNEL);
	if (!bprm.strings)
		return -ENOMEM;
	err = bprm.argc = copy_strings(&bprm, argv, user);
	if (err >= 0)
		err = bprm.envc = copy_strings(&bprm, envp, user);
	if (err < 0)
		goto out;
	memset(bprm.buf, 0, sizeof(bprm.buf));
	ramfs_read(bprm.file, bprm.buf, 0, min(bprm.file->size, (unsigned long)BINPRM_BUF_SIZE));
	err = load_elf_binary(&bprm);
	if (!err)
		complete_vfork_done(current);
out:
	kfree(bprm.strings);
	return err;
}

/* kernel_execve - exec from the kernel (a task kernel_run_program made). */
int kernel_execve(const char *filename, const char *const *argv)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/", NULL };

	return do_execve(filename, argv, envp, false);
}

/* sys_execve - execve(2): the file name and both arrays are user pointers. */
long sys_execve(const char __user *filename, const char *const __user *argv,
		const char *const __user *envp)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_execve(name, argv, envp, true);
	putname(name);
	return err;
}
