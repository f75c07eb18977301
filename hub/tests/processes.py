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
    """pids of the single-user server of user/server_name: the server itself,
    not the processes it started (they inherit its environment)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            env = process_env(int(pid))
        except OSError:
            continue
        if env.get("JUPYTERHUB_USER") != user or env.get("JUPYTERHUB_SERVER_NAME") != server_name:
            continue
        found.append(int(pid))
    return [pid for pid in found if parent_pid(pid) not in found]


def parent_pid(pid):
    """The parent of process ``pid`` (from /proc/<pid>/stat), or 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            # the command name (field 2) may hold spaces: split after its ')'
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def process_env(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        raw = f.read()
    env = {}
    for item in raw.split(b"\0"):
        if b"=" in item:
            key, _, value = item.partition(b"=")
            env[key.decode()] = value.decode(errors="replace")
    return env
