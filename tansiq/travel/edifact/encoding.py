"""Bytes to text for EDIFACT files, whatever the sender's encoding.

UNOA/UNOB interchanges are ASCII, but files arrive as UTF-8 (with or without a
byte order mark), UTF-16 (from Windows tools) or Latin-1 (UNOC). A UTF-16 file
read as UTF-8 would be all NUL bytes and no segment: it is recognised by its
byte order mark, or by NUL bytes in every other position.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_edifact(data: bytes) -> str:
    """Decode an EDIFACT file: BOM first, then UTF-16 by its NULs, UTF-8, else Latin-1.

    Never raises: an odd trailing byte of a cut UTF-16 text becomes U+FFFD.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    utf16 = _utf16_without_bom(data[:64])
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(head: bytes) -> str | None:
    """Name the UTF-16 byte order of an ASCII-looking text, or None."""
    if len(head) < 4:
        return None
    if head[1::2].count(0) == len(head[1::2]) and 0 not in head[0::2]:
        return "utf-16-le"
    if head[0::2].count(0) == len(head[0::2]) and 0 not in head[1::2]:
        return "utf-16-be"
    return None
