// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c - the end of a process: do_exit, and wait4 to reap it.
 *
 * do_exit() gives back everything the process owned while it can still
 * run: its address space (exit_mm: every page, page table and VMA, then
 * the page directory, once CR3 has been moved to swapper_pg_dir), its open
 * files.  It prints one line with its status, becomes a zombie, wakes its
 * parent and switches away for good.  Only its task_struct and kernel
 * stack are left: the stack is in use until the very last switch, so the
 * parent frees them when it reaps the zombie in wait4 (release_task).
 *
 * The exit line (one per process, documented in docs/user-space.md):
 *
 *   exit: mallocdemo[1] exited with status 0 (min_flt 61, cow 0)
 *   exit: segv[2] killed by signal 11 (SIGSEGV) (min_flt 12, cow 0)
 *
 * Children of an exiting process go to task 0, which reaps them.  Children
 * of a process that ignores SIGCHLD (or set SA_NOCLDWAIT) reap themselves:
 * nobody will wait4() for them, so they leave no zombie (autoreap).
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/fault-inject.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <linux/string.h>
#include <linux/resource.h>

// Leave the address space: back to the kernel's page directory, then free it.
static void exit_mm(void)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return;
	local_irq_disable();
	switch_mm(mm, NULL);
	current->mm = current->active_mm = NULL;
	local_irq_enable();
	mmput(mm);
}

// Our children become task 0's: it reaps them (Linux: the child reaper).
static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *p, *n;

	list_for_each_entry_safe(p, n, &father->children, sibling) {
		p->parent = &init_task;
		list_move_tail(&p->sibling, &init_task.children);
		if (p->exit_state == EXIT_ZOMBIE)
			wake_up(&init_task.wait_chldexit);
	}
}

/**
 * do_exit - end the current process
 * @code: its wait status: (exit code << 8), or the signal that killed it
 *
 * Never returns.  Task 0 must never call it.
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;
	int sig = code & 0x7f;

	if (!tsk->pid)
		panic("do_exit: task 0 (the boot context) cannot exit");
	tsk->flags |= PF_EXITING;
	if (unlikely(tsk->fail_nth))
		set_fail_nth(tsk, 0);	/* a count still running ends with it */
	if (sig)
		tsk->flags |= PF_SIGNALED;
	local_irq_enable();
	if (tsk->clear_child_tid && tsk->mm) {
		u32 zero = 0;

		/* a bad address here is the program's problem: ignored, as in Linux */
		(void)!copy_to_user((void __user *)tsk->clear_child_tid, &zero, sizeof(zero));
	}
	if (tsk->mm) {
		proc_dump_exit(tsk);	/* dump=maps,status: its tables, while they are whole */
		setmax_mm_hiwater_rss(&tsk->maxrss, tsk->mm);	/* its ru_maxrss */
	}
	exit_mm();
	if (tsk->files) {
		put_files(tsk->files);
		tsk->files = NULL;
	}
	if (sig)
		pr_info("exit: %s[%d] killed by signal %d (%s) (min_flt %lu, cow %lu)\n",
			tsk->comm, tsk->pid, sig, signal_name(sig), tsk->min_flt, tsk->cow_flt);
	else
		pr_info("exit: %s[%d] exited with status %ld (min_flt %lu, cow %lu)\n",
			tsk->comm, tsk->pid, (code >> 8) & 0xff, tsk->min_flt, tsk->cow_flt);

	local_irq_disable();
	flush_signals(tsk);		/* the real-time ones queued go back to their cache */
	forget_original_parent(tsk);
	tsk->exit_code = code;
	tsk->exit_state = EXIT_ZOMBIE;
	complete_vfork_done(tsk);
	/*
	 * A parent that ignores SIGCHLD (or set SA_NOCLDWAIT) never reaps: the
	 * task leaves its children now, and the switch away from it frees it
	 * (finish_task_switch).  Its wait4() goes on until none is left, then
	 * gives ECHILD.
	 */
	if (do_notify_parent(tsk, code)) {
		list_del_init(&tsk->sibling);
		tsk->exit_state = EXIT_DEAD;
	}
	wake_up(&tsk->parent->wait_chldexit);
	tsk->__state = TASK_UNINTERRUPTIBLE;
	schedule();
	panic("do_exit: a dead task (pid %d) was scheduled", tsk->pid);
}

