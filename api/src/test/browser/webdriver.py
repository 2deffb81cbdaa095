"""A minimal W3C WebDriver client for chromedriver + headless Chromium (standard library only).

Speaks the WebDriver HTTP protocol (https://www.w3.org/TR/webdriver2/) with urllib: enough to navigate, find
elements, click, type, run scripts, read the browser log and take screenshots.
"""

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
CHROME_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
]
DRIVER_START_SECONDS = 20
REQUEST_TIMEOUT_SECONDS = 60
POLL_SECONDS = 0.2


class WebDriverError(Exception):
    """A command the driver refused; carries the W3C error code."""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _find(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise FileNotFoundError(f"none of {names} is on PATH")


class Browser:
    """One chromedriver process and one headless Chromium session; use as a context manager."""

    def __init__(self, driver=None, binary=None):
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="descent-chromium-")
        self.driver = subprocess.Popen([driver or _find("chromedriver"), f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self._await_driver()
        options = {"binary": binary or _find("chromium", "chromium-browser", "google-chrome"),
                   "args": CHROME_ARGS + [f"--user-data-dir={self.profile}"]}
        capabilities = {"browserName": "chrome", "goog:chromeOptions": options,
                        "goog:loggingPrefs": {"browser": "ALL"}}
        answer = self._call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self.session = f"/session/{answer['sessionId']}"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.quit()

    def _await_driver(self):
        deadline = time.monotonic() + DRIVER_START_SECONDS
        while time.monotonic() < deadline:
            try:
                if self._call("GET", "/status").get("ready"):
                    return
            except (OSError, WebDriverError):
                pass
            time.sleep(POLL_SECONDS)
        raise WebDriverError("chromedriver did not start")

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            value = json.loads(error.read() or b"{}").get("value", {})
            raise WebDriverError(f"{value.get('error')}: {value.get('message', '')[:300]}") from None

    def command(self, method, path, body=None):
        """Sends one WebDriver command of this session (`path` relative to the session)."""
        return self._call(method, self.session + path, body)

    # -- navigation and scripts ------------------------------------------------------------------------------------

    def get(self, url):
        self.command("POST", "/url", {"url": url})

    def execute(self, script, *args):
        """Runs `script` (a function body; `arguments` holds args) in the page and returns its result."""
        return self.command("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script, *args):
        """Runs `script`, which calls its last argument with the result, and returns that result."""
        return self.command("POST", "/execute/async", {"script": script, "args": list(args)})

    def screenshot(self, path):
        with open(path, "wb") as file:
            file.write(base64.b64decode(self.command("GET", "/screenshot")))

    def browser_log(self):
        """The console entries since the last call (chromedriver's log extension)."""
        return self.command("POST", "/se/log", {"type": "browser"}) or []

    # -- elements --------------------------------------------------------------------------------------------------

    def find(self, css):
        """The first element matching `css`, or None."""
        found = self.command("POST", "/elements", {"using": "css selector", "value": css})
        return Element(self, found[0][ELEMENT_KEY]) if found else None

    def click(self, css):
        """Clicks the element matching `css`; False when there is none or it went stale or was not clickable."""
        element = self.find(css)
        if not element:
            return False
        try:
            element.click()
            return True
        except WebDriverError as error:
            if "stale element" in str(error) or "not interactable" in str(error) or "intercepted" in str(error):
                return False
            raise

    def wait_for(self, condition, timeout, message):
        """Polls `condition()` until it returns something truthy; raises AssertionError after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            result = condition()
            if result:
                return result
            if time.monotonic() >= deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {message}")
            time.sleep(POLL_SECONDS)

    def wait_for_element(self, css, timeout=10):
        return self.wait_for(lambda: self.find(css), timeout, css)

    def quit(self):
        try:
            self._call("DELETE", self.session)
        except (OSError, WebDriverError, AttributeError):
            pass
        self.driver.terminate()
        self.driver.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


class Element:
    """A web element reference."""

    def __init__(self, browser, element_id):
        self.browser = browser
        self.path = f"/element/{element_id}"

    def _call(self, method, suffix, body=None):
        return self.browser.command(method, self.path + suffix, body)

    def click(self):
        self._call("POST", "/click", {})
