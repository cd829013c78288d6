// SPDX-License-Identifier: GPL-2.0
/*
 * shell/args.c - what the shell's arguments may say.
 *
 *   numbers  kstrtoul with base 0: 4096, 0x1000 (and 010 is octal, as in C)
 *   sizes    memparse's suffixes: 4096, 4K, 0x1000, 2M
 *   flags    Linux's names joined with '|', as they are written in C:
 *            GFP_KERNEL|__GFP_ZERO, GFP_HIGHUSER, SLAB_HWCACHE_ALIGN; a
 *            number may stand among them (GFP_KERNEL|0x2000)
 *   pfns     a number, or pfn:NUMBER where an address could be meant
 *
 * The parsers are pure (the ktest suite "shell" checks them); the
 * shell_get_*() wrappers print what is wrong, naming the command and the
 * argument, so every command reports bad input the same way.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <mm386/shell.h>

#define FLAG(f)	{ #f, f }

/* Every GFP flag of include/linux/gfp.h, the usual combinations first. */
const struct shell_flag shell_gfp_flags[] = {
	FLAG(GFP_KERNEL), FLAG(GFP_ATOMIC), FLAG(GFP_NOWAIT), FLAG(GFP_NOIO),
	FLAG(GFP_NOFS), FLAG(GFP_USER), FLAG(GFP_DMA), FLAG(GFP_HIGHUSER),
	FLAG(GFP_HIGHMEM),
	FLAG(__GFP_DMA), FLAG(__GFP_HIGHMEM), FLAG(__GFP_DMA32), FLAG(__GFP_MOVABLE),
	FLAG(__GFP_RECLAIMABLE), FLAG(__GFP_HIGH), FLAG(__GFP_IO), FLAG(__GFP_FS),
	FLAG(__GFP_ZERO), FLAG(__GFP_ATOMIC), FLAG(__GFP_DIRECT_RECLAIM),
	FLAG(__GFP_KSWAPD_RECLAIM), FLAG(__GFP_RECLAIM), FLAG(__GFP_NOWARN),
	FLAG(__GFP_RETRY_MAYFAIL), FLAG(__GFP_NOFAIL), FLAG(__GFP_NORETRY),
	FLAG(__GFP_COMP), FLAG(__GFP_HARDWALL), FLAG(__GFP_ACCOUNT),
	FLAG(__GFP_SKIP_ZERO),
	{ NULL, 0 }
};

/*
 * The kmem_cache_create() flags a shell user may ask for.  Not SLAB_PANIC
 * (a typo must not stop the kernel) nor SLAB_KMALLOC (internal).
 */
const struct shell_flag shell_slab_flags[] = {
	FLAG(SLAB_HWCACHE_ALIGN), FLAG(SLAB_CACHE_DMA), FLAG(SLAB_RECLAIM_ACCOUNT),
	FLAG(SLAB_POISON), FLAG(SLAB_RED_ZONE), FLAG(SLAB_STORE_USER),
	FLAG(SLAB_CONSISTENCY_CHECKS),
	{ NULL, 0 }
};

#define SLAB_FLAGS_ALLOWED	(SLAB_HWCACHE_ALIGN | SLAB_CACHE_DMA | SLAB_RECLAIM_ACCOUNT | \
				 SLAB_DEBUG_FLAGS)

int shell_parse_flags(const char *s, const struct shell_flag *names, unsigned long *flags,
		      char *bad, size_t bad_size)
{
	unsigned long value = 0, n;
	char word[48];
	size_t len;

	for (;;) {
		const struct shell_flag *f;

		len = strcspn(s, "|");
		if (!len || len >= sizeof(word))
			goto bad;
		memcpy(word, s, len);
		word[len] = '\0';
		for (f = names; f->name && strcmp(f->name, word); f++)
			;
		if (f->name)
			value |= f->value;
		else if (!kstrtoul(word, 0, &n))
			value |= n;
		else
			goto bad;
		if (!s[len])
			break;
		s += len + 1;
	}
	*flags = value;
	return 0;
bad:
	strscpy(bad, s, min(len + 1, bad_size));
	return -EINVAL;
}

