/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel/module/internal.h - what the files of the module loader share.
 *
 * The loader is split as Linux 6.1 split its kernel/module.c:
 *
 *   main.c      load_module() and its steps in order, do_init_module(),
 *               unloading, the list of modules, .modinfo
 *   check.c     step 1: is the .ko a relocatable i386 ELF file whose
 *               every offset and index can be trusted?
 *   layout.c    steps 3, 4 and 7: where each section goes, the two vmalloc
 *               areas, and read-only code
 *   relocate.c  steps 5 and 6: symbols resolved against the kernel's
 *               exports, relocations applied
 *   kallsyms.c  the module's symbols, for an oops and %pS
 *   procfs.c    /proc/modules, lsmod, "Modules linked in:"
 *   boot.c      the .ko files the boot loader brought; rmmod=
 *
 * The ELF header itself is checked by lib/elf.c, which the program
 * loader shares.
 */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H

#include <linux/module.h>
#include <linux/elf.h>
#include <linux/list.h>
#include <linux/kallsyms.h>

/* A layout bigger than this is a corrupt file, not a module. */
#define MODULE_LAYOUT_MAX	(64UL << 20)
/* layout_sections(): bit 31 of an offset says "in the init layout". */
#define INIT_OFFSET_MASK	(1UL << 31)
#define NOT_LOADED		(~0UL)

/* The loaded modules, oldest first.  Changed only by main.c. */
extern struct list_head modules;

/*
 * struct load_info - what the loader knows about the file it is loading
 * (Linux's name).  Everything points into the image, which is never
 * written: the loader's own results go into @secaddr and @symval.
 */
struct load_info {
	char name[MODULE_NAME_LEN];	/* for messages: the best name so far */
	const char *file;
	const u8 *image;
	unsigned long len;
	const Elf32_Ehdr *hdr;
	const Elf32_Shdr *sechdrs;
	unsigned int shnum;
	const char *secstrings;
	unsigned int secstrings_size;
	const Elf32_Sym *syms;
	unsigned int num_syms;
	const char *strtab;
	unsigned int strtab_size;
	struct {
		unsigned int sym, str, info;	/* 0: none */
	} index;
	unsigned long *secaddr;		/* layout offset, then address (0: not loaded) */
	unsigned long *symval;		/* each symbol's final value */
	unsigned int nr_unknown;	/* undefined symbols the kernel does not export */
	const char *args;		/* its parameters, "a=1 b=x" (NULL: none) */
};

/* main.c */
/*
 * load_err - report why the module in @info cannot be loaded, in one line
 * that names it, and return @err for the caller to pass on.
 */
__printf(3, 4) int load_err(const struct load_info *info, int err, const char *fmt, ...);
void module_name_from_file(char *name, size_t size, const char *file);

// The name of section @i (validated: inside the section name table).
static inline const char *secname(const struct load_info *info, unsigned int i)
{
	return info->secstrings + info->sechdrs[i].sh_name;
}

// Is [off, off + size) inside the file?
static inline bool in_file(const struct load_info *info, u32 off, u32 size)
{
	return elf_in_file(info->len, off, size);
}

/* check.c */
int elf_validity_check(struct load_info *info);

/* layout.c */
int layout_sections(struct module *mod, struct load_info *info);
int move_module(struct module *mod, struct load_info *info);
void module_enable_ro(const struct module *mod);

/* relocate.c */
int simplify_symbols(struct module *mod, struct load_info *info);
int apply_relocations(struct load_info *info);
int find_module_symbol(const struct load_info *info, const char *name, unsigned long *addr);

/* params.c */
int module_parse_params(struct module *mod, const char *args);
void module_destroy_params(struct module *mod);
void module_print_params(const struct module *mod);

/* kallsyms.c */
int add_kallsyms(struct module *mod, struct load_info *info);
void free_kallsyms(struct mod_kallsyms *ks);
bool module_kallsyms_lookup(unsigned long addr, struct ksym *out);

#endif
