// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module.c - loading kernel modules into the vmalloc area.
 *
 * Seed 000 ends its comparison of kmalloc and vmalloc with: "当模块被动态加载
 * 到内核当中时，就把模块装载到由 vmalloc() 分配的内存上" - a module, when it is
 * loaded, goes into memory that vmalloc() allocates.  This file does that.
 * A module is a relocatable ELF file (.ko, `ld -r` of its objects), which
 * the boot loader brings along (GRUB "module" lines, QEMU -initrd).  Loading
 * it follows Linux 6.1's load_module(), step by step:
 *
 *   1. elf_validity_check   the header (ELF32, little-endian, i386, ET_REL),
 *                           the section table, names, symbols, relocations:
 *                           every offset and index is checked against the
 *                           file before anything is read through it
 *   2. setup_load_info      .modinfo: the module's name and license
 *   3. layout_sections      where each SHF_ALLOC section goes: code, then
 *                           rodata (read-only), then data and bss, each
 *                           group page-aligned; .init* sections go to a
 *                           second layout, freed once init has returned
 *   4. move_module          one vmalloc area per layout (module_alloc), the
 *                           sections copied in, bss zeroed
 *   5. simplify_symbols     undefined symbols resolved against the kernel's
 *                           EXPORT_SYMBOL table; defined ones get their
 *                           section's new address added
 *   6. apply_relocations    R_386_32 (S + A) and R_386_PC32 (S + A - P)
 *                           patched into the copied sections
 *   7. module_enable_ro     code and rodata mapped read-only
 *   8. do_init_module       init_module() (module_init's alias) runs; if it
 *                           fails, everything is freed again; if not, the
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
 * dump=modules (/proc/modules), rmmod= and the oops's symbolizer, which
 * prints "symbol+0xoff/0xsize [module]" (kallsyms_module_lookup).
 *
 * mm386 leaves out: module parameters, dependencies between modules (a
 * module may only use the kernel's exports), signatures, version magic,
 * and the RCU games Linux plays to unload safely on many CPUs.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/elf.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <asm/setup.h>
#include <mm386/dump.h>

/* A layout bigger than this is a corrupt file, not a module. */
#define MODULE_LAYOUT_MAX	(64UL << 20)
/* layout_sections(): bit 31 of an offset says "in the init layout". */
#define INIT_OFFSET_MASK	(1UL << 31)
#define NOT_LOADED		(~0UL)

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];

/* The loaded modules, oldest first.  Changed only by this file. */
static LIST_HEAD(modules);

static const char *rmmod_param;		/* rmmod=a,b */
static const char *blacklist_param;	/* module_blacklist=a,b */

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
};

static const char *const reloc_names[] = {
	"R_386_NONE", "R_386_32", "R_386_PC32", "R_386_GOT32", "R_386_PLT32", "R_386_COPY",
	"R_386_GLOB_DAT", "R_386_JMP_SLOT", "R_386_RELATIVE", "R_386_GOTOFF", "R_386_GOTPC",
};

/*
 * load_err - report why the module in @info cannot be loaded, in one line
 * that names it, and return @err for the caller to pass on.
 */
