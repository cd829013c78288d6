/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/fuzz/host.h - what the harnesses share: the kernel's own headers
 * (the real declarations of the cores they drive), host_boot() and
 * host_fail() (tests/fuzz/host.c), and the byte reader the fuzz targets
 * take their operations from.
 */
#ifndef _TESTS_FUZZ_HOST_H
#define _TESTS_FUZZ_HOST_H

/*
 * The kernel's sigset_t (linux/signal.h, which sched.h includes) and the
 * one glibc's <stdlib.h> declares are two types of one name: here, the
 * kernel's is kernel_sigset_t.  The cores themselves never see glibc.
 */
#define sigset_t kernel_sigset_t
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/memblock.h>
#include <linux/slab.h>
#include <linux/slab_def.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <linux/rbtree_augmented.h>
#include <linux/fault-inject.h>
#include "../../mm/internal.h"
#include "../../mm/vmalloc.h"
#undef sigset_t
#include <stdlib.h>
#include <string.h>

extern unsigned long misuse_reports;
extern int host_verbose;

void host_boot(unsigned long ram_mb, unsigned long low_mb);
void __attribute__((noreturn)) host_fail(const char *fmt, ...);

/* The harness's bytes, read one field at a time; zeros once used up. */
struct bytes {
	const u8 *p;
	size_t n;
};

static inline u32 take(struct bytes *b, unsigned int nbytes)
{
	u32 v = 0;

	while (nbytes--) {
		v = v << 8 | (b->n ? *b->p : 0);
		if (b->n) {
			b->p++;
			b->n--;
		}
	}
	return v;
}

/* The fuzz entry point (libFuzzer's), and each harness's unit tests. */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
int harness_unit_tests(void);

#endif
