#!/bin/sh
# gen_compile_commands.sh DIR OBJDIR "CC CFLAGS" FILE... - print
# compile_commands.json for clangd: one entry per C file, compiled from DIR
# with those flags into OBJDIR.
dir=$1
objdir=$2
cmd=$3
shift 3
printf '[\n'
sep=''
for f in "$@"; do
	o="$objdir/${f%.c}.o"
	printf '%s  {\n    "directory": "%s",\n    "command": "%s -c %s -o %s",\n    "file": "%s"\n  }' \
		"$sep" "$dir" "$(printf '%s' "$cmd" | sed 's/"/\\"/g')" "$f" "$o" "$f"
	sep=',
'
done
printf '\n]\n'
