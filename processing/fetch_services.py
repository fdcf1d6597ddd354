"""``ville_numerique:fetch_services``: the digital-inclusion places of a territory, from the
national open data (data.gouv.fr) and downloaded files, normalised, merged and counted
(``core.services``; rules in docs/categories.md)."""

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core import loaders, services
from ..core.errors import DataError, InputError
from ..core.i18n import tr
from .base import BaseAlgorithm
from .coverage import write_json_atomically
from .open_data import (
    WGS84,
    AreaParameters,
    Schema,
    add_area_parameters,
    advanced,
    area_from_parameters,
    check_canceled,
    download_reference,
    features_to_rows,
    open_clients,
    progress_callback,
    split_references,
    write_sink,
)
from .styles import apply_style, default_layer_name

# --------------------------------------------------------------------------
# Digital services
# --------------------------------------------------------------------------
SOURCE_LIEUX = "lieux"
SOURCE_FRANCE_SERVICES = "france_services"
RECORD_KINDS = {"lon": "double", "lat": "double", "n_sources": "int", services.KIND_WEIGHT_FIELD: "double"}


def _point(geometry):
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        coordinates = geometry.get("coordinates") or []
        if len(coordinates) >= 2:
            return coordinates[0], coordinates[1]
    return None, None


def normalise_result(result, kind, keep_not_open=False):
    """Normalised records of a :class:`loaders.LoadResult` read as ``kind``."""
    normaliser = services.normaliser_for(kind)

    def one(record):
        lon, lat = _point(record.get("geometry"))
        return normaliser({k: v for k, v in record.items() if k != "geometry"}, lon, lat)

    return services.normalise_all(result.records, one, keep_not_open=keep_not_open)


def file_kind(result, name):
    columns = []
    for record in result.records[:50]:
        columns += [c for c in record if c not in columns and c != "geometry"]
    kind = services.source_kind(columns, [r.get("source") for r in result.records if r.get("source")])
    if kind is None:
        raise DataError(
            tr(
                "{name} is not recognised as a list of digital services: expected lieux de médiation "
                "numérique (schema v0 or v1), the France Services list, tiers-lieux or public Wi-Fi sites."
            ).format(name=name)
        )
    return kind


@dataclass
class SourceReport:
    name: str
    read: int
    kept: int
    rejected: Counter
    examples: list


