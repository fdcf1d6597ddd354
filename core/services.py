"""Digital-inclusion services: categories, inference, normalisation, merging.

Pure Python (stdlib only). The rules are documented, rule by rule, in
``docs/categories.md``; keep both in step.

Vocabulary
----------
A *place* (lieu) offers one or more *categories* of digital-inclusion service,
stored as a ``|``-separated string of codes (``CATEGORIES`` order):

``epn``                   lieu de médiation numérique: EPN, EPI, mobile space,
                          library, social centre… any place offering digital mediation
``france_services``       France Services (ANCT label)
``conseiller_numerique``  a conseiller numérique works there
``tiers_lieu``            tiers-lieu / coworking
``fablab``                fab lab / fabrique numérique
``wifi``                  public internet access

Normalised record
-----------------
Every source is turned into the same plain ``dict`` (``RECORD_FIELDS``):

==================  =====  =====================================================
field               type   content
==================  =====  =====================================================
``id``              str    stable, source-prefixed: ``"<source>:<local id>"``
``nom``             str    name as published
``adresse``         str    street address ("" when unknown)
``code_postal``     str    postal code
``commune``         str    commune name as published
``code_insee``      str    INSEE commune code, may be ""
``lon``, ``lat``    float  WGS 84 degrees
``categories``      str    ``|``-joined category codes, canonical order
``sources``         str    ``|``-joined producer names (``assembleurs``, ``france-services``…)
``source_ids``      str    ``|``-joined ``"<dataset>:<original id>"`` of every merged record
``n_sources``       int    number of distinct producers (``len(sources)``)
``horaires``        str    OSM ``opening_hours`` string, "" when unknown
``services``        str    ``|``-joined services, vocabulary of the source (v0 or v1)
``labels``          str    ``|``-joined national programmes / labels (schema v1 wording)
``date_maj``        str    ISO date of the last update ("" when unknown)
``itinerance``      str    ``Itinérant``, ``Fixe`` or "" (schema v1 wording)
==================  =====  =====================================================
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, namedtuple

from .errors import DataError, InputError
from .i18n import tr

# ---------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------

EPN = "epn"
FRANCE_SERVICES = "france_services"
CONSEILLER_NUMERIQUE = "conseiller_numerique"
TIERS_LIEU = "tiers_lieu"
FABLAB = "fablab"
WIFI = "wifi"

#: Every category code, in canonical order (the order of ``join_categories``).
CATEGORIES = (EPN, FRANCE_SERVICES, CONSEILLER_NUMERIQUE, TIERS_LIEU, FABLAB, WIFI)

#: Separator of multi-valued fields in normalised records (schema v1 convention).
SEPARATOR = "|"

_CATEGORY_RANK = {code: rank for rank, code in enumerate(CATEGORIES)}


def category_label(code):
    """The translated, user-facing label of a category code."""
    if code == EPN:
        return tr("Digital mediation place")
    if code == FRANCE_SERVICES:
        return tr("France Services")
    if code == CONSEILLER_NUMERIQUE:
        return tr("Digital adviser (conseiller numérique)")
    if code == TIERS_LIEU:
        return tr("Third place (tiers-lieu, coworking)")
    if code == FABLAB:
        return tr("Fab lab")
    if code == WIFI:
        return tr("Public internet access")
    raise InputError(tr("Unknown service category: {code}.").format(code=code))


def category_labels():
    """``{code: translated label}`` for every category, canonical order."""
    return {code: category_label(code) for code in CATEGORIES}


_SPLIT_CATEGORIES = re.compile(r"[|;,]")


def split_categories(value, strict=False) -> list[str]:
    """Split a category string into a list of codes.

    Accepts ``|`` (canonical), ``;`` and ``,`` as separators, strips blanks,
    lowercases, turns ``-`` and spaces into ``_`` (``"France Services"`` ->
    ``france_services``), ignores empty items and repeated codes (first kept).
    ``value`` may also be ``None`` or an iterable of strings. With
    ``strict=True`` an unknown code raises :class:`InputError`.
    """
    if value is None:
        return []
    if isinstance(value, str):
        items = _SPLIT_CATEGORIES.split(value)
    else:
        items = []
        for item in value:
            items.extend(_SPLIT_CATEGORIES.split(str(item)))
    codes = []
    for item in items:
        code = re.sub(r"[\s\-]+", "_", item.strip().lower())
        if not code or code in codes:
            continue
        if strict and code not in _CATEGORY_RANK:
            raise InputError(tr("Unknown service category: {code}.").format(code=code))
        codes.append(code)
    return codes


def join_categories(codes) -> str:
    """Join category codes into the canonical ``|`` string (``CATEGORIES`` order).

    ``codes`` is an iterable of codes or a string accepted by
    :func:`split_categories`. Unknown codes raise :class:`InputError`.
    """
    parsed = split_categories(codes, strict=True)
    return SEPARATOR.join(sorted(parsed, key=_CATEGORY_RANK.__getitem__))


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def normalise_text(value):
    """Lowercase, accents removed, every non-alphanumeric run -> one space."""
    text = _text(value).translate(_LIGATURES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def slug(value):
    """``normalise_text`` with ``-`` between words: ``"France Services"`` -> ``france-services``."""
    return normalise_text(value).replace(" ", "-")


def _text(value):
    """A stripped string; ``None`` -> ``""``; numbers -> their ``str``."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


_SPLIT_VALUES = re.compile(r"[|;]")


