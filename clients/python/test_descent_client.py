"""Tests of descent_client against a running Descent service (standard library only).

    DESCENT_URL=http://localhost:8080 DESCENT_API_KEY=dsk_… python3 clients/python/test_descent_client.py -v

The service's URL comes from the environment variable DESCENT_URL, the API key from DESCENT_API_KEY; without them
every test fails.
"""

import contextlib
import hashlib
import importlib.util
import io
import json
import math
import os
import pathlib
import tempfile
import time
import unittest
import zipfile

from descent_client import Client, DescentError

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
IRIS_EXAMPLE = REPO_ROOT / "examples" / "iris-mlp.json"
JOB_TIMEOUT_SECONDS = 300
LONG_JOB_EPOCHS = 5000
RESUME_AFTER_POINTS = 100
STUDY_EPOCHS = 3
STUDY_ARMS = [{"name": "adam", "set": {"/optimizer": {"type": "adam", "lr": 0.01}}},
              {"name": "sgd", "set": {"/optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9}}}]


def service_url():
    url = os.environ.get("DESCENT_URL")
    if not url:
        raise RuntimeError("set DESCENT_URL to the base URL of a running Descent service")
    return url


def iris_spec(client):
    """The iris example: the repository's file, else the service's copy of it."""
    if IRIS_EXAMPLE.exists():
        return json.loads(IRIS_EXAMPLE.read_text(encoding="utf-8"))
    return client.examples()["iris-mlp"]


class IrisJobTests(unittest.TestCase):
    """One iris job, submitted from the example file and run to completion once for the class."""

    @classmethod
    def setUpClass(cls):
        cls.client = Client(service_url())
        cls.job = cls.client.submit(IRIS_EXAMPLE if IRIS_EXAMPLE.exists() else iris_spec(cls.client))
        cls.progress = io.StringIO()
        with contextlib.redirect_stderr(cls.progress):
            cls.finished = cls.client.wait(cls.job["id"], timeout=JOB_TIMEOUT_SECONDS, poll=0.5)

    def test_job_succeeds_with_progress_line(self):
        self.assertEqual(self.job["status"], "QUEUED")
        self.assertEqual(self.finished["status"], "SUCCEEDED", self.finished.get("failure"))
        self.assertEqual(self.finished["progress"]["epoch"], self.finished["spec"]["epochs"])
        self.assertIn("100.0%", self.progress.getvalue())
        self.assertIn("SUCCEEDED", self.progress.getvalue())

    def test_get_and_list_see_the_job(self):
        self.assertEqual(self.client.get(self.job["id"])["id"], self.job["id"])
        succeeded = self.client.list(status="SUCCEEDED", size=200)
        self.assertIn(self.job["id"], [job["id"] for job in succeeded])
        self.assertTrue(all(job["status"] == "SUCCEEDED" for job in succeeded))
        self.assertTrue(all("spec" not in job for job in succeeded))
        full = self.client.list(status="SUCCEEDED", size=200, view="full")
        self.assertEqual([job["id"] for job in full], [job["id"] for job in succeeded])
        self.assertTrue(all("spec" in job and "timeline" in job for job in full))

    def test_metrics_hold_every_documented_series(self):
        series = self.client.metrics(self.job["id"])
        for name in ("loss", "grad_norm", "lr", "train_loss", "val_loss", "val_accuracy"):
            self.assertIn(name, series)
        steps = [point["step"] for point in series["loss"]]
        self.assertEqual(steps, sorted(steps))
        self.assertTrue(all(math.isfinite(point["value"]) for point in series["loss"]))
        self.assertLess(series["val_loss"][-1]["value"], series["val_loss"][0]["value"])

    def test_metrics_are_downsampled_keeping_first_and_last(self):
        full = self.client.metrics(self.job["id"], names=["loss"], max_points=100000)["loss"]
        small = self.client.metrics(self.job["id"], names=["loss"], max_points=10)
        self.assertEqual(list(small), ["loss"])
        self.assertLessEqual(len(small["loss"]), 10)
        self.assertEqual(small["loss"][0]["step"], full[0]["step"])
        self.assertEqual(small["loss"][-1]["step"], full[-1]["step"])

    def test_metrics_frame_is_a_dataframe_or_names_pandas(self):
        if importlib.util.find_spec("pandas") is None:
            with self.assertRaisesRegex(ImportError, "pandas"):
                self.client.metrics_frame(self.job["id"])
            return
        frame = self.client.metrics_frame(self.job["id"], names=["loss"])
        self.assertEqual(list(frame.columns), ["name", "step", "epoch", "value", "min", "max"])
        self.assertEqual(set(frame["name"]), {"loss"})

    def test_event_stream_resumes_after_last_event_id_exactly_once(self):
        first = []
        stream = self.client.events(self.job["id"])
        for event in stream:
            if event["event"] == "metric":
                first.append(event)
            if len(first) == RESUME_AFTER_POINTS:
                break
        stream.close()
        resumed = list(self.client.events(self.job["id"], last_event_id=first[-1]["id"]))
        self.assertEqual(resumed[-1]["event"], "end")
        points = [(e["data"]["name"], e["data"]["step"]) for e in first + resumed if e["event"] == "metric"]
        self.assertEqual(len(points), len(set(points)), "a point arrived twice")
        history = self.client.metrics(self.job["id"], max_points=100000)
        self.assertEqual(set(points), {(name, p["step"]) for name, series in history.items() for p in series})

    def test_final_checkpoint_downloads_with_its_sha256(self):
        checkpoints = self.client.checkpoints(self.job["id"])
        final = [c for c in checkpoints if c["kind"] == "final"]
        self.assertEqual(len(final), 1, checkpoints)
        with tempfile.TemporaryDirectory() as folder:
            path = self.client.download_checkpoint(self.job["id"], final[0]["id"], pathlib.Path(folder, "final.zip"))
            content = pathlib.Path(path).read_bytes()
            self.assertEqual(hashlib.sha256(content).hexdigest(), final[0]["sha256"])
            self.assertEqual(len(content), final[0]["sizeBytes"])
            self.assertTrue(zipfile.is_zipfile(path))

    def test_predict_reproduces_validation_scores_and_answers_probabilities(self):
        scored = self.client.predict(self.job["id"], split="validation")
        metrics = self.finished["latestMetrics"]
        self.assertAlmostEqual(scored["accuracy"], metrics["val_accuracy"], places=9)
        self.assertAlmostEqual(scored["loss"], metrics["val_loss"], places=6)
        given = self.client.predict(self.job["id"], inputs=[[5.1, 3.5, 1.4, 0.2]])
        self.assertAlmostEqual(sum(given["outputs"][0]), 1.0, places=5)
        with self.assertRaises(DescentError) as raised:
            self.client.predict(self.job["id"], inputs=[[1.0, 2.0]])
        self.assertEqual(raised.exception.problem["status"], 422)


def study_body(client, name, epochs=STUDY_EPOCHS, **fields):
    """A study of the iris example: two arms (adam, sgd with momentum) and two seeds unless ``fields`` say else."""
    base = dict(iris_spec(client), epochs=epochs)
    return dict({"name": name, "base": base, "arms": STUDY_ARMS, "seeds": [1, 2], "maxConcurrent": 4}, **fields)


def as_records(frame):
    """study_frame's answer as a list of dicts, whether or not pandas is installed."""
    return frame if isinstance(frame, list) else frame.to_dict("records")


class StudyTests(unittest.TestCase):
    """A tiny study on iris (2 arms × 2 seeds, 3 epochs), created and waited for once for the class."""

    @classmethod
    def setUpClass(cls):
        cls.client = Client(service_url())
        cls.created = cls.client.create_study(study_body(cls.client, "client-test-study"))
        cls.progress = io.StringIO()
        with contextlib.redirect_stderr(cls.progress):
            cls.finished = cls.client.wait_study(cls.created["id"], timeout=JOB_TIMEOUT_SECONDS, poll=0.5)

    def test_study_succeeds_with_progress_line(self):
        self.assertEqual(self.created["status"], "RUNNING")
        self.assertEqual(self.finished["status"], "SUCCEEDED")
        self.assertEqual(self.finished["counts"], {"SUCCEEDED": 4})
        self.assertIn("4/4 trials ended", self.progress.getvalue())

    def test_study_and_studies_read_it(self):
        study = self.client.study(self.created["id"])
        self.assertEqual([(t["arm"], t["seed"]) for t in study["trials"]],
                         [("adam", 1), ("sgd", 1), ("adam", 2), ("sgd", 2)])
        listed = {s["id"]: s for s in self.client.studies(size=200)}
        self.assertIn(self.created["id"], listed)
        self.assertEqual(listed[self.created["id"]]["counts"], {"SUCCEEDED": 4})

    def test_job_list_filters_by_study(self):
        trials = {t["jobId"] for t in self.finished["trials"]}
        jobs = self.client.list(study=self.created["id"], size=200)
        self.assertEqual({job["id"] for job in jobs}, trials)
        self.assertTrue(all(job["studyId"] == self.created["id"] for job in jobs))
        self.assertEqual(self.client.list(study=self.created["id"], status="FAILED"), [])

    def test_study_frame_spreads_the_summary(self):
        rows = as_records(self.client.study_frame(self.created["id"]))
        summary = self.finished["summary"]
        self.assertEqual([row["arm"] for row in rows], ["adam", "sgd"])
        for row, expected in zip(rows, summary):
            self.assertEqual(row["final_n"], 2)
            self.assertEqual(row["final_mean"], expected["final"]["mean"])
            self.assertEqual(row["best_sd"], expected["best"]["sd"])
            self.assertEqual(row["/optimizer"]["type"], row["arm"])
        self.assertEqual(rows[1]["pairedDifference_n"], 2)
        paired = rows[1]["final_mean"] - rows[0]["final_mean"]  # every seed has both arms: the means' difference
        self.assertAlmostEqual(rows[1]["pairedDifference_mean"], paired, places=9)

    def test_cancel_study_cancels_its_trials(self):
        body = study_body(self.client, "client-test-study-cancel", epochs=LONG_JOB_EPOCHS, maxConcurrent=1)
        study = self.client.create_study(body)
        self.assertEqual(self.client.cancel_study(study["id"])["status"], "CANCELLED")
        self.assertEqual(self.client.wait_study(study["id"], progress=False)["status"], "CANCELLED")
        for trial in study["trials"]:
            finished = self.client.wait(trial["jobId"], progress=False, timeout=JOB_TIMEOUT_SECONDS)
            self.assertEqual(finished["status"], "CANCELLED")

    def test_bad_study_raises_with_pointer(self):
        body = study_body(self.client, "client-test-study-bad", arms=[{"name": "bad", "set": {"/optimizer/lr": -1}}])
        with self.assertRaises(DescentError) as caught:
            self.client.create_study(body)
        self.assertEqual(caught.exception.status, 422)
        self.assertIn("/arms/0/set/~1optimizer~1lr", [e["pointer"] for e in caught.exception.errors])


class ApiKeyTests(unittest.TestCase):
    """The key comes from api_key= or DESCENT_API_KEY and is sent as a bearer token; a bad one is a 401."""

    def test_the_key_comes_from_the_environment_or_the_argument(self):
        key = os.environ.get("DESCENT_API_KEY")
        if not key:
            raise RuntimeError("set DESCENT_API_KEY to a key of the running Descent service")
        self.assertEqual(Client(service_url()).api_key, key)
        self.assertEqual(Client(service_url(), api_key="dsk_other").api_key, "dsk_other")
        self.assertIn("iris-mlp", Client(service_url(), api_key=key).examples())

    def test_a_wrong_key_is_refused_with_401(self):
        with self.assertRaises(DescentError) as caught:
            Client(service_url(), api_key="dsk_abcdefgh_" + "x" * 43).examples()
        self.assertEqual(caught.exception.status, 401)
        self.assertTrue(caught.exception.type.endswith("/unauthorized"), caught.exception.type)


class ClientErrorTests(unittest.TestCase):
    """Refusals arrive as DescentError with the problem document."""

    @classmethod
    def setUpClass(cls):
        cls.client = Client(service_url())

    def test_bad_spec_raises_with_pointer(self):
        spec = iris_spec(self.client)
        spec["optimizer"] = {"type": "adam", "lr": -1}
        with self.assertRaises(DescentError) as caught:
            self.client.submit(spec)
        error = caught.exception
        self.assertEqual(error.status, 422)
        self.assertTrue(error.type.endswith("/invalid-spec"), error.type)
        self.assertIn("/optimizer/lr", [e["pointer"] for e in error.errors])
        self.assertIn("/optimizer/lr", str(error))

    def test_unknown_job_raises_not_found(self):
        with self.assertRaises(DescentError) as caught:
            self.client.get("00000000-0000-0000-0000-000000000000")
        self.assertEqual(caught.exception.status, 404)
        self.assertTrue(caught.exception.type.endswith("/not-found"))

    def test_cancel_stops_a_long_job(self):
        spec = dict(iris_spec(self.client), name="client-test-cancel", epochs=LONG_JOB_EPOCHS)
        job = self.client.submit(spec)
        self.assertIn(self.client.cancel(job["id"])["status"], {"CANCELLING", "CANCELLED"})
        finished = self.client.wait(job["id"], progress=False, timeout=JOB_TIMEOUT_SECONDS)
        self.assertEqual(finished["status"], "CANCELLED")

    def test_pause_and_unpause_a_long_job(self):
        spec = dict(iris_spec(self.client), name="client-test-pause", epochs=LONG_JOB_EPOCHS)
        job = self.client.submit(spec)
        self.assertIn(self.client.pause(job["id"])["status"], {"PAUSING", "PAUSED"})
        deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
        while self.client.get(job["id"])["status"] == "PAUSING" and time.monotonic() < deadline:
            time.sleep(0.1)
        self.assertEqual(self.client.get(job["id"])["status"], "PAUSED")
        self.assertIn(self.client.unpause(job["id"])["status"], {"QUEUED", "RUNNING"})
        with self.assertRaises(DescentError) as caught:
            self.client.unpause(job["id"])
        self.assertEqual(caught.exception.status, 409)
        self.client.cancel(job["id"])
        self.client.wait(job["id"], progress=False, timeout=JOB_TIMEOUT_SECONDS)

    def test_trajectory_descends_rosenbrock(self):
        start = [-1.5, 2.0]
        points = self.client.trajectory("rosenbrock", start, {"type": "adam", "lr": 0.01}, steps=50)
        self.assertGreaterEqual(len(points), 50)
        start_value = (1 - start[0]) ** 2 + 100 * (start[1] - start[0] ** 2) ** 2
        self.assertLess(points[-1]["f"], start_value)
        self.assertEqual(len(points[-1]["x"]), 2)


if __name__ == "__main__":
    unittest.main()
