/* SPDX-License-Identifier: GPL-2.0 */
/*
 * module.h - loadable kernel modules: what a module's source writes, and
 * the loader's API (kernel/module/).
 *
 * A module is C code built apart from the kernel (`make M=dir`, see
 * docs/modules.md) into one relocatable ELF file, NAME.ko, and linked into
 * the running kernel when it is loaded.  Seed 000: "当模块被动态加载到内核当中
 * 时，就把模块装载到由 vmalloc() 分配的内存上": its code and data are copied
 * into memory from the vmalloc area, as in Linux (on i386, MODULES_VADDR is
 * VMALLOC_START).
 *
 * A module's source says:
 *
 *	MODULE_LICENSE("GPL");		tags in its .modinfo section
 *	module_init(my_init);		int my_init(void): run once loaded;
 *					an error (< 0) unloads it again
 *	module_exit(my_exit);		void my_exit(void): run by rmmod=
 *
 * module_init() and module_exit() make the aliases init_module and
 * cleanup_module, which is what the loader looks for (Linux's modpost puts
 * them into struct module instead).  The build defines MODULE and
 * KBUILD_MODNAME for every file of a module.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>

#define MODULE_NAME_LEN		56	/* Linux: 64 - sizeof(unsigned long) */

/*
 * .modinfo: "tag=value" strings, one after the other.  The loader reads
 * "name" (which the build adds, as Linux's modpost does) and "license".
 */
#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[]				\
		__used __section(".modinfo") __aligned(1) = __stringify(tag) "=" info
#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_text)	MODULE_INFO(description, _text)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)

#ifdef MODULE
/*
 * module_init(fn) - fn runs when the module is loaded.  The inline function
 * only checks fn's type; the alias gives fn the name the loader looks for.
 */