def split_values(value):
    """Split a multi-valued schema field (v1 ``|`` or v0 ``;``); blanks and repeats dropped."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [_text(item) for item in value]
    else:
        items = _SPLIT_VALUES.split(_text(value))
    values = []
    for item in items:
        item = item.strip()
        if item and item not in values:
            values.append(item)
    return values


def _join(values):
    """``|``-join distinct non-empty values, first occurrence order."""
    kept = []
    for value in values:
        value = _text(value)
        if value and value not in kept:
            kept.append(value)
    return SEPARATOR.join(kept)


# ---------------------------------------------------------------------------
# Schema vocabularies (lieux de médiation numérique)
# ---------------------------------------------------------------------------

#: v0.1.x services that describe digital mediation (accompaniment, training,
#: free-access equipment) -> ``epn``. See docs/categories.md, rule S1.
V0_MEDIATION_SERVICES = (
    "Devenir autonome dans les démarches administratives",
    "Réaliser des démarches administratives avec un accompagnement",
    "Prendre en main un smartphone ou une tablette",
    "Prendre en main un ordinateur",
    "Utiliser le numérique au quotidien",
    "Approfondir ma culture numérique",
    "Favoriser mon insertion professionnelle",
    "Accéder à du matériel",
    "Créer avec le numérique",
    "Accompagner les démarches de santé",
    "Promouvoir la citoyenneté numérique",
    "Soutenir la parentalité et l'éducation avec le numérique",
)
#: v0 service of public internet access -> ``wifi`` (rule S2).
V0_INTERNET_SERVICE = "Accéder à une connexion internet"
#: v0 services that give no category on their own (rule S3).
V0_OTHER_SERVICES = ("S'équiper en matériel informatique", "Créer et développer mon entreprise")

#: v1.0.x services that describe digital mediation -> ``epn`` (rule S4).
V1_MEDIATION_SERVICES = (
    "Aide aux démarches administratives",
    "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique",
    "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique",
    "Loisirs et créations numériques",
    "Compréhension du monde numérique",
)
#: v1 service merging v0 "connexion internet" and "matériel" -> ``wifi`` + ``epn`` (rule S5).
V1_INTERNET_SERVICE = "Accès internet et matériel informatique"
V1_OTHER_SERVICES = ("Acquisition de matériel informatique à prix solidaire",)

#: v0 -> v1 services (our table, see docs/categories.md: no official one was found).
V0_TO_V1_SERVICES = {
    "Devenir autonome dans les démarches administratives": "Aide aux démarches administratives",
    "Réaliser des démarches administratives avec un accompagnement": "Aide aux démarches administratives",
    "Accompagner les démarches de santé": "Aide aux démarches administratives",
    "Prendre en main un smartphone ou une tablette": "Maîtrise des outils numériques du quotidien",
    "Prendre en main un ordinateur": "Maîtrise des outils numériques du quotidien",
    "Utiliser le numérique au quotidien": "Maîtrise des outils numériques du quotidien",
    "Approfondir ma culture numérique": "Compréhension du monde numérique",
    "Promouvoir la citoyenneté numérique": "Compréhension du monde numérique",
    "Favoriser mon insertion professionnelle": "Insertion professionnelle via le numérique",
    "Créer et développer mon entreprise": "Insertion professionnelle via le numérique",
    "Accéder à une connexion internet": "Accès internet et matériel informatique",
    "Accéder à du matériel": "Accès internet et matériel informatique",
    "S'équiper en matériel informatique": "Acquisition de matériel informatique à prix solidaire",
    "Créer avec le numérique": "Loisirs et créations numériques",
    "Soutenir la parentalité et l'éducation avec le numérique": "Parentalité et éducation avec le numérique",
}
V1_SERVICES = V1_MEDIATION_SERVICES + (V1_INTERNET_SERVICE,) + V1_OTHER_SERVICES

#: v0 ``labels_nationaux`` -> v1 ``dispositif_programmes_nationaux``.
V0_LABELS_TO_DISPOSITIFS = {
    "CNFS": "Conseillers numériques",
    "France Services": "France Services",
    "Aidants Connect": "Aidants Connect",
    "Grande école du numérique": "Grande école du numérique",
    "Point numérique CAF": "Point d'accès numérique CAF",
    "Point relais CAF": "Point d'accès numérique CAF",
}
#: v0 ``labels_nationaux`` -> v1 ``formations_labels``.
V0_LABELS_TO_FORMATIONS = {"Fabriques de Territoire": "Fabriques de Territoire"}
#: v0 labels without a v1 value (APTIC, Relais pôle emploi, French Tech, Campus
#: connecté…) go to ``autres_formations_labels`` unchanged.

#: v0 ``publics_accueillis`` (text before " : ") -> v1 field and value.
V0_PUBLICS = {
    "Seniors (+ 65 ans)": ("publics_specifiquement_adresses", "Seniors"),
    "Familles/enfants": ("publics_specifiquement_adresses", "Familles et/ou enfants"),
    "Jeunes (16-26 ans)": ("publics_specifiquement_adresses", "Jeunes"),
    "Uniquement femmes": ("publics_specifiquement_adresses", "Femmes"),
    "Public langues étrangères": ("prise_en_charge_specifique", "Langues étrangères (autres)"),
    "Déficience visuelle": ("prise_en_charge_specifique", "Déficience visuelle"),
    "Surdité": ("prise_en_charge_specifique", "Surdité"),
    "Handicaps mentaux": ("prise_en_charge_specifique", "Handicaps mentaux"),
    "Personnes en situation d'illettrisme": ("prise_en_charge_specifique", "Illettrisme"),
    # "Adultes" and "Handicaps psychiques" have no v1 value: dropped.
}
#: v0 ``conditions_acces`` (text before " : ") -> v1 ``frais_a_charge``.
V0_CONDITIONS = {
    "Gratuit": "Gratuit",
    "Gratuit sous condition": "Gratuit sous condition",
    "Payant": "Payant",
    "Adhésion": "Payant",
    "Accepte le Pass numérique": "Gratuit sous condition",
}
#: v0 ``modalites_accompagnement`` (text before " : ") -> v1 values.
V0_MODALITES = {
    "Seul": "En autonomie",
    "Avec de l'aide": "Accompagnement individuel",
    "Dans un atelier": "Dans un atelier collectif",
    "A ma place": "Accompagnement individuel",
}

V1_MODALITES = ("En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance")

#: The 32 fields of schema v1.0.x, CSV order.
V1_FIELDS = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse",
    "complement_adresse", "latitude", "longitude", "typologie", "telephone",
    "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail",
    "source", "itinerance", "structure_parente", "date_maj", "services",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels",
    "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
)


def _key(value):
    return normalise_text(value)


def _keyed(mapping):
    return {_key(k): v for k, v in mapping.items()}


def _head(value):
    """The part of a v0 value before its " : " explanation."""
    return _text(value).split(" : ", 1)[0].strip()


_V0_TO_V1_SERVICES = _keyed(V0_TO_V1_SERVICES)
_V0_DISPOSITIFS = _keyed(V0_LABELS_TO_DISPOSITIFS)
_V0_FORMATIONS = _keyed(V0_LABELS_TO_FORMATIONS)
_V0_PUBLICS = _keyed(V0_PUBLICS)
_V0_CONDITIONS = _keyed(V0_CONDITIONS)
_V0_MODALITES = _keyed(V0_MODALITES)
_V0_ONLY_FIELDS = ("labels_nationaux", "labels_autres", "publics_accueillis", "conditions_acces",
                   "courriel", "accessibilite", "cle_ban")


def v0_to_v1(record):
    """Convert a schema v0.1.x record (dict) to a schema v1.0.x dict.

    Field renames follow ``schema/descriptif-des-evolutions.txt``; value tables
    are ``V0_TO_V1_SERVICES``, ``V0_LABELS_TO_*``, ``V0_PUBLICS``,
    ``V0_CONDITIONS``, ``V0_MODALITES``. Multi-valued fields are re-joined
    with ``|``. The result has exactly the 32 ``V1_FIELDS`` (``""`` when
    unknown). The services conversion is lossy (15 values -> 9). A record that
    is already v1 (no legacy field) comes back with its values unchanged.
    """
    if not isinstance(record, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    out = {field: _text(record.get(field)) for field in V1_FIELDS}
    if not any(field in record for field in _V0_ONLY_FIELDS):
        return out  # already v1: keep values, ignore extra keys
    for field in ("site_web", "telephone"):
        out[field] = _join(split_values(record.get(field)))
    out["courriels"] = _join(split_values(record.get("courriels")) + split_values(record.get("courriel")))

    services = []
    for value in split_values(record.get("services")):
        if value in V1_SERVICES:
            services.append(value)
        elif _key(value) in _V0_TO_V1_SERVICES:
            services.append(_V0_TO_V1_SERVICES[_key(value)])
    out["services"] = SEPARATOR.join(v for v in V1_SERVICES if v in services)

    dispositifs = split_values(record.get("dispositif_programmes_nationaux"))
    formations = split_values(record.get("formations_labels"))
    autres = split_values(record.get("autres_formations_labels")) + split_values(record.get("labels_autres"))
    for value in split_values(record.get("labels_nationaux")):
        key = _key(value)
        if key in _V0_DISPOSITIFS:
            dispositifs.append(_V0_DISPOSITIFS[key])
        elif key in _V0_FORMATIONS:
            formations.append(_V0_FORMATIONS[key])
        else:
            autres.append(value)
    out["dispositif_programmes_nationaux"] = _join(dispositifs)
    out["formations_labels"] = _join(formations)
    out["autres_formations_labels"] = _join(autres)

    publics = {"publics_specifiquement_adresses": [], "prise_en_charge_specifique": []}
    for value in split_values(record.get("publics_accueillis")):
        target = _V0_PUBLICS.get(_key(_head(value)))
        if target:
            publics[target[0]].append(target[1])
    for field, values in publics.items():
        out[field] = _join(split_values(record.get(field)) + values)

    out["frais_a_charge"] = _join(
        split_values(record.get("frais_a_charge"))
        + [_V0_CONDITIONS[_key(_head(v))] for v in split_values(record.get("conditions_acces"))
           if _key(_head(v)) in _V0_CONDITIONS])
    modalites = []
    for value in split_values(record.get("modalites_accompagnement")):
        modalites.append(value if value in V1_MODALITES else _V0_MODALITES.get(_key(_head(value)), ""))
    out["modalites_accompagnement"] = SEPARATOR.join(m for m in V1_MODALITES if m in modalites)
    out["fiche_acces_libre"] = _text(record.get("fiche_acces_libre") or record.get("accessibilite"))
    return out


# ---------------------------------------------------------------------------
# Category inference
# ---------------------------------------------------------------------------

#: Rule N1..N4: regular expressions on ``normalise_text(nom)`` (no accents, lowercase).
NAME_RULES = (
    (FABLAB, re.compile(r"\bfab ?labs?\b|\bfabriques? numeriques?\b")),
    (TIERS_LIEU, re.compile(r"\btiers ?lieux?\b|\bco ?working\b")),
    (EPN, re.compile(r"\bepn\b|\bespaces? (?:publics? )?(?:numeriques?|multimedias?)\b"
                     r"|\bcyber ?(?:bases?|centres?)\b|\bmediatheques?\b|\bbibliotheques?\b")),
    (FRANCE_SERVICES, re.compile(r"\bfrances? services?\b")),
)

#: Rule L: national programmes / labels (v0 ``labels_nationaux``, v1
#: ``dispositif_programmes_nationaux`` and ``formations_labels``).
LABEL_RULES = {
    "CNFS": CONSEILLER_NUMERIQUE,
    "Conseillers numériques": CONSEILLER_NUMERIQUE,
    "Conseiller numérique": CONSEILLER_NUMERIQUE,
    "France Services": FRANCE_SERVICES,
    "Bibliothèques numérique de référence": EPN,
    "Bibliothèque numérique de référence": EPN,
    "Fabriques de Territoire": TIERS_LIEU,
}
_LABEL_RULES = _keyed(LABEL_RULES)

#: Rule L3: labels that, in the records of these producers, describe the
#: employing structure and not the place. The conseiller-numerique export
#: copies its structure's "France Services" label on every permanence (a
#: school canteen, a wedding hall, town halls of the Audruicq community of
#: communes in the Pas-de-Calais file).
STRUCTURE_LABELS = {"conseiller-numerique": (FRANCE_SERVICES,),
                    "conseillers-numeriques": (FRANCE_SERVICES,)}

#: Rule P: producer (``source`` field, slugified).
SOURCE_RULES = {
    "france-services": FRANCE_SERVICES,
    "conseiller-numerique": CONSEILLER_NUMERIQUE,
    "conseillers-numeriques": CONSEILLER_NUMERIQUE,
    "france-tiers-lieux": TIERS_LIEU,
}

#: Rule T: v1 ``typologie`` codes (data·inclusion vocabulary).
TYPOLOGIE_RULES = {
    "EPN": EPN,  # espace public numérique
    "EPI": EPN,  # espace public internet
    "ENM": EPN,  # espace numérique mobile
    "BIB": EPN,  # bibliothèque / médiathèque
    "RELAIS_LECTURE": EPN,
    "CS": EPN,  # centre social
    "CSC": EPN,  # centre socio-culturel
    "EVS": EPN,  # espace de vie sociale
    "MQ": EPN,  # maison de quartier
    "MDH": EPN,  # maison des habitants
    "MJC": EPN,
    "RFS": FRANCE_SERVICES,  # réseau France Services
    "TIERS_LIEUX": TIERS_LIEU,
    "FABRIQUE": TIERS_LIEU,  # "Fabrique" (de territoire): tiers-lieux programme
    "FABLAB": FABLAB,
}

_SERVICE_RULES = {}
for _service in V0_MEDIATION_SERVICES + V1_MEDIATION_SERVICES:
    _SERVICE_RULES[_key(_service)] = (EPN,)
_SERVICE_RULES[_key(V0_INTERNET_SERVICE)] = (WIFI,)
_SERVICE_RULES[_key(V1_INTERNET_SERVICE)] = (EPN, WIFI)
_SERVICE_RULES[_key("Comprehension du monde numérique")] = (EPN,)  # spelling of the v1 description


def categories_from_name(name):
    """Categories given by rules N1..N4 for a place name."""
    text = normalise_text(name)
    return [code for code, pattern in NAME_RULES if pattern.search(text)]


def categories_from_services(value):
    """Categories given by rules S1..S5 for a services field (v0 or v1 vocabulary)."""
    found = set()
    for service in split_values(value):
        found.update(_SERVICE_RULES.get(_key(service), ()))
    return [code for code in CATEGORIES if code in found]


def categories_from_labels(value):
    """Categories given by rule L for a labels / programmes field."""
    found = {_LABEL_RULES[_key(v)] for v in split_values(value) if _key(v) in _LABEL_RULES}
    return [code for code in CATEGORIES if code in found]


def categories_from_source(value):
    """Category given by rule P for a producer name (``source`` field)."""
    code = SOURCE_RULES.get(slug(value))
    return [code] if code else []


def categories_from_typologie(value):
    """Categories given by rule T for a v1 ``typologie`` field."""
    found = {TYPOLOGIE_RULES[v.strip().upper()] for v in split_values(value)
             if v.strip().upper() in TYPOLOGIE_RULES}
    return [code for code in CATEGORIES if code in found]


def infer_categories(record: dict) -> list[str]:
    """Category codes of a lieu record (schema v0 or v1 dict), canonical order.

    Union of the rules of docs/categories.md: T (``typologie``), L
    (``labels_nationaux`` / ``dispositif_programmes_nationaux`` /
    ``formations_labels``), S (``services``), P (``source``) and N (``nom``).
    Every field is optional; an empty list means no rule applied.
    """
    if not isinstance(record, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    found = set()
    found.update(categories_from_typologie(record.get("typologie")))
    ignored = STRUCTURE_LABELS.get(slug(record.get("source")), ())
    for field in ("labels_nationaux", "dispositif_programmes_nationaux", "formations_labels"):
        found.update(code for code in categories_from_labels(record.get(field)) if code not in ignored)
    found.update(categories_from_services(record.get("services")))
    found.update(categories_from_source(record.get("source")))
    found.update(categories_from_name(record.get("nom")))
    return [code for code in CATEGORIES if code in found]


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

RECORD_FIELDS = (
    "id", "nom", "adresse", "code_postal", "commune", "code_insee", "lon", "lat",
    "categories", "sources", "source_ids", "n_sources", "horaires", "services",
    "labels", "date_maj", "itinerance",
)

#: Names of the datasets a record can be read from (prefix of ``source_ids``),
#: highest priority first (see ``record_priority``).
DATASET_FRANCE_SERVICES_CSV = "france-services-csv"
DATASET_LIEUX = "lieux"
DATASET_TIERS_LIEUX = "tiers-lieux"
DATASET_CGET_TIERS_LIEUX = "cget-tiers-lieux"
DATASET_PRIORITY = (DATASET_FRANCE_SERVICES_CSV, DATASET_LIEUX, DATASET_TIERS_LIEUX,
                    DATASET_CGET_TIERS_LIEUX)
#: Producers, most trusted first for the name and position of a merged place.
SOURCE_PRIORITY = ("france-services", "assembleurs", "conseiller-numerique", "dora",
                   "france-tiers-lieux", "cget-tiers-lieux")

# Reasons of rejection (``RecordRejectedError.reason``).
REASON_MISSING_COORDINATES = "missing_coordinates"
REASON_INVALID_COORDINATES = "invalid_coordinates"
REASON_OUT_OF_RANGE = "coordinates_out_of_range"
REASON_NULL_ISLAND = "coordinates_zero"
REASON_MISSING_NAME = "missing_name"


class RecordRejectedError(DataError):
    """A source record that cannot become a normalised place (``reason`` code)."""

    def __init__(self, reason, message):
        super().__init__(message)
        self.reason = reason


Normalised = namedtuple("Normalised", "records rejected")
Normalised.__doc__ = """Result of a batch normalisation.

