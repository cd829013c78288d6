// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/check.c - step 1 of loading a module: can the file be trusted?
 *
 * A .ko comes from outside the kernel, and the later steps (layout.c,
 * relocate.c, kallsyms.c) read it through offsets and indexes it gives:
 * where the section table is, where each section's bytes are, which
 * string table names the symbols, which symbol a relocation means, which
 * 4 bytes it patches.  elf_validity_check() checks every one of them
 * against the file before anything is read through it, so that a corrupt
 * or hostile file is refused in one line ("module bad: section 3 (.text)
 * at offset 9000, 64 bytes, lies outside the file (8000 bytes)") instead
 * of making the kernel read or write where it should not.
 *
 * The ELF header is checked by elf_check_header() (lib/elf.c), which the
 * program loader shares; this file checks what only a relocatable file
 * has: section names, the symbol table, REL relocations.  The rest of the
 * loader is in main.c (the steps in order) and its neighbours (internal.h).
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/page.h>
#include "internal.h"

/* The module loader's words for elf_check_header(): a .ko is ET_REL. */
static const struct elf_want module_elf = {
	.types = ELF_TYPE_BIT(ET_REL),
	.not_type = "not relocatable",
	.type_hint = "a module is ET_REL = 1, made by ld -r",
	.min_sections = 1,
};

/*
 * check_header - the ELF header (lib/elf.c: a relocatable i386 file with
 * a section header table inside it), and the section name table's index.
 */
static int check_header(struct load_info *info)
{
	const Elf32_Ehdr *hdr = info->hdr;
	char why[160];

	if (elf_check_header(info->image, info->len, &module_elf, why, sizeof(why)))
		return load_err(info, -ENOEXEC, "%s", why);
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
int elf_validity_check(struct load_info *info)
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
