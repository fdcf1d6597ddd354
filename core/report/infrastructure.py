"""The report's Infrastructures section: fixed broadband and 4G coverage (ARCEP), issue 16 point 4.

Its data come from what ``ville_numerique:connectivity`` and
``ville_numerique:fetch_infrastructure`` write:

* the connectivity fields of a population layer (:data:`UNIT_FIELDS`, one
  value per unit; read by ``processing/report_read.py``);
* the connectivity SUMMARY JSON (premises total, shares weighted by premises,
  operators, sources with their editions and licences);
* the commune table (shares by best technology, wired thresholds).

Any of the three is enough for the section; what is absent is left out. The
map classes and colours are those of the connectivity style
(``resources/styles/connectivity.qml``, built by ``scripts/build_styles.py``):
read from that file, so that the report and QGIS always agree.
"""

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .. import about
from ..i18n import QT_TR_NOOP, translate_in
from .blocks import cell, map_figure, rows_of
from .formats import format_number, format_percent
from .texts import NBSP, Markup, plain

#: Fields of ``ville_numerique:connectivity`` read per unit (``premises`` first).
UNIT_FIELDS = ("premises", "share_ftth", "share_wired_30", "share_no_thd", "share_below_8", "mobile_ops_tbc",
               "mobile_ops_any")
#: The field the map of the section is drawn on (the IFN "no very-high speed" indicator).
MAP_FIELD = "share_no_thd"
#: The connectivity style: the map's classes and colours.
STYLE = about.resource_path("styles", "connectivity.qml")

#: Texts of the section (English sources; French in the .ts catalogue). Trusted HTML, like CATALOGUE.
TEXTS = {
    "sec_infra": QT_TR_NOOP("Infrastructures"),
    "infra_intro": QT_TR_NOOP(
        "Fixed broadband and 4G coverage from ARCEP's open data: a premise (dwelling or business premises) counts as \"without very-high speed\" when no technology other than satellite gives it 30 Mbit/s or more."  # noqa: E501 (one literal for the catalogue)
    ),
    "infra_premises": QT_TR_NOOP("premises (dwellings and business premises)"),
    "infra_no_thd": QT_TR_NOOP("of the premises without 30 Mbit/s (satellite not counted)"),
    "infra_ftth": QT_TR_NOOP("of the premises in a building connectable to fibre"),
    "infra_below_8": QT_TR_NOOP("of the premises below 8 Mbit/s (satellite not counted)"),
    "infra_no_good_4g": QT_TR_NOOP("units where no operator gives very good 4G coverage"),
    "infra_map_alt": QT_TR_NOOP("Map of the share of premises without 30 Mbit/s"),
    "infra_map_caption": QT_TR_NOOP(
        "Share of the premises of each unit without a line at 30 Mbit/s or more (satellite not counted). Grey: no premises. Classes of the QGIS connectivity style."  # noqa: E501 (one literal for the catalogue)
    ),
    "infra_legend": QT_TR_NOOP("Premises without 30 Mbit/s"),
    "infra_no_premises": QT_TR_NOOP("no premises"),
    "infra_communes": QT_TR_NOOP("Communes"),
    "col_commune": QT_TR_NOOP("Commune"),
    "col_premises": QT_TR_NOOP("Premises"),
    "col_best_ftth": QT_TR_NOOP("Fibre"),
    "col_best_coax": QT_TR_NOOP("Cable"),
    "col_best_cu": QT_TR_NOOP("Copper (DSL)"),
    "col_best_radio": QT_TR_NOOP("Radio, 4G"),
    "col_best_sat": QT_TR_NOOP("Satellite only"),
    "col_wired_30": QT_TR_NOOP("Wired ≥ 30 Mbit/s"),
    "col_wired_1g": QT_TR_NOOP("Wired ≥ 1 Gbit/s"),
    "infra_communes_note": QT_TR_NOOP(
        "Shares of the commune's premises. Fibre … Satellite only: each premise under its best technology (these columns add up to 100 %). Wired: fibre, cable or copper lines at the given speed."  # noqa: E501 (one literal for the catalogue)
    ),
    "infra_operators": QT_TR_NOOP("Operators"),
    "infra_fixed_ops": QT_TR_NOOP("{techno}: {operators}."),
    "techno_FO": QT_TR_NOOP("Fibre (FttH)"),
    "techno_COAX": QT_TR_NOOP("Cable"),
    "techno_CU": QT_TR_NOOP("Copper (DSL)"),
    "techno_4GF": QT_TR_NOOP("Fixed 4G"),
    "techno_THDR": QT_TR_NOOP("Very-high-speed fixed radio"),
    "techno_HDR": QT_TR_NOOP("High-speed fixed radio"),
    "techno_SAT": QT_TR_NOOP("Satellite"),
    "infra_file_dated": QT_TR_NOOP("file of {date}"),
    "infra_mobile_ops": QT_TR_NOOP("4G (Mon réseau mobile): {operators}; on average {tbc} operator(s) with very good coverage per unit."),  # noqa: E501
    "infra_no_mobile": QT_TR_NOOP("No 4G coverage file was given: mobile coverage is not reported."),
    "infra_sources": QT_TR_NOOP("Sources"),
    "col_source": QT_TR_NOOP("Data"),
    "col_file": QT_TR_NOOP("File"),
    "col_edition": QT_TR_NOOP("Edition"),
    "col_licence_short": QT_TR_NOOP("Licence"),
    "infra_constructed": QT_TR_NOOP(
        "Files of the Saint-Omer sample: constructed to the ARCEP format for the demonstration, not real ARCEP data."  # noqa: E501
    ),
}

