// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sys.c - the small system calls a C library asks at startup and
 * for its clock: who am I (getpid, getuid...), what am I running on
 * (uname), my limits (getrlimit, prlimit64), randomness (getrandom), the
 * time (time, gettimeofday, clock_gettime and its 64-bit-time twin), and
 * nanosleep.  Every user pointer goes through uaccess (-EFAULT, never an
 * oops), and every bad argument gets Linux's errno.
 *
 * Time: the wall clock is the CMOS RTC read at boot (QEMU -rtc base=...),
 * advanced by jiffies (HZ = 100); CLOCK_MONOTONIC is jiffies since boot;
 * the CPU-time clocks are what the process has been charged, a tick at a
 * time (kernel/sched/cputime.c).
 *
 * Usage: what a process has used (getrusage, times: CPU time, page
 * faults, peak RSS, context switches), and what the whole machine has
 * (sysinfo: RAM and free RAM, HighMem, processes, the load averages), the
 * numbers glibc's sysconf(_SC_PHYS_PAGES), clock() and qsort() ask for.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/sched/loadavg.h>
#include <linux/random.h>
#include <linux/irqflags.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/resource.h>
#include <asm/io.h>

long sys_getpid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->parent ? current->parent->pid : 0;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p ? p->pgid : -ESRCH;
}

long sys_getpgrp(void)
{
	return current->pgid;
}

long sys_getuid(void)
{
	return 0;		/* everything runs as root: uid, gid, euid, egid 0 */
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

long sys_newuname(struct new_utsname __user *name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));	/* glibc checks the kernel's version */
	strscpy(u.nodename, "mm386", sizeof(u.nodename));
	strscpy(u.release, "6.1.0-mm386", sizeof(u.release));
	strscpy(u.version, "#1 mm386 " UTS_RELEASE, sizeof(u.version));
	strscpy(u.machine, "i686", sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* ---------------------------------------------------------------------
 * Limits
 */

#define RLIM_INFINITY	(~0UL)		/* getrlimit()'s 32-bit "none" */
#define MLOCK_LIMIT	(8UL << 20)	/* Linux's RLIMIT_MEMLOCK: 8 MB */
#define MQ_BYTES_MAX	819200		/* Linux's RLIMIT_MSGQUEUE */

/*
 * Linux 6.1's limits for its first process (INIT_RLIMITS), which every
 * process inherits unless someone changes them.  RLIMIT_NOFILE is
 * mm386's descriptor table (Linux: 1024 of at most 4096); RLIMIT_NPROC
 * and RLIMIT_SIGPENDING come from max_threads (task_rlimit()).
 */
static const struct {
	u64 cur, max;
} init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_FSIZE]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_DATA]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_STACK]	  = { STACK_RLIMIT, RLIM64_INFINITY },
	[RLIMIT_CORE]	  = { 0, RLIM64_INFINITY },
	[RLIMIT_RSS]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_NOFILE]	  = { NR_OPEN_DEFAULT, NR_OPEN_DEFAULT },
	[RLIMIT_MEMLOCK]  = { MLOCK_LIMIT, MLOCK_LIMIT },
	[RLIMIT_AS]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_LOCKS]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
	[RLIMIT_MSGQUEUE] = { MQ_BYTES_MAX, MQ_BYTES_MAX },
	[RLIMIT_NICE]	  = { 0, 0 },
	[RLIMIT_RTPRIO]	  = { 0, 0 },
	[RLIMIT_RTTIME]	  = { RLIM64_INFINITY, RLIM64_INFINITY },
};

/**
 * task_rlimit - @t's soft limit on resource @limit (< RLIM_NLIMITS)
 * @t: the task (every mm386 task has the same limits)
 * @limit: RLIMIT_*
 *
 * Return: the limit, RLIM64_INFINITY for none.
 */
u64 task_rlimit(const struct task_struct *t, unsigned int limit)
{
	if (limit == RLIMIT_NPROC || limit == RLIMIT_SIGPENDING)
		return max_threads / 2;		/* fork_init() in Linux */
	return init_rlimits[limit].cur;
}

