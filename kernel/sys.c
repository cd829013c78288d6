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
 * advanced by jiffies (HZ = 100); CLOCK_MONOTONIC is jiffies since boot.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/irqflags.h>
#include <linux/fs.h>
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

#define RLIMIT_CPU	0
#define RLIMIT_DATA	2
#define RLIMIT_STACK	3
#define RLIM_NLIMITS	16
#define RLIM_INFINITY	(~0UL)

static unsigned long long rlimit_cur(unsigned int resource)
{
	if (resource == RLIMIT_STACK)
		return STACK_RLIMIT;
	if (resource == 4 /* RLIMIT_CORE */)
		return 0;
	if (resource == 7 /* RLIMIT_NOFILE */)
		return NR_OPEN_DEFAULT;
	return ~0ULL;
}

long sys_getrlimit(unsigned int resource, u32 __user *rlim)
{
	u32 r[2];

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	r[0] = min_t(unsigned long long, rlimit_cur(resource), RLIM_INFINITY);
	r[1] = resource == 7 ? r[0] : RLIM_INFINITY;
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
		r[0] = rlimit_cur(resource);
		r[1] = resource == 7 ? r[0] : ~0ULL;
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

#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	1
#define MAX_CLOCKS	16

// Now on @clock, in seconds and nanoseconds; -EINVAL for an unknown clock.
static int clock_now(int clock, u64 *sec, u32 *nsec)
{
	u64 j = jiffies;

	if (clock < 0 || clock >= MAX_CLOCKS || clock == 10 || clock == 3 || clock == 2)
		return -EINVAL;
	*sec = j / HZ + (clock == CLOCK_REALTIME || clock == 8 || clock == 11 ? boot_epoch : 0);
	*nsec = (j % HZ) * (1000000000 / HZ);
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

// Sleep for @sec seconds and @nsec nanoseconds (rounded up to a tick).
static long do_nanosleep(u64 sec, u64 nsec)
{
	unsigned long flags, deadline;
	int err;

	if (nsec >= 1000000000)
		return -EINVAL;
	deadline = jiffies + (unsigned long)(sec * HZ + DIV_ROUND_UP(nsec, 1000000000 / HZ)) + 1;
	local_irq_save(flags);
	err = wait_event_interruptible_irqoff(&sleep_wq, deadline_passed, &deadline);
	local_irq_restore(flags);
	return err;	/* -EINTR: killed while asleep */
}

long sys_nanosleep_time32(const s32 __user *rqtp, s32 __user *rmtp)
{
	s32 t[2];

	if (copy_from_user(t, rqtp, sizeof(t)))
		return -EFAULT;
	if (t[0] < 0 || t[1] < 0)
		return -EINVAL;
	return do_nanosleep(t[0], t[1]);
}

// clock_nanosleep on @clock until (TIMER_ABSTIME in @flags) or for @t (sec, nsec).
static long do_clock_nanosleep(int clock, int flags, const s64 t[2])
{
	u64 sec;
	u32 nsec;

	if (clock_now(clock, &sec, &nsec))
		return -EINVAL;
	if (t[0] < 0 || t[1] < 0 || t[1] >= 1000000000)
		return -EINVAL;
	if (flags & 1) {	/* TIMER_ABSTIME */
		s64 now = sec * 1000000000LL + nsec, then = t[0] * 1000000000LL + t[1];

		if (then <= now)
			return 0;
		return do_nanosleep((then - now) / 1000000000, (then - now) % 1000000000);
	}
	return do_nanosleep(t[0], t[1]);
}

long sys_clock_nanosleep_time64(int clock, int flags, const s64 __user *rqtp, s64 __user *rmtp)
{
	s64 t[2];
	u64 sec;
	u32 nsec;

	if (clock_now(clock, &sec, &nsec))
		return -EINVAL;
	if (copy_from_user(t, rqtp, sizeof(t)))
		return -EFAULT;
	return do_clock_nanosleep(clock, flags, t);
}

/* clock_nanosleep with the old 32-bit struct timespec (glibc's fallback). */
long sys_clock_nanosleep_time32(int clock, int flags, const s32 __user *rqtp, s32 __user *rmtp)
{
	s32 t32[2];
	s64 t[2];
	u64 sec;
	u32 nsec;

	if (clock_now(clock, &sec, &nsec))
		return -EINVAL;
	if (copy_from_user(t32, rqtp, sizeof(t32)))
		return -EFAULT;
	t[0] = t32[0];
	t[1] = t32[1];
	return do_clock_nanosleep(clock, flags, t);
}
