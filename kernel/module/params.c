// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/params.c - module parameters: `insmod mod.ko a=1 b=x`.
 *
 * A module declares its parameters with module_param() and friends
 * (include/linux/moduleparam.h): a table of struct kernel_param in its
 * "__param" section.  Once the loader has relocated the module (so the
 * table's pointers point at the module's variables), and before init
 * runs, kparam_parse_args() (Linux: parse_args()) walks the text the
 * module was loaded with and calls each named parameter's set() - exactly
 * where Linux 6.1's load_module() does it, with its messages:
 *
 *   a name the module does not have   "mem_module: unknown parameter 'x' ignored"
 *                                     (the module loads anyway)
 *   a value its type does not take    "mem_module: `abc' invalid for parameter `count'"
 *   too many values for an array      "sizes: can only take 4 arguments"
 *   a string over 1024 characters     "mem_module: `...' too large for parameter `label'"
 *
 * and the last three refuse the module (-EINVAL, -ENOSPC), as insmod's
 * "Invalid parameters" does.  When the module goes, strings that set()
 * allocated are freed (destroy_params).  Linux keeps this code in
 * kernel/params.c with the kernel's own command line; mm386's
 * kernel/params.c is the command line's alone, and lends its next_arg().
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/export.h>
#include "internal.h"

#define INT_MIN		(-INT_MAX - 1)
#define LONG_MIN	(-LONG_MAX - 1)

/* ---------------------------------------------------------------------
 * The types: set (parse) and get (print) for each
 */

#define STANDARD_PARAM_DEF(name, type, format, parse)				\
	int param_set_##name(const char *val, const struct kernel_param *kp)	\
	{									\
		return parse(val, (type *)kp->arg);				\
	}									\
	int param_get_##name(char *buffer, const struct kernel_param *kp)	\
	{									\
		return scnprintf(buffer, PAGE_SIZE, format "\n", *((type *)kp->arg)); \
	}									\
	const struct kernel_param_ops param_ops_##name = {			\
		.set = param_set_##name,					\
		.get = param_get_##name,					\
	};									\
	EXPORT_SYMBOL(param_set_##name);					\
	EXPORT_SYMBOL(param_get_##name);					\
	EXPORT_SYMBOL(param_ops_##name)

/*
 * Numbers in the C notations kstrtoull()'s base 0 knows (10, 0x10, 010),
 * checked against the type's range: parse_signed(val, res, min, max).
 */
static int parse_signed(const char *val, long long *res, long long min, long long max)
{
	unsigned long long v;
	bool neg = val[0] == '-';
	int err = kstrtoull(val + (neg || val[0] == '+'), 0, &v);

	if (err)
		return err;
	if ((!neg && v > (unsigned long long)max) ||
	    (neg && v > (unsigned long long)-(min + 1) + 1))
		return -ERANGE;
	*res = neg ? -(long long)v : (long long)v;
	return 0;
}

static int parse_unsigned(const char *val, unsigned long long *res, unsigned long long max,
			  unsigned int base)
{
	int err = kstrtoull(val + (val[0] == '+'), base, res);

	if (!err && *res > max)
		return -ERANGE;
	return err;
}

#define SIGNED_PARSER(fn, type, min, max)					\
	static int fn(const char *val, type *res)				\
	{									\
		long long v;							\
		int err = parse_signed(val, &v, min, max);			\
										\
		if (!err)							\
			*res = v;						\
		return err;							\
	}

#define UNSIGNED_PARSER(fn, type, max, base)					\
	static int fn(const char *val, type *res)				\
	{									\
		unsigned long long v;						\
		int err = parse_unsigned(val, &v, max, base);			\
										\
		if (!err)							\
			*res = v;						\
		return err;							\
	}

UNSIGNED_PARSER(kstrtou8_, unsigned char, 0xff, 0)
SIGNED_PARSER(kstrtos16_, short, -32768, 32767)
UNSIGNED_PARSER(kstrtou16_, unsigned short, 0xffff, 0)
SIGNED_PARSER(kstrtoint_, int, INT_MIN, INT_MAX)
UNSIGNED_PARSER(kstrtouint_, unsigned int, UINT_MAX, 0)
SIGNED_PARSER(kstrtol_, long, LONG_MIN, LONG_MAX)
UNSIGNED_PARSER(kstrtoul_, unsigned long, ULONG_MAX, 0)
UNSIGNED_PARSER(kstrtoull_, unsigned long long, ~0ULL, 0)
UNSIGNED_PARSER(kstrtouint16_, unsigned int, UINT_MAX, 16)

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtou8_);
STANDARD_PARAM_DEF(short, short, "%hi", kstrtos16_);
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtou16_);
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint_);
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint_);
STANDARD_PARAM_DEF(long, long, "%li", kstrtol_);
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul_);
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull_);
STANDARD_PARAM_DEF(hexint, unsigned int, "%#08x", kstrtouint16_);

/*
 * Strings: a kmalloc'd copy, so the module keeps it after the text is
 * gone.  A module's charp variable starts as a pointer into its own data
 * (vmalloc memory) or NULL; only the copies set() made are in lowmem, and
 * only those are freed (on a second set, and when the module goes).
 */
#define MAX_CHARP_LEN	1024

static void param_free_charp(void *arg)
{
	char **p = arg;

	if (*p && virt_addr_valid(*p)) {
		kfree(*p);
		*p = NULL;
	}
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char *copy;

	if (strlen(val) > MAX_CHARP_LEN) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	copy = kstrdup(val, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	param_free_charp(kp->arg);
	*(char **)kp->arg = copy;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", *((char **)kp->arg));
}
EXPORT_SYMBOL(param_get_charp);

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

/* bool: no value means true ("insmod m.ko verbose"). */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return kstrtobool(val ? val : "1", kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};
EXPORT_SYMBOL(param_ops_bool);

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int err = kstrtobool(val ? val : "1", &v);

	if (!err)
		*(bool *)kp->arg = !v;
	return err;
}
EXPORT_SYMBOL(param_set_invbool);

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}
EXPORT_SYMBOL(param_get_invbool);

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_invbool,
	.get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

