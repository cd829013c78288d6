// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/shell_mm.c - the shell's memory commands.
 *
 * Each command is one call into the memory-management API, with its
 * arguments checked first and its result printed in full, so that what
 * the seed articles say can be tried:
 *
 *   inspect    page PFN|ADDR   the struct page: flags, refcount, order,
 *                              slab, compound head or tail, kmap address
 *              v2p ADDR        the MMU's walk: CR3 -> PDE -> PTE -> phys
 *              p2v PADDR       the other way: __va(), or none for HighMem
 *   allocate   kmalloc/kzalloc/kfree, alloc_pages/free_pages,
 *              kmem_cache_create/cache_alloc/cache_free/kmem_cache_destroy
 *   map        kmap/kunmap/kmap_atomic, peek/poke
 *
 * What a command hands out is printed with its virtual address, physical
 * address and pfn; what it gives back is passed to the allocator as typed.
 * The allocators check every free (a bad pointer, a double free, a wrong
 * order) and report "BUG ..." instead of corrupting anything, so the shell
 * lets them judge, and says "refused" when they did.  It cannot tell a
 * live allocation of the kernel's own from one of yours: free only what
 * the shell gave you.  peek and poke go through the exception table
 * (copy_from_kernel_nofault), so a bad address is an error, not an oops.
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
#include <linux/uaccess.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <mm386/shell.h>

#define SHELL_CACHES	16	/* kmem_cache_create from the shell, at most */
#define PEEK_DEFAULT	64
#define PEEK_MAX	4096
#define HEX_PER_LINE	16

/* ---------------------------------------------------------------------
 * Helpers
 */

// "GFP_KERNEL|__GFP_ZERO" for @gfp, in a buffer the caller owns.
static const char *gfp_name(char *buf, size_t size, gfp_t gfp)
{
	format_gfp(buf, size, gfp);
	return buf;
}

// "CALL = 0x... phys 0x... pfn 0x...": what an allocation returned.
static void print_obj(const char *call, const void *p)
{
	pr_info("%s = 0x%08lx phys 0x%08lx pfn %#lx\n", call, (unsigned long)p, __pa(p),
		virt_to_pfn(p));
}

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

/*
 * The pfn behind a kernel address: lowmem by arithmetic, anything else
 * (pkmap, fixmap, vmalloc) by its PTE.  -EFAULT if nothing is mapped.
 */
static int addr_to_pfn(unsigned long addr, unsigned long *pfn)
{
	pte_t *pte;

	if (virt_addr_valid((void *)addr)) {
		*pfn = virt_to_pfn(addr);
		return 0;
	}
	pte = lookup_address(addr);
	if (addr < PAGE_OFFSET || !pte || !pte_present(*pte))
		return -EFAULT;
	*pfn = pte_pfn(*pte);
	return 0;
}

// page ADDR: the page a kernel address maps; -EFAULT if none.
static int page_of_address(unsigned long addr, unsigned long *pfn)
{
	char where[160];

	describe_address(addr, where, sizeof(where));
	if (addr_to_pfn(addr, pfn)) {
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
 * v2p and p2v
 */

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

static int cmd_v2p(int argc, char **argv)
{
	unsigned long addr, cr3 = read_cr3(), pgdir = cr3 & PAGE_MASK, pde, pte, phys;
	char where[160];

	if (shell_get_ulong(argv[0], "ADDR", argv[1], &addr))
		return -EINVAL;
	describe_address(addr, where, sizeof(where));
	pr_info("virtual 0x%08lx: %s; pgd index %lu, pte index %lu, offset 0x%03lx\n", addr,
		where, pgd_index(addr), pte_index(addr), addr & ~PAGE_MASK);
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
			pr_info("0x%08lx is not mapped: the PTE is not present\n", addr);
			return 0;
		}
		phys = (pte & PAGE_MASK) + (addr & ~PAGE_MASK);
	}
	pr_info("phys 0x%08lx (pfn %#lx)\n", phys, phys >> PAGE_SHIFT);
	return 0;
}

