"""Text encoding of Shapefile attribute tables (.dbf) that come without a ``.cpg`` file.

A Shapefile's ``.dbf`` does not say reliably how its texts are encoded: the
``.cpg`` sidecar does, and French producers often leave it out. GDAL then reads
the texts as ISO-8859-1 or as the DBF's language-driver byte says, so that a
UTF-8 file shows "BÃ©thune" and a cp1252 file read as UTF-8 shows "B?thune".

:func:`shapefile_encoding` looks at the bytes of the records: bytes that decode
as UTF-8 and contain at least one non-ASCII sequence are UTF-8; anything else
with bytes above 127 is cp1252 (the Windows superset of latin-1 used by French
desktop software). Pure Python, no GDAL.
"""

from pathlib import Path

from .i18n import tr

#: At most this many bytes of the .dbf records are read to decide.
MAX_SNIFF_BYTES = 4 * 1024 * 1024

UTF8 = "UTF-8"
CP1252 = "CP1252"


def dbf_records_bytes(path, max_bytes=MAX_SNIFF_BYTES):
    """The bytes of the records of a .dbf file (header skipped), at most ``max_bytes``."""
    with open(path, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return b""
        header_length = int.from_bytes(header[8:10], "little")
        handle.seek(header_length)
        return handle.read(max_bytes)


def guess_text_encoding(raw):
    """``UTF8``, ``CP1252`` or None (only ASCII: nothing to decide) for raw text bytes."""
    if not any(byte > 127 for byte in raw):
        return None
    try:
        raw.decode("utf-8")
        return UTF8
    except UnicodeDecodeError as error:
        # a multi-byte sequence cut by the read limit is not a decoding error
        if error.start >= len(raw) - 3 and len(raw) >= MAX_SNIFF_BYTES - 3:
            return UTF8
        return CP1252


def cpg_encoding(text):
    """The GDAL encoding name of the content of a .cpg file, or None when it is not understood.

    ``UTF-8`` / ``UTF8``; a bare code page number (``1252``, ``65001``); ``ANSI 1252``,
    ``ISO 8859-1``, ``LATIN1``… passed on in the spelling GDAL knows.
    """
    value = " ".join(str(text).split()).upper()
    if not value:
        return None
    if value in ("UTF-8", "UTF8", "65001"):
        return UTF8
    if value.startswith("ANSI "):
        value = value[5:]
    if value.isdigit():
        return "CP" + value
    if value.replace(" ", "").replace("-", "").replace("_", "") in ("ISO88591", "LATIN1", "88591"):
        return "ISO-8859-1"
    return value.replace(" ", "")


def shapefile_encoding(shp_path):
    """``(encoding, message)`` to open a .shp with: the GDAL ``ENCODING`` open option to use,
    and a warning for the user when it was detected (no readable .cpg), else None.

    The encoding is always given to GDAL: QGIS sets ``SHAPE_ENCODING`` to "" (no recoding)
    for its own provider, which makes GDAL ignore even a .cpg file. ``(None, None)`` for
    other files, a .shp without .dbf, or texts that are pure ASCII.
    """
    shp_path = Path(shp_path)
    if shp_path.suffix.lower() != ".shp":
        return None, None
    siblings = {p.suffix.lower(): p for p in shp_path.parent.glob(shp_path.stem + ".*")
                if p.stem == shp_path.stem}
    if ".dbf" not in siblings:
        return None, None
    if ".cpg" in siblings:
        try:
            declared = cpg_encoding(siblings[".cpg"].read_text(encoding="ascii", errors="replace")[:100])
        except OSError:
            declared = None
        if declared:
            return declared, None
    encoding = guess_text_encoding(dbf_records_bytes(siblings[".dbf"]))
    if encoding is None:
        return None, None
    message = tr(
        "{name} has no .cpg file saying how its texts are encoded: read as {encoding} (detected). "
        "Check names with accents; add a .cpg file to make it explicit."
    ).format(name=shp_path.name, encoding=encoding)
    return encoding, message
