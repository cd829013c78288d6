// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_bulk.c - many objects of one cache in one call.
 *
 * A network driver refilling its receive ring wants 64 buffers at once;
 * kmem_cache_alloc_bulk() gives them with interrupts turned off once,
 * popping the active slab's free chain (and refilling it from the
 * partial and free lists, or a new slab) without returning between
 * objects.  It is all or nothing, as in Linux: if the cache cannot grow
 * half way, what was taken goes back and the call returns 0.
 *
 * kmem_cache_free_bulk() gives objects back; with no cache (kfree_bulk)
 * each object's own cache is found from its page, as kfree() does.  Each
 * free is O(1) already (mm/slab.c), so it frees them one by one, with
 * all of kfree()'s checks.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/export.h>
#include "slab.h"

/**
 * kmem_cache_alloc_bulk - allocate @size objects of @s into @p
 * @s: the cache
 * @gfp: as for kmem_cache_alloc()
 * @size: how many
 * @p: where their addresses go
 *
 * Return: @size, or 0 with nothing allocated (and @p's contents undefined).
 */
int kmem_cache_alloc_bulk(struct kmem_cache *s, gfp_t gfp, size_t size, void **p)
{
	unsigned long flags;
	size_t i;

	local_irq_save(flags);
	might_sleep_flags_if(gfpflags_allow_blocking(gfp), flags);
	if (should_failslab(s, gfp)) {		/* once per call, as Linux's slab_pre_alloc_hook */
		local_irq_restore(flags);
		return 0;
	}
	for (i = 0; i < size; i++) {
		struct page *page = s->cpu_slab;

		if (unlikely(!page || !page->freelist)) {
			page = refill_cpu_slab(s, gfp, flags);
			if (unlikely(!page)) {
				local_irq_restore(flags);
				goto undo;
			}
		}
		p[i] = take_free_object(s, page, _RET_IP_);
	}
	local_irq_restore(flags);
	for (i = 0; i < size; i++)
		kasan_slab_alloc(s, p[i], s->object_size, _RET_IP_);
	if (slab_wants_post_alloc(s, gfp))
		for (i = 0; i < size; i++)
			slab_post_alloc_hook(s, virt_to_head_page(p[i]), p[i], gfp, _RET_IP_,
					     s->object_size);
	return size;

undo:	/* give back the @i taken, through kmem_cache_free's checks (and KASAN's) */
	size = i;
	for (i = 0; i < size; i++)
		kasan_slab_alloc(s, p[i], s->object_size, _RET_IP_);
	kmem_cache_free_bulk(s, size, p);
	return 0;
}
EXPORT_SYMBOL(kmem_cache_alloc_bulk);

/**
 * kmem_cache_free_bulk - free @size objects
 * @s: their cache, or NULL for "each object's own" (kfree_bulk)
 * @size: how many
 * @p: their addresses; NULL entries are skipped
 */
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	size_t i;

	for (i = 0; i < size; i++) {
		if (!p[i])
			continue;
		if (s)
			kmem_cache_free(s, p[i]);
		else
			kfree(p[i]);
	}
}
EXPORT_SYMBOL(kmem_cache_free_bulk);
