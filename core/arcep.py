"""ARCEP fixed broadband ("Ma connexion internet", MCI) without QGIS.

Sources (Licence Ouverte 2.0, quarterly; see docs/methodologie.md § 7):

* buildings ``base_imb_<DEP>.csv.gz`` — ``;``-separated, one row per
  building: ``imb_id``, ``imb_x``/``imb_y`` in **EPSG:3857** (Web
  Mercator), ``imb_code_insee``, ``imb_nbr_logloc`` (premises: dwellings and
  business premises);
* eligibility ``actuel_<DEP>.csv.gz`` — one row per building × operator ×
  technology: ``imb_id``, ``code_operateur``, ``code_techno`` (FO, CU, COAX,
  4GF, THDR, HDR, SAT), ``classe_debit_descendant`` (INEL < HD05 < HD3 <
  BHD8 < THD30 < THD100 < THD1G).

A département has up to ~2 M buildings and ~30 M eligibility rows: both are
streamed in chunks (gzip read as it goes), only the buildings inside the
study area's bounding box are kept, and each building keeps one byte of
flags (:data:`FLAG_FTTH`…) — never a whole file in memory.

Per unit (cell, IRIS, circle around a point), over the buildings inside it,
with ``p_b`` the premises of building ``b``::

    premises        = Σ p_b                                   (NULL when no building)
    share_ftth      = Σ p_b [b has a FO row] / premises
    share_wired_30  = Σ p_b [b has a FO, COAX or CU row at THD30 or better] / premises
    share_no_thd    = Σ p_b [b has no non-SAT row at THD30 or better] / premises
    share_below_8   = Σ p_b [b has no non-SAT row at BHD8 or better] / premises

A building without any eligibility row counts as having nothing (no FO, no
THD30, below 8 Mbit/s). Satellite rows never count: satellite is offered
everywhere at 30–100 Mbit/s and would hide every gap (the "satellite trap"
of ``commune_debit.csv``).
"""

import gzip
import io
import math
import os
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .errors import DataError, InputError
from .http import DAY, cancel_check, raise_if_canceled
from .i18n import tr

DEFAULT_BASE_URL = "https://data.arcep.fr"
MCI_PATH = "/fixe/maconnexioninternet"
BUILDINGS_PATH = MCI_PATH + "/base_imb/last/departement/base_imb_{dep}.csv.gz"
ELIGIBILITY_PATH = MCI_PATH + "/eligibilite/last/departement/actuel_{dep}.csv.gz"
COMMUNE_STATS_PATH = MCI_PATH + "/statistiques/last/commune/{name}.csv"
TTL = 7 * DAY  # quarterly files: checked again (ETag) after a week
LICENCE_MCI = "Licence Ouverte 2.0 (Etalab)"
LICENCE_MRM = "Licence Ouverte 1.0 (Etalab)"
SOURCE_MCI = "ARCEP, Ma connexion internet"
SOURCE_MRM = "ARCEP, Mon réseau mobile (couvertures théoriques)"

#: Down-speed classes, slowest first (index = rank).
DOWN_CLASSES = ("INEL", "HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G")
RANK = {name: rank for rank, name in enumerate(DOWN_CLASSES)}
THD30 = RANK["THD30"]
BHD8 = RANK["BHD8"]
TECHNOLOGIES = ("FO", "COAX", "CU", "4GF", "THDR", "HDR", "SAT")
WIRED = ("FO", "COAX", "CU")
SATELLITE = "SAT"

FLAG_ROW = 1  # at least one eligibility row
FLAG_FTTH = 2  # a FO row
FLAG_WIRED_30 = 4  # a FO/COAX/CU row at THD30 or better
FLAG_THD = 8  # a non-SAT row at THD30 or better
FLAG_BHD8 = 16  # a non-SAT row at BHD8 or better

#: Output fields of a unit, in order (one source of truth for algorithms and docs).
UNIT_FIELDS = ("premises", "share_ftth", "share_wired_30", "share_no_thd", "share_below_8")

BUILDING_COLUMNS = ("imb_id", "imb_x", "imb_y", "imb_code_insee", "imb_nbr_logloc")
ELIGIBILITY_COLUMNS = ("imb_id", "code_operateur", "code_techno", "classe_debit_descendant")
CHUNK_ROWS = 200_000
EARTH_RADIUS = 6378137.0  # EPSG:3857 sphere


