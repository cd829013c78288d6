// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/initcall.c - calling code that must give the CPU back as it found it.
 *
 * A module's init function runs with preemption enabled and interrupts
 * on, and must return that way.  One that forgets a preempt_enable(), a
 * kunmap_atomic() or a local_irq_enable() leaves the whole kernel in
 * atomic context: every later GFP_KERNEL allocation would report
 * "sleeping function called from invalid context", and with interrupts
 * off the timer stops.  Linux's do_one_initcall() (init/main.c) checks
 * after each call and repairs it, with one warning:
 *
 *   initcall mod_init+0x0/0x40 [mod] returned with preemption imbalance disabled interrupts
 *
 * mm386 does the same for module init functions (kernel/module/main.c),
 * and also gives back kmap_atomic() slots still held: their fixmap
 * mappings would otherwise stay, and the next kmap_atomic() nest above
 * them.  The ktest runner uses the same snapshot around each case.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/highmem.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/string.h>
#include <linux/export.h>
#include <mm386/initcall.h>

void cpu_context_save(struct cpu_context *c)
{
	c->preempt_count = preempt_count();
	c->kmap_atomic = kmap_atomic_depth();
}

/*
 * cpu_context_restore - undo what a call left behind: kmap_atomic slots
 * above the saved depth, a different preempt_count, interrupts off.
 * @what gets Linux's words for each ("preemption imbalance ", ...).
 * Return: true if anything had to be repaired.
 */
bool cpu_context_restore(const struct cpu_context *c, char *what, size_t size)
{
	int slots = kmap_atomic_unwind(c->kmap_atomic);
	size_t n = 0;

	what[0] = '\0';
	if (slots)
		n += scnprintf(what + n, size - n, "%d kmap_atomic mapping%s held ", slots,
			       slots == 1 ? "" : "s");
	if (preempt_count() != c->preempt_count) {
		n += scnprintf(what + n, size - n, "preemption imbalance ");
		__preempt_count = c->preempt_count;
	}
	if (irqs_disabled()) {
		n += scnprintf(what + n, size - n, "disabled interrupts ");
		local_irq_enable();
	}
	return n != 0;
}

/**
 * do_one_initcall - call an init function and repair what it left behind
 * @fn: the function (a module's init_module)
 *
 * Return: what @fn returned.  If it came back holding kmap_atomic slots,
 * with a different preempt_count or with interrupts disabled, a WARNING
 * says so in Linux's words and the state is put back.
 */
int do_one_initcall(initcall_t fn)
{
	struct cpu_context c;
	char what[96];
	int ret;

	cpu_context_save(&c);
	ret = fn();
	if (cpu_context_restore(&c, what, sizeof(what)))
		WARN(1, "initcall %pS returned with %s\n", fn, what);
	return ret;
}
