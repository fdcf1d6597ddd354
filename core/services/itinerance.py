"""What a record is: a fixed place or an itinerant stop, open or not, a place or a host.

Rules I (itinerance), O (ouverture / status) and K (kind) of docs/categories.md.
Part of the :mod:`core.services` package; pure Python.

* **I**: a record is *itinerant* when its ``itinerance`` / ``mobilite`` field
  says so (schema v1 ``Itinérant``; France Services list ``Oui`` or
  ``format_fs_anct`` Mobile) **or** its name does (camion, bus, itinérant(e),
  itinérance, mobile, permanence mobile, numéribus…). Otherwise it is fixed
  when a field says so, unknown (counted as fixed) when nothing is said.
* **O**: a record whose status field (``statut``, ``etat``…) or name says it is
  not open (en cours, en projet, fermé, à venir…) is *not open*.
* **K**: a lieu that is only a person, a bar / café, a school or a room hosting
  a permanence keeps its categories but gets a lower supply weight
  (``KIND_WEIGHTS``).
"""

from __future__ import annotations

import re
import unicodedata

from .vocabulary import _text, normalise_text

# ---------------------------------------------------------------------------
# I: fixed or itinerant
# ---------------------------------------------------------------------------

#: Values of the ``itinerance`` field of normalised records (schema v1 wording).
ITINERANT = "Itinérant"
FIXED = "Fixe"

#: Fields read, first filled one wins (compared after ``normalise_text``, spaces as ``_``).
ITINERANCE_FIELDS = ("itinerance", "mobilite", "itinerant", "format_fs_anct", "format_fs")
_ITINERANT_VALUES = frozenset(("itinerant", "itinerante", "oui", "true", "1", "mobile", "bus", "yes"))
_FIXED_VALUES = frozenset(("fixe", "non", "false", "0", "lieu fixe", "no"))

#: Rule I2: words of a name that mean a vehicle or a travelling service.
ITINERANT_NAME = re.compile(
    r"\bcamions?\b|\bbus\b|\bitinerant(?:e|es|s)?\b|\bitinerance\b|\bmobiles?\b|\bnumeri ?bus\b"
    r"|\bcyber ?bus\b|\bmedia ?bus\b|\bbibliobus\b|\bmini ?bus\b|\bvehicules?\b|\bcamping ?cars?\b"
)


def _field_value(props, names):
    keys = {normalise_text(k).replace(" ", "_"): k for k in props}
    for name in names:
        key = keys.get(name)
        if key is not None and _text(props.get(key)):
            yield name, _text(props.get(key))


def itinerance_from_fields(props):
    """``ITINERANT``, ``FIXED`` or ``""`` from the fields of a source record (rule I1).

    ``itinerance`` / ``mobilite`` (``Itinérant``, ``Fixe``, ``Oui``, ``Non``…) and the
    France Services ``format_fs_anct`` (``Mobile`` -> itinerant, ``Lieu fixe`` -> fixed;
    ``Multi-sites`` says nothing).
    """
    for _name, value in _field_value(props, ITINERANCE_FIELDS):
        text = normalise_text(value)
        if text in _ITINERANT_VALUES or ITINERANT_NAME.search(text):
            return ITINERANT
        if text in _FIXED_VALUES:
            return FIXED
    return ""


def is_itinerant_name(name):
    """True when a place name says it is a vehicle or a travelling service (rule I2)."""
    return bool(ITINERANT_NAME.search(normalise_text(name)))


def itinerance_of(props, name):
    """Rule I: ``ITINERANT`` if the fields or the name say so, else the fields' value."""
    value = itinerance_from_fields(props)
    if value == ITINERANT or is_itinerant_name(name):
        return ITINERANT
    return value


def is_itinerant(record):
    """True for a normalised record whose ``itinerance`` is itinerant."""
    return normalise_text(record.get("itinerance")).startswith("itinerant")


# ---------------------------------------------------------------------------
# O: open or not
# ---------------------------------------------------------------------------

STATUS_OPEN = "ouvert"
STATUS_NOT_OPEN = "pas_ouvert"
#: Reason of rejection of a record that is not open (``RecordRejectedError.reason``).
REASON_NOT_OPEN = "not_open"