# --------------------------------------------------------------------------
# Places: départements and URLs
# --------------------------------------------------------------------------
def departement_of(code_insee):
    """Département of an INSEE commune code, as text: ``01``, ``2A``, ``974``."""
    code = str(code_insee or "").strip().upper()
    if len(code) == 4 and code.isdigit():  # a code read as a number lost its leading zero
        code = "0" + code
    if len(code) != 5:
        raise InputError(tr("{code} is not an INSEE commune code.").format(code=code_insee))
    return code[:3] if code.startswith("97") else code[:2]


def departements_of(codes):
    """Sorted distinct départements of commune codes."""
    return sorted({departement_of(code) for code in codes if str(code or "").strip()})


def parse_departements(text):
    """Département codes of a text (``62, 59`` …), checked."""
    items = [t.strip().upper() for t in str(text or "").replace(";", ",").replace(" ", ",").split(",")]
    items = [t.zfill(2) if t.isdigit() and len(t) == 1 else t for t in items if t]
    bad = [t for t in items if not _is_departement(t)]
    if bad:
        raise InputError(
            tr("{codes}: not a département code (such as 62, 2A or 974).").format(codes=", ".join(bad))
        )
    return list(dict.fromkeys(items))


def _is_departement(code):
    if len(code) == 2:
        return code.isdigit() or code in ("2A", "2B")
    return len(code) == 3 and code.startswith("97") and code.isdigit()


def base_url(settings=None, environ=None):
    """Base of data.arcep.fr; ``VILLE_NUMERIQUE_ARCEP_URL`` (or the setting) overrides it."""
    environ = os.environ if environ is None else environ
    value = environ.get("VILLE_NUMERIQUE_ARCEP_URL") or getattr(settings, "arcep_url", None)
    return (value or DEFAULT_BASE_URL).strip().rstrip("/")


def buildings_url(dep, base=None):
    return (base or base_url()) + BUILDINGS_PATH.format(dep=dep)


def eligibility_url(dep, base=None):
    return (base or base_url()) + ELIGIBILITY_PATH.format(dep=dep)


def commune_stats_url(name, base=None):
    return (base or base_url()) + COMMUNE_STATS_PATH.format(name=name)


# --------------------------------------------------------------------------
# Coordinates (EPSG:3857 is a sphere: exact formulas, no library)
# --------------------------------------------------------------------------
def mercator_to_lonlat(x, y):
    """EPSG:3857 metres → WGS 84 degrees (arrays)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    lon = np.degrees(x / EARTH_RADIUS)
    lat = np.degrees(2.0 * np.arctan(np.exp(y / EARTH_RADIUS)) - math.pi / 2.0)
    return lon, lat


def lonlat_to_mercator(lon, lat):
    """WGS 84 degrees → EPSG:3857 metres (arrays)."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x = EARTH_RADIUS * np.radians(lon)
    y = EARTH_RADIUS * np.log(np.tan(math.pi / 4.0 + np.radians(lat) / 2.0))
    return x, y


def mercator_bbox(bbox_lonlat):
    """A WGS 84 (lon_min, lat_min, lon_max, lat_max) box in EPSG:3857."""
    x, y = lonlat_to_mercator([bbox_lonlat[0], bbox_lonlat[2]], [bbox_lonlat[1], bbox_lonlat[3]])
    return float(x[0]), float(y[0]), float(x[1]), float(y[1])


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------
class _CountingReader(io.RawIOBase):
    """A binary file that counts the bytes read (progress of a gzip stream)."""

    def __init__(self, handle):
        self.handle = handle
        self.done = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = self.handle.readinto(buffer)
        self.done += n or 0
        return n


class TextSource:
    """A CSV file, plain or gzip (told by its first bytes), read as a stream.

    ``fraction()`` is the share of the file read so far (compressed bytes).
    """

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.size = max(self.path.stat().st_size, 1)
            self._raw = open(self.path, "rb")
        except OSError as error:
            raise DataError(
                tr("{name} cannot be opened: {error}").format(name=self.path.name, error=error.strerror or error)
            ) from None
        self._counter = _CountingReader(self._raw)
        head = self._raw.read(2)
        self._raw.seek(0)
        buffered = io.BufferedReader(self._counter, 1024 * 1024)
        stream = gzip.GzipFile(fileobj=buffered) if head == b"\x1f\x8b" else buffered
        self.text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")

    def fraction(self):
        return min(1.0, self._counter.done / self.size)

    def close(self):
        self.text.close()
        self._raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _header(source, wanted, what):
    """Delimiter and column names of ``source``; DataError when ``wanted`` columns miss."""
    try:
        line = source.text.readline()
    except (OSError, EOFError, zlib.error) as error:
        raise DataError(
            tr("{name} cannot be read ({error}): the file is damaged or not a CSV file.").format(
                name=source.path.name, error=error
            )
        ) from None
    delimiter = ";" if line.count(";") >= line.count(",") else ","
    names = [n.strip().strip('"').lower() for n in line.rstrip("\r\n").split(delimiter)]
    missing = [c for c in wanted if c not in names]
    if missing:
        raise DataError(
            tr(
                "{name} is not an ARCEP {what} file: the column(s) {missing} are missing "
                "(columns found: {found})."
            ).format(name=source.path.name, what=what, missing=", ".join(missing), found=", ".join(names[:12]))
        )
    return delimiter, names