/* task_rlimit_max - @t's hard limit on resource @limit. */
u64 task_rlimit_max(const struct task_struct *t, unsigned int limit)
{
	if (limit == RLIMIT_NPROC || limit == RLIMIT_SIGPENDING)
		return max_threads / 2;
	return init_rlimits[limit].max;
}

long sys_getrlimit(unsigned int resource, u32 __user *rlim)
{
	u32 r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r[0] = min_t(u64, task_rlimit(current, resource), RLIM_INFINITY);
	r[1] = min_t(u64, task_rlimit_max(current, resource), RLIM_INFINITY);
	return copy_to_user(rlim, r, sizeof(r)) ? -EFAULT : 0;
}

long sys_prlimit64(pid_t pid, unsigned int resource, const u64 __user *new_rlim,
		   u64 __user *old_rlim)
{
	u64 r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (pid && pid != current->pid)
		return find_task_by_pid(pid) ? -EPERM : -ESRCH;
	if (new_rlim) {
		if (copy_from_user(r, new_rlim, sizeof(r)))
			return -EFAULT;
		if (r[0] > r[1])
			return -EINVAL;
		return -EPERM;	/* mm386's limits are fixed */
	}
	if (old_rlim) {
		r[0] = task_rlimit(current, resource);
		r[1] = task_rlimit_max(current, resource);
		if (copy_to_user(old_rlim, r, sizeof(r)))
			return -EFAULT;
	}
	return 0;
}

/* ---------------------------------------------------------------------
 * Randomness
 */

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

