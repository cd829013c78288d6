// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc.c - /proc/PID/maps, /proc/PID/status and /proc/PID/limits in
 * Linux 6.1's formats (fs/proc/task_mmu.c, fs/proc/array.c,
 * fs/proc/base.c), and fault injection's two per-task switches,
 * make-it-fail and fail-nth (fs/proc/base.c).  mm386's
 * processes have one thread each, so /proc/PID/task/PID/ and
 * /proc/thread-self/ hold the same files as /proc/PID/, plus fail-nth,
 * which Linux keeps in the thread's directory only.
 *
 * The text is made into a buffer: a program reads it through
 * open("/proc/self/maps") and read(); the kernel prints the same buffer
 * for dump=maps, dump=status and the shell.  One maps line per VMA:
 *
 *   08048000-08049000 r--p 00000000 00:01 2          /mallocdemo
 *   080f1000-08113000 rw-p 00000000 00:00 0          [heap]
 *
 * start-end, permissions (p: private, s: shared), the file offset, the
 * device and inode of the file (ramfs: 00:01), and the file's path or the
 * VMA's role, padded to column 49 as Linux pads it on 32 bits.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/fault-inject.h>
#include <linux/fs.h>
#include <linux/resource.h>
#include <linux/signal.h>
#include <linux/shmem_fs.h>
#include <mm386/dump.h>

#define PROC_BUF_SIZE	(16 * 1024)
#define PROC_NUMBUF	13	/* a number and its newline */

struct seq_buf {
	char *buf;
	size_t size, len;
};

static __printf(2, 3) void seq_printf(struct seq_buf *s, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	if (s->len < s->size)
		s->len += vsnprintf(s->buf + s->len, s->size - s->len, fmt, args);
	if (s->len > s->size)
		s->len = s->size;
	va_end(args);
}

// Pad the current line to column @col with spaces (seq_pad).
static void seq_pad(struct seq_buf *s, size_t line_start, size_t col)
{
	while (s->len - line_start < col && s->len < s->size)
		s->buf[s->len++] = ' ';
}

/**
 * vma_label - the last column of a maps line: "/FILE", "[heap]", "[stack]",
 * a special mapping's name ("[mm386]"), or "" for anonymous memory
 * @buf: room for a file name (RAMFS_NAME_LEN + 1 bytes)
 * Return: @buf or a constant string.  Allocates nothing (telemetry uses it
 * with interrupts off).
 */
const char *vma_label(const struct vm_area_struct *vma, char *buf, size_t size)
{
	if (vma->vm_file) {
		snprintf(buf, size, "/%s", vma->vm_file->name);
		return buf;
	}
	if (vma->vm_ops && vma->vm_ops->name)
		return vma->vm_ops->name;
	if (vma_is_heap(vma))
		return "[heap]";
	if (vma->vm_start <= vma->vm_mm->start_stack && vma->vm_end >= vma->vm_mm->start_stack)
		return "[stack]";
	return "";
}

static void show_map_vma(struct seq_buf *s, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;
	char file[RAMFS_NAME_LEN + 2];
	const char *label = vma_label(vma, file, sizeof(file));
	size_t start = s->len;
	/* a file's offset, device and inode; shared anonymous memory is a file too */
	unsigned long ino = vma->vm_file ? vma->vm_file->ino : shmem_ino(vma);

	seq_printf(s, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   ino ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0ULL, 0, ino ? 1 : 0, ino);
	if (*label) {
		seq_pad(s, start, 25 + sizeof(void *) * 6 - 1);
		seq_printf(s, "%s", label);
	}
	seq_printf(s, "\n");
}

static void show_maps(struct seq_buf *s, struct task_struct *t)
{
	struct vm_area_struct *vma;

	if (!t->mm)
		return;
	for_each_vma(t->mm, vma)
		show_map_vma(s, vma);
}

#define K(x)	((x) << (PAGE_SHIFT - 10))

static const char *task_state(const struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return "Z (zombie)";
	if (t == current || t->__state == TASK_RUNNING)
		return "R (running)";
	return t->__state == TASK_INTERRUPTIBLE ? "S (sleeping)" : "D (disk sleep)";
}