def _chunks(source, delimiter, names, usecols, dtype, chunk_rows):
    """pandas chunks of ``source`` (header already read)."""
    import pandas as pd  # lazy: only the ARCEP readers need pandas

    try:
        reader = pd.read_csv(
            source.text,
            sep=delimiter,
            names=names,
            header=None,
            usecols=list(usecols),
            dtype=dtype,
            chunksize=chunk_rows,
            na_filter=False,  # empty cells stay "" (no NA detection: ~25 % faster)
            quotechar='"',
            low_memory=True,
        )
        yield from reader
    except (ValueError, OSError, EOFError, zlib.error, pd.errors.ParserError) as error:
        raise DataError(
            tr("{name} cannot be read past a damaged part ({error}). Download it again.").format(
                name=source.path.name, error=str(error).splitlines()[0] if str(error) else type(error).__name__
            )
        ) from None


def file_edition(path):
    """What can be told of a file's edition: its name and its modification date (UTC)."""
    path = Path(path)
    stamp = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
    return {"file": path.name, "modified": stamp.date().isoformat()}


# --------------------------------------------------------------------------
# Buildings
# --------------------------------------------------------------------------
@dataclass
class Buildings:
    """Buildings of one or more ``base_imb`` files (only those in the bbox).

    ``x``/``y`` are EPSG:3857; ``premises`` is ``imb_nbr_logloc`` (missing or
    negative → 0, counted in ``n_no_premises``).
    """

    ids: np.ndarray
    x: np.ndarray
    y: np.ndarray
    premises: np.ndarray
    code_insee: np.ndarray
    n_read: int = 0
    n_outside: int = 0  # outside the bbox, or without usable coordinates or id
    n_no_premises: int = 0
    n_duplicates: int = 0
    files: list = field(default_factory=list)

    def __len__(self):
        return int(self.ids.size)

    def lonlat(self):
        return mercator_to_lonlat(self.x, self.y)

    def index(self):
        """A pandas Index of the building ids (hash lookups of eligibility rows)."""
        import pandas as pd

        return pd.Index(self.ids)


def _file_chunks(paths, columns, what, dtype, chunk_rows, check, progress, editions):
    """Every chunk of every file in turn: the cancel is checked before each chunk, the progress
    reported after it (0–1 over all the files), and each file's edition appended to ``editions``."""
    for number, path in enumerate(paths):
        with TextSource(path) as source:
            delimiter, names = _header(source, columns, what)
            for chunk in _chunks(source, delimiter, names, columns, dtype, chunk_rows):
                raise_if_canceled(check)
                yield chunk
                if progress is not None:
                    progress((number + source.fraction()) / len(paths))
        editions.append(file_edition(path))


