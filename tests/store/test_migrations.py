from tansiq.store.migrate import check, current_revision, head_revision


def test_the_migrated_schema_matches_the_code(database_url: str) -> None:
    check(database_url)
    assert current_revision(database_url) == head_revision() == "0005"
