; boot/multiboot.asm - the multiboot v1 header.
;
; GRUB and QEMU's -kernel loader scan the first 8 KB of the image for this
; magic.  Flag bit 0 asks for page-aligned modules (insmod later maps them
; page by page), bit 1 asks for the memory map that memblock is built from.
; We give no address fields (bit 16 clear): the loaders read our ELF
; program headers instead, which carry the physical load addresses.

MULTIBOOT_MAGIC		equ 0x1BADB002
MULTIBOOT_PAGE_ALIGN	equ 1 << 0
MULTIBOOT_MEMORY_INFO	equ 1 << 1
MULTIBOOT_FLAGS		equ MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO

section .multiboot progbits alloc noexec nowrite align=4
align 4
	dd MULTIBOOT_MAGIC
	dd MULTIBOOT_FLAGS
	dd -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
