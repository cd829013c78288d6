// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c - schedule(): which task runs, and the switch.
 *
 * One CPU, a round-robin run queue, and Linux's rules without
 * CONFIG_PREEMPT:
 *
 *   - a task in the kernel runs until it blocks (it sleeps on a wait
 *     queue and calls schedule(): wait4, exit, a console read);
 *   - a task in user mode is preempted: each timer tick takes one from its
 *     time slice, and when that is used up need_resched is set, which
 *     exit_to_user_mode() acts on just before the return to ring 3;
 *   - when no task can run, schedule() idles (sti; hlt) in the context of
 *     the task that blocked, until an interrupt wakes somebody.
 *
 * The switch itself (context_switch): the next task's kernel stack goes
 * into the TSS (update_task_stack), its page directory into CR3 when its
 * address space differs (switch_mm), its TLS descriptors into the GDT
 * (load_TLS), its FPU/SSE registers are restored after the previous
 * task's are saved (fxsave/fxrstor, eagerly at every switch: the kernel
 * itself never touches the FPU), and __switch_to_asm swaps the stacks.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/rcupdate.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/desc.h>
#include <asm/processor.h>

extern char init_stack[];
void *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp, void *prev);

/* Task 0: the boot context, the shell, and the idle loop. */
struct task_struct init_task __aligned(16) = {
	.__state = TASK_RUNNING,
	.stack = init_stack,
	.comm = "swapper/0",
	.pid = 0,
	.on_rq = 1,
	.time_slice = TIMESLICE_TICKS,
};
struct task_struct *current_task = &init_task;

LIST_HEAD(task_list);			/* every task, by ->tasks */
static LIST_HEAD(runqueue);		/* runnable tasks, by ->run_list */
bool need_resched;
unsigned long nr_context_switches;

void sched_init(void)
{
	struct task_struct *t = &init_task;

	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	init_waitqueue_head(&t->wait_chldexit);
	list_add_tail(&t->tasks, &task_list);
	list_add_tail(&t->run_list, &runqueue);
	t->thread.sp0 = task_stack_top(t);
	t->active_mm = NULL;
}

// Put @p on the run queue's tail.  Interrupts off.
static void enqueue_task(struct task_struct *p)
{
	if (p->on_rq)
		return;
	list_add_tail(&p->run_list, &runqueue);
	p->on_rq = 1;
}

/**
 * wake_up_process - make a sleeping task runnable again
 * @p: the task; nothing happens if it is already runnable
 *
 * Safe from interrupt handlers.  The woken task runs when the current
 * one blocks or (in user mode) uses up its time slice.
 */
void wake_up_process(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	if (p->__state != TASK_RUNNING && !p->exit_state) {
		p->__state = TASK_RUNNING;
		enqueue_task(p);
	}
	local_irq_restore(flags);
}

/* wake_up_new_task - a task made by kernel_clone() joins the run queue. */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	p->__state = TASK_RUNNING;
	p->time_slice = TIMESLICE_TICKS;
	enqueue_task(p);
	local_irq_restore(flags);
}

/*
 * context_switch - leave @prev, continue @next where it stopped.
 * Interrupts off.  Returns (in @next's context) the task switched from.
 */
static struct task_struct *context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;

	next->active_mm = next->mm;
	if (next->mm != oldmm)
		switch_mm(oldmm, next->mm);
	update_task_stack(task_stack_top(next));
	load_TLS(&next->thread);
	__asm__ __volatile__("fxsave %0" : "=m"(prev->thread.fxsave));
	__asm__ __volatile__("fxrstor %0" : : "m"(next->thread.fxsave));
	nr_context_switches++;
	current_task = next;
	return __switch_to_asm(&prev->thread.sp, next->thread.sp, prev);
}

/*
 * finish_task_switch - the first thing after a switch, in the new task:
 * @prev, the task switched away from, is freed now if it was a dead task
 * that nobody will reap (do_exit() with SIGCHLD ignored by its parent).
 * Until the switch it was running on its own kernel stack.  Interrupts off.
 */
static __always_inline void finish_task_switch(struct task_struct *prev)
{
	if (unlikely(prev->exit_state == EXIT_DEAD))
		release_task(prev);
}