/*
 * Was the pending signal with information @info sent to the thread
 * (tkill, tgkill, a fault) rather than to the process (kill, sigqueue,
 * SIGCHLD)?  Linux keeps the two in separate sets, SigPnd and ShdPnd;
 * mm386, whose processes have one thread, keeps one, and tells them
 * apart by the first instance's si_code.
 */
static bool sent_to_thread(const struct kernel_siginfo *info)
{
	return info->code == SI_TKILL ||
	       (info->code > 0 && (sigmask(info->signo) & SYNCHRONOUS_MASK));
}

/*
 * status's signal lines (Linux's task_sig()): SigQ, the signals pending
 * in all processes (mm386 has one user) over RLIMIT_SIGPENDING; then
 * pending (to the thread, to the process), blocked, ignored and caught,
 * as 64-bit masks in hex, signal 1 the lowest bit.
 */
static void show_sig_lines(struct seq_buf *s, struct task_struct *t)
{
	sigset_t thread = 0, shared = 0, ignored = 0, caught = 0;
	int sig;

	for (sig = 1; sig <= _NSIG; sig++) {
		__sighandler_t handler = t->sig.action[sig - 1].handler;

		if (t->sig.pending & sigmask(sig)) {
			if (sent_to_thread(&t->sig.pending_info[sig - 1]))
				thread |= sigmask(sig);
			else
				shared |= sigmask(sig);
		}
		if (handler == SIG_IGN)
			ignored |= sigmask(sig);
		else if (handler != SIG_DFL)
			caught |= sigmask(sig);
	}
	seq_printf(s, "SigQ:\t%lu/%llu\n", nr_signals_pending(),
		   task_rlimit(t, RLIMIT_SIGPENDING));
	seq_printf(s, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n", thread, shared,
		   t->sig.blocked);
	seq_printf(s, "SigIgn:\t%016llx\nSigCgt:\t%016llx\n", ignored, caught);
}

static void show_status(struct seq_buf *s, struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	seq_printf(s, "Name:\t%s\nUmask:\t0022\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n",
		   t->comm, task_state(t), t->pid, t->pid, t->parent ? t->parent->pid : 0);
	seq_printf(s, "TracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t%d\n",
		   NR_OPEN_DEFAULT);
	if (mm) {
		unsigned long text, lib, anon = mm->rss_stat[MM_ANONPAGES];
		unsigned long file = mm->rss_stat[MM_FILEPAGES];
		unsigned long shmem = mm->rss_stat[MM_SHMEMPAGES];
		unsigned long hiwater_rss = max(mm->hiwater_rss, get_mm_rss(mm));

		text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
		text = min(text, mm->exec_vm << PAGE_SHIFT);
		lib = (mm->exec_vm << PAGE_SHIFT) - text;
		seq_printf(s, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n",
			   K(max(mm->hiwater_vm, mm->total_vm)), K(mm->total_vm), 0UL, 0UL);
		seq_printf(s, "VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
			   K(hiwater_rss), K(anon + file + shmem), K(anon), K(file), K(shmem));
		seq_printf(s, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n",
			   K(mm->data_vm), K(mm->stack_vm), text >> 10, lib >> 10);
		seq_printf(s, "VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n", mm->pgtables_bytes >> 10, 0UL);
	}
	seq_printf(s, "Threads:\t1\n");
	show_sig_lines(s, t);
	seq_printf(s, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   t->nvcsw, t->nivcsw);
}

/* Linux's resource names and units in /proc/PID/limits, by RLIMIT_ number. */
static const char *const limit_names[RLIM_NLIMITS][2] = {
	[RLIMIT_CPU]		= { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE]		= { "Max file size", "bytes" },
	[RLIMIT_DATA]		= { "Max data size", "bytes" },
	[RLIMIT_STACK]		= { "Max stack size", "bytes" },
	[RLIMIT_CORE]		= { "Max core file size", "bytes" },
	[RLIMIT_RSS]		= { "Max resident set", "bytes" },
	[RLIMIT_NPROC]		= { "Max processes", "processes" },
	[RLIMIT_NOFILE]		= { "Max open files", "files" },
	[RLIMIT_MEMLOCK]	= { "Max locked memory", "bytes" },
	[RLIMIT_AS]		= { "Max address space", "bytes" },
	[RLIMIT_LOCKS]		= { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING]	= { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE]	= { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE]		= { "Max nice priority", NULL },
	[RLIMIT_RTPRIO]		= { "Max realtime priority", NULL },
	[RLIMIT_RTTIME]		= { "Max realtime timeout", "us" },
};

