"""bagit-python, set to hash on threads. bagit makes and checks manifests on
multiprocessing.Pool when given processes > 1; forking the window's process while Qt threads
run is unsafe, and hashlib releases the interpreter while it hashes, so bagit is handed a thread
pool under the same name: it still computes and checks every manifest itself, on every core.
(Its worker initialiser only silences SIGINT in child processes, which threads neither need
nor may do.)"""
from __future__ import annotations

import os

HASHERS = max(2, min(4, os.cpu_count() or 2))


class _ThreadPools:
    @staticmethod
    def Pool(processes=None, initializer=None, **_kw):
        from multiprocessing.pool import ThreadPool
        return ThreadPool(processes)


def retag(bag_dir: str, algorithms=("sha256",)) -> None:
    """bagit's own tag manifest writer, as Bag.save() runs it, without save()'s reading of every
    manifest line again (0.5-1 s for a quarter's 9,000 files, and verify reads them anyway).
    Like save(), it works from inside the bag's folder."""
    lib = bagit()
    old = os.getcwd()
    os.chdir(bag_dir)
    try:
        for alg in algorithms:
            lib._make_tagmanifest_file(alg, bag_dir, encoding="utf-8")
    finally:
        os.chdir(old)


def bagit():
    import bagit as lib

    lib.multiprocessing = _ThreadPools
    return lib
