"""bagit-python as the handover sets it up: the faster check that a manifest path stays inside
the bag gives bagit's verdicts, symlinks included."""
import os

import pytest

from app.archive import bagging


@pytest.fixture
def bag(tmp_path):
    root = tmp_path / "bag"
    (root / "data" / "sub").mkdir(parents=True)
    (root / "data" / "a.txt").write_text("a")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("s")
    os.symlink(outside / "secret.txt", root / "data" / "link-out.txt")
    os.symlink(root / "data" / "a.txt", root / "data" / "sub" / "link-in.txt")
    os.symlink(outside, root / "data" / "dir-out")
    lib = bagging.bagit()
    b = lib.Bag.__new__(lib.Bag)
    b.path = str(root)
    return b


@pytest.mark.parametrize("path, dangerous", [
    ("data/a.txt", False), ("data/sub/link-in.txt", False), ("data/sub/../a.txt", False),
    ("data/link-out.txt", True), ("data/dir-out/secret.txt", True), ("../outside/secret.txt", True),
    ("data/../../outside/secret.txt", True), ("data/sub/../../..", True), ("/etc/passwd", True),
    ("~/x", True),
])
def test_paths_outside_the_bag_are_dangerous(bag, path, dangerous):
    assert bag._path_is_dangerous(path) is dangerous
    assert bag._path_is_dangerous(path) is dangerous  # the second time from the cache


def test_a_manifest_naming_a_file_outside_the_bag_is_refused(tmp_path):
    lib = bagging.bagit()
    root = tmp_path / "b"
    (root / "data").mkdir(parents=True)
    (root / "data" / "x.txt").write_text("x")
    bagging.make(str(root), {"Source-Organization": "VP"}, {})
    with open(root / "manifest-sha256.txt", "a", encoding="utf-8") as f:
        f.write("0" * 64 + "  data/../../etc/passwd\n")
    with pytest.raises(lib.BagError):
        lib.Bag(str(root))


def test_quick_switching_comes_back_when_the_last_overlapping_one_ends():
    import sys

    from app.archive import bagging

    before = sys.getswitchinterval()
    first, second = bagging.quick_switching(), bagging.quick_switching()
    first.__enter__()
    second.__enter__()
    assert sys.getswitchinterval() == bagging.SWITCH_INTERVAL
    first.__exit__(None, None, None)  # the one begun first ends first: still short for the other
    assert sys.getswitchinterval() == bagging.SWITCH_INTERVAL
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before
