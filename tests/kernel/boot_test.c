// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/boot_test.c - ktest suite "boot": the state boot leaves.
 *
 * Paging is on with CR0.WP, the kernel runs in the higher half, the
 * identity mapping of low memory is gone (so NULL and user addresses
 * fault), the timer interrupt ticks, interrupt context is visible to the
 * allocators, and the oops machinery (kallsyms, exception table) works.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/setup.h>
#include <asm/e820.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <mm386/ktest.h>
#include <mm386/init.h>


static void paging_enabled(struct ktest *t)
{
	unsigned long cr0 = read_cr0();

	KT_EXPECT_TRUE(t, cr0 & X86_CR0_PG);
	KT_EXPECT_TRUE(t, cr0 & X86_CR0_WP);
	KT_EXPECT_TRUE(t, cr0 & X86_CR0_PE);
	KT_EXPECT_EQ(t, read_cr3(), __pa(swapper_pg_dir));
}

static void kernel_in_higher_half(struct ktest *t)
{
	unsigned long here = _THIS_IP_;
	unsigned long cs;

	KT_EXPECT_GE(t, here, PAGE_OFFSET);
	KT_EXPECT_GE(t, (unsigned long)start_kernel, PAGE_OFFSET);
	KT_EXPECT_GE(t, current_stack_pointer(), PAGE_OFFSET);
	KT_EXPECT_GE(t, (unsigned long)&t, PAGE_OFFSET);
	__asm__ __volatile__("mov %%cs, %0" : "=r"(cs));
	KT_EXPECT_EQ(t, cs, __KERNEL_CS);
}

static void identity_map_gone(struct ktest *t)
{
	unsigned long probes[] = { 0, 0x1000, 0x100000, 0xb8000, PAGE_OFFSET - 4 };
	unsigned int i;
	u32 v;

	for (i = 0; i < 256 * 3; i++)	/* no user-space page tables at all */
		if (swapper_pg_dir[i])
			KT_FAIL(t, "PDE %u (0x%08x) is 0x%08lx", i, i << 22, swapper_pg_dir[i]);
	for (i = 0; i < ARRAY_SIZE(probes); i++)
		KT_EXPECT_EQ(t, copy_from_kernel_nofault(&v, (void *)probes[i], 4), -EFAULT);
	/* The same physical page is reachable through the higher half. */
	KT_EXPECT_EQ(t, copy_from_kernel_nofault(&v, __va(0x100000), 4), 0);
}

static void nofault_copies(struct ktest *t)
{
	char src[8] = "mm386", dst[8] = "";

	KT_EXPECT_EQ(t, copy_from_kernel_nofault(dst, src, sizeof(src)), 0);
	KT_EXPECT_STREQ(t, dst, "mm386");
	KT_EXPECT_EQ(t, copy_to_kernel_nofault(NULL, src, 1), -EFAULT);
	KT_EXPECT_EQ(t, copy_from_kernel_nofault(dst, (void *)0xfffff000, 1), -EFAULT);
}

static void timer_ticks(struct ktest *t)
{
	unsigned long j0 = jiffies, irqs0 = irq_count[IRQ_TIMER];

	KT_ASSERT_FALSE(t, irqs_disabled());
	wait_ticks(3);
	KT_EXPECT_GE(t, jiffies - j0, 3);
	KT_EXPECT_GE(t, irq_count[IRQ_TIMER] - irqs0, 3);
}

struct ctx_probe {
	struct irq_work work;
	unsigned long in_irq, in_interrupt, irqs_off, count;
};

static void probe_context(struct irq_work *work)
{
	struct ctx_probe *p = container_of(work, struct ctx_probe, work);

	p->in_irq = in_irq();
	p->in_interrupt = in_interrupt();
	p->irqs_off = irqs_disabled();
	p->count = preempt_count();
}

static void interrupt_context(struct ktest *t)
{
	struct ctx_probe p = { .work = IRQ_WORK_INIT(probe_context) };
	bool first, second;
	unsigned long flags;

	KT_EXPECT_FALSE(t, in_interrupt());
	KT_EXPECT_FALSE(t, in_atomic());
	/*
	 * Both queue calls with interrupts off: a timer tick between them
	 * would run the work and let the second call queue it again.  That
	 * window is the only way this case can fail on a correct kernel, and
	 * it explains the one failure seen (under clang, whatever the
	 * scheduler does: a tick from task 0 in the kernel never schedules).
	 */
	local_irq_save(flags);
	first = irq_work_queue(&p.work);
	second = irq_work_queue(&p.work);	/* already pending */
	local_irq_restore(flags);
	KT_ASSERT_TRUE(t, first);
	KT_EXPECT_FALSE(t, second);
	irq_work_sync(&p.work);
	KT_EXPECT_TRUE(t, p.in_irq);
	KT_EXPECT_TRUE(t, p.in_interrupt);
	KT_EXPECT_TRUE(t, p.irqs_off);
	KT_EXPECT_EQ(t, p.count, HARDIRQ_OFFSET);
	KT_EXPECT_FALSE(t, in_interrupt());
}

