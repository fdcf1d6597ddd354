"""Input reading shared by coverage, scenario and site recommendation.

The parameters are declared once (``processing/coverage_parameters.py``); this
module turns the QGIS layers into the arrays of ``core``, so the three
algorithms stay thin and their parameters keep the same names.
"""

from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCsException,
    QgsFeatureRequest,
    QgsWkbTypes,
)

from ..core.coverage import (
    NetworkEngine,
    StraightLineEngine,
    parse_mapping,
    parse_thresholds,
)
from ..core.crs import MAX_SERVICE_DISTANCE_M, far_from_extent, is_legal_territory, legal_crs_warning
from ..core.errors import CanceledError, InputError
from ..core.fragility import GRID_FIELDS, INFRASTRUCTURE_FIELDS, fragility_from_grid
from ..core.hours import hours_weights, osm_hours_per_week
from ..core.i18n import tr
from ..core.inputs import check_category_keys, clean_population, read_categories
from ..core.services import KIND_WEIGHT_FIELD
from . import fast_io
from .coverage_parameters import CoverageParameters
from .layers import (
    LINES,
    POINTS,
    POLYGONS,
    check_geometry_type,
    check_not_empty,
    feature_geometry_ok,
    field_index,
    make_transform,
    metric_crs,
    plain,
    read_points,
    to_float,
)
from .parameters import (
    enum_code,
)


@dataclass
class CoverageInputs:
    """Everything ``core.coverage.compute_coverage`` needs, read from QGIS layers."""

    crs: object
    crs_name: str
    pop_xy: np.ndarray
    population: np.ndarray
    pop_ids: list
    pop_skipped: list
    n_null_population: int
    svc_xy: np.ndarray
    categories: list
    svc_skipped: list
    uncategorised: int
    supply: object
    thresholds: dict
    weights: dict
    method: str
    decay: str
    engine: object
    fragility: object
    fragility_source: str
    n_main_services: int = 0  # services of SERVICES; those of extra sources follow them
    n_invalid_population: int = 0  # units whose population is inf, NaN or negative (counted as 0)
    n_service_parts: int = 0  # points added by splitting MultiPoint services into their parts
    snap_counts: dict = field(default_factory=dict)  # units / services too far from the network
    inputs: dict = field(default_factory=dict)
    n_far_services: int = 0  # services farther than MAX_SERVICE_DISTANCE from the population, left out
    n_itinerant_services: int = 0  # itinerant stops left out (field itinerance)
    itinerant_stops: list = field(default_factory=list)  # their names (where they stop), at most 50

    def compute_kwargs(self):
        return {
            "thresholds": self.thresholds,
            "weights": self.weights,
            "method": self.method,
            "decay": self.decay,
            "supply": self.supply,
            "engine": self.engine,
            "fragility": self.fragility,
        }

    def counts(self):
        counts = {
            "population_units": len(self.pop_ids),
            "population_units_skipped_null_geometry": len(self.pop_skipped),
            "population_units_null_population": self.n_null_population,
            "population_units_invalid_population": self.n_invalid_population,
            "services": len(self.svc_xy),
            "services_skipped_null_geometry": len(self.svc_skipped),
            "services_without_category": self.uncategorised,
            "services_multipoint_parts_added": self.n_service_parts,
            "services_far_excluded": self.n_far_services,
            "services_itinerant_excluded": self.n_itinerant_services,
        }
        counts.update(self.snap_counts)
        return counts


