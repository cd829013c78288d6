// SPDX-License-Identifier: GPL-2.0
/*
 * shell/fragment.c - the fragmentation lesson (kernel/fragment.c) as a
 * command: fragment lowmem until kmalloc(1 MB) fails, watch vmalloc and
 * kvmalloc succeed, give everything back.
 */
#include <linux/kernel.h>
#include <mm386/fragment.h>
#include <mm386/shell.h>

static int cmd_fragment(int argc, char **argv)
{
	struct fragment_lesson l;

	fragment_lesson_run(&l, true);
	return 0;
}

static const struct shell_cmd fragment_cmd = {
	.name = "fragment", .args = "", .group = SHELL_PROGRAM, .fn = cmd_fragment,
	.summary = "fragment lowmem: kmalloc(1 MB) fails, vmalloc(1 MB) works",
	.help = "Takes every lowmem block of 1 MB or more and gives back every other page\n"
		"of it: half of the memory is free, in single pages.  Then kmalloc(1 MB)\n"
		"and alloc_pages(order 8) fail with Linux's page allocation failure report,\n"
		"vmalloc(1 MB) works, and kvmalloc(1 MB) quietly falls back to vmalloc.\n"
		"Everything is freed at the end; buddyinfo before and after are the same.",
};
shell_register(fragment_cmd);