#: Status columns read (normalised names), first filled one wins.
STATUS_FIELDS = ("statut", "status", "etat", "etat_du_lieu", "etat_du_site", "ouverture", "state")
#: Rule O1: a status value (normalised) that says not open.
NOT_OPEN_STATUS = re.compile(
    r"\ben cours\b|\bprojet\b|\bferme(?:e|s|es)?\b|\bfermeture\b|\ba venir\b|\bprochainement\b"
    r"|\ben construction\b|\ben travaux\b|\ben creation\b|\ben preparation\b|\bnon ouvert"
    r"|\bpas (?:encore )?ouvert|\bclosed\b|\bplanned\b|\binactif\b|\bhors service\b|\bsuspendu"
    r"|\ben deploiement\b|\ben etude\b"
)
#: Rule O2: a name that says not open. Stricter than O1 (a name is not a status):
#: "fermé" only with its accent or after "actuellement / définitivement /
#: temporairement" ("La Ferme du…" is a farm), "projet" only as "en projet" or
#: "(projet)" ("Mairie de Lillers pour un projet mené…" is open), "en cours"
#: only at the end or in brackets.
NOT_OPEN_NAME_ACCENTED = re.compile(r"\bfermée?s?\b", re.IGNORECASE)
NOT_OPEN_NAME = re.compile(
    r"\b(?:actuellement|definitivement|temporairement) fermee?s?\b|\ben projet\b|\(\s*projet\s*\)"
    r"|[-(\u2013]\s*en cours\b|\ben cours\s*\)|\ben cours\s*$|\bprochainement\b|\ben construction\b"
)


def _fold(text):
    """Lowercase without accents, punctuation kept (the O2 patterns need brackets and dashes)."""
    text = unicodedata.normalize("NFKD", _text(text))
    return "".join(char for char in text if not unicodedata.combining(char)).lower().strip()


def status_of(props, name):
    """``(STATUS_OPEN or STATUS_NOT_OPEN, why)``: rule O1 on the status fields, O2 on the name.

    ``why``: ``(field, value)`` of the status field that decided, ``None`` when the name did
    (or when the record is open).
    """
    for field, value in _field_value(props, STATUS_FIELDS):
        if NOT_OPEN_STATUS.search(normalise_text(value)):
            return STATUS_NOT_OPEN, (field, value)
        return STATUS_OPEN, None
    if NOT_OPEN_NAME_ACCENTED.search(_text(name)) or NOT_OPEN_NAME.search(_fold(name)):
        return STATUS_NOT_OPEN, None
    return STATUS_OPEN, None


# ---------------------------------------------------------------------------
# K: a place, or a host of a permanence
# ---------------------------------------------------------------------------

KIND_PLACE = "lieu"
KIND_HOSTED = "permanence_hebergee"
KIND_PERSON = "personne"

#: Default supply weight of each kind (rule K): a bar, a school or a room that
#: hosts a permanence, or a person, is not a place with staff and equipment.
KIND_WEIGHTS = {KIND_PLACE: 1.0, KIND_HOSTED: 0.5, KIND_PERSON: 0.5}

#: Rule K1: a name that starts with a civility (a person).
PERSON_NAME = re.compile(r"^(?:m|mme|mlle|mr|monsieur|madame|mademoiselle|dr|docteur)\b")
#: Rule K2: a name that starts with a venue whose job is not digital mediation.
HOST_NAME = re.compile(
    r"^(?:bar|cafe|cafes|estaminet|brasserie|restaurant|pub|auberge|ecole|ecoles|groupe scolaire"
    r"|cantine|college|lycee|salle|salles|gymnase|complexe sportif|foyer rural)\b"
)


def kind_of(name):
    """``KIND_PERSON``, ``KIND_HOSTED`` or ``KIND_PLACE`` from a place name (rules K1, K2)."""
    text = normalise_text(name)
    if PERSON_NAME.search(text):
        return KIND_PERSON
    if HOST_NAME.search(text):
        return KIND_HOSTED
    return KIND_PLACE


def kind_weight(kind):
    """The default supply weight of a kind (``KIND_WEIGHTS``; unknown kinds weigh 1)."""
    return KIND_WEIGHTS.get(kind, 1.0)


# ---------------------------------------------------------------------------
# Fields added to the places written by fetch_services
# ---------------------------------------------------------------------------

#: ``nature`` (rule K), ``poids`` (its default supply weight), ``anct``
#: (``officiel``: on the ANCT France Services list; ``non_apparie``: named a
#: France Services by another source but matching no desk of the list, rule R4).
#: The field of the supply weight of rule K, read by default by the coverage algorithms.
KIND_WEIGHT_FIELD = "poids"
EXTRA_FIELDS = ("nature", KIND_WEIGHT_FIELD, "anct")
ANCT_OFFICIAL = "officiel"
ANCT_UNMATCHED = "non_apparie"


def qualified(record, anct=""):
    """A copy of a normalised record with the ``EXTRA_FIELDS`` filled."""
    kind = kind_of(record.get("nom"))
    return dict(record, nature=kind, anct=anct, **{KIND_WEIGHT_FIELD: kind_weight(kind)})