``records``: normalised dicts; ``rejected``: one dict per refused input,
``{"reason": code, "message": translated text, "id": source id, "nom": name,
"record": the input}``. ``Counter(r["reason"] for r in rejected)`` counts them.
"""


def rejected_counts(rejected):
    """``Counter`` of rejection reasons."""
    return Counter(item["reason"] for item in rejected)


def _parse_coordinate(value):
    """float, or ``None`` when missing; raises ValueError when not a number."""
    if value is None or isinstance(value, bool):
        return None if value is None else float("nan")
    if isinstance(value, (int, float)):
        return float(value)
    text = _text(value)
    if not text:
        return None
    return float(text.replace(",", ".").replace("\u2212", "-"))


def _checked_position(lon, lat, label):
    """Validated ``(lon, lat)`` floats, or raise :class:`RecordRejectedError`."""
    try:
        lon = _parse_coordinate(lon)
        lat = _parse_coordinate(lat)
    except (TypeError, ValueError):
        message = tr("Place {name}: its coordinates are not numbers.").format(name=label)
        raise RecordRejectedError(REASON_INVALID_COORDINATES, message) from None
    if lon is None or lat is None:
        message = tr("Place {name} has no coordinates.").format(name=label)
        raise RecordRejectedError(REASON_MISSING_COORDINATES, message)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        message = tr("Place {name}: its coordinates are not numbers.").format(name=label)
        raise RecordRejectedError(REASON_INVALID_COORDINATES, message)
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        message = tr("Place {name}: longitude {lon} / latitude {lat} are out of range.").format(
            name=label, lon=lon, lat=lat)
        raise RecordRejectedError(REASON_OUT_OF_RANGE, message)
    if lon == 0.0 and lat == 0.0:
        message = tr("Place {name}: coordinates 0, 0 are a placeholder, not a position.").format(name=label)
        raise RecordRejectedError(REASON_NULL_ISLAND, message)
    return lon, lat


def _feature_parts(feature_or_props):
    """``(properties, geometry)`` of a GeoJSON feature or of a bare properties dict."""
    if not isinstance(feature_or_props, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    props = feature_or_props.get("properties")
    if isinstance(props, dict) and ("geometry" in feature_or_props
                                    or feature_or_props.get("type") == "Feature"):
        return props, feature_or_props.get("geometry")
    return feature_or_props, None


def _position(props, geometry, lon, lat, label):
    if lon is not None or lat is not None:
        return _checked_position(lon, lat, label)
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        coords = geometry.get("coordinates") or []
        if len(coords) >= 2:
            return _checked_position(coords[0], coords[1], label)
    return _checked_position(props.get("longitude"), props.get("latitude"), label)


_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")


def _clean_address(value):
    text = _text(value)
    return "" if _ONLY_PUNCTUATION.match(text) else text


def _fallback_id(*parts):
    return hashlib.sha1("|".join(_text(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _iso_date(value):
    text = _text(value)
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    return match.group(1) if match else ""


def _record(**fields):
    record = {field: "" for field in RECORD_FIELDS}
    record.update(fields)
    record["n_sources"] = len(split_values(record["sources"]))
    return record


def _labels_v1(props):
    values = []
    for value in split_values(props.get("labels_nationaux")):
        key = _key(value)
        values.append(_V0_DISPOSITIFS.get(key) or _V0_FORMATIONS.get(key) or value)
    values += split_values(props.get("dispositif_programmes_nationaux"))
    values += split_values(props.get("formations_labels"))
    return _join(values)


def from_lieu(feature_or_props, lon=None, lat=None, dataset=DATASET_LIEUX):
    """Normalise one lieu de médiation numérique (schema v0 or v1).

    ``feature_or_props`` is a GeoJSON feature or a properties dict (a CSV row).
    The position is ``lon``/``lat`` when given, else the GeoJSON Point, else
    the ``longitude``/``latitude`` fields. ``dataset`` names the file it was
    read from (prefix of ``source_ids``). Raises :class:`RecordRejectedError`.

    ``id`` is ``"<source>:<local id>"``: the national v0 ids
    ``"<local>-mediation-numerique-<source>"`` lose their suffix, so that the
    same upstream record read from two files gets the same ``id``.
    """
    props, geometry = _feature_parts(feature_or_props)
    nom = _text(props.get("nom"))
    original_id = _text(props.get("id"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    lon, lat = _position(props, geometry, lon, lat, nom)
    source = slug(props.get("source")) or dataset
    local_id = original_id
    suffix = "-mediation-numerique-" + source
    if local_id.endswith(suffix) and len(local_id) > len(suffix):
        local_id = local_id[: -len(suffix)]
    if not local_id:
        local_id = original_id = _fallback_id(nom, lon, lat)
    return _record(
        id=f"{source}:{local_id}",
        nom=nom,
        adresse=_clean_address(props.get("adresse")),
        code_postal=_text(props.get("code_postal")),
        commune=_text(props.get("commune")),
        code_insee=_text(props.get("code_insee")),
        lon=lon,
        lat=lat,
        categories=join_categories(infer_categories(props)),
        sources=source,
        source_ids=f"{dataset}:{original_id}",
        horaires=_text(props.get("horaires")),
        services=_join(split_values(props.get("services"))),
        labels=_labels_v1(props),
        date_maj=_iso_date(props.get("date_maj")),
        itinerance=_join(split_values(props.get("itinerance"))),
    )


#: France Services CSV columns of opening hours, with their OSM day codes.
FRANCE_SERVICES_DAYS = (
    ("h_lundi", "Mo"), ("h_mardi", "Tu"), ("h_mercredi", "We"), ("h_jeudi", "Th"),
    ("h_vendredi", "Fr"), ("h_samedi", "Sa"), ("h_dimanche", "Su"),
)
FRANCE_SERVICES_REQUIRED_COLUMNS = ("id_fs", "lib_fs", "latitude", "longitude")

_TIME_RANGE = re.compile(
    r"(\d{1,2})\s*[:hH]\s*(\d{2})?\s*(?:-|–|—|à|a)\s*(\d{1,2})\s*[:hH]\s*(\d{2})?")
_RANGE_LEFTOVER = re.compile(r"^[\s/;,&+]*(?:et[\s/;,&+]*)*$")


def parse_time_ranges(cell):
    """``"09:00 - 12:00 / 14:00 - 17:30"`` -> ``["09:00-12:00", "14:00-17:30"]``.

    ``""`` -> ``[]`` (closed / unknown). Returns ``None`` when the cell holds
    text that is not a list of ranges, or a range that ends before it starts.
    """
    text = _text(cell)
    if not text:
        return []
    ranges = []
    for match in _TIME_RANGE.finditer(text):
        h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 * 60 + m1) >= (h2 * 60 + m2):
            return None
        ranges.append(f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}")
    if not ranges or not _RANGE_LEFTOVER.match(_TIME_RANGE.sub("", text)):
        return None
    return ranges


def france_services_opening_hours(row):
    """OSM ``opening_hours`` built from the ``h_lundi`` … ``h_samedi`` columns.

    Consecutive days with the same hours are grouped (``Mo-Fr``). Returns
    ``""`` when no day is filled, or when one filled day cannot be read
    (unknown hours rather than wrong ones).
    """
    days = []
    for column, code in FRANCE_SERVICES_DAYS:
        ranges = parse_time_ranges(row.get(column))
        if ranges is None:
            return ""
        days.append((code, ",".join(ranges)))
    rules = []
    index = 0
    while index < len(days):
        end = index
        while end + 1 < len(days) and days[end + 1][1] == days[index][1]:
            end += 1
        if days[index][1]:
            span = days[index][0] if end == index else f"{days[index][0]}-{days[end][0]}"
            rules.append(f"{span} {days[index][1]}")
        index = end + 1
    return "; ".join(rules)


def _itinerance_france_services(row):
    flag = normalise_text(row.get("itinerance"))
    if flag in ("oui", "true", "1"):
        return "Itinérant"
    if flag in ("non", "false", "0"):
        return "Fixe"
    fmt = normalise_text(row.get("format_fs_anct") or row.get("format_fs"))
    if any(word in fmt for word in ("mobile", "itinerant", "bus")):
        return "Itinérant"
    return "Fixe" if fmt else ""


def check_france_services_columns(columns):
    """Raise :class:`DataError` when a France Services table lacks a required column."""
    missing = [c for c in FRANCE_SERVICES_REQUIRED_COLUMNS if c not in set(columns)]
    if missing:
        raise DataError(tr("The France Services table lacks the columns: {columns}.").format(
            columns=", ".join(missing)))


def from_france_services_row(row):
    """Normalise one row of the ANCT France Services CSV (``id_fs``, ``lib_fs``…).

    Category ``france_services`` plus the name rules; ``horaires`` from the
    ``h_*`` columns; ``itinerance`` from ``itinerance`` (Oui/Non) or
    ``format_fs_anct``. Raises :class:`RecordRejectedError` (row) or
    :class:`DataError` (missing columns).
    """
    if not isinstance(row, dict):
        raise InputError(tr("A place record must be a dictionary of fields."))
    check_france_services_columns(row.keys())
    nom = _text(row.get("lib_fs"))
    id_fs = _text(row.get("id_fs"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=id_fs or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    lon, lat = _checked_position(row.get("longitude"), row.get("latitude"), nom)
    if not id_fs:
        id_fs = _fallback_id(nom, lon, lat)
    return _record(
        id=f"france-services:{id_fs}",
        nom=nom,
        adresse=_clean_address(row.get("adresse")),
        code_postal=_text(row.get("code_postal")),
        commune=_text(row.get("lib_com")),
        code_insee=_text(row.get("insee_com")),
        lon=lon,
        lat=lat,
        categories=join_categories([FRANCE_SERVICES] + categories_from_name(nom)),
        sources="france-services",
        source_ids=f"{DATASET_FRANCE_SERVICES_CSV}:{id_fs}",
        horaires=france_services_opening_hours(row),
        labels="France Services",
        itinerance=_itinerance_france_services(row),
    )


def from_tiers_lieu(feature_or_props, lon=None, lat=None):
    """Normalise one tiers-lieu record; category ``tiers_lieu`` is always set.

    Two shapes are read: the France Tiers-Lieux records in the lieux schema v0
    (``tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson``: same fields as
    :func:`from_lieu`), and the CGET 2019 base (``NOM_TL``, ``TYPO``, ``LAT``,
    ``LONG``…), where ``TYPO`` "à dominante fablab" adds ``fablab``.
    """
    props, geometry = _feature_parts(feature_or_props)
    if "NOM_TL" not in props:
        record = from_lieu(feature_or_props, lon, lat, dataset=DATASET_TIERS_LIEUX)
        record["categories"] = join_categories(split_categories(record["categories"]) + [TIERS_LIEU])
        return record
    nom = _text(props.get("NOM_TL"))
    original_id = _text(props.get("ID"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    if lon is None and lat is None and not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
        lon, lat = props.get("LONG"), props.get("LAT")
    lon, lat = _position(props, geometry, lon, lat, nom)
    if not original_id:
        original_id = _fallback_id(nom, lon, lat)
    categories = [TIERS_LIEU] + categories_from_name(nom)
    if "fablab" in normalise_text(props.get("TYPO")).replace(" ", ""):
        categories.append(FABLAB)
    return _record(
        id=f"cget-tiers-lieux:{original_id}",
        nom=nom,
        adresse=_clean_address(props.get("ADRESSE")),
        code_postal=_text(props.get("CP")),
        commune=_text(props.get("NOMCOM")),
        code_insee=_text(props.get("INSEECOM")),
        lon=lon,
        lat=lat,
        categories=join_categories(categories),
        sources="cget-tiers-lieux",
        source_ids=f"{DATASET_CGET_TIERS_LIEUX}:{original_id}",
    )


# ---------------------------------------------------------------------------
# Public Wi-Fi
# ---------------------------------------------------------------------------

#: Dataset name of the Wi-Fi files (prefix of ``source_ids``).
DATASET_WIFI = "wifi"
#: Reason of rejection of a Wi-Fi site that is closed, planned or being installed.
REASON_NOT_OPERATIONAL = "not_operational"

#: Accepted column names (compared after ``normalise_text``, spaces as ``_``),
#: first found wins: the OpenDataFrance draft "Bornes Wifi public" (``WIFI_*``,
#: ``COLL_*``), the Paris files (CSV export "Nom du site", "Etat du site"…, and
#: the API names ``nom_site``, ``arc_adresse``, ``cp``, ``etat2``) and generic names.
WIFI_COLUMNS = {
    "id": ("wifi_id", "code_site", "id_site", "site_id", "idpw", "identifiant", "id", "code"),
    "nom": ("wifi_nom", "nom_du_site", "nom_site", "nom", "name", "libelle", "nom_borne"),
    "ssid": ("wifi_ssid_1", "wifi_ssid", "ssid"),
    "adresse": ("wifi_adresse", "adresse", "arc_adresse", "adresse_postale", "address"),
    "code_postal": ("wifi_code_postal", "code_postal", "cp", "codepostal"),
    "commune": ("wifi_commune", "commune", "nom_commune", "ville"),
    "code_insee": ("wifi_code_insee", "code_insee", "insee", "insee_com", "coll_insee"),
    "etat": ("wifi_etat", "etat_du_site", "etat2", "etat_site", "etat", "statut", "status"),
    "lon": ("wifi_long", "wifi_lon", "longitude", "lon", "lng"),
    "lat": ("wifi_lat", "latitude", "lat"),
    "producteur": ("coll_nom",),
}
#: ``etat`` values (``normalise_text``) of a working site; any other non-empty value
#: (Fermé pour travaux, En déploiement, En étude, Hors service…) means not operational.
WIFI_OPERATIONAL = frozenset((
    "operationnel", "operationnelle", "en service", "en fonctionnement", "fonctionnel", "actif",
    "active", "ouvert", "installe", "deploye", "oui", "1", "true", "ok", "operational", "open",
    "in service",
))


def _column_key(name):
    return normalise_text(name).replace(" ", "_")


def _wifi_value(props, keys, role):
    for name in WIFI_COLUMNS[role]:
        original = keys.get(name)
        if original is not None and _text(props.get(original)):
            return props.get(original)
    return None


def wifi_is_operational(value):
    """False when a site's state (``Etat du site``…) says it is not in service; unknown is True."""
    state = normalise_text(value)
    return not state or state in WIFI_OPERATIONAL


