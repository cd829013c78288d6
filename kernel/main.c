// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c - start_kernel(): the order in which mm386 comes up.
 *
 * boot/head.asm turned paging on and jumped here, at 3 GB, on the one
 * kernel stack.  From here the kernel builds itself up in layers:
 *
 *   1. CPU tables and consoles:   gdt_init (and the TSS), task 0, serial and
 *                                 VGA consoles
 *   2. what the loader told us:   setup_arch (memory map, command line)
 *   3. early parameters:          mem=, highmem=, vmalloc=
 *   4. exceptions and interrupts: IDT, 8259 PIC, PIT timer
 *   5. memory management:         mm_init (issue by issue: memblock, paging,
 *                                 zones, buddy, slab, vmalloc, highmem)
 *   6. boot-time work:            demo, modules (and rmmod=), the boot
 *                                 programs (user space: fs/initramfs.c),
 *                                 dump=, crash=, ktest=, bench=
 *   7. poweroff, or the Explorer shell (shell/shell.c) for ever
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <linux/random.h>
#include <linux/errno.h>
#include <linux/mman.h>
#include <asm/desc.h>
#include <asm/setup.h>
#include <asm/processor.h>
#include <mm386/ktest.h>
#include <mm386/dump.h>
#include <mm386/crash.h>
#include <mm386/demo.h>
#include <mm386/init.h>
#include <mm386/shell.h>
#include <mm386/telemetry.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/fs.h>

const char *ktest_list_param;	/* ktest=: the suites run at the end of boot */
u64 boot_ready_tsc;		/* TSC at "ready": boot cost for bench */
static bool poweroff_param;

static int __init ktest_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	ktest_list_param = val;
	return 0;
}
__setup("ktest=", ktest_setup);

static int __init poweroff_setup(char *val)
{
	poweroff_param = true;
	return 0;
}
__setup("poweroff", poweroff_setup);

static void print_banner(void)
{
	pr_notice("mm386 version 0.1 (" __VERSION__ ") - Linux memory management, rebuilt for i386\n");
}

/*
 * What runs once the kernel is up: the parameters' boot-time work.  The
 * modules load after the demo (whose vmalloc() then lands at VMALLOC_START)
 * and before the dumps, so that dump=vmallocinfo,modules shows them, and
 * before the tests, which may look at them.
 */
static void run_boot_work(void)
{
	int failed = 0;

	if (demo_requested())
		demo_run();
	populate_rootfs();
	load_boot_modules();
	run_boot_programs();
	proc_dump_boot();
	crash_boot();
	if (ktest_list_param)
		failed = ktest_run(ktest_list_param);
	if (bench_requested() && bench_run())
		failed = 1;
	telemetry_snapshot("boot");
	if (ktest_list_param || poweroff_param || bench_requested()) {
		pr_info("mm386: powering off (%s)\n", failed ? "tests failed" : "done");
		mm386_power_off(failed ? EXIT_TEST_FAILED : EXIT_BOOT_OK);
	}
}

void __init start_kernel(void)
{
	gdt_init();
	sched_init();
	serial_console_init();
	vga_console_init();
	print_banner();
	setup_arch();
	random_init(boot_tsc ^ rdtsc());	/* per-boot secrets: slab freelist keys */
	parse_early_param();
	parse_args();

	idt_init();
	doublefault_init();
	fpu_init();
	init_8259A();
	mm_init();
	fork_init();
	signals_init();
	mm_memory_init();
	overcommit_init();
	read_persistent_clock();
	time_init();

	system_state = SYSTEM_RUNNING;
	local_irq_enable();
	boot_ready_tsc = rdtsc();
	pr_info("mm386: ready (%llu TSC ticks since _start)\n", boot_ready_tsc - boot_tsc);

	run_boot_work();
	shell_run();
}
