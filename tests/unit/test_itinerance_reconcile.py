"""Rules I, O, K, R and M4/M5 of docs/categories.md (issue 15), each checked on the real extracts
of tests/data/real (Pas-de-Calais lieux, ANCT France Services list, France Tiers-Lieux records)."""

import json
import os
from pathlib import Path

import pytest
from ville_numerique.core import services

DATA = Path(os.environ["VILLE_NUMERIQUE_SHARED_DATA"])
LIEUX = DATA / "mediation-numerique" / "lieux_mediation_numerique_dep62_2023-05.geojson"
FS_CSV = DATA / "mediation-numerique" / "france_services_dep62_2023-07.csv"
TIERS = DATA / "tiers-lieux" / "tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson"


def geojson_features(path):
    """The features of a committed GeoJSON extract (the plugin reads files through QGIS)."""
    return json.loads(Path(path).read_text(encoding="utf-8-sig"))["features"]


@pytest.fixture(scope="module")
def fs_rows():
    return {row["id_fs"]: row for row in services.read_france_services_csv(str(FS_CSV))}


@pytest.fixture(scope="module")
def lieux_features():
    return geojson_features(LIEUX)


@pytest.fixture(scope="module")
def all_records(fs_rows, lieux_features):
    tiers = [f for f in geojson_features(TIERS)
             if f["properties"]["code_postal"].startswith("62")]
    records = services.normalise_all(list(fs_rows.values()), services.from_france_services_row).records
    records += services.normalise_all(lieux_features, services.from_lieu).records
    records += services.normalise_all(tiers, services.from_tiers_lieu).records
    return records


def _lieu(features, name):
    return [f for f in features if f["properties"]["nom"] == name]


# --------------------------------------------------------------------- I: itinerance
def test_i1_france_services_itinerance_field(fs_rows):
    # "France services Campagnes de l'Artois": itinerance Oui, format_fs_anct Multi-sites, no vehicle
    # in its name; Desvres (Non, Multi-sites) stays fixed
    row = fs_rows["2303"]
    assert (row["itinerance"], row["format_fs_anct"]) == ("Oui", "Multi-sites")
    assert services.from_france_services_row(fs_rows["367"])["itinerance"] == "Fixe"
    assert services.from_france_services_row(row)["itinerance"] == "Itinérant"
    assert services.from_france_services_row(fs_rows["2640"])["itinerance"] == "Fixe"  # Saint-Omer
    # the five itinerant desks of the list
    itinerant = sorted(i for i, r in fs_rows.items()
                       if services.from_france_services_row(r)["itinerance"] == "Itinérant")
    assert itinerant == ["1796", "1939", "2302", "2303", "372"]


def test_i1_v1_field_and_mobilite():
    assert services.itinerance_from_fields({"itinerance": "Itinérant"}) == "Itinérant"
    assert services.itinerance_from_fields({"Mobilite": "mobile"}) == "Itinérant"
    assert services.itinerance_from_fields({"itinerance": "Fixe"}) == "Fixe"
    assert services.itinerance_from_fields({"format_fs_anct": "Multi-sites"}) == ""


def test_i2_names_of_real_itinerant_stops(lieux_features):
    for name in ("PIMMS Mobile Allouagne", "France Services itinérant - MSA - PAYS MONTREUILLOIS",
                 "Emmaüs Connect - Ruralité Connectée en itinérance sur le Pas-de-Calais",
                 "PIMMS Artois-Gohelle -  Services itinérants entre Béthune et Aire-sur-la-Lys"):
        feature = _lieu(lieux_features, name)[0]
        assert services.from_lieu(feature)["itinerance"] == "Itinérant", name
    # "Maison des permanences" is a building, not a travelling permanence
    assert services.from_lieu(_lieu(lieux_features, "Mairie / Maison des permanences")[0])["itinerance"] == ""
    assert services.is_itinerant_name("Camion bleu France Services Hem")
    assert not services.is_itinerant_name("Abus de confiance")


def test_i_count_in_the_pas_de_calais(all_records):
    stops = [r for r in all_records if services.is_itinerant(r)]
    # 5 ANCT rows + 3 lieux copies of them (france-services source) + 19 "PIMMS Mobile" + 3 Emmaüs
    # Connect + 4 other named stops (assembleurs)
    assert len(stops) == 34
    assert sum(r["sources"] == "france-services" for r in stops) == 8
    assert sum(r["nom"].startswith("PIMMS Mobile") for r in stops) == 19