/* Arrays: "1,2,3", each value through the element type's set(). */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int temp_num, *num = arr->num ? arr->num : &temp_num;
	struct kernel_param elem = { .name = kp->name, .level = kp->level };
	char buf[MAX_CHARP_LEN + 1];

	if (!val)
		return -EINVAL;
	elem.arg = arr->elem;
	*num = 0;
	for (;;) {
		size_t len = strcspn(val, ",");
		int err;

		if (*num == arr->max) {
			pr_err("%s: can only take %i arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		if (len > MAX_CHARP_LEN)
			return -ENOSPC;
		memcpy(buf, val, len);
		buf[len] = '\0';
		err = arr->ops->set(buf, &elem);
		if (err)
			return err;
		elem.arg = (char *)elem.arg + arr->elemsize;
		(*num)++;
		if (val[len] != ',')
			return 0;
		val += len + 1;
	}
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int off = 0;

	for (i = 0; i < n; i++) {
		elem.arg = (char *)arr->elem + arr->elemsize * i;
		off += arr->ops->get(buffer + off, &elem);
		buffer[off - 1] = ',';		/* the element's newline */
	}
	if (off)
		buffer[off - 1] = '\n';
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;
	unsigned int i;

	if (arr->ops->free)
		for (i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free((char *)arr->elem + arr->elemsize * i);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
EXPORT_SYMBOL(param_array_ops);

/* ---------------------------------------------------------------------
 * The parser
 */

/* parameq - names compare with '-' and '_' the same, as in Linux. */
static bool parameq(const char *a, const char *b)
{
	for (; *a || *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a, cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return true;
}

static int parse_one(char *param, char *val, const char *doing,
		     const struct kernel_param *params, unsigned int num, void *arg,
		     int (*unknown)(char *param, char *val, const char *doing, void *arg))
{
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (!parameq(param, params[i].name))
			continue;
		if (!val && !(params[i].ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			return -EINVAL;
		return params[i].ops->set(val, &params[i]);
	}
	if (unknown)
		return unknown(param, val, doing, arg);
	return -ENOENT;
}

char *kparam_parse_args(const char *doing, char *args, const struct kernel_param *params,
		 unsigned int num, void *arg,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg))
{
	char *param, *val, *err = NULL;

	args = skip_spaces(args);
	while (*args) {
		int ret;

		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			return err ? err : args;
		ret = parse_one(param, val, doing, params, num, arg, unknown);
		switch (ret) {
		case 0:
			continue;
		case -ENOENT:
			pr_err("%s: Unknown parameter `%s'\n", doing, param);
			break;
		case -ENOSPC:
			pr_err("%s: `%s' too large for parameter `%s'\n", doing, val ? val : "",
			       param);
			break;
		default:
			pr_err("%s: `%s' invalid for parameter `%s'\n", doing, val ? val : "",
			       param);
			break;
		}
		err = ERR_PTR(ret);
	}
	return err;
}

/* ---------------------------------------------------------------------
 * The loader's side
 */

// A name the module does not declare: a warning, and the module loads.
static int unknown_module_param_cb(char *param, char *val, const char *modname, void *arg)
{
	pr_warn("%s: unknown parameter '%s' ignored\n", modname, param);
	return 0;
}

/**
 * module_parse_params - set @mod's parameters from @args, before its init
 * @mod: the module, relocated; mod->kp and mod->num_kp are its table
 * @args: the text after the file name ("a=1 b=x"), or NULL
 *
 * mod->args keeps a copy (lsmod shows it).
 * Return: 0, or the error of the last parameter refused.
 */
int module_parse_params(struct module *mod, const char *args)
{
	char *work, *after;

	mod->args = kstrdup(args ? skip_spaces(args) : "", GFP_KERNEL);
	work = kstrdup(mod->args ? mod->args : "", GFP_KERNEL);
	if (!mod->args || !work) {
		kfree(work);
		return -ENOMEM;
	}
	after = kparam_parse_args(mod->name, work, mod->kp, mod->num_kp, mod, unknown_module_param_cb);
	kfree(work);
	if (IS_ERR(after))
		return PTR_ERR(after);
	if (after)
		pr_warn("%s: parameters '%s' after `--' ignored\n", mod->name,
			mod->args + (after - work));
	return 0;
}

/* module_destroy_params - free what set() allocated for @mod (charp copies). */
void module_destroy_params(struct module *mod)
{
	unsigned int i;

	for (i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];

		if (kp->ops->free)
			kp->ops->free(kp->ops == &param_array_ops ? (void *)kp->arr : kp->arg);
	}
	kfree(mod->args);
	mod->args = NULL;
}

/**
 * module_print_params - each parameter with its value and description
 * (what `modinfo -p` and /sys/module/NAME/parameters/ show)
 */
void module_print_params(const struct module *mod)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned int i;

	if (!buf)
		return;
	for (i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];
		int n = kp->ops->get ? kp->ops->get(buf, kp) : 0;

		if (n > 0 && buf[n - 1] == '\n')
			buf[n - 1] = '\0';
		else
			buf[n] = '\0';
		pr_info("module %s: parameter %s=%s (mode %04o)\n", mod->name, kp->name, buf,
			kp->perm);
	}
	kfree(buf);
}
