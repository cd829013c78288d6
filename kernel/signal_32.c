// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal_32.c - running a signal handler in ring 3, and coming back
 * (Linux: arch/x86/kernel/signal.c, signal_32.c).
 *
 * A handler is an ordinary function of the program.  To run it, the kernel
 * saves the interrupted registers in a *signal frame* on the user stack
 * and changes the saved EIP and ESP so that the return to ring 3 lands in
 * the handler, as if it had been called from the interrupted instruction:
 *
 *   higher addresses    the interrupted program's stack (regs->sp)
 *                       FPU/SSE state: a 112-byte i387 header, then the
 *                         fxsave image (64-byte aligned)
 *                       struct rt_sigframe (SA_SIGINFO) or struct sigframe:
 *                         siginfo_t, ucontext_t (sigcontext, the blocked
 *                         set to put back), 8 bytes of return code
 *   regs->sp ->         pretcode: where the handler's `ret` goes
 *
 * The handler returns to its sa_restorer (glibc's __restore_rt: "mov
 * $173, %eax; int $0x80"), or to the frame's own copy of that code, and
 * rt_sigreturn() reads the frame back: registers, blocked set, FPU state.
 * Everything in the frame is the program's to change (a debugger or a
 * user-level thread switch does), so sigreturn trusts none of it: ring 3
 * selectors are forced, only the arithmetic EFLAGS bits are taken, and a
 * frame it cannot read kills with SIGSEGV and Linux's "bad frame" line.
 *
 * A system call the signal interrupted (wait4, pause, a console read)
 * returns -EINTR, or is made again (SA_RESTART) by backing EIP up over
 * the 2-byte `int $0x80` with the call number back in EAX.
 *
 * Layouts are Linux i386's (glibc's ucontext_t and siginfo_t read them);
 * a frame that cannot be written (the stack is full or bad) becomes
 * SIGSEGV, and a SIGSEGV handler with no stack to run on kills.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/irqflags.h>
#include <asm/segment.h>
#include <asm/desc.h>
#include <asm/traps.h>

#define __NR_sigreturn		119
#define __NR_rt_sigreturn	173

/* The EFLAGS bits sigreturn takes from the frame: arithmetic, DF, TF, AC, RF. */
#define FIX_EFLAGS	0x00050dd5
#define X86_EFLAGS_TF	0x00000100
#define X86_EFLAGS_DF	0x00000400
#define X86_EFLAGS_RF	0x00010000

/* struct sigcontext_32 - the saved registers (88 bytes). */
struct sigcontext_32 {
	u16 gs, __gsh, fs, __fsh, es, __esh, ds, __dsh;
	u32 di, si, bp, sp, bx, dx, cx, ax;
	u32 trapno, err, ip;
	u16 cs, __csh;
	u32 flags, sp_at_signal;
	u16 ss, __ssh;
	u32 fpstate;			/* user address of the struct fregs_state */
	u32 oldmask;			/* the blocked set's first 32 signals */
	u32 cr2;
};

/*
 * struct fregs_state - the i387 header before the fxsave image (Linux's
 * _fpstate_32 begins with it): the x87 state in the old fsave format,
 * then magic 0 ("fxsave data follows").  sigreturn reads both: the
 * header's x87 fields win, as in Linux.
 */
struct fregs_state {
	u32 cwd, swd, twd, fip, fcs, foo, fos;
	u8 st_space[80];		/* 8 registers of 10 bytes */
	u16 status, magic;
};

/* The fxsave image's fields that the header repeats (32-bit format). */
struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u32 fip, fcs, foo, fos;
	u32 mxcsr, mxcsr_mask;
	u8 st_space[128];		/* 8 registers in 16-byte slots */
	u8 rest[FXSAVE_SIZE - 160];
};

struct ucontext_32 {
	u32 uc_flags;
	u32 uc_link;
	stack_t uc_stack;
	struct sigcontext_32 uc_mcontext;
	sigset_t uc_sigmask;
};