#: Best-technology columns of the commune table (``best_<column>`` shares), grouped for the table.
BEST_GROUPS = (
    ("col_best_ftth", ("elig_ftth",)),
    ("col_best_coax", ("elig_coax",)),
    ("col_best_cu", ("elig_cu_30", "elig_cu_8")),
    ("col_best_radio", ("elig_thdr", "elig_4gf", "elig_hdr")),
    ("col_best_sat", ("elig_sat",)),
)
WIRED_COLUMNS = (("col_wired_30", "wired_elig_thd30"), ("col_wired_1g", "wired_elig_thd1g"))
#: Order of the technologies in the operators' list (ARCEP ``code_techno``).
TECHNO_ORDER = ("FO", "COAX", "CU", "THDR", "4GF", "HDR", "SAT")
#: How the sample's constructed files are named (``scripts/build_sample.py``).
CONSTRUCTED_MARK = "constructed"


def itext(key, language, **values):
    """A text of :data:`TEXTS` in ``language`` (values escaped), as :func:`texts.text` does."""
    template = translate_in(TEXTS[key], language)
    if not values:
        return Markup(template)
    return Markup(template).format(**values)


@dataclass(frozen=True)
class ShareClass:
    lower: float
    upper: float
    colour: str


def share_classes(path=STYLE):
    """The graduated classes of the connectivity style: ``[ShareClass]`` (shares 0–1, colours #rrggbb)."""
    root = ET.parse(path).getroot()
    renderer = root.find(".//renderer-v2")
    colours = {}
    for symbol in renderer.iter("symbol"):
        for option in symbol.iter("Option"):
            if option.get("name") == "color":
                red, green, blue = (int(v) for v in option.get("value").split(",")[:3])
                colours.setdefault(symbol.get("name"), "#{:02x}{:02x}{:02x}".format(red, green, blue))
        for prop in symbol.iter("prop"):  # QGIS < 3.26 also writes <prop k="color">
            if prop.get("k") == "color":
                red, green, blue = (int(v) for v in prop.get("v").split(",")[:3])
                colours.setdefault(symbol.get("name"), "#{:02x}{:02x}{:02x}".format(red, green, blue))
    return [ShareClass(float(r.get("lower")), float(r.get("upper")), colours[r.get("symbol")])
            for r in renderer.iter("range")]


def class_label(klass, language, first=False):
    """``0–5 %``… in the report's language."""
    return "{}–{}".format(format_number(klass.lower * 100, language), format_percent(klass.upper, language, 0))


@dataclass
class Infrastructure:
    """What the Infrastructures section shows; any part may be missing."""

    units: list = field(default_factory=list)  # dicts of UNIT_FIELDS values (None when NULL)
    summary: dict = None  # connectivity SUMMARY JSON
    communes: list = field(default_factory=list)  # rows of the fetch_infrastructure table (dicts)
    map_image: bytes = None
    map_info: dict = field(default_factory=dict)

    @property
    def empty(self):
        return not self.units and not self.summary and not self.communes


