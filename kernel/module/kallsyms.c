// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/kallsyms.c - a module's symbols: "symbol+0xoff/0xsize [module]".
 *
 * The kernel names its own functions from the table the build links into
 * it (kernel/kallsyms.c).  A module's functions are named from its own
 * symbol table: when it is loaded, add_kallsyms() keeps the names and
 * final addresses of its functions and objects, sorted by address, and
 * module_kallsyms_lookup() (plugged into kallsyms_module_lookup by
 * main.c) finds the one that holds an address, for %pS and for the
 * oops's call trace, which then reads "oops_module_init+0x11/0x30
 * [oops_module]".  Symbols of the init layout die with it.  The
 * neighbouring files are listed in internal.h.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "internal.h"

/* One function or object of a module, for kallsyms. */
struct mod_symbol {
	unsigned long addr;
	unsigned long size;
	const char *name;
};

/* struct mod_kallsyms - a module's symbols, sorted by address. */
struct mod_kallsyms {
	unsigned int num;
	struct mod_symbol *syms;
	char *names;
};

static bool is_alias_name(const char *name)
{
	return !strcmp(name, "init_module") || !strcmp(name, "cleanup_module");
}

// Should symbol @i be in the module's kallsyms?  Functions and objects with
// a name, in a loaded section; module_init's alias only if it is alone.
static bool want_kallsym(const struct load_info *info, unsigned int i)
{
	const Elf32_Sym *sym = &info->syms[i];
	unsigned int type = ELF32_ST_TYPE(sym->st_info), j;

	if ((type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE) || !sym->st_name ||
	    !info->strtab[sym->st_name] || sym->st_shndx == SHN_UNDEF ||
	    sym->st_shndx >= info->shnum || !info->secaddr[sym->st_shndx])
		return false;
	if (!is_alias_name(info->strtab + sym->st_name))
		return true;
	for (j = 1; j < info->num_syms; j++)
		if (j != i && info->symval[j] == info->symval[i] &&
		    !is_alias_name(info->strtab + info->syms[j].st_name) && want_kallsym(info, j))
			return false;
	return true;
}

void free_kallsyms(struct mod_kallsyms *ks)
{
	if (!ks)
		return;
	kfree(ks->syms);
	kfree(ks->names);
	kfree(ks);
}

// The end of the layout of @mod that holds @addr (for symbols of size 0).
static unsigned long layout_end(const struct module *mod, unsigned long addr)
{
	const struct module_layout *l = &mod->init_layout;

	if (l->base && addr >= (unsigned long)l->base && addr < (unsigned long)l->base + l->size)
		return (unsigned long)l->base + l->size;
	return (unsigned long)mod->core_layout.base + mod->core_layout.size;
}

/*
 * add_kallsyms - copy the names and addresses of the module's functions
 * and objects, sorted by address, so that an oops or %pS can name them.
 */
int add_kallsyms(struct module *mod, struct load_info *info)
{
	struct mod_kallsyms *ks;
	size_t names = 0, pos = 0;
	unsigned int i, n = 0;

	for (i = 1; i < info->num_syms; i++)
		if (want_kallsym(info, i)) {
			n++;
			names += strlen(info->strtab + info->syms[i].st_name) + 1;
		}
	ks = kzalloc(sizeof(*ks), GFP_KERNEL);
	if (!ks)
		return load_err(info, -ENOMEM, "no memory for its symbol table");
	mod->kallsyms = ks;
	if (!n)
		return 0;
	ks->syms = kmalloc_array(n, sizeof(*ks->syms), GFP_KERNEL);
	ks->names = kmalloc(names, GFP_KERNEL);
	if (!ks->syms || !ks->names)
		return load_err(info, -ENOMEM, "no memory for its symbol table (%u symbols)", n);
	for (i = 1; i < info->num_syms; i++) {
		const char *name = info->strtab + info->syms[i].st_name;
		struct mod_symbol sym;
		unsigned int j;

		if (!want_kallsym(info, i))
			continue;
		sym.addr = info->symval[i];
		sym.size = info->syms[i].st_size;
		sym.name = strcpy(ks->names + pos, name);
		pos += strlen(name) + 1;
		for (j = ks->num; j > 0 && ks->syms[j - 1].addr > sym.addr; j--)
			ks->syms[j] = ks->syms[j - 1];	/* insertion sort */
		ks->syms[j] = sym;
		ks->num++;
	}
	/* A label without a size runs to the next symbol or the layout's end. */
	for (i = 0; i < ks->num; i++) {
		unsigned long end = layout_end(mod, ks->syms[i].addr);

		if (i + 1 < ks->num && ks->syms[i + 1].addr < end)
			end = ks->syms[i + 1].addr;
		if (!ks->syms[i].size && end > ks->syms[i].addr)
			ks->syms[i].size = end - ks->syms[i].addr;
	}
	return 0;
}

// Is @addr inside layout @l?
static bool within_layout(unsigned long addr, const struct module_layout *l)
{
	return l->base && addr >= (unsigned long)l->base && addr < (unsigned long)l->base + l->size;
}

/*
 * module_kallsyms_lookup - kallsyms_module_lookup for kernel/kallsyms.c:
 * the function or object of a loaded module that holds @addr.  Only a
 * layout that is still there is searched (init symbols die with init).
 * Runs in an oops: no locks, no allocation.
 */
bool module_kallsyms_lookup(unsigned long addr, struct ksym *out)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list) {
		const struct module_layout *l = &mod->core_layout;
		const struct mod_kallsyms *ks = mod->kallsyms;
		unsigned int i;

		if (!within_layout(addr, l))
			l = &mod->init_layout;
		if (!within_layout(addr, l) || !ks)
			continue;
		for (i = 0; i < ks->num; i++) {
			const struct mod_symbol *s = &ks->syms[i];

			if (addr >= s->addr && addr - s->addr < s->size && within_layout(s->addr, l)) {
				out->name = s->name;
				out->addr = s->addr;
				out->size = s->size;
				out->module = mod->name;
				return true;
			}
		}
	}
	return false;
}
