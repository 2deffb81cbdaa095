"""Real-browser test of the Descent dashboard against a running service (standard library only).

    python3 api/src/test/browser/dashboard_test.py --url http://localhost:8080

Drives headless Chromium through chromedriver (see webdriver.py): opens the job list, submits a job through the
form, watches its progress bar move and its loss chart get points, cancels another job from the list, reads a
diverged job's failure, compares two jobs and runs the playground; a check also fails when the page logged a
JavaScript error meanwhile. Saves the job page's screenshot, prints `N passed, M failed` last and exits non-zero
when a check failed.
"""

import argparse
import json
import pathlib
import shutil
import sys
import time
import traceback
import urllib.request

from webdriver import Browser

SUBMITTED_SPEC = {"name": "browser-test-submitted", "epochs": 400}
LONG_SPEC = {"name": "browser-test-cancel", "epochs": 200, "batchSize": 1}
DIVERGING_SPEC = {
    "name": "browser-test-diverges",
    "dataset": {"name": "diabetes"},
    "model": {"layers": [{"type": "dense", "units": 16, "activation": "relu"},
                         {"type": "output", "activation": "identity", "loss": "mse"}]},
    "optimizer": {"type": "sgd", "lr": 1000},
    "epochs": 5,
}
FINISH_SECONDS = 60
WATCH_SECONDS = 120
SCREENSHOT_FRACTION = 30.0
LIVE_SECONDS = 30
MODULE_CHECKS = pathlib.Path(__file__).with_name("module_checks.js").read_text(encoding="utf-8")
MODULE_EXPECTATIONS = {
    "unitsOfSecondLayer": '"units": 3',
    "missingField": '{\n        "units": 4\n      }',
    "groups": [["loss", ["loss", "val_loss@polyak-ema"]], ["accuracy", ["val_accuracy"]], ["lr", ["lr"]]],
    "aligned": [[1, 2, 3], [None, 0.25, None], [None, None, None]],
    "route": {"name": "job", "id": "abc", "query": "x=1"},
    "duration": "1h 02m",
    "values": ["NaN", "1.000e-5", "0.1235"],
}
PROGRESS = "[data-testid=job-progress]"
LOSS_CHART = "[data-testid=chart-loss]"


