// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kallsyms.c - the kernel's own symbol table.
 *
 * An oops is only useful if it says *where*: "EIP: kfree+0x1c/0x90" rather
 * than "EIP: c0104a3c".  Linux builds a compressed symbol table into the
 * image; mm386 builds a plain one (tools/gen_ksyms.sh writes it from `nm`
 * output of the previous link, see the Makefile) and searches it with a
 * binary search.  Module symbols come from kernel/module/kallsyms.c through
 * kallsyms_module_lookup.
 */
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/string.h>

/* Generated tables (build/ksyms*.c): sorted by address. */
extern const unsigned int kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned long kallsyms_sizes[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];

bool (*kallsyms_module_lookup)(unsigned long addr, struct ksym *sym);

// Index of the last symbol starting at or below @addr, or -1.
static int ksym_index(unsigned long addr)
{
	int lo = 0, hi = (int)kallsyms_num_syms - 1, found = -1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

bool kallsyms_lookup(unsigned long addr, struct ksym *sym)
{
	int i = ksym_index(addr);

	if (i >= 0 && addr - kallsyms_addresses[i] < kallsyms_sizes[i]) {
		sym->name = kallsyms_names + kallsyms_offsets[i];
		sym->addr = kallsyms_addresses[i];
		sym->size = kallsyms_sizes[i];
		sym->module = NULL;
		return true;
	}
	return kallsyms_module_lookup && kallsyms_module_lookup(addr, sym);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	unsigned int i;

	for (i = 0; i < kallsyms_num_syms; i++)
		if (!strcmp(kallsyms_names + kallsyms_offsets[i], name))
			return kallsyms_addresses[i];
	return 0;
}

// Print @addr as found by looking up @lookup (they differ for %pB).
static int __sprint_symbol(char *buf, size_t size, unsigned long addr,
			   unsigned long lookup)
{
	struct ksym sym;

	if (!kallsyms_lookup(lookup, &sym))
		return snprintf(buf, size, "0x%08lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx%s%s%s", sym.name,
			addr - sym.addr, sym.size, sym.module ? " [" : "",
			sym.module ? sym.module : "", sym.module ? "]" : "");
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	return __sprint_symbol(buf, size, addr, addr);
}

/*
 * sprint_backtrace - like sprint_symbol for a return address: a call that
 * ends a function returns to the first byte of the next one, so the
 * symbol is looked up at @addr - 1.
 */
int sprint_backtrace(char *buf, size_t size, unsigned long addr)
{
	return __sprint_symbol(buf, size, addr, addr - 1);
}

void print_ip_sym(const char *prefix, unsigned long ip)
{
	printk("%s%pS\n", prefix, (void *)ip);
}
