#!/bin/sh
# mkiso.sh KERNEL OUT.iso "CMDLINE" [MODULE...] - a GRUB rescue ISO that
# boots KERNEL by multiboot with CMDLINE, loading each MODULE as a
# multiboot module: a .ko is a kernel module, an ELF executable a program
# to run.  A MODULE may be "FILE ARGS...": the module line's string is then
# the file's name and the arguments, as with QEMU's -initrd ("build/user/segv
# null" runs segv with argv[1] = "null").
set -eu
kernel=$1
out=$2
cmdline=$3
shift 3

dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$dir" "$log"' EXIT
mkdir -p "$dir/boot/grub" "$dir/boot/modules"
cp "$kernel" "$dir/boot/kernel.elf"
{
	echo 'set timeout=0'
	echo 'set default=0'
	echo 'menuentry "mm386" {'
	echo "	multiboot /boot/kernel.elf $cmdline"
	for m in "$@"; do
		file=${m%% *}
		args=${m#"$file"}
		name=$(basename "$file")
		cp "$file" "$dir/boot/modules/$name"
		echo "	module /boot/modules/$name $name$args"
	done
	echo '	boot'
	echo '}'
} > "$dir/boot/grub/grub.cfg"
grub-mkrescue -o "$out" "$dir" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
