// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/fuzz_slab.c - the slab layer (mm/slab.c, slab_common.c,
 * slab_debug.c) on the real buddy allocator, against a model: the live
 * objects, their sizes and their contents.
 *
 * Operations: kmem_cache_create (sizes 8 to 5000, alignments, red zones,
 * poison, owner tracking, a constructor, ZONE_DMA), kmem_cache_alloc and
 * _free, kmalloc of any size (the large ones are compound pages), kzalloc,
 * krealloc, kfree, kmem_cache_shrink and kmem_cache_destroy, and now and
 * then a misuse: a double free, the middle of an object, an object given
 * to the wrong cache - each must be reported once and change nothing.
 * After each allocation:
 *
 *   the object does not overlap any live object, ksize() covers what was
 *   asked, __GFP_ZERO memory is zero, a constructed object is as its
 *   constructor left it; every object keeps its contents until freed
 *   (checked on free and on krealloc).
 *
 * Every few steps kmem_cache_validate() checks every cache's slabs, free
 * chains (decoded: the hardened free pointer) and red zones.  At the end
 * of each input everything is freed and the caches destroyed: the buddy
 * allocator must hold exactly the pages it held before.
 */
#include "host.h"

#define MAX_OBJS	192
#define MAX_CACHES	4

struct obj {
	u8 *p;
	size_t size;
	struct kmem_cache *cache;	/* NULL: kmalloc */
	u32 seed;
};

static struct obj objs[MAX_OBJS];
static unsigned int nr_objs;
static struct kmem_cache *caches[MAX_CACHES];
static unsigned long expected_reports, start_free;

static void ctor(void *p)
{
	memset(p, 0xc7, 8);
}

static void fill(struct obj *o)
{
	size_t i;

	for (i = 0; i < o->size; i++)
		o->p[i] = (u8)(o->seed + i * 13);
}

static void verify(const struct obj *o, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (o->p[i] != (u8)(o->seed + i * 13))
			host_fail("object %p (%zu bytes) changed at %zu", o->p, o->size, i);
}

static void took(u8 *p, size_t size, struct kmem_cache *s, u32 seed, bool zero)
{
	unsigned int i;

	for (i = 0; i < nr_objs; i++)
		if (p < objs[i].p + objs[i].size && objs[i].p < p + size)
			host_fail("%p (%zu bytes) overlaps live object %p (%zu bytes)", p, size,
				  objs[i].p, objs[i].size);
	if (!s && ksize(p) < size)
		host_fail("ksize(%p) = %zu, below %zu", p, ksize(p), size);
	if (zero && memchr_inv(p, 0, size))
		host_fail("__GFP_ZERO object %p is not zero", p);
	if (s && s->ctor && memchr_inv(p, 0xc7, 8))
		host_fail("object %p of %s is not constructed", p, s->name);
	objs[nr_objs] = (struct obj){ p, size, s, seed };
	fill(&objs[nr_objs++]);
}

static void give_back(unsigned int i)
{
	struct obj *o = &objs[i];

	verify(o, o->size);
	if (o->cache) {
		if (o->cache->ctor)
			memset(o->p, 0xc7, 8);	/* objects go back constructed */
		kmem_cache_free(o->cache, o->p);
	} else {
		kfree(o->p);
	}
	*o = objs[--nr_objs];
}

static void make_cache(u32 r)
{
	static const unsigned long flag_sets[] = {
		0, SLAB_HWCACHE_ALIGN, SLAB_RED_ZONE, SLAB_POISON, SLAB_STORE_USER,
		SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER, SLAB_CACHE_DMA,
	};
	static char names[MAX_CACHES][16];
	unsigned int i = r % MAX_CACHES, size = 8 + (r >> 4) % 5000;
	unsigned int align = (r >> 20) % 4 == 3 ? 64 : 0;

	if (caches[i])
		return;
	snprintf(names[i], sizeof(names[i]), "fuzz%u", i);
	caches[i] = kmem_cache_create(names[i], size, align, flag_sets[(r >> 24) % 7],
				      (r >> 28) == 1 ? ctor : NULL);
	if (!caches[i])
		host_fail("kmem_cache_create(%u bytes) failed", size);
}

static void destroy_cache(unsigned int i)
{
	unsigned int k;

	if (!caches[i])
		return;
	for (k = 0; k < nr_objs; k++)
		if (objs[k].cache == caches[i])
			return;			/* still in use */
	kmem_cache_destroy(caches[i]);
	caches[i] = NULL;
}

// krealloc: the old bytes survive up to the smaller size; re-entered in the model.
static void reallocate(unsigned int i, size_t size)
{
	struct obj o = objs[i];
	size_t k;
	u8 *n;

	n = krealloc(o.p, size, GFP_KERNEL);
	if (!n)
		host_fail("krealloc(%zu) failed", size);
	for (k = 0; k < min(size, o.size); k++)
		if (n[k] != (u8)(o.seed + k * 13))
			host_fail("krealloc(%p, %zu) lost byte %zu", o.p, size, k);
	objs[i] = objs[--nr_objs];
	took(n, size, NULL, o.seed ^ 0x9e3779b9u, false);
}

