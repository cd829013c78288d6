// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sysctl.c - /proc/sys/vm: the knobs a running kernel can be turned
 * with, as files.
 *
 *   $ cat /proc/sys/vm/overcommit_memory
 *   0
 *   # echo 2 > /proc/sys/vm/overcommit_memory    (now malloc() can fail)
 *
 * Each knob is a number in the kernel (an int or an unsigned long) with
 * the rules Linux 6.1's vm_table gives it: a read prints it and a newline;
 * a write takes one number in C's bases with white space around it,
 * refuses anything else or a value outside the knob's range with -EINVAL,
 * and returns the whole count.  The same knobs can be set at boot with
 * Linux's sysctl.vm.NAME=VALUE parameters (Linux 5.8 and later), which
 * go through the same checks, and the shell's sysctl command
 * (shell/sysctl.c).  So far the table holds the overcommit knobs
 * (mm/util.c explains them); Committed_AS and CommitLimit in
 * /proc/meminfo show their effect.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/fs.h>
#include <linux/mman.h>
#include <linux/uaccess.h>
#include <linux/sysctl.h>

/*
 * struct ctl_table - one file of /proc/sys/vm
 * @data: an int (@is_long false) or an unsigned long
 * @min, @max: the values a write may set (an int knob's)
 * @written: called after a write that set the knob (or NULL)
 */
struct ctl_table {
	const char *procname;
	void *data;
	bool is_long;
	long min, max;
	void (*written)(void);
};

/* Setting one of CommitLimit's two sources turns the other off, as in Linux. */
static void overcommit_ratio_written(void)
{
	sysctl_overcommit_kbytes = 0;
}

static void overcommit_kbytes_written(void)
{
	sysctl_overcommit_ratio = 0;
}

static const struct ctl_table vm_table[] = {
	{ "overcommit_memory", &sysctl_overcommit_memory, false, OVERCOMMIT_GUESS,
	  OVERCOMMIT_NEVER, NULL },
	{ "overcommit_ratio", &sysctl_overcommit_ratio, false, INT_MIN, INT_MAX,
	  overcommit_ratio_written },
	{ "overcommit_kbytes", &sysctl_overcommit_kbytes, true, 0, 0, overcommit_kbytes_written },
	{ "user_reserve_kbytes", &sysctl_user_reserve_kbytes, true, 0, 0, NULL },
	{ "admin_reserve_kbytes", &sysctl_admin_reserve_kbytes, true, 0, 0, NULL },
};

static const struct ctl_table *find_ctl(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(vm_table); i++)
		if (!strcmp(vm_table[i].procname, name))
			return &vm_table[i];
	return NULL;
}

/*
 * ctl_set - set knob @t from the text @text (white space around the number
 * allowed).  Return: 0, or -EINVAL (not a number, or out of range).
 */
static int ctl_set(const struct ctl_table *t, char *text)
{
	text = strim(text);
	if (t->is_long) {
		unsigned long v;

		if (kstrtoul(text, 0, &v))
			return -EINVAL;
		*(unsigned long *)t->data = v;
	} else {
		long v;
		bool neg = *text == '-';
		unsigned long mag;

		if (kstrtoul(text + neg, 0, &mag) || mag > (unsigned long)INT_MAX + neg)
			return -EINVAL;
		v = neg ? -(long)mag : (long)mag;
		if (v < t->min || v > t->max)
			return -EINVAL;
		*(int *)t->data = (int)v;
	}
	if (t->written)
		t->written();
	return 0;
}

// Knob @name's value as text (no newline) in @buf.  Return: 0 or -ENOENT.
static int ctl_text(const struct ctl_table *t, char *buf, size_t size)
{
	if (t->is_long)
		scnprintf(buf, size, "%lu", *(unsigned long *)t->data);
	else
		scnprintf(buf, size, "%d", *(int *)t->data);
	return 0;
}

/**
 * vm_sysctl_read - /proc/sys/vm/@name's value, as text without the newline
 * Return: 0, or -ENOENT (no such knob).
 */
int vm_sysctl_read(const char *name, char *buf, size_t size)
{
	const struct ctl_table *t = find_ctl(name);

	return t ? ctl_text(t, buf, size) : -ENOENT;
}

/**
 * vm_sysctl_write - set /proc/sys/vm/@name to @val, with a write's checks
 * Return: 0, -ENOENT (no such knob) or -EINVAL (not a value it takes).
 */
int vm_sysctl_write(const char *name, char *val)
{
	const struct ctl_table *t = find_ctl(name);

	return t ? ctl_set(t, val) : -ENOENT;
}

// The name of knob @i, or NULL past the last (the shell's sysctl lists them).
const char *vm_sysctl_name(unsigned int i)
{
	return i < ARRAY_SIZE(vm_table) ? vm_table[i].procname : NULL;
}

// The knob a /proc/sys/vm file was opened for: its index in f_pid.
static const struct ctl_table *file_ctl(const struct file *f)
{
	return &vm_table[f->f_pid];
}

static ssize_t proc_sys_read(struct file *f, char __user *buf, size_t count)
{
	char text[24];
	size_t len;

	ctl_text(file_ctl(f), text, sizeof(text) - 1);
	len = strlen(text);
	text[len++] = '\n';
	return simple_read_from_buffer(buf, count, &f->f_pos, text, len);
}

static ssize_t proc_sys_write(struct file *f, const char __user *buf, size_t count)
{
	char text[24];
	size_t len = min(count, sizeof(text) - 1);
	int err;

	if (count >= sizeof(text))
		return -EINVAL;		/* no number of ours is that long */
	if (copy_from_user(text, buf, len))
		return -EFAULT;
	text[len] = '\0';
	err = ctl_set(file_ctl(f), text);
	return err ? err : (ssize_t)count;
}

static const struct file_operations proc_sys_fops = {
	.read = proc_sys_read,
	.write = proc_sys_write,
	.mode = S_IFREG | 0644,
};

/**
 * proc_sys_open - open /proc/sys/vm/NAME
 * Return: the file, or NULL with *@err -ENOENT (no such knob) or -ENOMEM.
 */
struct file *proc_sys_open(const char *path, long *err)
{
	const struct ctl_table *t = NULL;
	struct file *f;

	if (!strncmp(path, "/proc/sys/vm/", 13))
		t = find_ctl(path + 13);
	if (!t) {
		*err = -ENOENT;
		return NULL;
	}
	f = alloc_file(&proc_sys_fops, "/proc/sys/vm");
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->f_pid = t - vm_table;
	return f;
}

/* sysctl.vm.NAME=VALUE at boot: the handler's name is the knob's. */
static int __init sysctl_param(const char *name, char *val)
{
	const struct ctl_table *t = find_ctl(name);
	char text[24];

	if (strscpy(text, val, sizeof(text)) < 0 || ctl_set(t, text))
		return param_invalid("not a value /proc/sys/vm/%s takes", name);
	return 0;
}

#define sysctl_vm_param(knob, param)					\
	static int __init sysctl_vm_##knob(char *val)			\
	{								\
		return sysctl_param(#knob, val);			\
	}								\
	__setup(param, sysctl_vm_##knob)

sysctl_vm_param(overcommit_memory, "sysctl.vm.overcommit_memory=");
sysctl_vm_param(overcommit_ratio, "sysctl.vm.overcommit_ratio=");
sysctl_vm_param(overcommit_kbytes, "sysctl.vm.overcommit_kbytes=");
sysctl_vm_param(user_reserve_kbytes, "sysctl.vm.user_reserve_kbytes=");
sysctl_vm_param(admin_reserve_kbytes, "sysctl.vm.admin_reserve_kbytes=");
