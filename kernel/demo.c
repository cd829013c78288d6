// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/demo.c - the seed articles' example, run and explained (demo).
 *
 * Seed 003 ends with a module that takes memory three ways and prints the
 * addresses, on a machine with 160 MB:
 *
 *	pagemem    = __get_free_page(GFP_KERNEL)	0xc7997000  ~3G+121M
 *	kmallocmem = kmalloc(100, GFP_KERNEL)		0xc9bc1380  ~3G+155M
 *	vmallocmem = vmalloc(100000)			0xcabeb000  ~3G+171M
 *
 * and concludes that the first two lie in the direct map of RAM (3G up to
 * 3G+160M) and the third beyond the 8 MB gap, in the vmalloc area.  The
 * demo does the same in a running kernel and then shows why: which region
 * each address is in, the page-table walk that makes kmalloc's address
 * "physical + 3G" and vmalloc's not, and the scattered frames behind the
 * vmalloc buffer.  Then seed 000's flag tree, from inside the real timer
 * interrupt: GFP_ATOMIC works, kmap_atomic works, GFP_KERNEL and vmalloc
 * are reported as sleeping in atomic context.  And GFP_DMA memory, below
 * 16 MB.
 *
 * The three "pagemem / kmallocmem / vmallocmem" lines are part of the
 * interface (docs/interface.md); the rest is for people.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/irq_work.h>
#include <linux/pagewalk.h>
#include <linux/vmstat.h>
#include <asm/io.h>
#include <mm386/demo.h>
#include <mm386/shell.h>

#define DEMO_VMALLOC_SIZE	100000

static bool demo_param;

static int __init demo_setup(char *val)
{
	demo_param = true;
	return 0;
}
__setup("demo", demo_setup);

bool demo_requested(void)
{
	return demo_param;
}

static void where(const char *name, unsigned long addr)
{
	char region[160];

	describe_address(addr, region, sizeof(region));
	pr_info("  %-10s 0x%08lx is in %s\n", name, addr, region);
}

// The frames behind the vmalloc buffer: scattered, not one block.
static void show_vmalloc_frames(unsigned long addr, unsigned long size)
{
	unsigned long pages = PAGE_ALIGN(size) >> PAGE_SHIFT, i, runs = 1, prev = 0;
	char line[96];
	int n = 0;

	pr_info("The %lu pages behind vmallocmem (pfn of each, in order):\n", pages);
	for (i = 0; i < pages; i++) {
		unsigned long pfn = vmalloc_to_pfn((void *)(addr + i * PAGE_SIZE));

		if (i && pfn != prev + 1)
			runs++;
		prev = pfn;
		n += scnprintf(line + n, sizeof(line) - n, " %#lx", pfn);
		if ((i + 1) % 8 == 0 || i + 1 == pages) {
			pr_info(" %s\n", line);
			n = 0;
		}
	}
	pr_info("  %lu pages in %lu physically contiguous run%s: virtually contiguous, physically %s.\n",
		pages, runs, runs == 1 ? "" : "s",
		runs == 1 ? "contiguous only by chance" : "scattered");
}

static void explain(unsigned long pagemem, unsigned long kmallocmem, unsigned long vmallocmem)
{
	struct page_walk w;

	pr_info("Where the three addresses are (seed 003: 3G..3G+160M maps RAM, vmalloc lies beyond an 8 MB gap):\n");
	where("pagemem", pagemem);
	where("kmallocmem", kmallocmem);
	where("vmallocmem", vmallocmem);
	pr_info("  lowmem is 0x%08lx-0x%08lx; the gap ends at VMALLOC_START 0x%08lx; vmalloc ends at 0x%08lx\n",
		PAGE_OFFSET, (unsigned long)high_memory, VMALLOC_START, VMALLOC_END);

	pr_info("Why kmallocmem - 0x%08lx is its physical address: the page tables map all of lowmem that way.\n",
		PAGE_OFFSET);
	print_page_walk("  kmallocmem: ", kmallocmem);
	walk_kernel_address(kmallocmem, &w);
	if (w.large)	/* as in Linux: lowmem in 4 MB pages, one TLB entry each */
		pr_info("  4 MB page's frame 0x%08lx + offset 0x%06lx = 0x%08lx = 0x%08lx - 0x%08lx (virt_to_phys)\n",
			w.pde & PMD_MASK, kmallocmem & ~PMD_MASK, w.phys, kmallocmem, PAGE_OFFSET);
	else
		pr_info("  PTE's frame 0x%08lx + offset 0x%03lx = 0x%08lx = 0x%08lx - 0x%08lx (virt_to_phys)\n",
			w.pte & PAGE_MASK, kmallocmem & ~PAGE_MASK, w.phys, kmallocmem, PAGE_OFFSET);

	pr_info("Why vmallocmem has no such offset: its PTE points wherever the page allocator found a frame.\n");
	print_page_walk("  vmallocmem: ", vmallocmem);
	walk_kernel_address(vmallocmem, &w);
	pr_info("  vmallocmem - 0x%08lx = 0x%08lx, but the frame is at 0x%08lx%s: virt_to_phys() is wrong here;\n",
		PAGE_OFFSET, vmallocmem - PAGE_OFFSET, w.phys,
		PageHighMem(vmalloc_to_page((void *)vmallocmem)) ? " (HighMem)" : "");
	pr_info("  use vmalloc_to_page()/vmalloc_to_pfn() instead.\n");
	show_vmalloc_frames(vmallocmem, DEMO_VMALLOC_SIZE);
}

