# Copyright 2026 ITSS O&M suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshot Odoo pages as a given user with headless Chromium (for README and reviews).

Usage: python3 scripts/screenshot.py URL DB LOGIN PASSWORD OUT.png [PATH ...]
Logs in through /web/session/authenticate, hands the session cookie to Chromium over the
DevTools protocol, opens each PATH (e.g. "/odoo/action-itss_capability.itss_kpi_value_action")
and writes OUT.png (OUT-2.png, ... for further paths). Needs Debian's chromium and the
websocket-client package.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar

import websocket


def login(base, db, login_name, password):
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    payload = json.dumps({"jsonrpc": "2.0", "params": {"db": db, "login": login_name, "password": password}})
    request = urllib.request.Request(
        base + "/web/session/authenticate", payload.encode(), {"Content-Type": "application/json"}
    )
    answer = json.load(opener.open(request, timeout=30))
    if answer.get("error"):
        raise SystemExit(f"login failed: {answer['error']}")
    return next(c.value for c in jar if c.name == "session_id")


def main(base, db, login_name, password, out, *paths):
    session = login(base, db, login_name, password)
    port = int(os.environ.get("SHOT_PORT", "9333"))  # another free port when several run at once
    profile = tempfile.mkdtemp()
    chrome = subprocess.Popen([
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
        "--window-size=1440,900", "about:blank",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2))
                break
            except OSError:
                time.sleep(0.2)
        page = next(t for t in targets if t["type"] == "page")
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60,
                                         suppress_origin=True)
        counter = iter(range(1, 10**6))

        def call(method, **params):
            msg_id = next(counter)
            ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == msg_id:
                    return msg.get("result", {})

        call("Network.enable")
        call("Network.setCookie", name="session_id", value=session, url=base)
        call("Emulation.setDeviceMetricsOverride", width=1440, height=900, deviceScaleFactor=1, mobile=False)
        for index, path in enumerate(paths or ["/odoo"]):
            call("Page.navigate", url=base + path)
            time.sleep(float(os.environ.get("SHOT_WAIT", "6")))
            shot = call("Page.captureScreenshot", format="png")
            target = out if index == 0 else out.replace(".png", f"-{index + 1}.png")
            with open(target, "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))
            print(target)
        ws.close()
    finally:
        chrome.terminate()


if __name__ == "__main__":
    main(*sys.argv[1:])
