from dataclasses import replace

from tansiq.domain.audit import GENESIS_HASH, AuditAction, AuditEvent, chain_hash, verify_chain


def _chain(n: int) -> list[tuple[int, AuditEvent, str, str]]:
    rows, previous = [], GENESIS_HASH
    for i in range(1, n + 1):
        event = AuditEvent(
            f"2026-11-23T10:00:0{i}",
            "analyst-a",
            "Agency A",
            AuditAction.SEARCH,
            f"query {i}",
            {"total": i},
        )
        digest = chain_hash(previous, event)
        rows.append((i, event, previous, digest))
        previous = digest
    return rows


def test_an_untouched_chain_verifies() -> None:
    assert verify_chain(_chain(5)) is None


def test_it_detects_a_changed_event() -> None:
    rows = _chain(5)
    seq, event, prev, digest = rows[2]
    rows[2] = (seq, replace(event, target="something else"), prev, digest)
    broken = verify_chain(rows)
    assert broken is not None and broken.sequence == 3 and "changed" in broken.reason


def test_it_detects_a_deleted_event() -> None:
    rows = _chain(5)
    del rows[1]
    broken = verify_chain(rows)
    assert broken is not None and broken.sequence == 3 and "missing" in broken.reason
