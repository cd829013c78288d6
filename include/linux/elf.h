/* SPDX-License-Identifier: GPL-2.0 */
/*
 * elf.h - the parts of the ELF32 format that mm386's loaders read.
 *
 * A kernel module (.ko) is an ELF *relocatable* file (ET_REL), what `ld -r`
 * makes of the module's .o files: sections (code, data, strings...), a
 * symbol table, and relocation sections that say which 4-byte fields of
 * which section must be patched with which symbol's final address once the
 * sections have a place in memory.  There are no program headers and no
 * fixed address: the loader (kernel/module/) chooses the addresses.
 *
 * A program is an ELF executable (ET_EXEC, or ET_DYN for a position-
 * independent one): its program headers say which parts of the file go
 * where in memory.  Both loaders first ask elf_check_header() (lib/elf.c)
 * whether the file is a sane i386 ELF file of the type they load.
 *
 * The names and values are the ELF specification's, as in Linux's
 * include/uapi/linux/elf.h and the i386 psABI.
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>

typedef u32 Elf32_Addr;
typedef u16 Elf32_Half;
typedef u32 Elf32_Off;
typedef s32 Elf32_Sword;
typedef u32 Elf32_Word;

/* e_ident[] */
#define EI_NIDENT	16
#define EI_MAG0		0
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define EV_CURRENT	1

/* e_type */
#define ET_NONE		0
#define ET_REL		1
#define ET_EXEC		2
#define ET_DYN		3
#define ET_CORE		4

/* What a loader accepts: a mask of 1 << e_type (struct elf_want). */
#define ELF_TYPE_BIT(type)	(1U << (type))

/* e_machine */
#define EM_386		3
#define EM_X86_64	62

typedef struct elf32_hdr {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;
	Elf32_Off e_phoff;
	Elf32_Off e_shoff;		/* section header table: file offset */
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;		/* sizeof(Elf32_Shdr) */
	Elf32_Half e_shnum;		/* number of section headers */
	Elf32_Half e_shstrndx;		/* the section that holds section names */
} Elf32_Ehdr;

/* p_type */
#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_STACK	0x6474e551

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct elf32_phdr {
	Elf32_Word p_type;
	Elf32_Off p_offset;		/* where the segment's bytes are in the file */
	Elf32_Addr p_vaddr;
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;		/* >= p_filesz: the rest is zeroed (bss) */
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

/* sh_type */
#define SHT_NULL	0
#define SHT_PROGBITS	1
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_RELA	4
#define SHT_HASH	5
#define SHT_DYNAMIC	6
#define SHT_NOTE	7
#define SHT_NOBITS	8	/* occupies no file space: .bss */
#define SHT_REL		9
#define SHT_DYNSYM	11
#define SHT_INIT_ARRAY	14
#define SHT_FINI_ARRAY	15
#define SHT_GROUP	17
#define SHT_SYMTAB_SHNDX 18

/* sh_flags */
#define SHF_WRITE	0x1
#define SHF_ALLOC	0x2	/* occupies memory when the file is loaded */
#define SHF_EXECINSTR	0x4
#define SHF_MERGE	0x10
#define SHF_STRINGS	0x20
#define SHF_INFO_LINK	0x40

/* special section indexes (st_shndx) */
#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00
#define SHN_ABS		0xfff1
#define SHN_COMMON	0xfff2
#define SHN_XINDEX	0xffff

typedef struct elf32_shdr {
	Elf32_Word sh_name;		/* offset in the section name table */
	Elf32_Word sh_type;
	Elf32_Word sh_flags;
	Elf32_Addr sh_addr;
	Elf32_Off sh_offset;		/* where its bytes are in the file */
	Elf32_Word sh_size;
	Elf32_Word sh_link;		/* symtab: its strtab; rel: its symtab */
	Elf32_Word sh_info;		/* rel: the section it patches */
	Elf32_Word sh_addralign;
	Elf32_Word sh_entsize;
} Elf32_Shdr;

/* st_info */
#define ELF32_ST_BIND(i)	((i) >> 4)
#define ELF32_ST_TYPE(i)	((i) & 0xf)
#define STB_LOCAL	0
#define STB_GLOBAL	1
#define STB_WEAK	2
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define STT_SECTION	3
#define STT_FILE	4

typedef struct elf32_sym {
	Elf32_Word st_name;		/* offset in the string table */
	Elf32_Addr st_value;		/* offset in its section (ET_REL) */
	Elf32_Word st_size;
	unsigned char st_info;
	unsigned char st_other;
	Elf32_Half st_shndx;		/* its section, or SHN_UNDEF/ABS/COMMON */
} Elf32_Sym;

/* r_info */
#define ELF32_R_SYM(i)		((i) >> 8)
#define ELF32_R_TYPE(i)		((unsigned char)(i))

/* i386 relocation types (psABI) */
#define R_386_NONE	0
#define R_386_32	1	/* S + A: an absolute address */
#define R_386_PC32	2	/* S + A - P: a call or jump displacement */
#define R_386_GOT32	3
#define R_386_PLT32	4	/* L + A - P; without a PLT, the same as PC32 */
#define R_386_COPY	5
#define R_386_GLOB_DAT	6
#define R_386_JMP_SLOT	7
#define R_386_RELATIVE	8
#define R_386_GOTOFF	9
#define R_386_GOTPC	10

typedef struct elf32_rel {
	Elf32_Addr r_offset;		/* the field: offset in the patched section */
	Elf32_Word r_info;		/* symbol index << 8 | type */
} Elf32_Rel;

typedef struct elf32_rela {
	Elf32_Addr r_offset;
	Elf32_Word r_info;
	Elf32_Sword r_addend;
} Elf32_Rela;

/*
 * struct elf_want - what a loader accepts, for elf_check_header(), and its
 * words for a file of another type: "not relocatable: e_type 2 (ET_EXEC,
 * an executable); a module is ET_REL = 1, made by ld -r".
 */
struct elf_want {
	unsigned int types;		/* ELF_TYPE_BIT(ET_REL) | ... */
	const char *not_type;		/* "not relocatable" */
	const char *type_hint;		/* "a module is ET_REL = 1, made by ld -r" */
	unsigned int min_sections;	/* section headers the loader needs (0: none) */
	unsigned int min_segments;	/* program headers the loader needs (0: none) */
};

/* The most program headers a file may have: a page of them, as Linux's elf_read_phdrs(). */
#define ELF_MAX_PHNUM	(4096 / sizeof(Elf32_Phdr))

/* Is [@off, @off + @size) inside a file of @len bytes (no wrap-around)? */
static inline bool elf_in_file(unsigned long len, u32 off, u32 size)
{
	return off <= len && size <= len - off;
}

int elf_check_header(const void *image, unsigned long len, const struct elf_want *want,
		     char *why, size_t size);

/* The auxiliary vector's keys (include/uapi/linux/auxvec.h) */
#define AT_NULL		0
#define AT_IGNORE	1
#define AT_EXECFD	2
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31
#define AT_SYSINFO	32
#define AT_SYSINFO_EHDR	33
#define AT_MINSIGSTKSZ	51

#endif
