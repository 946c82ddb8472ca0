"""numpy's BLAS runs on one thread beside the reader's Tesseract processes: with a thread per
core it took the cores from them, and the handwritten figures' pass took a third longer."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# numpy's wheels bundle their own OpenBLAS; asked how many threads it runs, once loaded.
PROBE = """
import glob, os
import app.intake.ocr
import numpy
print(os.environ.get("OPENBLAS_NUM_THREADS"))
libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__), "..", "numpy.libs", "libscipy_openblas*"))
if libs:
    import ctypes
    print(ctypes.CDLL(libs[0]).scipy_openblas_get_num_threads64_())
"""


def _probe(env: dict) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    return out.stdout.split()


def test_the_reader_keeps_numpy_to_one_blas_thread():
    # unset, OpenBLAS takes a thread per core
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    got = _probe(env)
    assert got[0] == "1"
    assert all(v == "1" for v in got[1:])


def test_a_setting_of_the_machine_is_left_as_it_is():
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    assert _probe(env)[0] == "2"
