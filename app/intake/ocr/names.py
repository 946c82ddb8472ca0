"""Names of bodies as Vietnamese headers print them, built in: the provinces and cities (the 63
before and the 34 after the 2025 merger), common district names, central bodies and the usual
names of departments and offices. A name read by OCR gets back the tone marks and the letter
Tesseract lost by word-aligned matching against these phrases, as the known-issuer repair does;
and the superior body is parted from the issuer where a second body's head word starts."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from app.text import fold

PROVINCES = """AN GIANG|BÀ RỊA - VŨNG TÀU|BÀ RỊA-VŨNG TÀU|BẮC GIANG|BẮC KẠN|BẠC LIÊU|BẮC NINH|BẾN TRE|
BÌNH ĐỊNH|BÌNH DƯƠNG|BÌNH PHƯỚC|BÌNH THUẬN|CÀ MAU|CẦN THƠ|CAO BẰNG|ĐÀ NẴNG|ĐẮK LẮK|ĐẮK NÔNG|
ĐIỆN BIÊN|ĐỒNG NAI|ĐỒNG THÁP|GIA LAI|HÀ GIANG|HÀ NAM|HÀ NỘI|HÀ TĨNH|HẢI DƯƠNG|HẢI PHÒNG|HẬU GIANG|
HÒA BÌNH|HỒ CHÍ MINH|HƯNG YÊN|KHÁNH HÒA|KIÊN GIANG|KON TUM|LAI CHÂU|LÂM ĐỒNG|
LẠNG SƠN|LÀO CAI|LONG AN|NAM ĐỊNH|NGHỆ AN|NINH BÌNH|NINH THUẬN|PHÚ THỌ|PHÚ YÊN|QUẢNG BÌNH|QUẢNG NAM|
QUẢNG NGÃI|QUẢNG NINH|QUẢNG TRỊ|SÓC TRĂNG|SƠN LA|TÂY NINH|THÁI BÌNH|THÁI NGUYÊN|THANH HÓA|
THỪA THIÊN HUẾ|HUẾ|TIỀN GIANG|TRÀ VINH|TUYÊN QUANG|VĨNH LONG|VĨNH PHÚC|YÊN BÁI"""

DISTRICTS = """BA ĐÌNH|HOÀN KIẾM|HAI BÀ TRƯNG|ĐỐNG ĐA|TÂY HỒ|CẦU GIẤY|THANH XUÂN|HOÀNG MAI|LONG BIÊN|
HÀ ĐÔNG|BẮC TỪ LIÊM|NAM TỪ LIÊM|SÓC SƠN|ĐÔNG ANH|GIA LÂM|THANH TRÌ|MÊ LINH|BA VÌ|PHÚC THỌ|ĐAN PHƯỢNG|
HOÀI ĐỨC|QUỐC OAI|THẠCH THẤT|CHƯƠNG MỸ|THANH OAI|THƯỜNG TÍN|PHÚ XUYÊN|ỨNG HÒA|MỸ ĐỨC|SƠN TÂY|
NHA TRANG|ĐÀ LẠT|VŨNG TÀU|BIÊN HÒA|THỦ ĐỨC|THỦ DẦU MỘT|MỸ THO|BUÔN MA THUỘT|VINH|HẠ LONG"""

FIELDS = """NỘI VỤ|TÀI CHÍNH|TƯ PHÁP|XÂY DỰNG|CÔNG THƯƠNG|Y TẾ|GIÁO DỤC VÀ ĐÀO TẠO|KẾ HOẠCH VÀ ĐẦU TƯ|
GIAO THÔNG VẬN TẢI|TÀI NGUYÊN VÀ MÔI TRƯỜNG|NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN|NÔNG NGHIỆP VÀ PTNT|
NÔNG NGHIỆP VÀ MÔI TRƯỜNG|THÔNG TIN VÀ TRUYỀN THÔNG|KHOA HỌC VÀ CÔNG NGHỆ|NGOẠI VỤ|DÂN TỘC VÀ TÔN GIÁO|
VĂN HÓA, THỂ THAO VÀ DU LỊCH|VĂN HÓA THỂ THAO VÀ DU LỊCH|VĂN HÓA VÀ THỂ THAO|DU LỊCH|QUY HOẠCH - KIẾN TRÚC|
LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI|LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI|LAO ĐỘNG THƯƠNG BINH VÀ XÃ HỘI|
CÔNG AN|QUỐC PHÒNG|NGOẠI GIAO|TÀI NGUYÊN|MÔI TRƯỜNG"""

BODIES = """ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|THÀNH ỦY|TỈNH ỦY|HUYỆN ỦY|QUẬN ỦY|ĐẢNG ỦY|
BAN CHẤP HÀNH TRUNG ƯƠNG|BAN CHẤP HÀNH ĐẢNG BỘ|BAN THƯỜNG VỤ|BAN TỔ CHỨC|BAN TUYÊN GIÁO|BAN DÂN VẬN|
BAN NỘI CHÍNH|ỦY BAN KIỂM TRA|BAN CHỈ ĐẠO|BAN CHỈ HUY|BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG|BAN QUẢN LÝ|
VĂN PHÒNG|THANH TRA|CHÍNH PHỦ|THỦ TƯỚNG CHÍNH PHỦ|VĂN PHÒNG CHÍNH PHỦ|QUỐC HỘI|TÒA ÁN NHÂN DÂN TỐI CAO|
VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO|TÒA ÁN NHÂN DÂN|VIỆN KIỂM SÁT NHÂN DÂN|KIỂM TOÁN NHÀ NƯỚC|
NGÂN HÀNG NHÀ NƯỚC VIỆT NAM|KHO BẠC NHÀ NƯỚC|TỔNG CỤC THUẾ|CỤC THUẾ|TỔNG CỤC QUẢN LÝ THỊ TRƯỜNG|
CỤC QUẢN LÝ THỊ TRƯỜNG|BẢO HIỂM XÃ HỘI|ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH|TRƯỜNG ĐẠI HỌC|TRƯỜNG CAO ĐẲNG|
TRUNG TÂM|MẶT TRẬN TỔ QUỐC VIỆT NAM|ỦY BAN MẶT TRẬN TỔ QUỐC|ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH|
KHỐI CÁC CƠ QUAN|ĐẢNG ỦY KHỐI|ĐOÀN KHỐI|HỘI LIÊN HIỆP PHỤ NỮ|LIÊN ĐOÀN LAO ĐỘNG|HỘI NÔNG DÂN|
HỘI CỰU CHIẾN BINH|CÔNG TRÌNH VĂN HÓA XÃ HỘI|CÔNG TRÌNH GIAO THÔNG|PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN|
LIÊN NGÀNH|CÔNG AN TỈNH|THÀNH PHỐ|THỊ XÃ|NHÂN DÂN|BỘ CHỈ HUY QUÂN SỰ|VIỆN KIẾN TRÚC QUỐC GIA|ĐOÀN TNCS HỒ CHÍ MINH"""

# Names that streets, wards and schools take all over the country (battles, rivers, heroes):
# not names of bodies, but summaries name them ("phường Bạch Đằng", "đường Lê Lợi").
STREETS = """BẠCH ĐẰNG|ĐIỆN BIÊN PHỦ|CHI LĂNG|ĐỐNG ĐA|HÙNG VƯƠNG|HAI BÀ TRƯNG|BÀ TRIỆU|LÝ THƯỜNG KIỆT|
TRẦN HƯNG ĐẠO|LÊ LỢI|LÊ LAI|QUANG TRUNG|NGUYỄN HUỆ|NGÔ QUYỀN|ĐINH TIÊN HOÀNG|LÝ THÁI TỔ|LÊ THÁNH TÔNG|
NGUYỄN TRÃI|NGUYỄN DU|CHU VĂN AN|TRẦN PHÚ|LÊ HỒNG PHONG|HOÀNG VĂN THỤ|PHAN BỘI CHÂU|PHAN CHU TRINH|
PHAN ĐÌNH PHÙNG|HOÀNG DIỆU|HÀM NGHI|LÊ DUẨN|TÔN ĐỨC THẮNG|NGUYỄN THỊ MINH KHAI|VÕ THỊ SÁU|
NGUYỄN VĂN CỪ|TRƯỜNG CHINH|LÊ QUÝ ĐÔN|TRẦN QUỐC TOẢN|LÝ TỰ TRỌNG|KIM ĐỒNG|HOÀNG HOA THÁM|
NGUYỄN TRI PHƯƠNG|TRƯNG TRẮC|TRƯNG NHỊ|YẾT KIÊU|DÃ TƯỢNG|PHẠM NGŨ LÃO|TRẦN NHÂN TÔNG|THỐNG NHẤT|
ĐỘC LẬP|HÒA BÌNH|THĂNG LONG|TÂN HỘI|TÂN TIẾN|QUYẾT THẮNG"""


def _split(block: str) -> list[str]:
    return [x.strip() for x in block.replace("\n", "").split("|") if x.strip()]


def _phrases() -> dict[str, str]:
    out: dict[str, set[str]] = {}
    places = _split(PROVINCES)
    names = list(places) + _split(DISTRICTS) + _split(BODIES)
    names += [f"{unit} {p}" for p in places for unit in ("TỈNH", "THÀNH PHỐ", "TP")]
    names += [f"{unit} {d}" for d in _split(DISTRICTS) for unit in ("QUẬN", "HUYỆN", "THỊ XÃ", "THÀNH PHỐ")]
    # The superior line as headers shorten it ("UBND TỈNH KHÁNH HÒA").
    names += [f"UBND {n}" for n in names if n.split()[0] in ("TỈNH", "THÀNH", "TP", "QUẬN", "HUYỆN", "THỊ")]
    for f in _split(FIELDS):
        names += [f"SỞ {f}", f"BỘ {f}", f]
    for name in names:
        out.setdefault(fold(name), set()).add(name)
    return {k: next(iter(v)) for k, v in out.items() if len(v) == 1}


def in_text() -> list[str]:
    """Place names as a summary writes them, for its tone-mark repair (spelling.built_in)."""
    places = _split(PROVINCES) + _split(DISTRICTS)
    return ([f"tỉnh {p}" for p in _split(PROVINCES)] + [f"huyện {d}" for d in _split(DISTRICTS)]
            + places + [f"{unit} {n}" for n in _split(STREETS) for unit in ("phường", "đường")])


PHRASES = _phrases()
MAX_WORDS = max(len(k.split()) for k in PHRASES)

# A second body's name starts at one of these; the word before it tells a name's own word
# ("ỦY BAN", "ĐẢNG BỘ", "CƠ SỞ", "MÔI TRƯỜNG", "TỔNG CỤC") from the start of another body.
HEADS = ("so", "bo", "ban", "van phong", "cuc", "tong cuc", "chi cuc", "vien", "truong", "toa an",
         "dai", "trung tam", "thanh tra", "kho bac", "lien nganh", "lien bo", "lien so")
DASHES = ("-", "–")  # between bodies of a name: printed, never a speck or half a word
NOT_AFTER = {"uy", "dang", "co", "moi", "tong", "chi", "va", "phong", "tai", "ban", "-", "quan", "kiem", "truong", "thi",
             "lien"}


def repair(name: str) -> tuple[str, bool]:
    """(name with the marks and letters of built-in phrases put back, whether any letter, not
    only a mark, was changed). Words are matched in place: no word is added or dropped."""
    tokens = name.split()
    out, changed_letters, i = list(tokens), False, 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + MAX_WORDS), i + 1, -1):
            window = " ".join(tokens[i:j])
            key = fold(window).replace(":", "").strip(",")
            hit = PHRASES.get(key)
            if hit is None and j - i >= 3:
                hit = _near(key)
                changed_letters |= hit is not None
            if hit is not None and len(hit.split()) == j - i:
                out[i:j] = _keep_punctuation(tokens[i:j], hit.split())
                i = j
                break
        else:
            # A mark or a speck read as a short word inside a name ("SỞ CÓ CÔNG THƯƠNG"):
            # the name without it, marked for checking; only where no phrase starts here.
            for j in range(min(len(tokens), i + MAX_WORDS + 1), i + 3, -1):
                short = _without_short_word(tokens[i:j]) or _one_word_split(tokens[i:j])
                if short is not None:
                    out[i:j] = [None] * (j - i - len(short)) + short
                    changed_letters = True
                    i = j
                    break
            else:
                i += 1
    return " ".join(t for t in out if t is not None), changed_letters


def unmerge(name: str) -> str:
    """`name` with words that a low-resolution scan read run together ("HÀNỌI", "BỘXÂY DỰNG",
    "TRUNGƯƠNG") parted as the built-in phrase whose letters they are, exactly; marks and
    letters are left to repair()."""
    tokens = name.split()
    out, i = list(tokens), 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + MAX_WORDS), i, -1):
            key = fold(" ".join(tokens[i:j])).replace(":", "").strip(",")
            hit = _spaceless().get(key.replace(" ", ""))
            if hit is not None and len(hit.split()) > j - i:
                # the read letters kept, parted where the phrase parts them
                letters = unicodedata.normalize("NFC", "".join(tokens[i:j]))
                words, at = [], 0
                for w in hit.split():
                    n = len(fold(w))
                    words.append(letters[at:at + n])
                    at += n
                words[-1] += letters[at:]
                out[i:j] = [" ".join(words)] + [None] * (j - i - 1)
                i = j
                break
        else:
            i += 1
    return " ".join(t for t in out if t is not None)


@lru_cache(maxsize=1)
def _spaceless() -> dict[str, str]:
    """The phrases of two words or more by their folded letters without spaces (8 or more, so
    that no ordinary word is taken for two), where only one phrase has them."""
    seen: dict[str, set[str]] = {}
    for k, v in PHRASES.items():
        if " " in k and len(k.replace(" ", "")) >= 8:
            seen.setdefault(k.replace(" ", ""), set()).add(v)
    return {k: v.pop() for k, v in seen.items() if len(v) == 1}


def rest_of(name: str) -> str | None:
    """The words that end the built-in phrase `name` stops part-way through ("SỞ LAO ĐỘNG -
    THƯƠNG BINH", its last line "VÀ XÃ HỘI" lost: its last words begin a phrase and are not
    one), "" where phrases end it differently, None where it does not stop part-way through one."""
    words = fold(name).replace(",", "").replace("–", "-").split()
    rests = None
    for n in range(min(len(words), MAX_WORDS), 1, -1):
        tail = " ".join(words[-n:])
        if tail in PHRASES:
            return None
        if rests is None and tail in _starts():
            rests = {" ".join(PHRASES[k].split()[n:]) for k in _starts()[tail]}
    return None if rests is None else rests.pop() if len(rests) == 1 else ""


@lru_cache(maxsize=1)
def _starts() -> dict[str, frozenset[str]]:
    """The first words of the phrases (two or more, not all), with the phrases they begin."""
    out: dict[str, set[str]] = {}
    for k in PHRASES:
        for n in range(2, len(k.split())):
            out.setdefault(" ".join(k.split()[:n]), set()).add(k)
    return {k: frozenset(v) for k, v in out.items()}


def _one_word_split(tokens: list[str]) -> list[str] | None:
    """The phrase that `tokens` are with one word read as two ("TRỮ YN" for TRUYỀN): two
    neighbouring words joined make a built-in phrase of the rest's length, exactly or one
    letter away, and only one such pair does."""
    fits = []
    for k in range(len(tokens) - 1):
        if tokens[k] in DASHES or tokens[k + 1] in DASHES:
            continue  # a dash between joint bodies is printed, not half a word
        joined = tokens[:k] + [tokens[k] + tokens[k + 1]] + tokens[k + 2:]
        key = fold(" ".join(joined)).replace(":", "").strip(",")
        hit = PHRASES.get(key) or _near(key)
        if hit is not None and len(hit.split()) == len(joined):
            fits.append(_keep_punctuation(joined, hit.split()))
    return fits[0] if len(fits) == 1 else None


def _without_short_word(tokens: list[str]) -> list[str] | None:
    """The phrase that `tokens` are with one word of one or two letters left out, where that
    is exactly a built-in phrase of three words or more, and only one such word fits."""
    fits = []
    for k in range(1, len(tokens) - 1):  # never the first or last word: a name's ends are read
        # A dash between joint bodies ("TƯ PHÁP - KHO BẠC") is printed, not a speck.
        if len(re.sub(r"\W", "", tokens[k])) <= 2 and tokens[k] not in DASHES:
            rest = tokens[:k] + tokens[k + 1:]
            hit = PHRASES.get(fold(" ".join(rest)).replace(":", "").strip(","))
            if hit is not None and len(hit.split()) == len(rest):
                fits.append(_keep_punctuation(rest, hit.split()))
    return fits[0] if len(fits) == 1 else None


def _near(key: str) -> str | None:
    """A phrase one letter away (NHÂN BAN for NHÂN DÂN), if only one is."""
    shapes = _by_shape()
    fits = {v for n in (len(key) - 1, len(key), len(key) + 1) for k, v in shapes.get((n, key.count(" ")), ())
            if Levenshtein.distance(k, key) == 1}
    return fits.pop() if len(fits) == 1 else None


@lru_cache(maxsize=1)
def _by_shape() -> dict[tuple[int, int], list[tuple[str, str]]]:
    """The phrases of 12 letters or more by their length and word count: a phrase one letter
    away has one of three lengths and as many words, so only those few are measured (looking
    at all of them took 20 ms of every page's header)."""
    shapes: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for k, v in PHRASES.items():
        if len(k) >= 12:
            shapes.setdefault((len(k), k.count(" ")), []).append((k, v))
    return shapes


def _keep_punctuation(read: list[str], known: list[str]) -> list[str]:
    # A colon only after a joint body's head ("LIÊN NGÀNH:", its members follow); elsewhere
    # it is a speck ("QUẢNG: BÌNH").
    return [k + (r[-1] if (r[-1] in ",;" or (r[-1] == ":" and i and fold(known[i - 1]) == "lien"))
                 and not k.endswith(r[-1]) else "") for i, (r, k) in enumerate(zip(read, known))]


def part(name: str) -> str:
    """"UBND THÀNH PHỐ HÀ NỘI SỞ Y TẾ" -> "UBND THÀNH PHỐ HÀ NỘI - SỞ Y TẾ": a body's head word
    after a whole name starts the next body (the issuer under its superior, or joint issuers)."""
    tokens = name.split()
    folded = [fold(t).strip(",:") for t in tokens]
    cuts = []
    for i in range(2, len(tokens)):
        # "LIÊN NGÀNH: CỤC THUẾ - …": the bodies after a colon are the joint body's members
        if folded[i - 1] in NOT_AFTER or tokens[i - 1] in DASHES or tokens[i - 1].endswith(":"):
            continue
        if folded[i] in HEADS or " ".join(folded[i:i + 2]) in HEADS:
            cuts.append(i)
    if not cuts:
        return name
    pieces, last = [], 0
    for c in cuts:
        pieces.append(" ".join(tokens[last:c]))
        last = c
    pieces.append(" ".join(tokens[last:]))
    return " - ".join(p.strip(" -") for p in pieces)


def is_head(word: str) -> bool:
    return re.sub(r"\W", "", fold(word)) in HEADS
