// SPDX-License-Identifier: GPL-2.0
/*
 * lib/elf.c - is this a sane i386 ELF file?  One answer for every loader.
 *
 * mm386 reads ELF files from outside: kernel modules (relocatable .ko
 * files, kernel/module/) and programs (executables).  Before a loader
 * follows any offset in such a file it asks elf_check_header() whether
 * the header can be trusted: the right magic, class, byte order, version
 * and machine, a type the loader handles, and section and program header
 * tables of the right entry size that lie inside the file.  What comes
 * after (sections, symbols, relocations; segments) is each loader's own
 * business, and each checks it before it reads it.
 *
 * A refusal is one line that says what is wrong and what was expected
 * ("not a 32-bit ELF file (class 2, ELFCLASS64, expected ELFCLASS32 =
 * 1)"); the loader prefixes it with the file's name.  The checks are
 * those of Linux 6.1's elf_validity_check() (modules) and
 * load_elf_binary()/elf_read_phdrs() (programs), with mm386's words.
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/string.h>

// " (ET_EXEC, an executable)": what a refused e_type is, if it has a name.
static const char *elf_type_name(unsigned int type)
{
	switch (type) {
	case ET_REL:
		return " (ET_REL, a relocatable object)";
	case ET_EXEC:
		return " (ET_EXEC, an executable)";
	case ET_DYN:
		return " (ET_DYN, a shared object)";
	case ET_CORE:
		return " (ET_CORE, a core dump)";
	default:
		return "";
	}
}

/*
 * check_table - a table of @num headers of @entsize bytes at @off (@what:
 * "section" or "program"; @plural: "sections" or "program headers"), of
 * which the loader needs at least @min: its entries must be @want_size
 * bytes (checked when there are entries, or must be), there must be @min
 * to @max of them, and they must lie inside the file.
 * Return: 0 or -ENOEXEC with @why filled in.
 */
static int check_table(const char *what, const char *plural, unsigned long len, u32 off,
		       unsigned int num, unsigned int entsize, size_t want_size, unsigned int min,
		       unsigned int max, char *why, size_t size)
{
	if ((num || min) && entsize != want_size) {
		snprintf(why, size, "%s headers of %u bytes, expected %zu", what, entsize, want_size);
		return -ENOEXEC;
	}
	if (num < min || num > max) {
		snprintf(why, size, "%u %s: mm386 loads %u to %u", num, plural, min, max);
		return -ENOEXEC;
	}
	if (num && !elf_in_file(len, off, num * want_size)) {
		snprintf(why, size, "%s header table (offset %u, %u entries) lies outside the file (%lu bytes)",
			 what, off, num, len);
		return -ENOEXEC;
	}
	return 0;
}

/**
 * elf_check_header - is this a sane i386 ELF file of a type the caller loads?
 * @image: the file's bytes
 * @len: the file's length
 * @want: the e_type values accepted (and the words for others), and how
 *        many section and program headers the caller needs at least
 * @why: where the reason for a refusal goes: one line, no newline
 * @size: the room in @why
 *
 * In this order: the file holds an ELF header; the magic; ELFCLASS32;
 * ELFDATA2LSB; EV_CURRENT (in e_ident and e_version); EM_386; the type;
 * e_ehsize; then the section header table and the program header table:
 * entries of sizeof(Elf32_Shdr) and sizeof(Elf32_Phdr) bytes (checked
 * when a table has entries, or when the caller needs it), between the
 * caller's minimum and SHN_LORESERVE - 1 sections or ELF_MAX_PHNUM
 * program headers, and (when there are any) inside the file.  Nothing
 * else is read: after a 0 the caller may read both tables, and must check
 * what their entries point to before it follows them.
 *
 * Return: 0; or -ENOEXEC with the reason in @why.
 */
int elf_check_header(const void *image, unsigned long len, const struct elf_want *want,
		     char *why, size_t size)
{
	const Elf32_Ehdr *hdr = image;
	const u8 *id = image;
	int err;

	if (len < sizeof(*hdr)) {
		snprintf(why, size, "truncated: %lu bytes, smaller than an ELF header (%zu bytes)", len,
			 sizeof(*hdr));
		return -ENOEXEC;
	}
	if (memcmp(id, ELFMAG, SELFMAG)) {
		snprintf(why, size, "not an ELF file (magic %02x %02x %02x %02x, expected 7f 45 4c 46)",
			 id[0], id[1], id[2], id[3]);
		return -ENOEXEC;
	}
	if (id[EI_CLASS] != ELFCLASS32) {
		snprintf(why, size, "not a 32-bit ELF file (class %u%s, expected ELFCLASS32 = 1)",
			 id[EI_CLASS], id[EI_CLASS] == ELFCLASS64 ? ", ELFCLASS64" : "");
		return -ENOEXEC;
	}
	if (id[EI_DATA] != ELFDATA2LSB) {
		snprintf(why, size, "not little-endian (data encoding %u%s, expected ELFDATA2LSB = 1)",
			 id[EI_DATA], id[EI_DATA] == ELFDATA2MSB ? ", ELFDATA2MSB" : "");
		return -ENOEXEC;
	}
	if (id[EI_VERSION] != EV_CURRENT || hdr->e_version != EV_CURRENT) {
		snprintf(why, size, "ELF version %u in e_ident, %u in e_version; expected EV_CURRENT = 1",
			 id[EI_VERSION], hdr->e_version);
		return -ENOEXEC;
	}
	if (hdr->e_machine != EM_386) {
		snprintf(why, size, "built for machine %u%s, not for i386 (EM_386 = 3)",
			 hdr->e_machine, hdr->e_machine == EM_X86_64 ? " (x86-64)" : "");
		return -ENOEXEC;
	}
	if (hdr->e_type >= 32 || !(want->types & ELF_TYPE_BIT(hdr->e_type))) {
		snprintf(why, size, "%s: e_type %u%s; %s", want->not_type, hdr->e_type,
			 elf_type_name(hdr->e_type), want->type_hint);
		return -ENOEXEC;
	}
	if (hdr->e_ehsize != sizeof(*hdr)) {
		snprintf(why, size, "ELF header of %u bytes, expected %zu", hdr->e_ehsize,
			 sizeof(*hdr));
		return -ENOEXEC;
	}
	err = check_table("section", "sections", len, hdr->e_shoff, hdr->e_shnum,
			  hdr->e_shentsize, sizeof(Elf32_Shdr), want->min_sections,
			  SHN_LORESERVE - 1, why, size);
	if (!err)
		err = check_table("program", "program headers", len, hdr->e_phoff, hdr->e_phnum,
				  hdr->e_phentsize, sizeof(Elf32_Phdr), want->min_segments,
				  ELF_MAX_PHNUM, why, size);
	return err;
}
