"""One content-addressed memo for the stages after NLP.

A stage result is stored under `key(stage, *inputs)`: the sha256 of a
canonical encoding of exactly what the stage reads. Equal inputs give equal
keys in any process, so a result computed by one build is good for the next
one, and nothing ever has to be invalidated: a changed input is a new key,
and entries no build asks for any more are pruned.

The memo has two layers:

* memory, for the preview server: it holds what the last build used, so a
  rebuild finds every unchanged result without touching the disk;
* a SQLite file in the site's cache directory, for the command line: a new
  `site-builder build` process redoes only what an edit affects. Every
  build counts as one generation; an entry no build used for
  `keep` generations is deleted when a build ends (`prune`).

Values are pickled. The cache directory belongs to the site's owner, like
the code that runs the build; a file that does not unpickle is a miss.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import hashlib
import logging
import pickle
import sqlite3
from collections.abc import Callable, Hashable
from pathlib import Path, PurePath
from typing import Any, TypeVar

log = logging.getLogger(__name__)

FILE_NAME = "memo.sqlite"
# Bump when the canonical encoding or the table layout changes.
FORMAT = 1
# How many builds an entry survives without being used.
KEEP_BUILDS = 5

T = TypeVar("T")
_MISSING = object()


def key(stage: str, *inputs: object) -> str:
    """The memo key of `stage` applied to `inputs`.

    Inputs are plain data whose `repr` is faithful and the same in every
    process: str, int, float, bool, None, bytes, tuples and lists of them,
    dataclasses, dates and paths (see `check_plain`). Sets are not: their
    order follows the process's hash seed, so pass them sorted. `repr` is
    used because it runs in C: a key over a whole site's figures costs
    milliseconds, where a Python walk of the same values took seconds.
    """
    text = repr((FORMAT, stage, inputs))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_PLAIN_LEAVES = (str, int, float, bool, bytes, type(None), enum.Enum, dt.date, dt.time,
                 PurePath)


def check_plain(obj: object, where: str = "key") -> None:
    """Raise TypeError where `obj` holds a value `key` cannot digest faithfully.

    For tests: production keys are built from known types, and checking
    them on every build would cost what `repr` saves.
    """
    if isinstance(obj, _PLAIN_LEAVES):
        return
    if isinstance(obj, tuple | list):
        for i, item in enumerate(obj):
            check_plain(item, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for name, value in obj.items():
            check_plain(name, f"{where} key")
            check_plain(value, f"{where}[{name!r}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if not f.repr:
                raise TypeError(f"{where}.{f.name} is left out of repr()")
            check_plain(getattr(obj, f.name), f"{where}.{f.name}")
    else:
        raise TypeError(f"{where} is a {type(obj).__name__}: its repr is not a faithful key")


@dataclasses.dataclass(frozen=True, slots=True)
class StageInfo:
    stage: str
    entries: int
    size: int  # bytes of stored values


class Memo:
    """Results by key, in memory and, when `directory` is given, on disk.

    Call `get` / `put` (or `cached`) during a build and `end_build` after
    it: that writes the new entries, records which ones the build used, and
    prunes the rest. Without a directory, only the entries the last build
    used are kept in memory.
    """

    def __init__(self, directory: Path | None, *, keep: int = KEEP_BUILDS) -> None:
        self.path = directory / FILE_NAME if directory is not None else None
        self.keep = keep
        self._memory: dict[tuple[str, str], Any] = {}
        self._used: dict[tuple[str, str], Any] = {}
        self._new: dict[tuple[str, str], bytes] = {}
        # slot -> (the inputs last keyed there, their key); see key_in
        self._slots: dict[Hashable, tuple[tuple[object, ...], str]] = {}
        self._slots_used: dict[Hashable, tuple[tuple[object, ...], str]] = {}
        self._db: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ lookups

    def key_in(self, slot: Hashable, stage: str, *inputs: object) -> str:
        """`key(stage, *inputs)`, reusing the key last made in `slot` for equal inputs.

        A slot is one thing a build keys again and again (an article's
        page, an actor's page). Comparing the inputs with the last ones is
        much cheaper than digesting them: in the preview, most are equal.
        """
        known = self._slots.get(slot)
        if known is None or known[0] != inputs:
            known = (inputs, key(stage, *inputs))
        self._slots_used[slot] = known
        return known[1]

    def get(self, stage: str, key: str, default: Any = None) -> Any:
        """The value stored under `key`, or `default`."""
        ident = (stage, key)
        value = self._used.get(ident, _MISSING)
        if value is _MISSING:
            value = self._memory.get(ident, _MISSING)
        if value is _MISSING:
            value = self._load(ident)
        if value is _MISSING:
            return default
        self._used[ident] = value
        return value

    def put(self, stage: str, key: str, value: Any) -> None:
        ident = (stage, key)
        self._used[ident] = value
        if self.path is not None:
            self._new[ident] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def cached(self, stage: str, key: str, compute: Callable[[], T]) -> T:
        """The stored value, or `compute()` stored under `key`."""
        value = self.get(stage, key, _MISSING)
        if value is _MISSING:
            value = compute()
            self.put(stage, key, value)
        return value  # type: ignore[no-any-return]

    # ----------------------------------------------------------------- lifecycle

    def end_build(self) -> None:
        """Keep what this build used; on disk, store it and prune the stale entries."""
        used, self._used = self._used, {}
        self._memory = used
        self._slots, self._slots_used = self._slots_used, {}
        new, self._new = self._new, {}
        if self.path is None:
            return
        try:
            db = self._connect()
            with db:
                generation = self._generation(db) + 1
                db.execute("UPDATE meta SET value = ? WHERE name = 'generation'",
                           (generation,))
                db.executemany(
                    "INSERT OR REPLACE INTO memo (stage, key, value, used) VALUES (?, ?, ?, ?)",
                    [(s, k, v, generation) for (s, k), v in new.items()])
                db.executemany("UPDATE memo SET used = ? WHERE stage = ? AND key = ?",
                               [(generation, s, k) for (s, k) in used if (s, k) not in new])
                db.execute("DELETE FROM memo WHERE used <= ?", (generation - self.keep,))
        except sqlite3.Error as exc:
            # The memo only saves time: a build never fails because of it.
            log.warning("could not update the build memo %s: %s", self.path, exc)
            self._reset_db()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def info(self) -> list[StageInfo]:
        """Entries and bytes per stage on disk (`site-builder cache info`)."""
        if self.path is None or not self.path.exists():
            return []
        db = self._connect()
        rows = db.execute("SELECT stage, COUNT(*), SUM(LENGTH(value)) FROM memo "
                          "GROUP BY stage ORDER BY stage").fetchall()
        return [StageInfo(s, int(n), int(size or 0)) for s, n, size in rows]

    def clear(self) -> None:
        """Forget everything, in memory and on disk."""
        self._memory, self._used, self._new = {}, {}, {}
        self.close()
        if self.path is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(str(self.path) + suffix).unlink()

    # ---------------------------------------------------------------- internals

    def _load(self, ident: tuple[str, str]) -> Any:
        if self.path is None or not self.path.exists():
            return _MISSING
        try:
            row = self._connect().execute(
                "SELECT value FROM memo WHERE stage = ? AND key = ?", ident).fetchone()
        except sqlite3.Error as exc:
            log.warning("could not read the build memo %s: %s", self.path, exc)
            self._reset_db()
            return _MISSING
        if row is None:
            return _MISSING
        try:
            return pickle.loads(row[0])
        except Exception:  # any damaged entry is only a miss
            return _MISSING

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            assert self.path is not None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            try:
                self._prepare(db)
            except sqlite3.DatabaseError:
                # Not a database we can use (damaged, other format): start again.
                db.close()
                self.clear()
                db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
                self._prepare(db)
            self._db = db
        return self._db

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> None:
        with db:
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value)")
            db.execute("CREATE TABLE IF NOT EXISTS memo (stage TEXT NOT NULL, key TEXT NOT NULL,"
                       " value BLOB NOT NULL, used INTEGER NOT NULL,"
                       " PRIMARY KEY (stage, key)) WITHOUT ROWID")
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is not None and row[0] != FORMAT:
                db.execute("DELETE FROM memo")
                db.execute("DELETE FROM meta")
                row = None
            if row is None:
                db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                db.execute("INSERT INTO meta VALUES ('generation', 0)")

    @staticmethod
    def _generation(db: sqlite3.Connection) -> int:
        row = db.execute("SELECT value FROM meta WHERE name = 'generation'").fetchone()
        return int(row[0]) if row is not None else 0

    def _reset_db(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.close()