/*
 * schedule_tail - the first thing a new task does (ret_from_fork): the
 * switch that started it ran with interrupts off; turn them on, as
 * Linux's finish_task_switch() does.
 */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
	local_irq_enable();
	if (current->set_child_tid)	/* clone(CLONE_CHILD_SETTID): a COW write, in the child */
		(void)!put_user(current->pid, (int __user *)current->set_child_tid);
}

/**
 * schedule - give the CPU to the next runnable task
 *
 * If current is no longer TASK_RUNNING it leaves the run queue (it sleeps
 * until wake_up_process); otherwise it goes to the queue's tail.  With
 * nothing runnable, the CPU halts until an interrupt makes a task
 * runnable.  Never call it with preemption disabled or in an interrupt.
 */
void schedule(void)
{
	struct task_struct *prev = current, *next;
	unsigned long flags;

	if (WARN(preempt_count(), "schedule() with preempt_count %#lx\n", preempt_count()))
		return;
	rcu_note_context_switch(false);	/* a quiescent state (kernel/rcu/tiny.c) */
	local_irq_save(flags);
	need_resched = false;
	if (prev->__state != TASK_RUNNING) {
		if (prev->on_rq) {
			list_del(&prev->run_list);
			prev->on_rq = 0;
		}
		prev->nvcsw++;
	} else if (prev->on_rq) {
		list_move_tail(&prev->run_list, &runqueue);
	}
	while (list_empty(&runqueue)) {
		safe_halt();		/* sti; hlt: an interrupt may wake someone */
		local_irq_disable();
	}
	next = list_first_entry(&runqueue, struct task_struct, run_list);
	next->time_slice = TIMESLICE_TICKS;
	if (next != prev)
		finish_task_switch(context_switch(prev, next));
	local_irq_restore(flags);
}

/**
 * yield - let every other runnable task run before current goes on
 *
 * Current stays runnable and goes to the run queue's tail.  The shell
 * does it before each prompt, so a program it started in the background
 * has its turn (and prints) before the next line is read.
 */
void yield(void)
{
	schedule();
}

/* nr_running_others - how many tasks besides current are runnable now. */
unsigned int nr_running_others(void)
{
	struct task_struct *p;
	unsigned long flags;
	unsigned int n = 0;

	local_irq_save(flags);
	list_for_each_entry(p, &runqueue, run_list)
		n += p != current;
	local_irq_restore(flags);
	return n;
}

/* nr_running - how many tasks are runnable now, current included if it is (on_rq). */
unsigned int nr_running(void)
{
	return nr_running_others() + current->on_rq;
}

long sys_sched_yield(void)
{
	yield();
	return 0;
}

/* wake_up - make every task sleeping on @wq runnable. */
void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
	local_irq_restore(flags);
}

// Sleep on @wq until @cond(@arg), or (@interruptible) until a signal is pending.
static int __wait_event(struct wait_queue_head *wq, bool (*cond)(void *arg), void *arg,
			bool interruptible)
{
	struct wait_queue_entry w = { .task = current };
	int ret = 0;

	list_add_tail(&w.entry, &wq->head);
	while (!cond(arg)) {
		if (interruptible && signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();		/* returns with interrupts off, as called */
	}
	__set_current_state(TASK_RUNNING);
	list_del(&w.entry);
	return ret;
}

void wait_event_irqoff(struct wait_queue_head *wq, bool (*cond)(void *arg), void *arg)
{
	__wait_event(wq, cond, arg, false);
}

int wait_event_interruptible_irqoff(struct wait_queue_head *wq, bool (*cond)(void *arg),
				    void *arg)
{
	return __wait_event(wq, cond, arg, true);
}

/*
 * scheduler_tick - from the timer interrupt: charge the running task one
 * tick; a user task that used up its slice is preempted on its way back
 * to ring 3 (only when someone else wants the CPU).
 */
void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p->mm && --p->time_slice <= 0 && !list_is_singular(&runqueue))
		need_resched = true;
}

/*
 * exit_to_user_mode - the last stop before ring 3 (do_entry): a used-up
 * time slice gives the CPU away; a pending signal is acted on (a handler's
 * frame, or the end of the task), and an interrupted system call is
 * settled (kernel/signal_32.c).
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	for (;;) {
		if (need_resched) {
			current->nivcsw++;
			schedule();
		} else if (signal_work(regs)) {	/* also a signal sent while we were preempted */
			arch_do_signal_or_restart(regs);
		} else {
			return;
		}
	}
}
