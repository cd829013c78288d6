/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.h - struct task_struct: one per process, and the scheduler's API.
 *
 * mm386 has processes, not threads: each task has its own address space
 * (struct mm_struct, mm_types.h), its own kernel stack (THREAD_SIZE, with
 * its user registers in a struct pt_regs at the top), a PID and a parent.
 * Task 0, init_task, is the boot context ("swapper"): it runs the boot
 * work and the shell, it has no mm, and it idles when nothing else can
 * run.  User programs get PIDs from 1 on.
 *
 * The kernel is not preemptible (Linux without CONFIG_PREEMPT): a task in
 * the kernel runs until it blocks (wait4, exit, a read with no input...).
 * A task in user mode is preempted when its time slice runs out on the
 * timer tick.  kernel/sched/core.c has schedule() and the wait queues;
 * kernel/fork.c makes tasks, kernel/exit.c ends and reaps them.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <linux/signal.h>
#include <linux/errno.h>

#define TASK_COMM_LEN	16
#define THREAD_SIZE	16384		/* one kernel stack: 4 pages, order 2 */
#define THREAD_SIZE_ORDER 2

/* task->__state (Linux's values) */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
/* task->exit_state */
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020

/* task->flags */
#define PF_EXITING	0x00000004	/* getting shut down */
#define PF_SIGNALED	0x00000400	/* killed by a signal */

#define TIMESLICE_TICKS	10		/* user time slice: 10 timer ticks */

struct mm_struct;
struct files_struct;
struct ramfs_file;

struct task_struct {
	struct thread_struct thread;	/* first: its fxsave area is 16-aligned */
	volatile long __state;		/* TASK_RUNNING or a sleep */
	void *stack;			/* THREAD_SIZE bytes, alloc_thread_stack_node() */
	unsigned int flags;		/* PF_* */
	int on_rq;			/* on the run queue */
	int time_slice;			/* ticks left before a user task is preempted */
	struct list_head run_list;	/* the run queue (kernel/sched/core.c) */
	struct list_head tasks;		/* every task, for ps and /proc */

	struct mm_struct *mm;		/* its address space; NULL for task 0 */
	struct mm_struct *active_mm;	/* the page directory loaded while it runs */

	int exit_state;			/* EXIT_ZOMBIE once it has exited */
	int exit_code;			/* wait4 status: (code << 8) | signal */
	pid_t pid;
	pid_t pgid;			/* process group: the job a program the kernel ran started */
	struct task_struct *parent;	/* who wait4()s for it */
	struct list_head children;	/* its children, by their sibling links */
	struct list_head sibling;
	struct wait_queue_head wait_chldexit;	/* its wait4() sleeps here */
	bool *vfork_done;		/* vfork: its parent's flag, set at exec or exit */
	struct task_struct *vfork_parent;	/* vfork: the parent, asleep until then */

	char comm[TASK_COMM_LEN];	/* the program's name (basename of the file) */
	unsigned long min_flt, maj_flt;	/* page faults: minor (no I/O), major */
	unsigned long cow_flt;		/* of min_flt: copy-on-write copies made */
	unsigned long nvcsw, nivcsw;	/* context switches: voluntary, preempted */
	u64 utime, stime;		/* CPU time in ns, user and kernel mode, charged a
					 * tick at a time (kernel/sched/cputime.c) */
	unsigned long maxrss;		/* its peak RSS in pages, kept as its mm goes */
	/* What its reaped children used, theirs included (Linux keeps these
	 * in signal_struct): getrusage(RUSAGE_CHILDREN), times(). */
	u64 cutime, cstime;
	unsigned long cmin_flt, cmaj_flt, cnvcsw, cnivcsw, cmaxrss;
	u64 start_time;			/* jiffies at fork */
	struct signal_state sig;	/* handlers, blocked and pending signals */
	unsigned long trap_nr, error_code, cr2;	/* the last fault, for a handler's sigcontext */
	unsigned long clear_child_tid;	/* set_tid_address(): a user address */
	unsigned long set_child_tid;	/* CLONE_CHILD_SETTID: its PID goes there first */
	struct files_struct *files;	/* open files (fs/file.c) */
	int make_it_fail;		/* 0 or 1, /proc/PID/make-it-fail: with a
					 * fault_attr's task-filter on, only such
					 * tasks see injected failures; a child
					 * inherits it, exec keeps it */
	unsigned int fail_nth;		/* /proc/PID/task/PID/fail-nth: its Nth
					 * allocation from now fails (0: off);
					 * set_fail_nth(), lib/fault-inject.c */
};

