"""Organisations, users, tokens, sessions, sharing groups and releases in SQL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, or_, select, update

from tansiq.domain.identity import (
    ApiToken,
    LoginSession,
    MemberKind,
    Organisation,
    Release,
    ReleaseStatus,
    SharingGroup,
    User,
)
from tansiq.store.sql.tables import (
    api_tokens,
    group_members,
    identity_version,
    login_sessions,
    organisations,
    releases,
    sharing_groups,
    users,
)
from tansiq.store.sql.upsert import upsert


def _user_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "organisation": user.organisation,
        "roles": ",".join(sorted(user.roles)),
        "clearance": user.clearance,
        "password_hash": user.password_hash,
        "totp_secret": user.totp_secret,
        "active": user.active,
        "failed_logins": user.failed_logins,
        "locked_until": user.locked_until,
        "created_at": user.created_at,
    }


def _row_user(m: Any) -> User:
    return User(
        id=m["id"],
        email=m["email"],
        name=m["name"],
        organisation=m["organisation"],
        roles=frozenset(r for r in m["roles"].split(",") if r),
        clearance=m["clearance"],
        password_hash=m["password_hash"],
        totp_secret=m["totp_secret"],
        active=bool(m["active"]),
        failed_logins=int(m["failed_logins"]),
        locked_until=m["locked_until"],
        created_at=m["created_at"],
    )


def _row_release(m: Any) -> Release:
    return Release(
        id=m["id"],
        dataset=m["dataset"],
        group=m["group_name"],
        organisation=m["organisation"],
        requested_by=m["requested_by"],
        requested_at=m["requested_at"],
        status=ReleaseStatus(m["status"]),
        decided_by=m["decided_by"],
        decided_at=m["decided_at"],
        reason=m["reason"],
    )


class IdentityWrites:
    """Identity writes within one unit of work (mixed into the SQL writer). Each one bumps
    ``identity_version`` so cached principals are resolved again."""

    conn: Connection

    def _bump(self) -> None:
        upsert(
            self.conn,
            identity_version,
            [{"id": 1, "version": 1}],
            ["id"],
            lambda _: {"version": identity_version.c.version + 1},
        )

    def put_organisation(self, org: Organisation) -> None:
        self._bump()
        row = {
            "name": org.name,
            "title": org.title,
            "kind": org.kind,
            "client_of": org.client_of,
            "created_at": org.created_at,
        }
        upsert(self.conn, organisations, [row], ["name"], lambda ex: {"title": ex.title})

    def put_user(self, user: User) -> None:
        self._bump()
        row = _user_row(user)
        upsert(self.conn, users, [row], ["id"], lambda ex: {k: ex[k] for k in row if k != "id"})

    def put_token(self, token: ApiToken) -> None:
        self.conn.execute(api_tokens.insert().values(**token.__dict__))

    def revoke_token(self, token_id: str, when: str) -> None:
        self._bump()
        stmt = update(api_tokens).where(
            api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None)
        )
        self.conn.execute(stmt.values(revoked_at=when))

    def put_session(self, session: LoginSession) -> None:
        self.conn.execute(login_sessions.insert().values(**session.__dict__))

    def end_session(self, session_id: str, when: str) -> None:
        stmt = update(login_sessions).where(login_sessions.c.id == session_id)
        self.conn.execute(stmt.values(ended_at=when))

    def put_group(self, group: SharingGroup) -> None:
        self._bump()
        row = {
            "name": group.name,
            "title": group.title,
            "organisation": group.organisation,
            "created_at": group.created_at,
        }
        upsert(self.conn, sharing_groups, [row], ["name"], lambda ex: {"title": ex.title})
        self.conn.execute(delete(group_members).where(group_members.c.group_name == group.name))
        members = [(MemberKind.ORGANISATION, m) for m in group.organisations]
        members += [(MemberKind.USER, m) for m in group.users]
        if members:
            rows = [{"group_name": group.name, "kind": k.value, "member": m} for k, m in members]
            self.conn.execute(group_members.insert(), rows)

    def put_release(self, release: Release) -> None:
        self._bump()
        row = {
            "id": release.id,
            "dataset": release.dataset,
            "group_name": release.group,
            "organisation": release.organisation,
            "requested_by": release.requested_by,
            "requested_at": release.requested_at,
            "status": release.status.value,
            "decided_by": release.decided_by,
            "decided_at": release.decided_at,
            "reason": release.reason,
        }
        keep = ("id", "dataset", "group_name", "organisation", "requested_by", "requested_at")
        upsert(
            self.conn,
            releases,
            [row],
            ["id"],
            lambda ex: {k: ex[k] for k in row if k not in keep},
        )


VERSION = select(identity_version.c.version).where(identity_version.c.id == 1)


class IdentityReads:
    """Identity reads (mixed into the SQL store)."""

    engine: Engine

    def _all(self, stmt: Any) -> list[Any]:
        with self.engine.connect() as conn:
            return [row._mapping for row in conn.execute(stmt)]

    def identity_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(VERSION).scalar() or 0)

    def organisations(self) -> list[Organisation]:
        rows = self._all(select(organisations).order_by(organisations.c.name))
        return [Organisation(**dict(m)) for m in rows]

    def organisation(self, name: str) -> Organisation | None:
        rows = self._all(select(organisations).where(organisations.c.name == name))
        return Organisation(**dict(rows[0])) if rows else None

    def users(self, organisation: str | None = None) -> list[User]:
        stmt = select(users).order_by(users.c.email)
        if organisation is not None:
            stmt = stmt.where(users.c.organisation == organisation)
        return [_row_user(m) for m in self._all(stmt)]

    def user(self, *, user_id: str | None = None, email: str | None = None) -> User | None:
        stmt = select(users).where(users.c.id == user_id if user_id else users.c.email == email)
        rows = self._all(stmt)
        return _row_user(rows[0]) if rows else None

    def tokens(self, user_id: str | None = None) -> list[ApiToken]:
        stmt = select(api_tokens).order_by(api_tokens.c.created_at)
        if user_id is not None:
            stmt = stmt.where(api_tokens.c.user_id == user_id)
        return [ApiToken(**dict(m)) for m in self._all(stmt)]

    def token(self, token_id: str) -> ApiToken | None:
        rows = self._all(select(api_tokens).where(api_tokens.c.id == token_id))
        return ApiToken(**dict(rows[0])) if rows else None

    def login_session(self, session_id: str) -> LoginSession | None:
        rows = self._all(select(login_sessions).where(login_sessions.c.id == session_id))
        return LoginSession(**dict(rows[0])) if rows else None

    def groups(self, names: Iterable[str] | None = None) -> list[SharingGroup]:
        stmt = select(sharing_groups).order_by(sharing_groups.c.name)
        if names is not None:
            stmt = stmt.where(sharing_groups.c.name.in_(list(names)))
        found = self._all(stmt)
        members = self._all(
            select(group_members).where(group_members.c.group_name.in_([m["name"] for m in found]))
        )
        return [_group(m, members) for m in found]

    def groups_of(
        self, organisations_: Iterable[str], user_id: str | None
    ) -> list[tuple[str, str, str]]:
        """Memberships of these organisations or this user: (group, kind, member)."""
        orgs = and_(
            group_members.c.kind == MemberKind.ORGANISATION.value,
            group_members.c.member.in_(list(organisations_)),
        )
        named = and_(
            group_members.c.kind == MemberKind.USER.value, group_members.c.member == user_id
        )
        rows = self._all(select(group_members).where(or_(orgs, named)))
        return [(m["group_name"], m["kind"], m["member"]) for m in rows]

    def releases(
        self,
        *,
        groups: Iterable[str] | None = None,
        organisation: str | None = None,
        status: ReleaseStatus | None = None,
    ) -> list[Release]:
        stmt = select(releases).order_by(releases.c.requested_at.desc())
        if groups is not None:
            stmt = stmt.where(releases.c.group_name.in_(list(groups)))
        if organisation is not None:
            stmt = stmt.where(releases.c.organisation == organisation)
        if status is not None:
            stmt = stmt.where(releases.c.status == status.value)
        return [_row_release(m) for m in self._all(stmt)]

    def release(self, release_id: str) -> Release | None:
        rows = self._all(select(releases).where(releases.c.id == release_id))
        return _row_release(rows[0]) if rows else None


def _group(m: Any, members: list[Any]) -> SharingGroup:
    mine = [x for x in members if x["group_name"] == m["name"]]
    return SharingGroup(
        name=m["name"],
        title=m["title"],
        organisation=m["organisation"],
        created_at=m["created_at"],
        organisations=frozenset(x["member"] for x in mine if x["kind"] == "organisation"),
        users=frozenset(x["member"] for x in mine if x["kind"] == "user"),
    )