def test_m4_itinerant_and_fixed_never_merge():
    fixed = {"id": "a:1", "nom": "PIMMS Beuvry", "lon": 2.68, "lat": 50.52, "categories": "epn",
             "sources": "a", "source_ids": "a:1", "itinerance": ""}
    stop = dict(fixed, id="a:2", nom="PIMMS Mobile Beuvry", source_ids="a:2", itinerance="Itinérant")
    assert services.names_match(fixed["nom"], stop["nom"])
    assert len(services.merge_duplicates([fixed, stop])) == 2
    assert len(services.merge_duplicates([fixed, dict(stop, itinerance="")])) == 1


# --------------------------------------------------------------------- O: not open
def test_o2_real_names_not_open(lieux_features):
    feature = _lieu(lieux_features, "L'atelier du 9 (Actuellement fermé)")[0]
    with pytest.raises(services.NotOpenError) as error:
        services.from_lieu(feature)
    assert error.value.reason == services.REASON_NOT_OPEN
    assert str(error.value) == "Place L'atelier du 9 (Actuellement fermé) is not open: its name says so."
    result = services.normalise_all([feature], services.from_lieu)
    assert (result.records, [r["reason"] for r in result.rejected]) == ([], ["not_open"])
    kept = services.normalise_all([feature], services.from_lieu, keep_not_open=True)
    assert [r["nom"] for r in kept.records] == ["L'atelier du 9 (Actuellement fermé)"]
    tiers = geojson_features(TIERS)
    coworking = [f for f in tiers if f["properties"]["nom"] == "Coworking Haute-Deûle - En cours"]
    assert services.normalise_all(coworking, services.from_tiers_lieu).rejected[0]["reason"] == "not_open"


def test_o2_real_names_that_stay_open(lieux_features):
    for name in ("Mairie de Lillers pour un projet mené en concertation par la médiathèque municipale et le CCAS",
                 "Projetarium", "La Ferme du Bien-Être", "FERME PEDAGOGIQUE"):
        assert services.status_of({}, name)[0] == services.STATUS_OPEN, name


def test_o1_status_field():
    assert services.status_of({"statut": "En projet"}, "Tiers-lieu") == (services.STATUS_NOT_OPEN,
                                                                         ("statut", "En projet"))
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.25, 50.75]},
               "properties": {"id": "1", "nom": "Tiers-lieu", "statut": "En projet"}}
    rejected = services.normalise_all([feature], services.from_lieu).rejected
    assert rejected[0]["message"] == "Place Tiers-lieu is not open (statut: En projet)."
    assert services.status_of({"Etat du site": "Fermé pour travaux"}, "X")[0] == services.STATUS_NOT_OPEN
    # a filled status field decides, the name is not read
    assert services.status_of({"statut": "Ouvert"}, "X (en projet)")[0] == services.STATUS_OPEN


# --------------------------------------------------------------------- K: kind and weight
def test_k2_real_hosts_of_a_permanence():
    for name in ("Ecole d'Offekerque", "Cantine scolaire de Guemps", "Salle des mariages - Zutkerque",
                 "Groupe Scolaire Pierre Mendès France", "Salle Multisport d'Hulluch"):
        assert services.kind_of(name) == services.KIND_HOSTED, name
    for name in ("Médiathèque-Estaminet", "Mairie de Nortkerque", "EPN MAËS"):
        assert services.kind_of(name) == services.KIND_PLACE, name
    place = services.qualified({"nom": "Ecole d'Offekerque"})
    assert (place["nature"], place["poids"]) == ("permanence_hebergee", 0.5)


def test_k1_person():
    # no person's name in the Pas-de-Calais extracts: built examples of the rule
    assert services.kind_of("Mme Martin - conseillère numérique") == services.KIND_PERSON
    assert services.kind_of("M. Dupont") == services.KIND_PERSON
    assert services.kind_of("Maison du numérique") == services.KIND_PLACE
    assert services.kind_weight(services.KIND_PERSON) == 0.5


# --------------------------------------------------------------------- M5: abbreviations
def test_m5_epn_maes_true_merge(lieux_features):
    a = services.from_lieu(_lieu(lieux_features, "EPN MAËS")[0])
    b = services.from_lieu(_lieu(lieux_features, "Espace public numérique maes")[0])
    assert services.names_match(a["nom"], b["nom"])
    assert round(services.haversine_m(a["lon"], a["lat"], b["lon"], b["lat"])) == 92
    assert len(services.merge_duplicates([a, b])) == 1