void __noreturn do_group_exit(int exit_code)
{
	do_exit(exit_code);
}

/*
 * What zombie @p used, and what its own reaped children used, becomes
 * part of what the reaper's children used (getrusage(RUSAGE_CHILDREN)).
 * Interrupts off.
 */
static void account_reaped_child(struct task_struct *reaper, const struct task_struct *p)
{
	reaper->cutime += p->utime + p->cutime;
	reaper->cstime += p->stime + p->cstime;
	reaper->cmin_flt += p->min_flt + p->cmin_flt;
	reaper->cmaj_flt += p->maj_flt + p->cmaj_flt;
	reaper->cnvcsw += p->nvcsw + p->cnvcsw;
	reaper->cnivcsw += p->nivcsw + p->cnivcsw;
	reaper->cmaxrss = max3(reaper->cmaxrss, p->maxrss, p->cmaxrss);
}

/*
 * release_task - reap zombie @p (wait4), or free @p whose parent does not
 * reap (EXIT_DEAD, from finish_task_switch): its last memory goes back.
 * Interrupts off.
 */
void release_task(struct task_struct *p)
{
	list_del(&p->sibling);
	list_del(&p->tasks);
	p->exit_state = EXIT_DEAD;
	free_task(p);
}

struct wait_opts {
	pid_t pid;
	struct task_struct *found;	/* a zombie that matches */
	bool any;			/* some child matches at all */
};

/* wait4's @pid: a child's PID; -1 any child; 0 our process group; -PGID that group. */
static bool child_matches(const struct task_struct *p, pid_t pid)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	return p->pgid == (pid ? -pid : current->pgid);
}

// Is there a zombie child to reap?  Interrupts off.
static bool wait_consider(void *arg)
{
	struct wait_opts *wo = arg;
	struct task_struct *p;

	wo->any = false;
	list_for_each_entry(p, &current->children, sibling) {
		if (!child_matches(p, wo->pid))
			continue;
		wo->any = true;
		if (p->exit_state == EXIT_ZOMBIE) {
			wo->found = p;
			return true;
		}
	}
	return !wo->any;	/* no such child: stop waiting */
}

/**
 * kernel_wait4 - wait for a child to exit, and reap it
 * @pid: a child's PID; -1 for any child; 0 for any in our process group,
 *	-PGID for any in process group PGID
 * @stat_addr: where to store its wait status, or NULL
 * @options: WNOHANG, or 0
 * @user: @stat_addr is a user pointer
 * @ru: if not NULL, what the child used (with its own reaped children)
 * Return: the child's PID; 0 with WNOHANG and none ready; -ECHILD;
 * -EFAULT; -EINVAL for unknown options; -ERESTARTSYS when a signal came.
 */
long kernel_wait4(pid_t pid, int *stat_addr, int options, bool user, struct rusage *ru)
{
	struct wait_opts wo = { .pid = pid };
	unsigned long flags;
	pid_t ret;
	int status;

	if (options & ~(WNOHANG | __WALL | 2 /* WUNTRACED */ | 8 /* WCONTINUED */))
		return -EINVAL;
	local_irq_save(flags);
	if (options & WNOHANG)
		wait_consider(&wo);
	else if (wait_event_interruptible_irqoff(&current->wait_chldexit, wait_consider, &wo)) {
		local_irq_restore(flags);
		return -ERESTARTSYS;	/* a signal came: -EINTR, or again (SA_RESTART) */
	}
	if (!wo.found) {
		local_irq_restore(flags);
		return wo.any ? 0 : -ECHILD;
	}
	ret = wo.found->pid;
	status = wo.found->exit_code;
	if (ru)
		getrusage(wo.found, RUSAGE_BOTH, ru);
	account_reaped_child(current, wo.found);
	release_task(wo.found);
	local_irq_restore(flags);
	vfree_deferred_drain();		/* the child's kernel stack (free_thread_stack) */
	if (stat_addr) {
		if (user) {
			if (put_user(status, (int __user *)stat_addr))
				return -EFAULT;
		} else {
			*stat_addr = status;
		}
	}
	return ret;
}
