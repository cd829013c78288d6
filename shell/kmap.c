// SPDX-License-Identifier: GPL-2.0
/*
 * shell/kmap.c - temporary mappings and raw memory: kmap, kunmap,
 * kmap_atomic, peek, poke.
 *
 *   kmap PFN, kunmap PFN   a HighMem page gets a pkmap address until
 *                          kunmap (seed 001's "高端内存映射"); a lowmem page
 *                          has its direct-map address already
 *   kmap_atomic PFN        a fixmap slot for the length of the command:
 *                          the first bytes of the page, then the slot goes
 *   peek ADDR [LEN]        bytes at any kernel address, as a hex dump
 *   poke ADDR VALUE        write one 32-bit word
 *
 * peek and poke go through the exception table (copy_from_kernel_nofault),
 * so a bad address is an error that names the region, not an oops.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>
#include <mm386/shell.h>

#define PEEK_DEFAULT	64
#define PEEK_MAX	4096
#define HEX_PER_LINE	16

/* ---------------------------------------------------------------------
 * kmap, kunmap, kmap_atomic
 */

static int cmd_kmap(int argc, char **argv)
{
	unsigned long pfn, addr;
	struct page *page;

	if (shell_get_pfn(argv[0], argv[1], &pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	addr = (unsigned long)kmap(page);
	if (!addr) {
		pr_err("kmap(pfn %#lx) = NULL\n", pfn);
		return -ENOMEM;
	}
	if (PageHighMem(page))
		pr_info("kmap(pfn %#lx) = 0x%08lx (pkmap slot %lu, pkmap_count %d: %d user%s)\n",
			pfn, addr, PKMAP_NR(addr), kmap_pkmap_count(PKMAP_NR(addr)),
			kmap_pkmap_count(PKMAP_NR(addr)) - 1,
			kmap_pkmap_count(PKMAP_NR(addr)) == 2 ? "" : "s");
	else
		pr_info("kmap(pfn %#lx) = 0x%08lx (lowmem: its permanent address, nothing mapped)\n",
			pfn, addr);
	shell_set_answer("0x%08lx", addr);
	shell_set_pfn(pfn);
	return 0;
}

static const struct shell_cmd kmap_cmd = {
	.name = "kmap", .args = "PFN", .min_args = 1, .max_args = 1,
	.group = SHELL_MAP, .fn = cmd_kmap,
	.summary = "a pkmap slot for HighMem; page_address for lowmem",
};
shell_register(kmap_cmd);

static int cmd_kunmap(int argc, char **argv)
{
	unsigned long pfn, before = misuse_reports, addr;
	struct page *page;
	char what[32];

	if (shell_get_pfn(argv[0], argv[1], &pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	addr = (unsigned long)page->virtual;
	kunmap(page);
	snprintf(what, sizeof(what), "kunmap(pfn %#lx)", pfn);
	if (shell_judged(before, what))
		return -EFAULT;
	if (!PageHighMem(page))
		pr_info("kunmap: a lowmem page: nothing was mapped, nothing to undo\n");
	else if (kmap_pkmap_count(PKMAP_NR(addr)) == 1)
		pr_info("kunmap: pkmap slot %lu has no users now; 0x%08lx stays mapped until the next lazy flush\n",
			PKMAP_NR(addr), addr);
	else
		pr_info("kunmap: pkmap slot %lu still has %d user%s\n", PKMAP_NR(addr),
			kmap_pkmap_count(PKMAP_NR(addr)) - 1,
			kmap_pkmap_count(PKMAP_NR(addr)) == 2 ? "" : "s");
	return 0;
}

static const struct shell_cmd kunmap_cmd = {
	.name = "kunmap", .args = "PFN", .min_args = 1, .max_args = 1,
	.group = SHELL_MAP, .fn = cmd_kunmap,
	.summary = "undo one kmap (the slot is freed lazily)",
};
shell_register(kunmap_cmd);

// "16 bytes in hex, then as text": one line of a hex dump.
static void hex_line(unsigned long addr, const u8 *bytes, unsigned int n)
{
	char hex[3 * HEX_PER_LINE + 1], text[HEX_PER_LINE + 1];
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(hex + 3 * i, 4, "%02x ", bytes[i]);
		text[i] = bytes[i] >= ' ' && bytes[i] <= '~' ? bytes[i] : '.';
	}
	hex[3 * n] = '\0';
	text[n] = '\0';
	pr_info("%08lx: %-*s %s\n", addr, 3 * HEX_PER_LINE, hex, text);
}

static int cmd_kmap_atomic(int argc, char **argv)
{
	u8 bytes[HEX_PER_LINE];
	unsigned long pfn, addr;
	struct page *page;
	int slot;

	if (shell_get_pfn(argv[0], argv[1], &pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	addr = (unsigned long)kmap_atomic(page);
	slot = kmap_atomic_depth() - 1;
	memcpy(bytes, (void *)addr, sizeof(bytes));
	kunmap_atomic((void *)addr);
	if (PageHighMem(page))
		pr_info("kmap_atomic(pfn %#lx) = 0x%08lx (fixmap: kmap_atomic slot %d)\n", pfn,
			addr, slot);
	else
		pr_info("kmap_atomic(pfn %#lx) = 0x%08lx (lowmem: page_address, no slot used)\n",
			pfn, addr);
	hex_line(addr, bytes, sizeof(bytes));
	pr_info("kunmap_atomic(0x%08lx): done; %d kmap_atomic slots in use now\n", addr,
		kmap_atomic_depth());
	return 0;
}

static const struct shell_cmd kmap_atomic_cmd = {
	.name = "kmap_atomic", .args = "PFN", .min_args = 1, .max_args = 1,
	.group = SHELL_MAP, .fn = cmd_kmap_atomic,
	.summary = "map, show the slot and the first bytes, unmap",
};
shell_register(kmap_atomic_cmd);

/* ---------------------------------------------------------------------
 * peek, poke
 */

// "CMD: cannot read 0x...: <region>" for a faulting address.
static int fault_at(const char *cmd, const char *what, unsigned long addr)
{
	char where[160];

	describe_address(addr, where, sizeof(where));
	pr_err("%s: cannot %s 0x%08lx: %s\n", cmd, what, addr, where);
	return -EFAULT;
}

static int cmd_peek(int argc, char **argv)
{
	unsigned long addr, len = PEEK_DEFAULT, off;
	u8 bytes[HEX_PER_LINE];

	if (shell_get_ulong(argv[0], "ADDR", argv[1], &addr) ||
	    (argc > 2 && shell_get_size(argv[0], "LEN", argv[2], &len)))
		return -EINVAL;
	if (!len || len > PEEK_MAX) {
		pr_err("peek: LEN %lu: 1 to %d bytes at a time\n", len, PEEK_MAX);
		return -EINVAL;
	}
	for (off = 0; off < len; off += HEX_PER_LINE) {
		unsigned int n = min(len - off, (unsigned long)HEX_PER_LINE), i;

		for (i = 0; i < n; i++)
			if (copy_from_kernel_nofault(&bytes[i], (void *)(addr + off + i), 1))
				break;
		if (i)
			hex_line(addr + off, bytes, i);
		if (i < n)
			return fault_at(argv[0], "read", addr + off + i);
	}
	return 0;
}

static const struct shell_cmd peek_cmd = {
	.name = "peek", .args = "ADDR [LEN]", .min_args = 1, .max_args = 2,
	.group = SHELL_MAP, .fn = cmd_peek,
	.summary = "hex dump, 64 bytes by default; faults are errors, not oopses",
};
shell_register(peek_cmd);

static int cmd_poke(int argc, char **argv)
{
	unsigned long addr, value, width = 1, old = 0;

	if (shell_get_ulong(argv[0], "ADDR", argv[1], &addr) ||
	    shell_get_ulong(argv[0], "VALUE", argv[2], &value))
		return -EINVAL;
	if (argc > 3) {
		if (shell_get_ulong(argv[0], "WIDTH", argv[3], &width))
			return -EINVAL;
		if (width != 1 && width != 2 && width != 4) {
			pr_err("poke: WIDTH %lu: 1, 2 or 4 bytes\n", width);
			return -EINVAL;
		}
		if (width < 4 && value >> (8 * width)) {
			pr_err("poke: VALUE %#lx does not fit in %lu byte%s\n", value, width,
			       width == 1 ? "" : "s");
			return -EINVAL;
		}
	} else {
		width = value > 0xffff ? 4 : value > 0xff ? 2 : 1;
	}
	if (copy_from_kernel_nofault(&old, (void *)addr, width))
		return fault_at(argv[0], "write", addr);
	if (copy_to_kernel_nofault((void *)addr, &value, width))
		return fault_at(argv[0], "write read-only", addr);
	pr_info("poke: 0x%08lx: 0x%0*lx -> 0x%0*lx (%lu byte%s)\n", addr, (int)width * 2, old,
		(int)width * 2, value, width, width == 1 ? "" : "s");
	return 0;
}

static const struct shell_cmd poke_cmd = {
	.name = "poke", .args = "ADDR VALUE [WIDTH]", .min_args = 2, .max_args = 3,
	.group = SHELL_MAP, .fn = cmd_poke,
	.summary = "write 1, 2 or 4 bytes; faults are errors, not oopses",
	.help = "WIDTH is 1, 2 or 4 bytes; without it, the fewest that hold VALUE.  The old\n"
		"and the new value are printed.  Kernel text and rodata are read-only\n"
		"(CR0.WP), so writing there is refused like an unmapped address.",
};
shell_register(poke_cmd);
