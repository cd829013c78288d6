/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signal.h - signals: numbers, sets, actions and the information a handler
 * gets, with Linux i386's values and layouts (the ones glibc's sigaction()
 * and the handler's siginfo_t and ucontext_t expect).
 *
 * A signal is *generated* (kill, a fault, a child's exit: kernel/signal.c)
 * into the task's pending set, and *delivered* on the task's way back to
 * ring 3 (exit_to_user_mode): its default action (end the process, or
 * nothing), or a handler, which runs in ring 3 on a frame the kernel
 * builds on the user stack (kernel/signal_32.c).  The handler's return
 * lands in rt_sigreturn(), which puts the interrupted registers back.
 *
 * Invariants (task_struct's signal fields, below):
 *  - SIGKILL and SIGSTOP are never in ->blocked and never get a handler;
 *  - a bit in ->pending has its information in ->pending_info[sig - 1];
 *  - ->queue holds only real-time signals (SIGRTMIN and up) whose bit is
 *    in ->pending: the instances sent after the first, oldest first;
 *  - nr_sigpending (kernel/signal.c) counts the instances pending in
 *    all tasks, a bit in ->pending and an entry in ->queue one each; a
 *    real-time signal is queued only while it is below RLIMIT_SIGPENDING;
 *  - an ignored signal that is not blocked is never pending: it is
 *    dropped when generated, and when the action becomes "ignore".
 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

#include <linux/types.h>
#include <linux/compiler.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define _NSIG		64

/* A signal set: bit (sig - 1) for each signal, 8 bytes as in the ABI. */
typedef u64 sigset_t;
#define sigmask(sig)	(1ULL << ((sig) - 1))

static inline bool valid_signal(unsigned long sig)
{
	return sig <= _NSIG;
}

/* The signals a fault sends: delivered before any other (Linux's SYNCHRONOUS_MASK). */
#define SYNCHRONOUS_MASK (sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
			  sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))

typedef void (*__sighandler_t)(int);
#define SIG_DFL		((__sighandler_t)0)	/* the default action */
#define SIG_IGN		((__sighandler_t)1)	/* ignore it */

/* sa_flags (Linux's values; SA_RESTORER is i386's) */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004	/* handler(sig, siginfo_t *, ucontext_t *) */
#define SA_UNSUPPORTED	0x00000400	/* never kept: lets a program probe for flags */
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER	0x04000000	/* sa_restorer is where the handler returns */
#define SA_ONSTACK	0x08000000	/* run on the sigaltstack() stack */
#define SA_RESTART	0x10000000	/* restart an interrupted system call */
#define SA_NODEFER	0x40000000	/* do not block the signal in its own handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */
/* The flags a program can set; the rest read back as 0 (Linux's UAPI_SA_FLAGS). */
#define UAPI_SA_FLAGS	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
			 SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS | SA_RESTORER)

/*
 * struct k_sigaction - what rt_sigaction() sets: the i386 kernel's struct
 * sigaction, byte for byte (20 bytes).
 */
struct k_sigaction {
	__sighandler_t handler;
	unsigned long flags;		/* SA_* */
	void __user *restorer;		/* SA_RESTORER: glibc's __restore_rt */
	sigset_t mask;			/* also blocked while the handler runs */
};

/* rt_sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* sigaltstack() */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)	/* disarmed while a handler runs on it */
#define SS_FLAG_BITS	SS_AUTODISARM
#define MINSIGSTKSZ	2048