long sys_getrandom(char __user *buf, size_t count, unsigned int flags)
{
	static struct rnd_state state;
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > (INT_MAX & PAGE_MASK))
		count = INT_MAX & PAGE_MASK;	/* MAX_RW_COUNT */
	if (!access_ok(buf, count))
		return -EFAULT;		/* the whole range first, as import_single_range */
	if (!state.s1)
		prandom_seed_state(&state, 0x72616e64ULL ^ rdtsc());
	while (done < count) {
		u32 v = prandom_u32_state(&state);
		size_t n = min(count - done, sizeof(v));

		if (copy_to_user(buf + done, &v, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}

/* ---------------------------------------------------------------------
 * Time
 */

static u64 boot_epoch;		/* seconds since 1970 at jiffies 0 */

static unsigned int cmos_read(unsigned int reg)
{
	unsigned int v;

	outb(reg, 0x70);
	v = inb(0x71);
	return (v & 0x0f) + (v >> 4) * 10;	/* BCD */
}

// Days from 1970-01-01 to @y-@m-@d (the civil-from-days algorithm, reversed).
static u64 days_since_epoch(unsigned int y, unsigned int m, unsigned int d)
{
	y -= m <= 2;
	{
		unsigned int era = y / 400, yoe = y - era * 400;
		unsigned int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
		unsigned int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

		return (u64)era * 146097 + doe - 719468;
	}
}

/* read_persistent_clock - the RTC's date and time, as the wall clock's start. */
void read_persistent_clock(void)
{
	unsigned long flags;
	unsigned int s, mi, h, d, mo, y;

	local_irq_save(flags);
	s = cmos_read(0);
	mi = cmos_read(2);
	h = cmos_read(4);
	d = cmos_read(7);
	mo = cmos_read(8);
	y = cmos_read(9) + 2000;
	local_irq_restore(flags);
	boot_epoch = days_since_epoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* Linux's clock ids; the CPU-time clocks of other processes (negative ids) are not served. */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5	/* what glibc's time() reads */
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define CLOCK_REALTIME_ALARM		8
#define CLOCK_BOOTTIME_ALARM		9
#define CLOCK_SGI_CYCLE			10	/* retired: no such clock */
#define CLOCK_TAI			11
#define NSEC_PER_SEC			1000000000U

static bool clock_valid(int clock)
{
	return clock >= 0 && clock <= CLOCK_TAI && clock != CLOCK_SGI_CYCLE;
}

static bool clock_is_cputime(int clock)
{
	return clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID;
}

// Does @clock count from 1970 (the wall clock and its variants)?
static bool clock_is_realtime(int clock)
{
	return clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE ||
	       clock == CLOCK_REALTIME_ALARM || clock == CLOCK_TAI;	/* TAI offset 0 */
}

// Now on @clock, in seconds and nanoseconds; -EINVAL for an unknown clock.
static int clock_now(int clock, u64 *sec, u32 *nsec)
{
	u64 ns;

	if (!clock_valid(clock))
		return -EINVAL;
	if (clock_is_cputime(clock))	/* one thread per process: the same time */
		ns = current->utime + current->stime;
	else
		ns = (u64)jiffies * TICK_NSEC;
	*sec = ns / NSEC_PER_SEC + (clock_is_realtime(clock) ? boot_epoch : 0);
	*nsec = ns % NSEC_PER_SEC;
	return 0;
}

/*
 * Can clock_nanosleep() sleep on @clock?  Linux cannot on the raw and
 * coarse clocks or the thread's CPU clock (-EOPNOTSUPP).  It would sleep
 * on the process's CPU clock until the process had used that much CPU,
 * which a process with one thread, asleep, never does: mm386 refuses that
 * one (-EINVAL) rather than sleep for good.
 */
static int clock_nsleep_check(int clock)
{
	if (!clock_valid(clock) || clock == CLOCK_PROCESS_CPUTIME_ID)
		return -EINVAL;
	if (clock == CLOCK_THREAD_CPUTIME_ID || clock == CLOCK_MONOTONIC_RAW ||
	    clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE)
		return -EOPNOTSUPP;
	return 0;
}

// clock_gettime into a struct timespec of 64-bit (@wide) or 32-bit fields.
static long do_clock_gettime(int clock, void __user *tp, bool wide)
{
	u64 sec, ts64[2];
	u32 nsec, ts32[2];
	int err = clock_now(clock, &sec, &nsec);

	if (err)
		return err;
	ts64[0] = ts32[0] = sec;
	ts64[1] = ts32[1] = nsec;
	if (wide)
		return copy_to_user(tp, ts64, sizeof(ts64)) ? -EFAULT : 0;
	return copy_to_user(tp, ts32, sizeof(ts32)) ? -EFAULT : 0;
}

long sys_clock_gettime64(int clock, u64 __user *tp)
{
	return do_clock_gettime(clock, tp, true);
}

long sys_clock_gettime32(int clock, u32 __user *tp)
{
	return do_clock_gettime(clock, tp, false);
}

long sys_gettimeofday(u32 __user *tv, void __user *tz)
{
	u64 sec;
	u32 nsec, t[2];

	clock_now(CLOCK_REALTIME, &sec, &nsec);
	t[0] = sec;
	t[1] = nsec / 1000;
	if (tv && copy_to_user(tv, t, sizeof(t)))
		return -EFAULT;
	if (tz && clear_user(tz, 8))
		return -EFAULT;
	return 0;
}

long sys_time32(u32 __user *tloc)
{
	u64 sec;
	u32 nsec;

	clock_now(CLOCK_REALTIME, &sec, &nsec);
	if (tloc && put_user((u32)sec, tloc))
		return -EFAULT;
	return sec;
}

static DECLARE_WAIT_QUEUE_HEAD(sleep_wq);

/* timer_wake_sleepers - every tick: sleepers check their deadline. */
void timer_wake_sleepers(void)
{
	if (!list_empty(&sleep_wq.head))
		wake_up(&sleep_wq);
}

static bool deadline_passed(void *arg)
{
	return time_after_eq(jiffies, *(unsigned long *)arg);
}

/*
 * timeout_deadline - the tick by which @sec seconds and @nsec nanoseconds
 * (< 10^9) will have passed: rounded up to ticks, plus the tick under way.
 */
unsigned long timeout_deadline(u64 sec, u64 nsec)
{
	return jiffies + (unsigned long)(sec * HZ + DIV_ROUND_UP(nsec, 1000000000 / HZ)) + 1;
}

/*
 * sleep_until_deadline - sleep until jiffies reach @deadline, or a signal
 * current does not block comes.  Call with interrupts off.
 * Return: 0 when the time is up; -EINTR for the signal.
 */
int sleep_until_deadline(unsigned long deadline)
{
	return wait_event_interruptible_irqoff(&sleep_wq, deadline_passed, &deadline);
}

/*
 * Sleep for @sec seconds and @nsec nanoseconds (rounded up to a tick).
 * Return: 0; -EINVAL; -EINTR when a signal came first (its handler runs
 * next), with the time left in *@rem (seconds, nanoseconds) if @rem.
 */
static long do_nanosleep(u64 sec, u64 nsec, s64 rem[2])
{
	unsigned long flags, deadline, left;
	int err;

	if (nsec >= 1000000000)
		return -EINVAL;
	deadline = timeout_deadline(sec, nsec);
	local_irq_save(flags);
	err = sleep_until_deadline(deadline);
	local_irq_restore(flags);
	if (err && rem) {
		left = time_after(deadline, jiffies) ? deadline - jiffies : 0;
		rem[0] = left / HZ;
		rem[1] = (left % HZ) * TICK_NSEC;
	}
	return err;
}

/* put the time left (@rem) to a 32-bit (@wide false) or 64-bit struct timespec at @rmtp */
static long put_remaining(long err, const s64 rem[2], void __user *rmtp, bool wide)
{
	s32 r32[2] = { rem[0], rem[1] };

	if (err != -EINTR || !rmtp)
		return err;
	if (wide ? copy_to_user(rmtp, rem, 2 * sizeof(s64)) : copy_to_user(rmtp, r32, sizeof(r32)))
		return -EFAULT;
	return err;
}

long sys_nanosleep_time32(const s32 __user *rqtp, s32 __user *rmtp)
{
	s32 t[2];
	s64 rem[2];

	if (copy_from_user(t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t[0] < 0 || t[1] < 0)
		return -EINVAL;
	return put_remaining(do_nanosleep(t[0], t[1], rem), rem, rmtp, false);
}

/*
 * clock_nanosleep on @clock until (TIMER_ABSTIME in @flags) or for @t (sec,
 * nsec).  A relative sleep that a signal cut short leaves the time left in
 * @rem (Linux writes rmtp then; never for TIMER_ABSTIME).
 */
static long do_clock_nanosleep(int clock, int flags, const s64 t[2], s64 rem[2])
{
	u64 sec;
	u32 nsec;

	if (t[0] < 0 || t[1] < 0 || t[1] >= 1000000000)
		return -EINVAL;
	if (flags & 1) {	/* TIMER_ABSTIME */
		s64 now, then = t[0] * 1000000000LL + t[1];

		clock_now(clock, &sec, &nsec);
		now = sec * 1000000000LL + nsec;
		if (then <= now)
			return 0;
		return do_nanosleep((then - now) / 1000000000, (then - now) % 1000000000, NULL) ?
		       -ERESTARTNOHAND : 0;
	}
	return do_nanosleep(t[0], t[1], rem);
}

long sys_clock_nanosleep_time64(int clock, int flags, const s64 __user *rqtp, s64 __user *rmtp)
{
	s64 t[2], rem[2];
	int err = clock_nsleep_check(clock);

	if (err)
		return err;
	if (copy_from_user(t, rqtp, sizeof(t)))
		return -EFAULT;
	return put_remaining(do_clock_nanosleep(clock, flags, t, rem), rem, rmtp, true);
}

/* clock_nanosleep with the old 32-bit struct timespec (glibc's fallback). */
long sys_clock_nanosleep_time32(int clock, int flags, const s32 __user *rqtp, s32 __user *rmtp)
{
	s32 t32[2];
	s64 t[2], rem[2];
	int err = clock_nsleep_check(clock);

	if (err)
		return err;
	if (copy_from_user(t32, rqtp, sizeof(t32)))
		return -EFAULT;
	t[0] = t32[0];
	t[1] = t32[1];
	return put_remaining(do_clock_nanosleep(clock, flags, t, rem), rem, rmtp, false);
}

/* ---------------------------------------------------------------------
 * Usage: getrusage, times, and the whole machine's sysinfo
 */

static struct old_timeval32 ns_to_old_timeval32(u64 ns)
{
	return (struct old_timeval32){ ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / 1000 };
}

/**
 * getrusage - what @p has used
 * @p: the process
 * @who: RUSAGE_SELF or RUSAGE_THREAD (the same: one thread per process),
 *	RUSAGE_CHILDREN (its reaped children and theirs), or RUSAGE_BOTH
 *	(both sums, for wait4's report of the child it reaps)
 * @r: filled in; ru_maxrss is the larger peak, not a sum
 */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	u64 utime = 0, stime = 0;
	unsigned long maxrss = 0;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_CHILDREN || who == RUSAGE_BOTH) {
		utime = p->cutime;
		stime = p->cstime;
		r->ru_minflt = p->cmin_flt;
		r->ru_majflt = p->cmaj_flt;
		r->ru_nvcsw = p->cnvcsw;
		r->ru_nivcsw = p->cnivcsw;
		maxrss = p->cmaxrss;
	}
	if (who != RUSAGE_CHILDREN) {
		utime += p->utime;
		stime += p->stime;
		r->ru_minflt += p->min_flt;
		r->ru_majflt += p->maj_flt;
		r->ru_nvcsw += p->nvcsw;
		r->ru_nivcsw += p->nivcsw;
		maxrss = max(maxrss, p->maxrss);
		if (p->mm)
			setmax_mm_hiwater_rss(&maxrss, p->mm);
	}
	r->ru_utime = ns_to_old_timeval32(utime);
	r->ru_stime = ns_to_old_timeval32(stime);
	r->ru_maxrss = maxrss << (PAGE_SHIFT - 10);
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/* nsec_to_clock_t - @ns in the clock_t ticks of times() and SIGCHLD's si_utime. */
u32 nsec_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* times - CPU time in clock_t ticks: own and reaped children's; returns ticks since boot. */
long sys_times(u32 __user *tbuf)
{
	if (tbuf) {
		u32 tms[4] = { nsec_to_clock_t(current->utime), nsec_to_clock_t(current->stime),
			       nsec_to_clock_t(current->cutime), nsec_to_clock_t(current->cstime) };

		if (copy_to_user(tbuf, tms, sizeof(tms)))
			return -EFAULT;
	}
	return jiffies * USER_HZ / HZ;
}

struct sysinfo {			/* i386: 64 bytes */
	s32 uptime;			/* seconds since boot */
	u32 loads[3];			/* 1, 5, 15 minute load averages, 16 fraction bits */
	u32 totalram, freeram, sharedram, bufferram;	/* in mem_unit */
	u32 totalswap, freeswap;
	u16 procs;			/* processes (threads) */
	u16 pad;
	u32 totalhigh, freehigh;	/* HighMem */
	u32 mem_unit;			/* the memory fields' unit, in bytes */
	char _f[8];
};
BUILD_BUG_ON(sizeof(struct sysinfo) != 64);
BUILD_BUG_ON(sizeof(struct rusage) != 72);

#define SI_LOAD_SHIFT	16

/**
 * sys_sysinfo - the machine at a glance: uptime, load, RAM, processes
 * @info: where to put the struct sysinfo
 *
 * The memory fields count pages (mem_unit 4096) unless RAM in bytes fits in
 * 32 bits, as it always does on a 32-bit kernel without PAE: then they are
 * bytes (mem_unit 1), as Linux gives them.  freeram is MemFree: the pcp
 * lists' pages are drained back first, as /proc/meminfo does here.
 * Return: 0, or -EFAULT.
 */
long sys_sysinfo(struct sysinfo __user *info)
{
	struct sysinfo si;
	unsigned int shift = 0, i;

	memset(&si, 0, sizeof(si));
	si.uptime = jiffies / HZ + (jiffies % HZ ? 1 : 0);	/* rounded up, as Linux */
	for (i = 0; i < 3; i++)
		si.loads[i] = avenrun[i] << (SI_LOAD_SHIFT - FSHIFT);
	si.procs = nr_threads();
	drain_all_pages();
	si.totalram = totalram_pages();
	si.freeram = nr_free_pages();
	si.totalhigh = totalhigh_pages();
	si.freehigh = nr_free_highpages();
	si.mem_unit = PAGE_SIZE;
	if (((u64)si.totalram + si.totalswap) << PAGE_SHIFT <= 0xffffffffULL) {
		shift = PAGE_SHIFT;
		si.mem_unit = 1;
	}
	si.totalram <<= shift;
	si.freeram <<= shift;
	si.totalhigh <<= shift;
	si.freehigh <<= shift;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}
