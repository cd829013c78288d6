// SPDX-License-Identifier: GPL-2.0
/*
 * lib/fault-inject.c - should_fail(): the decision behind failslab and
 * fail_page_alloc, in the order Linux's lib/fault-inject.c takes it:
 *
 *   fail-nth set      the task's own count down: the call that reaches 0
 *                     fails, whatever the settings below
 *   probability 0     never
 *   task-filter       only a task whose make-it-fail is 1, never an interrupt
 *   times 0           no failures left
 *   space > size      let @size bytes through, fail later
 *   interval > 1      only every interval-th call is a candidate
 *   probability       a candidate fails with this chance, in percent
 *
 * A forced failure is counted and, with verbose, reported in Linux's
 * words ("FAULT_INJECTION: forcing a failure."), rate-limited.
 * include/linux/fault-inject.h describes the knobs.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/irqflags.h>
#include <linux/fault-inject.h>

bool fault_inject_active;
static unsigned int nr_fail_nth_tasks;	/* tasks whose fail_nth is not 0 */

static void fail_dump(struct fault_attr *attr)
{
	if (attr->verbose > 0 && __ratelimit(&attr->ratelimit_state)) {
		printk(KERN_NOTICE "FAULT_INJECTION: forcing a failure.\n");
		printk(KERN_NOTICE "name %s, interval %lu, probability %lu, space %d, times %d\n",
		       attr->name, attr->interval, attr->probability, attr->space, attr->times);
		if (attr->verbose > 1)
			dump_stack();
	}
}

/**
 * should_fail - should this call fail?
 * @attr: the facility's settings
 * @size: the bytes the call asks for (for space)
 *
 * Return: true to make the caller fail as if there were no memory.
 */
bool should_fail(struct fault_attr *attr, ssize_t size)
{
	unsigned long flags;
	bool fail = false;

	if (system_state != SYSTEM_RUNNING)
		return false;
	local_irq_save(flags);
	if (!in_interrupt() && current->fail_nth) {
		fail = --current->fail_nth == 0;
		if (!fail)
			goto out;
		nr_fail_nth_tasks--;
		fault_inject_update();
		goto failed;
	}
	if (!attr->probability)
		goto out;
	if (attr->task_filter && (in_interrupt() || !current->make_it_fail))
		goto out;	/* before times and space: other tasks use up neither */
	if (!attr->times)
		goto out;
	if (attr->space > size) {
		attr->space -= size;
		goto out;
	}
	if (attr->interval > 1 && ++attr->count % attr->interval)
		goto out;
	if (attr->probability <= (unsigned long)(((u64)get_random_u32() * 100) >> 32))
		goto out;
	if (attr->times > 0)
		attr->times--;
failed:
	attr->failures++;
	fail = true;
out:
	local_irq_restore(flags);
	if (fail)
		fail_dump(attr);
	return fail;
}

/* The attrs anyone has set: fault_inject_update() looks at these. */
static struct fault_attr *known_attrs[8];

static void remember_attr(struct fault_attr *attr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known_attrs); i++) {
		if (known_attrs[i] == attr)
			return;
		if (!known_attrs[i]) {
			known_attrs[i] = attr;
			return;
		}
	}
}

/**
 * set_fail_nth - make @t's @n-th allocation from now fail (Linux's
 * fail-nth), whatever the probability; 0 switches it off
 * @t: the task (its allocations in process context count, not interrupts')
 * @n: which allocation from now: 1 is the next one
 *
 * The facilities' own knobs still apply: a GFP_KERNEL allocation fails
 * only with ignore-gfp-wait=N.  do_exit() switches it off.
 */
void set_fail_nth(struct task_struct *t, unsigned int n)
{
	unsigned long flags;

	local_irq_save(flags);
	nr_fail_nth_tasks += (n != 0) - (t->fail_nth != 0);
	t->fail_nth = n;
	fault_inject_update();
	local_irq_restore(flags);
}

/* fault_inject_update - is any attr armed, or some task's fail-nth set? */
void fault_inject_update(void)
{
	bool active = nr_fail_nth_tasks != 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known_attrs) && known_attrs[i]; i++)
		active |= known_attrs[i]->probability != 0;
	fault_inject_active = active;
}

