// SPDX-License-Identifier: GPL-2.0
/*
 * shell/builtins.c - the shell's own commands: echo, dmesg, ktest, poweroff.
 *
 * Commands about the kernel as a program rather than its memory: print
 * words, show the kernel log buffer, run the in-kernel test suites without
 * powering off, and leave QEMU.  help and history live with the
 * dispatcher (shell.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/console.h>
#include <linux/slab.h>
#include <linux/reboot.h>
#include <mm386/shell.h>
#include <mm386/ktest.h>

static int cmd_echo(int argc, char **argv)
{
	char line[SHELL_LINE_MAX];
	size_t n = 0;
	int i;

	line[0] = '\0';
	for (i = 1; i < argc; i++)
		n += scnprintf(line + n, sizeof(line) - n, "%s%s", i > 1 ? " " : "", argv[i]);
	pr_info("%s\n", line);
	return 0;
}

static const struct shell_cmd echo_cmd = {
	.name = "echo", .args = "[WORD...]", .max_args = SHELL_MAX_ARGS - 1,
	.group = SHELL_PROGRAM, .fn = cmd_echo, .summary = "print the words",
};
shell_register(echo_cmd);

/*
 * dmesg writes the log to the consoles directly, not through printk: what
 * it prints is the log itself and must not be appended to it again.
 */
static int cmd_dmesg(int argc, char **argv)
{
	char *buf = kmalloc(LOG_BUF_LEN, GFP_KERNEL);
	unsigned long n;

	if (!buf) {
		pr_err("dmesg: no memory for a copy of the log\n");
		return -ENOMEM;
	}
	n = log_buf_read(buf, LOG_BUF_LEN);
	console_write(buf, n);
	kfree(buf);
	return 0;
}

static const struct shell_cmd dmesg_cmd = {
	.name = "dmesg", .args = "", .group = SHELL_PROGRAM, .fn = cmd_dmesg,
	.summary = "the kernel log buffer: everything printk said since boot",
};
shell_register(dmesg_cmd);

static int cmd_ktest(int argc, char **argv)
{
	if (argc == 1) {
		pr_info("ktest suites: ");
		ktest_list();
		return 0;
	}
	if (ktest_run(argv[1])) {
		pr_err("ktest: %s: some tests failed (see \"not ok\" above)\n", argv[1]);
		return -EIO;
	}
	pr_info("ktest: %s: all passed\n", argv[1]);
	return 0;
}

static const struct shell_cmd ktest_cmd = {
	.name = "ktest", .args = "[SUITE[,SUITE...]|all]", .max_args = 1,
	.group = SHELL_PROGRAM, .fn = cmd_ktest,
	.summary = "run test suites (KTAP), or list them",
	.help = "The same runner as the ktest= parameter, but the kernel keeps running\n"
		"afterwards.  Suites that assume a freshly booted kernel may see what\n"
		"earlier commands left behind.",
};
shell_register(ktest_cmd);

static int cmd_poweroff(int argc, char **argv)
{
	pr_info("mm386: powering off (done)\n");
	mm386_power_off(EXIT_BOOT_OK);
}

static const struct shell_cmd poweroff_cmd = {
	.name = "poweroff", .args = "", .group = SHELL_PROGRAM, .fn = cmd_poweroff,
	.summary = "leave QEMU with status 33, as the poweroff parameter does",
};
shell_register(poweroff_cmd);
