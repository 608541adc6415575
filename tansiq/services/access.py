"""The permission check every service runs before it acts."""

from __future__ import annotations

from tansiq.domain.principal import Principal
from tansiq.domain.roles import Permission
from tansiq.exceptions import PermissionDenied


def require(principal: Principal, permission: Permission) -> None:
    """Refuse unless ``principal`` holds ``permission``."""
    if not principal.can(permission):
        raise PermissionDenied(f"{principal.id} may not {permission.value} (role permissions)")
