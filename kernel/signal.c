// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c - signals, as far as mm386 has them: the fatal ones.
 *
 * mm386 has no signal handlers.  Each signal does what Linux does when a
 * program has not installed a handler for it (its "default action"):
 *
 *   terminate   SIGHUP SIGINT SIGQUIT SIGILL SIGTRAP SIGABRT SIGBUS SIGFPE
 *               SIGKILL SIGUSR1 SIGSEGV SIGUSR2 SIGPIPE SIGALRM SIGTERM and
 *               the real-time signals: the process ends, "killed by signal N"
 *   ignore      SIGCHLD SIGCONT SIGURG SIGWINCH: nothing happens
 *   stop        SIGSTOP SIGTSTP SIGTTIN SIGTTOU: nothing happens either
 *               (mm386 has no job control)
 *
 * A fatal signal is kept in task->pending_signal and acted on by the task
 * itself on its way back to ring 3 (exit_to_user_mode: do_exit).  A task
 * that sleeps (pause, nanosleep, wait4, a console read) is woken, its wait
 * returns -EINTR, and it dies on that same way out.  The kernel's own
 * faults send signals too: SIGSEGV for a bad access (kernel/fault.c),
 * SIGKILL from the OOM path.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/irqflags.h>

#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGWINCH	28

const char *signal_name(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
		[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	};

	if (sig > 0 && sig < (int)ARRAY_SIZE(names) && names[sig])
		return names[sig];
	return "signal";
}

// Does @sig end a process that has no handler for it?
static bool sig_kernel_terminates(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:	/* ignored */
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:	/* stop: no job control */
		return false;
	}
	return true;
}

/*
 * force_fatal_sig - @sig kills current: it acts on it before going back
 * to ring 3 (exit_to_user_mode), as a signal with no handler does.
 */
void force_fatal_sig(int sig)
{
	if (!current->pending_signal)
		current->pending_signal = sig;
}

// Send @sig to @p: fatal ones are kept pending and wake it if it sleeps.
static void send_signal(struct task_struct *p, int sig)
{
	unsigned long flags;

	if (!sig || !sig_kernel_terminates(sig) || p->exit_state)
		return;
	local_irq_save(flags);
	if (!p->pending_signal)
		p->pending_signal = sig;
	if (p->__state == TASK_INTERRUPTIBLE)
		wake_up_process(p);
	local_irq_restore(flags);
}

/**
 * kill_pid - send @sig to the process @pid (@pid > 0), or to every process
 * of group -@pid (@pid < -1)
 * @sig: 0 only checks that the target exists
 * Return: 0; -EINVAL (bad signal or @pid), -ESRCH (no such process),
 * -EPERM (task 0, the kernel's own context, takes no signals).
 */
int kill_pid(pid_t pid, int sig)
{
	struct task_struct *p;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		p = find_task_by_pid(pid);
		if (!p || p->exit_state == EXIT_DEAD)
			return -ESRCH;
		send_signal(p, sig);
		return 0;
	}
	if (pid == 0)
		pid = -current->pgid;
	if (pid == -1 || !pid)
		return -EINVAL;		/* "every process" is not for mm386's programs */
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid && p->pgid == -pid) {
			send_signal(p, sig);
			found++;
		}
	return found ? 0 : -ESRCH;
}

/* tgkill, tkill: one thread per process here, so the thread is the process. */
long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	if (tgid <= 0 || pid <= 0)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;
	return kill_pid(pid, sig);
}

long sys_tkill(pid_t pid, int sig)
{
	return pid <= 0 ? -EINVAL : kill_pid(pid, sig);
}

long sys_kill(pid_t pid, int sig)
{
	if (pid == 0 && !current->pgid)
		return -ESRCH;
	return kill_pid(pid, sig);
}

static DECLARE_WAIT_QUEUE_HEAD(pause_wq);

static bool never(void *arg)
{
	return false;
}

/* pause - sleep until a signal comes; with no handlers, it is fatal: -EINTR. */
long sys_pause(void)
{
	unsigned long flags;

	local_irq_save(flags);
	wait_event_interruptible_irqoff(&pause_wq, never, NULL);
	local_irq_restore(flags);
	return -EINTR;
}
