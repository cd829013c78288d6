/* SPDX-License-Identifier: GPL-2.0 */
/*
 * moduleparam.h - module parameters, as Linux's modules declare them
 * (kernel/module/params.c parses them).
 *
 *	static int buffers = 4;
 *	module_param(buffers, int, 0444);
 *	MODULE_PARM_DESC(buffers, "how many buffers to allocate");
 *
 *	static char *label = "none";
 *	module_param(label, charp, 0444);
 *
 *	static int sizes[8];
 *	static unsigned int nr_sizes;
 *	module_param_array(sizes, int, &nr_sizes, 0444);
 *
 * and `insmod mod.ko buffers=8 label=hello sizes=1,2,3` sets them before
 * the init function runs (in mm386: the text after the file name in a
 * GRUB module line or QEMU -initrd item, or the shell's insmod).  Each
 * module_param() puts a struct kernel_param in the module's "__param"
 * section: the name, the type's ops and the variable's address, which
 * the loader relocates like any other pointer and then hands to the
 * parser.  The type also goes into .modinfo ("parmtype=buffers:int"),
 * and MODULE_PARM_DESC's text too ("parm=buffers:how many...").
 *
 * The types: byte, short, ushort, int, uint, long, ulong, ullong, hexint,
 * bool, invbool, charp (a kmalloc'd copy, freed when the module goes).
 * @perm is the sysfs mode Linux gives /sys/module/NAME/parameters/X;
 * mm386 has no sysfs, and keeps it only to print it.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

#define MODULE_PARAM_PREFIX	/* empty: a module's own names */
#define MAX_PARAM_PREFIX_LEN	(64 - sizeof(unsigned long))

struct kernel_param;
struct module;

/* A bool takes no value ("insmod m.ko verbose" means verbose=1). */
#define KERNEL_PARAM_OPS_FL_NOARG	(1 << 0)

struct kernel_param_ops {
	unsigned int flags;
	/* Parse @val into kp->arg: 0 or -errno (-EINVAL, -ENOSPC...). */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Print the value into @buffer (at least a page): its length. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* Free what set() allocated (charp), when the module goes. */
	void (*free)(void *arg);
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_array *arr;
	};
};

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)	\
	static const char __param_str_##name[] = prefix #name;		\
	static const struct kernel_param __param_##name			\
	__used __section("__param") __aligned(__alignof__(struct kernel_param)) \
	= { __param_str_##name, THIS_MODULE, ops, perm, level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

/* The variable must have the type the parameter says (a compile error if not). */
#define __param_check(name, p, type)					\
	static inline type __maybe_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)

#define __MODULE_PARM_TYPE(name, _type)					\
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

/* MODULE_PARM_DESC - the parameter's one-line description, in .modinfo. */
#define MODULE_PARM_DESC(_parm, desc)					\
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

/**
 * module_param_named - a parameter @name that sets the variable @value
 * @type: byte, short, ushort, int, uint, long, ulong, ullong, hexint,
 *        bool, invbool or charp
 * @perm: its sysfs mode (0444, 0644...)
 */
#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	module_param_cb(name, &param_ops_##type, &value, perm);		\
	__MODULE_PARM_TYPE(name, #type)

/*
 * module_param - a parameter with the variable's own name.  (Spelled out
 * rather than passed on to module_param_named(): @type must reach the ##
 * unexpanded, and "bool" is a macro in C11, not a typedef as in Linux.)
 */
#define module_param(name, type, perm)					\
	param_check_##type(name, &(name));				\
	module_param_cb(name, &param_ops_##type, &name, perm);		\
	__MODULE_PARM_TYPE(name, #type)

/**
 * module_param_array_named - a comma-separated list into an array
 * @nump: where the number of values given goes (NULL: not wanted)
 *
 * More values than the array holds is an error, as in Linux.
 */
#define module_param_array_named(name, array, type, nump, perm)	\
	param_check_##type(name, &(array)[0]);				\
	static const struct kparam_array __param_arr_##name		\
	= { .max = ARRAY_SIZE(array), .num = nump,			\
	    .ops = &param_ops_##type,					\
	    .elemsize = sizeof(array[0]), .elem = array };		\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, \
			    .arr = &__param_arr_##name, perm, -1, 0);	\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm)			\
	param_check_##type(name, &(name)[0]);				\
	static const struct kparam_array __param_arr_##name		\
	= { .max = ARRAY_SIZE(name), .num = nump,			\
	    .ops = &param_ops_##type,					\
	    .elemsize = sizeof(name[0]), .elem = name };		\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops, \
			    .arr = &__param_arr_##name, perm, -1, 0);	\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define DECLARE_PARAM_OPS(type)						\
	extern const struct kernel_param_ops param_ops_##type;		\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)

DECLARE_PARAM_OPS(byte);
DECLARE_PARAM_OPS(short);
DECLARE_PARAM_OPS(ushort);
DECLARE_PARAM_OPS(int);
DECLARE_PARAM_OPS(uint);
DECLARE_PARAM_OPS(long);
DECLARE_PARAM_OPS(ulong);
DECLARE_PARAM_OPS(ullong);
DECLARE_PARAM_OPS(hexint);
DECLARE_PARAM_OPS(charp);
DECLARE_PARAM_OPS(bool);
DECLARE_PARAM_OPS(invbool);
extern const struct kernel_param_ops param_array_ops;

/**
 * kparam_parse_args - set @params from "a=1 b=x c" (Linux's parse_args();
 * mm386's parse_args() is the kernel command line's)
 * @doing: who is parsing, for messages: the module's name
 * @args: the text; cut up in place
 * @params: the table; @num: its length
 * @arg: passed to @unknown
 * @unknown: called for a name not in the table (NULL: -ENOENT)
 *
 * Names match with '-' and '_' the same.  Each problem prints Linux's
 * line ("m: `x' invalid for parameter `a'", "m: Unknown parameter `b'",
 * "m: `...' too large for parameter `s'") and parsing goes on.
 * Return: NULL, the text after a "--", or ERR_PTR of the last error.
 */
char *kparam_parse_args(const char *doing, char *args, const struct kernel_param *params,
		 unsigned int num, void *arg,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg));

#endif
