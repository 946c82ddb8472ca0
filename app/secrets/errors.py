"""Errors of the secret capability; each carries the Vietnamese message the clerk sees."""
from app.errors import DomainError


class SecretError(DomainError):
    pass


class NotCleared(SecretError):
    """The acting user has no clearance for this level (the refusal is logged)."""


class KeyProblem(SecretError):
    """The store cannot be opened: wrong password or recovery key, keyring entry gone, copied."""


class StoreMissing(SecretError):
    pass


class NetworkUp(SecretError):
    """A network interface is up and no independent LAN is recorded: no writes (Luật BVBMNN)."""


class SecretStateError(SecretError):
    """An action the item's state does not allow (destroyed, recalled, declassified twice…)."""
