"""The block-at-a-time hex string reader gives what pyHanko's own gives, and fails where it fails."""
import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfStreamError

from app.intake import signatures

signatures._read_hex_fast()
ORIGINAL = signatures.PYHANKO_HEX


def test_pyhankos_reader_is_replaced_and_kept():
    assert generic.read_hex_string_from_stream is signatures.hex_string
    assert ORIGINAL is not None and ORIGINAL is not signatures.hex_string


@pytest.mark.parametrize("raw", [b"<48656C6C6F> rest", b"<4 8 6\n5\r6C\t6C 6F>", b"<486>x", b"<>",
                                 b"<FEFF00480069>", b"<" + b"a0" * 70_000 + b">tail", b"<00\x0c11>"])
def test_same_string_and_same_position_as_pyhanko(raw):
    mine, theirs = io.BytesIO(raw), io.BytesIO(raw)
    assert signatures.hex_string(mine) == ORIGINAL(theirs)
    assert mine.tell() == theirs.tell() and mine.read() == theirs.read()


@pytest.mark.parametrize("raw", [b"<48zz>", b"<4865"])
def test_bad_hex_strings_are_refused_as_pyhanko_refuses_them(raw):
    with pytest.raises(PdfStreamError):
        ORIGINAL(io.BytesIO(raw))
    with pytest.raises(PdfStreamError):
        signatures.hex_string(io.BytesIO(raw))
