"""What a spawned server offers its user: python, pip and jupyter on PATH, in a terminal."""

import asyncio
import json
import os
import sys

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from conftest import DEMO_TOKEN, auth, process_env, server_processes

#: where the hub's python, pip and jupyter are (the hub runs with the tests' Python)
ENV_BIN = os.path.dirname(os.path.abspath(sys.executable))


def run_in_terminal(server_url, command, done_marker, token=DEMO_TOKEN, timeout=60):
    """Type ``command`` into a new JupyterLab terminal; its output up to ``done_marker``."""
    r = requests.post(server_url + "api/terminals", headers=auth(token), timeout=30)
    assert r.status_code == 200, r.text
    term = r.json()["name"]
    ws_url = "ws" + server_url[len("http") :] + f"terminals/websocket/{term}"

    async def talk():
        conn = await websocket_connect(HTTPRequest(ws_url, headers=auth(token)))
        await conn.write_message(json.dumps(["stdin", command + "\r"]))
        output = ""
        while done_marker not in output:
            message = await asyncio.wait_for(conn.read_message(), timeout)
            assert message is not None, f"terminal closed; output so far:\n{output}"
            kind, *data = json.loads(message)
            if kind == "stdout":
                output += data[0]
        conn.close()
        return output

    try:
        return asyncio.run(talk())
    finally:
        requests.delete(server_url + f"api/terminals/{term}", headers=auth(token), timeout=30)


def test_python_pip_and_jupyter_in_a_terminal(demo_clean):
    hub = demo_clean
    r = hub.start_server({"name": "terminal"})
    assert r.status_code in (200, 202), r.text
    running = hub.wait_for(r.json()["status_url"], "running")
    name = running["status_url"].rsplit("/", 1)[1]

    # the server process itself, not the helpers it may have started (they
    # inherit its environment)
    (pid,) = server_processes("demo", name)
    assert process_env(pid)["PATH"].split(os.pathsep)[0] == ENV_BIN

    # the shell computes the markers, so the echo of the typed line does not match
    output = run_in_terminal(
        running["next_url"],
        'echo "W=$(command -v python) $(command -v pip) $(command -v jupyter)";'
        " python -c 'print(\"P\" + str(6 * 7))';"
        ' pip --version && jupyter --version > /dev/null && echo "OK-$((40 + 2))";'
        ' echo "DONE-$((6 * 7))"',
        "DONE-42",
    )
    assert f"W={ENV_BIN}/python {ENV_BIN}/pip {ENV_BIN}/jupyter" in output, output
    assert "P42" in output, output
    assert "OK-42" in output, output
    assert "pip " in output and "from " in output, output  # pip --version's line
