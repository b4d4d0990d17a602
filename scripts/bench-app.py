#!/usr/bin/env python3
"""The real app's figures at a province's size, beside the same app on the small demo:
cold start to the sign-in form, sign-in (the administrator, who reads every board) to an interactive desk, the case list's first page
on screen, scrolling the list to its end, and the memory (RSS) of the app's three
processes (the app, WebKit's web and network processes) with the case list open.

Drives the app under Xvfb through tauri-driver + WebKitWebDriver (plain WebDriver over
HTTP, Python's standard library only). Timing only: it asserts nothing.

    scripts/bench-app [APP_BINARY]   (the wrapper makes the two data folders)
    python3 scripts/bench-app.py APP_BINARY DATA_DIR_SMALL DATA_DIR_LARGE
"""

import json
import os
import signal
import subprocess
import sys
import time
import http.client
import urllib.request

PORT = 4446
BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, body=None, timeout=120):
    data = None if body is None else json.dumps(body).encode()
    # tauri-driver now and then drops a connection without an answer (seen here once in
    # a few runs, at any step): the request is sent again, at most twice.
    for attempt in range(3):
        req = urllib.request.Request(BASE + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read() or b"{}").get("value")
        except (ConnectionError, http.client.RemoteDisconnected):
            if attempt == 2:
                raise
            time.sleep(0.05)


def js(sid, script, args=None):
    return call("POST", f"/session/{sid}/execute/sync", {"script": script, "args": args or []})


def audit_checked(sid):
    """Whether the start's background check of the audit chain has finished."""
    return call("POST", f"/session/{sid}/execute/async", {"script": """
        const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__.invoke('auth_state')
            .then(s => done(!s.audit.checking), () => done(false));""", "args": []})


def until_changed(sid, before, limit=120.0, step=0.005):
    """When the case list's total reads otherwise than `before`, with rows drawn."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if js(sid, """
            const t = document.querySelector('[data-testid=case-total]')?.textContent || '';
            return t !== arguments[0] && document.querySelectorAll('[data-case-number]').length > 0""",
              [before]):
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit("timed out waiting for the search's first page")


def until(sid, script, limit=120.0, step=0.005):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if js(sid, script):
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit(f"timed out waiting for: {script}")


def rss_kib(root_pid):
    """The app and every process under it (WebKit's web and network processes)."""
    pids, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    total, names = 0, []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                fields = dict(l.split(":", 1) for l in f if ":" in l)
            total += int(fields["VmRSS"].split()[0])
            names.append(fields["Name"].strip())
        except (OSError, KeyError):
            pass
    return total, names


def app_pid(binary):
    out = subprocess.run(["pgrep", "-n", "-f", binary], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


def run(binary, data_dir):
    env = dict(os.environ, HEYAT_DATA_DIR=data_dir, HEYAT_NO_VIEWER="1")
    driver = subprocess.Popen(["tauri-driver", "--port", str(PORT)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                call("GET", "/status", timeout=2)
                break
            except Exception:
                time.sleep(0.05)
        t0 = time.perf_counter()
        caps = {"capabilities": {"alwaysMatch": {"tauri:options": {"application": binary}}}}
        sid = None
        for _ in range(50):
            try:
                sid = call("POST", "/session", caps)["sessionId"]
                break
            except Exception:
                time.sleep(0.1)
        t_form = until(sid, "return !!document.querySelector('[data-testid=login-form]')")
        # The audit chain is checked beside the sign-in form; a person typing the password
        # takes longer than the check, so sign-in is measured after it, as a person meets it.
        while not audit_checked(sid):
            time.sleep(0.05)
        t_audit = time.perf_counter()
        js(sid, """
            const set = (el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
            set(document.querySelector('[data-testid=login-form] input[name=username]'), 'admin');
            set(document.querySelector('[data-testid=login-form] input[name=password]'), 'heyat-demo');
            return true""")
        t1 = time.perf_counter()
        js(sid, "document.querySelector('[data-testid=login]').click(); return true")
        t_desk = until(sid, "return !!document.querySelector('[data-testid=desk-counts]')")
        t2 = time.perf_counter()
        js(sid, "document.querySelector('nav button[data-section=cases]').click(); return true")
        t_list = until(sid, "return document.querySelectorAll('[data-case-number]').length > 0")
        total = js(sid, "return document.querySelector('[data-testid=case-total]')?.textContent || ''")
        time.sleep(1.0)
        pid = app_pid(binary)
        rss, names = rss_kib(pid) if pid else (0, [])
        # To the end of the list, and wait for its last rows.
        t3 = time.perf_counter()
        js(sid, "const s = document.querySelector('.scroller'); s.scrollTop = s.scrollHeight; return true")
        t_end = until(sid, """
            const s = document.querySelector('.scroller');
            const rows = [...document.querySelectorAll('[data-case-number]')];
            return rows.length > 0 && s.scrollTop + s.clientHeight >= s.scrollHeight - 2 &&
                   rows[rows.length - 1].getBoundingClientRect().bottom <= s.getBoundingClientRect().bottom + 2""")
        time.sleep(1.0)
        rss_end, _ = rss_kib(pid) if pid else (0, [])
        # A search submitted (Enter, or after the typing pause): its first page on screen.
        t4 = time.perf_counter()
        js(sid, """
            const input = document.querySelector('form[role=search] input[type=search]');
            input.value = 'شهریار'; input.dispatchEvent(new Event('input', {bubbles: true}));
            input.form.requestSubmit(); return true""")
        t_search = until_changed(sid, total)
        call("DELETE", f"/session/{sid}")
        return {
            "start_to_sign_in_form_ms": (t_form - t0) * 1e3,
            "start_to_audit_checked_ms": (t_audit - t0) * 1e3,
            "sign_in_to_desk_ms": (t_desk - t1) * 1e3,
            "cases_first_page_on_screen_ms": (t_list - t2) * 1e3,
            "scroll_to_end_ms": (t_end - t3) * 1e3,
            "search_submitted_to_first_page_ms": (t_search - t4) * 1e3,
            "rss_mib_list_open": rss / 1024,
            "rss_mib_after_scrolling_to_end": rss_end / 1024,
            "processes": names,
            "total_shown": total,
        }
    finally:
        driver.send_signal(signal.SIGTERM)
        driver.wait(timeout=10)


def main():
    binary, small, large = sys.argv[1:4]
    runs = int(os.environ.get("RUNS", "3"))
    results = {}
    for label, data in (("small", small), ("large", large)):
        samples = [run(binary, data) for _ in range(runs)]
        results[label] = samples
    print(f"app: {binary} (median of {runs} starts each)")
    print(f"{'':<34} {'small':>12} {'large':>12}  ratio")
    for key in results["small"][0]:
        if key in ("processes", "total_shown"):
            continue
        a = sorted(s[key] for s in results["small"])[runs // 2]
        b = sorted(s[key] for s in results["large"])[runs // 2]
        print(f"{key:<34} {a:>12.1f} {b:>12.1f}  ×{b / a if a else 0:.2f}")
    print("cases shown:", results["small"][0]["total_shown"], "/", results["large"][0]["total_shown"])
    print("processes measured:", ", ".join(results["large"][0]["processes"]))


if __name__ == "__main__":
    main()