typedef struct {
	void __user *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;

/* si_code values (the ones mm386 sends) */
#define SI_USER		0	/* kill() */
#define SI_KERNEL	0x80	/* the kernel (a general protection fault...) */
#define SI_QUEUE	(-1)	/* sigqueue(): rt_sigqueueinfo with a value */
#define SI_TKILL	(-6)	/* tkill(), tgkill() */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that does not allow the access */
#define BUS_ADRERR	2
#define ILL_ILLOPN	2	/* an illegal operand (ud2, a bad opcode) */
#define ILL_BADSTK	8	/* the iret back to the program faulted */
#define FPE_INTDIV	1	/* integer divide by zero */
#define CLD_EXITED	1	/* SIGCHLD: the child called exit */
#define CLD_KILLED	2	/* SIGCHLD: a signal killed it */

/*
 * struct kernel_siginfo - what mm386 keeps about a pending signal, the
 * fields of siginfo_t that its senders fill.  fill_siginfo()
 * (kernel/signal_32.c) writes Linux's 128-byte siginfo_t from it.
 */
struct kernel_siginfo {
	int signo;
	int code;			/* SI_*, SEGV_*, CLD_*... */
	pid_t pid;			/* kill, tkill, SIGCHLD: the sender / the child */
	u32 uid;			/* the sender's; 0 (root) unless sigqueue() said otherwise */
	union {
		unsigned long addr;	/* faults: the address */
		int status;		/* SIGCHLD: exit code or signal */
		u32 value;		/* sigqueue(): si_value */
	};
	u32 utime, stime;		/* SIGCHLD: the child's CPU time, in ticks */
};

/*
 * struct sigqueue - one more instance of a real-time signal that is
 * already pending: Linux queues every one, where a standard signal that
 * is pending already is merged.  From the "sigqueue" cache.
 */
struct sigqueue {
	struct sigqueue *next;
	struct kernel_siginfo info;
};

/* What get_signal() found to deliver: a signal and its handler. */
struct ksignal {
	struct k_sigaction ka;
	struct kernel_siginfo info;
	int sig;
};

/*
 * struct signal_state - a task's signals (Linux spreads these over
 * task_struct, signal_struct and sighand_struct; mm386 has one thread per
 * process).  In task_struct, as ->sig.
 */
struct signal_state {
	sigset_t blocked;		/* never SIGKILL or SIGSTOP */
	sigset_t pending;		/* generated, not yet delivered */
	sigset_t saved_sigmask;		/* rt_sigsuspend: the mask to put back */
	bool restore_sigmask;		/* ...once a handler's frame holds it */
	unsigned long sas_ss_sp;	/* sigaltstack(): 0 when there is none */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	struct k_sigaction action[_NSIG];	/* action[sig - 1] */
	struct kernel_siginfo pending_info[_NSIG];
	struct sigqueue *queue;		/* real-time instances after the first */
};

struct task_struct;
struct pt_regs;

/* kernel/signal.c */
int fatal_signal_pending(const struct task_struct *p);
void force_sig(int sig);
void force_sig_fault(int sig, int code, unsigned long addr);
void force_sigsegv(int sig);
void force_fatal_sig(int sig);
bool unhandled_signal(const struct task_struct *p, int sig);
const char *signal_name(int sig);
int kill_pid(pid_t pid, int sig);
bool do_notify_parent(struct task_struct *tsk, int status);
bool get_signal(struct ksignal *ksig);
void signal_delivered(struct ksignal *ksig);
void set_current_blocked(sigset_t set);
void copy_signal_state(struct task_struct *p, const struct task_struct *parent);
void flush_signal_handlers(struct task_struct *t);
void flush_signals(struct task_struct *t);
void signals_init(void);
unsigned long nr_signals_pending(void);
bool __on_sig_stack(unsigned long sp);
bool on_sig_stack(unsigned long sp);
int sas_ss_flags(unsigned long sp);
int do_sigaltstack(const stack_t *ss, unsigned long sp);
long sys_kill(pid_t pid, int sig);
long sys_pause(void);

/* kernel/signal_32.c */
void arch_do_signal_or_restart(struct pt_regs *regs);
void fill_siginfo(u32 out[32], const struct kernel_siginfo *info);
void siginfo_from_user_words(struct kernel_siginfo *info, int sig, const u32 in[32]);

#endif