static __printf(3, 4) int load_err(const struct load_info *info, int err, const char *fmt, ...)
{
	char why[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_err("module %s: %s\n", info->name, why);
	return err;
}

// The name of section @i (validated: inside the section name table).
static const char *secname(const struct load_info *info, unsigned int i)
{
	return info->secstrings + info->sechdrs[i].sh_name;
}

// Is [off, off + size) inside the file?
static bool in_file(const struct load_info *info, u32 off, u32 size)
{
	return off <= info->len && size <= info->len - off;
}

/*
 * module_name_from_file - a module name from a path: no directory, no
 * ".ko", '-' turned into '_' (as KBUILD_MODNAME does).
 */
static void module_name_from_file(char *name, size_t size, const char *file)
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
 * 1. Is it an ELF file we can load?
 */

static int check_header(struct load_info *info)
{
	const Elf32_Ehdr *hdr = info->hdr;
	const u8 *id = info->image;

	if (info->len < sizeof(*hdr))
		return load_err(info, -ENOEXEC, "truncated: %lu bytes, smaller than an ELF header (%zu bytes)",
				info->len, sizeof(*hdr));
	if (memcmp(id, ELFMAG, SELFMAG))
		return load_err(info, -ENOEXEC, "not an ELF file (magic %02x %02x %02x %02x, expected 7f 45 4c 46)",
				id[0], id[1], id[2], id[3]);
	if (id[EI_CLASS] != ELFCLASS32)
		return load_err(info, -ENOEXEC, "not a 32-bit ELF file (class %u%s, expected ELFCLASS32 = 1)",
				id[EI_CLASS], id[EI_CLASS] == ELFCLASS64 ? ", ELFCLASS64" : "");
	if (id[EI_DATA] != ELFDATA2LSB)
		return load_err(info, -ENOEXEC, "not little-endian (data encoding %u%s, expected ELFDATA2LSB = 1)",
				id[EI_DATA], id[EI_DATA] == ELFDATA2MSB ? ", ELFDATA2MSB" : "");
	if (hdr->e_machine != EM_386)
		return load_err(info, -ENOEXEC, "built for machine %u%s, not for i386 (EM_386 = 3)",
				hdr->e_machine, hdr->e_machine == EM_X86_64 ? " (x86-64)" : "");
	if (hdr->e_type != ET_REL)
		return load_err(info, -ENOEXEC, "not relocatable: e_type %u%s; a module is ET_REL = 1, made by ld -r",
				hdr->e_type, hdr->e_type == ET_EXEC ? " (ET_EXEC, an executable)" :
				hdr->e_type == ET_DYN ? " (ET_DYN, a shared object)" : "");
	if (hdr->e_shentsize != sizeof(Elf32_Shdr))
		return load_err(info, -ENOEXEC, "section headers of %u bytes, expected %zu",
				hdr->e_shentsize, sizeof(Elf32_Shdr));
	if (!hdr->e_shnum || hdr->e_shnum >= SHN_LORESERVE)
		return load_err(info, -ENOEXEC, "%u sections: mm386 loads 1 to %u",
				hdr->e_shnum, SHN_LORESERVE - 1);
	if (!in_file(info, hdr->e_shoff, hdr->e_shnum * sizeof(Elf32_Shdr)))
		return load_err(info, -ENOEXEC, "section header table (offset %u, %u entries) lies outside the file (%lu bytes)",
				hdr->e_shoff, hdr->e_shnum, info->len);
	if (hdr->e_shstrndx == SHN_UNDEF || hdr->e_shstrndx >= hdr->e_shnum)
		return load_err(info, -ENOEXEC, "section name table index %u out of range (%u sections)",
				hdr->e_shstrndx, hdr->e_shnum);
	info->sechdrs = (const Elf32_Shdr *)(info->image + hdr->e_shoff);
	info->shnum = hdr->e_shnum;
	return 0;
}

// A string table must lie in the file and end with a NUL.
static int check_strtab(struct load_info *info, unsigned int i, const char *what)
{
	const Elf32_Shdr *s = &info->sechdrs[i];

	if (s->sh_type != SHT_STRTAB || !s->sh_size || !in_file(info, s->sh_offset, s->sh_size) ||
	    info->image[s->sh_offset + s->sh_size - 1] != '\0')
		return load_err(info, -ENOEXEC, "%s (section %u) is not a string table inside the file",
				what, i);
	return 0;
}

static int check_sections(struct load_info *info)
{
	const Elf32_Shdr *shstr = &info->sechdrs[info->hdr->e_shstrndx];
	unsigned int i;
	int err;

	err = check_strtab(info, info->hdr->e_shstrndx, "the section name table");
	if (err)
		return err;
	info->secstrings = (const char *)info->image + shstr->sh_offset;
	info->secstrings_size = shstr->sh_size;

	for (i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		if (s->sh_name >= info->secstrings_size)
			return load_err(info, -ENOEXEC, "section %u: name offset %u is outside the section name table (%u bytes)",
					i, s->sh_name, info->secstrings_size);
		if (s->sh_type != SHT_NOBITS && !in_file(info, s->sh_offset, s->sh_size))
			return load_err(info, -ENOEXEC, "section %u (%s) at offset %u, %u bytes, lies outside the file (%lu bytes)",
					i, secname(info, i), s->sh_offset, s->sh_size, info->len);
		if ((s->sh_flags & SHF_ALLOC) &&
		    (s->sh_addralign & (s->sh_addralign - 1) || s->sh_addralign > PAGE_SIZE))
			return load_err(info, -ENOEXEC, "section %u (%s): alignment %u is not a power of two up to %lu",
					i, secname(info, i), s->sh_addralign, PAGE_SIZE);
		if (s->sh_type == SHT_SYMTAB) {
			if (info->index.sym)
				return load_err(info, -ENOEXEC, "two symbol tables (sections %u and %u)",
						info->index.sym, i);
			info->index.sym = i;
		}
		if (!strcmp(secname(info, i), ".modinfo") && s->sh_type != SHT_NOBITS)
			info->index.info = i;
	}
	if (!info->index.sym)
		return load_err(info, -ENOEXEC, "no symbol table (stripped?)");
	return 0;
}

static int check_symbols(struct load_info *info)
{
	const Elf32_Shdr *symsec = &info->sechdrs[info->index.sym];
	unsigned int i;
	int err;

	if (symsec->sh_entsize != sizeof(Elf32_Sym) || symsec->sh_size % sizeof(Elf32_Sym) ||
	    !symsec->sh_size)
		return load_err(info, -ENOEXEC, "symbol table of %u bytes with entries of %u bytes, expected %zu",
				symsec->sh_size, symsec->sh_entsize, sizeof(Elf32_Sym));
	if (symsec->sh_link == SHN_UNDEF || symsec->sh_link >= info->shnum)
		return load_err(info, -ENOEXEC, "symbol table: string table index %u out of range (%u sections)",
				symsec->sh_link, info->shnum);
	err = check_strtab(info, symsec->sh_link, "the symbol string table");
	if (err)
		return err;
	info->index.str = symsec->sh_link;
	info->strtab = (const char *)info->image + info->sechdrs[info->index.str].sh_offset;
	info->strtab_size = info->sechdrs[info->index.str].sh_size;
	info->syms = (const Elf32_Sym *)(info->image + symsec->sh_offset);
	info->num_syms = symsec->sh_size / sizeof(Elf32_Sym);

	for (i = 1; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];

		if (sym->st_name >= info->strtab_size)
			return load_err(info, -ENOEXEC, "symbol %u: name offset %u is outside the string table (%u bytes)",
					i, sym->st_name, info->strtab_size);
		if (sym->st_shndx >= info->shnum && sym->st_shndx != SHN_ABS &&
		    sym->st_shndx != SHN_COMMON)
			return load_err(info, -ENOEXEC, "symbol %u (%s): section index %u out of range (%u sections)",
					i, info->strtab + sym->st_name, sym->st_shndx, info->shnum);
	}
	return 0;
}

