"""Child process for the crash and concurrency tests: registers entries and reports each commit."""
import sys

from app.registers import service
from app.registers.draft import Draft
from app.store import open_store

data_dir, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
store = open_store(data_dir)
for i in range(count):
    with store.Session.begin() as s:
        v = service.register(s, "incoming", Draft(
            received_at="05/03/2026 08:00", issuer=f"Sở Nội vụ {tag}", number_symbol=f"{i}/{tag}",
            doc_date="04/03/2026", doc_type="Công văn", summary="V/v kiểm tra " * 20))
    print(v.id, v.number, flush=True)
