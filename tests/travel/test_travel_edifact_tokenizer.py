"""Behaviour of the EDIFACT tokenizer."""

from __future__ import annotations

from tansiq.travel.edifact import tokenize


def test_it_splits_elements_and_components_and_honours_the_release_character() -> None:
    segments = list(tokenize("UNH+1+PAXLST:D:05B'NAD+FL+++O?'BRIEN?+CO?:X:SEAN'"))
    assert [s.tag for s in segments] == ["UNH", "NAD"]
    assert segments[0].elements == (("1",), ("PAXLST", "D", "05B"))
    assert segments[1].get(3) == "O'BRIEN+CO:X"
    assert segments[1].get(3, 1) == "SEAN"
    assert segments[1].get(9, 9) == ""


def test_it_reads_the_una_service_string_advice() -> None:
    text = "UNA:*.? \r\nUNB*UNOA:4*A*B\r\nUNH*1*PAXLST:D:02B\r\n"
    segments = list(tokenize(text))
    assert [s.tag for s in segments] == ["UNB", "UNH"]
    assert segments[1].get(1, 2) == "02B"
    assert all(s.error is None for s in segments)


def test_it_allows_newlines_and_indentation_between_segments() -> None:
    segments = list(tokenize(" UNA:+.?*'\n UNB+UNOA:4'\n UNG +PAXLST'\n"))
    assert [s.tag for s in segments] == ["UNB", "UNG"]
    assert segments[1].line == 3


def test_it_reports_junk_and_an_unterminated_last_segment() -> None:
    segments = list(tokenize("UNZ+1+X'13Nov09\nUNA:+.? 'UNB+UNOA:4'NAD+FL+++SMI"))
    assert [s.tag for s in segments] == ["UNZ", "", "UNB", "NAD"]
    assert segments[1].error is not None and "not a segment" in segments[1].error
    assert segments[3].error == "segment not terminated (truncated?)"


def test_a_five_character_una_is_read_with_a_warning() -> None:
    segments = list(tokenize("UNA:+\\*'\nUNB+IATA:1'\nLTS+0/\\*1A\\*'\n"))
    assert [s.tag for s in segments] == ["UNA", "UNB", "LTS"]
    assert segments[0].error is not None and "five characters" in segments[0].error
    assert segments[2].get(0) == "0/*1A*"


def test_a_release_character_ending_the_text_is_kept() -> None:
    [segment] = tokenize("FTX+AB?")
    assert segment.get(0) == "AB?" and segment.error == "segment not terminated (truncated?)"