static int check_relocations(struct load_info *info)
{
	unsigned int i, j;

	for (i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		const Elf32_Shdr *target;
		const Elf32_Rel *rel;

		if (s->sh_type != SHT_REL && s->sh_type != SHT_RELA)
			continue;
		if (s->sh_info == SHN_UNDEF || s->sh_info >= info->shnum || s->sh_link != info->index.sym)
			return load_err(info, -ENOEXEC, "relocation section %u (%s): patches section %u with symbol table %u (%u sections, symbols in %u)",
					i, secname(info, i), s->sh_info, s->sh_link, info->shnum,
					info->index.sym);
		target = &info->sechdrs[s->sh_info];
		if (!(target->sh_flags & SHF_ALLOC))
			continue;	/* debug information: not loaded */
		if (s->sh_type == SHT_RELA)
			return load_err(info, -ENOEXEC, "%s: RELA relocations are not used on i386 (only REL)",
					secname(info, i));
		if (s->sh_entsize != sizeof(Elf32_Rel) || s->sh_size % sizeof(Elf32_Rel))
			return load_err(info, -ENOEXEC, "%s: entries of %u bytes, expected %zu",
					secname(info, i), s->sh_entsize, sizeof(Elf32_Rel));
		rel = (const Elf32_Rel *)(info->image + s->sh_offset);
		for (j = 0; j < s->sh_size / sizeof(*rel); j++) {
			if (ELF32_R_SYM(rel[j].r_info) >= info->num_syms)
				return load_err(info, -ENOEXEC, "%s: relocation %u refers to symbol %u, the symbol table has %u",
						secname(info, i), j, ELF32_R_SYM(rel[j].r_info),
						info->num_syms);
			if (target->sh_size < 4 || rel[j].r_offset > target->sh_size - 4)
				return load_err(info, -ENOEXEC, "%s: relocation %u patches offset 0x%x, outside %s (%u bytes)",
						secname(info, i), j, rel[j].r_offset,
						secname(info, s->sh_info), target->sh_size);
		}
	}
	return 0;
}

