// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_debug.c - catching slab misuse: poison, red zones, owners.
 *
 * A cache with SLAB_POISON, SLAB_RED_ZONE or SLAB_STORE_USER (or any cache,
 * with the boot parameter slab_debug) keeps patterns around and inside its
 * objects, in SLUB's style:
 *
 *   poison     a free object is filled with 0x6b and ends in 0xa5; a new
 *              one with 0x5a.  A byte that changed while the object was
 *              free is a write after free, found when the object is next
 *              allocated or the cache validated.
 *   red zones  a word or more on each side of the object: 0xbb while free,
 *              0xcc while in use.  A changed byte is an overrun, found when
 *              the object is freed.  For kmalloc the bytes between the size
 *              asked for and the cache's object size are red zone too:
 *              kmalloc(18) from kmalloc-32 guards bytes 18..31.
 *   owners     the caller and time of the last allocation and free.
 *
 * Each corruption found is reported once ("BUG kmalloc-32 (Not tainted):
 * Right Redzone overwritten", the object, the offset, the bytes, who
 * allocated and freed it), counted as one error, and repaired, so the
 * cache stays usable and a second validation finds nothing.
 *
 * slab_debug       everything (F Z P U) for every cache
 * slab_debug=ZPU   some of it: F checks, Z red zones, P poison, U owners
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include "slab.h"

unsigned long slab_debug_flags;

static int __init slab_debug_all(char *val)
{
	slab_debug_flags = SLAB_DEBUG_FLAGS;
	return 0;
}
__setup("slab_debug", slab_debug_all);

static int __init slab_debug_setup(char *val)
{
	unsigned long flags = 0;

	for (; *val; val++) {
		switch (*val) {
		case 'F': case 'f':
			flags |= SLAB_CONSISTENCY_CHECKS;
			break;
		case 'Z': case 'z':
			flags |= SLAB_RED_ZONE;
			break;
		case 'P': case 'p':
			flags |= SLAB_POISON;
			break;
		case 'U': case 'u':
			flags |= SLAB_STORE_USER;
			break;
		case '-':
			break;
		default:
			return param_invalid("unknown option '%c'; use F, Z, P, U or -", *val);
		}
	}
	slab_debug_flags = flags;
	return 0;
}
__setup("slab_debug=", slab_debug_setup);

static unsigned long *orig_size_of(const struct kmem_cache *s, const void *obj)
{
	return (unsigned long *)((char *)obj + s->meta_offset);
}

static struct kmem_track *track_of(const struct kmem_cache *s, const void *obj, int freed)
{
	return (struct kmem_track *)((char *)obj + s->meta_offset + sizeof(unsigned long)) + freed;
}

static bool kmalloc_redzone(const struct kmem_cache *s)
{
	return (s->flags & (SLAB_KMALLOC | SLAB_RED_ZONE)) == (SLAB_KMALLOC | SLAB_RED_ZONE);
}