/* The SA_SIGINFO frame: handler(sig, &info, &uc). */
struct rt_sigframe {
	u32 pretcode;
	int sig;
	u32 pinfo, puc;
	u32 info[32];			/* siginfo_t: 128 bytes */
	struct ucontext_32 uc;
	u8 retcode[8];
};

/* The old frame: handler(sig), sigcontext at a fixed place. */
struct sigframe {
	u32 pretcode;
	int sig;
	struct sigcontext_32 sc;
	u8 fpstate_unused[624];		/* Linux's layout keeps this space */
	u32 extramask[1];		/* the blocked set's signals 33-64 */
	u8 retcode[8];
};

_Static_assert(sizeof(struct sigcontext_32) == 88, "sigcontext_32 is 88 bytes");
_Static_assert(sizeof(struct fregs_state) == 112, "the i387 header is 112 bytes");
_Static_assert(sizeof(struct fxregs_state) == FXSAVE_SIZE, "fxsave image");
_Static_assert(sizeof(struct rt_sigframe) == 268, "rt_sigframe is 268 bytes");
_Static_assert(sizeof(struct sigframe) == 732, "sigframe is 732 bytes");

// i387's two-bit tag for x87 register @st (10 bytes): valid 0, zero 1, special 2.
static u32 fp_tag(const u8 *st)
{
	u16 exponent = (st[8] | st[9] << 8) & 0x7fff;
	u64 significand;

	memcpy(&significand, st, sizeof(significand));
	if (exponent == 0x7fff)
		return 2;
	if (exponent == 0)
		return significand ? 2 : 1;
	return (significand >> 63) ? 0 : 2;	/* the explicit integer bit */
}

/*
 * The full tag word from fxsave's one bit per register (1: in use).  The
 * bits are by physical register, the st_space slots by stack position,
 * which is physical minus TOP (status word bits 11-13).
 */
static u32 twd_fxsr_to_i387(const struct fxregs_state *fx)
{
	unsigned int top = (fx->swd >> 11) & 7, i;
	u32 twd = 0xffff0000u;

	for (i = 0; i < 8; i++) {
		u32 tag = 3;			/* empty */

		if (fx->twd & (1u << i))
			tag = fp_tag(fx->st_space + 16 * ((i - top) & 7));
		twd |= tag << (2 * i);
	}
	return twd;
}

// fxsave's one bit per register from the full tag word: in use unless 3 (empty).
static u16 twd_i387_to_fxsr(u32 twd)
{
	u16 bits = 0;
	unsigned int i;

	for (i = 0; i < 8; i++)
		if (((twd >> (2 * i)) & 3) != 3)
			bits |= 1u << i;
	return bits;
}

/*
 * save_fpstate - write current's live FPU/SSE state to the frame: the
 * i387 header at @buf, the fxsave image at @buf_fx (64-byte aligned).
 * Return: 0, or -EFAULT.
 */
static int save_fpstate(unsigned long buf, unsigned long buf_fx)
{
	struct fxregs_state fx __aligned(16);
	struct fregs_state env = { 0 };
	unsigned int i;

	__asm__ __volatile__("fxsave %0" : "=m"(fx));
	env.cwd = fx.cwd | 0xffff0000u;
	env.swd = fx.swd | 0xffff0000u;
	env.twd = twd_fxsr_to_i387(&fx);
	env.fip = fx.fip;
	env.fcs = (u16)fx.fcs | ((u32)fx.fop << 16);
	env.foo = fx.foo;
	env.fos = fx.fos;
	for (i = 0; i < 8; i++)
		memcpy(env.st_space + 10 * i, fx.st_space + 16 * i, 10);
	env.status = fx.swd;
	env.magic = 0;			/* X86_FXSR_MAGIC: the fxsave image follows */
	if (copy_to_user((void __user *)buf, &env, sizeof(env)) ||
	    copy_to_user((void __user *)buf_fx, &fx, sizeof(fx)))
		return -EFAULT;
	return 0;
}