/*
 * elf_validity_check - check everything the later steps read through an
 * offset or an index, so that they can trust the file.
 */
static int elf_validity_check(struct load_info *info)
{
	int err;

	err = check_header(info);
	if (!err)
		err = check_sections(info);
	if (!err)
		err = check_symbols(info);
	if (!err)
		err = check_relocations(info);
	return err;
}

/* ---------------------------------------------------------------------
 * 2. .modinfo: name and license
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

/* ---------------------------------------------------------------------
 * 3. and 4. Layout and the vmalloc areas
 */

static bool is_init_section(const char *name)
{
	return !strncmp(name, ".init", 5);
}

// Does section @i take memory?  Not .modinfo: the loader reads it and copies it.
static bool section_is_loaded(const struct load_info *info, unsigned int i)
{
	return (info->sechdrs[i].sh_flags & SHF_ALLOC) && i != info->index.info;
}

/*
 * layout_sections - give every loaded section an offset in the core or the
 * init layout (Linux's order): code, then read-only data, then writable
 * data and bss; each group starts on a page, so that code and rodata can
 * be mapped read-only.  Offsets go into info->secaddr, with
 * INIT_OFFSET_MASK for the init layout.
 */
static int layout_sections(struct module *mod, struct load_info *info)
{
	static const unsigned long masks[][2] = {
		/* flags that must be set, flags that must be clear */
		{ SHF_EXECINSTR | SHF_ALLOC, 0 },
		{ SHF_ALLOC, SHF_WRITE },
		{ SHF_WRITE | SHF_ALLOC, 0 },
	};
	struct module_layout *layouts[2] = { &mod->core_layout, &mod->init_layout };
	unsigned long sizes[2] = { 0, 0 };
	unsigned int m, i, l;

	for (i = 0; i < info->shnum; i++)
		info->secaddr[i] = NOT_LOADED;
	for (l = 0; l < 2; l++) {
		for (m = 0; m < ARRAY_SIZE(masks); m++) {
			for (i = 1; i < info->shnum; i++) {
				const Elf32_Shdr *s = &info->sechdrs[i];
				unsigned long align = max_t(unsigned long, s->sh_addralign, 1);

				if ((s->sh_flags & masks[m][0]) != masks[m][0] ||
				    (s->sh_flags & masks[m][1]) || info->secaddr[i] != NOT_LOADED ||
				    !section_is_loaded(info, i) ||
				    is_init_section(secname(info, i)) != (l == 1))
					continue;
				sizes[l] = ALIGN(sizes[l], align);
				if (sizes[l] > MODULE_LAYOUT_MAX ||
				    s->sh_size > MODULE_LAYOUT_MAX - sizes[l])
					return load_err(info, -ENOEXEC, "section %s of %u bytes: the module would need more than %lu MB",
							secname(info, i), s->sh_size,
							MODULE_LAYOUT_MAX >> 20);
				info->secaddr[i] = sizes[l] | (l ? INIT_OFFSET_MASK : 0);
				sizes[l] += s->sh_size;
			}
			sizes[l] = PAGE_ALIGN(sizes[l]);
			if (m == 0)
				layouts[l]->text_size = sizes[l];
			else if (m == 1)
				layouts[l]->ro_size = sizes[l];
		}
		layouts[l]->size = sizes[l];
	}
	if ((mod->core_layout.size + mod->init_layout.size) >> PAGE_SHIFT > nr_free_pages())
		return load_err(info, -ENOMEM, "needs %u kB, more than the %lu kB of free RAM",
				(mod->core_layout.size + mod->init_layout.size) >> 10,
				nr_free_pages() << (PAGE_SHIFT - 10));
	return 0;
}

