"""Vocabulary for the synthetic evaluation set: provinces, agencies, people, document texts.

Kept apart from the drawing code so the generator stays readable; every string carries full
diacritics because the point of the set is Vietnamese OCR.
"""

PROVINCES = [
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
    "Phú Thọ", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Lâm Đồng", "Đắk Lắk", "Gia Lai",
    "Quảng Ngãi", "Khánh Hòa", "Đồng Tháp", "An Giang", "Cà Mau", "Vĩnh Long", "Tây Ninh",
    "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Sơn La", "Điện Biên", "Lạng Sơn", "Cao Bằng",
]

# (parent line or "", issuer line(s) joined by "|" where the issuer wraps, symbol abbreviation)
STATE_ISSUERS = [
    ("UBND TỈNH {P}", "SỞ NỘI VỤ", "SNV"),
    ("UBND TỈNH {P}", "SỞ TÀI CHÍNH", "STC"),
    ("UBND TỈNH {P}", "SỞ TƯ PHÁP", "STP"),
    ("UBND TỈNH {P}", "SỞ Y TẾ", "SYT"),
    ("UBND TỈNH {P}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"),
    ("UBND TỈNH {P}", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SNNMT"),
    ("UBND TỈNH {P}", "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "BQLKCN"),
    ("", "ỦY BAN NHÂN DÂN|TỈNH {P}", "UBND"),
    ("", "ỦY BAN NHÂN DÂN|XÃ {X}", "UBND"),
    ("BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC", "VTLTNN"),
    ("", "BỘ TÀI CHÍNH", "BTC"),
    ("", "BỘ NỘI VỤ", "BNV"),
    ("UBND TỈNH {P}", "VĂN PHÒNG", "VP"),
]

PARTY_ISSUERS = [
    ("TỈNH ỦY {P}", "BAN TỔ CHỨC", "BTCTU"),
    ("TỈNH ỦY {P}", "VĂN PHÒNG", "VPTU"),
    ("TỈNH ỦY {P}", "ỦY BAN KIỂM TRA", "UBKTTU"),
    ("TỈNH ỦY {P}", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU"),
    ("ĐẢNG BỘ TỈNH {P}", "TỈNH ỦY", "TU"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "VPTW"),
    ("ĐẢNG BỘ XÃ {X}", "ĐẢNG ỦY", "ĐU"),
]

COMMUNES = ["Quảng Phú", "Hoằng Hóa", "Tân Lập", "Yên Định", "Phú Lộc", "Đông Sơn", "Thiệu Trung",
            "Hòa Bình", "Nam Trực", "Vĩnh Lộc"]

# (name, abbreviation, state?, party?) — type lines that get a title; Công văn has none.
TYPES = [
    ("Quyết định", "QĐ"), ("Thông báo", "TB"), ("Kế hoạch", "KH"), ("Tờ trình", "TTr"),
    ("Báo cáo", "BC"), ("Nghị quyết", "NQ"), ("Hướng dẫn", "HD"), ("Chỉ thị", "CT"),
    ("Công văn", ""), ("Công văn", ""), ("Giấy mời", "GM"), ("Kết luận", "KL"),
]

SUMMARIES = [
    "Về việc kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh {P}",
    "Về việc ban hành Quy chế làm việc của cơ quan năm {Y}",
    "Kết quả thực hiện nhiệm vụ công tác văn thư, lưu trữ năm {Y1}",
    "Triển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm {Y}",
    "Về việc tổ chức Hội nghị tổng kết công tác xây dựng Đảng năm {Y1}",
    "Về việc phê duyệt danh mục hồ sơ của cơ quan năm {Y}",
    "Tăng cường công tác quản lý, sử dụng tài sản công tại các cơ quan, đơn vị",
    "Đề nghị bổ sung kinh phí thực hiện chương trình mục tiêu quốc gia",
    "Thực hiện chế độ báo cáo thống kê ngành Nội vụ",
    "Về việc cử cán bộ tham gia lớp bồi dưỡng nghiệp vụ quản lý nhà nước",
    "Quy định chế độ làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XXI, nhiệm kỳ 2025 - 2030",
    "Về công tác tuyển dụng công chức cấp xã năm {Y}",
    "Về việc tăng cường bảo vệ bí mật nhà nước trong tình hình mới",
]

LEGAL = [  # (type name, type abbr, issuer lines, symbol issuer, summary)
    ("Nghị định", "NĐ", ("", "CHÍNH PHỦ"), "CP",
     "Quy định về công tác văn thư"),
    ("Thông tư", "TT", ("", "BỘ NỘI VỤ"), "BNV",
     "Quy định thời hạn bảo quản hồ sơ, tài liệu chuyên môn nghiệp vụ của ngành Nội vụ"),
    ("Quyết định", "QĐ", ("", "ỦY BAN NHÂN DÂN|TỈNH {P}"), "UBND",
     "Ban hành Quy định phân cấp quản lý tổ chức bộ máy, công chức, viên chức"),
]

PEOPLE = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Đức Thắng", "Phạm Minh Tuấn", "Hoàng Thị Lan",
          "Vũ Quốc Khánh", "Đặng Thị Hồng Nhung", "Bùi Xuân Trường", "Đỗ Thanh Sơn", "Ngô Thị Mỹ Linh"]

SIGN_STATE = [("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("GIÁM ĐỐC", ""), ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
              ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), ("TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG")]
SIGN_PARTY = [("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("K/T BÍ THƯ", "PHÓ BÍ THƯ"),
              ("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), ("TRƯỞNG BAN", "")]

# Body paragraphs deliberately quote other numbers, dates, urgency and secrecy words.
BODY = [
    "Căn cứ Quyết định số {N2}/QĐ-UBND ngày {D2} của Ủy ban nhân dân tỉnh về việc ban hành "
    "Quy chế công tác văn thư, lưu trữ; căn cứ Công văn số {N3}/BNV-VP ngày {D3} của Bộ Nội vụ.",
    "Thực hiện Kết luận số {N4}-KL/TW ngày {D4} của Bộ Chính trị, đề nghị các cơ quan, đơn vị "
    "khẩn trương triển khai thực hiện, báo cáo kết quả trước ngày 30 tháng 6 năm {Y}.",
    "Các đơn vị có trách nhiệm bảo mật thông tin, tài liệu theo quy định; không để lộ, lọt bí mật "
    "nhà nước; việc sao, chụp tài liệu phải được cấp có thẩm quyền cho phép.",
    "Giao Văn phòng chủ trì, phối hợp với các phòng chuyên môn theo dõi, đôn đốc việc thực hiện; "
    "trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh kịp thời để xem xét, giải quyết.",
    "Số liệu tổng hợp đến ngày {D5}: tiếp nhận {N5} văn bản đến, ban hành {N6} văn bản đi, "
    "lập {N7} hồ sơ công việc; tỷ lệ văn bản được xử lý đúng hạn đạt 97,5%.",
    "Việc chuẩn bị nội dung phải bảo đảm chất lượng, đúng tiến độ; thủ trưởng các cơ quan chịu "
    "trách nhiệm trước Ủy ban nhân dân tỉnh về kết quả thực hiện nhiệm vụ được giao.",
]
