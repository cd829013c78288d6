/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/kasan/kasan.h - what the files of KASAN share:
 *
 *   shadow.c   the shadow (boot, vmalloc), poisoning, the compiler's checks,
 *              the checked string functions
 *   common.c   the allocators' hooks: slab objects (redzones, tracks, the
 *              quarantine), pages, kmalloc_large; globals
 *   report.c   "BUG: KASAN: ..." in Linux's words
 *
 * None of them is instrumented (the Makefile's KASAN_SANITIZE_n).
 */
#ifndef _MM_KASAN_KASAN_H
#define _MM_KASAN_KASAN_H

#include <linux/kasan.h>
#include <linux/sched.h>

/* shadow.c */
extern unsigned long kasan_lowmem_shadow_bytes, kasan_vmalloc_shadow_pages;
unsigned long kasan_first_bad(unsigned long addr, size_t size);
bool kasan_check_range(const void *addr, size_t size, bool write, unsigned long ip);

/* common.c */
void kasan_run_ctors(void);
struct kasan_meta *kasan_meta_of(const struct kmem_cache *s, const void *obj);
void kasan_save_track(struct kasan_track *t, unsigned long caller);
extern unsigned long kasan_quarantine_objects, kasan_quarantine_bytes;

/* report.c */
void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip);
void kasan_report_invalid_free(const void *obj, unsigned long ip, const char *kind);
extern unsigned long kasan_reports;

#endif