// The four numbers of a boot parameter, each followed by ',' or the end.
static int next_number(char **s, long *v)
{
	char *end;

	*v = simple_strtol(*s, &end, 0);
	if (end == *s || (*end && *end != ','))
		return -EINVAL;
	*s = *end ? end + 1 : end;
	return 0;
}

/*
 * setup_fault_attr - "<interval>,<probability>,<space>,<times>" into
 * @attr, as Linux's boot parameters give them.  Return: 0, or the
 * parameter's refusal (param_invalid / param_out_of_range).
 */
int setup_fault_attr(struct fault_attr *attr, char *str)
{
	long interval, probability, space, times;

	if (next_number(&str, &interval) || next_number(&str, &probability) ||
	    next_number(&str, &space) || next_number(&str, &times) || *str)
		return param_invalid("expected <interval>,<probability>,<space>,<times>");
	if (interval < 1 || probability < 0 || probability > 100 || space < 0 || times < -1)
		return param_out_of_range("interval >= 1, probability 0-100, space >= 0, times >= -1");
	attr->interval = interval;
	attr->probability = probability;
	attr->space = space;
	attr->times = times;
	remember_attr(attr);
	fault_inject_update();
	return 0;
}

static int parse_bool(const char *val, bool *res)
{
	if (!strcmp(val, "Y") || !strcmp(val, "y") || !strcmp(val, "1")) {
		*res = true;
		return 0;
	}
	if (!strcmp(val, "N") || !strcmp(val, "n") || !strcmp(val, "0")) {
		*res = false;
		return 0;
	}
	return -EINVAL;
}

/*
 * fault_facility_set - set @key of @f to @val: one of the fault_attr's
 * numbers, its task-filter, or a knob of the facility.  '-' and '_' are the same in a key.
 * Return: 0, or -EINVAL for an unknown key or a bad value.
 */
int fault_facility_set(const struct fault_facility *f, const char *key, const char *val)
{
	static const char *const numbers[] = { "probability", "interval", "times", "space",
					       "verbose" };
	struct fault_attr *a = f->attr;
	const struct fault_knob *k;
	char name[32];
	unsigned int i;
	int v;

	strscpy(name, key, sizeof(name));
	for (i = 0; name[i]; i++)
		if (name[i] == '_')
			name[i] = '-';
	if (!strcmp(name, "task-filter"))	/* every facility has it */
		return parse_bool(val, &a->task_filter);
	for (k = f->knobs; k->name; k++) {
		if (strcmp(k->name, name))
			continue;
		if (k->flag)
			return parse_bool(val, k->flag);
		if (kstrtoint(val, 0, &v) || v < 0)
			return -EINVAL;
		*k->value = v;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(numbers); i++)
		if (!strcmp(numbers[i], name))
			break;
	if (i == ARRAY_SIZE(numbers) || kstrtoint(val, 0, &v))
		return -EINVAL;
	if ((i == 0 && (v < 0 || v > 100)) || (i == 1 && v < 1) || (i == 2 && v < -1) ||
	    ((i == 3 || i == 4) && v < 0))
		return -EINVAL;
	switch (i) {
	case 0: a->probability = v; break;
	case 1: a->interval = v; break;
	case 2: a->times = v; break;
	case 3: a->space = v; break;
	case 4: a->verbose = v; break;
	}
	remember_attr(a);
	fault_inject_update();
	return 0;
}

/* fault_facility_show - one line of numbers, one of knobs, one of results. */
void fault_facility_show(const struct fault_facility *f)
{
	const struct fault_attr *a = f->attr;
	const struct fault_knob *k;
	char knobs[160];
	int n = 0;

	for (k = f->knobs; k->name; k++) {
		if (k->flag)
			n += scnprintf(knobs + n, sizeof(knobs) - n, " %s=%c", k->name,
				       *k->flag ? 'Y' : 'N');
		else
			n += scnprintf(knobs + n, sizeof(knobs) - n, " %s=%u", k->name, *k->value);
	}
	pr_info("%s: probability=%lu interval=%lu times=%d space=%d verbose=%lu task-filter=%c%s\n",
		f->name, a->probability, a->interval, a->times, a->space, a->verbose,
		a->task_filter ? 'Y' : 'N', knobs);
	pr_info("%s: %lu failures forced, %lu reports suppressed by the rate limit\n", f->name,
		a->failures, a->ratelimit_state.suppressed);
}
