"""``ville_numerique:geocode`` — addresses, places and communes found by the IGN geocoder.

The Géoplateforme geocoder (``/geocodage/search``, GeocodeJSON) answers a
free text with points, best first. The panel uses it to find a commune that
is not in the offline list; batch users turn a list of addresses of planned
services into a point layer.
"""

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.errors import InputError
from ..core.i18n import tr
from .base import BaseAlgorithm
from .open_data import COMMUNE_CODE, WGS84, Schema, check_canceled, open_clients, write_sink

#: (index, type) sent to the geocoder for each choice of KIND, in the order of the enum.
KINDS = (
    ("address", None),
    ("address", "municipality"),
    ("address", "street"),
    ("address", "housenumber"),
    ("poi", None),
)
OUTPUT_FIELDS = (
    ("query", "string"),
    ("rank", "int"),
    ("label", "string"),
    ("score", "double"),
    ("type", "string"),
    ("name", "string"),
    ("postcode", "string"),
    ("citycode", "string"),
    ("city", "string"),
    ("context", "string"),
)
MAX_QUERIES = 1000


def split_queries(text):
    """The queries of a text: one per line (or separated by ``;``), blank ones dropped."""
    queries = []
    for line in str(text or "").replace(";", "\n").splitlines():
        line = " ".join(line.split())
        if line and line not in queries:
            queries.append(line)
    return queries


class GeocodeAlgorithm(BaseAlgorithm):
    NAME = "geocode"
    GROUP_ID = "data"

    QUERY = "QUERY"
    KIND = "KIND"
    #: Codes of the KIND options, in their order (the value is the index; see KINDS).
    KIND_CODES = ("any", "municipality", "street", "housenumber", "poi")
    CITYCODE = "CITYCODE"
    LIMIT = "LIMIT"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Geocode addresses and communes")

    def initAlgorithm(self, config=None):  # noqa: N802
        param = QgsProcessingParameterString(self.QUERY, tr("Addresses, places or communes"), multiLine=True)
        param.setHelp(tr("One query per line (or separated by ;), e.g. 'Saint-Omer' or "
                         "'place du 8 mai 1945 Saint-Omer'."))
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KIND,
                tr("What to look for"),
                options=[
                    tr("Any address"),
                    tr("Communes"),
                    tr("Streets"),
                    tr("House numbers"),
                    tr("Points of interest"),
                ],
                defaultValue=0,
            )
        )
        param = QgsProcessingParameterString(self.CITYCODE, tr("Only in the commune (INSEE code)"), optional=True)
        param.setHelp(tr("Five-character INSEE code, e.g. 62765 for Saint-Omer."))
        self.addParameter(param)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.LIMIT,
                tr("Answers per query"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=1,
                minValue=1,
                maxValue=20,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Geocoded places"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of places found")))
        self.addOutput(QgsProcessingOutputNumber("NOT_FOUND", tr("Queries without an answer")))

    def run_algorithm(self, parameters, context, feedback):
        queries = split_queries(self.parameterAsString(parameters, self.QUERY, context))
        if not queries:
            raise InputError(tr("Give an address, a place or a commune to look for."))
        if len(queries) > MAX_QUERIES:
            raise InputError(
                tr("{n} queries: at most {max} per run (the geocoder allows 50 requests per second).").format(
                    n=len(queries), max=MAX_QUERIES
                )
            )
        index, kind = KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        citycode = self.parameterAsString(parameters, self.CITYCODE, context).strip().upper() or None
        if citycode and not COMMUNE_CODE.match(citycode):
            raise InputError(
                tr("'{code}' is not an INSEE commune code (five characters, e.g. 62765).").format(code=citycode)
            )
        limit = self.parameterAsInt(parameters, self.LIMIT, context)

        clients = open_clients(feedback)
        rows, not_found = [], []
        for number, query in enumerate(queries, 1):
            check_canceled(feedback)
            results = clients.ign.geocode(
                query, limit=limit, index=index, type=kind, citycode=citycode, is_canceled=feedback
            )
            if not results:
                not_found.append(query)
            for rank, result in enumerate(results, 1):
                props = result.properties or {}
                values = {
                    "query": query,
                    "rank": rank,
                    "label": result.label,
                    "score": result.score,
                    "type": result.type or props.get("_type"),
                    "name": props.get("name") or props.get("toponym"),
                    "postcode": result.postcode,
                    "citycode": result.citycode,
                    "city": result.city,
                    "context": props.get("context"),
                }
                rows.append((QgsGeometry.fromPointXY(QgsPointXY(result.lon, result.lat)), values))
            feedback.setProgress(95 * number / len(queries))
        check_canceled(feedback)
        if not rows:
            raise InputError(
                tr("The geocoder found nothing for: {queries}. Check the spelling or choose another kind of "
                   "place.").format(queries="; ".join(queries[:5]))
            )
        if not_found:
            feedback.pushWarning(
                tr("{n} query(ies) without an answer: {queries}.").format(
                    n=len(not_found), queries="; ".join(not_found[:10])
                )
            )
        names = [name for name, _ in OUTPUT_FIELDS]
        schema = Schema(names, names, [kind for _, kind in OUTPUT_FIELDS])
        dest_id = write_sink(
            self,
            parameters,
            self.OUTPUT,
            context,
            schema.fields(),
            QgsWkbTypes.Type.Point,
            WGS84,
            [(geometry, schema.attributes(values)) for geometry, values in rows],
        )
        feedback.pushInfo(tr("{n} place(s) found (IGN Géoplateforme geocoder, BAN data, "
                             "Licence Ouverte).").format(n=len(rows)))
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id, "COUNT": len(rows), "NOT_FOUND": len(not_found)}
