// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c - signals: generating them, and choosing what to do with
 * one on the way back to ring 3.
 *
 * A signal is generated into a task's pending set by kill(), tkill() and
 * tgkill(), by the kernel's fault handlers (SIGSEGV for a bad access,
 * kernel/fault.c; SIGFPE, SIGILL... kernel/traps.c), by a child's exit
 * (SIGCHLD) and by the OOM path (SIGKILL).  Each pending signal keeps what
 * a handler learns about it (struct kernel_siginfo: who sent it, or the
 * faulting address).  A standard signal that is already pending is not
 * queued twice: the second kill() is merged into the first.  A real-time
 * signal (SIGRTMIN and up) is queued each time it is sent, with its own
 * information (sigqueue()'s value), and delivered as often, oldest first:
 * struct sigqueue from the "sigqueue" cache, at most RLIMIT_SIGPENDING
 * of them from sigqueue() (EAGAIN after that).  rt_sigtimedwait() takes a
 * pending signal without a handler (sigwaitinfo, sigtimedwait).
 *
 * A task acts on its pending, unblocked signals itself, in
 * exit_to_user_mode() (kernel/sched/core.c), through get_signal():
 *
 *   handler       a function of the program: kernel/signal_32.c builds a
 *                 frame on the user stack and the handler runs in ring 3
 *   SIG_IGN       nothing happens
 *   SIG_DFL       the default action:
 *     terminate   SIGHUP SIGINT ... SIGSEGV ... SIGTERM, the real-time
 *                 signals: the process ends, "killed by signal N"
 *     ignore      SIGCHLD SIGCONT SIGURG SIGWINCH: nothing happens
 *     stop        SIGSTOP SIGTSTP SIGTTIN SIGTTOU: nothing happens either
 *                 (mm386 has no job control)
 *
 * A fault's signal is *forced*: if the program blocks or ignores it, it is
 * unblocked and set back to SIG_DFL first, so a fault can never be
 * skipped (a program that blocked SIGSEGV and then faults dies).  A task
 * asleep in an interruptible wait (pause, nanosleep, wait4, a console
 * read) is woken by a signal it does not block; the call returns -EINTR or
 * asks to be restarted (-ERESTARTSYS...), which kernel/signal_32.c decides.
 *
 * This is the machinery of the articles' "malloc half": the SIGSEGV that
 * ends a program that touches memory it has not mapped, and the handler
 * that can catch it (user/signals.c).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/resource.h>

const char *signal_name(int sig)
{
	static const char *const names[] = {
		[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
		[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
		[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
		[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
		[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
		[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
		[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
		[SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
		[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
		[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
		[SIGSYS] = "SIGSYS",
	};

	if (sig > 0 && sig < (int)ARRAY_SIZE(names) && names[sig])
		return names[sig];
	return "signal";
}

#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | \
				 sigmask(SIGWINCH))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
				 sigmask(SIGTTOU))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

// Does SIG_DFL for @sig do nothing here (ignore, or stop without job control)?
static bool sig_default_harmless(int sig)
{
	return sigmask(sig) & (SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK);
}

// Would handler @handler make @sig do nothing?
static bool sig_handler_ignored(__sighandler_t handler, int sig)
{
	return handler == SIG_IGN || (handler == SIG_DFL && sig_default_harmless(sig));
}

/*
 * fatal_signal_pending - the signal that will end @p on its way to ring 3
 * (pending, unblocked, and with no handler), or 0.  For the paths that
 * leave for ring 3 without exit_to_user_mode() (a kernel-started program).
 */
int fatal_signal_pending(const struct task_struct *p)
{
	sigset_t set = p->sig.pending & ~p->sig.blocked;
	int sig;

	for (sig = 1; sig <= _NSIG; sig++)
		if ((set & sigmask(sig)) && p->sig.action[sig - 1].handler == SIG_DFL &&
		    !sig_default_harmless(sig))
			return sig;
	return 0;
}

/* unhandled_signal - will @sig end @p (no handler)?  Decides Linux's "segfault at" lines. */
bool unhandled_signal(const struct task_struct *p, int sig)
{
	__sighandler_t handler = p->sig.action[sig - 1].handler;

	return handler == SIG_IGN || handler == SIG_DFL;
}

static struct kmem_cache *sigqueue_cachep;

/*
 * nr_sigpending - the signal instances pending in all tasks: each pending
 * signal's first (in pending_info[]) and the real-time ones queued after
 * it; interrupts off.  mm386 has one user (root), so this is Linux's
 * per-user count, the one RLIMIT_SIGPENDING limits and /proc/PID/status
 * shows as SigQ.
 */
static unsigned long nr_sigpending;

void __init signals_init(void)
{
	sigqueue_cachep = kmem_cache_create("sigqueue", sizeof(struct sigqueue), 0, SLAB_PANIC,
					    NULL);
}

/* nr_signals_pending - the count above (SigQ in /proc/PID/status). */
unsigned long nr_signals_pending(void)
{
	return READ_ONCE(nr_sigpending);
}

// Is @sig a real-time signal (queued once per sending)?
static inline bool sig_rt(int sig)
{
	return sig >= SIGRTMIN;
}

/*
 * send_signal - generate @info->signo for @p.  An ignored, unblocked signal
 * is dropped.  A standard signal already pending keeps its first
 * information; a real-time one is queued again, unless RLIMIT_SIGPENDING
 * instances are pending already.  Then, as in Linux, one from kill() is
 * merged into the pending one (its information lost) and any other
 * (sigqueue(), tkill()) is refused.  A task asleep interruptibly is woken
 * if it does not block the signal.
 * Return: 0; -EAGAIN for a real-time signal refused (over the limit, or
 * no memory for its struct sigqueue).
 */
static int send_signal(struct task_struct *p, const struct kernel_siginfo *info)
{
	int sig = info->signo, err = 0;
	struct sigqueue *q, **tail;
	unsigned long flags;
	bool full;

	if (p->exit_state || !p->pid)
		return 0;
	local_irq_save(flags);
	if (!(p->sig.blocked & sigmask(sig)) &&
	    sig_handler_ignored(p->sig.action[sig - 1].handler, sig))
		goto out;
	full = sig_rt(sig) && nr_sigpending >= task_rlimit(p, RLIMIT_SIGPENDING);
	if (full && info->code != SI_USER) {
		err = -EAGAIN;
		goto out;
	}
	if (!(p->sig.pending & sigmask(sig))) {
		p->sig.pending |= sigmask(sig);
		p->sig.pending_info[sig - 1] = *info;
		nr_sigpending++;
	} else if (sig_rt(sig) && !full) {
		q = kmem_cache_alloc(sigqueue_cachep, GFP_ATOMIC | __GFP_NOWARN);
		if (!q) {
			err = info->code != SI_USER ? -EAGAIN : 0;
			goto out;
		}
		q->next = NULL;
		q->info = *info;
		for (tail = &p->sig.queue; *tail; tail = &(*tail)->next)
			;
		*tail = q;
		nr_sigpending++;
	}
	if (!(p->sig.blocked & sigmask(sig)) && p->__state == TASK_INTERRUPTIBLE)
		wake_up_process(p);
out:
	local_irq_restore(flags);
	return err;
}

/*
 * collect_signal - @sig leaves @s's pending set: its information in
 * *@info (NULL: dropped).  A real-time signal with more instances queued
 * stays pending, with the next one's information.  Interrupts off.
 */
static void collect_signal(struct signal_state *s, int sig, struct kernel_siginfo *info)
{
	struct sigqueue **pq, *q;

	if (info)
		*info = s->pending_info[sig - 1];
	nr_sigpending--;
	if (!sig_rt(sig)) {
		s->pending &= ~sigmask(sig);
		return;
	}
	for (pq = &s->queue; *pq; pq = &(*pq)->next)
		if ((*pq)->info.signo == sig)
			break;
	q = *pq;
	if (!q) {
		s->pending &= ~sigmask(sig);
		return;
	}
	s->pending_info[sig - 1] = q->info;
	*pq = q->next;
	kmem_cache_free(sigqueue_cachep, q);
}

// Drop every pending instance of the signals in @mask from @s.  Interrupts off.
static void flush_sigqueue_mask(struct signal_state *s, sigset_t mask)
{
	sigset_t set;

	while ((set = s->pending & mask))
		collect_signal(s, __builtin_ctzll(set) + 1, NULL);
}

/* flush_signals - @t is exiting: its pending signals go, queued ones freed. */
void flush_signals(struct task_struct *t)
{
	unsigned long flags;

	local_irq_save(flags);
	flush_sigqueue_mask(&t->sig, ~0ULL);
	local_irq_restore(flags);
}

/*
 * force_sig_info - a signal current cannot refuse: one it blocks or
 * ignores is unblocked and set back to SIG_DFL (@sigdfl: always set back,
 * so that even a handler cannot catch it).
 */
static void force_sig_info(const struct kernel_siginfo *info, bool sigdfl)
{
	struct signal_state *s = &current->sig;
	int sig = info->signo;
	bool blocked = s->blocked & sigmask(sig);

	if (blocked || s->action[sig - 1].handler == SIG_IGN || sigdfl) {
		s->action[sig - 1].handler = SIG_DFL;
		s->blocked &= ~sigmask(sig);
	}
	send_signal(current, info);
}

/* force_sig_fault - a fault's signal, with its si_code and address, for current. */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct kernel_siginfo info = { .signo = sig, .code = code, .addr = addr };

	force_sig_info(&info, false);
}

/* force_sig - @sig for current from the kernel itself (si_code SI_KERNEL). */
void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/*
 * force_sigsegv - current could not be given the frame of a handler for
 * @sig (a bad stack): SIGSEGV, and if that was SIGSEGV's own handler, one
 * that kills.
 */
void force_sigsegv(int sig)
{
	if (sig == SIGSEGV)
		current->sig.action[SIGSEGV - 1].handler = SIG_DFL;
	force_sig(SIGSEGV);
}

/* force_fatal_sig - @sig kills current, whatever its handler. */
void force_fatal_sig(int sig)
{
	struct kernel_siginfo info = { .signo = sig, .code = SI_KERNEL };

	force_sig_info(&info, true);
}

/*
 * do_notify_parent - @tsk has exited with wait status @status: SIGCHLD
 * to its parent (whose default action is to ignore it).
 * Return: true if the parent will never reap @tsk: its SIGCHLD handler is
 * SIG_IGN (then no signal is sent) or has SA_NOCLDWAIT (sent all the same),
 * as POSIX.1-2001 and Linux have it; do_exit() then lets @tsk free itself.
 */
bool do_notify_parent(struct task_struct *tsk, int status)
{
	const struct k_sigaction *ka = &tsk->parent->sig.action[SIGCHLD - 1];
	struct kernel_siginfo info = {
		.signo = SIGCHLD, .pid = tsk->pid,
		.code = (status & 0x7f) ? CLD_KILLED : CLD_EXITED,
		.status = (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff,
		.utime = nsec_to_clock_t(tsk->utime), .stime = nsec_to_clock_t(tsk->stime),
	};

	if (ka->handler == SIG_IGN)
		return true;
	send_signal(tsk->parent, &info);
	return ka->flags & SA_NOCLDWAIT;
}

/*
 * send_info_to_pid - send @info (signal 0: only check) to process @pid
 * (> 0).  As in Linux, the process is looked for before the signal is
 * judged: kill(no such PID, 99) is -ESRCH.
 * Return: 0, -ESRCH, -EINVAL, -EAGAIN (send_signal).
 */
static int send_info_to_pid(pid_t pid, const struct kernel_siginfo *info)
{
	struct task_struct *p = find_task_by_pid(pid);

	if (!p || p->exit_state == EXIT_DEAD)
		return -ESRCH;
	if (!valid_signal(info->signo))		/* a negative one too: unsigned */
		return -EINVAL;
	return info->signo ? send_signal(p, info) : 0;
}

/* send_to_pid - send_info_to_pid() of @sig with si_code @code and the sender's PID. */
static int send_to_pid(pid_t pid, int sig, int code)
{
	struct kernel_siginfo info = { .signo = sig, .code = code, .pid = current->pid };

	return send_info_to_pid(pid, &info);
}

/**
 * kill_pid - send @sig to the process @pid (@pid > 0), or to every process
 * of group -@pid (@pid < -1)
 * @sig: 0 only checks that the target exists
 * Return: 0; -EINVAL (bad signal or @pid), -ESRCH (no such process).
 */
int kill_pid(pid_t pid, int sig)
{
	struct kernel_siginfo info = { .signo = sig, .code = SI_USER, .pid = current->pid };
	struct task_struct *p;
	int found = 0;

	if (pid > 0)
		return send_to_pid(pid, sig, SI_USER);
	if (!valid_signal(sig))
		return -EINVAL;
	if (pid == 0)
		pid = -current->pgid;
	if (pid == -1 || !pid)
		return -EINVAL;		/* "every process" is not for mm386's programs */
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid && p->pgid == -pid) {
			if (sig)
				send_signal(p, &info);
			found++;
		}
	return found ? 0 : -ESRCH;
}

/* tgkill, tkill: si_code SI_TKILL; one thread per process, so the thread is the process. */
long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	if (tgid <= 0 || pid <= 0)
		return -EINVAL;
	if (tgid != pid)
		return -ESRCH;
	return send_to_pid(pid, sig, SI_TKILL);
}

long sys_tkill(pid_t pid, int sig)
{
	return pid <= 0 ? -EINVAL : send_to_pid(pid, sig, SI_TKILL);
}

long sys_kill(pid_t pid, int sig)
{
	if (pid == 0 && !current->pgid)
		return -ESRCH;
	return kill_pid(pid, sig);
}

/*
 * dequeue_signal - take current's next pending signal among @mask (a
 * fault's first, then the lowest number) and its information.
 * Return: the signal, or 0.
 */
static int dequeue_signal(sigset_t mask, struct kernel_siginfo *info)
{
	struct signal_state *s = &current->sig;
	sigset_t set;
	unsigned long flags;
	int sig = 0;

	local_irq_save(flags);
	set = s->pending & mask;
	if (set & SYNCHRONOUS_MASK)
		set &= SYNCHRONOUS_MASK;
	if (set) {
		sig = __builtin_ctzll(set) + 1;
		collect_signal(s, sig, info);
	}
	local_irq_restore(flags);
	return sig;
}

/**
 * get_signal - act on current's pending signals until one has a handler
 * @ksig: filled with that signal, its information and its action
 *
 * Ignored signals are dropped; one whose default action terminates ends
 * the process here (do_exit).  SA_RESETHAND takes effect now.
 * Return: true when @ksig holds a signal for a handler.
 */
bool get_signal(struct ksignal *ksig)
{
	struct k_sigaction *ka;
	int sig;

	while ((sig = dequeue_signal(~current->sig.blocked, &ksig->info))) {
		ka = &current->sig.action[sig - 1];
		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			ksig->ka = *ka;
			ksig->sig = sig;
			if (ka->flags & SA_RESETHAND)
				ka->handler = SIG_DFL;
			return true;
		}
		if (sig_default_harmless(sig))
			continue;
		do_exit(sig);
	}
	return false;
}

/* set_current_blocked - current's new blocked set (never SIGKILL or SIGSTOP). */
void set_current_blocked(sigset_t set)
{
	current->sig.blocked = set & ~SIG_KERNEL_ONLY_MASK;
}

/*
 * signal_delivered - @ksig's handler has its frame: block the handler's
 * sa_mask and (without SA_NODEFER) the signal itself while it runs.
 */
void signal_delivered(struct ksignal *ksig)
{
	struct signal_state *s = &current->sig;
	sigset_t blocked = s->blocked | ksig->ka.mask;

	if (!(ksig->ka.flags & SA_NODEFER))
		blocked |= sigmask(ksig->sig);
	set_current_blocked(blocked);
	s->restore_sigmask = false;
	if (s->sas_ss_flags & SS_AUTODISARM) {
		s->sas_ss_sp = 0;
		s->sas_ss_size = 0;
		s->sas_ss_flags = SS_DISABLE;
	}
}

/* fork: the child gets the parent's actions, blocked set and alternate stack; nothing pending. */
void copy_signal_state(struct task_struct *p, const struct task_struct *parent)
{
	p->sig = parent->sig;
	p->sig.pending = 0;
	p->sig.queue = NULL;
	p->sig.restore_sigmask = false;
}

/*
 * flush_signal_handlers - exec: the new program's code has none of the old
 * handlers, so each goes back to SIG_DFL (SIG_IGN stays); the blocked set
 * and pending signals stay; the alternate stack goes.
 */
void flush_signal_handlers(struct task_struct *t)
{
	struct signal_state *s = &t->sig;
	int i;

	for (i = 0; i < _NSIG; i++) {
		if (s->action[i].handler != SIG_IGN)
			s->action[i].handler = SIG_DFL;
		s->action[i].flags = 0;
		s->action[i].restorer = NULL;
		s->action[i].mask = 0;
	}
	s->sas_ss_sp = 0;
	s->sas_ss_size = 0;
	s->sas_ss_flags = SS_DISABLE;
}

/* ---------------------------------------------------------------------
 * The system calls
 */

/*
 * rt_sigaction - read and/or set the action for @sig.  Unknown flags read
 * back as 0 (so a program can test for a flag); setting SIG_IGN, or SIG_DFL
 * for a signal whose default is to ignore it, drops it if pending.
 * Return: 0; -EINVAL (bad @sig or @sigsetsize, SIGKILL or SIGSTOP);
 * -EFAULT (@act unreadable; @oact unwritable, after the change is made).
 */
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act,
		      struct k_sigaction __user *oact, size_t sigsetsize)
{
	struct k_sigaction new, old, *k;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (sig < 1 || !valid_signal(sig) || (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	k = &current->sig.action[sig - 1];
	old = *k;
	old.flags &= UAPI_SA_FLAGS;
	if (act) {
		new.flags &= UAPI_SA_FLAGS;
		new.mask &= ~SIG_KERNEL_ONLY_MASK;
		*k = new;
		if (sig_handler_ignored(k->handler, sig)) {
			unsigned long flags;

			local_irq_save(flags);
			flush_sigqueue_mask(&current->sig, sigmask(sig));
			local_irq_restore(flags);
		}
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/*
 * rt_sigprocmask - change the blocked set (@how: SIG_BLOCK, SIG_UNBLOCK,
 * SIG_SETMASK with @nset) and/or read the old one.  A signal it unblocks
 * that is pending is delivered before the call returns to the program.
 */
long sys_rt_sigprocmask(int how, const sigset_t __user *nset, sigset_t __user *oset,
			size_t sigsetsize)
{
	sigset_t old = current->sig.blocked, set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set |= old;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* rt_sigpending - the pending signals that are blocked (@sigsetsize bytes of them). */
long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize)
{
	sigset_t set = current->sig.pending & current->sig.blocked;

	if (sigsetsize > sizeof(set))
		return -EINVAL;
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

static DECLARE_WAIT_QUEUE_HEAD(pause_wq);

static bool never(void *arg)
{
	return false;
}

// Sleep until a signal comes that current does not block.
static void sleep_until_signal(void)
{
	unsigned long flags;

	local_irq_save(flags);
	wait_event_interruptible_irqoff(&pause_wq, never, NULL);
	local_irq_restore(flags);
}

/* pause - sleep until a signal: -EINTR once its handler has run (or it kills). */
long sys_pause(void)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/*
 * rt_sigsuspend - sleep with blocked set *@umask until a signal comes; the
 * old set is back once the handler has run (its frame holds the old set).
 * Return: -EINTR (as -ERESTARTNOHAND); -EINVAL; -EFAULT.
 */
long sys_rt_sigsuspend(const sigset_t __user *umask, size_t sigsetsize)
{
	struct signal_state *s = &current->sig;
	sigset_t set;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&set, umask, sizeof(set)))
		return -EFAULT;
	s->saved_sigmask = s->blocked;
	set_current_blocked(set);
	sleep_until_signal();
	s->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

/*
 * do_sigtimedwait - take a pending signal of @these (the caller blocks
 * them, as a rule), waiting for one for @ts (seconds, nanoseconds; NULL:
 * as long as it takes).  While current sleeps the signals of @these are
 * unblocked, so that sending one wakes it; another signal it does not
 * block ends the wait (its handler runs on the way out).
 * Return: the signal, its information in *@info; -EAGAIN when the time
 * is up; -EINTR; -EINVAL for a bad @ts.
 */
static int do_sigtimedwait(sigset_t these, struct kernel_siginfo *info, const s64 *ts)
{
	struct signal_state *s = &current->sig;
	unsigned long flags, deadline = 0;
	sigset_t blocked;
	int sig;

	if (ts && (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1000000000))
		return -EINVAL;
	these &= ~SIG_KERNEL_ONLY_MASK;
	sig = dequeue_signal(these, info);
	if (sig)
		return sig;
	if (ts && !ts[0] && !ts[1])
		return -EAGAIN;
	if (ts)
		deadline = timeout_deadline(ts[0], ts[1]);
	local_irq_save(flags);
	blocked = s->blocked;
	s->blocked &= ~these;
	if (ts)
		sleep_until_deadline(deadline);
	else
		sleep_until_signal();
	s->blocked = blocked;
	local_irq_restore(flags);
	sig = dequeue_signal(these, info);
	if (sig)
		return sig;
	return signal_pending(current) ? -EINTR : -EAGAIN;
}

// rt_sigtimedwait's work, with a 64-bit (@wide) or 32-bit struct timespec at @uts.
static long rt_sigtimedwait(const sigset_t __user *uthese, u32 __user *uinfo,
			    const void __user *uts, size_t sigsetsize, bool wide)
{
	struct kernel_siginfo info;
	sigset_t these;
	s64 ts[2];
	s32 ts32[2];
	u32 out[32];
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	if (uts && wide && copy_from_user(ts, uts, sizeof(ts)))
		return -EFAULT;
	if (uts && !wide) {
		if (copy_from_user(ts32, uts, sizeof(ts32)))
			return -EFAULT;
		ts[0] = ts32[0];
		ts[1] = ts32[1];
	}
	sig = do_sigtimedwait(these, &info, uts ? ts : NULL);
	if (sig > 0 && uinfo) {
		fill_siginfo(out, &info);
		if (copy_to_user(uinfo, out, sizeof(out)))
			return -EFAULT;
	}
	return sig;
}

/**
 * sys_rt_sigtimedwait_time64 - wait for one of the signals in *@uthese
 * @uthese: the signals to take (the caller normally blocks them)
 * @uinfo: where its siginfo_t goes, or NULL
 * @uts: how long to wait (struct timespec, 64-bit seconds); NULL: for ever,
 *	{0, 0}: not at all
 * @sigsetsize: 8
 *
 * Return: the signal; -EAGAIN (time up), -EINTR (another signal came),
 * -EINVAL, -EFAULT.  glibc's sigwaitinfo() and sigtimedwait().
 */
long sys_rt_sigtimedwait_time64(const sigset_t __user *uthese, u32 __user *uinfo,
				const s64 __user *uts, size_t sigsetsize)
{
	return rt_sigtimedwait(uthese, uinfo, uts, sigsetsize, true);
}

/* rt_sigtimedwait with the old 32-bit struct timespec (system call 177). */
long sys_rt_sigtimedwait_time32(const sigset_t __user *uthese, u32 __user *uinfo,
				const s32 __user *uts, size_t sigsetsize)
{
	return rt_sigtimedwait(uthese, uinfo, uts, sigsetsize, false);
}

/**
 * sys_rt_sigqueueinfo - send signal @sig with the siginfo_t at @uinfo to
 * process @pid: glibc's sigqueue() (si_code SI_QUEUE and a value)
 *
 * As Linux: nobody may pretend to be the kernel, kill() or tkill() to
 * another process (si_code >= 0 or SI_TKILL: -EPERM); the rest of the
 * siginfo_t goes to the receiver as given.
 * Return: 0; -EFAULT; -EPERM; -ESRCH; -EINVAL; -EAGAIN (RLIMIT_SIGPENDING).
 */
long sys_rt_sigqueueinfo(pid_t pid, int sig, const u32 __user *uinfo)
{
	struct kernel_siginfo info;
	int code;
	u32 in[32];

	if (copy_from_user(in, uinfo, sizeof(in)))
		return -EFAULT;
	code = in[2];
	if ((code >= 0 || code == SI_TKILL) && pid != current->pid)
		return -EPERM;
	if (pid <= 0)
		return -ESRCH;
	siginfo_from_user_words(&info, sig, in);	/* a bad @sig: send_info_to_pid() says */
	return send_info_to_pid(pid, &info);
}

/* __on_sig_stack - is user stack pointer @sp within current's alternate stack? */
bool __on_sig_stack(unsigned long sp)
{
	const struct signal_state *s = &current->sig;

	return sp > s->sas_ss_sp && sp - s->sas_ss_sp <= s->sas_ss_size;
}

/* on_sig_stack - the same, but never while SS_AUTODISARM has the stack disarmed. */
bool on_sig_stack(unsigned long sp)
{
	return !(current->sig.sas_ss_flags & SS_AUTODISARM) && __on_sig_stack(sp);
}

/* sas_ss_flags - SS_DISABLE (no alternate stack), SS_ONSTACK (@sp is on it), or 0. */
int sas_ss_flags(unsigned long sp)
{
	if (!current->sig.sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/**
 * do_sigaltstack - set current's alternate stack to @ss
 * @sp: the user stack pointer now (no change while running on the old one)
 * Return: 0; -EPERM (running on it now); -EINVAL (bad ss_flags); -ENOMEM
 * (smaller than MINSIGSTKSZ).
 */
int do_sigaltstack(const stack_t *ss, unsigned long sp)
{
	struct signal_state *s = &current->sig;
	unsigned int mode = ss->ss_flags & ~SS_FLAG_BITS;
	unsigned long ss_sp = (unsigned long)ss->ss_sp;
	size_t size = ss->ss_size;

	if (on_sig_stack(sp))
		return -EPERM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (ss_sp == s->sas_ss_sp && size == s->sas_ss_size &&
	    (unsigned int)ss->ss_flags == s->sas_ss_flags)
		return 0;	/* no change: Linux returns before its checks too */
	if (mode == SS_DISABLE) {
		ss_sp = 0;
		size = 0;
	} else if (size < MINSIGSTKSZ) {
		return -ENOMEM;
	}
	s->sas_ss_sp = ss_sp;
	s->sas_ss_size = size;
	s->sas_ss_flags = ss->ss_flags;
	return 0;
}

/*
 * sigaltstack - set and/or read the alternate stack that handlers with
 * SA_ONSTACK run on (a handler for a stack overflow needs one).
 * Return: as do_sigaltstack(); -EFAULT.
 */
long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	struct signal_state *s = &current->sig;
	unsigned long sp = task_pt_regs(current)->sp;
	stack_t new, old = {
		.ss_sp = (void __user *)s->sas_ss_sp, .ss_size = s->sas_ss_size,
		.ss_flags = sas_ss_flags(sp) | (s->sas_ss_flags & SS_FLAG_BITS),
	};
	int err = 0;

	if (uss) {
		if (copy_from_user(&new, uss, sizeof(new)))
			return -EFAULT;
		err = do_sigaltstack(&new, sp);
	}
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return err;
}
