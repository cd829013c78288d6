// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/setup.c - taking in what the multiboot loader gave us.
 *
 * The multiboot information (memory map, command line, loader name,
 * modules) sits in memory that memblock will soon hand out, so
 * setup_arch() copies it into the kernel's own variables first.  Only the
 * modules' contents stay where the loader put them; memblock reserves
 * them (mm/memblock.c) until kernel/module/ has loaded them.
 *
 * QEMU's -kernel loader puts the image path in front of the command line
 * ("build/kernel.elf ktest=all"); GRUB does not.  We know QEMU by the
 * loader name it passes, "qemu", and drop that first word.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <asm/multiboot.h>
#include <asm/e820.h>
#include <asm/setup.h>
#include <asm/page.h>


extern u32 boot_magic, boot_mbi_phys;

char boot_command_line[COMMAND_LINE_SIZE];
char boot_loader_name[64];
struct boot_module boot_modules[MAX_BOOT_MODULES];
unsigned int nr_boot_modules;
struct e820_table e820_table;

// The boot mapping's view of loader data at @phys; panics if unmapped.
static void *early_va(unsigned long phys, unsigned long len, const char *what)
{
	if (phys + len < phys || phys + len > EARLY_MAP_SIZE)
		panic("setup_arch: multiboot %s at 0x%08lx is above the boot mapping (%lu MB)",
		      what, phys, EARLY_MAP_SIZE >> 20);
	return __va(phys);
}

static void copy_string(char *dst, size_t size, unsigned long phys, const char *what)
{
	const char *src = early_va(phys, 1, what);

	strscpy(dst, src, min_t(size_t, size, EARLY_MAP_SIZE - phys));
}

static void e820_add(u64 addr, u64 size, enum e820_type type)
{
	struct e820_table *t = &e820_table;
	unsigned int i;

	if (!size || t->nr_entries == E820_MAX_ENTRIES)
		return;
	/* Keep the table sorted by address (insertion sort). */
	for (i = t->nr_entries; i > 0 && t->entries[i - 1].addr > addr; i--)
		t->entries[i] = t->entries[i - 1];
	t->entries[i] = (struct e820_entry){ addr, size, type };
	t->nr_entries++;
}

static void parse_memory_map(const struct multiboot_info *mbi)
{
	unsigned long p, end;

	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP) {
		p = mbi->mmap_addr;
		end = p + mbi->mmap_length;
		early_va(p, mbi->mmap_length, "memory map");
		while (p < end) {
			const struct multiboot_mmap_entry *e = __va(p);

			e820_add(e->addr, e->len, e->type);
			p += e->size + sizeof(e->size);
		}
	} else if (mbi->flags & MULTIBOOT_INFO_MEMORY) {
		/* Old loaders: just "KB below 1 MB" and "KB above 1 MB". */
		e820_add(0, (u64)mbi->mem_lower << 10, E820_TYPE_RAM);
		e820_add(1 << 20, (u64)mbi->mem_upper << 10, E820_TYPE_RAM);
	} else {
		panic("setup_arch: the boot loader gave no memory map");
	}
}

static void parse_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_mod_list *mods;
	unsigned int i;

	if (!(mbi->flags & MULTIBOOT_INFO_MODS))
		return;
	mods = early_va(mbi->mods_addr, mbi->mods_count * sizeof(*mods), "module list");
	for (i = 0; i < mbi->mods_count; i++) {
		struct boot_module *m;

		if (nr_boot_modules == MAX_BOOT_MODULES) {
			pr_warn("setup: more than %d boot modules, ignoring the rest\n",
				MAX_BOOT_MODULES);
			break;
		}
		m = &boot_modules[nr_boot_modules++];
		m->start = mods[i].mod_start;
		m->end = mods[i].mod_end;
		if (mods[i].cmdline)
			copy_string(m->cmdline, sizeof(m->cmdline), mods[i].cmdline,
				    "module name");
		if (strlen(m->cmdline) == sizeof(m->cmdline) - 1)
			pr_warn("setup: boot module line longer than %zu characters, cut: %s\n",
				sizeof(m->cmdline) - 1, m->cmdline);
	}
}

const char *e820_type_name(enum e820_type type)
{
	switch (type) {
	case E820_TYPE_RAM:
		return "usable";
	case E820_TYPE_RESERVED:
		return "reserved";
	case E820_TYPE_ACPI:
		return "ACPI data";
	case E820_TYPE_NVS:
		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:
		return "unusable";
	}
	return "type unknown";
}

void e820__print_table(const char *who)
{
	unsigned int i;

	for (i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		pr_info("%s: [mem 0x%016llx-0x%016llx] %s\n", who, e->addr,
			e->addr + e->size - 1, e820_type_name(e->type));
	}
}

/*
 * copy_command_line - the loader's command line (at @phys) into
 * boot_command_line.  QEMU's -kernel loader puts the image path first; it
 * is skipped at the source, so that all COMMAND_LINE_SIZE - 1 characters
 * are the user's.  A longer line is cut there (as in Linux): the return
 * value is what was cut off, still in the loader's memory, for
 * setup_arch() to name, and *@len the whole line's length; NULL if it fit.
 */
static const char *copy_command_line(unsigned long phys, size_t *len)
{
	const char *src = early_va(phys, 1, "command line");
	size_t max = EARLY_MAP_SIZE - phys;

	if (!strncmp(boot_loader_name, "qemu", 4)) {	/* drop the image path */
		const char *p = skip_spaces(src);

		while (*p && !isspace(*p))
			p++;
		p = skip_spaces(p);
		max -= p - src;
		src = p;
	}
	*len = strnlen(src, max);
	strscpy(boot_command_line, src, min_t(size_t, sizeof(boot_command_line), max));
	return *len >= COMMAND_LINE_SIZE ? src + COMMAND_LINE_SIZE - 1 : NULL;
}

void setup_arch(void)
{
	const struct multiboot_info *mbi;
	const char *dropped = NULL;
	size_t len = 0;

	if (boot_magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("setup_arch: not started by a multiboot loader (EAX=0x%08x)", boot_magic);
	mbi = early_va(boot_mbi_phys, sizeof(*mbi), "information");

	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		copy_string(boot_loader_name, sizeof(boot_loader_name),
			    mbi->boot_loader_name, "loader name");
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		dropped = copy_command_line(mbi->cmdline, &len);
	parse_memory_map(mbi);
	parse_modules(mbi);

	pr_info("Booted by: %s\n", boot_loader_name[0] ? boot_loader_name : "(unnamed loader)");
	pr_info("Command line: %s\n", boot_command_line);
	if (dropped)
		pr_warn("Kernel command line too long: %zu characters, the first %d kept; %zu dropped: \"%.*s%s\"\n",
			len, COMMAND_LINE_SIZE - 1, len - (COMMAND_LINE_SIZE - 1), 160, dropped,
			strnlen(dropped, 161) > 160 ? "..." : "");
	pr_info("BIOS-provided physical RAM map:\n");
	e820__print_table("BIOS-e820");
}
