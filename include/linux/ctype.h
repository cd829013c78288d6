/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctype.h - character classes, as Linux's <linux/ctype.h> (ASCII only).
 *
 * isspace() is the one that matters for the command line: Linux splits
 * parameters on any white space (space, tab, newline, vertical tab, form
 * feed, carriage return), and so does kernel/params.c.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

#endif
