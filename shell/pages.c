// SPDX-License-Identifier: GPL-2.0
/*
 * shell/pages.c - the page commands: page, alloc_pages, free_pages.
 *
 *   page PFN|ADDR     the struct page behind a frame or an address: flags,
 *                     refcount, order, slab, compound head or tail, kmap
 *                     address, and for a free page the buddy block (or
 *                     per-CPU list) it sits in
 *   alloc_pages ORDER [GFP], free_pages ADDR|pfn:PFN ORDER
 *                     the buddy allocator itself, seed 003's
 *                     __get_free_pages
 *
 * What is freed is passed to the allocator as typed: it checks the order
 * and the address, and the shell says "refused" when it reported misuse.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <asm/pgtable.h>
#include <mm386/shell.h>

/* ---------------------------------------------------------------------
 * page
 */

// Is @page the head of a block of @order on @zone's per-CPU list?  IRQs off.
static bool on_pcp_list(struct zone *zone, struct page *page, unsigned int order)
{
	struct page *p;

	list_for_each_entry(p, &zone->pcp.lists[order], lru)
		if (p == page)
			return true;
	return false;
}

/*
 * free_state - for a page with refcount 0 and no PG_buddy: is it inside a
 * free buddy block, or a block waiting on a per-CPU list?  Fills @buf.
 */
static void free_state(unsigned long pfn, char *buf, size_t size)
{
	struct zone *zone = page_zone(pfn_to_page(pfn));
	unsigned long flags, head;
	unsigned int order;

	local_irq_save(flags);
	for (order = 0; order < MAX_ORDER; order++) {
		struct page *p;

		head = pfn & ~((1UL << order) - 1);
		p = pfn_to_page(head);
		if (!zone_spans_pfn(zone, head))
			break;
		if (order < NR_PCP_ORDERS && on_pcp_list(zone, p, order)) {
			local_irq_restore(flags);
			snprintf(buf, size, "free, in the order-%u block at pfn %#lx on the per-CPU list (zone->pcp): the buddy lists count it as allocated",
				 order, head);
			return;
		}
		if (PageBuddy(p) && head + (1UL << p->private) > pfn) {
			local_irq_restore(flags);
			snprintf(buf, size, "free, inside the order-%lu block at pfn %#lx", p->private,
				 head);
			return;
		}
	}
	local_irq_restore(flags);
	snprintf(buf, size, "refcount 0 and not free: inside an allocated block, after its first page");
}

// The state: line of page, the words of the GDB helper mm-page.
static void page_state(unsigned long pfn, struct page *page)
{
	struct page *head = compound_head(page);
	char buf[192];

	if (PageBuddy(page)) {
		pr_info("state: free, heads an order-%lu block (pfn %#lx-%#lx) on free_area[%lu]\n",
			page->private, pfn, pfn + (1UL << page->private) - 1, page->private);
	} else if (PageReserved(page)) {
		pr_info("state: reserved, never given to the buddy allocator\n");
	} else if (PageTail(page)) {
		pr_info("state: tail page of the compound block at pfn %#lx (compound_head)\n",
			page_to_pfn(head));
		if (PageSlab(head))
			pr_info("       the block is a slab of cache %s\n",
				kmem_cache_name(head->slab_cache));
	} else if (PageSlab(page)) {
		struct kmem_cache *s = page->slab_cache;

		pr_info("state: slab of cache %s: %u of %u objects in use, colour offset %u, first free object 0x%08lx\n",
			kmem_cache_name(s), slab_inuse(page), s->num, slab_colour(page),
			(unsigned long)page->freelist);
		if (PageHead(page))
			pr_info("       compound head of %lu pages (pfn %#lx-%#lx)\n", 1UL << s->order,
				pfn, pfn + (1UL << s->order) - 1);
	} else if (page_count(page) > 0) {
		pr_info("state: allocated, order-%lu %sblock, %d reference%s\n", page->private,
			PageHead(page) ? "compound " : "", page_count(page),
			page_count(page) == 1 ? "" : "s");
	} else {
		free_state(pfn, buf, sizeof(buf));
		pr_info("state: %s\n", buf);
	}
}

