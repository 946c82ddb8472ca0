"""Who is acting: the logged-in user as the services see it.

Roles and clearances are plain strings so that the CLI, the window and the stores share them."""
from __future__ import annotations

from dataclasses import dataclass

ROLES = ("van-thu", "lanh-dao", "quan-tri")
CLEARANCES = ("none", "mat", "toi-mat", "tuyet-mat")  # in rising order
ROLE_NAMES = {"van-thu": "Văn thư", "lanh-dao": "Lãnh đạo / tra cứu", "quan-tri": "Quản trị"}
CLEARANCE_NAMES = {"none": "Không", "mat": "Mật", "toi-mat": "Tối mật", "tuyet-mat": "Tuyệt mật"}


@dataclass(frozen=True)
class Actor:
    name: str
    role: str = "van-thu"
    clearance: str = "none"

    def cleared_for(self, level: str) -> bool:
        """True when this user may see an item of `level` ("mat", "toi-mat", "tuyet-mat")."""
        return CLEARANCES.index(self.clearance) >= CLEARANCES.index(level)
