// SPDX-License-Identifier: GPL-2.0
/*
 * tests/kernel/elf_test.c - ktest suite "elf": elf_check_header() (lib/elf.c).
 *
 * The module loader's use of the helper is tested end to end with 35
 * corrupted .ko files (tests/host/test_modules.py).  This suite tests what
 * those cannot reach: the checks a program loader asks for.  Each case
 * builds a small i386 executable in memory (an ELF header, two program
 * headers, no sections, as a stripped static program has), breaks one
 * field, and expects the exact reason, or acceptance.
 */
#include <linux/kernel.h>
#include <linux/elf.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <mm386/ktest.h>

/* A program loader's wants: ET_EXEC or ET_DYN, at least one program header. */
static const struct elf_want program = {
	.types = ELF_TYPE_BIT(ET_EXEC) | ELF_TYPE_BIT(ET_DYN),
	.not_type = "not an executable",
	.type_hint = "a program is ET_EXEC = 2 or ET_DYN = 3",
	.min_segments = 1,
};

/* The module loader's (kernel/module/check.c). */
static const struct elf_want module = {
	.types = ELF_TYPE_BIT(ET_REL),
	.not_type = "not relocatable",
	.type_hint = "a module is ET_REL = 1, made by ld -r",
	.min_sections = 1,
};

/* An executable: the header, then its program headers, then a little code. */
static struct {
	Elf32_Ehdr ehdr;
	Elf32_Phdr phdr[2];
	u8 text[64];
} file;

static char why[160];

// A well-formed static i386 executable with two PT_LOAD segments.
static void make_program(void)
{
	memset(&file, 0, sizeof(file));
	memcpy(file.ehdr.e_ident, ELFMAG, SELFMAG);
	file.ehdr.e_ident[EI_CLASS] = ELFCLASS32;
	file.ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	file.ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	file.ehdr.e_type = ET_EXEC;
	file.ehdr.e_machine = EM_386;
	file.ehdr.e_version = EV_CURRENT;
	file.ehdr.e_entry = 0x08049000;
	file.ehdr.e_phoff = offsetof(typeof(file), phdr);
	file.ehdr.e_ehsize = sizeof(Elf32_Ehdr);
	file.ehdr.e_phentsize = sizeof(Elf32_Phdr);
	file.ehdr.e_phnum = 2;
	file.phdr[0] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_vaddr = 0x08048000,
				     .p_filesz = sizeof(file), .p_memsz = sizeof(file),
				     .p_flags = PF_R | PF_X, .p_align = 0x1000 };
	file.phdr[1] = (Elf32_Phdr){ .p_type = PT_LOAD, .p_vaddr = 0x0804a000,
				     .p_memsz = 0x100, .p_flags = PF_R | PF_W, .p_align = 0x1000 };
}

// elf_check_header() on the file as it is now, @len bytes of it.
static int check(const struct elf_want *want, unsigned long len)
{
	strscpy(why, "(untouched)", sizeof(why));
	return elf_check_header(&file, len, want, why, sizeof(why));
}

#define KT_EXPECT_REFUSED(t, want, len, reason) do {			\
	KT_EXPECT_EQ(t, check(want, len), -ENOEXEC);			\
	KT_EXPECT_STREQ(t, why, reason);				\
} while (0)

static void executables_are_accepted(struct ktest *t)
{
	make_program();
	KT_EXPECT_EQ(t, check(&program, sizeof(file)), 0);
	KT_EXPECT_STREQ(t, why, "(untouched)");
	file.ehdr.e_type = ET_DYN;		/* a static PIE */
	KT_EXPECT_EQ(t, check(&program, sizeof(file)), 0);
	/* No section headers at all, not even their size: nothing to check. */
	file.ehdr.e_shentsize = 0;
	file.ehdr.e_shoff = 0xffffffff;
	KT_EXPECT_EQ(t, check(&program, sizeof(file)), 0);
	/* The program header table may end exactly at the end of the file. */
	KT_EXPECT_EQ(t, check(&program, offsetof(typeof(file), text)), 0);
}

