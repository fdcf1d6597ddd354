"""Typed errors of Ville numérique.

Each error carries a message already translated for the user (through
``core.i18n.tr``). Processing algorithms turn them into
``QgsProcessingException`` with that message: the user sees a sentence,
never a traceback.
"""


class VilleNumeriqueError(Exception):
    """Base class: ``str(error)`` is a translated, user-readable sentence."""


class InputError(VilleNumeriqueError):
    """An input layer, field or parameter cannot be used as given."""


class DataError(VilleNumeriqueError):
    """A data file or record is malformed (bad CSV row, broken GeoJSON...)."""


class NetworkError(VilleNumeriqueError):
    """A remote service could not be reached or answered with an error."""


class CanceledError(VilleNumeriqueError):
    """The user canceled the operation."""