def read_buildings(paths, bbox=None, chunk_rows=CHUNK_ROWS, progress=None, is_canceled=None):
    """Stream ``base_imb`` files; keep the buildings inside ``bbox``.

    ``bbox``: (lon_min, lat_min, lon_max, lat_max) in WGS 84, or None for all.
    ``progress(fraction)`` is called between chunks.
    """
    import pandas as pd

    check = cancel_check(is_canceled)
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    box = mercator_bbox(bbox) if bbox is not None else None
    parts = {name: [] for name in ("ids", "x", "y", "premises", "code_insee")}
    result = Buildings(*(np.empty(0) for _ in range(5)))
    dtype = {"imb_id": str, "imb_code_insee": str, "imb_x": str, "imb_y": str, "imb_nbr_logloc": str}
    for chunk in _file_chunks(paths, BUILDING_COLUMNS, tr("buildings (base_imb)"), dtype, chunk_rows, check,
                              progress, result.files):
        result.n_read += len(chunk)
        x = _numbers(chunk["imb_x"])
        y = _numbers(chunk["imb_y"])
        keep = np.isfinite(x) & np.isfinite(y) & (chunk["imb_id"].to_numpy(dtype=object) != "")
        if box is not None:
            keep &= (x >= box[0]) & (x <= box[2]) & (y >= box[1]) & (y <= box[3])
        result.n_outside += int((~keep).sum())
        premises = _numbers(chunk["imb_nbr_logloc"])
        bad = ~np.isfinite(premises) | (premises < 0)
        result.n_no_premises += int((bad & keep).sum())
        premises = np.where(bad, 0, premises)
        parts["ids"].append(chunk["imb_id"].to_numpy(dtype=object)[keep])
        parts["x"].append(x[keep])
        parts["y"].append(y[keep])
        parts["premises"].append(premises[keep].astype(np.int32))
        parts["code_insee"].append(chunk["imb_code_insee"].fillna("").to_numpy(dtype=object)[keep])
    arrays = {
        name: np.concatenate(items) if items else np.empty(0, dtype=object if name in ("ids", "code_insee") else float)
        for name, items in parts.items()
    }
    ids = arrays["ids"]
    unique = ~pd.Index(ids).duplicated(keep="first") if ids.size else np.ones(0, dtype=bool)
    result.n_duplicates = int((~unique).sum())
    result.ids = ids[unique]
    result.x = arrays["x"][unique]
    result.y = arrays["y"][unique]
    result.premises = arrays["premises"][unique].astype(np.int64)
    result.code_insee = arrays["code_insee"][unique]
    return result


def _numbers(series):
    """A text column as floats (decimal comma accepted; bad → NaN)."""
    import pandas as pd

    values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(values) & (series.to_numpy(dtype=object) != "")
    if bad.any():  # decimal commas or spaces of a hand-edited file
        fixed = series[bad].astype(str).str.strip().str.replace(",", ".", regex=False)
        values[bad] = pd.to_numeric(fixed, errors="coerce").to_numpy(dtype=float)
    return values


# --------------------------------------------------------------------------
# Eligibility
# --------------------------------------------------------------------------
def row_flags(techno, down_class):
    """The flags one eligibility row gives its building (the rules, for one row)."""
    techno = str(techno or "").strip().upper()
    rank = RANK.get(str(down_class or "").strip().upper(), -1)
    flags = FLAG_ROW
    if techno == "FO":
        flags |= FLAG_FTTH
    if techno in WIRED and rank >= THD30:
        flags |= FLAG_WIRED_30
    if techno != SATELLITE and rank >= THD30:
        flags |= FLAG_THD
    if techno != SATELLITE and rank >= BHD8:
        flags |= FLAG_BHD8
    return flags


@dataclass
class Eligibility:
    """Flags per building (aligned with a :class:`Buildings`) and reading counts."""

    flags: np.ndarray
    n_rows: int = 0
    n_matched: int = 0
    unknown_classes: Counter = field(default_factory=Counter)
    unknown_technologies: Counter = field(default_factory=Counter)
    operators: Counter = field(default_factory=Counter)  # (operator, techno) -> rows in the area
    files: list = field(default_factory=list)

    def operator_summary(self):
        """{techno: sorted operators} of the rows of the area's buildings."""
        result = {}
        for (operator, techno), _n in sorted(self.operators.items()):
            result.setdefault(techno, []).append(operator)
        return result


def read_eligibility(paths, buildings, chunk_rows=CHUNK_ROWS, progress=None, is_canceled=None):
    """Stream eligibility files and OR each row's flags into its building.

    Rows of buildings not in ``buildings`` (outside the bbox, or absent from
    ``base_imb``) are skipped. Memory: one chunk + one byte per building.
    """
    check = cancel_check(is_canceled)
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    flags = np.zeros(len(buildings), dtype=np.uint8)
    result = Eligibility(flags)
    index = buildings.index()
    dtype = {"imb_id": str, "code_operateur": "category", "code_techno": "category",
             "classe_debit_descendant": "category"}
    for chunk in _file_chunks(paths, ELIGIBILITY_COLUMNS, tr("eligibility"), dtype, chunk_rows, check, progress,
                              result.files):
        result.n_rows += len(chunk)
        where = index.get_indexer(chunk["imb_id"]) if len(index) else np.full(len(chunk), -1)
        inside = where >= 0
        if not inside.any():
            continue
        chunk = chunk[inside]
        where = where[inside]
        result.n_matched += int(where.size)
        row = _chunk_flags(chunk, result)
        for bit in (FLAG_ROW, FLAG_FTTH, FLAG_WIRED_30, FLAG_THD, FLAG_BHD8):
            hits = where[(row & bit) != 0]
            flags[hits] |= bit  # setting a bit twice is harmless: no ufunc.at needed
        pairs = chunk.groupby(["code_operateur", "code_techno"], observed=True).size()
        for (operator, techno), n in pairs.items():
            result.operators[(str(operator).strip(), str(techno).strip().upper())] += int(n)
    return result


