// SPDX-License-Identifier: GPL-2.0
/*
 * shell/sysctl.c - the shell's sysctl: the /proc/sys/vm knobs, as the
 * sysctl(8) tool reads and writes them.
 *
 *   mm386> sysctl                          every knob, "vm.NAME = VALUE"
 *   mm386> sysctl vm.overcommit_memory     one
 *   mm386> sysctl vm.overcommit_memory=2   set it (sysctl -w is the same)
 *
 * The knobs and their rules are kernel/sysctl.c's: a value a program could
 * not write to /proc/sys/vm/NAME is refused here too.  Then meminfo's
 * CommitLimit and Committed_AS, and a program's malloc, show the effect
 * (docs/user-space.md, "Before the OOM killer: overcommit").
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <mm386/shell.h>

// Print "vm.NAME = VALUE" for knob @name.  Return: 0 or -ENOENT.
static int show(const char *name)
{
	char value[24];
	int err = vm_sysctl_read(name, value, sizeof(value));

	if (err)
		return err;
	pr_info("vm.%s = %s\n", name, value);
	return 0;
}

// sysctl(8)'s line for a key with no file: its dots are the path's slashes.
static int no_such_key(const char *key)
{
	char path[SHELL_LINE_MAX];
	char *p;

	strscpy(path, key, sizeof(path));
	for (p = path; *p; p++)
		if (*p == '.')
			*p = '/';
	pr_err("sysctl: cannot stat /proc/sys/%s: No such file or directory\n", path);
	return -ENOENT;
}

// One argument: "vm.NAME" or "vm.NAME=VALUE".
static int sysctl_arg(char *arg)
{
	char *val = strchr(arg, '=');
	int err;

	if (val)
		*val++ = '\0';
	if (strncmp(arg, "vm.", 3))
		return no_such_key(arg);
	err = val ? vm_sysctl_write(arg + 3, val) : 0;
	if (err == -EINVAL) {
		pr_err("sysctl: setting key \"%s\": Invalid argument\n", arg);
		return err;
	}
	if (!err)
		err = show(arg + 3);
	return err == -ENOENT ? no_such_key(arg) : err;
}

static int cmd_sysctl(int argc, char **argv)
{
	const char *name;
	int i, err = 0;

	if (argc > 1 && !strcmp(argv[1], "-w")) {
		argv++;
		argc--;
	}
	if (argc == 1) {
		for (i = 0; (name = vm_sysctl_name(i)) != NULL; i++)
			show(name);
		return 0;
	}
	for (i = 1; i < argc; i++)
		err = sysctl_arg(argv[i]) ?: err;
	return err == -EINVAL ? -EIO : err;	/* the line already said why */
}

static const struct shell_cmd sysctl_cmd = {
	.name = "sysctl", .args = "[-w] [vm.NAME[=VALUE]...]", .min_args = 0,
	.max_args = SHELL_MAX_ARGS - 1, .group = SHELL_PROGRAM, .fn = cmd_sysctl,
	.summary = "read or set /proc/sys/vm: vm.overcommit_memory=2...",
	.help = "vm.overcommit_memory: 0 guess (refuse only a request larger than RAM),\n"
		"1 always, 2 never past CommitLimit.  vm.overcommit_ratio: CommitLimit in\n"
		"percent of RAM; vm.overcommit_kbytes: in kB instead.  Boot parameters:\n"
		"sysctl.vm.overcommit_memory=2 and so on.",
};
shell_register(sysctl_cmd);