#define module_init(initfn)						\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }						\
	int init_module(void) __attribute__((alias(#initfn)))

/* module_exit(fn) - fn runs when the module is unloaded (rmmod=). */
#define module_exit(exitfn)						\
	static inline exitcall_t __maybe_unused __exittest(void)	\
	{ return exitfn; }						\
	void cleanup_module(void) __attribute__((alias(#exitfn)))

/* The loader links __this_module to the module's own struct module. */
extern struct module __this_module;
#define THIS_MODULE	(&__this_module)
#else
/*
 * Built-in code: mm386 has no initcalls, so module_init() in the kernel
 * image is a mistake; say so at compile time.
 */
#define module_init(initfn)	_Static_assert(0, "module_init(" #initfn ") is for modules: build with make M=dir")
#define module_exit(exitfn)	_Static_assert(0, "module_exit(" #exitfn ") is for modules: build with make M=dir")
#define THIS_MODULE	((struct module *)0)
#endif

/* Linux's states, in its order. */
enum module_state {
	MODULE_STATE_LIVE,	/* loaded and initialised */
	MODULE_STATE_COMING,	/* its init function is running */
	MODULE_STATE_GOING,	/* being unloaded, or its init failed */
	MODULE_STATE_UNFORMED,	/* still being laid out and relocated */
};

/*
 * struct module_layout - one vmalloc area of a module (Linux 6.1's name).
 * @base:      its first byte; NULL when the module has none (or it was freed)
 * @size:      bytes in use, whole pages (the area has a guard page more)
 * @text_size: [base, base + text_size) is code
 * @ro_size:   [base, base + ro_size) is read-only: code, then rodata;
 *             the rest, up to @size, is data and bss
 *
 * A module has two: core_layout (everything it needs while it is loaded)
 * and init_layout (its __init code and data, freed once init returns).
 */
struct module_layout {
	void *base;
	unsigned int size;
	unsigned int text_size;
	unsigned int ro_size;
};

struct mod_kallsyms;

/**
 * struct module - one loaded module
 * @state:       MODULE_STATE_*
 * @list:        on the loader's list of modules, in loading order
 * @name:        from its .modinfo "name=" (KBUILD_MODNAME), else the file name
 * @init:        its init function (init_module), or NULL
 * @exit:        its exit function (cleanup_module), or NULL: it cannot be
 *               unloaded then
 * @core_layout: code, rodata, data and bss
 * @init_layout: __init code and data, until init has returned
 * @kallsyms:    its function and object names, for oopses and %pS
 * @modinfo:     a copy of its .modinfo section ("tag=value\0" strings)
 * @modinfo_len: its length
 * @refcnt:      users (always 0: mm386 does not link modules to each other)
 */
struct module {
	enum module_state state;
	struct list_head list;
	char name[MODULE_NAME_LEN];
	int (*init)(void);
	void (*exit)(void);
	struct module_layout core_layout;
	struct module_layout init_layout;
	struct mod_kallsyms *kallsyms;
	char *modinfo;
	unsigned int modinfo_len;
	unsigned int refcnt;
	const struct kernel_param *kp;	/* its module_param()s (__param) */
	unsigned int num_kp;
	char *args;			/* what it was loaded with: "a=1 b=x" */
};

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

/* ---------------------------------------------------------------------
 * The loader (kernel/module/), for the boot code and the shell
 */

/**
 * load_module_image - load one module from an ELF image in memory
 * @image: the .ko file's bytes; only read, never changed
 * @len:   its length
 * @name:  its file name (for messages, and the module's name when its
 *         .modinfo has none); a directory and ".ko" are dropped
 *
 * Validates the ELF file, copies its sections into the vmalloc area,
 * resolves its undefined symbols against the kernel's exports, applies its
 * relocations, and runs its init function.  A problem is reported in one
 * line that names the module, and nothing is left behind.
 * Return: 0, or -ENOEXEC (bad ELF, unsupported relocation), -ENOENT
 * (unknown symbols), -EEXIST (a module of that name is loaded), -EPERM
 * (module_blacklist=), -ENOMEM, or what init returned.
 */
int load_module_image(const void *image, size_t len, const char *name);
/* load_module_args - load_module_image() with parameters "a=1 b=x" (or NULL). */
int load_module_args(const void *image, size_t len, const char *name, const char *args);

/**
 * unload_module - run a module's exit function and free all it occupies
 * @name: the module's name, as lsmod shows it
 *
 * Return: 0, -ENOENT (no such module) or -EBUSY (it has no exit function,
 * or it is in use).
 */
int unload_module(const char *name);

/* find_module - the loaded module called @name, or NULL. */
struct module *find_module(const char *name);

/* module_for_each - call @fn on each module, in loading order; @fn must
 * not load or unload modules. */
void module_for_each(void (*fn)(const struct module *mod, void *arg), void *arg);

/* get_modinfo - the value of @tag in @mod's .modinfo ("license"...), or NULL. */
const char *get_modinfo(const struct module *mod, const char *tag);

/* lsmod - print lsmod's table, with each module's address range. */
void lsmod(void);

/* print_modules - "Modules linked in: a b(+)", for an oops. */
void print_modules(void);

/**
 * load_boot_module - load a module the boot loader brought (GRUB "module",
 * QEMU -initrd), by its file name ("mem_module.ko" or "mem_module")
 * Return: as load_module_image(); -ENOENT if there is no such file.
 */
int load_boot_module(const char *file);
/* load_boot_module_args - as the shell's `insmod FILE a=1 b=x`: @args
 * replace the text that followed the file name on the boot loader's line. */
int load_boot_module_args(const char *file, const char *args);

/*
 * print_boot_modules - list the files the boot loader brought (what
 * load_boot_module() can load), each with its size, where it lies, and
 * whether a module of its name is loaded.
 */
void print_boot_modules(void);

/* load_boot_modules - at boot: load every boot module, then rmmod=. */
void load_boot_modules(void);

#endif