def from_wifi_row(row, lon=None, lat=None, source=None, dataset=DATASET_WIFI):
    """Normalise one public Wi-Fi site; category ``wifi`` only.

    Reads the OpenDataFrance draft fields (``WIFI_Id``, ``WIFI_Nom``,
    ``WIFI_LAT``, ``WIFI_LONG``, ``COLL_NOM``…), the Paris files ("Nom du
    site", "Adresse", "Code postal", "Code Site", "Etat du site" or the API
    names ``nom_site``, ``arc_adresse``, ``cp``, ``etat2``) and generic names
    (:data:`WIFI_COLUMNS`). The position is ``lon``/``lat`` when given (the
    loader found it, e.g. in ``geo_point_2d``), else the longitude/latitude
    columns. ``source``: producer name (default: ``COLL_NOM``, else
    ``wifi``). The name falls back on the SSID, then the address.

    A site whose state is not operational (:func:`wifi_is_operational`)
    raises :class:`RecordRejectedError` with reason
    :data:`REASON_NOT_OPERATIONAL`, so that it is counted, not dropped
    silently. A Wi-Fi file says nothing about mediation: no other category is
    inferred, not even from the name (a library's hotspot is not an EPN).
    """
    props, geometry = _feature_parts(row)
    keys = {}
    for name in props:
        keys.setdefault(_column_key(name), name)
    original_id = _text(_wifi_value(props, keys, "id"))
    nom = _text(_wifi_value(props, keys, "nom") or _wifi_value(props, keys, "ssid")
                or _wifi_value(props, keys, "adresse"))
    if not nom:
        message = tr("Place {id} has no name.").format(id=original_id or "?")
        raise RecordRejectedError(REASON_MISSING_NAME, message)
    state = _text(_wifi_value(props, keys, "etat"))
    if not wifi_is_operational(state):
        message = tr("Wi-Fi site {name} is not operational ({state}).").format(name=nom, state=state)
        raise RecordRejectedError(REASON_NOT_OPERATIONAL, message)
    if lon is None and lat is None and not (isinstance(geometry, dict) and geometry.get("type") == "Point"):
        lon, lat = _wifi_value(props, keys, "lon"), _wifi_value(props, keys, "lat")
    lon, lat = _position(props, geometry, lon, lat, nom)
    producer = slug(source or _wifi_value(props, keys, "producteur")) or DATASET_WIFI
    if not original_id:
        original_id = _fallback_id(nom, lon, lat)
    return _record(
        id=f"{producer}:{original_id}",
        nom=nom,
        adresse=_clean_address(_wifi_value(props, keys, "adresse")),
        code_postal=_text(_wifi_value(props, keys, "code_postal")),
        commune=_text(_wifi_value(props, keys, "commune")),
        code_insee=_text(_wifi_value(props, keys, "code_insee")),
        lon=lon,
        lat=lat,
        categories=WIFI,
        sources=producer,
        source_ids=f"{dataset}:{original_id}",
    )


