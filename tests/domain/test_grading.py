import pytest

from tansiq.domain.grading import Grade
from tansiq.exceptions import InvalidData


def test_it_reads_an_admiralty_grade() -> None:
    grade = Grade.parse("b2")
    assert (grade.reliability, grade.credibility) == ("B", 2)
    assert str(grade) == "B2"
    assert grade.description == "Usually reliable; probably true"


@pytest.mark.parametrize("text", ["G1", "A7", "A0", "AB", "B", "B22", ""])
def test_it_refuses_grades_off_the_scale(text: str) -> None:
    with pytest.raises(InvalidData):
        Grade.parse(text)


def test_the_default_grade_says_nothing_can_be_judged() -> None:
    assert str(Grade()) == "F6"