// Red zones to @val; with @val inactive and poisoning, the object too.
static void init_object(struct kmem_cache *s, void *obj, u8 val)
{
	u8 *p = obj;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

static void print_section(const char *what, const u8 *p, unsigned int len)
{
	unsigned int i, n;
	char line[64];

	len = min(len, 64u);
	for (i = 0; i < len; i += 16) {
		int k = 0;

		for (n = i; n < i + 16 && n < len; n++)
			k += scnprintf(line + k, sizeof(line) - k, " %02x", p[n]);
		pr_err("%-8s %08lx:%s\n", what, (unsigned long)(p + i), line);
	}
}

/* slab_alloc_caller - who last allocated @obj (a SLAB_STORE_USER cache), or 0. */
unsigned long slab_alloc_caller(const struct kmem_cache *s, const void *obj)
{
	return track_of(s, obj, 0)->addr;
}

static void print_tracks(const struct kmem_cache *s, const void *obj)
{
	const struct kmem_track *t;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	t = track_of(s, obj, 0);
	if (t->addr)
		pr_err("INFO: Allocated in %pS age=%lu\n", (void *)t->addr, jiffies - t->when);
	t = track_of(s, obj, 1);
	if (t->addr)
		pr_err("INFO: Freed in %pS age=%lu\n", (void *)t->addr, jiffies - t->when);
}

/*
 * check_bytes - are the @len bytes at @start all @value?  If not: report
 * (naming @what, the object, the offset and the bytes), repair, return 1.
 */
static int check_bytes(struct kmem_cache *s, struct page *page, u8 *obj, const char *what,
		       u8 *start, u8 value, unsigned int len, const char *found_by,
		       unsigned long caller)
{
	u8 *bad = memchr_inv(start, value, len), *end;

	if (!bad)
		return 0;
	for (end = start + len; end > bad && end[-1] == value; end--)
		;
	report_begin();
	pr_err("=============================================================================\n");
	pr_err("BUG %s (Not tainted): %s overwritten\n", s->name, what);
	pr_err("-----------------------------------------------------------------------------\n");
	pr_err("INFO: 0x%08lx-0x%08lx @offset=%ld. First byte 0x%02x instead of 0x%02x\n",
	       (unsigned long)bad, (unsigned long)end - 1, (long)(bad - obj), *bad, value);
	pr_err("INFO: found by %s called from %pS\n", found_by, (void *)caller);
	print_tracks(s, obj);
	pr_err("INFO: Slab %p objects=%u used=%u fp=0x%08lx\n", page, s->num, slab_inuse(page),
	       (unsigned long)page->freelist);
	pr_err("INFO: Object 0x%08lx @offset=%lu\n", (unsigned long)obj,
	       (unsigned long)(obj - (u8 *)lowmem_page_address(page)));
	if (s->red_left_pad)
		print_section("Redzone", obj - s->red_left_pad, s->red_left_pad);
	print_section("Object", obj, s->object_size);
	if (s->inuse > s->object_size)
		print_section("Redzone", obj + s->object_size, s->inuse - s->object_size);
	pr_err("FIX %s: Restoring %s 0x%08lx-0x%08lx=0x%02x\n", s->name, what,
	       (unsigned long)bad, (unsigned long)end - 1, value);
	report_end(0);
	memset(bad, value, end - bad);
	return 1;
}

static int check_object(struct kmem_cache *s, struct page *page, void *obj, bool active,
			const char *found_by, unsigned long caller)
{
	u8 *p = obj, val = active ? SLUB_RED_ACTIVE : SLUB_RED_INACTIVE;
	int errors = 0;

	if (s->flags & SLAB_RED_ZONE) {
		errors += check_bytes(s, page, p, "Left Redzone", p - s->red_left_pad, val,
				      s->red_left_pad, found_by, caller);
		errors += check_bytes(s, page, p, "Right Redzone", p + s->object_size, val,
				      s->inuse - s->object_size, found_by, caller);
	}
	if (active && kmalloc_redzone(s)) {
		unsigned long orig = *orig_size_of(s, obj);

		if (orig < s->object_size)
			errors += check_bytes(s, page, p, "kmalloc Redzone", p + orig, SLUB_RED_ACTIVE,
					      s->object_size - orig, found_by, caller);
	}
	if (!active && (s->flags & SLAB_POISON)) {
		errors += check_bytes(s, page, p, "Poison", p, POISON_FREE, s->object_size - 1,
				      found_by, caller);
		errors += check_bytes(s, page, p, "End Poison", p + s->object_size - 1, POISON_END,
				      1, found_by, caller);
	}
	return errors;
}

/* debug_init_new - patterns for an object of a new slab (still free). */
void debug_init_new(struct kmem_cache *s, void *obj)
{
	init_object(s, obj, SLUB_RED_INACTIVE);
	*orig_size_of(s, obj) = s->object_size;
	memset(track_of(s, obj, 0), 0, 2 * sizeof(struct kmem_track));
}

/*
 * debug_on_alloc - a free object is handed out: it must be untouched since
 * its free (else a write after free), then it gets the in-use patterns.
 */
void debug_on_alloc(struct kmem_cache *s, struct page *page, void *obj,
		    unsigned long caller, size_t orig_size)
{
	check_object(s, page, obj, false, "kmem_cache_alloc", caller);
	init_object(s, obj, SLUB_RED_ACTIVE);
	if (s->flags & SLAB_POISON)
		memset(obj, POISON_INUSE, s->object_size);
	if (s->flags & SLAB_STORE_USER)
		*track_of(s, obj, 0) = (struct kmem_track){ caller, jiffies };
	if (kmalloc_redzone(s)) {
		*orig_size_of(s, obj) = orig_size;
		memset((u8 *)obj + orig_size, SLUB_RED_ACTIVE, s->object_size - orig_size);
	}
}

/*
 * debug_on_free - an object comes back: its red zones must be intact (else
 * an overrun), then it is poisoned.
 */
void debug_on_free(struct kmem_cache *s, struct page *page, void *obj, unsigned long caller)
{
	check_object(s, page, obj, true, "kfree", caller);
	if (s->flags & SLAB_STORE_USER)
		*track_of(s, obj, 1) = (struct kmem_track){ caller, jiffies };
	init_object(s, obj, SLUB_RED_INACTIVE);
}

/*
 * debug_take_out_of_use - freelist_corrupt() cut @page's chain at @obj, and
 * the free objects it lost count as in use for good: give them in-use red
 * zones (and their whole size as the kmalloc size), so that
 * kmem_cache_validate() does not take a free object's red zone in a used
 * object for an overrun.  Only objects whose red zones are intact free ones
 * change: any other damage stays, for validate to report.
 */
void debug_take_out_of_use(struct kmem_cache *s, struct page *page, void *obj)
{
	u8 *p = slab_first_object(page);
	unsigned int i;

	if (!(s->flags & SLAB_RED_ZONE))
		return;
	for (i = 0; i < s->num; i++, p += s->size) {
		if (p == obj ||
		    memchr_inv(p - s->red_left_pad, SLUB_RED_INACTIVE, s->red_left_pad) ||
		    memchr_inv(p + s->object_size, SLUB_RED_INACTIVE, s->inuse - s->object_size))
			continue;
		init_object(s, p, SLUB_RED_ACTIVE);
		if (kmalloc_redzone(s))
			*orig_size_of(s, p) = s->object_size;
	}
}

/* debug_check_object - kmem_cache_validate()'s check of one object. */
int debug_check_object(struct kmem_cache *s, struct page *page, void *obj, bool active)
{
	return check_object(s, page, obj, active, "kmem_cache_validate", _RET_IP_);
}

void debug_set_orig_size(struct kmem_cache *s, void *obj, size_t size)
{
	if (kmalloc_redzone(s))
		*orig_size_of(s, obj) = size;
}
