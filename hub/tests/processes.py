"""Processes below a hub's state dir, and the single-user server of a user/server."""

import os
import signal


def kill_processes_below(directory):
    """Kill every process whose working directory is below `directory` (spawned servers)."""
    directory = os.path.realpath(directory)
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cwd = os.path.realpath(os.readlink(f"/proc/{pid}/cwd"))
        except OSError:
            continue
        if cwd == directory or cwd.startswith(directory + os.sep):
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass


def server_processes(user, server_name):
    """pids of the single-user server process of user/server_name."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            env = process_env(int(pid))
        except OSError:
            continue
        if env.get("JUPYTERHUB_USER") == user and env.get("JUPYTERHUB_SERVER_NAME") == server_name:
            found.append(int(pid))
    return found


def process_env(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        raw = f.read()
    env = {}
    for item in raw.split(b"\0"):
        if b"=" in item:
            key, _, value = item.partition(b"=")
            env[key.decode()] = value.decode(errors="replace")
    return env
