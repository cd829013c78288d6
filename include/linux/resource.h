/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/resource.h - struct rusage: what a process has used.
 *
 * getrusage() and wait4() hand it to user space, in i386's layout (72
 * bytes: two struct timeval, then fourteen longs).  mm386 fills in the
 * fields it keeps: CPU time (kernel/sched/cputime.c), the peak RSS, the
 * page faults (minor: the page was had without I/O; major: none here, as
 * nothing is read from a disk), and the context switches.  The rest (the
 * integral sizes, swaps, block I/O, IPC, signals) Linux leaves 0 as well,
 * or has no disk to count.
 *
 * And the resource limits (getrlimit, prlimit64, /proc/PID/limits):
 * Linux's numbers and the values Linux 6.1 gives its first process
 * (INIT_RLIMITS, and fork_init()'s RLIMIT_NPROC and RLIMIT_SIGPENDING).
 * mm386's processes cannot change them, so every process has the same.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <linux/types.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_BOTH	(-2)		/* the kernel's own: self and reaped children */
#define RUSAGE_THREAD	1

struct old_timeval32 {
	s32 tv_sec;
	s32 tv_usec;
};

struct rusage {
	struct old_timeval32 ru_utime;	/* user time */
	struct old_timeval32 ru_stime;	/* system time */
	s32 ru_maxrss;			/* peak resident set, kB */
	s32 ru_ixrss, ru_idrss, ru_isrss;	/* integral sizes: 0, as on Linux */
	s32 ru_minflt;			/* page faults served without I/O */
	s32 ru_majflt;			/* page faults that needed I/O */
	s32 ru_nswap;
	s32 ru_inblock, ru_oublock;
	s32 ru_msgsnd, ru_msgrcv, ru_nsignals;
	s32 ru_nvcsw;			/* voluntary context switches (it slept) */
	s32 ru_nivcsw;			/* involuntary ones (preempted) */
};

struct task_struct;
void getrusage(struct task_struct *p, int who, struct rusage *r);

#define RLIMIT_CPU		0	/* seconds */
#define RLIMIT_FSIZE		1	/* bytes */
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6	/* processes */
#define RLIMIT_NOFILE		7	/* open files */
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11	/* pending signals */
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15	/* microseconds */
#define RLIM_NLIMITS		16
#define RLIM64_INFINITY		(~0ULL)

/* kernel/sys.c: limit @limit's soft and hard values (RLIM64_INFINITY: none). */
u64 task_rlimit(const struct task_struct *t, unsigned int limit);
u64 task_rlimit_max(const struct task_struct *t, unsigned int limit);

#endif