/*
 * restore_fpstate - load the FPU/SSE state sigreturn found at user address
 * @buf (0: none was saved, start clean).  MXCSR bits the CPU lacks are
 * cleared: fxrstor would fault on them.  Return: 0, or -EFAULT.
 */
static int restore_fpstate(unsigned long buf)
{
	struct fxregs_state fx __aligned(16);
	struct fregs_state env;
	unsigned int i;

	if (!buf) {
		fpu_clear_user_state();
		return 0;
	}
	if (copy_from_user(&env, (const void __user *)buf, sizeof(env)) ||
	    copy_from_user(&fx, (const void __user *)(buf + sizeof(env)), sizeof(fx)))
		return -EFAULT;
	fx.cwd = env.cwd;
	fx.swd = env.swd;
	fx.twd = twd_i387_to_fxsr(env.twd);
	fx.fop = env.fcs >> 16;
	fx.fip = env.fip;
	fx.fcs = env.fcs & 0xffff;
	fx.foo = env.foo;
	fx.fos = env.fos;
	for (i = 0; i < 8; i++)
		memcpy(fx.st_space + 16 * i, env.st_space + 10 * i, 10);
	fx.mxcsr &= mxcsr_feature_mask;
	__asm__ __volatile__("fxrstor %0" : : "m"(fx));
	return 0;
}

// The registers @regs as a sigcontext, with the FPU state at @fpstate.
static void setup_sigcontext(struct sigcontext_32 *sc, const struct pt_regs *regs,
			     unsigned long fpstate, sigset_t mask)
{
	const struct task_struct *t = current;

	memset(sc, 0, sizeof(*sc));
	sc->gs = regs->gs;
	sc->fs = regs->fs;
	sc->es = regs->es;
	sc->ds = regs->ds;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->sp = regs->sp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->cx = regs->cx;
	sc->ax = regs->ax;
	sc->trapno = t->trap_nr;
	sc->err = t->error_code;
	sc->ip = regs->ip;
	sc->cs = regs->cs;
	sc->flags = regs->flags;
	sc->sp_at_signal = regs->sp;
	sc->ss = regs->ss;
	sc->fpstate = fpstate;
	sc->oldmask = (u32)mask;
	sc->cr2 = t->cr2;
}

/*
 * restore_sigcontext - the registers from a frame's sigcontext, trusting
 * none of it: CS and SS get ring 3's RPL (a selector the CPU refuses then
 * faults in iret: SIGILL, kernel/entry.asm), only FIX_EFLAGS bits are
 * taken, and no system call is restarted.  Return: 0, or -EFAULT.
 */
static int restore_sigcontext(struct pt_regs *regs, const struct sigcontext_32 __user *usc)
{
	struct sigcontext_32 sc;

	if (copy_from_user(&sc, usc, sizeof(sc)))
		return -EFAULT;
	regs->gs = sc.gs;
	regs->fs = sc.fs;
	regs->es = sc.es;
	regs->ds = sc.ds;
	regs->di = sc.di;
	regs->si = sc.si;
	regs->bp = sc.bp;
	regs->sp = sc.sp;
	regs->bx = sc.bx;
	regs->dx = sc.dx;
	regs->cx = sc.cx;
	regs->ax = sc.ax;
	regs->ip = sc.ip;
	regs->cs = sc.cs | 3;
	regs->ss = sc.ss | 3;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc.flags & FIX_EFLAGS);
	regs->orig_ax = -1;		/* not a system call any more: never restarted */
	return restore_fpstate(sc.fpstate);
}

/*
 * get_sigframe - where a frame of @frame_size goes: below the interrupted
 * ESP (or at the top of the alternate stack, SA_ONSTACK), under the FPU
 * state, which it writes (*@fpstate: the i387 header's address).  ESP+4
 * is 16-byte aligned at the handler's first instruction, as after a call.
 * Return: the frame's address, or 0 when it cannot be had (the alternate
 * stack would overflow, the stack is not writable).
 */