// "CMD: unknown GFP flag "X" in "A|X"", then the names it knows.
static void bad_flag(const char *cmd, const char *kind, const char *word, const char *arg,
		     const struct shell_flag *names)
{
	char line[80];
	size_t n = 0;

	if (*word)
		pr_err("%s: unknown %s flag \"%s\" in \"%s\"\n", cmd, kind, word, arg);
	else
		pr_err("%s: empty %s flag in \"%s\"\n", cmd, kind, arg);
	pr_info("%s flags (join them with |):\n", kind);
	for (; names->name; names++) {
		if (n + strlen(names->name) + 1 >= sizeof(line)) {
			pr_info("%s\n", line);
			n = 0;
		}
		n += scnprintf(line + n, sizeof(line) - n, " %s", names->name);
	}
	pr_info("%s\n", line);
}

int shell_get_gfp(const char *cmd, const char *arg, gfp_t *gfp)
{
	unsigned long flags;
	char bad[48];

	if (!arg) {
		*gfp = GFP_KERNEL;
		return 0;
	}
	if (shell_parse_flags(arg, shell_gfp_flags, &flags, bad, sizeof(bad))) {
		bad_flag(cmd, "GFP", bad, arg, shell_gfp_flags);
		return -EINVAL;
	}
	*gfp = flags;
	return 0;
}

int shell_get_slab_flags(const char *cmd, const char *arg, unsigned long *flags)
{
	char bad[48];

	if (shell_parse_flags(arg, shell_slab_flags, flags, bad, sizeof(bad))) {
		bad_flag(cmd, "SLAB", bad, arg, shell_slab_flags);
		return -EINVAL;
	}
	if (*flags & ~SLAB_FLAGS_ALLOWED) {
		pr_err("%s: SLAB flags %#lx in \"%s\" are not for the shell (allowed: %#lx)\n",
		       cmd, *flags & ~SLAB_FLAGS_ALLOWED, arg, SLAB_FLAGS_ALLOWED);
		return -EINVAL;
	}
	return 0;
}

int shell_get_ulong(const char *cmd, const char *what, const char *arg, unsigned long *v)
{
	int err = kstrtoul(arg, 0, v);

	if (err == -ERANGE)
		pr_err("%s: %s \"%s\" does not fit in 32 bits\n", cmd, what, arg);
	else if (err)
		pr_err("%s: %s \"%s\" is not a number (decimal, or hex with 0x)\n", cmd, what, arg);
	return err ? -EINVAL : 0;
}

int shell_get_size(const char *cmd, const char *what, const char *arg, unsigned long *v)
{
	unsigned long long size;
	int err = parse_size(arg, &size);

	if (!err && size > ULONG_MAX)
		err = -ERANGE;
	if (err == -ERANGE)
		pr_err("%s: %s \"%s\" does not fit in 32 bits\n", cmd, what, arg);
	else if (err)
		pr_err("%s: %s \"%s\" is not a size (bytes, 0x hex, or with K, M or G)\n",
		       cmd, what, arg);
	else
		*v = size;
	return err ? -EINVAL : 0;
}

int shell_get_order(const char *cmd, const char *arg, unsigned int *order)
{
	unsigned long v;

	if (shell_get_ulong(cmd, "ORDER", arg, &v))
		return -EINVAL;
	if (v >= MAX_ORDER) {
		pr_err("%s: ORDER %lu is too big: blocks are of order 0 to %d\n", cmd, v,
		       MAX_ORDER - 1);
		return -EINVAL;
	}
	*order = v;
	return 0;
}

const char *shell_gfp_name(char *buf, size_t size, gfp_t gfp)
{
	format_gfp(buf, size, gfp);
	return buf;
}

int shell_get_pfn(const char *cmd, const char *arg, unsigned long *pfn)
{
	if (!strncmp(arg, "pfn:", 4))
		arg += 4;
	if (shell_get_ulong(cmd, "PFN", arg, pfn))
		return -EINVAL;
	if (!pfn_valid(*pfn)) {
		pr_err("%s: pfn %#lx is beyond the last page frame (max_pfn %#lx): no struct page\n",
		       cmd, *pfn, max_pfn);
		return -EINVAL;
	}
	return 0;
}
