/*
 * user/mallocdemo.c - the articles' comparison, from user space.
 *
 * Where do malloc(100), malloc(1 MB) and a local variable live?  glibc
 * serves the small request from its brk heap ("[heap]", right after the
 * program's bss), the large one (above its 128 KB M_MMAP_THRESHOLD) with
 * an mmap() of its own, placed below mmap_base; the local variable is on
 * the stack, just below 3 GB.  Then it asks mm386 (an ioctl on
 * /dev/mm386) to put kmalloc(100) and vmalloc(1 MB) next to them, in one
 * table with each region, its physical pages and its page tables; and it
 * prints its own /proc/self/maps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define MM386_IOC_COMPARE	0x6d01	/* args: the three user addresses */

int main(void)
{
	char *small = malloc(100);
	char *big = malloc(1 << 20);
	int local = 42;
	unsigned long args[4];
	char buf[4096];
	ssize_t n;
	int fd;

	memset(small, 1, 100);
	memset(big, 2, 1 << 20);	/* touch every page: demand paging maps them */
	printf("malloc(100)   = %p  (glibc's brk heap)\n", (void *)small);
	printf("malloc(1 MB)  = %p  (glibc's mmap path, above its 128 KB threshold)\n", (void *)big);
	printf("&local        = %p  (the stack, just below 3 GB)\n", (void *)&local);
	fflush(stdout);

	fd = open("/dev/mm386", O_RDWR);
	if (fd < 0) {
		perror("open /dev/mm386");
		return 1;
	}
	args[0] = (unsigned long)small;
	args[1] = (unsigned long)big;
	args[2] = (unsigned long)&local;
	args[3] = 1 << 20;
	if (ioctl(fd, MM386_IOC_COMPARE, args))
		perror("ioctl MM386_IOC_COMPARE");
	close(fd);

	fd = open("/proc/self/maps", O_RDONLY);
	if (fd >= 0) {
		printf("/proc/self/maps:\n");
		fflush(stdout);
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			write(1, buf, n);
		close(fd);
	}
	free(big);
	free(small);
	return local - 42;
}