// One limit's column: its value, or "unlimited", left-aligned in 20 columns.
static void show_limit_value(struct seq_buf *s, u64 value)
{
	if (value == RLIM64_INFINITY)
		seq_printf(s, "%-20s ", "unlimited");
	else
		seq_printf(s, "%-20llu ", value);
}

/*
 * /proc/PID/limits (Linux's proc_pid_limits()): a header, then one line per
 * resource, name, soft and hard limit, units, in Linux's column widths.
 */
static void show_limits(struct seq_buf *s, struct task_struct *t)
{
	unsigned int i;

	seq_printf(s, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
	for (i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(s, "%-25s ", limit_names[i][0]);
		show_limit_value(s, task_rlimit(t, i));
		show_limit_value(s, task_rlimit_max(t, i));
		if (limit_names[i][1])
			seq_printf(s, "%-10s", limit_names[i][1]);
		seq_printf(s, "\n");
	}
}

/*
 * proc_pid_text - /proc/PID/@what (maps, status, limits) of task @t into a
 * new buffer, as big as it takes: text that fills the buffer is made again
 * in one twice as big (a process with a few hundred VMAs has maps of more
 * than 16 KB).  Return: the buffer (kvmalloc'ed, @*len bytes),
 * ERR_PTR(-ENOENT) for another @what, or ERR_PTR(-ENOMEM).
 */
char *proc_pid_text(struct task_struct *t, const char *what, size_t *len)
{
	void (*show)(struct seq_buf *s, struct task_struct *t);
	struct seq_buf s = { .size = PROC_BUF_SIZE / 2 };

	if (!strcmp(what, "maps"))
		show = show_maps;
	else if (!strcmp(what, "status"))
		show = show_status;
	else if (!strcmp(what, "limits"))
		show = show_limits;
	else
		return ERR_PTR(-ENOENT);
	do {
		s.size *= 2;
		s.len = 0;
		kvfree(s.buf);
		/* the usual 16 KB: kmalloc, which fails as it is (no vmalloc behind it) */
		s.buf = s.size == PROC_BUF_SIZE ? kmalloc(s.size, GFP_KERNEL) :
						  kvmalloc(s.size, GFP_KERNEL);
		if (!s.buf)
			return ERR_PTR(-ENOMEM);
		show(&s, t);
	} while (s.len == s.size);	/* seq_printf() stops there when it is full */
	*len = s.len;
	return s.buf;
}

ssize_t text_file_read(struct file *f, char __user *buf, size_t count);

static const struct file_operations proc_fops = {
	.read = text_file_read,
	.mode = S_IFREG | 0444,
};

/*
 * The task a switch file was opened for, looked up by its PID at each read
 * and write: a zombie still has its files, a reaped task gives -ESRCH.
 * (Linux holds a struct pid; mm386 hands a PID out again only after 32767
 * others, kernel/fork.c.)
 */
static ssize_t read_switch(struct file *f, char __user *buf, size_t count, bool nth)
{
	struct task_struct *t = find_task_by_pid(f->f_pid);
	char text[PROC_NUMBUF];
	size_t len;

	if (!t)
		return -ESRCH;
	if (nth)
		len = scnprintf(text, sizeof(text), "%u\n", t->fail_nth);
	else
		len = scnprintf(text, sizeof(text), "%i\n", t->make_it_fail);
	return simple_read_from_buffer(buf, count, &f->f_pos, text, len);
}

/*
 * /proc/PID/make-it-fail: "0\n" or "1\n".  With failslab's or
 * fail_page_alloc's task-filter on, only tasks where it is 1 see injected
 * failures; children inherit it and exec keeps it, so
 *
 *   echo 1 > /proc/self/make-it-fail; exec PROGRAM    (user/failcmd.c)
 *
 * tests one program while everything else runs normally.  Linux's rules
 * for a write: at most 12 bytes are looked at (and that count is
 * returned), white space around the number is ignored, the base is C's
 * (0x1 is 1), anything but 0 or 1 is -EINVAL (-ERANGE past INT_MAX).
 */
static ssize_t proc_fault_inject_read(struct file *f, char __user *buf, size_t count)
{
	return read_switch(f, buf, count, false);
}

static ssize_t proc_fault_inject_write(struct file *f, const char __user *buf, size_t count)
{
	char text[PROC_NUMBUF] = "";
	struct task_struct *t;
	int make_it_fail, err;

	count = min(count, sizeof(text) - 1);
	if (copy_from_user(text, buf, count))
		return -EFAULT;
	err = kstrtoint(strim(text), 0, &make_it_fail);
	if (err)
		return err;	/* -EINVAL, or -ERANGE past INT_MAX */
	if (make_it_fail < 0 || make_it_fail > 1)
		return -EINVAL;
	t = find_task_by_pid(f->f_pid);
	if (!t)
		return -ESRCH;
	t->make_it_fail = make_it_fail;
	return count;
}

static const struct file_operations proc_fault_inject_fops = {
	.read = proc_fault_inject_read,
	.write = proc_fault_inject_write,
	.mode = S_IFREG | 0644,
};

/*
 * /proc/PID/task/PID/fail-nth (and /proc/thread-self/fail-nth): write N,
 * and the task's Nth allocation from now fails, whatever the probability
 * (the facilities' knobs still apply: ignore-gfp-wait=N for GFP_KERNEL).
 * A read gives what is left of the count: 0 once the failure happened, so
 * a walker (user/failnth.c, syzkaller) knows when an operation has no
 * allocation left to fail.  Linux's rules for a write: an unsigned number
 * in C's bases, an optional newline after it, nothing else (-EINVAL;
 * -ERANGE past UINT_MAX); the whole count is returned.
 */
static ssize_t proc_fail_nth_read(struct file *f, char __user *buf, size_t count)
{
	return read_switch(f, buf, count, true);
}

static ssize_t proc_fail_nth_write(struct file *f, const char __user *buf, size_t count)
{
	char text[1 + 64 + 1 + 1];	/* Linux's kstrto*_from_user() buffer */
	size_t len = min(count, sizeof(text) - 1);
	struct task_struct *t;
	unsigned int n;
	int err;

	if (copy_from_user(text, buf, len))
		return -EFAULT;
	text[len] = '\0';
	err = kstrtouint(text, 0, &n);
	if (err)
		return err;
	t = find_task_by_pid(f->f_pid);
	if (!t)
		return -ESRCH;
	if (!t->exit_state)	/* a zombie allocates nothing more */
		set_fail_nth(t, n);
	return count;
}

static const struct file_operations proc_fail_nth_fops = {
	.read = proc_fail_nth_read,
	.write = proc_fail_nth_write,
	.mode = S_IFREG | 0644,
};

/*
 * The path component at @p ("1234" of "1234/maps") into @name (@size
 * bytes).  Return: the '/' after it, or NULL if there is none or the
 * component does not fit.
 */
static const char *path_component(const char *p, char *name, size_t size)
{
	const char *slash = strchr(p, '/');

	if (!slash || slash - p >= (long)size)
		return NULL;
	memcpy(name, p, slash - p);
	name[slash - p] = '\0';
	return slash;
}

/*
 * After /proc/PID: "/task/TID/X" is "/X" when TID is PID (each process is
 * one thread); NULL for any other TID.
 */
static const char *tid_dir(const struct task_struct *t, const char *what)
{
	char num[12];
	const char *rest = path_component(what + 6, num, sizeof(num));
	unsigned long tid;

	if (!rest || kstrtoul(num, 10, &tid) || tid != (unsigned long)t->pid)
		return NULL;
	return rest;
}

/*
 * /proc/meminfo, /proc/slabinfo...: the tables dump= prints (kernel/dump.c
 * makes the text).  Return: the file, or NULL with *@err set.
 */
static struct file *proc_global_open(const char *name, long *err)
{
	struct file *f;
	char *text;
	size_t len;

	text = proc_dump_text(name, &len);
	if (IS_ERR(text)) {
		*err = PTR_ERR(text);
		return NULL;
	}
	f = alloc_file(&proc_fops, "/proc");
	if (!f) {
		kvfree(text);
		*err = -ENOMEM;
		return NULL;
	}
	f->f_buf = text;
	f->f_size = len;
	return f;
}

/*
 * proc_open - open /proc/PID/X, /proc/self/X, /proc/PID/task/PID/X or
 * /proc/thread-self/X (X: maps, status, limits, make-it-fail; fail-nth in
 * the thread's directory only, as in Linux), or /proc/meminfo and the
 * other tables of the whole machine.
 */
struct file *proc_open(const char *path, long *err)
{
	const struct file_operations *fops = &proc_fops;
	struct task_struct *t = NULL;
	const char *what;
	bool thread = false;
	struct file *f;
	unsigned long pid;
	char num[12];

	*err = -ENOENT;
	what = path_component(path + 6, num, sizeof(num));	/* after "/proc/" */
	if (!what)
		return proc_global_open(path + 6, err);
	if (!strcmp(num, "self"))
		t = current;
	else if (!strcmp(num, "thread-self")) {
		t = current;
		thread = true;
	} else if (!kstrtoul(num, 10, &pid))
		t = find_task_by_pid(pid);
	if (t && !thread && !strncmp(what, "/task/", 6)) {
		what = tid_dir(t, what);
		thread = true;
	}
	if (!t || !what)
		return NULL;
	if (!strcmp(what, "/make-it-fail"))
		fops = &proc_fault_inject_fops;
	else if (thread && !strcmp(what, "/fail-nth"))
		fops = &proc_fail_nth_fops;
	f = alloc_file(fops, "/proc/PID");	/* @path is the caller's, freed soon */
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->f_pid = t->pid;
	if (fops != &proc_fops)
		return f;	/* a switch: read and written as it is */
	f->f_buf = proc_pid_text(t, what + 1, &f->f_size);
	if (IS_ERR(f->f_buf)) {
		*err = PTR_ERR(f->f_buf);
		f->f_buf = NULL;
		fput(f);
		return NULL;
	}
	return f;
}

/*
 * dump=maps, dump=status: a process's tables are worth seeing while it
 * lives, and the boot's programs are gone by the time the dumps print.  So
 * each process prints its own just before it exits (do_exit calls
 * proc_dump_exit, with the address space still whole), and the dumps at
 * the end of boot show the processes still alive then.
 */
void proc_dump_exit(struct task_struct *t)
{
	if (proc_dump_wanted("maps"))
		print_pid_text(t->pid, "maps");
	if (proc_dump_wanted("status"))
		print_pid_text(t->pid, "status");
}

// The end of boot's dump=maps or dump=status: every live process's.
static void dump_live(const char *what)
{
	struct task_struct *t;
	int n = 0;

	list_for_each_entry(t, &task_list, tasks)
		if (t->mm && !t->exit_state && !print_pid_text(t->pid, what))
			n++;
	if (!n)
		printk("(no live process now; with dump=%s each one printed its own as it exited)\n",
		       what);
}

static void maps_dump(void)
{
	dump_live("maps");
}
proc_dump("maps", maps_dump);

static void status_dump(void)
{
	dump_live("status");
}
proc_dump("status", status_dump);

/* print_pid_text - /proc/PID/@what to the console (dump=, the shell). */
int print_pid_text(pid_t pid, const char *what)
{
	struct task_struct *t = find_task_by_pid(pid);
	size_t len, i;
	char *text;

	if (!t)
		return -ESRCH;
	text = proc_pid_text(t, what, &len);
	if (IS_ERR(text))
		return PTR_ERR(text);
	printk("==> /proc/%d/%s <==\n", pid, what);
	for (i = 0; i < len;) {
		size_t n = strcspn(text + i, "\n");

		printk("%.*s\n", (int)n, text + i);
		i += n + 1;
	}
	kvfree(text);
	return 0;
}