/* ---------------------------------------------------------------------
 * Seed 000's flag tree, from inside the timer interrupt
 */

struct irq_lessons {
	struct irq_work work;
	void *atomic, *kernel, *vmem;
	unsigned long kmapped;
	struct page *page;
};

static void lessons_in_irq(struct irq_work *work)
{
	struct irq_lessons *l = container_of(work, struct irq_lessons, work);
	void *p;

	pr_info("[in the timer interrupt: in_irq()=%d]\n", !!in_irq());
	l->atomic = kmalloc(100, GFP_ATOMIC);
	pr_info("  kmalloc(100, GFP_ATOMIC) = 0x%08lx: fine, GFP_ATOMIC never sleeps\n",
		(unsigned long)l->atomic);
	p = kmap_atomic(l->page);
	l->kmapped = (unsigned long)p;
	pr_info("  kmap_atomic(pfn %#lx) = 0x%08lx: fine, %s\n", page_to_pfn(l->page),
		(unsigned long)p, PageHighMem(l->page) ?
		"a HighMem page in a fixmap slot, no sleeping" :
		"a lowmem page: its own address (boot with highmem=64M to see a fixmap slot)");
	kunmap_atomic(p);
	/* Linux prints one such report a second: each lesson gets its own. */
	might_sleep_ratelimit_reset();
	pr_info("  kmalloc(100, GFP_KERNEL) in an interrupt handler:\n");
	l->kernel = kmalloc(100, GFP_KERNEL);
	might_sleep_ratelimit_reset();
	pr_info("  vmalloc(4096) in an interrupt handler:\n");
	l->vmem = vmalloc(4096);
	pr_info("[leaving the timer interrupt: the kernel carries on]\n");
}

static void irq_lessons(void)
{
	struct irq_lessons l = { .work = IRQ_WORK_INIT(lessons_in_irq) };

	pr_info("Seed 000's flag tree: in an interrupt handler use GFP_ATOMIC; GFP_KERNEL and vmalloc may sleep.\n");
	l.page = alloc_page(GFP_HIGHUSER);
	irq_work_queue(&l.work);
	irq_work_sync(&l.work);
	kfree(l.atomic);
	kfree(l.kernel);
	vfree(l.vmem);
	if (l.page)
		__free_page(l.page);
}

static void dma_lesson(void)
{
	void *dma = kmalloc(512, GFP_KERNEL | GFP_DMA);

	if (!dma)
		return;
	pr_info("GFP_DMA: kmalloc(512, GFP_KERNEL | GFP_DMA) = 0x%08lx phys=0x%08lx (below 16 MB: ISA DMA reaches it)\n",
		(unsigned long)dma, virt_to_phys(dma));
	kfree(dma);
}

// Free pages with every cache shrunk and the pcp lists drained.
static unsigned long settled_free_pages(void)
{
	kmem_cache_shrink_all();
	drain_all_pages();
	return nr_free_pages();
}

/**
 * demo_run - seed 003's module, run in the kernel, then the lessons.
 */
void demo_run(void)
{
	unsigned long pagemem, kmallocmem, vmallocmem, before, after;
	long tables = global_vm_stat(NR_PAGETABLE);

	before = settled_free_pages();
	pr_info("==> demo: seed 003's module (mem_module_init) <==\n");
	pagemem = __get_free_page(GFP_KERNEL);
	kmallocmem = (unsigned long)kmalloc(100, GFP_KERNEL);
	vmallocmem = (unsigned long)vmalloc(DEMO_VMALLOC_SIZE);
	if (!pagemem || !kmallocmem || !vmallocmem) {
		pr_err("demo: out of memory (page %#lx kmalloc %#lx vmalloc %#lx)\n", pagemem,
		       kmallocmem, vmallocmem);
		goto out;
	}
	pr_info("pagemem addr=0x%08lx phys=0x%08lx\n", pagemem, virt_to_phys((void *)pagemem));
	pr_info("kmallocmem addr=0x%08lx phys=0x%08lx\n", kmallocmem,
		virt_to_phys((void *)kmallocmem));
	pr_info("vmallocmem addr=0x%08lx\n", vmallocmem);
	explain(pagemem, kmallocmem, vmallocmem);
out:
	free_page(pagemem);
	kfree((void *)kmallocmem);
	vfree((void *)vmallocmem);
	pr_info("demo: freed all three (mem_module_exit)\n");
	irq_lessons();
	dma_lesson();
	after = settled_free_pages();
	tables = global_vm_stat(NR_PAGETABLE) - tables;
	pr_info("demo: free pages before %lu, after %lu, kept as page tables %ld: %s\n",
		before, after, tables, before == after + tables ? "nothing lost" : "LOST PAGES");
	pr_info("==> demo: done <==\n");
}

static int cmd_demo(int argc, char **argv)
{
	demo_run();
	return 0;
}

static const struct shell_cmd demo_cmd = {
	.name = "demo", .args = "", .min_args = 0, .max_args = 0,
	.group = SHELL_PROGRAM, .fn = cmd_demo,
	.summary = "seed 003's module, run and explained; seed 000's flags in an interrupt",
	.help = "The same as the boot parameter demo: __get_free_page, kmalloc(100) and\n"
		"vmalloc(100000), where each address lies and why, then GFP_ATOMIC,\n"
		"kmap_atomic, GFP_KERNEL and vmalloc inside the timer interrupt.",
};
shell_register(demo_cmd);
