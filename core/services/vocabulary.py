"""Service categories, text normalisation, schema vocabularies and category inference.

Part of the :mod:`core.services` package (see its docstring and docs/categories.md).
"""

from __future__ import annotations

import math
import re
import unicodedata

from .. import categories as _registry
from ..errors import InputError
from ..i18n import tr

# ---------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------

EPN = "epn"
FRANCE_SERVICES = "france_services"
CONSEILLER_NUMERIQUE = "conseiller_numerique"
TIERS_LIEU = "tiers_lieu"
FABLAB = "fablab"
WIFI = "wifi"

#: Every category code, in canonical order (the order of ``join_categories``), read from the
#: one registry ``core/categories.py``; the constants above name those the inference rules use.
CATEGORIES = _registry.CODES

#: Separator of multi-valued fields in normalised records (schema v1 convention).
SEPARATOR = "|"

_CATEGORY_RANK = {code: rank for rank, code in enumerate(CATEGORIES)}


def category_label(code):
    """The translated, user-facing label of a category code (:func:`core.categories.label`)."""
    if code not in _registry.BY_CODE:
        raise InputError(tr("Unknown service category: {code}.").format(code=code))
    return _registry.label(code)


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

#: v0 ``labels_nationaux`` -> v1 ``dispositif_programmes_nationaux`` (the ``labels`` field of a
#: normalised record speaks v1).
V0_LABELS_TO_DISPOSITIFS = {
    "CNFS": "Conseillers numériques",
    "France Services": "France Services",
    "Aidants Connect": "Aidants Connect",
    "Grande école du numérique": "Grande école du numérique",
    "Point numérique CAF": "Point d'accès numérique CAF",
    "Point relais CAF": "Point d'accès numérique CAF",
}
#: v0 ``labels_nationaux`` -> v1 ``formations_labels``; other v0 labels (APTIC, Relais pôle
#: emploi, French Tech, Campus connecté…) are kept unchanged.
V0_LABELS_TO_FORMATIONS = {"Fabriques de Territoire": "Fabriques de Territoire"}


def _key(value):
    return normalise_text(value)


def _keyed(mapping):
    return {_key(k): v for k, v in mapping.items()}


_V0_DISPOSITIFS = _keyed(V0_LABELS_TO_DISPOSITIFS)
_V0_FORMATIONS = _keyed(V0_LABELS_TO_FORMATIONS)



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
