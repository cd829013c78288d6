#!/bin/sh
# ensure-deps.sh TOOL... - make sure the tools a make target needs exist.
#
# Each TOOL is a command name (or one of the pseudo-tools "pytest",
# "pexpect", "psutil", "compiler-rt").  Missing ones are mapped to their Debian
# packages and installed with apt-get (through sudo when not root); the
# script says what it installs.  Without apt-get it names what is missing
# and fails, so an OSDev toolchain on macOS gets a clear message instead.
set -eu

pkg_for() {
	case "$1" in
	i686-linux-gnu-gcc) echo gcc-i686-linux-gnu ;;
	i686-linux-gnu-ld|i686-linux-gnu-nm|i686-linux-gnu-objcopy) echo binutils-i686-linux-gnu ;;
	nasm) echo nasm ;;
	clang) echo clang ;;
	ld.lld) echo lld ;;
	llvm-nm) echo llvm ;;
	compiler-rt) echo libclang-rt-14-dev ;;
	qemu-system-i386) echo qemu-system-x86 ;;
	grub-mkrescue) echo "grub-common grub-pc-bin" ;;
	xorriso) echo xorriso ;;
	gdb) echo gdb ;;
	pytest) echo python3-pytest ;;
	pexpect) echo python3-pexpect ;;
	free|vmstat|slabtop) echo procps ;;
	psutil) echo python3-psutil ;;
	*) echo "" ;;
	esac
}

have() {
	case "$1" in
	pytest) /usr/bin/python3 -c 'import pytest' 2>/dev/null ;;
	pexpect) /usr/bin/python3 -c 'import pexpect' 2>/dev/null ;;
	psutil) /usr/bin/python3 -c 'import psutil' 2>/dev/null ;;
	compiler-rt)
		f=$(clang --target=i386-linux-gnu -rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null) &&
			[ -f "$f" ] ;;
	grub-mkrescue) command -v grub-mkrescue >/dev/null 2>&1 && [ -d /usr/lib/grub/i386-pc ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

missing=""
pkgs=""
for tool in "$@"; do
	[ -n "$tool" ] || continue
	have "$tool" && continue
	missing="$missing $tool"
	for p in $(pkg_for "$tool"); do
		case " $pkgs " in *" $p "*) ;; *) pkgs="$pkgs $p" ;; esac
	done
done
[ -z "$missing" ] && exit 0

if [ -z "$pkgs" ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "mm386: missing tools:$missing" >&2
	echo "mm386: install them (see README.md, 'Toolchains'), or set CROSS_COMPILE / CC" >&2
	exit 1
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "mm386: missing:$missing"
echo "mm386: installing Debian packages:$pkgs"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $pkgs
for tool in $missing; do
	if ! have "$tool"; then
		echo "mm386: $tool is still missing after installing:$pkgs" >&2
		exit 1
	fi
done
