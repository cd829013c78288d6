/*
 * user/failcmd.c - run one program under fault injection, and nothing else.
 *
 * Linux's fault injection (failslab=, fail_page_alloc=) fails allocations
 * anywhere: in the program under test, but also in the shell that starts
 * it and in every other process.  Its task-filter knob narrows that down:
 * with failslab.task_filter=Y (or fail_page_alloc.task_filter=Y) only
 * tasks whose /proc/PID/make-it-fail is 1 see failures.  A child inherits
 * the flag and exec keeps it, so Linux's tools/testing/fault-injection/
 * failcmd.sh is in essence
 *
 *   echo 1 > /proc/self/make-it-fail; exec PROGRAM ARGS
 *
 * and so is this program:
 *
 *   failcmd PROGRAM [ARGS...]  PROGRAM (a name in / or a path) with
 *                              make-it-fail set; its exit status is
 *                              PROGRAM's, or 127 when the exec fails
 *   failcmd --show             print this process's make-it-fail
 *   failcmd --rules            what reads and writes of make-it-fail and of
 *                              its sibling fail-nth do, one line each
 *                              (fs/proc.c gives Linux's answers;
 *                              tests/host/test_reliability.py checks them)
 *
 * mm386 has no debugfs: the knobs are boot parameters and the shell's
 * "fault" command.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define FILE_SELF	"/proc/self/make-it-fail"
#define NTH_SELF	"/proc/thread-self/fail-nth"

// One read(2) of @fd: the text, quoted with \n spelt out, or -ERRNO: into @out.
static const char *read_fd(int fd, char *out, size_t size)
{
	char buf[32];
	ssize_t n = read(fd, buf, sizeof(buf) - 1);

	if (n < 0) {
		snprintf(out, size, "-%s", strerrorname_np(errno));
		return out;
	}
	buf[n] = '\0';
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	snprintf(out, size, "\"%s\\n\"", buf);
	return out;
}

// The text of @path (a fresh descriptor), as read_fd() gives it.
static const char *read_flag(const char *path, char *out, size_t size)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		snprintf(out, size, "-%s", strerrorname_np(errno));
		return out;
	}
	read_fd(fd, out, size);
	close(fd);
	return out;
}

// write(2) of @len bytes at @text to @fd: its answer, or -errno.
static long write_n(int fd, const void *text, size_t len)
{
	long ret = write(fd, text, len);

	return ret < 0 ? -errno : ret;
}

// write_n() to a fresh descriptor of FILE_SELF.
static long write_flag(const void *text, size_t len)
{
	int fd = open(FILE_SELF, O_WRONLY);
	long ret;

	if (fd < 0)
		return -errno;
	ret = write_n(fd, text, len);
	close(fd);
	return ret;
}

// One rule's line: "failcmd: WHAT = ANSWER" (a count, or -ERRNO).
static void show(const char *what, long ret)
{
	if (ret < 0)
		printf("failcmd: %s = -%s\n", what, strerrorname_np(-ret));
	else
		printf("failcmd: %s = %ld\n", what, ret);
}

static void show_read(const char *what, const char *path)
{
	char out[48];

	printf("failcmd: %s = %s\n", what, read_flag(path, out, sizeof(out)));
}

// write_n() of the string @text.
static long write_fd(int fd, const char *text)
{
	return write_n(fd, text, strlen(text));
}

// Read @fd (opened before a count was armed: an open allocates) and show it.
static void show_fd(const char *what, int fd)
{
	char out[48];

	printf("failcmd: %s = %s\n", what, read_fd(fd, out, sizeof(out)));
}

/*
 * The rules of fail-nth, Linux's way: an unsigned number in C's bases
 * (a newline may follow, nothing else), only in the thread's directory;
 * the count runs down with each allocation of this task (not of its
 * children) and reads 0 once the failure happened.
 */