static void show_page(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	phys_addr_t phys = PFN_PHYS(pfn);
	char flags[96];

	format_page_flags(flags, sizeof(flags), page);
	pr_info("pfn %#lx: struct page at 0x%08lx (mem_map[%lu]), phys 0x%08llx-0x%08llx\n",
		pfn, (unsigned long)page, pfn, (unsigned long long)phys,
		(unsigned long long)phys + PAGE_SIZE - 1);
	pr_info("page:%08lx refcount:%d private(order):%lu\n", (unsigned long)page,
		page_count(page), page->private);
	pr_info("flags: %s\n", flags);
	pr_info("slab_cache: 0x%08lx  freelist: 0x%08lx  virtual: 0x%08lx\n",
		(unsigned long)page->slab_cache, (unsigned long)page->freelist,
		(unsigned long)page->virtual);
	if (!PageHighMem(page))
		pr_info("kernel address: 0x%08lx (lowmem: __va(phys))\n",
			(unsigned long)lowmem_page_address(page));
	else if (page->virtual)
		pr_info("kernel address: 0x%08lx (kmap: pkmap slot %lu)\n",
			(unsigned long)page->virtual, PKMAP_NR((unsigned long)page->virtual));
	else
		pr_info("kernel address: none (HighMem: kmap() it to get one)\n");
	page_state(pfn, page);
}

// page ADDR: the page a kernel address maps; -EFAULT if none.
static int page_of_address(unsigned long addr, unsigned long *pfn)
{
	char where[160];

	describe_address(addr, where, sizeof(where));
	if (!kernel_addr_pfn(addr, pfn)) {
		pr_err("page: 0x%08lx maps no page: %s\n", addr, where);
		return -EFAULT;
	}
	pr_info("virtual 0x%08lx: %s\n", addr, where);
	if (!pfn_valid(*pfn)) {
		pr_err("page: it maps pfn %#lx, which has no struct page (max_pfn %#lx)\n", *pfn,
		       max_pfn);
		return -EFAULT;
	}
	return 0;
}

static int cmd_page(int argc, char **argv)
{
	unsigned long v, pfn;
	int err;

	if (strncmp(argv[1], "pfn:", 4)) {
		if (shell_get_ulong(argv[0], "PFN|ADDR", argv[1], &v))
			return -EINVAL;
		if (v >= PAGE_OFFSET)
			err = page_of_address(v, &pfn);
		else
			err = shell_get_pfn(argv[0], argv[1], &pfn);
	} else {
		err = shell_get_pfn(argv[0], argv[1], &pfn);
	}
	if (!err)
		show_page(pfn);
	return err;
}

static const struct shell_cmd page_cmd = {
	.name = "page", .args = "PFN|ADDR", .min_args = 1, .max_args = 1,
	.group = SHELL_INSPECT, .fn = cmd_page,
	.summary = "the struct page: flags, refcount, order, zone, slab, kmap",
	.help = "A number below PAGE_OFFSET (0xc0000000), or pfn:N, is a page frame number;\n"
		"a kernel address is looked up: lowmem by __pa(), pkmap, fixmap and vmalloc\n"
		"addresses through their page table entry.  The last line says what the page\n"
		"is used for: free (on which list), reserved, allocated, slab, tail page.",
};
shell_register(page_cmd);

/* ---------------------------------------------------------------------
 * alloc_pages, free_pages
 */

static int cmd_alloc_pages(int argc, char **argv)
{
	char gfp_text[96];
	unsigned int order;
	struct page *page;
	unsigned long pfn;
	gfp_t gfp;

	if (shell_get_order(argv[0], argv[1], &order) ||
	    shell_get_gfp(argv[0], argc > 2 ? argv[2] : NULL, &gfp))
		return -EINVAL;
	shell_gfp_name(gfp_text, sizeof(gfp_text), gfp);
	page = alloc_pages(gfp, order);
	if (!page) {
		pr_err("alloc_pages(%s, %u) = NULL\n", gfp_text, order);
		return -ENOMEM;
	}
	pfn = page_to_pfn(page);
	shell_handed_out(SHELL_PAGES, pfn);
	shell_set_pfn(pfn);
	pr_info("alloc_pages(%s, %u) = page 0x%08lx pfn %#lx phys 0x%08llx (%lu page%s, zone %s)\n",
		gfp_text, order, (unsigned long)page, pfn, (unsigned long long)PFN_PHYS(pfn),
		1UL << order, order ? "s" : "", page_zone(page)->name);
	if (gfp_zone(gfp) > page_zonenum(page))
		pr_info("alloc_pages: %s asks for %s first, but %s: zone %s served it\n", gfp_text,
			contig_page_data.node_zones[gfp_zone(gfp)].name,
			contig_page_data.node_zones[gfp_zone(gfp)].managed_pages ?
			"it could not give the block (too little free above its watermark)" :
			"this machine has none (all its RAM is below MAXMEM: lowmem)",
			page_zone(page)->name);
	if (PageHighMem(page)) {
		pr_info("alloc_pages: no address: HighMem (kmap pfn %#lx to get one; free_pages pfn:%#lx %u)\n",
			pfn, pfn, order);
		shell_set_answer("pfn:%#lx", pfn);
	} else {
		pr_info("alloc_pages: address 0x%08lx (page_address)\n",
			(unsigned long)page_address(page));
		shell_set_answer("0x%08lx", (unsigned long)page_address(page));
	}
	return 0;
}

