// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/power.c - leaving QEMU with a status.
 *
 * The isa-debug-exit device ends QEMU with status (value << 1) | 1, which
 * is how a test run reports pass, fail or oops to the shell.  Without that
 * device (real hardware, or a QEMU started without it) we try QEMU's ACPI
 * power-off ports and then halt for good.
 */
#include <linux/kernel.h>
#include <linux/reboot.h>
#include <linux/irqflags.h>
#include <asm/io.h>

#define ISA_DEBUG_EXIT_PORT	0xf4
#define QEMU_ACPI_PM1A_CNT	0x604	/* PIIX4 power management, QEMU >= 2.0 */
#define ACPI_SLP_EN_S5		0x2000

void __noreturn mm386_power_off(unsigned int value)
{
	local_irq_disable();
	outl(value, ISA_DEBUG_EXIT_PORT);
	outw(ACPI_SLP_EN_S5, QEMU_ACPI_PM1A_CNT);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}
