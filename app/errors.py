"""Domain errors. The UI turns each into a Vietnamese message; `field` names the form field."""
from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DomainError):
    """One or more fields are wrong; `errors` maps field name to message."""

    def __init__(self, errors: dict[str, str]):
        first_field, first_message = next(iter(errors.items()))
        super().__init__(first_message, first_field)
        self.errors = errors


class PossibleDuplicate(DomainError):
    def __init__(self, existing):
        super().__init__(
            f"Có thể trùng với văn bản đã đăng ký: số đến {existing.number}, "
            f"{existing.number_symbol} ngày {existing.doc_date:%d/%m/%Y}."
        )
        self.existing = existing


class NotFound(DomainError):
    pass


class NumberStateError(DomainError):
    """A reserve/void/use on a number whose state does not allow it."""


class SetupRequired(DomainError):
    pass


class OutOfOrder(DomainError):
    """An arrival earlier than the book's last one: numbers follow the order of arrival, so the
    clerk confirms (allow_out_of_order) before it takes the next number."""

    def __init__(self, last):
        super().__init__(
            f"Ngày đến sớm hơn văn bản đăng ký gần nhất ({last:%d/%m/%Y %H:%M}). Số đến đi theo "
            "thứ tự đến; xác nhận nếu văn bản này đúng là đến muộn hơn trong sổ.")
        self.last = last
