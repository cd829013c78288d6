// SPDX-License-Identifier: GPL-2.0
/*
 * shell/fault.c - the shell's fault command: fault injection at the prompt.
 *
 * Linux keeps failslab's and fail_page_alloc's settings in debugfs
 * (/sys/kernel/debug/failslab/probability...); here they are one command:
 *
 *   fault                          both facilities: settings, failures so far
 *   fault failslab probability=10 interval=1 times=-1 ignore-gfp-wait=N
 *   fault fail_page_alloc min-order=0 probability=5
 *   fault failslab task-filter=Y   only tasks with /proc/PID/make-it-fail
 *                                  set see failures (user/failcmd)
 *   fault nth 3                    the shell's 3rd allocation from now
 *                                  fails (its own fail-nth: Linux's
 *                                  /proc/thread-self/fail-nth)
 *
 * A kmalloc or vmalloc at the prompt then shows what a failure looks like
 * from the caller's side: NULL, and nothing taken.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fault-inject.h>
#include <mm386/shell.h>

static const struct fault_facility *const facilities[] = {
	&failslab_facility, &fail_page_alloc_facility,
};

static int cmd_fault(int argc, char **argv)
{
	const struct fault_facility *f = NULL;
	unsigned int i;
	int n;

	if (argc == 1) {
		for (i = 0; i < ARRAY_SIZE(facilities); i++)
			fault_facility_show(facilities[i]);
		pr_info("fail-nth: %u\n", current->fail_nth);
		return 0;
	}
	if (!strcmp(argv[1], "nth")) {
		if (argc != 3 || kstrtoint(argv[2], 0, &n) || n < 0) {
			pr_err("fault: nth takes one number, 0 to switch it off\n");
			return -EINVAL;
		}
		set_fail_nth(current, n);
		pr_info("fail-nth: %u\n", current->fail_nth);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(facilities); i++)
		if (!strcmp(argv[1], facilities[i]->name))
			f = facilities[i];
	if (!f) {
		pr_err("fault: no facility %s (failslab, fail_page_alloc, nth)\n", argv[1]);
		return -EINVAL;
	}
	for (i = 2; i < (unsigned int)argc; i++) {
		char *val = strchr(argv[i], '=');

		if (!val) {
			pr_err("fault: %s: expected KEY=VALUE\n", argv[i]);
			return -EINVAL;
		}
		*val++ = '\0';
		if (fault_facility_set(f, argv[i], val)) {
			pr_err("fault: %s: bad key or value %s\n", argv[i], val);
			return -EINVAL;
		}
	}
	fault_facility_show(f);
	return 0;
}

static const struct shell_cmd fault_cmd = {
	.name = "fault", .args = "[FACILITY KEY=VALUE...|nth N]", .min_args = 0,
	.max_args = SHELL_MAX_ARGS - 1, .group = SHELL_PROGRAM, .fn = cmd_fault,
	.summary = "fault injection: failslab, fail_page_alloc, fail-nth",
	.help = "KEYs: probability (percent), interval, times (-1: no limit), space (bytes,\n"
		"pages for fail_page_alloc), verbose (0-2), task-filter=Y/N (only tasks with\n"
		"/proc/PID/make-it-fail 1), ignore-gfp-wait=Y/N, and for\n"
		"fail_page_alloc ignore-gfp-highmem=Y/N, min-order.  Boot parameters:\n"
		"failslab=<interval>,<probability>,<space>,<times>, failslab.ignore_gfp_wait=N...",
};
shell_register(fault_cmd);