/*
 * module_alloc - memory for one layout of a module: a vmalloc area, from
 * lowmem pages (Linux: GFP_KERNEL), zeroed.  vmallocinfo names the caller
 * of this function, the loader, as Linux 6.1 does.
 */
static noinline void *module_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, 1, VMALLOC_START, VMALLOC_END,
				    GFP_KERNEL | __GFP_ZERO, PAGE_KERNEL, 0,
				    __builtin_return_address(0));
}

/*
 * move_module - allocate both layouts and copy the sections in.  Inlined,
 * so that vmallocinfo's caller reads "load_module+0x...", as in Linux.
 */
static __always_inline int move_module(struct module *mod, struct load_info *info)
{
	unsigned int i;

	if (mod->core_layout.size) {
		mod->core_layout.base = module_alloc(mod->core_layout.size);
		if (!mod->core_layout.base)
			return load_err(info, -ENOMEM, "no vmalloc memory for %u bytes of code and data",
					mod->core_layout.size);
	}
	if (mod->init_layout.size) {
		mod->init_layout.base = module_alloc(mod->init_layout.size);
		if (!mod->init_layout.base)
			return load_err(info, -ENOMEM, "no vmalloc memory for %u bytes of init code and data",
					mod->init_layout.size);
	}
	for (i = 0; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];
		unsigned long off = info->secaddr[i];
		void *dest;

		if (off == NOT_LOADED) {
			info->secaddr[i] = 0;
			continue;
		}
		if (off & INIT_OFFSET_MASK)
			dest = mod->init_layout.base + (off & ~INIT_OFFSET_MASK);
		else
			dest = mod->core_layout.base + off;
		if (s->sh_type != SHT_NOBITS)	/* bss: already zero */
			memcpy(dest, info->image + s->sh_offset, s->sh_size);
		info->secaddr[i] = (unsigned long)dest;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * 5. and 6. Symbols and relocations
 */

// The kernel's export called @name, or NULL.
static const struct kernel_symbol *find_exported_symbol(const char *name)
{
	const struct kernel_symbol *ks;

	for (ks = __start___ksymtab; ks < __stop___ksymtab; ks++)
		if (!strcmp(ks->name, name))
			return ks;
	return NULL;
}

/*
 * resolve_symbol - the address of undefined symbol @name: a kernel export,
 * or __this_module (the module's own struct module, for THIS_MODULE).
 */
static bool resolve_symbol(struct module *mod, const char *name, unsigned long *value)
{
	const struct kernel_symbol *ks;

	if (!strcmp(name, "__this_module")) {
		*value = (unsigned long)mod;
		return true;
	}
	ks = find_exported_symbol(name);
	if (ks)
		*value = ks->value;
	return ks != NULL;
}

/*
 * simplify_symbols - the final value of every symbol: a defined one gets
 * its section's address added, an undefined one is looked up in the
 * kernel's exports.  Every unknown symbol is named, then -ENOENT.
 */
static int simplify_symbols(struct module *mod, struct load_info *info)
{
	unsigned int i;

	for (i = 1; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];
		const char *name = info->strtab + sym->st_name;

		switch (sym->st_shndx) {
		case SHN_COMMON:
			return load_err(info, -ENOEXEC, "common symbol %s: compile with -fno-common", name);
		case SHN_ABS:
			info->symval[i] = sym->st_value;
			break;
		case SHN_UNDEF:
			if (!*name || resolve_symbol(mod, name, &info->symval[i]))
				break;
			if (ELF32_ST_BIND(sym->st_info) == STB_WEAK) {
				info->symval[i] = 0;
				break;
			}
			load_err(info, -ENOENT, "unknown symbol %s (not exported by the kernel)", name);
			info->nr_unknown++;
			break;
		default:
			info->symval[i] = info->secaddr[sym->st_shndx] + sym->st_value;
			break;
		}
	}
	if (info->nr_unknown)
		return load_err(info, -ENOENT, "%u unknown symbol%s", info->nr_unknown,
				info->nr_unknown == 1 ? "" : "s");
	return 0;
}