# ---------------------------------------------------------------------------
# Which normaliser for a file
# ---------------------------------------------------------------------------

KIND_LIEUX = "lieux"
KIND_FRANCE_SERVICES = "france_services"
KIND_TIERS_LIEUX = "tiers_lieux"
KIND_WIFI = "wifi"
_PARIS_WIFI_COLUMNS = frozenset(("nom_du_site", "etat_du_site", "code_site", "nom_site", "etat2"))


def source_kind(columns, sources=()):
    """The kind of a file of places from its column names, or None.

    ``france_services`` (``id_fs`` and ``lib_fs``), ``tiers_lieux`` (CGET
    ``NOM_TL``, or a lieux file whose records all come from
    ``france-tiers-lieux``: give their ``source`` values in ``sources``),
    ``wifi`` (a ``WIFI_*`` or ``SSID`` column, or the Paris columns) or
    ``lieux`` (a ``nom`` column: schema v0 or v1).
    """
    keys = {_column_key(c) for c in columns}
    if {"id_fs", "lib_fs"} <= keys:
        return KIND_FRANCE_SERVICES
    if "nom_tl" in keys:
        return KIND_TIERS_LIEUX
    if any(k.startswith("wifi_") or k == "ssid" for k in keys) or keys & _PARIS_WIFI_COLUMNS:
        return KIND_WIFI
    if "nom" in keys:
        values = {slug(s) for s in sources}
        if values == {"france-tiers-lieux"}:
            return KIND_TIERS_LIEUX
        return KIND_LIEUX
    return None