static unsigned long get_sigframe(const struct ksignal *ksig, const struct pt_regs *regs,
				  size_t frame_size, unsigned long *fpstate)
{
	unsigned long sp = regs->sp, buf_fx;
	bool altstack = on_sig_stack(sp);

	if ((ksig->ka.flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sig.sas_ss_sp + current->sig.sas_ss_size;
		altstack = true;
	}
	buf_fx = (sp - FXSAVE_SIZE) & ~63UL;
	*fpstate = buf_fx - sizeof(struct fregs_state);
	sp = ((*fpstate - frame_size + 4) & ~15UL) - 4;
	if (altstack && !__on_sig_stack(sp)) {
		pr_info("%s[%d] overflowed sigaltstack\n", current->comm, current->pid);
		return 0;
	}
	if (sp > regs->sp && !altstack)
		return 0;		/* wrapped around below address 0 */
	if (save_fpstate(*fpstate, buf_fx))
		return 0;
	return sp;
}

// Where the handler returns: its sa_restorer, or the frame's own code at @retcode.
static u32 frame_restorer(const struct ksignal *ksig, unsigned long retcode)
{
	return (ksig->ka.flags & SA_RESTORER) ? (u32)(unsigned long)ksig->ka.restorer : retcode;
}

/* The set the frame saves, for sigreturn to put back: rt_sigsuspend's old one if pending. */
static sigset_t sigmask_to_save(void)
{
	const struct signal_state *s = &current->sig;

	return s->restore_sigmask ? s->saved_sigmask : s->blocked;
}

/*
 * Which of siginfo_t's union members signal @sig with si_code @code uses
 * (Linux's siginfo_layout(), for the signals mm386 knows): a child's exit,
 * a fault's address, sigqueue()'s value, or only the sender (kill).
 */
enum siginfo_layout { SIL_KILL, SIL_CHLD, SIL_FAULT, SIL_RT };

static enum siginfo_layout siginfo_layout(int sig, int code)
{
	if (code <= 0 || code >= SI_KERNEL)
		return code < 0 ? SIL_RT : SIL_KILL;
	if (sig == SIGCHLD)
		return SIL_CHLD;
	if (sig > 0 && valid_signal(sig) && (sigmask(sig) & SYNCHRONOUS_MASK))
		return SIL_FAULT;
	return SIL_KILL;
}

/*
 * fill_siginfo - a user's siginfo_t (Linux's 128-byte layout) from @info:
 * for a handler's frame, which then goes to the user stack whole, and for
 * rt_sigtimedwait().  The words past those @info has are 0.
 * (*) SIGCHLD's si_status and sigqueue()'s si_value are the same word of
 * siginfo_t, as kernel_siginfo's status and value share their union.
 */
void fill_siginfo(u32 out[32], const struct kernel_siginfo *info)
{
	memset(out, 0, 128);
	out[0] = info->signo;
	out[2] = info->code;
	switch (siginfo_layout(info->signo, info->code)) {
	case SIL_CHLD:
		out[6] = info->utime;
		out[7] = info->stime;
		fallthrough;
	case SIL_RT:
		out[5] = info->value;		/* si_value, or SIGCHLD's si_status (*) */
		fallthrough;
	case SIL_KILL:
		out[3] = info->pid;		/* si_pid */
		out[4] = info->uid;		/* si_uid */
		break;
	case SIL_FAULT:
		out[3] = info->addr;		/* si_addr */
		break;
	}
}

/*
 * siginfo_from_user_words - rt_sigqueueinfo(): @info for signal @sig from
 * the 128 bytes of siginfo_t the program made (@in).  As in Linux,
 * si_signo is @sig whatever the program wrote, and the rest is taken as
 * the program wrote it (si_pid, si_uid, si_value...): fill_siginfo() hands
 * the same words to the receiver.
 */
void siginfo_from_user_words(struct kernel_siginfo *info, int sig, const u32 in[32])
{
	*info = (struct kernel_siginfo){ .signo = sig, .code = in[2] };
	switch (siginfo_layout(sig, info->code)) {
	case SIL_CHLD:
		info->utime = in[6];
		info->stime = in[7];
		fallthrough;
	case SIL_RT:
		info->value = in[5];		/* or si_status (*) */
		fallthrough;
	case SIL_KILL:
		info->pid = in[3];
		info->uid = in[4];
		break;
	case SIL_FAULT:
		info->addr = in[3];
		break;
	}
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	static const u8 retcode[8] = { 0xb8, __NR_rt_sigreturn, 0, 0, 0, 0xcd, 0x80, 0 };
	struct rt_sigframe f;
	unsigned long frame, fpstate;
	const struct signal_state *s = &current->sig;

	frame = get_sigframe(ksig, regs, sizeof(f), &fpstate);
	if (!frame)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = frame_restorer(ksig, frame + offsetof_(struct rt_sigframe, retcode));
	f.sig = ksig->sig;
	f.pinfo = frame + offsetof_(struct rt_sigframe, info);
	f.puc = frame + offsetof_(struct rt_sigframe, uc);
	fill_siginfo(f.info, &ksig->info);
	f.uc.uc_stack.ss_sp = (void __user *)s->sas_ss_sp;
	f.uc.uc_stack.ss_flags = sas_ss_flags(regs->sp) | (s->sas_ss_flags & SS_FLAG_BITS);
	f.uc.uc_stack.ss_size = s->sas_ss_size;
	f.uc.uc_sigmask = sigmask_to_save();
	setup_sigcontext(&f.uc.uc_mcontext, regs, fpstate, f.uc.uc_sigmask);
	memcpy(f.retcode, retcode, sizeof(retcode));
	if (copy_to_user((void __user *)frame, &f, sizeof(f)))
		return -EFAULT;
	regs->ax = ksig->sig;
	regs->dx = f.pinfo;
	regs->cx = f.puc;
	regs->sp = frame;
	return 0;
}

static int setup_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	static const u8 retcode[8] = { 0x58, 0xb8, __NR_sigreturn, 0, 0, 0, 0xcd, 0x80 };
	struct sigframe f;
	unsigned long frame, fpstate;
	sigset_t mask = sigmask_to_save();

	frame = get_sigframe(ksig, regs, sizeof(f), &fpstate);
	if (!frame)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = frame_restorer(ksig, frame + offsetof_(struct sigframe, retcode));
	f.sig = ksig->sig;
	setup_sigcontext(&f.sc, regs, fpstate, mask);
	f.extramask[0] = mask >> 32;
	memcpy(f.retcode, retcode, sizeof(retcode));
	if (copy_to_user((void __user *)frame, &f, sizeof(f)))
		return -EFAULT;
	regs->ax = ksig->sig;
	regs->dx = 0;
	regs->cx = 0;
	regs->sp = frame;
	return 0;
}

