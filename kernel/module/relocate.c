// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/relocate.c - steps 5 and 6: linking a module to the kernel.
 *
 * Once its sections have addresses (layout.c), a module is linked as a
 * linker would: every symbol gets its final value (simplify_symbols: a
 * defined one is its section's new address plus its offset; an undefined
 * one must be a function or variable the kernel exports with
 * EXPORT_SYMBOL, or the module's own __this_module), then each REL
 * relocation patches 4 bytes of a loaded section with it:
 *
 *   R_386_32     S + A       an absolute address (a pointer in data)
 *   R_386_PC32   S + A - P   a call or jump displacement
 *   R_386_PLT32  the same    the kernel has no PLT
 *
 * where the addend A is already in place (REL, not RELA, on i386).  An
 * unknown symbol is named, each on its line; anything else is refused.
 * kallsyms.c keeps the symbols afterwards (internal.h lists the files).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "internal.h"

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];

static const char *const reloc_names[] = {
	"R_386_NONE", "R_386_32", "R_386_PC32", "R_386_GOT32", "R_386_PLT32", "R_386_COPY",
	"R_386_GLOB_DAT", "R_386_JMP_SLOT", "R_386_RELATIVE", "R_386_GOTOFF", "R_386_GOTPC",
};

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
int simplify_symbols(struct module *mod, struct load_info *info)
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

int apply_relocations(struct load_info *info)
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

/*
 * find_module_symbol - the defined, global symbol @name of the module
 * (init_module, cleanup_module), which the loader will call.
 * Return: 0 with *@addr its address (0 if the module has none), or
 * -ENOEXEC, refused in one line, if it lies outside the loaded image: an
 * absolute value, a section that is not loaded or holds no code, or an
 * offset past its section's end.  Calling it would jump anywhere.
 */
int find_module_symbol(const struct load_info *info, const char *name, unsigned long *addr)
{
	unsigned int i;

	*addr = 0;
	for (i = 1; i < info->num_syms; i++) {
		const Elf32_Sym *sym = &info->syms[i];
		const Elf32_Shdr *s;

		if (sym->st_shndx == SHN_UNDEF || ELF32_ST_BIND(sym->st_info) == STB_LOCAL ||
		    strcmp(info->strtab + sym->st_name, name))
			continue;
		if (sym->st_shndx >= SHN_LORESERVE)
			return load_err(info, -ENOEXEC, "%s is an absolute symbol (0x%08x), outside the module's image; not called",
					name, sym->st_value);
		s = &info->sechdrs[sym->st_shndx];
		if (!info->secaddr[sym->st_shndx])
			return load_err(info, -ENOEXEC, "%s is in section %s, which is not loaded; not called",
					name, secname(info, sym->st_shndx));
		if (!(s->sh_flags & SHF_EXECINSTR))
			return load_err(info, -ENOEXEC, "%s is in section %s, which holds no code; not called",
					name, secname(info, sym->st_shndx));
		if (sym->st_value >= s->sh_size)
			return load_err(info, -ENOEXEC, "%s is at offset 0x%x, past the end of section %s (%u bytes); not called",
					name, sym->st_value, secname(info, sym->st_shndx), s->sh_size);
		*addr = info->symval[i];
		return 0;
	}
	return 0;
}