static const struct shell_cmd v2p_cmd = {
	.name = "v2p", .args = "ADDR", .min_args = 1, .max_args = 1,
	.group = SHELL_INSPECT, .fn = cmd_v2p,
	.summary = "walk the page tables from CR3: PDE, PTE, flags, phys",
	.help = "The top 10 bits of ADDR pick the PDE in the page directory at CR3, the\n"
		"next 10 the PTE in the page table it points to, the low 12 the byte in the\n"
		"page.  Both entries are printed with their flags (present, rw/ro,\n"
		"user/kernel, accessed, dirty...), as the GDB helper mm-v2p prints them.",
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

/* ---------------------------------------------------------------------
 * kmalloc, kzalloc, kfree
 */

static int do_kmalloc(int argc, char **argv, gfp_t extra)
{
	unsigned long size;
	char call[128], gfp_text[96];
	struct page *page;
	gfp_t gfp;
	void *p;

	if (shell_get_size(argv[0], "SIZE", argv[1], &size) ||
	    shell_get_gfp(argv[0], argc > 2 ? argv[2] : NULL, &gfp))
		return -EINVAL;
	p = kmalloc(size, gfp | extra);
	snprintf(call, sizeof(call), "%s(%lu, %s)", argv[0], size,
		 gfp_name(gfp_text, sizeof(gfp_text), gfp));
	if (!p) {
		pr_err("%s = NULL\n", call);
		return -ENOMEM;
	}
	if (p == ZERO_SIZE_PTR) {
		pr_info("%s = 0x%08lx (ZERO_SIZE_PTR: nothing to use, but kfree() takes it)\n",
			call, (unsigned long)p);
		return 0;
	}
	print_obj(call, p);
	page = compound_head(virt_to_page(p));
	if (PageSlab(page))
		pr_info("%s: from cache %s, ksize %zu\n", argv[0], kmem_cache_name(page->slab_cache),
			ksize(p));
	else
		pr_info("%s: above %lu bytes: an order-%lu compound block from the page allocator\n",
			argv[0], KMALLOC_MAX_CACHE_SIZE, page->private);
	return 0;
}

static int cmd_kmalloc(int argc, char **argv)
{
	return do_kmalloc(argc, argv, 0);
}

static int cmd_kzalloc(int argc, char **argv)
{
	return do_kmalloc(argc, argv, __GFP_ZERO);
}

#define KMALLOC_HELP							\
	"SIZE takes K and M (kmalloc-8 ... kmalloc-8k serve up to 8 KB; above that\n" \
	"come compound pages, up to 4 MB).  GFP flags are Linux's names joined with\n" \
	"|: GFP_KERNEL (the default), GFP_ATOMIC, GFP_NOWAIT, GFP_DMA, __GFP_ZERO,\n" \
	"__GFP_NOWARN...  Prints the address, its physical address and pfn, and\n" \
	"the cache it came from."

static const struct shell_cmd kmalloc_cmd = {
	.name = "kmalloc", .args = "SIZE [GFP]", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_kmalloc,
	.summary = "kmalloc(SIZE, GFP): the address, phys, pfn and cache",
	.help = KMALLOC_HELP,
};
shell_register(kmalloc_cmd);

static const struct shell_cmd kzalloc_cmd = {
	.name = "kzalloc", .args = "SIZE [GFP]", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_kzalloc,
	.summary = "kzalloc(SIZE, GFP): kmalloc with __GFP_ZERO",
	.help = KMALLOC_HELP,
};
shell_register(kzalloc_cmd);

static int cmd_kfree(int argc, char **argv)
{
	return shell_free_addr(argv[0], argv[1], kfree);
}

static const struct shell_cmd kfree_cmd = {
	.name = "kfree", .args = "ADDR", .min_args = 1, .max_args = 1,
	.group = SHELL_ALLOC, .fn = cmd_kfree,
	.summary = "kfree(ADDR); a bad pointer is reported and refused",
};
shell_register(kfree_cmd);

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
	gfp_name(gfp_text, sizeof(gfp_text), gfp);
	page = alloc_pages(gfp, order);
	if (!page) {
		pr_err("alloc_pages(%s, %u) = NULL\n", gfp_text, order);
		return -ENOMEM;
	}
	pfn = page_to_pfn(page);
	pr_info("alloc_pages(%s, %u) = page 0x%08lx pfn %#lx phys 0x%08llx (%lu page%s, zone %s)\n",
		gfp_text, order, (unsigned long)page, pfn, (unsigned long long)PFN_PHYS(pfn),
		1UL << order, order ? "s" : "", page_zone(page)->name);
	if (PageHighMem(page))
		pr_info("alloc_pages: no address: HighMem (kmap pfn %#lx to get one; free_pages pfn:%#lx %u)\n",
			pfn, pfn, order);
	else
		pr_info("alloc_pages: address 0x%08lx (page_address)\n",
			(unsigned long)page_address(page));
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

static int cmd_free_pages(int argc, char **argv)
{
	unsigned long before = misuse_reports, v;
	unsigned int order;
	char what[48];

	if (shell_get_order(argv[0], argv[2], &order))
		return -EINVAL;
	if (!strncmp(argv[1], "pfn:", 4)) {
		if (shell_get_pfn(argv[0], argv[1], &v))
			return -EINVAL;
		__free_pages(pfn_to_page(v), order);
		snprintf(what, sizeof(what), "__free_pages(pfn %#lx, %u)", v, order);
	} else {
		if (shell_get_ulong(argv[0], "ADDR", argv[1], &v))
			return -EINVAL;
		free_pages(v, order);
		snprintf(what, sizeof(what), "free_pages(0x%08lx, %u)", v, order);
	}
	return shell_judged(before, what);
}

static const struct shell_cmd free_pages_cmd = {
	.name = "free_pages", .args = "ADDR|pfn:PFN ORDER", .min_args = 2, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_free_pages,
	.summary = "free_pages(ADDR, ORDER), or by pfn (HighMem has no ADDR)",
	.help = "The order must be the one the block was allocated with; the allocator\n"
		"reports a wrong order, a double free, a reserved or slab page, and refuses.",
};
shell_register(free_pages_cmd);

/* ---------------------------------------------------------------------
 * kmem_cache_create, cache_alloc, cache_free, kmem_cache_destroy
 */

/*
 * The caches made here (kmem_cache_create() copies the typed name, and
 * kmem_cache_destroy() frees the copy).  Only these caches may be
 * destroyed from the shell: the kernel's own (kmalloc-64, kmem_cache...)
 * are in use.
 */
static struct kmem_cache *shell_caches[SHELL_CACHES];

static struct kmem_cache **shell_cache_slot(const struct kmem_cache *s)
{
	unsigned int i;

	for (i = 0; i < SHELL_CACHES; i++)
		if (shell_caches[i] == s)
			return &shell_caches[i];
	return NULL;
}

// The cache named @name, or NULL with "CMD: no cache named ...".
static struct kmem_cache *find_cache(const char *cmd, const char *name)
{
	struct kmem_cache *s = kmem_cache_find(name);

	if (!s)
		pr_err("%s: no cache named \"%s\" (slabinfo lists them)\n", cmd, name);
	return s;
}

static int cmd_kmem_cache_create(int argc, char **argv)
{
	const char *name = argv[1], *align_arg = NULL, *flags_arg = NULL;
	unsigned long size, align = 0, flags = 0;
	struct kmem_cache **slot, *s;

	if (argc == 5) {
		align_arg = argv[3];
		flags_arg = argv[4];
	} else if (argc == 4) {
		if (argv[3][0] >= '0' && argv[3][0] <= '9')
			align_arg = argv[3];
		else
			flags_arg = argv[3];
	}
	if (shell_get_size(argv[0], "SIZE", argv[2], &size) ||
	    (align_arg && shell_get_ulong(argv[0], "ALIGN", align_arg, &align)) ||
	    (flags_arg && shell_get_slab_flags(argv[0], flags_arg, &flags)))
		return -EINVAL;
	if (strlen(name) > 31) {
		pr_err("%s: the name \"%s\" is longer than 31 characters\n", argv[0], name);
		return -EINVAL;
	}
	if (kmem_cache_find(name)) {
		pr_err("%s: a cache named \"%s\" exists already\n", argv[0], name);
		return -EEXIST;
	}
	slot = shell_cache_slot(NULL);
	if (!slot) {
		pr_err("%s: the shell has made %d caches already; destroy one first\n", argv[0],
		       SHELL_CACHES);
		return -ENOSPC;
	}
	s = kmem_cache_create(name, size, align, flags, NULL);	/* it copies the name */
	if (!s) {
		pr_err("kmem_cache_create(\"%s\", %lu, %lu, %#lx) = NULL\n", name, size, align, flags);
		return -EINVAL;
	}
	*slot = s;
	pr_info("kmem_cache_create(\"%s\", %lu, %lu, %#lx) = 0x%08lx\n", name, size, align, flags,
		(unsigned long)s);
	pr_info("%s: objects of %u bytes (stride %u, align %u), %u per slab of %lu page%s\n",
		name, s->object_size, s->size, s->align, s->num, 1UL << s->order,
		s->order ? "s" : "");
	return 0;
}

static const struct shell_cmd kmem_cache_create_cmd = {
	.name = "kmem_cache_create", .args = "NAME SIZE [ALIGN] [FLAGS]", .min_args = 2,
	.max_args = 4, .group = SHELL_ALLOC, .fn = cmd_kmem_cache_create,
	.summary = "make a slab cache; slabinfo shows it",
	.help = "FLAGS: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_RECLAIM_ACCOUNT, SLAB_POISON,\n"
		"SLAB_RED_ZONE, SLAB_STORE_USER, SLAB_CONSISTENCY_CHECKS, joined with |.\n"
		"ALIGN is a power of two up to 4096 (0: the default).  The name must be new.",
};
shell_register(kmem_cache_create_cmd);

static int cmd_cache_alloc(int argc, char **argv)
{
	struct kmem_cache *s = find_cache(argv[0], argv[1]);
	char call[96], gfp_text[64];
	gfp_t gfp;
	void *p;

	if (!s)
		return -ENOENT;
	if (shell_get_gfp(argv[0], argc > 2 ? argv[2] : NULL, &gfp))
		return -EINVAL;
	p = kmem_cache_alloc(s, gfp);
	snprintf(call, sizeof(call), "kmem_cache_alloc(%s, %s)", argv[1],
		 gfp_name(gfp_text, sizeof(gfp_text), gfp));
	if (!p) {
		pr_err("%s = NULL\n", call);
		return -ENOMEM;
	}
	print_obj(call, p);
	return 0;
}

static const struct shell_cmd cache_alloc_cmd = {
	.name = "cache_alloc", .args = "NAME [GFP]", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_cache_alloc,
	.summary = "kmem_cache_alloc from cache NAME: address, phys, pfn",
};
shell_register(cache_alloc_cmd);

static int cmd_cache_free(int argc, char **argv)
{
	struct kmem_cache *s = find_cache(argv[0], argv[1]);
	unsigned long addr, before = misuse_reports;
	char what[80];

	if (!s)
		return -ENOENT;
	if (shell_get_ulong(argv[0], "ADDR", argv[2], &addr))
		return -EINVAL;
	kmem_cache_free(s, (void *)addr);
	snprintf(what, sizeof(what), "kmem_cache_free(%s, 0x%08lx)", argv[1], addr);
	return shell_judged(before, what);
}

static const struct shell_cmd cache_free_cmd = {
	.name = "cache_free", .args = "NAME ADDR", .min_args = 2, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_cache_free,
	.summary = "kmem_cache_free; a wrong cache or a free object is refused",
};
shell_register(cache_free_cmd);

static int cmd_kmem_cache_destroy(int argc, char **argv)
{
	struct kmem_cache *s = find_cache(argv[0], argv[1]), **slot;
	unsigned long before = misuse_reports;
	char what[64];

	if (!s)
		return -ENOENT;
	slot = shell_cache_slot(s);
	if (!slot) {
		pr_err("%s: %s is not one of the shell's caches; the kernel's own stay\n", argv[0],
		       argv[1]);
		return -EPERM;
	}
	snprintf(what, sizeof(what), "kmem_cache_destroy(%s)", kmem_cache_name(s));
	kmem_cache_destroy(s);
	if (shell_judged(before, what))
		return -EBUSY;		/* objects still in use: the cache stays */
	*slot = NULL;
	return 0;
}

static const struct shell_cmd kmem_cache_destroy_cmd = {
	.name = "kmem_cache_destroy", .args = "NAME", .min_args = 1, .max_args = 1,
	.group = SHELL_ALLOC, .fn = cmd_kmem_cache_destroy,
	.summary = "destroy a cache made here, once its objects are freed",
};
shell_register(kmem_cache_destroy_cmd);

static int cmd_kmem_cache_shrink(int argc, char **argv)
{
	struct kmem_cache *s;

	if (argc == 1) {
		pr_info("kmem_cache_shrink_all() = %lu pages given back to the buddy allocator\n",
			kmem_cache_shrink_all());
		return 0;
	}
	s = find_cache(argv[0], argv[1]);
	if (!s)
		return -ENOENT;
	kmem_cache_shrink(s);
	pr_info("kmem_cache_shrink(%s): done\n", kmem_cache_name(s));
	return 0;
}

static const struct shell_cmd kmem_cache_shrink_cmd = {
	.name = "kmem_cache_shrink", .args = "[NAME]", .max_args = 1,
	.group = SHELL_ALLOC, .fn = cmd_kmem_cache_shrink,
	.summary = "give a cache's empty slabs back; no NAME: every cache's",
	.help = "A cache keeps an emptied slab for its next allocation (slabinfo counts it\n"
		"in num_objs, meminfo in Slab).  Shrinking frees those pages, as the page\n"
		"allocator does itself when it runs short, so that free counts can be\n"
		"compared before and after a workload.",
};
shell_register(kmem_cache_shrink_cmd);

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