class CoverageInputsMixin(CoverageParameters):
    """The shared parameters (:class:`CoverageParameters`) read and checked into ``core``'s inputs."""

    # --------------------------------------------------------------- reading
    def read_coverage_inputs(self, parameters, context, feedback, extra_services=(), require_services=True):
        """Read and check every input; ``extra_services`` are more point sources
        (e.g. planned services) placed in the same metric CRS. Without
        ``require_services`` an absent services layer means no service."""
        population = self.parameterAsSource(parameters, self.POPULATION, context)
        services = self.parameterAsSource(parameters, self.SERVICES, context)
        check_not_empty(population, tr("Population"))
        check_geometry_type(population, (POINTS, POLYGONS), tr("Population"))
        if require_services or services is not None:
            check_not_empty(services, tr("Digital services"))
            check_geometry_type(services, (POINTS,), tr("Digital services"))
        for source, label, *_ in extra_services:
            check_geometry_type(source, (POINTS,), label)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "ind"
        cat_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "categories"
        pop_index = field_index(population, pop_field, tr("Population"), numeric=True)
        cat_index = field_index(services, cat_field, tr("Digital services")) if services else -1
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context), tr("Thresholds"))
        weights = parse_mapping(self.parameterAsString(parameters, self.WEIGHTS, context), tr("Weights"))
        method = enum_code(self, parameters, self.METHOD, self.METHODS, context)
        decay = enum_code(self, parameters, self.DECAY, self.DECAYS, context)

        # the population's extent only chooses the projection (issue 15); each source's CRS is
        # checked when it is read (read_points)
        crs, crs_name = metric_crs([population], context, [tr("Population")])
        feedback.pushInfo(tr("Distances measured in {crs} ({name}).").format(crs=crs.authid(), name=crs_name))
        crs_warning = legal_crs_warning(crs.authid(), crs_name)
        if crs_warning:
            feedback.pushWarning(crs_warning)

        fragility_field = self.parameterAsString(parameters, self.FRAGILITY_FIELD, context)
        grid_indexes = self._grid_field_indexes(population) if not fragility_field else None
        pop_attrs = [pop_index]
        if fragility_field:
            pop_attrs.append(field_index(population, fragility_field, tr("Population"), numeric=True))
        elif grid_indexes:
            pop_attrs += list(grid_indexes.values())
        pop_xy, pop_values, pop_ids, pop_skipped = read_points(
            population, crs, context, feedback, pop_attrs, 0, 30, kinds=(POINTS, POLYGONS), label=tr("Population"),
            bulk=fast_io.layer_spec(self, parameters, self.POPULATION, context))

        supply_field = self.parameterAsString(parameters, self.SUPPLY_FIELD, context) if services else None
        if services is not None and not supply_field and self._has_numeric_field(services, KIND_WEIGHT_FIELD):
            supply_field = KIND_WEIGHT_FIELD  # rule K of docs/categories.md: fetch_services' default weights
            feedback.pushInfo(tr("Service weights read from the field '{field}' (a permanence hosted in a school, "
                                 "a bar or a room weighs less than a place).").format(field=KIND_WEIGHT_FIELD))
        svc_attrs = [cat_index]
        if supply_field:
            svc_attrs.append(field_index(services, supply_field, tr("Digital services")))
        n_parts = 0  # points added by splitting multi-point services, before any is left out
        itinerance_index = self._itinerance_index(parameters, context, services)
        if itinerance_index is not None:
            svc_attrs.append(itinerance_index)
        if services is not None:
            svc_xy, svc_values, svc_ids, svc_skipped = read_points(
                services, crs, context, feedback, svc_attrs, 30, 10, explode=True, kinds=(POINTS,),
                label=tr("Digital services"), bulk=fast_io.layer_spec(self, parameters, self.SERVICES, context))
            n_parts += len(svc_xy) - len(set(svc_ids))
        else:
            svc_xy, svc_values, svc_skipped = np.empty((0, 2)), [], []
        n_itinerant, itinerant_stops = 0, []
        if itinerance_index is not None:
            fixed = np.array([not str(plain(v[-1]) or "").strip().lower().startswith("itin") for v in svc_values],
                             dtype=bool)
            n_itinerant = int((~fixed).sum())
            itinerant_stops = self._names_of(services, [fid for fid, keep in zip(svc_ids, fixed) if not keep])
            svc_xy, svc_values = svc_xy[fixed], [v[:-1] for v, keep in zip(svc_values, fixed) if keep]
            if n_itinerant:
                feedback.pushInfo(tr("{n} itinerant stop(s) left out of the services (field itinerance).").format(
                    n=n_itinerant))
        n_far = 0
        max_distance = self.parameterAsDouble(parameters, self.MAX_SERVICE_DISTANCE, context) \
            if self.MAX_SERVICE_DISTANCE in parameters else MAX_SERVICE_DISTANCE_M
        if len(svc_xy) and len(pop_xy) and max_distance > 0:
            extent = (pop_xy[:, 0].min(), pop_xy[:, 1].min(), pop_xy[:, 0].max(), pop_xy[:, 1].max())
            far = far_from_extent(svc_xy, extent, max_distance)
            n_far = int(far.sum())
            if n_far:
                feedback.pushWarning(tr("{n} service(s) farther than {distance:.0f} m from the population left out "
                                        "(a wrong position, or another territory).").format(
                    n=n_far, distance=max_distance))
                svc_xy, svc_values = svc_xy[~far], [v for v, f in zip(svc_values, far) if not f]
        n_main_services = len(svc_xy)
        for source, label, *name in extra_services:  # (source, label[, parameter name: read in bulk])
            index = field_index(source, cat_field, label)
            bulk = fast_io.layer_spec(self, parameters, name[0], context) if name else None
            xy, values, ids, skipped = read_points(source, crs, context, feedback, [index], 40, 5, explode=True,
                                                   kinds=(POINTS,), label=label, bulk=bulk)
            n_parts += len(xy) - len(set(ids))
            svc_xy = np.vstack([svc_xy, xy])
            svc_values += [(v[0], None) if supply_field else v for v in values]
            svc_skipped += skipped
        if n_parts:
            feedback.pushInfo(
                tr("Multi-point services split into their parts: {n} more place(s).").format(n=n_parts)
            )
        if pop_skipped:
            feedback.pushWarning(
                tr("{n} population unit(s) without geometry skipped (kept in the output with empty results).").format(
                    n=len(pop_skipped)
                )
            )
        if svc_skipped:
            feedback.pushWarning(tr("{n} service(s) without geometry skipped.").format(n=len(svc_skipped)))
        if require_services and not svc_values:
            raise InputError(tr("No service has a usable geometry: check the services layer and its CRS."))
        if len(pop_xy) == 0:
            raise InputError(
                tr("No population unit has a usable geometry: they are empty or cannot be placed "
                   "in {crs} from the layer's CRS {source}. Check the CRS of the layer.").format(
                    crs=crs.authid(), source=population.sourceCrs().authid()
                )
            )
        categories, uncategorised = self._categories([plain(v[0]) for v in svc_values], cat_field, feedback)
        present = {code for codes in categories for code in codes}
        check_category_keys(thresholds, present, tr("Thresholds"))
        check_category_keys(weights, present, tr("Weights"))
        pop, n_null, n_invalid = self._population([plain(v[0]) for v in pop_values], pop_ids, pop_field, feedback)
        supply = None
        if supply_field:
            numeric = services.fields().at(svc_attrs[1]).isNumeric()
            supply = self._supply(supply_field, [v[1] for v in svc_values], numeric, feedback)
        fragility, fragility_source = self._fragility(
            parameters, context, feedback, fragility_field, grid_indexes, pop_values
        )
        engine = self._engine(parameters, context, feedback, crs)
        snap_counts = self._check_snapping(engine, pop_xy, svc_xy, feedback, require_services)
        if feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        return CoverageInputs(
            crs=crs,
            crs_name=crs_name,
            pop_xy=pop_xy,
            population=pop,
            pop_ids=pop_ids,
            pop_skipped=pop_skipped,
            n_null_population=n_null,
            svc_xy=svc_xy,
            categories=categories,
            svc_skipped=svc_skipped,
            uncategorised=uncategorised,
            supply=supply,
            thresholds=thresholds,
            weights=weights,
            method=method,
            decay=decay,
            engine=engine,
            fragility=fragility,
            fragility_source=fragility_source,
            n_main_services=n_main_services,
            n_invalid_population=n_invalid,
            n_service_parts=n_parts,
            snap_counts=snap_counts,
            n_far_services=n_far,
            n_itinerant_services=n_itinerant,
            itinerant_stops=itinerant_stops,
            inputs={
                "population": self.input_record(parameters, self.POPULATION),
                "population_field": pop_field,
                "services": self.input_record(parameters, self.SERVICES),
                "category_field": cat_field,
                "method": method,
                "decay": decay,
                "supply_field": supply_field or None,
                "network": self.input_record(parameters, self.NETWORK) if engine.name == "network" else None,
                "fragility": fragility_source,
                "distance_crs_is_legal": is_legal_territory(crs_name),
                "distance_crs_warning": crs_warning,
            },
        )

    @staticmethod
    def _categories(raw, cat_field, feedback):
        """Normalised category codes per service (``core.inputs.read_categories``), with the log."""
        reading = read_categories(raw)
        categories = reading.codes
        uncategorised = reading.n_without_category
        if categories and uncategorised == len(categories):
            raise InputError(
                tr("No service has a category in field '{field}': fill it with codes such as epn, "
                   "france_services, conseiller_numerique, tiers_lieu, fablab, wifi.").format(field=cat_field)
            )
        if reading.n_empty:
            feedback.pushWarning(
                tr("{n} service(s) with an empty category (NULL or blank) in field '{field}' ignored.").format(
                    n=reading.n_empty, field=cat_field
                )
            )
        if reading.n_unreadable:
            feedback.pushWarning(
                tr("{n} service(s) whose category has no letter or digit ignored.").format(n=reading.n_unreadable)
            )
        for code, spellings in sorted(reading.spellings.items()):
            feedback.pushInfo(
                tr("Category codes {spellings} read as one category: {code}.").format(
                    spellings=", ".join("'{}'".format(s) for s in spellings), code=code
                )
            )
        return categories, uncategorised

    @staticmethod
    def _population(raw, ids, pop_field, feedback):
        """Inhabitants per unit (``core.inputs.clean_population``), with the log."""
        values = clean_population(raw)
        if values.n_null:
            feedback.pushWarning(
                tr("{n} population unit(s) with an empty population counted as 0.").format(n=values.n_null)
            )
        if values.excluded:
            feedback.pushWarning(
                tr("{n} population unit(s) whose '{field}' is not a finite number of 0 or more (infinite, NaN "
                   "or negative) left out, counted as 0 inhabitants; correct them to include them. "
                   "Feature id(s): {ids}.").format(
                    n=len(values.excluded), field=pop_field,
                    ids=", ".join(str(ids[k]) for k in values.excluded[:10])
                    + (", …" if len(values.excluded) > 10 else ""),
                )
            )
        return values.values, values.n_null, len(values.excluded)

    @staticmethod
    def _check_snapping(engine, pop_xy, svc_xy, feedback, require_services=True):
        """Counts of the units and services too far from the walking network, with the log."""
        if engine.name != "network":
            return {}
        pop_far, svc_far = engine.check_snapping(pop_xy, svc_xy, services_required=require_services)
        if pop_far:
            feedback.pushWarning(
                tr("{n} population unit(s) farther than {max_snap:g} m from the walking network: no walking "
                   "distance, counted as not covered.").format(n=pop_far, max_snap=engine.max_snap)
            )
        if svc_far:
            feedback.pushWarning(
                tr("{n} service(s) farther than {max_snap:g} m from the walking network: they cannot be "
                   "reached.").format(n=svc_far, max_snap=engine.max_snap)
            )
        return {"population_units_too_far_from_network": int(pop_far), "services_too_far_from_network": int(svc_far)}

    @staticmethod
    def _has_numeric_field(source, name):
        index = source.fields().indexOf(name)
        return index >= 0 and source.fields().at(index).isNumeric()

    @staticmethod
    def _names_of(services, ids, limit=50):
        """The names of features ``ids`` (field nom, name or title; else their id), for the summary."""
        names = {name.lower(): name for name in services.fields().names()}
        name_field = next((names[n] for n in ("nom", "name", "title") if n in names), None)
        if not ids:
            return []
        request = QgsFeatureRequest().setFilterFids(sorted(set(ids))[:limit]).setFlags(
            QgsFeatureRequest.Flag.NoGeometry)
        return sorted({str(plain(f[name_field]) or f.id()) if name_field else str(f.id())
                       for f in services.getFeatures(request)})

    def _itinerance_index(self, parameters, context, services):
        """Index of the services' ``itinerance`` field when itinerant stops are to be left out, else None."""
        if services is None or (self.INCLUDE_ITINERANT in parameters
                                and self.parameterAsBoolean(parameters, self.INCLUDE_ITINERANT, context)):
            return None
        names = [name.lower() for name in services.fields().names()]
        return names.index("itinerance") if "itinerance" in names else None

    @staticmethod
    def _grid_field_indexes(population):
        """Indexes of the INSEE grid fields when all are present (any case), else None."""
        names = {name.lower(): i for i, name in enumerate(population.fields().names())}
        if all(f in names for f in GRID_FIELDS):
            indexes = {f: names[f] for f in GRID_FIELDS}
            # ARCEP fields written by ville_numerique:connectivity, used when weighted (no_thd, no_good_4g)
            indexes.update({f: names[f] for f in INFRASTRUCTURE_FIELDS.values() if f in names})
            return indexes
        return None

    def _fragility(self, parameters, context, feedback, fragility_field, grid_indexes, pop_values):
        if fragility_field:
            values = np.array([to_float(v[1]) for v in pop_values], dtype=float)
            if np.nanmax(np.append(values, 0)) > 10 or np.nanmin(np.append(values, 0)) < 0:
                raise InputError(
                    tr("The fragility field '{name}' must hold values from 0 to 10.").format(name=fragility_field)
                )
            return values, "field:{}".format(fragility_field)
        if not grid_indexes:
            feedback.pushInfo(
                tr("No fragility: the population layer has neither a fragility field nor the INSEE grid fields.")
            )
            return None, None
        weights = parse_mapping(
            self.parameterAsString(parameters, self.FRAGILITY_WEIGHTS, context), tr("Fragility weights")
        )
        columns = {
            name: np.array([to_float(v[1 + k]) for v in pop_values], dtype=float)
            for k, name in enumerate(grid_indexes)
        }
        result = fragility_from_grid(columns, weights=weights or None)
        if result.n_no_population:
            feedback.pushInfo(
                tr("{n} unit(s) without inhabitants have no fragility value.").format(n=result.n_no_population)
            )
        return result.index, "insee_grid"

    @staticmethod
    def _supply(field_name, raw, numeric, feedback):
        """Supply weight per service: the field's number, or the hours a week of an
        opening-hours text (OSM syntax); unknown ones get the median weight."""
        if numeric:
            weights, unknown = hours_weights([None if np.isnan(to_float(v)) else to_float(v) for v in raw])
        else:
            weights, unknown = hours_weights(
                [osm_hours_per_week(str(v)) if plain(v) not in (None, "") else None for v in raw]
            )
            feedback.pushInfo(
                tr("Service weights: opening hours per week read from '{field}'.").format(field=field_name)
            )
        if unknown:
            feedback.pushWarning(
                tr("{n} service(s) without a usable weight get the median weight.").format(n=unknown)
            )
        return weights

    def _engine(self, parameters, context, feedback, crs):
        network = self.parameterAsSource(parameters, self.NETWORK, context)
        if network is None:
            return StraightLineEngine()
        if network.featureCount() == 0:
            raise InputError(tr("The walking network layer has no feature."))
        check_geometry_type(network, (LINES,), tr("Walking network"))
        max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP, context)
        lines, attributes = read_lines(network, crs, context, feedback)
        from ..core.network import WalkNetwork  # scipy.sparse: with the first network, not with the plugin

        walk = WalkNetwork(lines, attributes)  # isolated fragments are kept (see methodology)
        feedback.pushInfo(
            tr("Walking network: {nodes} nodes, {edges} edges; {dropped} line(s) not walkable left out.").format(
                nodes=walk.n_nodes, edges=walk.n_edges, dropped=walk.n_lines_not_walkable
            )
        )
        if walk.n_edges == 0:
            raise InputError(tr("The walking network has no walkable line."))
        return NetworkEngine(walk, max_snap=max_snap)


def read_lines(source, crs, context, feedback=None, label=None):
    """Vertices (metric CRS) and attributes of every line part of ``source``."""
    label = label or tr("Walking network")
    transform = make_transform(source.sourceCrs(), crs, context, label)
    check_features = QgsWkbTypes.geometryType(source.wkbType()) != LINES
    names = source.fields().names()
    lines, attributes = [], []
    for feature in source.getFeatures(QgsFeatureRequest()):
        if feedback is not None and feedback.isCanceled():
            raise CanceledError(tr("Canceled."))
        geometry = feature.geometry()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            continue
        if check_features:
            feature_geometry_ok(geometry, (LINES,), label)
        try:
            geometry.transform(transform)
        except QgsCsException:
            continue
        attrs = {name: plain(value) for name, value in zip(names, feature.attributes())}
        parts = geometry.asMultiPolyline() if geometry.isMultipart() else [geometry.asPolyline()]
        for part in parts:
            lines.append(np.array([(p.x(), p.y()) for p in part], dtype=float))
            attributes.append(attrs)
    return lines, attributes