/* apply_relocate - the REL section @relsec, into the section it patches. */
static int apply_relocate(struct load_info *info, unsigned int relsec)
{
	const Elf32_Shdr *s = &info->sechdrs[relsec];
	const Elf32_Rel *rel = (const Elf32_Rel *)(info->image + s->sh_offset);
	unsigned int target = s->sh_info, n = s->sh_size / sizeof(*rel), j;

	for (j = 0; j < n; j++) {
		u32 *loc = (u32 *)(info->secaddr[target] + rel[j].r_offset);
		unsigned int symidx = ELF32_R_SYM(rel[j].r_info);
		unsigned int type = ELF32_R_TYPE(rel[j].r_info);
		const Elf32_Sym *sym = &info->syms[symidx];
		u32 value = info->symval[symidx];

		if (sym->st_shndx != SHN_UNDEF && sym->st_shndx < info->shnum &&
		    !info->secaddr[sym->st_shndx])
			return load_err(info, -ENOEXEC, "%s+0x%x refers to %s in section %s, which is not loaded",
					secname(info, target), rel[j].r_offset,
					info->strtab + sym->st_name, secname(info, sym->st_shndx));
		switch (type) {
		case R_386_32:		/* S + A: the addend is in place */
			*loc += value;
			break;
		case R_386_PC32:	/* S + A - P */
		case R_386_PLT32:	/* no PLT in the kernel: the same (Linux too) */
			*loc += value - (u32)loc;
			break;
		default:
			return load_err(info, -ENOEXEC, "unsupported relocation type %u%s%s%s at %s+0x%x (mm386 handles R_386_32, R_386_PC32, R_386_PLT32)",
					type, type < ARRAY_SIZE(reloc_names) ? " (" : "",
					type < ARRAY_SIZE(reloc_names) ? reloc_names[type] : "",
					type < ARRAY_SIZE(reloc_names) ? ")" : "",
					secname(info, target), rel[j].r_offset);
		}
	}
	return 0;
}

static int apply_relocations(struct load_info *info)
{
	unsigned int i;
	int err;

	for (i = 1; i < info->shnum; i++) {
		const Elf32_Shdr *s = &info->sechdrs[i];

		/* Only sections that are loaded; check_relocations() refused RELA there. */
		if (s->sh_type != SHT_REL || !info->secaddr[s->sh_info])
			continue;
		err = apply_relocate(info, i);
		if (err)
			return err;
	}
	return 0;
}

