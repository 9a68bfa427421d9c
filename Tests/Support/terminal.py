#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, as a person at a terminal would, and reports what it showed.

  terminal.py [--interrupt-after TEXT] -- COMMAND ARG...

With --interrupt-after, SIGINT is sent once TEXT has been shown (Ctrl-C at the keyboard). Prints
JSON: {"status": exit status (128 + N when killed by signal N), "output": everything shown,
"interrupted": whether SIGINT was sent}.
"""
import json
import os
import pty
import signal
import sys


def main():
    arguments = sys.argv[1:]
    marker = None
    if arguments[:1] == ["--interrupt-after"]:
        marker, arguments = arguments[1].encode(), arguments[2:]
    if arguments[:1] == ["--"]:
        arguments = arguments[1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(arguments[0], arguments)
    shown, interrupted = b"", False
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if marker and not interrupted and marker in shown:
            os.kill(pid, signal.SIGINT)
            interrupted = True
    _, status = os.waitpid(pid, 0)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)
    json.dump({"status": code, "output": shown.decode("utf-8", "replace"), "interrupted": interrupted}, sys.stdout)


if __name__ == "__main__":
    main()
