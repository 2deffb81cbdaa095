"""A notebook client for the Descent training service (standard library only, Python 3.9+).

    from descent_client import Client
    client = Client("http://localhost:8080", api_key="dsk_…")  # or the DESCENT_API_KEY environment variable
    job = client.submit("examples/iris-mlp.json")
    client.wait(job["id"])                       # one-line progress bar on stderr
    curves = client.metrics(job["id"], names=["loss", "val_accuracy"])
    frame = client.metrics_frame(job["id"])      # needs pandas
    study = client.create_study({"name": "lr", "base": spec, "seeds": [1, 2], "arms": [...]})
    client.wait_study(study["id"])               # one-line progress of its trials on stderr
    summary = client.study_frame(study["id"])    # a pandas DataFrame (a list of dicts without pandas)

Every request sends the API key as ``Authorization: Bearer <key>`` (docs/security.md): ``api_key=``, else the
environment variable ``DESCENT_API_KEY``. Every failed request raises :class:`DescentError` with the server's RFC 9457
problem document (401: no key, or an unknown, expired or revoked one).
"""

import json
import math
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["Client", "DescentError", "TERMINAL_STATUSES"]

TERMINAL_STATUSES = frozenset({"SUCCEEDED", "FAILED", "CANCELLED"})
ACTIVE_STATUSES = frozenset({"WAITING", "QUEUED", "RUNNING", "CANCELLING", "PAUSING", "PAUSED"})
SUMMARY_STATS = ("final", "best", "meanLevel", "stepsToThreshold", "secondsToThreshold", "pairedDifference")
STAT_PARTS = ("mean", "sd", "n")
DEFAULT_TIMEOUT_SECONDS = 30.0
DEFAULT_WAIT_SECONDS = 3600.0
DEFAULT_POLL_SECONDS = 1.0
DEFAULT_MAX_POINTS = 500
PROGRESS_BAR_WIDTH = 30
PROGRESS_LINE_WIDTH = 100
DOWNLOAD_CHUNK_BYTES = 1 << 16
STREAM_TIMEOUT_SECONDS = 60.0
PANDAS_MISSING = "metrics_frame needs pandas (pip install pandas); metrics() returns plain lists"
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class DescentError(Exception):
    """A request the service refused or could not answer; ``problem`` is its problem+json document."""

    def __init__(self, problem):
        self.problem = dict(problem)
        self.status = self.problem.get("status")
        self.type = self.problem.get("type")
        self.title = self.problem.get("title")
        self.detail = self.problem.get("detail")
        self.errors = list(self.problem.get("errors") or [])
        super().__init__(self._describe())

    def _describe(self):
        text = f"{self.status} {self.title or 'error'}"
        if self.detail:
            text += f": {self.detail}"
        for error in self.errors:
            text += f"\n  {error.get('pointer')}: {error.get('message')}"
        return text


def _finite_or_special(value):
    """Reads the strings "NaN", "Infinity" and "-Infinity" the service writes for non-finite numbers."""
    if isinstance(value, str):
        return _NON_FINITE.get(value, value)
    if isinstance(value, list):
        return [_finite_or_special(item) for item in value]
    return value


def _problem_of(error):
    body = error.read().decode("utf-8", "replace")
    try:
        problem = json.loads(body)
        if isinstance(problem, dict):
            problem.setdefault("status", error.code)
            return problem
    except ValueError:
        pass
    return {"status": error.code, "title": error.reason, "detail": body[:300]}