class DashboardChecks:
    """The checks, in order; later ones use the jobs earlier ones created."""

    def __init__(self, browser, base_url, artifacts, readme_screenshot):
        self.browser = browser
        self.base = base_url.rstrip("/")
        self.artifacts = artifacts
        self.readme_screenshot = readme_screenshot
        self.submitted_id = None
        self.cancelled_id = None

    def checks(self):
        return [self.modules_compute_what_the_views_show, self.job_list_loads_live, self.form_shows_field_errors,
                self.submitted_job_moves_live, self.list_shows_new_job_and_cancels_it,
                self.failed_job_shows_its_reason, self.compare_overlays_both_jobs, self.playground_draws_paths]

    # -- helpers ---------------------------------------------------------------------------------------------------

    def open(self, route):
        self.browser.get(f"{self.base}/#{route}")

    def api(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(f"{self.base}/api/v1{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def attribute(self, css, name):
        return self.browser.execute("return document.querySelector(arguments[0])?.getAttribute(arguments[1]);",
                                    css, name)

    def text(self, css):
        return self.browser.execute("return document.querySelector(arguments[0])?.textContent;", css)

    def click(self, css, timeout=10):
        """Clicks the element like a user; retries when a live update replaced it in between."""
        self.browser.wait_for(lambda: self.browser.click(css), timeout, f"{css} to be clickable")

    def number(self, css, name):
        value = self.attribute(css, name)
        return float(value) if value not in (None, "") else None

    def set_editor(self, spec):
        self.browser.execute("document.querySelector('[data-testid=spec-editor]').value = arguments[0];",
                             json.dumps(spec, indent=2))

    def editor_spec(self):
        text = self.browser.wait_for(
            lambda: self.browser.execute("return document.querySelector('[data-testid=spec-editor]')?.value;"),
            15, "the editor to be pre-filled from /api/v1/examples")
        return json.loads(text)

    def save_screenshot(self, name):
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.browser.screenshot(self.artifacts / name)
        return self.artifacts / name

    # -- checks ----------------------------------------------------------------------------------------------------

    def modules_compute_what_the_views_show(self):
        """The pure modules, imported as served: pointer spans, metric groups, merged series, routes, formats."""
        self.open("/")
        results = self.browser.execute_async(MODULE_CHECKS)
        for key, expected in MODULE_EXPECTATIONS.items():
            assert results.get(key) == expected, f"{key}: expected {expected!r}, got {results.get(key)!r} {results}"

    def job_list_loads_live(self):
        self.open("/")
        self.browser.wait_for_element("[data-testid=job-list]")
        self.browser.wait_for(lambda: self.attribute("[data-testid=live-indicator]", "data-mode") == "live",
                              10, "the job list's event stream to connect")

    def form_shows_field_errors(self):
        self.open("/submit")
        spec = self.editor_spec()
        spec["optimizer"] = {"type": "adam", "lr": -1}
        self.set_editor(spec)
        self.click("[data-testid=submit-job]")
        item = '[data-testid=field-errors] li[data-pointer="/optimizer/lr"]'
        self.browser.wait_for_element(item)
        assert "/optimizer/lr" in self.text(item), self.text(item)
        self.click(f"{item} button")
        selected = self.browser.execute(
            "const e = document.querySelector('[data-testid=spec-editor]');"
            "return e.value.slice(e.selectionStart, e.selectionEnd);")
        assert selected.replace(" ", "") == '"lr":-1', f"the pointer selected {selected!r}"

    def submitted_job_moves_live(self):
        self.open("/")
        self.click("[data-testid=new-job]")
        self.set_editor(dict(self.editor_spec(), **SUBMITTED_SPEC))
        self.click("[data-testid=submit-job]")
        self.browser.wait_for(lambda: self.browser.execute("return location.hash;").startswith("#/jobs/"),
                              15, "the job page after submitting")
        self.submitted_id = self.browser.execute("return location.hash;").split("/")[2]
        progress, points = self.watch_progress_and_points()
        assert len(set(progress)) >= 2 and progress[-1] > progress[0], f"progress never moved: {progress[:20]}"
        assert points[-1] > points[0], f"the loss chart got no points while watched: {points[0]} → {points[-1]}"
        self.click("#log-scale")
        self.browser.wait_for(lambda: (self.number(LOSS_CHART, "data-points") or 0) > 0, 5, "points on a log scale")
        time.sleep(0.5)
        shot = self.save_screenshot("dashboard-job.png")
        if self.readme_screenshot:
            self.readme_screenshot.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, self.readme_screenshot)
        self.click("#log-scale")

    def watch_progress_and_points(self):
        """Samples the progress bar and the loss chart until both moved and the job is well under way."""
        self.browser.wait_for_element(PROGRESS, 15)
        progress, points = [], []
        deadline = time.monotonic() + WATCH_SECONDS
        while time.monotonic() < deadline:
            progress.append(self.number(PROGRESS, "aria-valuenow") or 0.0)
            points.append(self.number(LOSS_CHART, "data-points") or 0.0)
            moved = len(set(progress)) >= 3 and points[-1] > points[0]
            if (moved and progress[-1] >= SCREENSHOT_FRACTION) or progress[-1] >= 100:
                break
            time.sleep(0.3)
        return progress, points

    def list_shows_new_job_and_cancels_it(self):
        self.open("/")
        self.browser.wait_for_element("[data-testid=job-list]")
        self.browser.wait_for(lambda: self.attribute("[data-testid=live-indicator]", "data-mode") == "live",
                              10, "the job list's event stream to connect")
        spec = dict(self.api("GET", "/examples")["items"][0]["spec"], **LONG_SPEC)
        self.cancelled_id = self.api("POST", "/jobs", spec)["id"]
        button = f"[data-testid=cancel-{self.cancelled_id}]"
        self.browser.wait_for_element(button, LIVE_SECONDS)
        self.click(button)
        status = f"[data-testid=job-status-{self.cancelled_id}]"
        self.browser.wait_for(lambda: self.text(status) == "CANCELLED", LIVE_SECONDS,
                              "the cancelled job's row to say CANCELLED")

    def failed_job_shows_its_reason(self):
        job_id = self.api("POST", "/jobs", DIVERGING_SPEC)["id"]
        self.open(f"/jobs/{job_id}")
        self.browser.wait_for(lambda: "DIVERGED" in (self.text("[data-testid=job-failure]") or ""), FINISH_SECONDS,
                              "the failure reason of a diverging job")
        self.click("#log-scale")
        self.browser.wait_for(lambda: (self.number(LOSS_CHART, "data-points") or 0) > 0, 5, "the diverging loss")

    def compare_overlays_both_jobs(self):
        ids = ",".join(i for i in (self.submitted_id, self.cancelled_id) if i)
        self.open(f"/compare?ids={ids}&metric=loss")
        chart = "[data-testid=compare-chart]"
        self.browser.wait_for(lambda: (self.number(chart, "data-points") or 0) > 0, 15, "points on the compare chart")
        series = self.browser.execute(f"return document.querySelectorAll('{chart} .u-legend .u-series').length;")
        assert series == 1 + len(ids.split(",")), f"expected one legend entry per job plus x, got {series}"

    def playground_draws_paths(self):
        self.open("/playground")
        self.click("[data-testid=pg-run]")
        items = self.browser.wait_for(
            lambda: self.browser.execute("return [...document.querySelectorAll('[data-testid=pg-legend] li')]"
                                         ".map(li => [li.dataset.points, li.textContent]);"),
            30, "the playground's paths")
        empty = [text for points, text in items if int(points) < 2]
        assert not empty, f"paths without points: {empty}"

    def assert_console_clean(self):
        """Fails on JavaScript errors logged since the last call (failed requests are the checks' business)."""
        errors = [entry["message"] for entry in self.browser.browser_log()
                  if entry.get("level") == "SEVERE" and entry.get("source") != "network"]
        assert not errors, f"JavaScript errors in the console: {errors}"


def run(args):
    passed = failed = 0
    readme = pathlib.Path(args.readme_screenshot) if args.readme_screenshot else None
    with Browser() as browser:
        suite = DashboardChecks(browser, args.url, pathlib.Path(args.artifacts), readme)
        for check in suite.checks():
            try:
                check()
                suite.assert_console_clean()
                passed += 1
                print(f"PASS {check.__name__}", flush=True)
            except Exception:  # a failed check is reported and the others still run
                failed += 1
                print(f"FAIL {check.__name__}\n{traceback.format_exc()}", flush=True)
                suite.save_screenshot(f"dashboard-failed-{check.__name__}.png")
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the running service, e.g. http://localhost:8080")
    parser.add_argument("--artifacts", default="target", help="folder for the screenshots")
    parser.add_argument("--readme-screenshot", help="where a copy of the job page's screenshot goes")
    args = parser.parse_args()
    try:
        passed, failed = run(args)
    except Exception:  # the browser itself did not start
        traceback.print_exc()
        passed, failed = 0, 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
