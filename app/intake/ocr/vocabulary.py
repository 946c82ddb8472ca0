"""Words of Vietnamese organisation names, to put back tone marks that Tesseract's `vie` model
commonly confuses in capitals (TỈNH read as TÍNH, KIỂM as KIẾM, ĐẢNG as ĐÁNG). A word is
replaced only when it differs from a known word by its marks alone, and only in the issuer's
lines, where these words are what is written. A word with a letter lost or misread (GIO under a
stamp's frame) takes the organisation word one letter away that fits its neighbour in the
common names of bodies below."""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from app.text import fold

ORG_WORDS = """
ỦY BAN NHÂN DÂN TỈNH THÀNH PHỐ HUYỆN QUẬN XÃ PHƯỜNG THỊ TRẤN ĐẶC KHU HỘI ĐỒNG
ĐẢNG BỘ ỦY CỘNG SẢN VIỆT NAM BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG CHÍNH PHỦ QUỐC
TỔ CHỨC TUYÊN GIÁO DÂN VẬN KIỂM TRA NỘI CHÍNH ĐỐI NGOẠI THƯỜNG VỤ BÍ THƯ
BỘ SỞ NỘI VỤ TÀI CHÍNH GIÁO DỤC ĐÀO TẠO Y TẾ CÔNG AN QUÂN SỰ THƯƠNG CÔNG NGHIỆP
NÔNG MÔI TRƯỜNG TÀI NGUYÊN XÂY DỰNG GIAO THÔNG VẬN TẢI KẾ HOẠCH ĐẦU TƯ KHOA HỌC
NGHỆ THÔNG TIN TRUYỀN VĂN HÓA THỂ THAO DU LỊCH LAO ĐỘNG THƯƠNG BINH XÃ HỘI
TƯ PHÁP THANH TRA NGOẠI VỤ DÂN TỘC TÔN GIÁO NGÂN HÀNG NHÀ NƯỚC KHO BẠC THUẾ
CỤC CHI QUẢN LÝ CÁC KHU KINH TẾ LƯU TRỮ TRUNG TÂM TRƯỜNG ĐẠI HỌC VIỆN
MẶT TRẬN TỔ QUỐC ĐOÀN THANH NIÊN LIÊN ĐOÀN PHỤ NỮ NÔNG DÂN CỰU CHIẾN
AN GIANG BẮC NINH CÀ MAU CAO BẰNG CẦN THƠ ĐÀ NẴNG ĐẮK LẮK ĐIỆN BIÊN ĐỒNG NAI THÁP
GIA LAI HÀ NỘI TĨNH HẢI PHÒNG HỒ MINH HƯNG YÊN KHÁNH HÒA LAI CHÂU LÂM LẠNG SƠN
LÀO CAI NGHỆ NINH BÌNH PHÚ THỌ QUẢNG NGÃI TRỊ TÂY THANH HÓA THÁI NGUYÊN
THỪA THIÊN HUẾ TUYÊN QUANG VĨNH LONG BẮC GIANG KẠN LIÊU BẾN TRE DƯƠNG PHƯỚC
THUẬN ĐỊNH ĐẮK NÔNG HÀ GIANG NAM HẬU HÒA KIÊN KON TUM SÓC TRĂNG TIỀN YÊN BÁI
VŨNG TÀU BÀ RỊA MỸ THO BIÊN HÒA THỦ DẦU MỘT
BÌNH DƯƠNG BÌNH PHƯỚC BÌNH THUẬN BÌNH ĐỊNH NINH THUẬN PHÚ YÊN QUẢNG NAM QUẢNG BÌNH
QUẢNG NINH QUẢNG TRỊ HẢI DƯƠNG HÀ NAM NAM ĐỊNH THÁI BÌNH VĨNH PHÚC HÒA BÌNH SƠN LA
ĐỒNG THÁP LONG AN TIỀN GIANG TRÀ VINH BẠC LIÊU KIÊN GIANG HẬU GIANG LÂM ĐỒNG
CHÍ MINH NGÃI BẮC KẠN TÂY NINH ĐẮK NÔNG KHÁNH HÒA NHA TRANG ĐÀ LẠT
ĐỐNG ĐA BA ĐÌNH HOÀN KIẾM HAI BÀ TRƯNG CẦU GIẤY THANH XUÂN LONG BIÊN HOÀNG MAI
TÂY HỒ HÀ ĐÔNG BẮC TỪ LIÊM SÓC SƠN ĐÔNG ANH GIA LÂM THANH TRÌ MÊ LINH BA VÌ
PHÚC THỌ ĐAN PHƯỢNG HOÀI ĐỨC QUỐC OAI THẠCH THẤT CHƯƠNG MỸ THANH OAI THƯỜNG TÍN
PHÚ XUYÊN ỨNG HÒA MỸ ĐỨC SƠN TÂY
THỦ TƯỚNG CHỦ TỊCH NGHỊ QUYẾT TỐI CAO KIỂM SÁT TÒA ÁN HIỆP CHIẾN LƯỢC
TỔNG LIÊN ĐOÀN ĐIỆN LỰC BẢO HIỂM PHÁT TRIỂN HẠ TẦNG QUY HOẠCH KIẾN TRÚC
ĐIỆN TỬ CỔNG CỤC SỞ HUY CHỈ ĐẠO PHÒNG CHỐNG THIÊN TAI CỨU NẠN DỰ ÁN
"""

