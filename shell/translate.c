// SPDX-License-Identifier: GPL-2.0
/*
 * shell/translate.c - v2p and p2v: from a virtual address to a physical
 * one, and back.
 *
 *   v2p ADDR     the MMU's own walk, step by step: CR3 -> PDE -> PTE ->
 *                phys, with each entry's bits; for lowmem the same answer
 *                as __pa() (seed 003's "physical + 3 GB"), for vmalloc,
 *                pkmap and fixmap addresses whatever their PTE says
 *   v2p PID ADDR the same walk in process PID's page directory (what CR3
 *                holds while it runs): a user address, its VMA, and the
 *                page behind it - anonymous or the file's, how many
 *                mappings share it (after fork: copy-on-write), HighMem
 *   p2v PADDR    __va(): the direct map's address of a physical one, or
 *                none for HighMem, which has no permanent address
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <mm386/shell.h>

/* PDE and PTE bits, as the GDB helper mm-v2p names them. */
static const struct {
	unsigned long bit;
	const char *on, *off;
} pte_bits[] = {
	{ _PAGE_PRESENT, "present", NULL }, { _PAGE_RW, "rw", "ro" },
	{ _PAGE_USER, "user", "kernel" }, { _PAGE_PWT, "pwt", NULL },
	{ _PAGE_PCD, "pcd", NULL }, { _PAGE_ACCESSED, "accessed", NULL },
	{ _PAGE_DIRTY, "dirty", NULL }, { _PAGE_PSE, "pse", NULL },
	{ _PAGE_GLOBAL, "global", NULL },
};

/*
 * print_entry - one PDE or PTE: "PDE  [ 768] at phys 0x... = 0x...  flags".
 * @table is the physical address of the directory or table.
 */
static unsigned long print_entry(const char *kind, unsigned long table, unsigned int index)
{
	unsigned long at = table + index * sizeof(pte_t);
	unsigned long e = *(pte_t *)__va(at);
	char flags[64];
	unsigned int i, n = 0;

	flags[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(pte_bits) && (e & _PAGE_PRESENT); i++) {
		const char *word = (e & pte_bits[i].bit) ? pte_bits[i].on : pte_bits[i].off;

		if (word)
			n += scnprintf(flags + n, sizeof(flags) - n, "%s%s", n ? " " : "", word);
	}
	pr_info("%s  [%4u] at phys 0x%08lx = 0x%08lx  %s\n", kind, index, at, e,
		(e & _PAGE_PRESENT) ? flags : "not present");
	return e;
}

// The page behind a user PTE of @t's @addr: its VMA, and who else maps it.
static void print_user_page(struct task_struct *t, unsigned long addr, unsigned long pte)
{
	struct vm_area_struct *vma = find_vma(t->mm, addr);
	struct page *page = pfn_valid(pte_pfn(pte)) ? pfn_to_page(pte_pfn(pte)) : NULL;
	bool cow;

	if (!vma || vma->vm_start > addr || !page)
		return;
	pr_info("VMA  %08lx-%08lx %c%c%c%c%s%s\n", vma->vm_start, vma->vm_end,
		vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
		vma->vm_flags & VM_EXEC ? 'x' : '-', vma->vm_flags & VM_MAYSHARE ? 's' : 'p',
		vma->vm_file ? "  /" : "", vma->vm_file ? vma->vm_file->name : "");
	if (page == empty_zero_page) {
		pr_info("page pfn %#lx: the shared zero page (read, never written: a write gets a page of its own)\n",
			page_to_pfn(page));
		return;
	}
	cow = (vma->vm_flags & VM_WRITE) && !(vma->vm_flags & VM_SHARED) && !(pte & _PAGE_RW);
	pr_info("page pfn %#lx: %s%s, %d mapping%s%s\n", page_to_pfn(page),
		PageAnon(page) ? "anonymous" : "the file's page cache",
		PageHighMem(page) ? ", HighMem" : "", page_count(page) - !PageAnon(page),
		page_count(page) - !PageAnon(page) == 1 ? "" : "s",
		cow ? page_count(page) > 1 ? ": shared copy-on-write (read-only until written)" :
		": read-only, the next write reuses it (do_wp_page)" : "");
}

