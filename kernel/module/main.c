// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/main.c - loading kernel modules into the vmalloc area.
 *
 * Seed 000 ends its comparison of kmalloc and vmalloc with: "当模块被动态加载
 * 到内核当中时，就把模块装载到由 vmalloc() 分配的内存上" - a module, when it is
 * loaded, goes into memory that vmalloc() allocates.  This directory does
 * that, and this file runs the steps in order.
 * A module is a relocatable ELF file (.ko, `ld -r` of its objects), which
 * the boot loader brings along (GRUB "module" lines, QEMU -initrd).  Loading
 * it follows Linux 6.1's load_module(), step by step:
 *
 *   1. elf_validity_check   the header (ELF32, little-endian, i386, ET_REL),
 *      check.c              the section table, names, symbols, relocations:
 *                           every offset and index is checked against the
 *                           file before anything is read through it
 *   2. setup_load_info      .modinfo: the module's name and license
 *      this file
 *   3. layout_sections      where each SHF_ALLOC section goes: code, then
 *      layout.c             rodata (read-only), then data and bss, each
 *                           group page-aligned; .init* sections go to a
 *                           second layout, freed once init has returned
 *   4. move_module          one vmalloc area per layout (module_alloc), the
 *      layout.c             sections copied in, bss zeroed
 *   5. simplify_symbols     undefined symbols resolved against the kernel's
 *      relocate.c           EXPORT_SYMBOL table; defined ones get their
 *                           section's new address added
 *   6. apply_relocations    R_386_32 (S + A) and R_386_PC32 (S + A - P)
 *      relocate.c           patched into the copied sections
 *   7. module_enable_ro     code and rodata mapped read-only
 *      layout.c
 *   8. do_init_module       init_module() (module_init's alias) runs; if it
 *      this file            fails, everything is freed again; if not, the
 *                           init layout is freed
 *
 * Why vmalloc memory: a module is loaded long after boot, when lowmem is
 * fragmented and a contiguous run of pages may not exist, and it only has
 * to be contiguous for the CPU.  On i386 Linux's module area *is* the
 * vmalloc area (MODULES_VADDR = VMALLOC_START), and /proc/vmallocinfo
 * shows a module's memory with the loader as the caller.  The price is the
 * TLB: each 4 KB of module code needs a TLB entry of its own.
 *
 * A bad file is refused in one line that names the module and the
 * problem ("module bad: not an ELF file ..."), and every allocation made
 * for it is given back.  The loaded modules are on a list, for lsmod,
 * dump=modules (/proc/modules, procfs.c), rmmod= (boot.c) and the oops's
 * symbolizer, which prints "symbol+0xoff/0xsize [module]" (kallsyms.c).
 * internal.h lists the files and what they share.
 *
 * Parameters ("insmod mod.ko a=1 b=x") are set between 7 and 8
 * (params.c).  mm386 leaves out: dependencies between modules (a
 * module may only use the kernel's exports), signatures, version magic,
 * and the RCU games Linux plays to unload safely on many CPUs.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/elf.h>
#include <linux/kallsyms.h>
#include <mm386/initcall.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include "internal.h"

LIST_HEAD(modules);

static const char *blacklist_param;	/* module_blacklist=a,b */

// The one line that says why @info's module is refused (internal.h).
int load_err(const struct load_info *info, int err, const char *fmt, ...)
{
	char why[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_err("module %s: %s\n", info->name, why);
	return err;
}

/*
 * module_name_from_file - a module name from a path: no directory, no
 * ".ko", '-' turned into '_' (as KBUILD_MODNAME does).
 */
void module_name_from_file(char *name, size_t size, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t len, i;

	base = base ? base + 1 : file;
	len = strcspn(base, " ");
	if (len > 3 && !strncmp(base + len - 3, ".ko", 3))
		len -= 3;
	len = min(len, size - 1);
	for (i = 0; i < len; i++)
		name[i] = base[i] == '-' ? '_' : base[i];
	name[len] = '\0';
}

/* ---------------------------------------------------------------------
 * 2. .modinfo: name and license (step 1 is check.c's)
 */

// The value of "tag=" in the .modinfo bytes [@p, @p + @len), or NULL.
static const char *find_modinfo(const char *p, unsigned int len, const char *tag)
{
	const char *end = p + len;
	size_t taglen = strlen(tag);

	while (p < end) {
		size_t n = strnlen(p, end - p);

		if (n > taglen && !strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
		p += n + 1;
	}
	return NULL;
}

const char *get_modinfo(const struct module *mod, const char *tag)
{
	return mod->modinfo ? find_modinfo(mod->modinfo, mod->modinfo_len, tag) : NULL;
}

/*
 * setup_load_info - the module's name: "name=" in .modinfo (the build
 * writes KBUILD_MODNAME there), else the file name.
 */
static int setup_load_info(struct load_info *info)
{
	const Elf32_Shdr *s = &info->sechdrs[info->index.info];
	const char *name = NULL;
	size_t i, len;

	if (info->index.info && s->sh_size && info->image[s->sh_offset + s->sh_size - 1] == '\0')
		name = find_modinfo((const char *)info->image + s->sh_offset, s->sh_size, "name");
	if (!name)
		return 0;	/* keep the file's name */
	len = strlen(name);
	if (!len || len >= MODULE_NAME_LEN)
		return load_err(info, -ENOEXEC, "module name of %zu characters in .modinfo (1 to %d)",
				len, MODULE_NAME_LEN - 1);
	for (i = 0; i < len; i++)
		if (name[i] <= ' ' || name[i] > '~' || name[i] == '/')
			return load_err(info, -ENOEXEC, "bad character 0x%02x in the module name in .modinfo",
					(unsigned char)name[i]);
	strscpy(info->name, name, sizeof(info->name));
	return 0;
}

static bool blacklisted(const char *name)
{
	return blacklist_param && match_word(blacklist_param, name, ',');
}

static int __init module_blacklist_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	blacklist_param = val;
	return 0;
}
__setup("module_blacklist=", module_blacklist_setup);

/* ---------------------------------------------------------------------
 * 3. to 8., in order; the end of a module
 */

/* free_module - take @mod off the list and free everything it has. */
static void free_module(struct module *mod)
{
	if (!list_empty(&mod->list))
		list_del(&mod->list);
	module_destroy_params(mod);
	free_kallsyms(mod->kallsyms);
	vfree(mod->init_layout.base);
	vfree(mod->core_layout.base);
	kfree(mod->modinfo);
	kfree(mod);
}

// "mem_module_init" for the function behind init_module (or the alias).
static const char *func_name(unsigned long addr, char *buf, size_t size)
{
	struct ksym sym;

	if (!addr)
		return "(none)";
	if (module_kallsyms_lookup(addr, &sym) && sym.addr == addr)
		strscpy(buf, sym.name, size);
	else
		snprintf(buf, size, "0x%08lx", addr);
	return buf;
}

// The region @addr lies in, in a few words: "vmalloc area" (describe_address).
static const char *region_name(unsigned long addr, char *buf, size_t size)
{
	describe_address(addr, buf, size);
	buf[strcspn(buf, "[(:0")] = '\0';
	return strim(buf);
}

/*
 * report_loaded - where the module went: its core area (or its init area,
 * for a module that has nothing but __init code and data), and in which
 * region of the address space that is; then each section's address.
 */
static void report_loaded(const struct module *mod, const struct load_info *info)
{
	const struct module_layout *l = mod->core_layout.base ? &mod->core_layout :
					&mod->init_layout;
	unsigned long base = (unsigned long)l->base;
	char region[160], init[KSYM_NAME_LEN];
	unsigned int i;

	func_name((unsigned long)mod->init, init, sizeof(init));
	if (!base)
		pr_info("module %s: loaded, with no code or data, init %s\n", mod->name, init);
	else
		pr_info("module %s: loaded at 0x%08lx-0x%08lx (%s%s), init %s\n", mod->name, base,
			base + l->size, region_name(base, region, sizeof(region)),
			l == &mod->init_layout ? ", init sections only" : "", init);
	/* Where each section went: what GDB's add-symbol-file wants. */
	printk(KERN_INFO "module %s: sections", mod->name);
	for (i = 1; i < info->shnum; i++)
		if (info->secaddr[i] && info->sechdrs[i].sh_size)
			printk(KERN_CONT " %s=0x%08lx", secname(info, i), info->secaddr[i]);
	printk(KERN_CONT "\n");
	for (i = 1; i < info->shnum; i++)
		if (info->secaddr[i] && !strcmp(secname(info, i), "__ksymtab"))
			pr_info("module %s: its EXPORT_SYMBOL()s are not offered to other modules (mm386 links modules to the kernel only)\n",
				mod->name);
}

/*
 * do_init_module - run the module's init function.  On success the init
 * layout is freed; on failure the module is unloaded again without its
 * exit function (as Linux does) and init's error is returned.  Not
 * inlined, so that an oops in init shows it in the call trace, as Linux's
 * does.
 */
static noinline int do_init_module(struct module *mod)
{
	char fn[KSYM_NAME_LEN];
	int ret = 0;

	mod->state = MODULE_STATE_COMING;
	if (mod->init)
		ret = do_one_initcall(mod->init);
	if (ret < 0) {
		pr_err("module %s: init %s returned %pe; unloading it (its exit function is not run)\n",
		       mod->name, func_name((unsigned long)mod->init, fn, sizeof(fn)),
		       ERR_PTR(ret));
		mod->state = MODULE_STATE_GOING;
		free_module(mod);
		return ret;
	}
	if (ret > 0) {
		pr_warn("do_init_module: '%s'->init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, ret);
		pr_warn("do_init_module: loading module anyway...\n");
		dump_stack();
	}
	mod->state = MODULE_STATE_LIVE;
	if (mod->init_layout.base) {
		pr_info("module %s: init done; freeing its init sections at 0x%08lx-0x%08lx\n",
			mod->name, (unsigned long)mod->init_layout.base,
			(unsigned long)mod->init_layout.base + mod->init_layout.size);
		vfree(mod->init_layout.base);
		mod->init_layout.base = NULL;
		mod->init_layout.size = mod->init_layout.text_size = mod->init_layout.ro_size = 0;
	}
	return 0;
}

// The module's init_module and cleanup_module, each inside its image.
static int find_init_and_exit(struct module *mod, const struct load_info *info)
{
	unsigned long init, exit;
	int err = find_module_symbol(info, "init_module", &init);

	if (!err)
		err = find_module_symbol(info, "cleanup_module", &exit);
	if (err)
		return err;
	mod->init = (int (*)(void))init;
	mod->exit = (void (*)(void))exit;
	return 0;
}

/*
 * find_params - the module's table of module_param()s: its "__param"
 * section, relocated (mod->kp, mod->num_kp; none is fine).
 */
static int find_params(struct module *mod, const struct load_info *info)
{
	unsigned int i;

	for (i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (strcmp(secname(info, i), "__param") || !info->secaddr[i])
			continue;
		if (s->sh_size % sizeof(struct kernel_param))
			return load_err(info, -ENOEXEC,
					"__param section of %u bytes is not a table of %zu-byte kernel_params",
					s->sh_size, sizeof(struct kernel_param));
		mod->kp = (const struct kernel_param *)info->secaddr[i];
		mod->num_kp = s->sh_size / sizeof(struct kernel_param);
	}
	return 0;
}

/*
 * load_module - steps 1 to 8 (see the top of the file) for @info.
 * Everything allocated on the way is freed on every error path.  Not
 * inlined: it is the caller that vmallocinfo shows for module memory.
 */
static noinline int load_module(struct load_info *info)
{
	struct module *mod, *old;
	int err;

	err = elf_validity_check(info);
	if (!err)
		err = setup_load_info(info);
	if (err)
		return err;
	if (blacklisted(info->name)) {
		pr_err("Module %s is blacklisted\n", info->name);
		return -EPERM;
	}
	old = find_module(info->name);
	if (old)
		return load_err(info, -EEXIST, "already loaded (at 0x%08lx); not loaded again",
				(unsigned long)old->core_layout.base);

	mod = kzalloc(sizeof(*mod), GFP_KERNEL);
	info->secaddr = kcalloc(info->shnum, sizeof(*info->secaddr), GFP_KERNEL);
	info->symval = kcalloc(info->num_syms, sizeof(*info->symval), GFP_KERNEL);
	if (!mod || !info->secaddr || !info->symval) {
		err = load_err(info, -ENOMEM, "no memory for the loader's tables");
		goto free_tables;
	}
	INIT_LIST_HEAD(&mod->list);
	mod->state = MODULE_STATE_UNFORMED;
	strscpy(mod->name, info->name, sizeof(mod->name));
	if (info->index.info) {
		const Elf32_Shdr *s = &info->sechdrs[info->index.info];

		mod->modinfo_len = s->sh_size;
		mod->modinfo = kmemdup(info->image + s->sh_offset, s->sh_size, GFP_KERNEL);
		if (!mod->modinfo) {
			err = load_err(info, -ENOMEM, "no memory for its .modinfo");
			goto free_mod;
		}
	}

	err = layout_sections(mod, info);
	if (!err)
		err = move_module(mod, info);
	if (!err)
		err = simplify_symbols(mod, info);
	if (!err)
		err = apply_relocations(info);
	if (!err)
		err = add_kallsyms(mod, info);
	if (!err)
		err = find_init_and_exit(mod, info);
	if (!err)
		err = find_params(mod, info);
	if (err)
		goto free_mod;
	module_enable_ro(mod);

	list_add_tail(&mod->list, &modules);
	kallsyms_module_lookup = module_kallsyms_lookup;
	report_loaded(mod, info);
	kfree(info->secaddr);
	kfree(info->symval);
	/* Relocated, and init has not run: set its parameters (Linux's place). */
	err = module_parse_params(mod, info->args);
	if (err) {
		mod->state = MODULE_STATE_GOING;
		pr_err("module %s: invalid parameters (%pe); unloading it\n", mod->name,
		       ERR_PTR(err));
		free_module(mod);
		return err;
	}
	if (mod->num_kp)
		module_print_params(mod);
	err = do_init_module(mod);
	/*
	 * Not a tail call: load_module stays in the call trace of an oops in
	 * init (Linux builds with -fno-optimize-sibling-calls for that).
	 */
	barrier();
	return err;

free_mod:
	if (mod)
		free_module(mod);
	mod = NULL;
free_tables:
	kfree(mod);
	kfree(info->secaddr);
	kfree(info->symval);
	return err;
}

int load_module_image(const void *image, size_t len, const char *name)
{
	return load_module_args(image, len, name, NULL);
}

int load_module_args(const void *image, size_t len, const char *name, const char *args)
{
	struct load_info info = {
		.file = name,
		.image = image,
		.len = len,
		.hdr = image,
		.args = args,
	};

	might_sleep();
	module_name_from_file(info.name, sizeof(info.name), name ? name : "(unnamed)");
	return load_module(&info);
}

struct module *find_module(const char *name)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

int unload_module(const char *name)
{
	struct module *mod = find_module(name);
	unsigned long base, end;
	char fn[KSYM_NAME_LEN];

	might_sleep();
	if (!mod) {
		pr_err("rmmod: module %s is not loaded\n", name);
		return -ENOENT;
	}
	if (mod->refcnt) {
		pr_err("rmmod: module %s is in use (%u users)\n", name, mod->refcnt);
		return -EBUSY;
	}
	if (mod->init && !mod->exit) {
		pr_err("rmmod: module %s has no exit function (no module_exit()): it cannot be unloaded\n",
		       name);
		return -EBUSY;
	}
	base = (unsigned long)mod->core_layout.base;
	end = base + mod->core_layout.size;
	func_name((unsigned long)mod->exit, fn, sizeof(fn));
	mod->state = MODULE_STATE_GOING;
	if (mod->exit)
		mod->exit();
	pr_info("module %s: unloaded: exit %s ran; freeing 0x%08lx-0x%08lx\n", mod->name, fn,
		base, end);
	free_module(mod);
	return 0;
}

void module_for_each(void (*fn)(const struct module *mod, void *arg), void *arg)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		fn(mod, arg);
}
