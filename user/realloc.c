/*
 * user/realloc.c - realloc() of a large block: mremap moves page table
 * entries, not bytes.
 *
 * glibc serves a malloc of 128 KB and more with an mmap of its own (the
 * articles' large malloc).  When such a block must grow, realloc() calls
 * mremap(MREMAP_MAYMOVE): the kernel grows the mapping in place if the
 * addresses after it are free, or gives it a new range and moves the page
 * table entries there (mm/mremap.c).  Either way the bytes already written
 * stay in the same physical pages, so growing costs no copy and no page
 * fault; only the new part faults in, page by page, when it is touched.
 * A shrink gives the tail's pages back at once.
 *
 * Every line starts "realloc: "; tests/host/test_user.py checks them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#define KB	1024L
#define MB	(1024L * KB)

static long faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_minflt;
}

static long free_kb(void)
{
	struct sysinfo si;

	sysinfo(&si);
	return (long)((unsigned long long)si.freeram * si.mem_unit / KB);
}

// Does [@p, @p + @len) still hold the pattern fill() wrote?
static int intact(const unsigned char *p, long len)
{
	long i;

	for (i = 0; i < len; i += 4096)
		if (p[i] != (unsigned char)(i / 4096))
			return 0;
	return 1;
}

static void fill(unsigned char *p, long len)
{
	long i;

	for (i = 0; i < len; i += 4096)
		p[i] = (unsigned char)(i / 4096);
}

// One step: what realloc did to the block, in faults and free RAM.
static unsigned char *step(const char *what, unsigned char *p, long size, long kept)
{
	volatile unsigned long before = (unsigned long)p;	/* its value: p is freed if it moves */
	long f = faults(), kb = free_kb();
	unsigned char *q = realloc(p, size);

	if (!q) {
		printf("realloc: %s: failed\n", what);
		exit(1);
	}
	printf("realloc: %s: %p -> %p (%s), first %ld kB intact: %s, minor faults +%ld, "
	       "free RAM %+ld kB\n", what, (void *)before, (void *)q,
	       before == (unsigned long)q ? "in place" : "moved",
	       kept / KB, intact(q, kept) ? "yes" : "no", faults() - f, free_kb() - kb);
	return q;
}

int main(void)
{
	unsigned char *p, *fence;
	unsigned long end;
	long f, kb;

	f = faults();
	kb = free_kb();
	p = malloc(1 * MB);
	fill(p, 1 * MB);
	printf("realloc: malloc(1 MB) = %p, filled: minor faults +%ld, free RAM %+ld kB\n",
	       (void *)p, faults() - f, free_kb() - kb);
	/* nothing is mapped right after the block: it grows where it is */
	p = step("realloc(1 MB -> 2 MB)", p, 2 * MB, 1 * MB);
	f = faults();
	fill(p, 2 * MB);
	printf("realloc: filled the new 1 MB: minor faults +%ld\n", faults() - f);
	/* a page mapped right after the block's last page: now it must move */
	end = ((unsigned long)p + 2 * MB + 4095) & ~4095UL;
	fence = mmap((void *)end, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		     -1, 0);
	printf("realloc: a page mapped at %#lx, right after the block: %s\n", end,
	       fence == (void *)end ? "yes" : "no");
	p = step("realloc(2 MB -> 8 MB)", p, 8 * MB, 2 * MB);
	p = step("realloc(8 MB -> 512 KB)", p, 512 * KB, 512 * KB);
	munmap(fence, 4096);
	free(p);
	printf("realloc: done\n");
	return 0;
}