static int cmd_v2p(int argc, char **argv)
{
	unsigned long addr, cr3 = read_cr3(), pgdir = cr3 & PAGE_MASK, pde, pte, phys;
	struct task_struct *t = NULL;
	char where[160];

	if (argc == 3) {
		unsigned long pid;

		if (shell_get_ulong(argv[0], "PID", argv[1], &pid))
			return -EINVAL;
		t = find_task_by_pid(pid);
		if (!t || !t->mm || t->exit_state) {
			pr_err("v2p: no process %lu with an address space (ps lists them)\n", pid);
			return -ESRCH;
		}
		pgdir = __pa(t->mm->pgd);
	}
	if (shell_get_ulong(argv[0], "ADDR", argv[argc - 1], &addr))
		return -EINVAL;
	describe_address(addr, where, sizeof(where));
	pr_info("virtual 0x%08lx: %s; pgd index %lu, pte index %lu, offset 0x%03lx\n", addr,
		t && addr < TASK_SIZE ? "user space" : where, pgd_index(addr), pte_index(addr),
		addr & ~PAGE_MASK);
	if (t)
		pr_info("page directory of %s[%d] at phys 0x%08lx (its CR3 while it runs)\n",
			t->comm, t->pid, pgdir);
	else
		pr_info("CR3  0x%08lx%s\n", cr3,
			pgdir == __pa(swapper_pg_dir) ? " (swapper_pg_dir)" : "");
	pde = print_entry("PDE", pgdir, pgd_index(addr));
	if (!pgd_present(pde)) {
		pr_info("0x%08lx is not mapped: the PDE is not present\n", addr);
		return 0;
	}
	if (pde & _PAGE_PSE) {
		phys = (pde & PMD_MASK) + (addr & ~PMD_MASK);
		pr_info("PDE maps a 4 MB page at phys 0x%08lx\n", pde & PMD_MASK);
	} else {
		if ((pde & PAGE_MASK) >= PFN_PHYS(max_low_pfn)) {
			pr_err("v2p: the page table at phys 0x%08lx is not in lowmem; cannot read it\n",
			       pde & PAGE_MASK);
			return -EFAULT;
		}
		pte = print_entry("PTE", pde & PAGE_MASK, pte_index(addr));
		if (!pte_present(pte)) {
			pr_info("0x%08lx is not mapped: the PTE is not present%s\n", addr,
				t && addr < TASK_SIZE ? " (demand paging: the first touch maps it)" : "");
			return 0;
		}
		phys = (pte & PAGE_MASK) + (addr & ~PAGE_MASK);
		if (t && addr < TASK_SIZE)
			print_user_page(t, addr, pte);
	}
	pr_info("phys 0x%08lx (pfn %#lx)\n", phys, phys >> PAGE_SHIFT);
	return 0;
}

static const struct shell_cmd v2p_cmd = {
	.name = "v2p", .args = "[PID] ADDR", .min_args = 1, .max_args = 2,
	.group = SHELL_INSPECT, .fn = cmd_v2p,
	.summary = "walk the page tables from CR3 (or PID's): PDE, PTE, flags, phys",
	.help = "The top 10 bits of ADDR pick the PDE in the page directory at CR3, the\n"
		"next 10 the PTE in the page table it points to, the low 12 the byte in the\n"
		"page.  Both entries are printed with their flags (present, rw/ro,\n"
		"user/kernel, accessed, dirty...), as the GDB helper mm-v2p prints them.\n"
		"With a PID: that process's page directory, and for a user address its VMA\n"
		"and whether the page is shared copy-on-write with another process.",
};
shell_register(v2p_cmd);

static int cmd_p2v(int argc, char **argv)
{
	unsigned long phys, pfn;
	struct page *page;

	if (shell_get_ulong(argv[0], "PADDR", argv[1], &phys))
		return -EINVAL;
	pfn = phys >> PAGE_SHIFT;
	if (!pfn_valid(pfn)) {
		pr_err("p2v: phys 0x%08lx (pfn %#lx) is beyond RAM: max_pfn is %#lx\n", phys, pfn,
		       max_pfn);
		return -EFAULT;
	}
	page = pfn_to_page(pfn);
	if (!PageHighMem(page)) {
		pr_info("phys 0x%08lx: pfn %#lx, zone %s: virtual 0x%08lx (lowmem: __va(phys) = phys + PAGE_OFFSET)\n",
			phys, pfn, page_zone(page)->name, (unsigned long)__va(phys));
		return 0;
	}
	pr_info("phys 0x%08lx: pfn %#lx: HighMem: no permanent address%s\n", phys, pfn,
		page->virtual ? "" : " (kmap it to get one)");
	if (page->virtual)
		pr_info("phys 0x%08lx: kmapped now at 0x%08lx (pkmap slot %lu)\n", phys,
			(unsigned long)page->virtual + (phys & ~PAGE_MASK),
			PKMAP_NR((unsigned long)page->virtual));
	return 0;
}

static const struct shell_cmd p2v_cmd = {
	.name = "p2v", .args = "PADDR", .min_args = 1, .max_args = 1,
	.group = SHELL_INSPECT, .fn = cmd_p2v,
	.summary = "physical to virtual: __va() for lowmem, none for HighMem",
};
shell_register(p2v_cmd);
