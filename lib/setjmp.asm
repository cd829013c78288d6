; lib/setjmp.asm - setjmp/longjmp, so that a failed KT_ASSERT can abandon
; the rest of a test case and return to the test runner (kernel/ktest.c).
;
; jmp_buf holds the callee-saved registers, the stack pointer and the
; return address: [ebx, esi, edi, ebp, esp, eip].

global setjmp, longjmp

section .text
; int setjmp(jmp_buf env): 0 now, longjmp's value later.
setjmp:
	mov eax, [esp + 4]
	mov [eax], ebx
	mov [eax + 4], esi
	mov [eax + 8], edi
	mov [eax + 12], ebp
	lea ecx, [esp + 4]		; the stack pointer after our ret
	mov [eax + 16], ecx
	mov ecx, [esp]			; our return address
	mov [eax + 20], ecx
	xor eax, eax
	ret

; void longjmp(jmp_buf env, int val): return from setjmp again, with val.
longjmp:
	mov edx, [esp + 4]
	mov eax, [esp + 8]
	test eax, eax
	jnz .nonzero
	inc eax				; setjmp must not appear to return 0
.nonzero:
	mov ebx, [edx]
	mov esi, [edx + 4]
	mov edi, [edx + 8]
	mov ebp, [edx + 12]
	mov esp, [edx + 16]
	jmp [edx + 20]
