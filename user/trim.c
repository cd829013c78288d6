/*
 * user/trim.c - why free() does not always give memory back, and how
 * malloc_trim() does: madvise(MADV_DONTNEED), watched with mincore().
 *
 * glibc serves small requests from its brk heap.  free() puts a block back
 * on glibc's own free lists; the kernel hears of it only when the free
 * memory is at the top of the heap, where brk() can shrink.  One block
 * still in use above the freed ones pins them all: the pages stay
 * resident, though the program will not read them again.  malloc_trim()
 * walks the free chunks and tells the kernel with madvise(MADV_DONTNEED),
 * which takes their pages away but keeps the heap mapped (mm/madvise.c).
 * mincore() reports which pages are resident (mm/mincore.c), so the
 * program can watch each step:
 *
 *   1. an anonymous mmap: nothing resident until touched, then every page;
 *      MADV_DONTNEED empties it, and it reads back as zeros;
 *   2. 64 blocks of 64 KB on the heap, touched: 4 MB resident;
 *   3. free all but the last: still 4 MB resident;
 *   4. malloc_trim(0): the freed blocks' pages go, the last one stays;
 *   5. free the last: brk shrinks the heap itself.
 *
 * Every line starts "trim: "; tests/host/test_user.py checks them.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#define PG		4096UL
#define BLOCKS		64
#define BLOCK_SIZE	(64 * 1024)	/* below glibc's 128 KB mmap threshold: the heap */

// How many pages of [@start, @end) are resident, by mincore().
static long resident(unsigned long start, unsigned long end)
{
	static unsigned char vec[8192];
	unsigned long pages, i;
	long n = 0;

	start &= ~(PG - 1);
	pages = (end - start + PG - 1) / PG;
	if (pages > sizeof(vec) || mincore((void *)start, end - start, vec)) {
		perror("trim: mincore");
		exit(1);
	}
	for (i = 0; i < pages; i++)
		n += vec[i] & 1;
	return n;
}

static void heap(const char *when, unsigned long start)
{
	unsigned long end = (unsigned long)sbrk(0);

	printf("trim: %s: heap %#lx-%#lx, %lu pages, %ld resident\n", when, start, end,
	       (end - start) / PG, resident(start, end));
}

int main(void)
{
	char *map, *blocks[BLOCKS];
	unsigned long start;
	long n;
	int i;

	map = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return perror("trim: mmap"), 1;
	printf("trim: mmap(64 KB): %ld of 16 pages resident\n",
	       resident((unsigned long)map, (unsigned long)map + 16 * PG));
	memset(map, 7, 16 * PG);
	printf("trim: written: %ld resident\n",
	       resident((unsigned long)map, (unsigned long)map + 16 * PG));
	if (madvise(map, 16 * PG, MADV_DONTNEED))
		return perror("trim: madvise"), 1;
	n = resident((unsigned long)map, (unsigned long)map + 16 * PG);
	printf("trim: madvise(MADV_DONTNEED): %ld resident, still mapped, reads %d\n", n,
	       map[5 * PG]);	/* after the count: the read maps the zero page */
	munmap(map, 16 * PG);

	for (i = 0; i < BLOCKS; i++) {
		blocks[i] = malloc(BLOCK_SIZE);
		if (!blocks[i])
			return perror("trim: malloc"), 1;
		memset(blocks[i], i, BLOCK_SIZE);
	}
	start = (unsigned long)blocks[0] & ~(PG - 1);	/* the heap from the first block on */
	heap("64 blocks of 64 KB, written", start);
	for (i = 0; i < BLOCKS - 1; i++)
		free(blocks[i]);
	heap("all freed but the last", start);
	printf("trim: malloc_trim(0) = %d\n", malloc_trim(0));
	heap("after malloc_trim", start);
	printf("trim: the last block still holds its bytes: %s\n",
	       blocks[BLOCKS - 1][BLOCK_SIZE - 1] == BLOCKS - 1 ? "yes" : "no");
	free(blocks[BLOCKS - 1]);
	heap("the last freed too", start);
	return 0;
}