// The defined, global symbol @name of the module, or 0.
static unsigned long find_module_symbol(const struct load_info *info, const char *name)
{
	unsigned int i;

	for (i = 1; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];

		if (sym->st_shndx != SHN_UNDEF && ELF32_ST_BIND(sym->st_info) != STB_LOCAL &&
		    !strcmp(info->strtab + sym->st_name, name))
			return info->symval[i];
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * kallsyms for modules: "symbol+0xoff/0xsize [module]"
 */

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

static void free_kallsyms(struct mod_kallsyms *ks)
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
static int add_kallsyms(struct module *mod, struct load_info *info)
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
static bool module_kallsyms_lookup(unsigned long addr, struct ksym *out)
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

/* ---------------------------------------------------------------------
 * 7. and 8. Read-only code, init, and the end of a module
 */

/*
 * set_memory_ro - map @numpages pages from @addr read-only (Linux's
 * name).  Their PTEs are the vmalloc area's; CR0.WP makes the kernel obey.
 */
static void set_memory_ro(unsigned long addr, unsigned int numpages)
{
	unsigned long a;

	for (a = addr; a < addr + numpages * PAGE_SIZE; a += PAGE_SIZE) {
		pte_t *pte = lookup_address(a);

		if (pte && pte_present(*pte))
			set_pte(pte, pfn_pte(pte_pfn(*pte), PAGE_KERNEL_RO));
	}
	flush_tlb_kernel_range(addr, addr + numpages * PAGE_SIZE);
}

static void module_enable_ro(const struct module *mod)
{
	if (mod->core_layout.base)
		set_memory_ro((unsigned long)mod->core_layout.base,
			      mod->core_layout.ro_size >> PAGE_SHIFT);
	if (mod->init_layout.base)
		set_memory_ro((unsigned long)mod->init_layout.base,
			      mod->init_layout.ro_size >> PAGE_SHIFT);
}

/* free_module - take @mod off the list and free everything it has. */
static void free_module(struct module *mod)
{
	if (!list_empty(&mod->list))
		list_del(&mod->list);
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
		ret = mod->init();
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
	if (err)
		goto free_mod;
	mod->init = (int (*)(void))find_module_symbol(info, "init_module");
	mod->exit = (void (*)(void))find_module_symbol(info, "cleanup_module");
	module_enable_ro(mod);

	list_add_tail(&mod->list, &modules);
	kallsyms_module_lookup = module_kallsyms_lookup;
	report_loaded(mod, info);
	kfree(info->secaddr);
	kfree(info->symval);
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
	struct load_info info = {
		.file = name,
		.image = image,
		.len = len,
		.hdr = image,
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

static const char *module_state_name(enum module_state state)
{
	switch (state) {
	case MODULE_STATE_LIVE:
		return "Live";
	case MODULE_STATE_COMING:
		return "Loading";
	case MODULE_STATE_GOING:
		return "Unloading";
	default:
		return "Unformed";
	}
}

void lsmod(void)
{
	struct module *mod;

	printk("Module                  Size  Used by  Address\n");
	list_for_each_entry(mod, &modules, list)
		printk("%-19s %8u  %-7u  0x%08lx-0x%08lx\n", mod->name, mod->core_layout.size,
		       mod->refcnt, (unsigned long)mod->core_layout.base,
		       (unsigned long)mod->core_layout.base + mod->core_layout.size);
}

/*
 * modules_show - /proc/modules, in Linux's format: name, size, users, the
 * modules that use it ("-": none), state, address.
 */
static void modules_show(void)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		printk("%s %u %u - %s 0x%08lx\n", mod->name,
		       mod->core_layout.size + mod->init_layout.size, mod->refcnt,
		       module_state_name(mod->state), (unsigned long)mod->core_layout.base);
}
proc_dump("modules", modules_show);

void print_modules(void)
{
	struct module *mod;

	printk(KERN_EMERG "Modules linked in:");
	list_for_each_entry(mod, &modules, list)
		printk(KERN_CONT " %s%s", mod->name, mod->state == MODULE_STATE_COMING ? "(+)" :
		       mod->state == MODULE_STATE_GOING ? "(-)" : "");
	printk(KERN_CONT "\n");
}

/* ---------------------------------------------------------------------
 * Boot modules: the .ko files the boot loader brought
 */

static int __init rmmod_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	rmmod_param = val;
	return 0;
}
__setup("rmmod=", rmmod_setup);

static int __init module_blacklist_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	blacklist_param = val;
	return 0;
}
__setup("module_blacklist=", module_blacklist_setup);

/*
 * struct mem_count - what a module may leak: free pages (page tables
 * count as free: the vmalloc area keeps those it makes, as Linux does)
 * and vmalloc areas.  Taken with the caches shrunk and the pcp lists
 * drained, so that two counts can be compared.
 */
struct mem_count {
	unsigned long pages;
	unsigned long areas;
	unsigned long area_bytes;
};

static void mem_count(struct mem_count *c)
{
	struct vmalloc_info vmi;

	kmem_cache_shrink_all();
	drain_all_pages();
	c->pages = nr_free_pages() + global_vm_stat(NR_PAGETABLE);
	get_vmalloc_info(&vmi);
	c->areas = vmi.nr_areas;
	c->area_bytes = vmi.used;
}

static bool mem_count_same(const struct mem_count *a, const struct mem_count *b)
{
	return a->pages == b->pages && a->areas == b->areas && a->area_bytes == b->area_bytes;
}

// "...: free+page-table pages 38544 before, 38544 after; vmalloc areas 0 before, 0 after: nothing leaked"
static void report_mem_count(const char *what, const struct mem_count *before,
			     const struct mem_count *after)
{
	pr_info("module: %s: free+page-table pages %lu before, %lu after; vmalloc areas %lu before, %lu after: %s\n",
		what, before->pages, after->pages, before->areas, after->areas,
		mem_count_same(before, after) ? "nothing leaked" : "LEAKED");
}

