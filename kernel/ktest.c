// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ktest.c - the in-kernel test runner, printing KTAP version 1.
 *
 * Suites are found through the .ktest_suites section (ktest_register()).
 * The output has the shape of Linux's KUnit, so KUnit's tools and the
 * pytest harness (tests/host/ktap.py) both read it:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: lib
 *	    1..3
 *	    ok 1 vsnprintf_formats
 *	    # string_routines: EXPECTATION FAILED at tests/kernel/lib_test.c:40
 *	    Expected strlen("abc") == 4, but
 *	        strlen("abc") == 3 (0x3)
 *	        4 == 4 (0x4)
 *	    not ok 2 string_routines
 *	    ok 3 list_ops # SKIP needs highmem
 *	    # lib: pass:1 fail:1 skip:1 total:3
 *	not ok 1 lib
 *	...
 *	# Totals: pass:... fail:... skip:... total:...
 *
 * After each case the runner checks that the case left the CPU as it found
 * it (interrupts on, preempt_count balanced: a leaked kmap_atomic shows up
 * here) and that it produced no BUG/WARNING report it did not announce.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <mm386/ktest.h>
#include <mm386/initcall.h>
#include <linux/kasan.h>

extern struct ktest_suite *__start_ktest_suites[], *__stop_ktest_suites[];

#define for_each_suite(s, p)						\
	for (p = __start_ktest_suites; p < __stop_ktest_suites && ((s) = *p); p++)

struct ktest_totals {
	int pass, fail, skip;
};

static void ktest_failed(struct ktest *t, bool assert)
{
	t->failed = 1;
	if (assert)
		ktest_abort(t);
}

void __noreturn ktest_abort(struct ktest *t)
{
	longjmp(t->abort, 1);
}

static const char *kind(bool assert)
{
	return assert ? "ASSERTION" : "EXPECTATION";
}

void ktest_fail_compare(struct ktest *t, bool assert, const char *file, int line,
			const char *op, const char *left, long long lv,
			const char *right, long long rv)
{
	printk("    # %s: %s FAILED at %s:%d\n", t->name, kind(assert), file, line);
	printk("    Expected %s %s %s, but\n", left, op, right);
	printk("        %s == %lld (0x%llx)\n", left, lv, lv);
	printk("        %s == %lld (0x%llx)\n", right, rv, rv);
	ktest_failed(t, assert);
}

void ktest_fail_str(struct ktest *t, bool assert, const char *file, int line,
		    const char *left, const char *lv, const char *right, const char *rv)
{
	printk("    # %s: %s FAILED at %s:%d\n", t->name, kind(assert), file, line);
	printk("    Expected %s == %s, but\n", left, right);
	printk("        %s == \"%s\"\n", left, lv ? lv : "(null)");
	printk("        %s == \"%s\"\n", right, rv ? rv : "(null)");
	ktest_failed(t, assert);
}

void ktest_fail_msg(struct ktest *t, bool assert, const char *file, int line,
		    const char *fmt, ...)
{
	va_list args;

	printk("    # %s: %s FAILED at %s:%d\n    ", t->name, kind(assert), file, line);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	ktest_failed(t, assert);
}

void ktest_check_reports(struct ktest *t, unsigned long expected,
			 const char *file, int line)
{
	unsigned long seen = misuse_reports - t->reports_seen;

	t->reports_seen = misuse_reports;
	if (seen != expected) {
		printk("    # %s: EXPECTATION FAILED at %s:%d\n", t->name, file, line);
		printk("    Expected %lu BUG/WARNING report(s), but saw %lu\n", expected, seen);
		t->failed = 1;
	} else if (seen) {
		printk("    # %s: the %lu report%s above %s provoked on purpose, as expected\n",
		       t->name, seen, seen == 1 ? "" : "s", seen == 1 ? "was" : "were");
	}
}

void ktest_note(struct ktest *t, const char *fmt, ...)
{
	va_list args;

	printk("    # %s: ", t->name);
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk(KERN_CONT "\n");
}

void __noreturn ktest_skip(struct ktest *t, const char *reason)
{
	t->skipped = 1;
	t->skip_reason = reason;
	ktest_abort(t);
}