// Was @regs saved by int $0x80 (a system call that may be restarted)?
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == IA32_SYSCALL_VECTOR && (long)regs->orig_ax >= 0;
}

/*
 * settle_syscall - what becomes of a system call a signal interrupted (its
 * result in EAX asks): -EINTR, or made again (its number back in EAX, EIP
 * back on the 2-byte int $0x80).  @ka: the handler about to run, or NULL.
 */
static void settle_syscall(struct pt_regs *regs, const struct k_sigaction *ka)
{
	long ret = regs->ax;
	bool restart;

	if (!in_syscall(regs))
		return;
	if (ret == -ERESTARTNOINTR)
		restart = true;
	else if (ret == -ERESTARTSYS)
		restart = !ka || (ka->flags & SA_RESTART);
	else if (ret == -ERESTARTNOHAND)
		restart = !ka;
	else
		return;
	if (restart) {
		regs->ax = regs->orig_ax;
		regs->ip -= 2;
	} else {
		regs->ax = -EINTR;
	}
}

/*
 * handle_signal - run @ksig's handler: settle the interrupted system
 * call (-EINTR, or restart under SA_RESTART), build the frame, point EIP
 * at the handler with a clean FPU.  A frame that cannot be built is
 * SIGSEGV (force_sigsegv).
 */