def _finite(value):
    try:
        return value is not None and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def area_figures(infra):
    """Premises total and shares weighted by premises, and the units without very good 4G.

    From the SUMMARY when given (it counts each building once, also where
    units overlap), else from the units' fields.
    """
    result = {"premises_total": None, "share_no_thd": None, "share_ftth": None, "share_below_8": None,
              "share_wired_30": None, "units_without_good_4g": None}
    summary = infra.summary or {}
    if _finite(summary.get("premises_total")):
        result["premises_total"] = float(summary["premises_total"])
        for key in ("share_no_thd", "share_ftth", "share_below_8", "share_wired_30"):
            result[key] = float(summary[key]) if _finite(summary.get(key)) else None
    elif infra.units:
        with_premises = [u for u in infra.units if _finite(u.get("premises")) and float(u["premises"]) > 0]
        result["premises_total"] = sum(float(u["premises"]) for u in with_premises)
        for key in ("share_no_thd", "share_ftth", "share_below_8", "share_wired_30"):
            rows = [(float(u["premises"]), float(u[key])) for u in with_premises if _finite(u.get(key))]
            weight = sum(p for p, _ in rows)
            result[key] = sum(p * s for p, s in rows) / weight if weight > 0 else None
    if (summary.get("mobile") or {}).get("units_without_good_4g") is not None:
        result["units_without_good_4g"] = int(summary["mobile"]["units_without_good_4g"])
    else:
        tbc = [u.get("mobile_ops_tbc") for u in infra.units if _finite(u.get("mobile_ops_tbc"))]
        if tbc:
            result["units_without_good_4g"] = sum(1 for v in tbc if float(v) == 0)
    return result


def commune_rows(communes, language):
    """The commune table as plain texts: ``{"headers", "rows", "numeric", "widths"}`` (also for the PDF)."""
    headers = [plain(itext(k, language)) for k in ("col_commune", "col_premises")]
    headers += [plain(itext(k, language)) for k, _ in BEST_GROUPS]
    headers += [plain(itext(k, language)) for k, _ in WIRED_COLUMNS]
    rows = []
    for row in sorted(communes, key=lambda r: (str(r.get("nom_com") or ""), str(r.get("code_insee") or ""))):
        name = str(row.get("nom_com") or "").strip()
        code = str(row.get("code_insee") or "").strip()
        cells = ["{} ({})".format(name, code) if name and code else name or code,
                 format_number(row.get("premises"), language)]
        for _key, columns in BEST_GROUPS:
            values = [row.get("best_" + c) for c in columns if _finite(row.get("best_" + c))]
            cells.append(format_percent(sum(float(v) for v in values), language) if values else "—")
        for _key, column in WIRED_COLUMNS:
            cells.append(format_percent(float(row[column]), language) if _finite(row.get(column)) else "—")
        rows.append(cells)
    return {"headers": headers, "rows": rows, "numeric": [False] + [True] * (len(headers) - 1),
            # the wired headers ("Filaire ≥ 30 Mbit/s") are the longest: they get more room
            "widths": [22, 8] + [9] * len(BEST_GROUPS) + [12.5] * len(WIRED_COLUMNS)}


def source_rows(infra, language):
    """``[[data, file, edition, licence]]`` of the ARCEP files used, then of the commune table."""
    rows = []
    for source in (infra.summary or {}).get("sources") or ():
        edition = source.get("edition") or source.get("last_modified") or ""
        if not edition and source.get("modified"):  # a local file: only its date is known
            edition = plain(itext("infra_file_dated", language, date=source["modified"]))
        if not edition and source.get("dates"):
            edition = ", ".join(str(d) for d in source["dates"])
        rows.append([str(source.get("source") or ""), str(source.get("file") or source.get("url") or ""),
                     str(edition), str(source.get("licence") or "")])
    editions = sorted({str(r.get("edition")) for r in infra.communes if r.get("edition")})
    if editions:
        from ..arcep import LICENCE_MCI, SOURCE_MCI

        rows.append([SOURCE_MCI, "statistiques/commune", "; ".join(editions), LICENCE_MCI])
    return rows


def operator_paragraphs(infra, language):
    summary = infra.summary or {}
    paragraphs = []
    fixed = summary.get("fixed_operators") or {}
    for techno in sorted(fixed, key=lambda t: TECHNO_ORDER.index(t) if t in TECHNO_ORDER else len(TECHNO_ORDER)):
        key = "techno_" + techno
        label = plain(itext(key, language)) if key in TEXTS else techno
        paragraphs.append(itext("infra_fixed_ops", language, techno=label, operators=", ".join(fixed[techno])))
    mobile = summary.get("mobile")
    if mobile:
        paragraphs.append(itext("infra_mobile_ops", language, operators=", ".join(mobile.get("operators") or []),
                                tbc=format_number(mobile.get("mean_ops_tbc"), language, 1)))
    elif summary or infra.units:
        has_mobile = any(_finite(u.get("mobile_ops_tbc")) for u in infra.units)
        if not has_mobile:
            paragraphs.append(itext("infra_no_mobile", language))
    return paragraphs


