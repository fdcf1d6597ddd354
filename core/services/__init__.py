"""Digital-inclusion services: categories, inference, normalisation, merging.

Pure Python (stdlib only), split along its jobs: :mod:`.vocabulary` (categories,
text, schema vocabularies, inference), :mod:`.records` (normalisers), :mod:`.wifi` (Wi-Fi lists),
:mod:`.sources` (which normaliser for a file, readers),
:mod:`.dedup` (merging), :mod:`.itinerance` (fixed or itinerant, open or
not, place or host), :mod:`.reconcile` (France Services vs the ANCT list). Every public name is importable from here.
The rules are documented, rule by rule, in
``docs/categories.md``; keep both in step.

Vocabulary
----------
A *place* (lieu) offers one or more *categories* of digital-inclusion service,
stored as a ``|``-separated string of codes in ``CATEGORIES`` order. The categories
are defined in ``core/categories.py`` alone (codes, labels, colours, defaults); the
inference rules of :mod:`.vocabulary` know these six:

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


from .counting import *  # noqa: F401,F403
from .dedup import *  # noqa: F401,F403
from .itinerance import *  # noqa: F401,F403
from .reconcile import *  # noqa: F401,F403
from .records import *  # noqa: F401,F403
from .sources import *  # noqa: F401,F403
from .vocabulary import *  # noqa: F401,F403
from .wifi import *  # noqa: F401,F403