// One report each, nothing changed.
static void misuse(u32 r)
{
	struct obj *o;

	if (!nr_objs)
		return;
	o = &objs[r % nr_objs];
	switch ((r >> 8) % 3) {
	case 0:					/* the middle of an object */
		if (o->size < 2 || !o->cache)
			return;
		kmem_cache_free(o->cache, o->p + 1);
		break;
	case 1: {				/* a double free */
		struct obj copy = *o;

		if (!copy.cache && copy.size > 8192)
			return;			/* a large block's pages may be reused at once */
		give_back(r % nr_objs);
		if (copy.cache)
			kmem_cache_free(copy.cache, copy.p);
		else
			kfree(copy.p);
		break;
	}
	case 2:					/* another cache's object */
		if (!o->cache || !caches[(r >> 16) % MAX_CACHES] ||
		    caches[(r >> 16) % MAX_CACHES] == o->cache)
			return;
		kmem_cache_free(caches[(r >> 16) % MAX_CACHES], o->p);
		break;
	}
	expected_reports++;
}

static void check(void)
{
	if (check_slab_caches())
		host_fail("a slab cache failed validation");
	if (misuse_reports != expected_reports)
		host_fail("%lu reports, %lu expected", misuse_reports, expected_reports);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct bytes b = { data, size };
	unsigned int i, steps = 0;

	host_boot(48, 32);
	kmem_cache_shrink_all();
	drain_all_pages();
	start_free = nr_free_pages();
	expected_reports = misuse_reports;
	while (b.n) {
		u32 op = take(&b, 1), arg = take(&b, 4);
		struct kmem_cache *s = caches[arg % MAX_CACHES];
		u8 *p;

		switch (op % 16) {
		case 0: case 1: case 2: case 3: {	/* kmalloc, kzalloc */
			size_t n = arg % 8 ? 1 + (arg >> 8) % 512 : 1 + (arg >> 8) % 40000;
			gfp_t gfp = GFP_KERNEL | ((arg >> 4) & 1 ? __GFP_ZERO : 0) |
				    ((arg >> 5) % 8 == 0 ? GFP_DMA : 0);

			if (nr_objs == MAX_OBJS)
				break;
			p = kmalloc(n, gfp);
			if (!p)
				host_fail("kmalloc(%zu) failed", n);
			took(p, n, NULL, arg, gfp & __GFP_ZERO);
			break;
		}
		case 4: case 5: case 6:			/* kmem_cache_alloc */
			if (!s || nr_objs == MAX_OBJS)
				break;
			p = kmem_cache_alloc(s, GFP_KERNEL);
			if (!p)
				host_fail("kmem_cache_alloc(%s) failed", s->name);
			took(p, s->object_size, s, arg, false);
			break;
		case 7: case 8: case 9: case 10:	/* free */
			if (nr_objs)
				give_back(arg % nr_objs);
			break;
		case 11:				/* krealloc */
			for (i = 0; i < nr_objs; i++)
				if (!objs[(arg + i) % nr_objs].cache) {
					reallocate((arg + i) % nr_objs, 1 + (arg >> 8) % 3000);
					break;
				}
			break;
		case 12:
			make_cache(arg);
			break;
		case 13:
			destroy_cache(arg % MAX_CACHES);
			break;
		case 14:
			if (s)
				kmem_cache_shrink(s);
			break;
		case 15:
			if ((arg & 0xff) == 0x5a)
				misuse(arg >> 8);
			break;
		}
		if (++steps % 16 == 0)
			check();
	}
	check();
	while (nr_objs)
		give_back(nr_objs - 1);
	for (i = 0; i < MAX_CACHES; i++)
		destroy_cache(i);
	kmem_cache_shrink_all();
	drain_all_pages();
	if (nr_free_pages() != start_free)
		host_fail("%lu pages free at the end, %lu at the start", nr_free_pages(), start_free);
	check();
	return 0;
}

/* Unit tests: every kind of operation once, and each misuse once. */
int harness_unit_tests(void)
{
	static const u8 prog[] = {
		12, 0x25, 0, 0x30, 0,	/* cache 0: 48+ bytes, red zones, poison, owners */
		12, 0x11, 0, 0x01, 1,	/* cache 1: constructor */
		4, 0, 0, 0, 0,		/* cache_alloc from 0 */
		4, 1, 0, 0, 1,		/* from 1 */
		0, 0, 0, 0x40, 0x10,	/* kmalloc, zeroed */
		0, 0, 0, 0x30, 0,	/* kmalloc(large) */
		11, 0, 0, 0x20, 0,	/* krealloc */
		15, 0, 0, 0, 0x5a,	/* misuse: the middle */
		15, 0, 0, 1, 0x5a,	/* misuse: double free */
		7, 0, 0, 0, 0,		/* free */
		14, 0, 0, 0, 0,		/* shrink */
		13, 0, 0, 0, 1,		/* destroy */
	};

	return LLVMFuzzerTestOneInput(prog, sizeof(prog));
}