def test_m2_lillers_false_merge_refused(lieux_features):
    ccas = services.from_lieu(_lieu(lieux_features, "CCAS Lillers")[0])
    [mairie] = [f for f in lieux_features if f["properties"]["nom"].startswith("Mairie de Lillers")]
    mairie = services.from_lieu(mairie)
    assert round(services.haversine_m(ccas["lon"], ccas["lat"], mairie["lon"], mairie["lat"])) == 87
    assert not services.names_match(ccas["nom"], mairie["nom"])
    assert len(services.merge_duplicates([ccas, mairie])) == 2
    # the head rule keeps the real inclusions of docs/categories.md
    assert services.names_match("La Fabrique", "La Fabrique by Béthune Smart City")
    assert services.names_match("France services d'Etaples", "LA POSTE-FRANCE SERVICES D'ETAPLES SUR MER")


def test_m5_expansions():
    assert services.expand_abbreviations("MSAP/PIMMS Libercourt") == (
        "maison de services au public point information mediation multi services libercourt")
    assert services.names_match("FS Bapaume", "France Services Bapaume")
    assert services.address_key("9bis Rue de la Longeville") == services.address_key("9 bis rue de la Longeville")
    assert services.address_key("PL DU GENERAL DE GAULLE") == services.address_key("Place du Général de Gaulle")
    assert services.address_key("-----") == ""


# --------------------------------------------------------------------- R: France Services vs ANCT list
def test_r_pas_de_calais_reconciled(all_records):
    result = services.reconcile_france_services(all_records)
    assert result.n_official == 50
    matched = {copy["nom"]: (official["id"], round(distance), why)
               for copy, official, distance, why in result.matched}
    # same address, 8 m, different names
    assert matched["France Services - Bapaume"] == ("france-services:1794", 8, "address")
    # same address written "9 bis" / "9bis", 416 m
    assert matched["France Services - Centre Socio Culturel Intercommunal"] == ("france-services:1482", 416, "address")
    assert matched["France Services - MARQUISE"] == ("france-services:2466", 201, "name")
    assert matched["France Services - LA CAPELLE LES BOULOGNE"] == ("france-services:2080", 467, "name")
    # commune written "ETAPLES-SUR-MER" / "Étaples" (R1)
    assert matched["LA POSTE-FRANCE SERVICES D'ETAPLES SUR MER"][0] == "france-services:373"
    # the two phantoms, ~2 km from the desks they copy
    assert sorted((r["id"], round(d)) for r, _o, d in result.unmatched) == [
        ("assembleurs:2255", 2176), ("assembleurs:2347", 1860)]


def test_r_merge_gives_exactly_the_anct_desks(all_records):
    result = services.reconcile_france_services(all_records)
    merged = services.merge_duplicates(all_records, links=result.links)
    places, flagged = services.drop_unmatched_france_services(merged, result)
    fs = [p for p in places if "france_services" in p["categories"]]
    assert len(fs) == 50 and all(services.is_official(p) for p in fs)
    assert sum(services.is_itinerant(p) for p in fs) == 5
    assert sorted(p["id"] for p in flagged) == ["assembleurs:2255", "assembleurs:2347"]
    assert all("france_services" not in p["categories"] for p in flagged)
    # the Bapaume copy is now part of the ANCT record
    [bapaume] = [p for p in places if p["id"] == "france-services:1794"]
    assert "lieux:2144-mediation-numerique-assembleurs" in bapaume["source_ids"]


def test_r_without_the_official_list_nothing_is_flagged(all_records):
    others = [r for r in all_records if not services.is_official(r)]
    result = services.reconcile_france_services(others)
    assert (result.n_official, result.links, result.unmatched) == (0, [], [])
    assert services.drop_unmatched_france_services(others, result) == (others, [])


def test_r2_distance_limit_across_grid_cells():
    """A copy 480 m east (or north) of its desk is matched, 520 m is not, wherever the grid cells fall."""
    official = {"id": "france-services:1", "nom": "France services de Lens", "commune": "Lens",
                "code_insee": "62498", "adresse": "", "lon": 2.8318, "lat": 50.4320,
                "categories": "france_services", "sources": "france-services",
                "source_ids": "france-services-csv:1"}
    metres_per_degree_lat = services.haversine_m(0, 50.0, 0, 51.0)
    metres_per_degree_lon = services.haversine_m(2.0, 50.432, 3.0, 50.432)
    for step in range(20):  # slide the pair across cell boundaries
        base = dict(official, lon=2.8318 + step * 0.0007, lat=50.4320 + step * 0.0004)
        for dx, dy, matched in ((480, 0, True), (0, 480, True), (520, 0, False), (0, 520, False)):
            copy = dict(base, id="assembleurs:9", nom="France Services - Lens", code_insee="",
                        lon=base["lon"] + dx / metres_per_degree_lon, lat=base["lat"] + dy / metres_per_degree_lat,
                        sources="assembleurs", source_ids="lieux:9")
            result = services.reconcile_france_services([base, copy])
            assert bool(result.matched) is matched, (step, dx, dy)
