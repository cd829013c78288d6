// SPDX-License-Identifier: GPL-2.0
/*
 * shell/handouts.c - what the shell handed out, and $_.
 *
 * The allocation commands (kmalloc, kzalloc, cache_alloc, vmalloc,
 * alloc_pages) remember every address they return.  That lets the free
 * commands tell the user's memory from the kernel's own: "kfree ADDR" of a
 * live object that the shell never handed out would free something the
 * kernel still uses (a struct kmem_cache, a module's buffer), and the
 * allocator cannot know that this is wrong; only the caller can.  So the
 * free commands refuse it, name the owner as well as they can, and take
 * -f to do it anyway.  What is not live (a double free, a pointer into
 * nowhere) still goes to the allocator, whose own checks report it: those
 * are the lessons the shell exists to show.
 *
 * The last address the shell printed as an answer is $_: "kmalloc 100"
 * then "v2p $_" works on any build, whatever address it got ("echo $_"
 * shows it).  kmalloc, kzalloc, cache_alloc, vmalloc, alloc_pages and kmap
 * set it.  $pfn is the page frame of the last answer, "pfn:0x1fd5", for the
 * commands that take one (page, kmap, kunmap, free_pages): after "kmap
 * $pfn", $_ is the mapped address and $pfn still the page.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <mm386/shell.h>

#define SHELL_HANDOUTS	256	/* remembered; the oldest is forgotten first */

struct handout {
	unsigned long addr;	/* 0: an empty slot; a pfn for SHELL_PAGES */
	enum shell_kind kind;
};

static struct handout handouts[SHELL_HANDOUTS];
static unsigned int next_slot;		/* where the next one goes */
static char last_answer[24];		/* $_ as text: "0xc1fd5000", "pfn:0x3f000" */
static char last_pfn[24];		/* $pfn as text: "pfn:0x1fd5" */

static const char *const kind_names[] = {
	[SHELL_KMALLOC] = "kmalloc", [SHELL_CACHE] = "cache_alloc",
	[SHELL_VMALLOC] = "vmalloc", [SHELL_PAGES] = "alloc_pages",
};

void shell_handed_out(enum shell_kind kind, unsigned long addr)
{
	struct handout *h = &handouts[next_slot++ % SHELL_HANDOUTS];

	if (h->addr)
		pr_info("shell: forgetting %s's 0x%08lx (more than %d handed out): free it with -f\n",
			kind_names[h->kind], h->addr, SHELL_HANDOUTS);
	*h = (struct handout){ addr, kind };
}

/*
 * The slot of @addr, or NULL.  Whatever command handed it out: kfree of a
 * cache_alloc object is as legal as in Linux.  (Pages are kept by pfn,
 * below 0x100000; addresses are kernel addresses: they cannot collide.)
 */
static struct handout *find_handout(unsigned long addr)
{
	unsigned int i;

	for (i = 0; i < SHELL_HANDOUTS; i++)
		if (handouts[i].addr == addr)
			return &handouts[i];
	return NULL;
}

bool shell_handed(unsigned long addr)
{
	return find_handout(addr) != NULL;
}

void shell_taken_back(unsigned long addr)
{
	struct handout *h = find_handout(addr);

	if (h)
		h->addr = 0;
}

int shell_free_args(int *argc, char **argv, int addr_arg, unsigned long *addr, bool *force)
{
	*force = shell_force_flag(argc, argv);
	if (*argc != addr_arg + 1) {
		pr_err("%s: %s\n", argv[0], *argc <= addr_arg ? "missing argument" :
		       "too many arguments");
		return -EINVAL;
	}
	return shell_get_ulong(argv[0], "ADDR", argv[addr_arg], addr);
}

bool shell_force_flag(int *argc, char **argv)
{
	int i;

	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "-f"))
			continue;
		memmove(&argv[i], &argv[i + 1], (*argc - i - 1) * sizeof(*argv));
		(*argc)--;
		return true;
	}
	return false;
}

/* ---------------------------------------------------------------------
 * $_
 */

void shell_set_answer(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(last_answer, sizeof(last_answer), fmt, args);
	va_end(args);
}

void shell_set_pfn(unsigned long pfn)
{
	snprintf(last_pfn, sizeof(last_pfn), "pfn:%#lx", pfn);
}

// The next "$_" or "$pfn" in @in, its length in *@len and its text in *@value.
static const char *next_variable(const char *in, size_t *len, const char **value)
{
	const char *a = strstr(in, "$_"), *b = strstr(in, "$pfn");

	if (b && (!a || b < a)) {
		*len = 4;
		*value = last_pfn;
		return b;
	}
	*len = 2;
	*value = last_answer;
	return a;
}

int shell_expand_answer(const char *in, char *out, size_t size)
{
	const char *p, *value;
	size_t n = 0, len;
	int ret = 0;

	while ((p = next_variable(in, &len, &value))) {
		if (!value[0])
			return -ENOENT;
		if (n + (p - in) + strlen(value) >= size)
			return -E2BIG;
		memcpy(out + n, in, p - in);
		n += p - in;
		n += strscpy(out + n, value, size - n);
		in = p + len;
		ret = 1;
	}
	if (n + strlen(in) >= size)
		return -E2BIG;
	strscpy(out + n, in, size - n);
	return ret;
}