static void identity_is_checked(struct ktest *t)
{
	make_program();
	KT_EXPECT_REFUSED(t, &program, 51, "truncated: 51 bytes, smaller than an ELF header (52 bytes)");
	file.ehdr.e_ident[0] = 0x7e;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not an ELF file (magic 7e 45 4c 46, expected 7f 45 4c 46)");
	make_program();
	file.ehdr.e_ident[EI_CLASS] = ELFCLASS64;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not a 32-bit ELF file (class 2, ELFCLASS64, expected ELFCLASS32 = 1)");
	make_program();
	file.ehdr.e_ident[EI_DATA] = ELFDATA2MSB;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not little-endian (data encoding 2, ELFDATA2MSB, expected ELFDATA2LSB = 1)");
	make_program();
	file.ehdr.e_ident[EI_VERSION] = 0;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "ELF version 0 in e_ident, 1 in e_version; expected EV_CURRENT = 1");
	make_program();
	file.ehdr.e_version = 2;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "ELF version 1 in e_ident, 2 in e_version; expected EV_CURRENT = 1");
	make_program();
	file.ehdr.e_machine = EM_X86_64;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "built for machine 62 (x86-64), not for i386 (EM_386 = 3)");
	make_program();
	file.ehdr.e_ehsize = 64;
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "ELF header of 64 bytes, expected 52");
}

static void type_is_the_loaders(struct ktest *t)
{
	make_program();
	file.ehdr.e_type = ET_REL;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not an executable: e_type 1 (ET_REL, a relocatable object); a program is ET_EXEC = 2 or ET_DYN = 3");
	file.ehdr.e_type = ET_CORE;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not an executable: e_type 4 (ET_CORE, a core dump); a program is ET_EXEC = 2 or ET_DYN = 3");
	file.ehdr.e_type = 0xfe00;		/* ET_LOOS: no name, and no shift past 31 */
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "not an executable: e_type 65024; a program is ET_EXEC = 2 or ET_DYN = 3");
	/* The module loader's words for the same file. */
	make_program();
	KT_EXPECT_REFUSED(t, &module, sizeof(file),
			  "not relocatable: e_type 2 (ET_EXEC, an executable); a module is ET_REL = 1, made by ld -r");
}

static void program_headers_are_checked(struct ktest *t)
{
	make_program();
	file.ehdr.e_phentsize = 40;
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "program headers of 40 bytes, expected 32");
	make_program();
	file.ehdr.e_phnum = 0;		/* an executable needs at least one */
	file.ehdr.e_phentsize = 0;
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "program headers of 0 bytes, expected 32");
	file.ehdr.e_phentsize = sizeof(Elf32_Phdr);
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "0 program headers: mm386 loads 1 to 128");
	file.ehdr.e_phnum = 129;	/* more than a page of them, as Linux refuses */
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "129 program headers: mm386 loads 1 to 128");
	make_program();
	KT_EXPECT_REFUSED(t, &program, offsetof(typeof(file), text) - 1,
			  "program header table (offset 52, 2 entries) lies outside the file (115 bytes)");
	file.ehdr.e_phoff = 0xfffffff0;	/* offset + size wraps round */
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "program header table (offset 4294967280, 2 entries) lies outside the file (180 bytes)");
}

static void section_headers_are_checked(struct ktest *t)
{
	make_program();
	file.ehdr.e_shnum = 1;		/* present, so checked, even for a program */
	file.ehdr.e_shentsize = 32;
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "section headers of 32 bytes, expected 40");
	file.ehdr.e_shentsize = sizeof(Elf32_Shdr);
	file.ehdr.e_shoff = sizeof(file) - sizeof(Elf32_Shdr) + 1;
	KT_EXPECT_REFUSED(t, &program, sizeof(file),
			  "section header table (offset 141, 1 entries) lies outside the file (180 bytes)");
	file.ehdr.e_shoff = sizeof(file) - sizeof(Elf32_Shdr);
	KT_EXPECT_EQ(t, check(&program, sizeof(file)), 0);
	file.ehdr.e_shnum = SHN_LORESERVE;
	KT_EXPECT_REFUSED(t, &program, sizeof(file), "65280 sections: mm386 loads 0 to 65279");
	/* A module needs sections: none is refused before anything is read. */
	make_program();
	file.ehdr.e_type = ET_REL;
	KT_EXPECT_REFUSED(t, &module, sizeof(file), "section headers of 0 bytes, expected 40");
	file.ehdr.e_shentsize = sizeof(Elf32_Shdr);
	KT_EXPECT_REFUSED(t, &module, sizeof(file), "0 sections: mm386 loads 1 to 65279");
}

static struct ktest_case elf_cases[] = {
	KTEST_CASE(executables_are_accepted),
	KTEST_CASE(identity_is_checked),
	KTEST_CASE(type_is_the_loaders),
	KTEST_CASE(program_headers_are_checked),
	KTEST_CASE(section_headers_are_checked),
	{}
};

static struct ktest_suite elf_suite = {
	.name = "elf",
	.cases = elf_cases,
};
ktest_register(elf_suite);