static void nth_rules(void)
{
	int w = open(NTH_SELF, O_WRONLY), r[3], fd, status, i;
	char path[64];
	pid_t pid;

	for (i = 0; i < 3; i++)
		r[i] = open(NTH_SELF, O_RDONLY);
	show_read("fail-nth: read", NTH_SELF);
	show("fail-nth: write \"3\"", write_fd(w, "3"));
	show_fd("fail-nth: read", r[0]);
	show("fail-nth: write \"0\"", write_fd(w, "0"));
	show("fail-nth: write \"-1\"", write_fd(w, "-1"));
	show("fail-nth: write \" 1\"", write_fd(w, " 1"));
	show("fail-nth: write \"4294967296\"", write_fd(w, "4294967296"));
	show("fail-nth: write \"0x10\\n\"", write_fd(w, "0x10\n"));
	show_fd("fail-nth: read", r[1]);
	write_fd(w, "1");
	fd = open("/proc/self/maps", O_RDONLY);		/* its allocation is the first */
	show("fail-nth: 1, then open(\"/proc/self/maps\")", fd < 0 ? -errno : 0);
	show_fd("fail-nth: read after the failure", r[2]);
	if (fd >= 0)
		close(fd);
	show_read("fail-nth: read /proc/self/fail-nth", "/proc/self/fail-nth");
	snprintf(path, sizeof(path), "/proc/%d/task/%d/fail-nth", getpid(), getpid());
	show_read("fail-nth: read /proc/PID/task/PID/fail-nth", path);
	snprintf(path, sizeof(path), "/proc/%d/task/%d/fail-nth", getpid(), getpid() + 1);
	show_read("fail-nth: read /proc/PID/task/PID+1/fail-nth", path);

	/* a child starts with no count of its own */
	write_fd(w, "1000");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		show_read("fail-nth: a child's, its parent's at 1000", NTH_SELF);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	write_fd(w, "0");
	close(w);
	for (i = 0; i < 3; i++)
		close(r[i]);
}

// The rules of /proc/PID/make-it-fail, as fs/proc.c (and Linux) has them.
static int rules(void)
{
	char path[64], pad[20];
	pid_t pid;
	int fd, status;

	show_read("read", FILE_SELF);
	show("write \"1\"", write_flag("1", 1));
	show_read("read", FILE_SELF);
	show("write \"2\"", write_flag("2", 1));
	show("write \"-1\"", write_flag("-1", 2));
	show("write \"x\"", write_flag("x", 1));
	show("write \"\"", write_flag("", 1));
	show("write \"99999999999\"", write_flag("99999999999", 11));
	show("write \" 0\\n\"", write_flag(" 0\n", 3));
	show_read("read", FILE_SELF);
	show("write \"0x1\"", write_flag("0x1", 3));
	show_read("read", FILE_SELF);
	memset(pad, ' ', sizeof(pad));
	pad[0] = '0';
	show("write \"0\" and 19 spaces", write_flag(pad, sizeof(pad)));
	show_read("read", FILE_SELF);
	show("write from 0xc0000000", write_flag((const void *)0xc0000000, 1));
	show_read("read /proc/99999/make-it-fail", "/proc/99999/make-it-fail");

	/* a child inherits the flag, and exec keeps it */
	write_flag("1", 1);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execl("/failcmd", "failcmd", "--show", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);

	/* the file names its task: once that task is reaped, -ESRCH */
	pid = fork();
	if (pid == 0) {
		for (;;)
			sleep(1);
	}
	snprintf(path, sizeof(path), "/proc/%d/make-it-fail", pid);
	fd = open(path, O_RDWR);
	show_read("a child's flag", path);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	show("write to a reaped child's file", write(fd, "1", 1) < 0 ? -errno : 1);
	close(fd);
	write_flag("0", 1);
	nth_rules();
	return 0;
}

int main(int argc, char **argv)
{
	char path[256], out[48];
	long ret;

	if (argc == 2 && !strcmp(argv[1], "--rules"))
		return rules();
	if (argc == 2 && !strcmp(argv[1], "--show")) {
		printf("failcmd: make-it-fail after fork and exec = %s\n",
		       read_flag(FILE_SELF, out, sizeof(out)));
		return 0;
	}
	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: failcmd PROGRAM [ARGS...] | --show | --rules\n");
		return 2;
	}
	ret = write_flag("1", 1);
	if (ret != 1) {
		fprintf(stderr, "failcmd: %s: %s\n", FILE_SELF, strerror(-ret));
		return 1;
	}
	snprintf(path, sizeof(path), "%s%s", strchr(argv[1], '/') ? "" : "/", argv[1]);
	execv(path, argv + 1);
	fprintf(stderr, "failcmd: %s: %s\n", path, strerror(errno));
	return 127;
}
