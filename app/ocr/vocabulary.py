"""Words of Vietnamese organisation names, to put back tone marks that Tesseract's `vie` model
commonly confuses in capitals (TỈNH read as TÍNH, KIỂM as KIẾM, ĐẢNG as ĐÁNG). A word is
replaced only when it differs from a known word by its marks alone, and only in the issuer's
lines, where these words are what is written."""
from __future__ import annotations

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
"""

# Words whose unaccented form belongs to one organisation word only; ambiguous ones (VĂN and
# VẬN, CÔNG and CỘNG) are left as read, except TỈNH, which is what a header almost always says.
_groups: dict[str, set[str]] = {}
for _w in ORG_WORDS.split():
    _groups.setdefault(fold(_w), set()).add(_w)
_BY_FOLD = {k: next(iter(v)) for k, v in _groups.items() if len(v) == 1}
_BY_FOLD["tinh"] = "TỈNH"
_AFTER = {("ha", "tinh"): "TĨNH"}  # Hà Tĩnh


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
    return " ".join(out)
