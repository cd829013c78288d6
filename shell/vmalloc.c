// SPDX-License-Identifier: GPL-2.0
/*
 * shell/vmalloc.c - the shell's vmalloc and vfree commands.
 *
 * vmalloc memory is contiguous for the CPU but not in RAM (seed 000): each
 * page of the area comes from the buddy allocator on its own and gets its
 * own PTE in the vmalloc area.  The vmalloc command prints the address and
 * the pfn behind every page, so the gaps between them can be seen, and
 * "page ADDR" or "v2p ADDR" on any page of the area shows its PTE.
 *
 * Built only when the kernel has the vmalloc API (mm/vmalloc.c with
 * <linux/vmalloc.h>); without it this file compiles to nothing and the
 * commands are simply not there.
 */
#if __has_include(<linux/vmalloc.h>)

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/vmalloc.h>
#include <mm386/shell.h>

#define VMALLOC_SHOW_PFNS	8	/* pfns listed; the rest are counted */

static int cmd_vmalloc(int argc, char **argv)
{
	unsigned long size, pages, i;
	char pfns[128];
	size_t n = 0;
	void *p;

	if (shell_get_size(argv[0], "SIZE", argv[1], &size))
		return -EINVAL;
	p = vmalloc(size);
	if (!p) {
		pr_err("vmalloc(%lu) = NULL\n", size);
		return -ENOMEM;
	}
	pages = DIV_ROUND_UP(size, PAGE_SIZE);
	for (i = 0; i < pages && i < VMALLOC_SHOW_PFNS; i++)
		n += scnprintf(pfns + n, sizeof(pfns) - n, " %#lx",
			       vmalloc_to_pfn((char *)p + i * PAGE_SIZE));
	pr_info("vmalloc(%lu) = 0x%08lx (%lu page%s)\n", size, (unsigned long)p, pages,
		pages == 1 ? "" : "s");
	shell_handed_out(SHELL_VMALLOC, (unsigned long)p);
	shell_set_answer("0x%08lx", (unsigned long)p);
	shell_set_pfn(vmalloc_to_pfn(p));
	pr_info("vmalloc: pfns%s%s\n", pfns, pages > VMALLOC_SHOW_PFNS ? " ..." : "");
	return 0;
}

static const struct shell_cmd vmalloc_cmd = {
	.name = "vmalloc", .args = "SIZE", .min_args = 1, .max_args = 1,
	.group = SHELL_ALLOC, .fn = cmd_vmalloc,
	.summary = "vmalloc(SIZE): the address, and each page's pfn",
	.help = "SIZE takes K and M.  The area is whole pages plus one unmapped guard page;\n"
		"vmallocinfo lists it.  Give it back with vfree ADDR.",
};
shell_register(vmalloc_cmd);

/*
 * vfree [-f] ADDR: an area the shell did not vmalloc (a module's, the
 * kernel's) is refused without -f; anything else goes to vfree(), which
 * reports what is not an area.
 */
static int cmd_vfree(int argc, char **argv)
{
	unsigned long addr, before = misuse_reports;
	struct vm_struct *area;
	char what[64];
	bool force;
	int err;

	if (shell_free_args(&argc, argv, 1, &addr, &force))
		return -EINVAL;
	area = find_vm_area((void *)addr);
	if (!force && area && area->addr == (void *)addr && !shell_handed(addr)) {
		snprintf(what, sizeof(what), "a vmalloc area of %lu bytes (guard page included)",
			 area->size);
		return shell_not_yours(argv[0], addr, what, area->caller);
	}
	vfree((void *)addr);
	snprintf(what, sizeof(what), "vfree(0x%08lx)", addr);
	err = shell_judged(before, what);
	if (!err)
		shell_taken_back(addr);
	return err;
}

static const struct shell_cmd vfree_cmd = {
	.name = "vfree", .args = "[-f] ADDR", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_vfree,
	.summary = "vfree(ADDR): unmap the area, free its pages",
};
shell_register(vfree_cmd);

#endif /* __has_include(<linux/vmalloc.h>) */
