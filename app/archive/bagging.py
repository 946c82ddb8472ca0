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


def bagit():
    import bagit as lib

    lib.multiprocessing = _ThreadPools
    return lib
