// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fork.c - making tasks: fork, vfork, clone(SIGCHLD), and the
 * kernel's own way to start a program.
 *
 * A new task gets a task_struct (from its slab cache), a kernel stack
 * (alloc_thread_stack_node: THREAD_SIZE = 16 KB of vmalloc memory with a
 * guard page below it, as Linux's CONFIG_VMAP_STACK), a PID, and either a copy of
 * its parent's address space or none yet (a program the kernel starts
 * gets its mm from execve).
 *
 * The copy is the heart of fork, and it copies almost nothing (dup_mm):
 * every VMA is duplicated, but the pages are shared.  copy_page_range()
 * (mm/memory.c) points the child's PTEs at the parent's pages, takes a
 * reference on each, and write-protects private writable pages in BOTH
 * page tables.  The first write by either process then faults, and
 * do_wp_page() copies that one page: copy-on-write.  A page that is no
 * longer shared (refcount 1) is simply made writable again.
 *
 * copy_thread() builds the child's kernel stack so that its first switch
 * lands in ret_from_fork (kernel/entry.asm) and leaves for ring 3 with a
 * copy of its parent's user registers, eax = 0: fork() returns 0 there.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/vmstat.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <asm/segment.h>
#include <asm/processor.h>

extern char ret_from_fork[], ret_from_kernel_thread[];

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *mm_cachep;
static pid_t last_pid;
unsigned long total_forks;

/*
 * max_threads - as many tasks as kernel stacks would fill an eighth of RAM
 * (Linux's set_max_threads(), at least 20); RLIMIT_NPROC and
 * RLIMIT_SIGPENDING are half of it (kernel/sys.c).  mm386's stacks are
 * 16 KB, twice Linux i386's, so the figure is half Linux's at the same RAM.
 */
unsigned long max_threads;

void fork_init(void)
{
	max_threads = max(totalram_pages() / (8 * (THREAD_SIZE / PAGE_SIZE)), 20UL);
	task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 16,
					       SLAB_PANIC, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0, SLAB_PANIC,
				      NULL);
	vm_area_cache_init();
}

/**
 * alloc_thread_stack_node - give @tsk its kernel stack
 *
 * THREAD_SIZE bytes of vmalloc memory, THREAD_SIZE-aligned, as Linux's
 * CONFIG_VMAP_STACK: the page below the stack is the guard page of the
 * area before it, or free vmalloc space - unmapped either way.  A stack
 * overflow then faults at once instead of writing over whatever lowmem
 * lies below (the page fault that cannot be delivered becomes a double
 * fault, kernel/doublefault.c).  The pages themselves need not be
 * contiguous, and come from HighMem when there is some.
 * Return: the stack's lowest address, or NULL.
 */
unsigned long *alloc_thread_stack_node(struct task_struct *tsk)
{
	void *stack = __vmalloc_node_range(THREAD_SIZE, THREAD_SIZE, VMALLOC_START, VMALLOC_END,
					   GFP_KERNEL | __GFP_HIGHMEM, PAGE_KERNEL, 0,
					   __builtin_return_address(0));

	tsk->stack = stack;
	if (stack)
		mod_vm_stat(NR_KERNEL_STACK_KB, THREAD_SIZE / 1024);
	return stack;
}

/*
 * free_thread_stack - give back what alloc_thread_stack_node() took.  The
 * reaper holds interrupts off, so the vfree is deferred (vfree_atomic; as
 * Linux frees a dead task's vmap stack after an RCU grace period), and
 * kernel_wait4() drains it once interrupts are back on.
 */
void free_thread_stack(struct task_struct *tsk)
{
	if (tsk->stack)
		mod_vm_stat(NR_KERNEL_STACK_KB, -(long)(THREAD_SIZE / 1024));
	vfree_atomic(tsk->stack);
	tsk->stack = NULL;
}

/* free_task - the last of a reaped task: its stack and task_struct. */
void free_task(struct task_struct *tsk)
{
	free_thread_stack(tsk);
	kmem_cache_free(task_struct_cachep, tsk);
}

