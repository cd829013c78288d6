/* SPDX-License-Identifier: GPL-2.0 */
/* setjmp.h - non-local return, used only by the test runner. */
#ifndef _MM386_SETJMP_H
#define _MM386_SETJMP_H

typedef unsigned long jmp_buf[6];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));

#endif
