/*
 * user/mapdemo.c - kernel memory mapped into a program (seed 001: "vmalloc
 * memory can be mapped to user space").
 *
 * /dev/mm386's mmap gives the program a buffer the kernel allocated, at an
 * address of the program's own; the offset picks the kernel's way
 * (drivers/mm386_dev.c):
 *
 *   0      vmalloc_user() + remap_vmalloc_range()
 *   4096   kmalloc() + remap_pfn_range()
 *   8192   vmalloc_32_user() + remap_vmalloc_range()
 *
 * For each, the program reads the line the kernel wrote at the start of
 * each page, writes a line of its own, and asks the kernel (an ioctl) to
 * read it back at the kernel's address: one physical page, two addresses.
 * A forked child shares the mapping (MAP_SHARED: no copy-on-write), and
 * the kernel sees the child's write too.  Then the refusals: a private
 * mapping, an unknown offset.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define MM386_IOC_PEEK	0x6d02
#define SIZE		(4 * 4096)

static const char *const how[] = { "vmalloc_user", "kmalloc", "vmalloc_32_user" };

int main(void)
{
	int fd = open("/dev/mm386", O_RDWR), i, status;
	char *maps[3], buf[4096];
	ssize_t n;

	if (fd < 0) {
		perror("mapdemo: open /dev/mm386");
		return 1;
	}
	for (i = 0; i < 3; i++) {
		char *p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, i * 4096);

		if (p == MAP_FAILED) {
			perror("mapdemo: mmap");
			return 1;
		}
		maps[i] = p;
		printf("mapdemo: %s buffer at %p: page 0 reads \"%s\"\n", how[i], (void *)p, p);
		printf("mapdemo: page 3 reads \"%s\"\n", p + 3 * 4096);
		snprintf(p + 4096, 64, "mapdemo wrote this at %p", (void *)(p + 4096));
		fflush(stdout);
		ioctl(fd, MM386_IOC_PEEK, p + 4096);
	}

	fflush(stdout);
	if (fork() == 0) {
		snprintf(maps[0] + 2 * 4096, 64, "the child %d wrote this", (int)getpid());
		printf("mapdemo: the child reads page 0: \"%s\"\n", maps[0]);
		fflush(stdout);
		_exit(0);
	}
	wait(&status);
	ioctl(fd, MM386_IOC_PEEK, maps[0] + 2 * 4096);

	printf("mapdemo: MAP_PRIVATE: %s\n", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) ==
	       MAP_FAILED ? strerrorname_np(errno) : "mapped?");
	printf("mapdemo: offset 3: %s\n", mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 3 * 4096) ==
	       MAP_FAILED ? strerrorname_np(errno) : "mapped?");
	printf("mapdemo: munmap of the middle of the kmalloc mapping: %d\n",
	       munmap(maps[1] + 4096, 4096));
	fflush(stdout);
	n = open("/proc/self/maps", O_RDONLY);
	if (n >= 0) {
		int mfd = n;

		printf("/proc/self/maps:\n");
		fflush(stdout);
		while ((n = read(mfd, buf, sizeof(buf))) > 0)
			write(1, buf, n);
		close(mfd);
	}
	close(fd);		/* the mappings stay: they hold the buffers */
	printf("mapdemo: after close, page 0 still reads \"%s\"\n", maps[2]);
	return 0;
}