/* nr_threads - how many tasks exist besides task 0, zombies included (Linux's nr_threads). */
unsigned int nr_threads(void)
{
	struct task_struct *t;
	unsigned long flags;
	unsigned int n = 0;

	local_irq_save(flags);
	list_for_each_entry(t, &task_list, tasks)
		n += t != &init_task;
	local_irq_restore(flags);
	return n;
}

/* find_task_by_pid - the task with @pid (zombies too), or NULL. */
struct task_struct *find_task_by_pid(pid_t pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

// The next free PID: counting up from 1, as Linux's pid allocator does.
static pid_t alloc_pid(void)
{
	do {
		if (++last_pid >= 32768)	/* pid_max */
			last_pid = 1;
	} while (find_task_by_pid(last_pid));
	return last_pid;
}

/**
 * mm_alloc - a new, empty address space: a page directory with the
 * kernel's gigabyte in it, no VMAs.  Return: the mm, or NULL.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->mmap_list);
	mm->mm_users = 1;
	mm->task_size = TASK_SIZE;
	if (pgd_alloc(mm)) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/*
 * check_mm - once exit_mmap() has zapped every VMA, @mm's counters must
 * be back at 0.  A page still counted was mapped outside every VMA (the
 * VMA that covered it was lost): it can never be freed.  Linux's words.
 */
static void check_mm(struct mm_struct *mm)
{
	static const char *const names[NR_MM_COUNTERS] = {
		"MM_FILEPAGES", "MM_ANONPAGES", "MM_SWAPENTS", "MM_SHMEMPAGES",
	};
	int i;

	for (i = 0; i < NR_MM_COUNTERS; i++)
		if (mm->rss_stat[i])
			pr_alert("BUG: Bad rss-counter state mm:%p type:%s val:%ld\n", mm,
				 names[i], mm->rss_stat[i]);
	if (mm->pgtables_bytes)
		pr_alert("BUG: non-zero pgtables_bytes on freeing mm: %ld\n",
			 (long)mm->pgtables_bytes);
}

/**
 * mmput - drop a user of @mm; the last one frees every VMA, page, page
 * table and the page directory (exit_mmap, pgd_free).
 */
void mmput(struct mm_struct *mm)
{
	if (--mm->mm_users)
		return;
	exit_mmap(mm);
	check_mm(mm);
	pgd_free(mm);
	kmem_cache_free(mm_cachep, mm);
}

/*
 * dup_mm - the child's copy of @oldmm for fork: its VMAs duplicated, its
 * pages shared copy-on-write.  Return: the new mm, or NULL (nothing left
 * behind).
 */
static struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *tmp;
	long charge;

	if (!mm)
		return NULL;
	memcpy(&mm->mmap_base, &oldmm->mmap_base,
	       sizeof(*mm) - offsetof(struct mm_struct, mmap_base));
	memset(mm->rss_stat, 0, sizeof(mm->rss_stat));
	mm->pgtables_bytes = 0;
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	for_each_vma(oldmm, vma) {
		charge = 0;
		if (vma->vm_flags & VM_DONTCOPY)
			continue;		/* madvise(MADV_DONTFORK): not the child's */
		/* the child's copy is a promise of its own (Committed_AS) */
		if (vma->vm_flags & VM_ACCOUNT) {
			charge = vma_pages(vma);
			if (security_vm_enough_memory_mm(oldmm, charge))
				goto fail;
		}
		tmp = vm_area_alloc(mm);
		if (!tmp)
			goto fail_unacct;
		*tmp = *vma;
		tmp->vm_mm = mm;
		INIT_LIST_HEAD(&tmp->vm_list);
		if (insert_vm_struct(mm, tmp)) {
			vm_area_free(tmp);
			goto fail_unacct;
		}
		if (tmp->vm_ops && tmp->vm_ops->open)
			tmp->vm_ops->open(tmp);	/* the child maps the driver's memory too */
		if (!(tmp->vm_flags & VM_WIPEONFORK) && copy_page_range(mm, oldmm, tmp))
			goto fail;		/* MADV_WIPEONFORK: the child's starts empty */
	}
	mm->hiwater_rss = get_mm_rss(mm);
	mm->hiwater_vm = mm->total_vm;
	return mm;
fail_unacct:
	vm_unacct_memory(charge);
fail:
	mmput(mm);		/* exit_mmap takes back the copied VMAs' promises */
	return NULL;
}

