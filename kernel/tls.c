// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/tls.c - set_thread_area and get_thread_area: a task's own
 * segment descriptors (Linux: arch/x86/kernel/tls.c).
 *
 * glibc keeps each thread's variables (errno, malloc's arena pointer...)
 * at %gs:offset.  It asks for a descriptor whose base is its TLS block
 * with set_thread_area(), and loads the selector it gets back into %gs.
 * Each task has three such descriptors (GDT entries 6-8, selectors 0x33,
 * 0x3b, 0x43); the scheduler copies the next task's into the GDT
 * (load_TLS, kernel/gdt.c).
 *
 * A program may also empty an entry that one of its segment registers
 * still names, or load a TLS selector into %ss and then change the
 * descriptor under it.  The kernel only finds out on the way back to ring
 * 3, when restore_all (kernel/entry.asm) reloads the registers: each such
 * pop and the iret have an exception-table entry, so a bad selector becomes
 * 0 (a pop), or a "trap iret exception" and SIGILL (the iret), never an oops.
 *
 * As Linux does, only descriptors that cannot surprise the kernel are
 * accepted (tls_desc_okay): 32-bit data segments that are present.  An
 * "empty" descriptor (Linux's LDT_empty, or all zeros but the entry number)
 * frees the entry.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/desc.h>
#include <asm/segment.h>

/* The i386 ABI's struct user_desc (asm/ldt.h). */
struct user_desc {
	u32 entry_number;
	u32 base_addr;
	u32 limit;
	u32 seg_32bit : 1, contents : 2, read_exec_only : 1, limit_in_pages : 1,
	    seg_not_present : 1, useable : 1;
};

// The documented way to ask for "no segment" (Linux: LDT_empty).
static bool ldt_empty(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents && u->read_exec_only &&
	       !u->seg_32bit && !u->limit_in_pages && u->seg_not_present && !u->useable;
}

// All zeros but the entry number: what programs use for "no segment" (LDT_zero).
static bool ldt_zero(const struct user_desc *u)
{
	return !u->base_addr && !u->limit && !u->contents && !u->read_exec_only &&
	       !u->seg_32bit && !u->limit_in_pages && !u->seg_not_present && !u->useable;
}

// Does @u ask for no segment at all, in either of the two ways?
static bool desc_means_empty(const struct user_desc *u)
{
	return ldt_empty(u) || ldt_zero(u);
}

// May @u go into the GDT?  Linux's rules (tls_desc_okay), and its reasons.
static bool tls_desc_okay(const struct user_desc *u)
{
	if (desc_means_empty(u))
		return true;
	if (!u->seg_32bit)
		return false;	/* a 16-bit stack segment leaks esp's top half (espfix) */
	if (u->contents > 1)
		return false;	/* only data segments: no code, no conforming */
	if (u->seg_not_present)
		return false;	/* a present-but-not segment is attack surface */
	return true;
}

// Fill descriptor @d from @u (an empty one for desc_means_empty).
static void fill_desc(struct desc_struct *d, const struct user_desc *u)
{
	memset(d, 0, sizeof(*d));
	if (desc_means_empty(u))
		return;
	d->limit0 = u->limit & 0xffff;
	d->limit1 = (u->limit >> 16) & 0xf;
	d->base0 = u->base_addr & 0xffff;
	d->base1 = (u->base_addr >> 16) & 0xff;
	d->base2 = u->base_addr >> 24;
	d->type = (!u->read_exec_only << 1) | (u->contents << 2) | 1;	/* accessed */
	d->s = 1;
	d->dpl = 3;
	d->p = 1;
	d->avl = u->useable;
	d->d = 1;
	d->g = u->limit_in_pages;
}

/**
 * sys_set_thread_area - set TLS descriptor @u_info->entry_number (6-8), or
 * the first free one when it is -1 (the number chosen is written back)
 * Return: 0; -EFAULT, -EINVAL (not a TLS entry, or a descriptor
 * tls_desc_okay() refuses), -ESRCH (-1 and all three in use).
 */
long sys_set_thread_area(struct user_desc __user *u_info)
{
	struct user_desc info;
	int idx, i;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (!tls_desc_okay(&info))
		return -EINVAL;
	idx = info.entry_number;
	if (idx == -1) {
		for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
			if (!*(u64 *)&current->thread.tls_array[i])
				break;
		if (i == GDT_ENTRY_TLS_ENTRIES)
			return -ESRCH;
		idx = GDT_ENTRY_TLS_MIN + i;
		if (put_user(idx, &u_info->entry_number))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_desc(&current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN], &info);
	load_TLS(&current->thread);
	return 0;
}

/**
 * sys_get_thread_area - read TLS descriptor @u_info->entry_number back
 * Return: 0; -EFAULT, -EINVAL (not a TLS entry).
 */
long sys_get_thread_area(struct user_desc __user *u_info)
{
	struct desc_struct *d;
	struct user_desc info;
	int idx;

	if (get_user(idx, &u_info->entry_number))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	d = &current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN];
	memset(&info, 0, sizeof(info));
	info.entry_number = idx;
	info.base_addr = d->base0 | (d->base1 << 16) | ((u32)d->base2 << 24);
	info.limit = d->limit0 | (d->limit1 << 16);
	info.seg_32bit = d->d;
	info.contents = d->type >> 2;
	info.read_exec_only = !(d->type & 2);
	info.limit_in_pages = d->g;
	info.seg_not_present = !d->p;
	info.useable = d->avl;
	return copy_to_user(u_info, &info, sizeof(info)) ? -EFAULT : 0;
}