class FetchServicesAlgorithm(AreaParameters, BaseAlgorithm):
    NAME = "fetch_services"
    GROUP_ID = "data"

    CATEGORIES = "CATEGORIES"
    #: Codes of the CATEGORIES options, in their order (the value is a list of indices).
    CATEGORY_CODES = tuple(services.CATEGORIES)
    LIEUX = "LIEUX"
    FRANCE_SERVICES = "FRANCE_SERVICES"
    WIFI = "WIFI"
    LOCAL_FILES = "LOCAL_FILES"
    MERGE_DISTANCE = "MERGE_DISTANCE"
    RECONCILE_DISTANCE = "RECONCILE_DISTANCE"
    INCLUDE_ITINERANT = "INCLUDE_ITINERANT"
    INCLUDE_NOT_OPEN = "INCLUDE_NOT_OPEN"
    OUTPUT = "OUTPUT"
    OUTPUT_ITINERANT = "OUTPUT_ITINERANT"
    SUMMARY = "SUMMARY"

    def displayName(self):  # noqa: N802
        return tr("Fetch the digital services")

    def initAlgorithm(self, config=None):  # noqa: N802
        add_area_parameters(self)
        param = QgsProcessingParameterEnum(
            self.CATEGORIES,
            tr("Categories"),
            options=["{} ({})".format(services.category_label(code), code) for code in services.CATEGORIES],
            allowMultiple=True,
            defaultValue=list(range(len(services.CATEGORIES))),
        )
        param.setHelp(tr("Places offering at least one of them are kept, with these categories only."))
        self.addParameter(param)
        # two booleans rather than a multiple choice: qgis_process (QGIS 3.22) cannot pass an empty list
        param = QgsProcessingParameterBoolean(
            self.LIEUX,
            tr("Lieux de médiation numérique (national dataset on data.gouv.fr)"),
            defaultValue=True,
        )
        param.setHelp(tr("Found in the catalogue at each run (by its schema), so the latest file is used."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(
            self.FRANCE_SERVICES, tr("France Services (ANCT list on data.gouv.fr)"), defaultValue=True
        )
        param.setHelp(tr("Found in the catalogue at each run, so the latest file is used."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.WIFI, tr("Public Wi-Fi datasets"), optional=True)
        param.setHelp(
            tr(
                "data.gouv.fr resource identifiers or file addresses of Wi-Fi site lists, separated by "
                "commas. Sites that are not operational are left out and counted."
            )
        )
        self.addParameter(param)
        param = QgsProcessingParameterMultipleLayers(
            self.LOCAL_FILES, tr("Downloaded files"), QgsProcessing.SourceType.TypeFile, optional=True
        )
        param.setHelp(
            tr(
                "Files already downloaded (CSV, GeoJSON…): lieux de médiation numérique, France Services, "
                "tiers-lieux or Wi-Fi lists, recognised by their columns."
            )
        )
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.MERGE_DISTANCE,
            tr("Merging distance of duplicates (metres)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=services.MERGE_DISTANCE_M,
            minValue=0.0,
            maxValue=1000.0,
        )
        param.setHelp(tr("Places of matching names closer than this are one place; 0 merges equal ids only."))
        self.addParameter(advanced(param))
        param = QgsProcessingParameterNumber(
            self.RECONCILE_DISTANCE,
            tr("Matching distance to the ANCT France Services list (metres)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=services.RECONCILE_DISTANCE_M,
            minValue=0.0,
            maxValue=5000.0,
        )
        param.setHelp(
            tr(
                "A France Services of another source is the desk of the ANCT list in the same commune, "
                "this close, with a matching name or address; one that matches none is not counted as a "
                "France Services."
            )
        )
        self.addParameter(advanced(param))
        param = QgsProcessingParameterBoolean(
            self.INCLUDE_ITINERANT, tr("Count itinerant stops (buses, mobile services) as places"), defaultValue=False
        )
        param.setHelp(
            tr("By default itinerant stops are left out of the places and written to their own layer.")
        )
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(
            self.INCLUDE_NOT_OPEN, tr("Keep places that are not open (planned, closed)"), defaultValue=False
        )
        self.addParameter(advanced(param))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Digital services"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ITINERANT,
                tr("Itinerant stops"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.SUMMARY,
                tr("What was counted (JSON)"),
                fileFilter=tr("JSON files (*.json)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Number of places")))
        self.addOutput(QgsProcessingOutputNumber("ITINERANT", tr("Itinerant stops")))
        self.addOutput(QgsProcessingOutputNumber("NOT_OPEN", tr("Records not open left out")))
        self.addOutput(QgsProcessingOutputNumber("MERGED", tr("Duplicate records merged")))
        self.addOutput(QgsProcessingOutputNumber("FRANCE_SERVICES", tr("France Services desks")))
        self.addOutput(
            QgsProcessingOutputNumber("FRANCE_SERVICES_UNMATCHED", tr("France Services not on the ANCT list"))
        )
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Records rejected")))
        self.addOutput(QgsProcessingOutputNumber("NOT_OPERATIONAL", tr("Wi-Fi sites not operational")))

    def run_algorithm(self, parameters, context, feedback):
        codes = [services.CATEGORIES[i] for i in self.parameterAsEnums(parameters, self.CATEGORIES, context)]
        if not codes:
            raise InputError(tr("Choose at least one category of services."))
        sources = [
            source
            for source, name in ((SOURCE_LIEUX, self.LIEUX), (SOURCE_FRANCE_SERVICES, self.FRANCE_SERVICES))
            if self.parameterAsBoolean(parameters, name, context)
        ]
        wifi = split_references(self.parameterAsString(parameters, self.WIFI, context))
        files = [f for f in self.parameterAsFileList(parameters, self.LOCAL_FILES, context) or [] if f]
        merge_distance = self.parameterAsDouble(parameters, self.MERGE_DISTANCE, context)
        reconcile_distance = self.parameterAsDouble(parameters, self.RECONCILE_DISTANCE, context)
        include_itinerant = self.parameterAsBoolean(parameters, self.INCLUDE_ITINERANT, context)
        self._keep_not_open = self.parameterAsBoolean(parameters, self.INCLUDE_NOT_OPEN, context)
        if not (sources or wifi or files):
            raise InputError(
                tr("Choose at least one source: a data.gouv.fr dataset, a Wi-Fi list or a file.")
            )
        clients = open_clients(feedback)
        area = area_from_parameters(self, parameters, context, feedback, clients, required=False)
        if area is None:
            feedback.pushWarning(tr("No area given: every place of the sources is kept."))
        feedback.setProgress(5)

        records, reports = [], []
        steps = len(sources) + len(wifi) + len(files)
        span = 65.0 / steps
        with tempfile.TemporaryDirectory(prefix="services_", dir=QgsProcessingUtils.tempFolder()) as folder:
            step = 0
            for source in sources:
                start = 5 + step * span
                if source == SOURCE_LIEUX:
                    dataset, resource = clients.datagouv.lieux_mediation_csv(is_canceled=feedback)
                    kind = services.KIND_LIEUX
                else:
                    dataset, resource = clients.datagouv.france_services_csv(is_canceled=feedback)
                    kind = services.KIND_FRANCE_SERVICES
                feedback.pushInfo(
                    tr('"{dataset}": file "{resource}" of {date}.').format(
                        dataset=dataset.title,
                        resource=resource.title,
                        date=resource.last_modified.date().isoformat() if resource.last_modified else "?",
                    )
                )
                check_canceled(feedback)
                path = Path(folder) / "{}.csv".format(source)
                clients.datagouv.download_resource(
                    resource,
                    path,
                    progress=progress_callback(feedback, start, span * 0.8),
                    is_canceled=feedback,
                )
                result = loaders.load_csv(path)
                records += self._normalise(result, kind, dataset.title, reports, feedback)
                step += 1
            for reference in wifi:
                start = 5 + step * span
                path, label = download_reference(clients, reference, folder, feedback, start, span * 0.8)
                result = loaders.load(path)
                records += self._normalise(result, services.KIND_WIFI, label, reports, feedback)
                step += 1
            for name in files:
                check_canceled(feedback)
                result = loaders.load(name)
                kind = file_kind(result, Path(name).name)
                records += self._normalise(result, kind, Path(name).name, reports, feedback)
                step += 1
        feedback.setProgress(70)

        outside = 0
        if area is not None:
            kept = []
            for record in records:
                if (area.codes and record.get("code_insee") in area.codes) or area.contains_point(
                    record["lon"], record["lat"]
                ):
                    kept.append(record)
            outside = len(records) - len(kept)
            records = kept
            feedback.pushInfo(
                tr("{kept} record(s) in the area, {outside} outside.").format(
                    kept=len(records), outside=outside
                )
            )
        check_canceled(feedback)
        n_before = len(records)
        reconciliation = services.reconcile_france_services(records, max_distance_m=reconcile_distance)
        records = services.merge_duplicates(records, max_distance_m=merge_distance, links=reconciliation.links)
        feedback.pushInfo(
            tr("{before} record(s) merged into {after} place(s).").format(before=n_before, after=len(records))
        )
        records, unmatched = self._report_france_services(records, reconciliation, feedback)
        feedback.setProgress(85)
        places, stops = [], []
        for record in records:
            kept_codes = [c for c in services.split_categories(record["categories"]) if c in codes]
            if kept_codes:
                anct = services.ANCT_OFFICIAL if services.is_official(record) else ""
                if any(record is u for u in unmatched):
                    anct = services.ANCT_UNMATCHED
                place = services.qualified(dict(record, categories=services.join_categories(kept_codes)), anct)
                if services.is_itinerant(place) and not include_itinerant:
                    stops.append(place)
                else:
                    places.append(place)
        self._report_itinerant(stops, include_itinerant, places, feedback)
        if len(places) + len(stops) < len(records):
            feedback.pushInfo(
                tr("{n} place(s) without any of the chosen categories left out.").format(
                    n=len(records) - len(places) - len(stops)
                )
            )
        rejected = sum(sum(r.rejected.values()) for r in reports)
        not_operational = sum(r.rejected.get(services.REASON_NOT_OPERATIONAL, 0) for r in reports)
        not_open = sum(r.rejected.get(services.REASON_NOT_OPEN, 0) for r in reports)
        if not places:
            raise DataError(
                tr("No place of the chosen categories ({categories}) was found{where}.").format(
                    categories=", ".join(codes),
                    where=tr(" in the area ({area})").format(area=area.label) if area is not None else "",
                )
            )
        names = list(services.RECORD_FIELDS) + list(services.EXTRA_FIELDS)
        schema = Schema(names, names, [RECORD_KINDS.get(name, "string") for name in names])
        rows = self._rows(places, schema, feedback)
        feedback.setProgress(90)
        dest_id = write_sink(
            self, parameters, self.OUTPUT, context, schema.fields(), QgsWkbTypes.Type.Point, WGS84, rows
        )
        results = {}
        if stops and parameters.get(self.OUTPUT_ITINERANT) is not None:
            results[self.OUTPUT_ITINERANT] = write_sink(
                self, parameters, self.OUTPUT_ITINERANT, context, schema.fields(), QgsWkbTypes.Type.Point, WGS84,
                self._rows(stops, schema, feedback),
            )
        counts = Counter(c for p in places for c in services.split_categories(p["categories"]))
        feedback.pushInfo(
            tr("{n} place(s) written: {counts}.").format(
                n=len(rows), counts=", ".join("{} {}".format(c, counts[c]) for c in codes if counts[c])
            )
        )
        apply_style(context, dest_id, "services", default_layer_name("services"))
        feedback.setProgress(100)
        counted = services.count_summary(
            places,
            stops,
            [{"name": r.name, "read": r.read, "kept": r.kept, "rejected": dict(sorted(r.rejected.items()))}
             for r in reports],
            n_before - len(records),
            reconciliation,
            unmatched,
            outside=outside,
            uncategorised=len(records) - len(places) - len(stops),
            itinerant_included=include_itinerant,
        )
        summary_path = self.parameterAsFileOutput(parameters, self.SUMMARY, context)
        if summary_path:
            write_json_atomically(summary_path, counted)
            results[self.SUMMARY] = summary_path
        return dict(
            results,
            **{
                self.OUTPUT: dest_id,
                "COUNT": len(rows),
                "REJECTED": rejected,
                "NOT_OPERATIONAL": not_operational,
                "NOT_OPEN": not_open,
                "ITINERANT": counted["itinerant_stops"]["count"],
                "MERGED": counted["merged_duplicates"],
                "FRANCE_SERVICES": counted["france_services"]["desks"],
                "FRANCE_SERVICES_UNMATCHED": len(unmatched),
            },
        )

    @staticmethod
    def _rows(places, schema, feedback):
        features = [
            {"geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]}, "properties": p}
            for p in places
        ]
        return features_to_rows(features, schema, "point", False, feedback=feedback)[0]

    @staticmethod
    def _report_france_services(records, reconciliation, feedback):
        """Rule R4 (docs/categories.md): log the copies merged into the ANCT list and the unmatched ones."""
        if not reconciliation.n_official:
            return records, []
        feedback.pushInfo(
            tr("{n} France Services record(s) of other sources merged into the ANCT list.").format(
                n=len(reconciliation.matched)
            )
        )
        records, unmatched = services.drop_unmatched_france_services(records, reconciliation)
        for place in unmatched:
            other, distance = services.nearest_official(place, reconciliation)
            feedback.pushWarning(
                tr("{name} ({commune}, {id}) is named a France Services but matches no desk of the ANCT list"
                   "{nearest}: not counted as a France Services.").format(
                    name=place["nom"],
                    commune=place["commune"],
                    id=place["id"],
                    nearest=tr(" (nearest: {name}, {distance:.0f} m)").format(name=other["nom"], distance=distance)
                    if other is not None else "",
                )
            )
        return records, unmatched

    @staticmethod
    def _report_itinerant(stops, include_itinerant, places, feedback):
        itinerant = stops if not include_itinerant else [p for p in places if services.is_itinerant(p)]
        if not itinerant:
            return
        communes = sorted({p["commune"] for p in itinerant if p["commune"]})
        message = tr("{n} itinerant stop(s) (buses, mobile services) in {communes}.").format(
            n=len(itinerant), communes=", ".join(communes) or "?"
        )
        if include_itinerant:
            feedback.pushWarning(message + " " + tr("They are counted as places."))
        else:
            feedback.pushInfo(message + " " + tr("They are left out of the places (own layer)."))

    def _normalise(self, result, kind, name, reports, feedback):
        """Normalised records of one source; logs and keeps its counts."""
        for warning in getattr(result, "warnings", ()):
            feedback.pushWarning(warning)
        normalised = normalise_result(result, kind, keep_not_open=getattr(self, "_keep_not_open", False))
        reasons = services.rejected_counts(normalised.rejected)
        if result.rejected:
            reasons["unusable_row"] += len(result.rejected)
        examples = [item["message"] for item in normalised.rejected[:3]]
        examples += [r.reason for r in result.rejected[: max(0, 3 - len(examples))]]
        reports.append(SourceReport(name, result.read, len(normalised.records), reasons, examples))
        message = tr("{name}: {read} record(s) read, {kept} kept.").format(
            name=name, read=result.read, kept=len(normalised.records)
        )
        if reasons:
            details = ", ".join("{} {}".format(reason, n) for reason, n in sorted(reasons.items()))
            feedback.pushWarning(
                message
                + " "
                + tr("Rejected: {details} (e.g. {examples}).").format(
                    details=details, examples="; ".join(examples)
                )
            )
        else:
            feedback.pushInfo(message)
        return normalised.records
