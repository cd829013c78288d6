// SPDX-License-Identifier: GPL-2.0
/*
 * shell/kmalloc.c - the slab commands: kmalloc, kzalloc, kfree, and a
 * cache of one's own (kmem_cache_create, cache_alloc, cache_free,
 * kmem_cache_shrink, kmem_cache_destroy).
 *
 * What a command hands out is printed with its virtual address, physical
 * address and pfn ("physical + 3 GB", seed 003); slabinfo before and after
 * shows the object counted.  What it gives back is passed to the allocator
 * as typed: the allocators check every free (a bad pointer, a double free,
 * the wrong cache) and report "BUG ..." instead of corrupting anything, so
 * the shell lets them judge, and says "refused" when they did.  What the
 * allocator cannot know is whether a live object is yours to free: the
 * shell remembers what it handed out (shell/handouts.c) and refuses to free
 * a live object of the kernel's own unless told -f.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <mm386/shell.h>

#define SHELL_CACHES	16	/* kmem_cache_create from the shell, at most */

/* ---------------------------------------------------------------------
 * kmalloc, kzalloc, kfree
 */

/*
 * "CALL = 0x... phys 0x... pfn 0x...": what an allocation returned, now the
 * shell's (a free of it needs no -f) and $_.
 */
static void print_obj(const char *call, const void *p, enum shell_kind kind)
{
	pr_info("%s = 0x%08lx phys 0x%08lx pfn %#lx\n", call, (unsigned long)p, __pa(p),
		virt_to_pfn(p));
	shell_handed_out(kind, (unsigned long)p);
	shell_set_answer("0x%08lx", (unsigned long)p);
	shell_set_pfn(virt_to_pfn(p));
}

/*
 * A live slab object at @addr that the shell did not hand out is someone
 * else's: refuse (-EPERM) unless @force.  Anything else, a free object, a
 * pointer into no object or no slab, goes to the allocator, whose checks
 * report it.
 */
static int check_slab_owner(const char *cmd, unsigned long addr, bool force)
{
	struct kmem_obj_info kp;
	char what[64];

	if (force || shell_handed(addr) || !kmem_valid_obj((void *)addr))
		return 0;
	kmem_obj_info(&kp, (void *)addr);
	if (!kp.kp_objp || kp.kp_free || shell_handed((unsigned long)kp.kp_objp))
		return 0;
	snprintf(what, sizeof(what), "a live object of cache %s", kmem_cache_name(kp.kp_slab_cache));
	if (!kp.kp_ret)
		pr_err("%s: (who allocated it is recorded only with slab_debug=U)\n", cmd);
	return shell_not_yours(cmd, addr, what, kp.kp_ret);
}


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
		 shell_gfp_name(gfp_text, sizeof(gfp_text), gfp));
	if (!p) {
		pr_err("%s = NULL\n", call);
		return -ENOMEM;
	}
	if (p == ZERO_SIZE_PTR) {
		pr_info("%s = 0x%08lx (ZERO_SIZE_PTR: nothing to use, but kfree() takes it)\n",
			call, (unsigned long)p);
		return 0;
	}
	print_obj(call, p, SHELL_KMALLOC);
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
	unsigned long addr, before = misuse_reports;
	char what[40];
	bool force;
	int err;

	if (shell_free_args(&argc, argv, 1, &addr, &force))
		return -EINVAL;
	err = check_slab_owner(argv[0], addr, force);
	if (err)
		return err;
	kfree((void *)addr);
	snprintf(what, sizeof(what), "kfree(0x%08lx)", addr);
	err = shell_judged(before, what);
	if (!err)
		shell_taken_back(addr);
	return err;
}

static const struct shell_cmd kfree_cmd = {
	.name = "kfree", .args = "[-f] ADDR", .min_args = 1, .max_args = 2,
	.group = SHELL_ALLOC, .fn = cmd_kfree,
	.summary = "kfree(ADDR); a bad pointer is reported and refused",
	.help = "A live object that the shell did not hand out (the kernel's own) is not\n"
		"freed: the shell names its cache and, with slab_debug=U, who allocated it.\n"
		"-f frees it anyway.  Bad pointers and double frees go to kfree(), which\n"
		"reports and refuses them.",
};
shell_register(kfree_cmd);

/* ---------------------------------------------------------------------
 * kmem_cache_create, cache_alloc, cache_free, kmem_cache_shrink,
 * kmem_cache_destroy
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
		 shell_gfp_name(gfp_text, sizeof(gfp_text), gfp));
	if (!p) {
		pr_err("%s = NULL\n", call);
		return -ENOMEM;
	}
	print_obj(call, p, SHELL_CACHE);
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
	unsigned long addr, before = misuse_reports;
	struct kmem_cache *s;
	char what[80];
	bool force;
	int err;

	if (shell_free_args(&argc, argv, 2, &addr, &force))
		return -EINVAL;
	s = find_cache(argv[0], argv[1]);
	if (!s)
		return -ENOENT;
	err = check_slab_owner(argv[0], addr, force);
	if (err)
		return err;
	kmem_cache_free(s, (void *)addr);
	snprintf(what, sizeof(what), "kmem_cache_free(%s, 0x%08lx)", argv[1], addr);
	err = shell_judged(before, what);
	if (!err)
		shell_taken_back(addr);
	return err;
}

static const struct shell_cmd cache_free_cmd = {
	.name = "cache_free", .args = "NAME [-f] ADDR", .min_args = 2, .max_args = 3,
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