/*
 * copy_thread - build @p's kernel stack: its user registers (@regs with
 * eax 0) at the top, and under them the frame __switch_to_asm pops,
 * returning to ret_from_fork.  For a kernel-started task (@fn set), the
 * frame returns to ret_from_kernel_thread, which calls @fn(@arg) first.
 */
static void copy_thread(struct task_struct *p, const struct pt_regs *regs,
			int (*fn)(void *), void *arg)
{
	struct pt_regs *childregs = task_pt_regs(p);
	unsigned long *frame = (unsigned long *)childregs - 5;

	if (regs) {
		*childregs = *regs;
		childregs->ax = 0;
	} else {
		memset(childregs, 0, sizeof(*childregs));
	}
	frame[0] = (unsigned long)arg;		/* edi */
	frame[1] = 0;				/* esi */
	frame[2] = (unsigned long)fn;		/* ebx */
	frame[3] = 0;				/* ebp: the call trace ends here */
	frame[4] = (unsigned long)(fn ? ret_from_kernel_thread : ret_from_fork);
	p->thread.sp = (unsigned long)frame;
	p->thread.sp0 = task_stack_top(p);
}

/*
 * copy_process - a new task, a copy of current (with its own copy of the
 * address space when @regs says it is a fork from user space).
 */
static struct task_struct *copy_process(const struct pt_regs *regs, int (*fn)(void *),
					void *arg)
{
	struct task_struct *p = kmem_cache_zalloc(task_struct_cachep, GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (!alloc_thread_stack_node(p)) {
		kmem_cache_free(task_struct_cachep, p);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	init_waitqueue_head(&p->wait_chldexit);
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->thread.tls_array, current->thread.tls_array, sizeof(p->thread.tls_array));
	p->make_it_fail = current->make_it_fail;	/* Linux copies the whole task */
	copy_signal_state(p, current);
	/* The parent's live FPU registers: its thread.fxsave is stale while it runs. */
	__asm__ __volatile__("fxsave %0" : "=m"(p->thread.fxsave));
	p->__state = TASK_UNINTERRUPTIBLE;
	p->start_time = jiffies;
	if (current->mm) {
		p->mm = dup_mm(current->mm);
		if (!p->mm)
			goto fail;
	}
	p->files = current->files ? dup_files(current->files) : files_alloc_console();
	if (!p->files)
		goto fail;
	copy_thread(p, regs, fn, arg);
	p->pid = alloc_pid();
	p->pgid = current->pgid;
	p->parent = current;
	list_add_tail(&p->sibling, &current->children);
	list_add_tail(&p->tasks, &task_list);
	total_forks++;
	return p;
fail:
	if (p->mm)
		mmput(p->mm);
	free_task(p);
	return ERR_PTR(-ENOMEM);
}

/*
 * complete_vfork_done - @tsk, a vfork child, has exec'd or is exiting: its
 * parent, asleep in kernel_clone(), may go on.  The flag it waits for is the
 * parent's own, as Linux's completion is: @tsk may be freed before the parent
 * runs again.  Nothing to do for any other task.
 */
void complete_vfork_done(struct task_struct *tsk)
{
	if (!tsk->vfork_parent)
		return;
	WRITE_ONCE(*tsk->vfork_done, true);
	wake_up_process(tsk->vfork_parent);
	tsk->vfork_parent = NULL;
	tsk->vfork_done = NULL;
}

/**
 * kernel_clone - fork current (fork, vfork, clone with SIGCHLD)
 * @args: CLONE_VFORK makes the parent wait until the child has exec'd or
 *	exited (the child still gets a copy-on-write copy of the address
 *	space: Linux shares it outright, CLONE_VM); CLONE_PARENT_SETTID
 *	stores the child's PID in the parent, CLONE_CHILD_SETTID in the child
 *	(when it first runs: schedule_tail), CLONE_CHILD_CLEARTID clears it at
 *	the child's exit (glibc's fork asks for both)
 * Return: the child's PID in the parent, or -errno.
 */
long kernel_clone(const struct kernel_clone_args *args)
{
	struct task_struct *p = copy_process(args->regs, NULL, NULL);
	bool vfork_done = false;	/* set by the child (complete_vfork_done) */
	pid_t pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_CHILD_SETTID)
		p->set_child_tid = (unsigned long)args->child_tid;
	if (args->flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (unsigned long)args->child_tid;
	if (args->flags & CLONE_PARENT_SETTID)
		(void)!put_user(pid, args->parent_tid);	/* a bad pointer: ignored, as Linux */
	if (args->flags & CLONE_VFORK) {
		p->vfork_parent = current;
		p->vfork_done = &vfork_done;
	}
	/* From here on @p may run, exit and even be reaped (SIGCHLD ignored): not touched again. */
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK) {
		unsigned long flags;

		local_irq_save(flags);
		while (!READ_ONCE(vfork_done)) {
			set_current_state(TASK_INTERRUPTIBLE);
			schedule();
		}
		__set_current_state(TASK_RUNNING);
		local_irq_restore(flags);
	}
	return pid;
}