static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	int err;

	settle_syscall(regs, &ksig->ka);
	if (ksig->ka.flags & SA_SIGINFO)
		err = setup_rt_frame(ksig, regs);
	else
		err = setup_frame(ksig, regs);
	if (err) {
		force_sigsegv(ksig->sig);
		return;
	}
	regs->ip = (unsigned long)ksig->ka.handler;
	regs->cs = __USER_CS;
	regs->ss = regs->ds = regs->es = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_clear_user_state();
	signal_delivered(ksig);
}

/**
 * arch_do_signal_or_restart - on the way back to ring 3 (exit_to_user_mode)
 * with a signal to act on, or a system call asking to be restarted: run
 * the next handler, or restart the call when no handler ran.
 * @regs: the user registers, changed to enter the handler
 */
void arch_do_signal_or_restart(struct pt_regs *regs)
{
	struct signal_state *s = &current->sig;
	struct ksignal ksig;

	local_irq_enable();		/* the frame's pages may have to be faulted in */
	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
	} else {
		settle_syscall(regs, NULL);
		if (s->restore_sigmask) {
			s->restore_sigmask = false;
			set_current_blocked(s->saved_sigmask);
		}
	}
	local_irq_disable();
}

// Linux's line for a frame sigreturn could not read; then SIGSEGV.
static void signal_fault(struct pt_regs *regs, unsigned long frame, const char *where)
{
	printk("%s%s[%d] bad frame in %s frame:%08lx ip:%lx sp:%lx orax:%lx",
	       current->pid > 1 ? KERN_INFO : KERN_EMERG, current->comm, current->pid, where,
	       frame, regs->ip, regs->sp, regs->orig_ax);
	print_vma_addr(" in ", regs->ip);
	printk(KERN_CONT "\n");
	force_sig(SIGSEGV);
}

/*
 * rt_sigreturn - the handler of an SA_SIGINFO signal has returned (its
 * `ret` popped pretcode, so the frame is 4 bytes below ESP): put back the
 * registers, blocked set, alternate stack and FPU state it saved.
 * Return: the interrupted EAX (do_int80_syscall_32 stores it back).
 */
long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long frame = regs->sp - 4;
	const struct rt_sigframe __user *f = (const void __user *)frame;
	sigset_t set;
	stack_t st;

	if (copy_from_user(&set, &f->uc.uc_sigmask, sizeof(set)) ||
	    copy_from_user(&st, &f->uc.uc_stack, sizeof(st)))
		goto badframe;
	set_current_blocked(set);
	if (restore_sigcontext(regs, &f->uc.uc_mcontext))
		goto badframe;
	do_sigaltstack(&st, regs->sp);	/* as Linux: a bad one is ignored */
	return regs->ax;
badframe:
	signal_fault(regs, frame, "rt_sigreturn");
	return 0;
}

/* sigreturn - the same for the old frame (its restorer also popped the signal number). */
long sys_sigreturn(void)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long frame = regs->sp - 8;
	const struct sigframe __user *f = (const void __user *)frame;
	u32 mask[2];

	if (copy_from_user(&mask[0], &f->sc.oldmask, sizeof(u32)) ||
	    copy_from_user(&mask[1], &f->extramask[0], sizeof(u32)))
		goto badframe;
	set_current_blocked(mask[0] | (u64)mask[1] << 32);
	if (restore_sigcontext(regs, &f->sc))
		goto badframe;
	return regs->ax;
badframe:
	signal_fault(regs, frame, "sigreturn");
	return 0;
}
