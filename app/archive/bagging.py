"""bagit-python, set to hash on threads. bagit makes and checks manifests on
multiprocessing.Pool when given processes > 1; forking the window's process while Qt threads
run is unsafe, and hashlib releases the interpreter while it hashes, so bagit is handed a thread
pool under the same name: it still makes and checks every manifest itself, on every core.
(Its worker initialiser only silences SIGINT in child processes, which threads neither need
nor may do.)

The scans are hashed as they are copied into the bag (`digested`): their bytes are read once,
as the physical floor of a handover is, and bagit writes those digests into its manifest as it
would its own. Hashing the source, not the copy, is the point: the full check after writing
reads every copy back from the disk and compares it with the digest of what was meant to be
written, so a bad write is caught there."""
from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import threading

HASHERS = max(2, min(4, os.cpu_count() or 2))
_KNOWN: contextvars.ContextVar[dict | None] = contextvars.ContextVar("bag_digests", default=None)


class _Pool:
    """multiprocessing.pool.ThreadPool, except that a payload file whose SHA-256 was taken while
    it was copied (see `digested`) is not read a second time to make the manifest."""

    def __init__(self, processes=None):
        from multiprocessing.pool import ThreadPool

        self._pool = ThreadPool(processes)
        self._known = _KNOWN.get()  # map() runs on the caller's thread, where the digests were set

    def map(self, func, iterable):
        items = list(iterable)
        known = self._known if getattr(func, "func", None) is _lib().generate_manifest_lines \
            and getattr(func, "keywords", {}).get("algorithms") == ["sha256"] else None
        if not known:
            return self._pool.map(func, items)
        todo = [p for p in items if p not in known]
        done = dict(zip(todo, self._pool.map(func, todo)))
        return [done[p] if p in done else [("sha256", known[p][0], p, known[p][1])] for p in items]

    def close(self):
        self._pool.close()

    def join(self):
        self._pool.join()


class _ThreadPools:
    @staticmethod
    def Pool(processes=None, initializer=None, **_kw):
        return _Pool(processes)


@contextlib.contextmanager
def digested(digests: dict[str, tuple[str, int]]):
    """Within the block, bagit's manifest takes these (sha256 hex, size) for the payload paths
    named ("data/…", as bagit walks them) instead of reading the files again."""
    token = _KNOWN.set(digests)
    try:
        yield
    finally:
        _KNOWN.reset(token)


SWITCH_INTERVAL = 0.0005  # seconds; Python's default is 0.005


_switching = {"depth": 0, "saved": 0.005}
_switching_lock = threading.Lock()


@contextlib.contextmanager
def quick_switching():
    """While C-level file work (hashing, copying) runs on threads beside Python work on this
    one: each of those threads needs the interpreter for a moment at every file, and waited up
    to Python's switch interval (5 ms) for it; ten times shorter, they hardly wait. Nested or
    on two threads at once (an export and a verify from the window), the interval comes back
    when the last one ends."""
    with _switching_lock:
        if _switching["depth"] == 0:
            _switching["saved"] = sys.getswitchinterval()
            sys.setswitchinterval(min(_switching["saved"], SWITCH_INTERVAL))
        _switching["depth"] += 1
    try:
        yield
    finally:
        with _switching_lock:
            _switching["depth"] -= 1
            if _switching["depth"] == 0:
                sys.setswitchinterval(_switching["saved"])


DECLARATION = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


def make(bag_dir: str, info: dict, digests: dict[str, tuple[str, int]]) -> None:
    """make_bag's steps, by bagit's own functions, for a folder whose payload was written under
    data/ in the first place: the manifest (make_manifests, given the digests taken while
    copying, by path inside data/), bagit.txt, bag-info.txt with the Payload-Oxum bagit counts, and the tag manifest
    over every tag file there (README.txt too). make_bag itself would first check the access
    of every file twice, move each one into data/, and read the finished bag back only to
    return it: a second or more of a quarter's 9,000 files, for nothing verify does not do.
    bagit.txt says 1.0: bagit-python 1.9 declares 0.97, but the layout it writes is RFC 8493's."""
    lib = bagit()
    old = os.getcwd()
    os.chdir(bag_dir)  # bagit's writers name their files relative to the bag, as in make_bag
    try:
        with digested({f"data/{rel}": d for rel, d in digests.items()}):  # as bagit walks the payload
            total_bytes, total_files = lib.make_manifests("data", HASHERS, algorithms=["sha256"], encoding="utf-8")
        with open("bagit.txt", "w", encoding="utf-8") as f:
            f.write(DECLARATION)
        info = {"Bag-Software-Agent": f"bagit.py v{lib.VERSION} <{lib.PROJECT_URL}>", **info,
                "Payload-Oxum": f"{total_bytes}.{total_files}"}
        lib._make_tag_file("bag-info.txt", info)
        lib._make_tagmanifest_file("sha256", bag_dir, encoding="utf-8")
    finally:
        os.chdir(old)


def _lib():
    import bagit as lib

    return lib


def _path_is_dangerous(self, path):
    """Bag._path_is_dangerous with the real paths of the bag and of its folders taken once, not
    again for each of thousands of entries (two realpath walks an entry were most of opening a
    quarter's bag). Same verdict: absolute, ~ and any path whose real place is outside the bag."""
    if os.path.isabs(path) or os.path.expanduser(path) != path:
        return True
    cache = self.__dict__.setdefault("_real_dirs", {})
    bag_path = cache.get(None)
    if bag_path is None:
        bag_path = cache[None] = os.path.normpath(os.path.realpath(self.path))
    head, tail = os.path.split(os.path.join(self.path, path))
    real_dir = cache.get(head)
    if real_dir is None:
        real_dir = cache[head] = os.path.realpath(head)
    joined = os.path.join(real_dir, tail)
    real_path = os.path.normpath(os.path.realpath(joined) if os.path.islink(joined) else joined)
    return os.path.commonprefix((bag_path, real_path)) != bag_path


_walk_payload = None


def _payload_files(self):
    """Bag.payload_files, the folder walked once per opened bag: the Payload-Oxum check and the
    completeness check each walked a quarter's 9,000 files again. Opened again, a bag walks
    again (verify opens it afresh each time)."""
    walked = self.__dict__.get("_payload_walked")
    if walked is None:
        walked = self.__dict__["_payload_walked"] = list(_walk_payload(self))
    return iter(walked)


def bagit():
    global _walk_payload
    lib = _lib()
    lib.multiprocessing = _ThreadPools
    lib.Bag._path_is_dangerous = _path_is_dangerous
    if _walk_payload is None:
        _walk_payload = lib.Bag.payload_files
        lib.Bag.payload_files = _payload_files
    return lib