# Names of bodies as headers print them: which organisation words stand next to which.
ORG_NAMES = """
TỈNH ỦY | THÀNH ỦY | HUYỆN ỦY | ĐẢNG ỦY | BAN TUYÊN GIÁO VÀ DÂN VẬN | BAN TỔ CHỨC | ỦY BAN KIỂM TRA | BAN NỘI CHÍNH | BAN DÂN VẬN
BAN CHẤP HÀNH ĐẢNG BỘ | BAN THƯỜNG VỤ | VĂN PHÒNG | ỦY BAN NHÂN DÂN | HỘI ĐỒNG NHÂN DÂN
SỞ NỘI VỤ | SỞ TÀI CHÍNH | SỞ GIÁO DỤC VÀ ĐÀO TẠO | SỞ Y TẾ | SỞ TƯ PHÁP | SỞ XÂY DỰNG
SỞ CÔNG THƯƠNG | SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | SỞ KHOA HỌC VÀ CÔNG NGHỆ | SỞ NGOẠI VỤ
SỞ VĂN HÓA THỂ THAO VÀ DU LỊCH | SỞ DÂN TỘC VÀ TÔN GIÁO | THANH TRA TỈNH | CÔNG AN TỈNH
BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP | BAN QUẢN LÝ KHU KINH TẾ | CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC
BỘ NỘI VỤ | BỘ TÀI CHÍNH | BỘ CÔNG AN | BỘ QUỐC PHÒNG | BỘ GIÁO DỤC VÀ ĐÀO TẠO | BỘ Y TẾ
ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH | ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH | MẶT TRẬN TỔ QUỐC VIỆT NAM
TỈNH ĐOÀN | HỘI LIÊN HIỆP PHỤ NỮ | HỘI NÔNG DÂN | HỘI CỰU CHIẾN BINH | LIÊN ĐOÀN LAO ĐỘNG
KHO BẠC NHÀ NƯỚC | NGÂN HÀNG NHÀ NƯỚC | TRUNG TÂM LƯU TRỮ LỊCH SỬ | KINH TẾ XÃ HỘI
"""

# Words whose unaccented form belongs to one organisation word only; ambiguous ones (VĂN and
# VẬN, CÔNG and CỘNG) are left as read, except TỈNH, which is what a header almost always says.
_groups: dict[str, set[str]] = {}
for _w in ORG_WORDS.split():
    _groups.setdefault(fold(_w), set()).add(_w)
_BY_FOLD = {k: next(iter(v)) for k, v in _groups.items() if len(v) == 1}
_BY_FOLD["tinh"] = "TỈNH"
_AFTER = {("ha", "tinh"): "TĨNH"}  # Hà Tĩnh
_PAIRS: set[tuple[str, str]] = set()  # (folded word, word) and (word, folded word)
for _name in ORG_NAMES.split("|"):
    _words = _name.split()
    for _a, _b in zip(_words, _words[1:]):
        _PAIRS.update({(fold(_a), _b), (_a, fold(_b))})
for _name in ORG_NAMES.replace("|", " ").split():
    _groups.setdefault(fold(_name), set()).add(_name)


def correct_caps(text: str) -> str:
    """Upper-case words whose marks alone differ from an organisation word take that word's."""
    out: list[str] = []
    for word in text.split(" "):
        key = fold(word)
        known = None
        if word.isupper():
            prev = fold(out[-1]) if out else ""
            known = _AFTER.get((prev, key)) or _BY_FOLD.get(key)
        out.append(known or word)
    for i, word in enumerate(out):
        if word.isupper() and word.isalpha() and len(word) >= 3 and fold(word) not in _groups:
            out[i] = _parted(word) or _one_letter_off(word, fold(out[i - 1]) if i else "",
                                                      fold(out[i + 1]) if i + 1 < len(out) else "")
    return " ".join(out)


def _parted(word: str) -> str:
    """Two organisation words run together ("TỈÍNHỦY": the space lost, a mark read twice) that
    stand together in a body's name, parted; '' if there are no such two."""
    key = re.sub(r"([a-z])\1+", r"\1", fold(word))
    fits = {f"{a} {b}" for cut in range(2, len(key) - 1)
            for a in _groups.get(key[:cut], ()) for b in _groups.get(key[cut:], ())
            if (key[:cut], b) in _PAIRS and (a, key[cut:]) in _PAIRS}
    return fits.pop() if len(fits) == 1 else ""


def _one_letter_off(word: str, prev: str, nxt: str) -> str:
    key = fold(word)
    fits = {w for k, forms in _groups.items() if Levenshtein.distance(k, key) == 1
            for w in forms if (prev, w) in _PAIRS or (w, nxt) in _PAIRS}
    return fits.pop() if len(fits) == 1 else word


BODY_HEADS = ("uy ban", "hoi dong", "so ", "bo ", "ban ", "van phong", "thanh uy", "tinh uy",
              "huyen uy", "quan uy", "dang uy", "vien ", "cuc ", "tong cuc", "chinh phu",
              "thu tuong", "thanh tra", "toa an", "kho bac", "ngan hang", "trung tam",
              "truong ", "cong an", "bo chi huy", "lien doan", "hoi ", "mat tran", "doan ",
              "tinh doan", "thanh doan", "bao hiem", "chi cuc", "lien nganh", "dai ", "kiem toan",
              "quoc hoi", "bch ", "ban chap hanh", "hdnd", "ubnd")


def looks_like_body(name: str) -> bool:
    """Whether a certificate's name is a body's (its seal) rather than a person's."""
    key = fold(name).strip() + " "
    return key.startswith(BODY_HEADS)


_KNOWN = set(ORG_WORDS.split()) | set(ORG_NAMES.replace("|", " ").split()) | {"UBND", "HĐND", "TP", "VÀ", "CÁC", "CỦA"}


def known_word(word: str) -> bool:
    """Whether a word in capitals is one of the built-in body and place words, marks and all."""
    return word.strip(",.;:") in _KNOWN