#define RUN_MAX_ARGS	16

/* What a program the kernel starts gets: its own copy (the caller may return at once). */
struct run_program_args {
	char file[RAMFS_NAME_LEN];
	const char *argv[RUN_MAX_ARGS + 2];
	char strings[RAMFS_ARGS_LEN + RAMFS_NAME_LEN];
};

int kernel_execve(const char *file, const char *const *argv);

// The first code of a program the kernel starts: exec it, or exit.
static int run_program_thread(void *data)
{
	struct run_program_args *a = data;
	int err = kernel_execve(a->file, a->argv), sig;

	kfree(a);
	if (err)
		do_exit((err == -ENOENT ? 127 : 126) << 8);
	sig = fatal_signal_pending(current);
	if (sig)	/* the loader failed after the point of no return */
		do_exit(sig);
	return 0;	/* ret_from_kernel_thread goes to ring 3 */
}

/**
 * kernel_run_program - start program @file from the kernel (task 0's child)
 * @argv: its arguments, argv[0] first, NULL-terminated (copied: at most
 *	RUN_MAX_ARGS, and RAMFS_ARGS_LEN bytes of strings)
 *
 * The new task execs @file; if that fails it exits with 126 (127: no
 * such file), as a shell would.  It leads a process group of its own
 * (pgid = its PID), which its children inherit: run_program() waits for
 * that whole job.  Return: its PID, or -errno (-E2BIG: too many arguments).
 */
pid_t kernel_run_program(const char *file, const char *const *argv)
{
	struct run_program_args *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct task_struct *p;
	size_t used = 0;
	int i;

	if (!a)
		return -ENOMEM;
	strscpy(a->file, file, sizeof(a->file));
	for (i = 0; argv[i]; i++) {
		size_t len = strlen(argv[i]) + 1;

		if (i == RUN_MAX_ARGS + 1 || len > sizeof(a->strings) - used) {
			kfree(a);
			return -E2BIG;
		}
		memcpy(a->strings + used, argv[i], len);
		a->argv[i] = a->strings + used;
		used += len;
	}
	p = copy_process(NULL, run_program_thread, a);
	if (IS_ERR(p)) {
		kfree(a);
		return PTR_ERR(p);
	}
	strscpy(p->comm, file, sizeof(p->comm));
	p->pgid = p->pid;	/* a job of its own, as a shell's setpgid(0, 0) */
	wake_up_new_task(p);
	return p->pid;
}
