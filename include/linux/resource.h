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

#endif