static void irq_save_restore(struct ktest *t)
{
	unsigned long outer, inner;

	local_irq_save(outer);
	KT_EXPECT_TRUE(t, irqs_disabled());
	local_irq_save(inner);
	local_irq_restore(inner);
	KT_EXPECT_TRUE(t, irqs_disabled());	/* still inside the outer one */
	local_irq_restore(outer);
	KT_EXPECT_FALSE(t, irqs_disabled());
}

static void might_sleep_reports(struct ktest *t)
{
	might_sleep();
	KT_EXPECT_REPORTS(t, 0);
	preempt_disable();
	might_sleep();
	preempt_enable();
	KT_EXPECT_REPORTS(t, 1);
}

/*
 * The report names the task that slept in the wrong place, not always
 * task 0: tests/host/test_boot.py looks for "pid: 4242, name: ktest-sleeper"
 * in the log.
 */
static void might_sleep_names_current(struct ktest *t)
{
	static struct task_struct fake;
	struct task_struct *real = current;

	fake.pid = 4242;
	strscpy(fake.comm, "ktest-sleeper", sizeof(fake.comm));
	current_task = &fake;
	preempt_disable();
	might_sleep();
	preempt_enable();
	current_task = real;
	KT_EXPECT_REPORTS(t, 1);
}

static void warn_reports(struct ktest *t)
{
	KT_EXPECT_FALSE(t, WARN(0, "never printed\n"));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_TRUE(t, WARN(1, "boot_test: a deliberate WARNING\n"));
	KT_EXPECT_REPORTS(t, 1);
}

// Report once at this call site, however often @cond holds.
static bool warn_here_once(bool cond)
{
	return WARN_ONCE(cond, "boot_test: a deliberate WARNING, once\n");
}

/* WARN_ONCE reports once; clear_warn_once() re-arms it (even in an earlier run). */
static void warn_once_and_clear(struct ktest *t)
{
	clear_warn_once();
	KT_EXPECT_FALSE(t, warn_here_once(false));
	KT_EXPECT_REPORTS(t, 0);
	KT_EXPECT_TRUE(t, warn_here_once(true));
	KT_EXPECT_TRUE(t, warn_here_once(true));	/* true again, silently */
	KT_EXPECT_REPORTS(t, 1);
	clear_warn_once();
	KT_EXPECT_TRUE(t, warn_here_once(true));
	KT_EXPECT_REPORTS(t, 1);	/* one more */
}

static void multiboot_info(struct ktest *t)
{
	unsigned int i, usable = 0;

	KT_EXPECT_NE(t, boot_loader_name[0], '\0');
	KT_EXPECT_NULL(t, strstr(boot_command_line, "kernel.elf"));
	/* Run by ktest=, the command line holds it; the shell's ktest has no such witness. */
	if (ktest_list_param)
		KT_EXPECT_NOT_NULL(t, strstr(boot_command_line, "ktest="));
	KT_ASSERT_GT(t, e820_table.nr_entries, 0);
	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			usable++;
		if (i)	/* sorted */
			KT_EXPECT_GE(t, e->addr, e820_table.entries[i - 1].addr);
	}
	KT_EXPECT_GE(t, usable, 1);
}

static void kallsyms_names(struct ktest *t)
{
	struct ksym sym;
	char out[KSYM_SYMBOL_LEN], expect[KSYM_SYMBOL_LEN];

	KT_EXPECT_EQ(t, kallsyms_lookup_name("start_kernel"), (unsigned long)start_kernel);
	KT_EXPECT_EQ(t, kallsyms_lookup_name("no_such_symbol_anywhere"), 0);
	KT_ASSERT_TRUE(t, kallsyms_lookup((unsigned long)boot_loader_name + 3, &sym));
	KT_EXPECT_STREQ(t, sym.name, "boot_loader_name");
	KT_EXPECT_EQ(t, sym.addr, (unsigned long)boot_loader_name);
	KT_EXPECT_EQ(t, sym.size, sizeof(boot_loader_name));
	sprint_symbol(out, sizeof(out), (unsigned long)boot_loader_name + 3);
	snprintf(expect, sizeof(expect), "boot_loader_name+0x3/0x%zx", sizeof(boot_loader_name));
	KT_EXPECT_STREQ(t, out, expect);
	KT_EXPECT_FALSE(t, kallsyms_lookup(0x1000, &sym));
}

static struct ktest_case boot_cases[] = {
	KTEST_CASE(paging_enabled),
	KTEST_CASE(kernel_in_higher_half),
	KTEST_CASE(identity_map_gone),
	KTEST_CASE(nofault_copies),
	KTEST_CASE(timer_ticks),
	KTEST_CASE(interrupt_context),
	KTEST_CASE(irq_save_restore),
	KTEST_CASE(might_sleep_reports),
	KTEST_CASE(might_sleep_names_current),
	KTEST_CASE(warn_reports),
	KTEST_CASE(warn_once_and_clear),
	KTEST_CASE(multiboot_info),
	KTEST_CASE(kallsyms_names),
	{}
};

static struct ktest_suite boot_suite = { .name = "boot", .cases = boot_cases };
ktest_register(boot_suite);