def _chunk_flags(chunk, result):
    """Flags of every row of a chunk, computed once per category (not per row)."""
    techno = chunk["code_techno"].cat
    down = chunk["classe_debit_descendant"].cat
    techno_names = [str(c).strip().upper() for c in techno.categories]
    down_names = [str(c).strip().upper() for c in down.categories]
    for name, n in zip(techno_names, np.bincount(techno.codes[techno.codes >= 0], minlength=len(techno_names))):
        if name not in TECHNOLOGIES and n:
            result.unknown_technologies[name] += int(n)
    for name, n in zip(down_names, np.bincount(down.codes[down.codes >= 0], minlength=len(down_names))):
        if name not in RANK and n:
            result.unknown_classes[name] += int(n)
    # table[t, d] = flags of a row of technology t and class d (last row/column: missing)
    table = np.array(
        [[row_flags(t, d) for d in down_names + [""]] for t in techno_names + [""]], dtype=np.uint8
    )
    t_codes = techno.codes.to_numpy().astype(np.int64)
    d_codes = down.codes.to_numpy().astype(np.int64)
    t_codes[t_codes < 0] = len(techno_names)
    d_codes[d_codes < 0] = len(down_names)
    return table[t_codes, d_codes]


# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------
def unit_indicators(n_units, unit_of_pair, building_of_pair, premises, flags):
    """The :data:`UNIT_FIELDS` per unit from (unit, building) pairs.

    A building inside several units (overlapping circles) counts in each.
    Returns a dict of float arrays (NaN where the unit has no premises).
    """
    unit = np.asarray(unit_of_pair, dtype=np.int64)
    building = np.asarray(building_of_pair, dtype=np.int64)
    p = np.asarray(premises, dtype=float)[building]
    f = np.asarray(flags, dtype=np.uint8)[building]
    total = np.bincount(unit, weights=p, minlength=n_units)

    def share(mask):
        counted = np.bincount(unit, weights=p * mask, minlength=n_units)
        out = np.full(n_units, np.nan)
        np.divide(counted, total, out=out, where=total > 0)
        return out

    premises_out = np.where(total > 0, total, np.nan)
    return {
        "premises": premises_out,
        "share_ftth": share((f & FLAG_FTTH) != 0),
        "share_wired_30": share((f & FLAG_WIRED_30) != 0),
        "share_no_thd": share((f & FLAG_THD) == 0),
        "share_below_8": share((f & FLAG_BHD8) == 0),
    }


def area_indicators(premises, flags):
    """Premises total and the shares over a set of buildings (each counted once)."""
    indicators = unit_indicators(1, np.zeros(len(premises), dtype=np.int64), np.arange(len(premises)),
                                 premises, flags)
    total = indicators["premises"][0]
    result = {"premises_total": int(total) if np.isfinite(total) else 0}
    for name in UNIT_FIELDS[1:]:
        value = indicators[name][0]
        result[name] = round(float(value), 6) if np.isfinite(value) else None
    return result


def buildings_within(unit_xy, building_xy, radius):
    """(unit, building) pairs with the building within ``radius`` of the unit point.

    Both in the same metric CRS.
    """
    from scipy.spatial import cKDTree

    unit_xy = np.asarray(unit_xy, dtype=float).reshape(-1, 2)
    building_xy = np.asarray(building_xy, dtype=float).reshape(-1, 2)
    if not len(unit_xy) or not len(building_xy):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    tree = cKDTree(building_xy)
    lists = tree.query_ball_point(unit_xy, r=float(radius))
    counts = np.fromiter((len(items) for items in lists), dtype=np.int64, count=len(lists))
    units = np.repeat(np.arange(len(unit_xy)), counts)
    buildings = np.fromiter((b for items in lists for b in items), dtype=np.int64, count=int(counts.sum()))
    return units, buildings