def normaliser_for(kind):
    """The normaliser of a :func:`source_kind` (called as ``f(record, lon, lat)``)."""
    return {
        KIND_LIEUX: from_lieu,
        KIND_FRANCE_SERVICES: lambda row, lon=None, lat=None: from_france_services_row(row),
        KIND_TIERS_LIEUX: from_tiers_lieu,
        KIND_WIFI: from_wifi_row,
    }[kind]


def normalise_all(items, normaliser, **kwargs):
    """Apply ``normaliser`` to each item; return :data:`Normalised` (records, rejected).

    Items refused with :class:`RecordRejectedError` are listed in ``rejected`` with
    their reason, never dropped silently.
    """
    records, rejected = [], []
    for item in items:
        try:
            records.append(normaliser(item, **kwargs))
        except RecordRejectedError as error:
            props, _ = _feature_parts(item)
            rejected.append({
                "reason": error.reason,
                "message": str(error),
                "id": _text(props.get("id") or props.get("id_fs") or props.get("ID")),
                "nom": _text(props.get("nom") or props.get("lib_fs") or props.get("NOM_TL")),
                "record": item,
            })
    return Normalised(records, rejected)


def read_geojson_features(path):
    """The features of a GeoJSON FeatureCollection file (or ``[feature]``)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except OSError as error:
        raise DataError(tr("Cannot read {path}: {error}").format(path=path, error=error)) from None
    except ValueError as error:
        raise DataError(tr("{path} is not valid GeoJSON: {error}").format(path=path, error=error)) from None
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return list(data.get("features") or [])
    if isinstance(data, dict) and data.get("type") == "Feature":
        return [data]
    raise DataError(tr("{path} is not a GeoJSON FeatureCollection.").format(path=path))


def read_france_services_csv(path):
    """Rows (dicts) of a France Services CSV; ``,`` or ``;`` separated, UTF-8 (BOM allowed)."""
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            header = handle.readline()
            handle.seek(0)
            delimiter = ";" if header.count(";") > header.count(",") else ","
            reader = csv.DictReader(handle, delimiter=delimiter)
            check_france_services_columns(reader.fieldnames or [])
            return list(reader)
    except OSError as error:
        raise DataError(tr("Cannot read {path}: {error}").format(path=path, error=error)) from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise DataError(tr("{path} is not a readable CSV file: {error}").format(
            path=path, error=error)) from None


# ---------------------------------------------------------------------------
# Cross-source merging
# ---------------------------------------------------------------------------

EARTH_RADIUS_M = 6371008.8
NAME_SIMILARITY = 0.85
_STOPWORDS = frozenset(("de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en"))
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres between two WGS 84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def name_tokens(name):
    """Name comparison tokens: normalised, ``st`` -> ``saint``, articles dropped."""
    tokens = [_ABBREVIATIONS.get(t, t) for t in normalise_text(name).split()]
    return [t for t in tokens if t not in _STOPWORDS]


def names_match(name_a, name_b, threshold=NAME_SIMILARITY):
    """True when two place names designate the same place.

    Rule M2 of docs/categories.md: on :func:`name_tokens`, one token set
    contained in the other, or ``difflib`` ratio of the token strings
    >= ``threshold``.
    """
    return _tokens_match(name_tokens(name_a), name_tokens(name_b), threshold)


def _tokens_match(tokens_a, tokens_b, threshold):
    if not tokens_a or not tokens_b:
        return False
    set_a, set_b = set(tokens_a), set(tokens_b)
    if set_a <= set_b or set_b <= set_a:
        return True
    ratio = difflib.SequenceMatcher(None, " ".join(tokens_a), " ".join(tokens_b)).ratio()
    return ratio >= threshold


def record_priority(record):
    """Sort key: lower is preferred for the name and position of a merged place.

    Dataset first (``DATASET_PRIORITY``: France Services CSV > lieux files >
    tiers-lieux files), then producer (``SOURCE_PRIORITY``), then ``id``.
    """
    datasets = [sid.split(":", 1)[0] for sid in split_values(record.get("source_ids"))]
    dataset_rank = min((DATASET_PRIORITY.index(d) if d in DATASET_PRIORITY else len(DATASET_PRIORITY)
                        for d in datasets), default=len(DATASET_PRIORITY))
    source_rank = min((SOURCE_PRIORITY.index(s) if s in SOURCE_PRIORITY else len(SOURCE_PRIORITY)
                       for s in split_values(record.get("sources"))), default=len(SOURCE_PRIORITY))
    return (dataset_rank, source_rank, _text(record.get("id")))


class _UnionFind:
    def __init__(self, size):
        self.parent = list(range(size))

    def find(self, item):
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b):
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # the smaller index stays the root: groups come out in input order
            if root_b < root_a:
                root_a, root_b = root_b, root_a
            self.parent[root_b] = root_a
        return root_a != root_b


def _merge_group(members):
    members = sorted(members, key=record_priority)
    top = members[0]
    merged = {field: top.get(field, "") for field in RECORD_FIELDS}

    def first(field, group=None):
        for member in group or members:
            value = _text(member.get(field))
            if value:
                return value
        return ""

    address_owner = next((m for m in members if _text(m.get("adresse"))), top)
    for field in ("adresse", "code_postal", "commune"):
        merged[field] = _text(address_owner.get(field)) or first(field)
    for field in ("code_insee", "horaires", "itinerance"):
        merged[field] = first(field)
    merged["date_maj"] = max((_text(m.get("date_maj")) for m in members), default="")
    merged["categories"] = join_categories(
        [code for m in members for code in split_categories(m.get("categories"))])
    for field in ("sources", "source_ids", "services", "labels"):
        merged[field] = _join(v for m in members for v in split_values(m.get(field)))
    merged["n_sources"] = len(split_values(merged["sources"]))
    return merged


#: Default merging distance (metres), see docs/categories.md, rule M2.
MERGE_DISTANCE_M = 100.0

#: Producers whose ids each denote a distinct place (rule M3): two records
#: with different ``id`` from these producers are never merged, whatever
#: their names and distance (a France Services bus and the fixed France
#: Services of the same office, 35 m apart in Lens).
DISTINCT_ID_SOURCES = ("france-services",)


def _distinct_keys(record):
    record_id = _text(record.get("id"))
    prefix = record_id.split(":", 1)[0]
    return frozenset((record_id,)) if prefix in DISTINCT_ID_SOURCES else frozenset()


def merge_duplicates(records, max_distance_m=MERGE_DISTANCE_M, name_threshold=NAME_SIMILARITY):
    """Merge the records that describe the same place; return new records.

    M1: records with the same ``id`` merge. M2: records at most
    ``max_distance_m`` apart (haversine) whose names match
    (:func:`names_match`) merge, closest pairs first. M3: a merge that would
    put two different France Services ids (``DISTINCT_ID_SOURCES``) in one
    place is refused. Groups are closed transitively (union-find); candidate
    pairs come from a grid of cells at least ``max_distance_m`` wide, so the
    cost grows about linearly with the number of records.

    A merged record takes ``id``, ``nom`` and position from its
    highest-priority member (:func:`record_priority`), the address block from
    the first member that has one, ``code_insee``, ``horaires`` and
    ``itinerance`` from the first member that has them, the latest
    ``date_maj``, and the union of ``categories``, ``sources``,
    ``source_ids``, ``services`` and ``labels``. Output order: order of each
    group's first record in the input. Records must have float ``lon``/``lat``
    (normalised records).
    """
    try:
        max_distance_m = float(max_distance_m)
    except (TypeError, ValueError):
        max_distance_m = float("nan")
    if not (math.isfinite(max_distance_m) and max_distance_m >= 0.0):
        raise InputError(tr("The merging distance must be a positive number of metres."))
    records = list(records)
    union = _UnionFind(len(records))
    distinct = {index: _distinct_keys(record) for index, record in enumerate(records)}

    def join(a, b, force=False):
        root_a, root_b = union.find(a), union.find(b)
        if root_a == root_b:
            return
        if not force and distinct[root_a] and distinct[root_b]:
            return  # rule M3
        keys = distinct.pop(root_a) | distinct.pop(root_b)
        union.union(root_a, root_b)
        distinct[union.find(root_a)] = keys

    first_with_id = {}
    for index, record in enumerate(records):
        key = _text(record.get("id"))
        if key:
            if key in first_with_id:
                join(first_with_id[key], index, force=True)
            else:
                first_with_id[key] = index

    if max_distance_m > 0.0 and len(records) > 1:
        try:
            lats = [float(r["lat"]) for r in records]
            lons = [float(r["lon"]) for r in records]
        except (KeyError, TypeError, ValueError):
            raise InputError(tr("Every place to merge needs numeric lon and lat fields.")) from None
        max_abs_lat = min(89.0, max(abs(v) for v in lats))
        cell_lat = math.degrees(max_distance_m / EARTH_RADIUS_M) * 1.01
        cell_lon = cell_lat / math.cos(math.radians(max_abs_lat))
        grid = {}
        cells = []
        for index in range(len(records)):
            cell = (math.floor(lats[index] / cell_lat), math.floor(lons[index] / cell_lon))
            cells.append(cell)
            grid.setdefault(cell, []).append(index)
        tokens = [name_tokens(r.get("nom")) for r in records]
        pairs = []
        for index, (row, col) in enumerate(cells):
            for d_row in (-1, 0, 1):
                for d_col in (-1, 0, 1):
                    for other in grid.get((row + d_row, col + d_col), ()):
                        if other <= index:
                            continue
                        distance = haversine_m(lons[index], lats[index], lons[other], lats[other])
                        if distance <= max_distance_m and _tokens_match(
                                tokens[index], tokens[other], name_threshold):
                            pairs.append((distance, index, other))
        for _distance, index, other in sorted(pairs):
            join(index, other)

    groups = {}
    for index in range(len(records)):
        groups.setdefault(union.find(index), []).append(records[index])
    return [_merge_group(groups[root]) for root in sorted(groups)]
