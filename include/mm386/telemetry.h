/* SPDX-License-Identifier: GPL-2.0 */
/*
 * telemetry.h - JSON snapshots of the allocators on ttyS1 (kernel/telemetry.c),
 * sent when the kernel parameter "telemetry" is given, for the browser
 * playground's live pictures (web/).
 */
#ifndef _MM386_TELEMETRY_H
#define _MM386_TELEMETRY_H

/* Send one snapshot; @why is "boot" or the shell line that just ran. */
void telemetry_snapshot(const char *why);

#endif
