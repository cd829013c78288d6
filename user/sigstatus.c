/*
 * user/sigstatus.c - what /proc tells about a process's signals.
 *
 * A process keeps, for each of its 64 signals, whether it is pending,
 * blocked, ignored or caught by a handler; /proc/PID/status shows the
 * five sets as 64-bit masks in hex, signal 1 the lowest bit, and SigQ:
 * how many signals are pending over the limit on them
 * (RLIMIT_SIGPENDING, the "Max pending signals" line of
 * /proc/PID/limits).  This program makes each set hold something:
 *
 *   - SIGUSR1 (10) and SIGRTMIN (34) blocked, then sent to the process
 *     (kill, sigqueue three times): ShdPnd, Linux's process-wide set;
 *   - SIGUSR2 (12) blocked, then sent to the thread (tgkill): SigPnd;
 *   - SIGPIPE (13) ignored, SIGTERM (15) caught.
 *
 * Then it prints its status's signal lines and its limits file, takes the
 * signals back with sigtimedwait() and shows SigQ again: 1 + 3 + 1
 * pending, then none.  With the argument "exit" it exits with its signals
 * still pending instead, which must lose nothing: the kernel frees the queue.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

/*
 * Print /proc/self/@file from its line that starts with @from to the one
 * that starts with @to (NULL: the whole file).
 */
static void show(const char *file, const char *from, const char *to)
{
	char path[64], line[256];
	int on = !from;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/%s", file);
	f = fopen(path, "r");
	if (!f) {
		perror(path);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (from && !strncmp(line, from, strlen(from)))
			on = 1;
		if (on)
			printf("sigstatus: %s", line);
		if (to && !strncmp(line, to, strlen(to)))
			on = 0;
	}
	fclose(f);
}

static void on_term(int sig)
{
	(void)sig;
}

int main(int argc, char **argv)
{
	struct timespec none = { 0, 0 };
	union sigval v = { .sival_int = 0 };
	sigset_t set;
	int i, taken = 0;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGTERM, on_term);
	kill(getpid(), SIGUSR1);
	syscall(SYS_tgkill, getpid(), getpid(), SIGUSR2);
	for (i = 0; i < 3; i++)
		sigqueue(getpid(), SIGRTMIN, v);
	printf("sigstatus: SIGUSR1 kill()ed, SIGUSR2 tgkill()ed, SIGRTMIN sigqueue()d 3 times, "
	       "all blocked; SIGPIPE ignored, SIGTERM caught\n");
	show("status", "SigQ", "SigCgt");
	show("limits", NULL, NULL);
	if (argc > 1 && !strcmp(argv[1], "exit")) {
		printf("sigstatus: exiting with them pending\n");
		return 0;
	}
	while (sigtimedwait(&set, NULL, &none) > 0)
		taken++;
	printf("sigstatus: sigtimedwait() took %d back\n", taken);
	show("status", "SigQ", "SigQ");
	return 0;
}
