// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/panic.c - what the kernel says when something is wrong.
 *
 *   panic()         "Kernel panic - not syncing: ...", a trace, power off (37)
 *   BUG()           "kernel BUG at file:line!", a trace, power off (37)
 *   WARN()          "WARNING: ... at file:line func+off/size", a trace, go on
 *   might_sleep()   "BUG: sleeping function called from invalid context"
 *
 * The allocators' misuse reports (bad page state, slab corruption, bad
 * vfree) use report_begin()/report_end() so they look the same: a
 * "cut here" line, the report, a call trace, an end marker.  Each one
 * counts in misuse_reports, which tests read to assert exact counts.
 */
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <asm/sections.h>
#include <asm/traps.h>

enum system_states system_state = SYSTEM_BOOTING;
unsigned long misuse_reports;
unsigned long __preempt_count;
EXPORT_SYMBOL(__preempt_count);
int oops_in_progress;

void __noreturn panic(const char *fmt, ...)
{
	static char buf[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!oops_in_progress)	/* an oops already printed its trace */
		dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	system_state = SYSTEM_HALT;
	mm386_power_off(EXIT_OOPS);
}
EXPORT_SYMBOL(panic);

void report_begin(void)
{
	misuse_reports++;
	printk(KERN_WARNING "------------[ cut here ]------------\n");
}

/* report_end - the call trace of the reporting code, then the end marker. */
void report_end(unsigned long caller)
{
	if (caller)
		printk(KERN_WARNING "caller: %pS\n", (void *)caller);
	dump_stack();
	printk(KERN_WARNING "---[ end trace 0000000000000000 ]---\n");
}

noinline void __warn(const char *file, int line, unsigned long caller,
		     const char *fmt, ...)
{
	va_list args;

	report_begin();
	printk(KERN_WARNING "WARNING: CPU: 0 PID: 0 at %s:%d %pS\n", file, line,
	       __builtin_return_address(0));
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	report_end(caller);
}
EXPORT_SYMBOL(__warn);

/**
 * clear_warn_once - re-arm every WARN_ONCE() and WARN_ON_ONCE() of the kernel
 *
 * Linux's /sys/kernel/debug/clear_warn_once.  Each one reports again the
 * next time its condition holds: a test that provokes one can run twice.
 * A module's own flags are in the module, and stay as they are.
 */
void clear_warn_once(void)
{
	__memset(__start_once, 0, __end_once - __start_once);	/* raw: KASAN checks nothing here */
}

void __noreturn __bug(const char *file, int line)
{
	local_irq_disable();
	printk(KERN_EMERG "------------[ cut here ]------------\n");
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	printk(KERN_EMERG "invalid opcode: 0000 [#1]\n");
	dump_stack();
	oops_in_progress = 1;
	panic("Fatal exception");
}
EXPORT_SYMBOL(__bug);

/* preempt_count_underflow - see <linux/preempt.h>; the count is left alone. */
noinline void preempt_count_underflow(unsigned long val)
{
	report_begin();
	printk(KERN_WARNING "DEBUG_LOCKS_WARN_ON(val > preempt_count())\n");
	printk(KERN_WARNING "WARNING: CPU: 0 PID: 0 at kernel/sched/core.c preempt_count_sub\n");
	printk(KERN_WARNING "preempt_count_sub(%#lx) from %pS with preempt_count %lx: nothing to undo; the count is kept\n",
	       val, __builtin_return_address(0), preempt_count());
	report_end(0);
}
EXPORT_SYMBOL(preempt_count_underflow);

/*
 * __might_sleep_flags - the report behind might_sleep().  might_sleep_flags()
 * calls it only in atomic context (preempt_count, or IF clear in @flags, the
 * state before the caller's own local_irq_save()); it stays quiet while the
 * kernel is still booting (interrupts off) or already oopsing, and within a
 * second (HZ jiffies) of its last report.
 */
static unsigned long might_sleep_prev_jiffy;
static bool might_sleep_reported;
unsigned long might_sleep_suppressed;	/* reports the rate limit swallowed */

/*
 * might_sleep_ratelimit_reset - forget when the last report was, so the
 * next one prints.  For the ktest runner (each case is judged on its own)
 * and the demo (each lesson shows its own report).
 */
void might_sleep_ratelimit_reset(void)
{
	might_sleep_reported = false;
}

void __might_sleep_flags(const char *file, int line, unsigned long flags)
{
	unsigned long count = preempt_count();
	int irqs_off = !(flags & X86_EFLAGS_IF);

	if (system_state != SYSTEM_RUNNING || oops_in_progress)
		return;
	/*
	 * At most one report a second, as Linux's __might_resched(): 200
	 * GFP_KERNEL allocations under preempt_disable() are one mistake,
	 * not 200 reports.
	 */
	if (might_sleep_reported && time_before(jiffies, might_sleep_prev_jiffy + HZ)) {
		might_sleep_suppressed++;
		return;
	}
	might_sleep_reported = true;
	might_sleep_prev_jiffy = jiffies;
	report_begin();
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       count != 0, irqs_off, current->pid, current->comm);
	printk(KERN_ERR "preempt_count: %lx, expected: 0\n", count);
	report_end(0);
}
EXPORT_SYMBOL(__might_sleep_flags);