// Run one case; print its result line.  Returns its outcome in @tot.
static void run_case(struct ktest_case *c, int index, struct ktest_totals *tot)
{
	struct ktest t = { .name = c->name, .reports_seen = misuse_reports };
	struct cpu_context ctx;
	char what[96];

	local_irq_enable();
	might_sleep_ratelimit_reset();	/* each case's reports are its own */
	cpu_context_save(&ctx);
	if (setjmp(t.abort) == 0)
		c->run(&t);
	else		/* an assertion longjmp()ed out of frames whose redzones stay */
		kasan_unpoison_stack_below(__builtin_frame_address(0));
	if (preempt_count() != ctx.preempt_count)
		printk("    # %s: left preempt_count at %lx (was %lx)\n", c->name,
		       preempt_count(), ctx.preempt_count);
	if (cpu_context_restore(&ctx, what, sizeof(what))) {
		printk("    # %s: returned with %s\n", c->name, what);
		t.failed = 1;
	}
	if (!t.skipped && misuse_reports != t.reports_seen) {
		printk("    # %s: %lu unexpected BUG/WARNING report(s)\n", c->name,
		       misuse_reports - t.reports_seen);
		t.failed = 1;
	}
	if (t.failed) {
		printk("    not ok %d %s\n", index, c->name);
		tot->fail++;
	} else if (t.skipped) {
		printk("    ok %d %s # SKIP %s\n", index, c->name, t.skip_reason);
		tot->skip++;
	} else {
		printk("    ok %d %s\n", index, c->name);
		tot->pass++;
	}
}

// Run a suite as subtest @index; returns true if nothing failed.
static bool run_suite(struct ktest_suite *s, int index, struct ktest_totals *all)
{
	struct ktest_totals tot = { 0, 0, 0 };
	struct ktest_case *c;
	int n = 0, i;

	for (c = s->cases; c->name; c++)
		n++;
	printk("    KTAP version 1\n");
	printk("    # Subtest: %s\n", s->name);
	if (s->init && s->init()) {
		printk("    1..0 # SKIP suite init failed\n");
		printk("not ok %d %s\n", index, s->name);
		all->fail++;
		return false;
	}
	printk("    1..%d\n", n);
	for (i = 0; i < n; i++)
		run_case(&s->cases[i], i + 1, &tot);
	if (s->exit)
		s->exit();
	printk("    # %s: pass:%d fail:%d skip:%d total:%d\n", s->name, tot.pass,
	       tot.fail, tot.skip, n);
	if (tot.fail)
		printk("not ok %d %s\n", index, s->name);
	else if (tot.skip == n && n)
		printk("ok %d %s # SKIP all cases skipped\n", index, s->name);
	else
		printk("ok %d %s\n", index, s->name);
	all->pass += tot.pass;
	all->fail += tot.fail;
	all->skip += tot.skip;
	return tot.fail == 0;
}

bool ktest_suite_exists(const char *name)
{
	struct ktest_suite **p, *s;

	for_each_suite(s, p)
		if (!strcmp(s->name, name))
			return true;
	return false;
}

void ktest_list(void)
{
	struct ktest_suite **p, *s;

	for_each_suite(s, p)
		printk("%s ", s->name);
	printk("\n");
}

static bool selected(const char *list, const struct ktest_suite *s)
{
	if (!strcmp(list, "all"))
		return !s->manual;
	return match_word(list, s->name, ',');
}

// Count the names in @list that match no suite (printing them if @print).
static int count_unknown(const char *list, bool print, int index)
{
	char name[64];
	int n = 0;

	if (!strcmp(list, "all"))
		return 0;
	while (next_word(&list, ',', name, sizeof(name))) {
		if (ktest_suite_exists(name))
			continue;
		if (print) {
			printk("    KTAP version 1\n");
			printk("    # Subtest: %s\n", name);
			printk("    1..0\n");
			printk("not ok %d %s # no such test suite\n", index + n, name);
		}
		n++;
	}
	return n;
}

int ktest_run(const char *list)
{
	struct ktest_totals all = { 0, 0, 0 };
	struct ktest_suite **p, *s;
	int nsuites = 0, index = 0, unknown;
	bool ok = true;

	for_each_suite(s, p)
		nsuites += selected(list, s);
	unknown = count_unknown(list, false, 0);
	printk("KTAP version 1\n");
	printk("1..%d\n", nsuites + unknown);
	for_each_suite(s, p)
		if (selected(list, s))
			ok &= run_suite(s, ++index, &all);
	if (unknown) {
		count_unknown(list, true, index + 1);
		printk("# valid suites:");
		for_each_suite(s, p)
			printk(KERN_CONT " %s", s->name);
		printk(KERN_CONT "\n");
		ok = false;
	}
	printk("# Totals: pass:%d fail:%d skip:%d total:%d\n", all.pass,
	       all.fail + unknown, all.skip, all.pass + all.fail + all.skip);
	return ok ? 0 : -1;
}