static const struct shell_cmd alloc_pages_cmd = {
	.name = "alloc_pages", .args = "ORDER [GFP]", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_alloc_pages,
	.summary = "2^ORDER pages: the struct page, pfn, phys, address",
	.help = "ORDER is 0 (one page) to 10 (4 MB).  With __GFP_HIGHMEM (GFP_HIGHUSER) the\n"
		"pages may come from HighMem, which has no kernel address: free those with\n"
		"free_pages pfn:PFN ORDER.",
};
shell_register(alloc_pages_cmd);

/*
 * Is @pfn the head of an allocated block that the shell did not hand out
 * (a slab's page, a page table, the kernel's own)?  Then refuse (-EPERM)
 * unless @force; what is free, reserved or not a head goes to the
 * allocator, whose checks report it.
 */
static int check_page_owner(const char *cmd, unsigned long pfn, bool force)
{
	struct page *page;
	char what[64];

	if (force || !pfn_valid(pfn) || shell_handed(pfn))
		return 0;
	page = pfn_to_page(pfn);
	if (!page_count(page) || PageReserved(page) || PageTail(page))
		return 0;
	snprintf(what, sizeof(what), "pfn %#lx, an allocated %s block", pfn,
		 PageSlab(page) ? "slab" : "page");
	return shell_not_yours(cmd, pfn, what, NULL);
}

static int cmd_free_pages(int argc, char **argv)
{
	unsigned long before = misuse_reports, v, pfn;
	bool force = shell_force_flag(&argc, argv), by_pfn;
	unsigned int order;
	char what[48];
	int err;

	if (argc != 3) {
		pr_err("%s: %s\n", argv[0], argc < 3 ? "missing argument" : "too many arguments");
		return -EINVAL;
	}
	if (shell_get_order(argv[0], argv[2], &order))
		return -EINVAL;
	by_pfn = !strncmp(argv[1], "pfn:", 4);
	if (by_pfn ? shell_get_pfn(argv[0], argv[1], &v) :
		     shell_get_ulong(argv[0], "ADDR", argv[1], &v))
		return -EINVAL;
	pfn = by_pfn ? v : (virt_addr_valid((void *)v) ? virt_to_pfn(v) : ~0UL);
	err = check_page_owner(argv[0], pfn, force);
	if (err)
		return err;
	if (by_pfn) {
		__free_pages(pfn_to_page(v), order);
		snprintf(what, sizeof(what), "__free_pages(pfn %#lx, %u)", v, order);
	} else {
		free_pages(v, order);
		snprintf(what, sizeof(what), "free_pages(0x%08lx, %u)", v, order);
	}
	err = shell_judged(before, what);
	if (!err)
		shell_taken_back(pfn);
	return err;
}

static const struct shell_cmd free_pages_cmd = {
	.name = "free_pages", .args = "[-f] ADDR|pfn:PFN ORDER", .min_args = 2, .max_args = 3,
	.group = SHELL_ALLOC, .fn = cmd_free_pages,
	.summary = "free_pages(ADDR, ORDER), or by pfn (HighMem has no ADDR)",
	.help = "The order must be the one the block was allocated with; the allocator\n"
		"reports a wrong order, a double free, a reserved or slab page, and refuses.",
};
shell_register(free_pages_cmd);
