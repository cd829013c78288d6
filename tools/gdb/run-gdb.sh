#!/bin/sh
# run-gdb.sh KERNEL PORT [QEMU-COMMAND] - what `make gdb` runs.
#
# GDB gets the kernel's symbols, tools/gdb/gdbinit, mm386's helper commands
# (tools/gdb/mm386.py, found from this script's own place, so any O= build
# directory works) and a connection to the QEMU gdbstub on localhost:PORT.
# With a QEMU-COMMAND (make gdb START=1) the script starts that QEMU itself
# and stops it when GDB exits; without one, a QEMU must already be waiting
# (make debug), or the script says so at once instead of timing out.
set -u
kernel=$1
port=$2
qemu_cmd=${3:-}
here=$(cd "$(dirname "$0")" && pwd)

listening() {
	/usr/bin/python3 - "$port" <<'PY'
import socket, sys
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.5).close()
except OSError:
    sys.exit(1)
PY
}

qemu_pid=""
if [ -n "$qemu_cmd" ]; then
	if listening; then
		echo "mm386: something already listens on localhost:$port (a 'make debug'?): stop it, or run 'make gdb' without START=1" >&2
		exit 1
	fi
	sh -c "exec $qemu_cmd" </dev/null &
	qemu_pid=$!
	trap 'kill $qemu_pid 2>/dev/null' EXIT INT TERM
	i=0
	until listening; do
		i=$((i + 1))
		if [ $i -ge 50 ] || ! kill -0 $qemu_pid 2>/dev/null; then
			echo "mm386: the QEMU started for GDB did not open localhost:$port" >&2
			exit 1
		fi
		sleep 0.1
	done
	echo "mm386: started QEMU (halted; its serial output goes to the log named in the Makefile's gdb rule)"
elif ! listening; then
	echo "mm386: no QEMU is waiting for GDB on localhost:$port." >&2
	echo "mm386: run 'make debug' in another terminal first, or 'make gdb START=1' to start one here." >&2
	exit 1
fi

gdb -q -x "$here/gdbinit" -ex "source $here/mm386.py" -ex "target remote localhost:$port" \
	-ex 'echo mm386: connected. Try: hbreak crash_boot, continue, mm-buddyinfo (see docs/gdb.md)\n' \
	"$kernel"