def is_constructed(infra):
    """True when the ARCEP files are the sample's, constructed to the format (never shown as real)."""
    return any(CONSTRUCTED_MARK in str(s.get("file") or s.get("url") or "")
               for s in (infra.summary or {}).get("sources") or ())


def section(infra, language):
    """The template data of the Infrastructures section (``report_sections.html.j2``, macro ``infrastructure``)."""
    figures = area_figures(infra)
    cards = []
    if figures["premises_total"] is not None:
        cards.append({"value": format_number(figures["premises_total"], language),
                      "label": itext("infra_premises", language)})
    for key, label, alert in (("share_no_thd", "infra_no_thd", True), ("share_ftth", "infra_ftth", False),
                              ("share_below_8", "infra_below_8", True)):
        if figures[key] is not None:
            cards.append({"value": format_percent(figures[key], language), "label": itext(label, language),
                          "alert": alert and figures[key] > 0})
    if figures["units_without_good_4g"] is not None:
        cards.append({"value": format_number(figures["units_without_good_4g"], language),
                      "label": itext("infra_no_good_4g", language), "alert": figures["units_without_good_4g"] > 0})
    data = dict(kind="infrastructure", anchor="infrastructures", title=itext("sec_infra", language),
                intro=itext("infra_intro", language), cards=cards, map=None, communes=None, operators=None,
                sources=None)
    if infra.map_image:
        classes = share_classes()
        legend = {"title": itext("infra_legend", language),
                  "classes": [(k.colour, class_label(k, language)) for k in classes] +
                  [("#dddddd", itext("infra_no_premises", language))], "extras": []}
        data["map"] = map_figure(infra.map_image, infra.map_info, language, itext("infra_map_alt", language),
                                 itext("infra_map_caption", language), legend, cls="infra-map")
    if infra.communes:
        table = commune_rows(infra.communes, language)
        data["communes"] = {
            "title": itext("infra_communes", language),
            "table": {"head": [cell(h, n) for h, n in zip(table["headers"], table["numeric"])],
                      "rows": rows_of([[cell(v, n) for v, n in zip(row, table["numeric"])]
                                       for row in table["rows"]])},
            "notes": [itext("infra_communes_note", language)]}
    paragraphs = operator_paragraphs(infra, language)
    if paragraphs:
        data["operators"] = {"title": itext("infra_operators", language), "paragraphs": paragraphs}
    rows = source_rows(infra, language)
    if rows:
        head = [cell(itext(k, language)) for k in ("col_source", "col_file", "col_edition", "col_licence_short")]
        notes = [itext("infra_constructed", language)] if is_constructed(infra) else []
        data["sources"] = {"title": itext("infra_sources", language),
                           "table": {"head": head, "rows": rows_of([[cell(v) for v in r] for r in rows])},
                           "notes": notes}
    return data


def layout_texts(infra, language):
    """Plain texts and the commune table for the PDF's Infrastructures page."""
    figures = area_figures(infra)
    lines = []
    if figures["premises_total"] is not None:
        lines.append("{} {}".format(format_number(figures["premises_total"], language),
                                    plain(itext("infra_premises", language))))
    for key, label in (("share_no_thd", "infra_no_thd"), ("share_ftth", "infra_ftth"),
                       ("share_below_8", "infra_below_8")):
        if figures[key] is not None:
            lines.append("{} {}".format(format_percent(figures[key], language), plain(itext(label, language))))
    if figures["units_without_good_4g"] is not None:
        lines.append("{} {}".format(format_number(figures["units_without_good_4g"], language),
                                    plain(itext("infra_no_good_4g", language))))
    operators = [plain(p) for p in operator_paragraphs(infra, language)]
    sources = ["{} — {} — {} — {}".format(*r) for r in source_rows(infra, language)]
    if is_constructed(infra):
        sources.append(plain(itext("infra_constructed", language)))
    classes = share_classes()
    return {
        "title": plain(itext("sec_infra", language)),
        "intro": plain(itext("infra_intro", language)),
        "figures": "\n".join("• " + line for line in lines),
        "legend_title": plain(itext("infra_legend", language)),
        "classes": [(k.lower, k.upper, k.colour, class_label(k, language)) for k in classes],
        "no_premises": plain(itext("infra_no_premises", language)),
        "map_caption": plain(itext("infra_map_caption", language)),
        "communes_title": plain(itext("infra_communes", language)),
        "communes": commune_rows(infra.communes, language) if infra.communes else None,
        "communes_note": plain(itext("infra_communes_note", language)),
        "operators": "\n".join(operators),
        "sources_title": plain(itext("infra_sources", language)),
        "sources": "\n".join(sources),
        "nbsp": NBSP,
    }