// The boot module whose file name (without directory and ".ko") is @name.
static const struct boot_module *find_boot_module(const char *name)
{
	char want[MODULE_NAME_LEN], have[MODULE_NAME_LEN];
	unsigned int i;

	module_name_from_file(want, sizeof(want), name);
	for (i = 0; i < nr_boot_modules; i++) {
		module_name_from_file(have, sizeof(have), boot_modules[i].cmdline);
		if (!strcmp(want, have))
			return &boot_modules[i];
	}
	return NULL;
}

// Load boot module @bm; its image must be in lowmem, where __va() reaches it.
static int load_boot_image(const struct boot_module *bm)
{
	const char *args = bm->cmdline + strcspn(bm->cmdline, " ");
	char file[BOOT_MODULE_NAME_LEN];

	strscpy(file, bm->cmdline, sizeof(file));
	file[strcspn(file, " ")] = '\0';
	if (!file[0])
		strscpy(file, "(unnamed)", sizeof(file));
	pr_info("module: loading %s (%lu bytes at phys 0x%08lx)\n", file, bm->end - bm->start,
		bm->start);
	if (bm->end < bm->start || bm->end > __pa(high_memory)) {
		pr_err("module: %s at phys 0x%08lx-0x%08lx is not in lowmem; not loaded\n", file,
		       bm->start, bm->end);
		return -EFAULT;
	}
	if (*skip_spaces(args))
		pr_warn("module: %s: parameters \"%s\" ignored (mm386 modules take none)\n", file,
			skip_spaces(args));
	return load_module_image(__va(bm->start), bm->end - bm->start, file);
}

int load_boot_module(const char *file)
{
	const struct boot_module *bm = find_boot_module(file);

	if (!bm) {
		pr_err("module: no boot module called %s\n", file);
		return -ENOENT;
	}
	return load_boot_image(bm);
}

void print_boot_modules(void)
{
	char name[MODULE_NAME_LEN];
	unsigned int i;

	if (!nr_boot_modules) {
		pr_info("no boot modules: boot with -initrd FILE.ko (make run M=dir) or a GRUB module line\n");
		return;
	}
	pr_info("boot modules (QEMU -initrd, GRUB module lines):\n");
	for (i = 0; i < nr_boot_modules; i++) {
		const struct boot_module *bm = &boot_modules[i];

		module_name_from_file(name, sizeof(name), bm->cmdline);
		pr_info("  %s: %lu bytes at phys 0x%08lx, %s\n", bm->cmdline[0] ? bm->cmdline :
			"(unnamed)", bm->end - bm->start, bm->start,
			find_module(name) ? "loaded" : "not loaded");
	}
}

/*
 * load_boot_modules - at the end of boot (kernel/main.c), before the
 * dumps and the tests: load each boot module; for each that is refused,
 * show that it left nothing behind; then unload those named by rmmod=.
 */
void load_boot_modules(void)
{
	struct mem_count start, before, after;
	char what[BOOT_MODULE_NAME_LEN + 48], name[MODULE_NAME_LEN];
	const char *p = rmmod_param;
	unsigned int i;
	int ret;

	if (!nr_boot_modules) {
		if (rmmod_param)
			pr_warn("rmmod=%s: no modules were loaded\n", rmmod_param);
		return;
	}
	mem_count(&start);
	for (i = 0; i < nr_boot_modules; i++) {
		mem_count(&before);
		ret = load_boot_image(&boot_modules[i]);
		if (!ret)
			continue;
		mem_count(&after);
		snprintf(what, sizeof(what), "%s not loaded (%pe)", boot_modules[i].cmdline,
			 ERR_PTR(ret));
		report_mem_count(what, &before, &after);
	}
	if (!p)
		return;
	while (next_word(&p, ',', name, sizeof(name)))
		unload_module(name);
	if (list_empty(&modules)) {
		mem_count(&after);
		report_mem_count("all boot modules gone after rmmod=", &start, &after);
	}
}