class Client:
    """The Descent REST API (``/api/v1``) as Python calls."""

    def __init__(self, base_url, timeout=DEFAULT_TIMEOUT_SECONDS, api_key=None):
        """``api_key``: the key sent as ``Authorization: Bearer``; default ``$DESCENT_API_KEY`` (none if unset)."""
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.api_key = api_key if api_key is not None else os.environ.get("DESCENT_API_KEY")

    # -- transport -----------------------------------------------------------------------------------------------

    def _open(self, method, path, body=None, query=None, accept="application/json", timeout=None):
        url = f"{self.base_url}/api/v1{path}"
        if query:
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        headers = {"Accept": f"{accept}, application/problem+json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            return urllib.request.urlopen(request, timeout=timeout or self.timeout)
        except urllib.error.HTTPError as error:
            raise DescentError(_problem_of(error)) from None
        except urllib.error.URLError as error:
            raise DescentError({"status": 0, "title": "Service unreachable", "detail": str(error.reason)}) from None

    def _json(self, method, path, body=None, query=None):
        with self._open(method, path, body, query) as response:
            return json.loads(response.read().decode("utf-8"), object_hook=_decode_non_finite)

    # -- jobs ----------------------------------------------------------------------------------------------------

    def _post(self, path, document):
        """POSTs ``document``: a dict, or the path of a JSON file sent as it is."""
        if isinstance(document, (str, os.PathLike)):
            with open(document, "rb") as file:
                return self._json("POST", path, file.read())
        return self._json("POST", path, document)

    def submit(self, spec):
        """Submits a job; ``spec`` is a dict or the path of a JSON file. Returns the queued job."""
        return self._post("/jobs", spec)

    def get(self, job_id):
        """The job: status, progress, latest metrics, timeline, failure."""
        return self._json("GET", f"/jobs/{_quote(job_id)}")

    def list(self, status=None, page=0, size=20, view="summary", study=None):
        """One page of jobs (newest first) as a list; ``status`` is one status or several, ``study`` a study's id
        (only its trials). ``view="summary"`` leaves out each job's spec and timeline; ``view="full"`` includes
        them."""
        if isinstance(status, str):
            status = [status]
        query = {"status": ",".join(status) if status else None, "study": study, "page": page, "size": size,
                 "view": view}
        return self._json("GET", "/jobs", query=query)["items"]

    def cancel(self, job_id):
        """Cancels a queued or running job; returns the job after the request."""
        return self._json("POST", f"/jobs/{_quote(job_id)}/cancel")

    def pause(self, job_id):
        """Pauses a queued (at once) or running job (PAUSING, then PAUSED once it checkpointed); returns the job."""
        return self._json("POST", f"/jobs/{_quote(job_id)}/pause")

    def unpause(self, job_id):
        """Queues a PAUSED job again in its old place; it continues from where it paused. Returns the job."""
        return self._json("POST", f"/jobs/{_quote(job_id)}/unpause")

    def wait(self, job_id, progress=True, timeout=DEFAULT_WAIT_SECONDS, poll=DEFAULT_POLL_SECONDS):
        """Polls until the job is SUCCEEDED, FAILED or CANCELLED and returns it.

        Prints a one-line progress bar to stderr when ``progress``; raises ``TimeoutError`` after ``timeout``
        seconds.
        """
        return _poll(f"job {job_id}", lambda: self.get(job_id), lambda job: job["status"] in TERMINAL_STATUSES,
                     _print_progress if progress else None, timeout, poll)

    # -- studies -------------------------------------------------------------------------------------------------

    def create_study(self, body):
        """Creates a study (docs/studies.md); ``body`` is a dict or the path of a JSON file. Returns the study."""
        return self._post("/studies", body)

    def study(self, study_id):
        """The study: status, counts of its jobs by status, trials (with their job ids) and summary."""
        return self._json("GET", f"/studies/{_quote(study_id)}")

    def studies(self, page=0, size=20):
        """One page of studies (newest first) as a list, each with its counts (no trials, no summary)."""
        return self._json("GET", "/studies", query={"page": page, "size": size})["items"]

    def cancel_study(self, study_id):
        """Cancels a study: no more trials start, the unfinished ones are cancelled. Returns the study."""
        return self._json("POST", f"/studies/{_quote(study_id)}/cancel")

    def wait_study(self, study_id, progress=True, timeout=DEFAULT_WAIT_SECONDS, poll=DEFAULT_POLL_SECONDS):
        """Polls until the study is no longer RUNNING (SUCCEEDED once every trial ended, or CANCELLED); returns it.

        Prints a one-line count of its ended trials to stderr when ``progress``; raises ``TimeoutError`` after
        ``timeout`` seconds.
        """
        return _poll(f"study {study_id}", lambda: self.study(study_id), lambda study: study["status"] != "RUNNING",
                     _print_study_progress if progress else None, timeout, poll)

    def study_frame(self, study_id):
        """The study's summary, one row per arm (per arm and point in a search): arm, point, values, trials,
        reached, diverged, a column per searched or set pointer, and ``<stat>_mean``, ``<stat>_sd``, ``<stat>_n``
        for final, best, meanLevel, stepsToThreshold, secondsToThreshold and pairedDifference.

        A pandas DataFrame when pandas is importable, else a list of dicts.
        """
        rows = [_flat_summary_row(row) for row in self.study(study_id).get("summary") or []]
        try:
            import pandas
        except ImportError:
            return rows
        return pandas.DataFrame(rows)

    # -- metrics -------------------------------------------------------------------------------------------------

    def metrics(self, job_id, names=None, max_points=DEFAULT_MAX_POINTS, start=None, end=None):
        """The job's metric series as ``{name: [{"step", "epoch", "value", "min", "max"}, …]}``."""
        query = {"names": ",".join(names) if names else None, "maxPoints": max_points, "from": start, "to": end}
        answer = self._json("GET", f"/jobs/{_quote(job_id)}/metrics", query=query)
        return {series["name"]: series["points"] for series in answer["series"]}

    def metrics_frame(self, job_id, names=None, max_points=DEFAULT_MAX_POINTS):
        """The metrics as a pandas DataFrame with columns name, step, epoch, value, min, max."""
        try:
            import pandas
        except ImportError:
            raise ImportError(PANDAS_MISSING) from None
        rows = [dict(point, name=name) for name, points in self.metrics(job_id, names, max_points).items()
                for point in points]
        return pandas.DataFrame(rows, columns=["name", "step", "epoch", "value", "min", "max"])

    def events(self, job_id, last_event_id=None):
        """The job's Server-Sent Events as dicts ``{"event", "id", "data"}`` until the server's ``end``.

        ``job`` events carry the job, ``metric`` events one new point (and an ``id``; pass the last one seen as
        ``last_event_id`` to resume after it). Closing the generator closes the connection.
        """
        query = None if last_event_id is None else {"lastEventId": last_event_id}
        opened = self._open("GET", f"/jobs/{_quote(job_id)}/events", query=query, accept="text/event-stream",
                            timeout=STREAM_TIMEOUT_SECONDS)
        with opened as response:
            yield from _server_sent_events(response)

    # -- checkpoints ---------------------------------------------------------------------------------------------

    def checkpoints(self, job_id):
        """The job's checkpoint metadata, oldest first."""
        return self._json("GET", f"/jobs/{_quote(job_id)}/checkpoints")["items"]

    def download_checkpoint(self, job_id, checkpoint_id, path):
        """Writes the checkpoint's DL4J model zip to ``path``; returns the path."""
        route = f"/jobs/{_quote(job_id)}/checkpoints/{_quote(checkpoint_id)}/content"
        with self._open("GET", route, accept="application/zip") as response, open(path, "wb") as file:
            while chunk := response.read(DOWNLOAD_CHUNK_BYTES):
                file.write(chunk)
        return path

    def predict(self, job_id, inputs=None, split=None, checkpoint="final", variant="raw", labels=None):
        """Outputs of a stored model: for ``inputs`` (rows of raw features; the job's standardization is applied)
        or, with ``split="validation"`` (or ``"train"``), for the job's own split together with its ``loss``,
        ``accuracy`` and ``confusionMatrix``. ``checkpoint`` is ``"final"``, ``"best"`` or an id; ``variant`` is
        ``"raw"``, ``"polyak-ema"`` or ``"polyak-arithmetic"``; ``labels`` (one per input row) adds the scores.
        Returns the response dict (``outputs``, ...)."""
        body = {"checkpoint": checkpoint, "variant": variant}
        if split is not None:
            body["dataset"] = {"split": split}
        else:
            body["inputs"] = [[float(value) for value in row] for row in inputs]
            if labels is not None:
                body["labels"] = [float(label) for label in labels]
        return self._json("POST", f"/jobs/{_quote(job_id)}/predictions", body)

    # -- playground ----------------------------------------------------------------------------------------------

    def trajectory(self, function, start, optimizer, steps=100):
        """Runs ``optimizer`` (a PyTorch-style dict) on a test function; returns the path's points.

        ``function`` is a name (``"rosenbrock"``, ``"beale"``, ``"saddle"``) or a dict such as
        ``{"name": "quadratic", "A": [[1, 0], [0, 10]], "b": [0, 0]}``.
        """
        if isinstance(function, str):
            function = {"name": function}
        body = {"function": function, "start": list(start), "steps": steps, "optimizer": optimizer}
        return self._json("POST", "/playground/trajectories", body)["points"]

    def examples(self):
        """The ready-made specs as ``{name: spec}``."""
        return {example["name"]: example["spec"] for example in self._json("GET", "/examples")["items"]}


def _server_sent_events(lines):
    """Parses a ``text/event-stream`` (https://html.spec.whatwg.org/multipage/server-sent-events.html) into dicts."""
    kind, event_id, data = "message", None, []
    for raw in lines:
        line = raw.decode("utf-8").rstrip("\r\n")
        if line:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "data":
                data.append(value)
            elif field == "event":
                kind = value
            elif field == "id":
                event_id = value
            continue
        if data:
            yield {"event": kind, "id": event_id, "data": json.loads("\n".join(data), object_hook=_decode_non_finite)}
            if kind == "end":
                return
        kind, event_id, data = "message", None, []


def _decode_non_finite(obj):
    return {key: _finite_or_special(value) for key, value in obj.items()}


def _quote(segment):
    return urllib.parse.quote(str(segment), safe="")


def _poll(what, read, ended, show, timeout, poll):
    """Calls ``read`` every ``poll`` seconds until ``ended`` says yes and returns what it read; ``show`` (when given)
    prints each answer on one line of stderr. Raises ``TimeoutError`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        answer = read()
        if show:
            show(answer)
        if ended(answer):
            if show:
                sys.stderr.write("\n")
            return answer
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} still {answer['status']} after {timeout} s")
        time.sleep(poll)


def _flat_summary_row(row):
    """A summary row with its statistics spread into ``<stat>_mean/_sd/_n`` and its values into one column each."""
    flat = {key: value for key, value in row.items() if key not in SUMMARY_STATS}
    for pointer, value in (row.get("values") or {}).items():
        flat.setdefault(pointer, value)
    for name in SUMMARY_STATS:
        stat = row.get(name) or {}
        for part in STAT_PARTS:
            flat[f"{name}_{part}"] = stat.get(part)
    return flat


def _print_study_progress(study):
    counts = study.get("counts") or {}
    total = sum(counts.values())
    ended = sum(n for status, n in counts.items() if status not in ACTIVE_STATUSES)
    fraction = ended / total if total else 0.0
    filled = int(round(fraction * PROGRESS_BAR_WIDTH))
    bar = "#" * filled + "-" * (PROGRESS_BAR_WIDTH - filled)
    states = " ".join(f"{status} {n}" for status, n in sorted(counts.items()))
    line = f"[{bar}] {ended}/{total} trials ended  {study['status']}  {states}"
    sys.stderr.write("\r" + line.ljust(PROGRESS_LINE_WIDTH))
    sys.stderr.flush()


def _print_progress(job):
    progress = job.get("progress") or {}
    fraction = 1.0 if job["status"] == "SUCCEEDED" else float(progress.get("fraction") or 0.0)
    filled = int(round(fraction * PROGRESS_BAR_WIDTH))
    bar = "#" * filled + "-" * (PROGRESS_BAR_WIDTH - filled)
    loss = (job.get("latestMetrics") or {}).get("loss")
    eta = progress.get("etaSeconds")
    parts = [f"[{bar}] {fraction * 100:5.1f}%", job["status"],
             f"epoch {progress.get('epoch', 0)}/{progress.get('epochs', '?')}"]
    if isinstance(loss, (int, float)):
        parts.append(f"loss {loss:.4g}")
    if eta is not None and job["status"] == "RUNNING":
        parts.append(f"eta {eta:.0f}s")
    sys.stderr.write("\r" + "  ".join(parts).ljust(PROGRESS_LINE_WIDTH))
    sys.stderr.flush()
