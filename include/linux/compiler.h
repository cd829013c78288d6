/* SPDX-License-Identifier: GPL-2.0 */
/*
 * compiler.h - attribute shorthands used throughout the kernel.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __always_inline	inline __attribute__((always_inline))
#define noinline	__attribute__((noinline))
#define __noreturn	__attribute__((noreturn))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __section(s)	__attribute__((section(s)))
#define __used		__attribute__((used))
#define __maybe_unused	__attribute__((unused))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define fallthrough	__attribute__((__fallthrough__))	/* a case that goes on into the next */
#define __cold		__attribute__((cold))
#define __weak		__attribute__((weak))
#define __alias(sym)	__attribute__((alias(#sym)))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	__asm__ __volatile__("" ::: "memory")

/*
 * ASM_INPUT_G, ASM_OUTPUT_RM - "g" and "=rm" for gcc, which pushes or pops
 * a spilled value straight from its stack slot.  Clang takes the memory
 * alternative whenever there is one and then goes through memory every
 * time, so it gets "r" (Linux's ASM_INPUT_G and ASM_INPUT_RM, for the same
 * clang weakness).  local_irq_save() and local_irq_restore() use them:
 * with clang, 15 fewer instructions in a one-page vmalloc()+vfree().
 */
#ifdef __clang__
#define ASM_INPUT_G	"r"
#define ASM_OUTPUT_RM	"=r"
#else
#define ASM_INPUT_G	"g"
#define ASM_OUTPUT_RM	"=rm"
#endif

/*
 * OPTIMIZER_HIDE_VAR - the compiler forgets what it knew of @var, so that
 * nothing derived from it is computed before this point.  Linux's macro,
 * here volatile: it also stays inside the branch where it is written.
 */
#define OPTIMIZER_HIDE_VAR(var)	__asm__ __volatile__("" : "=r"(var) : "0"(var))

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
/* A name no other use of the macro in this file has: __UNIQUE_ID_license3 */
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define _RET_IP_	((unsigned long)__builtin_return_address(0))
#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })

#define __user		/* a user-space pointer: never dereference it, use uaccess.h */

/* gcc says -fsanitize=(kernel-)address with __SANITIZE_ADDRESS__; clang has to be asked. */
#if defined(__clang__) && defined(__has_feature)
#if __has_feature(address_sanitizer) && !defined(__SANITIZE_ADDRESS__)
#define __SANITIZE_ADDRESS__ 1
#endif
#endif

#endif