extern struct task_struct init_task;
extern struct task_struct *current_task;
#define current	current_task

static inline unsigned long task_stack_top(const struct task_struct *t)
{
	return (unsigned long)t->stack + THREAD_SIZE;
}

/* signal_pending - does @p have a signal to act on (pending and not blocked)? */
static inline bool signal_pending(const struct task_struct *p)
{
	return p->sig.pending & ~p->sig.blocked;
}

/*
 * signal_work - anything for arch_do_signal_or_restart() to do on the way
 * to ring 3 with @regs: a signal to act on, or a result asking for a
 * restart (-ERESTARTNOHAND..-ERESTARTSYS; it checks that @regs is a
 * system call's).  That also covers rt_sigsuspend's mask to put back
 * (sig.restore_sigmask): the call always returns -ERESTARTNOHAND.
 * Inline: every return to ring 3 asks.
 */
static inline bool signal_work(const struct pt_regs *regs)
{
	return signal_pending(current) ||
	       regs->ax - (unsigned long)-ERESTARTNOHAND <= ERESTARTNOHAND - ERESTARTSYS;
}

/* task_pt_regs - the user registers, at the top of @t's kernel stack. */
static inline struct pt_regs *task_pt_regs(const struct task_struct *t)
{
	return (struct pt_regs *)task_stack_top(t) - 1;
}

static inline pid_t task_pid_nr(const struct task_struct *t)
{
	return t->pid;
}

#define set_current_state(s)	do { current->__state = (s); barrier(); } while (0)
#define __set_current_state(s)	(current->__state = (s))

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void yield(void);
unsigned int nr_running_others(void);
long sys_sched_yield(void);
void schedule_tail(struct task_struct *prev);
void wake_up_process(struct task_struct *p);
void wake_up_new_task(struct task_struct *p);
void scheduler_tick(void);
unsigned int nr_running(void);
/* kernel/sched/cputime.c */
void account_process_tick(struct task_struct *p, int user_tick);
void exit_to_user_mode(struct pt_regs *regs);
extern struct list_head task_list;	/* every task, task 0 first */
extern bool need_resched;
extern unsigned long nr_context_switches;

/* kernel/fork.c */
unsigned long *alloc_thread_stack_node(struct task_struct *tsk);
void free_thread_stack(struct task_struct *tsk);
struct task_struct *find_task_by_pid(pid_t pid);
unsigned int nr_threads(void);
void free_task(struct task_struct *tsk);
void complete_vfork_done(struct task_struct *tsk);
void release_task(struct task_struct *p);
/* clone() flags mm386 knows (Linux's values) */
#define CSIGNAL			0x000000ff	/* the signal the parent gets at exit */
#define CLONE_VM		0x00000100
#define CLONE_VFORK		0x00004000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

struct kernel_clone_args {
	unsigned long flags;		/* CLONE_VFORK, CLONE_*_SETTID, CLONE_CHILD_CLEARTID */
	int __user *parent_tid;		/* CLONE_PARENT_SETTID: the child's PID, in the parent */
	int __user *child_tid;		/* CLONE_CHILD_SETTID/CLEARTID: in the child */
	struct pt_regs *regs;		/* the parent's user registers */
};
long kernel_clone(const struct kernel_clone_args *args);
void fork_init(void);
extern unsigned long max_threads;	/* kernel/fork.c */
/* kernel_run_program - fork a task from task 0 that exec's @file. */
pid_t kernel_run_program(const char *file, const char *const *argv);

/* fs/exec.c, kernel/sys.c, kernel/syscall_32.c */
void fpu_init(void);
void fpu_clear_user_state(void);
extern u32 mxcsr_feature_mask;
void read_persistent_clock(void);
void timer_wake_sleepers(void);
void do_int80_syscall_32(struct pt_regs *regs);
unsigned int nr_syscalls_implemented(void);
int run_program(struct ramfs_file *rf, const char *args);
pid_t run_program_background(struct ramfs_file *rf, const char *args);
struct ramfs_file;

/* kernel/exit.c */
void __noreturn do_exit(long code);
void __noreturn do_group_exit(int exit_code);
struct rusage;
long kernel_wait4(pid_t pid, int *stat_addr, int options, bool user, struct rusage *ru);

/* wait4 options */
#define WNOHANG		0x00000001
#define __WALL		0x40000000

#endif
