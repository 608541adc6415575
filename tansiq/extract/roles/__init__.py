"""Learnt event roles: a weights-only model that scores the words of a document for each role.

The model (:class:`~tansiq.extract.roles.model.RoleModel`) is trained by the user on annotated
reporting with :func:`~tansiq.extract.roles.training.train` (scikit-learn, the ``train`` extra)
and saved as plain weights in a JSON(.gz) file; scoring needs only the standard library and numpy.
The extraction pipeline attaches its predictions to the document's events
(:mod:`~tansiq.extract.roles.attach`), marked as model predictions with their probability.
See docs/decisions/0008-learnt-event-roles.md.
"""

from __future__ import annotations

from tansiq.extract.roles.model import RoleModel, load_role_model
from tansiq.extract.roles.selection import ROLES

__all__ = ["ROLES", "RoleModel", "load_role_model"]
