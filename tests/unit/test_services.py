"""Tests of core/services.py: categories, inference rules, normalisers, merging.

Rule ids (T, L1…, S1…, P, N1…, M1…) are those of docs/categories.md. The
"real data" tests read the Pas-de-Calais extracts of /work/shared/data; every
asserted value was checked by hand in the files.
"""

import csv
import json
import math
import os
from collections import Counter
from pathlib import Path

import pytest
from ville_numerique.core import services
from ville_numerique.core.errors import DataError, InputError


def geojson_features(path):
    """The features of a committed GeoJSON extract (the plugin reads files through QGIS)."""
    return json.loads(Path(path).read_text(encoding="utf-8-sig"))["features"]

DATA = Path(os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", "/work/shared/data"))
LIEUX = DATA / "mediation-numerique" / "lieux_mediation_numerique_dep62_2023-05.geojson"
FRANCE_SERVICES = DATA / "mediation-numerique" / "france_services_dep62_2023-07.csv"
TIERS_LIEUX = DATA / "tiers-lieux" / "tiers-lieux_hdf_france-tiers-lieux_2023-05.geojson"
SCHEMA_EXAMPLE = DATA / "mediation-numerique" / "schema" / "exemple-valide.csv"

needs_data = pytest.mark.usefixtures()  # the real extracts are committed: a missing file fails


# ---------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------

def test_category_codes_are_ordered():
    assert services.CATEGORIES == (
        "epn", "france_services", "conseiller_numerique", "tiers_lieu", "fablab", "wifi")


def test_every_category_has_a_label():
    labels = services.category_labels()
    assert list(labels) == list(services.CATEGORIES)
    assert labels["epn"] == "Digital mediation place"
    assert labels["wifi"] == "Public internet access"
    assert all(labels.values())
    with pytest.raises(InputError):
        services.category_label("piscine")


def test_split_categories_accepts_three_separators_and_cleans():
    assert services.split_categories(" EPN | wifi;;Fablab, ") == ["epn", "wifi", "fablab"]
    assert services.split_categories("France Services|tiers-lieu") == ["france_services", "tiers_lieu"]
    assert services.split_categories("wifi|wifi|epn") == ["wifi", "epn"]
    assert services.split_categories(None) == []
    assert services.split_categories("") == []
    assert services.split_categories(["epn|wifi", "fablab"]) == ["epn", "wifi", "fablab"]
    assert services.split_categories("piscine") == ["piscine"]
    with pytest.raises(InputError):
        services.split_categories("piscine", strict=True)


def test_join_categories_uses_canonical_order():
    assert services.join_categories(["wifi", "epn", "fablab"]) == "epn|fablab|wifi"
    assert services.join_categories("wifi;EPN;epn") == "epn|wifi"
    assert services.join_categories([]) == ""
    with pytest.raises(InputError):
        services.join_categories(["epn", "piscine"])


# ---------------------------------------------------------------------------
# Inference rules, one test per rule
# ---------------------------------------------------------------------------

def test_rule_t_typologie_codes():
    infer = services.infer_categories
    for code in ("EPN", "EPI", "ENM", "BIB", "RELAIS_LECTURE", "CS", "CSC", "EVS", "MQ", "MDH", "MJC"):
        assert infer({"typologie": code}) == ["epn"], code
    assert infer({"typologie": "RFS"}) == ["france_services"]
    assert infer({"typologie": "TIERS_LIEUX|ASSO"}) == ["tiers_lieu"]
    assert infer({"typologie": "FABRIQUE"}) == ["tiers_lieu"]
    assert infer({"typologie": "FABLAB"}) == ["fablab"]
    assert infer({"typologie": "CCAS|MUNI|LA_POSTE|PIMMS|MSAP"}) == []
    assert infer({"typologie": "bib | fablab"}) == ["epn", "fablab"]


def test_rule_l1_conseillers_numeriques():
    assert services.infer_categories({"labels_nationaux": "CNFS"}) == ["conseiller_numerique"]
    record = {"dispositif_programmes_nationaux": "Aidants Connect|Conseillers numériques"}
    assert services.infer_categories(record) == ["conseiller_numerique"]


def test_rule_l2_france_services_label():
    assert services.infer_categories({"labels_nationaux": "France Services"}) == ["france_services"]
    assert services.infer_categories(
        {"dispositif_programmes_nationaux": "France Services"}) == ["france_services"]


def test_rule_l3_france_services_label_of_a_cnfs_structure_is_ignored():
    # Real record of the Pas-de-Calais file: a school canteen is not a France Services.
    record = {"nom": "Cantine scolaire de Guemps", "source": "conseiller-numerique",
              "labels_nationaux": "CNFS;France Services;Aidants Connect"}
    assert services.infer_categories(record) == ["conseiller_numerique"]
    record = {"nom": "Maison France Services de Haisnes", "source": "conseiller-numerique",
              "labels_nationaux": "CNFS"}
    assert services.infer_categories(record) == ["france_services", "conseiller_numerique"]


def test_rule_l4_bibliotheques_numeriques_de_reference():
    assert services.infer_categories(
        {"dispositif_programmes_nationaux": "Bibliothèques numérique de référence"}) == ["epn"]


def test_rule_l5_fabriques_de_territoire():
    assert services.infer_categories({"labels_nationaux": "Fabriques de Territoire"}) == ["tiers_lieu"]
    assert services.infer_categories({"formations_labels": "Fabriques de Territoire"}) == ["tiers_lieu"]


def test_aidants_connect_alone_gives_nothing():
    assert services.infer_categories({"labels_nationaux": "Aidants Connect"}) == []
    record = {"dispositif_programmes_nationaux": "Aidants Connect|La Croix Rouge"}
    assert services.infer_categories(record) == []


def test_rule_s1_v0_mediation_services():
    for service in services.V0_MEDIATION_SERVICES:
        assert services.infer_categories({"services": service}) == ["epn"], service
    assert services.infer_categories(
        {"services": "Prendre en main un ordinateur;Utiliser le numérique au quotidien"}) == ["epn"]


def test_rule_s2_v0_internet_connection_is_wifi():
    assert services.infer_categories({"services": "Accéder à une connexion internet"}) == ["wifi"]
    assert services.infer_categories(
        {"services": "Accéder à une connexion internet;Accéder à du matériel"}) == ["epn", "wifi"]


def test_rule_s3_v0_services_without_category():
    assert services.infer_categories(
        {"services": "S'équiper en matériel informatique;Créer et développer mon entreprise"}) == []


def test_rule_s4_v1_mediation_services():
    for service in services.V1_MEDIATION_SERVICES:
        assert services.infer_categories({"services": service}) == ["epn"], service
    record = {"services": "Acquisition de matériel informatique à prix solidaire"}
    assert services.infer_categories(record) == []


def test_rule_s5_v1_internet_and_equipment_is_wifi_and_epn():
    record = {"services": "Accès internet et matériel informatique"}
    assert services.infer_categories(record) == ["epn", "wifi"]


def test_rule_p_producer():
    assert services.infer_categories({"source": "france-services"}) == ["france_services"]
    assert services.infer_categories({"source": "conseiller-numerique"}) == ["conseiller_numerique"]
    assert services.infer_categories({"source": "france-tiers-lieux"}) == ["tiers_lieu"]
    assert services.infer_categories({"source": "France Tiers-Lieux"}) == ["tiers_lieu"]
    assert services.infer_categories({"source": "assembleurs"}) == []
    assert services.infer_categories({"source": "dora"}) == []


def test_rule_n1_name_fablab():
    for name in ("FabLab TernoisCom", "FABLAB AFP2I", "Le Fab-Lab du coin", "Fab Lab de Lens",
                 "La Fabrique Numérique"):
        assert services.categories_from_name(name) == ["fablab"], name
    assert services.categories_from_name("La Fabrique by Béthune Smart City") == []
    assert services.categories_from_name("Fabulous laboratoire") == []


def test_rule_n2_name_tiers_lieu():
    for name in ("Tiers-lieu de la gare", "Le tiers lieu", "Les Tiers-Lieux", "Coworking du port",
                 "Co-working Arras"):
        assert services.categories_from_name(name) == ["tiers_lieu"], name


def test_rule_n3_name_epn():
    for name in ("EPN de Lens", "Espace Public Numérique", "Espace numérique Bapaume", "Cyber-base",
                 "Cyberbase de Calais", "Médiathèque Michel berger", "Bibliotheque de Lestrem",
                 "MEDIATHEQUE MUNICIPALE"):
        assert services.categories_from_name(name) == ["epn"], name
    assert services.categories_from_name("Steppenwolf") == []  # no "epn" inside a word


def test_rule_n4_name_france_services():
    for name in ("France services de Saint-Omer", "FRANCE SERVICES D’AIRE SUR LA LYS",
                 "Bus France services MSA Pays Montreuillois", "Maison France Service"):
        assert services.categories_from_name(name) == ["france_services"], name


def test_inference_is_the_union_of_rules_on_a_v1_row():
    with open(SCHEMA_EXAMPLE, encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    # typologie TIERS_LIEUX|ASSO, Conseillers numériques, mediation services
    assert services.infer_categories(row) == ["epn", "conseiller_numerique", "tiers_lieu"]


def test_inference_rejects_non_dict():
    with pytest.raises(InputError):
        services.infer_categories("epn")


# ---------------------------------------------------------------------------
# Normalisers
# ---------------------------------------------------------------------------

V0_RECORD = {
    "id": "1819-mediation-numerique-assembleurs", "pivot": "00000000000000", "nom": "La Station",
    "commune": "Saint-Omer", "code_postal": "62500", "code_insee": None, "adresse": "Place du 8 Mai 1945",
    "latitude": "50.7532539367", "longitude": "2.2663695812", "telephone": "+33374182099",
    "courriel": None, "site_web": "https://www.la-station.co/fr/", "horaires": "Sa 09:00-16:30",
    "source": "assembleurs", "date_maj": "2020-12-08",
    "services": "Devenir autonome dans les démarches administratives;Réaliser des démarches "
                "administratives avec un accompagnement;Utiliser le numérique au quotidien;"
                "Favoriser mon insertion professionnelle;Accéder à du matériel",
    "publics_accueillis": "Adultes;Familles/enfants;Jeunes (16-26 ans);Seniors (+ 65 ans)",
    "conditions_acces": "Gratuit : Je peux accéder gratuitement au lieu et à ses services",
    "labels_nationaux": None, "modalites_accompagnement": None, "prise_rdv": None,
}


def test_from_lieu_feature_v0():
    feature = {"type": "Feature", "properties": V0_RECORD,
               "geometry": {"type": "Point", "coordinates": [2.26637, 50.753254]}}
    record = services.from_lieu(feature)
    assert tuple(record) == services.RECORD_FIELDS
    assert record["id"] == "assembleurs:1819"
    assert record["source_ids"] == "lieux:1819-mediation-numerique-assembleurs"
    assert record["sources"] == "assembleurs" and record["n_sources"] == 1
    assert (record["lon"], record["lat"]) == (2.26637, 50.753254)  # geometry wins over properties
    assert record["categories"] == "epn"
    assert record["services"].split("|")[0] == "Devenir autonome dans les démarches administratives"
    assert record["code_insee"] == "" and record["date_maj"] == "2020-12-08"


def test_from_lieu_uses_properties_or_explicit_position():
    record = services.from_lieu(dict(V0_RECORD))
    assert (record["lon"], record["lat"]) == (2.2663695812, 50.7532539367)
    record = services.from_lieu(dict(V0_RECORD), lon=2.0, lat=50.0)
    assert (record["lon"], record["lat"]) == (2.0, 50.0)
    record = services.from_lieu(dict(V0_RECORD, longitude="2,5", latitude="50,5"))
    assert (record["lon"], record["lat"]) == (2.5, 50.5)


def test_from_lieu_v1_row_and_labels_in_v1_wording():
    with open(SCHEMA_EXAMPLE, encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    record = services.from_lieu(row)
    assert record["id"] == "hubik:structure-1"
    assert record["categories"] == "epn|conseiller_numerique|tiers_lieu"
    assert record["itinerance"] == "Itinérant"
    assert record["labels"].startswith("Aidants Connect|Conseillers numériques|La Croix Rouge|")
    cnfs = services.from_lieu(dict(V0_RECORD, labels_nationaux="CNFS;Aidants Connect"))
    assert cnfs["labels"] == "Conseillers numériques|Aidants Connect"


def test_from_lieu_cleans_a_punctuation_only_address():
    assert services.from_lieu(dict(V0_RECORD, adresse="-----"))["adresse"] == ""


@pytest.mark.parametrize("lon, lat, reason", [
    (None, None, services.REASON_MISSING_COORDINATES),
    ("", "", services.REASON_MISSING_COORDINATES),
    ("abc", "50.1", services.REASON_INVALID_COORDINATES),
    (float("nan"), 50.0, services.REASON_INVALID_COORDINATES),
    (250.0, 50.0, services.REASON_OUT_OF_RANGE),
    (2.0, 95.0, services.REASON_OUT_OF_RANGE),
    (0.0, 0.0, services.REASON_NULL_ISLAND),
])
def test_records_without_valid_coordinates_are_rejected_with_a_reason(lon, lat, reason):
    props = dict(V0_RECORD, longitude=lon, latitude=lat)
    with pytest.raises(services.RecordRejectedError) as caught:
        services.from_lieu(props)
    assert caught.value.reason == reason
    assert isinstance(caught.value, DataError)
    assert "La Station" in str(caught.value)


def test_normalise_all_lists_rejected_records_never_drops_them():
    items = [dict(V0_RECORD), dict(V0_RECORD, id="x", longitude=None, latitude=None),
             dict(V0_RECORD, id="y", nom="  ")]
    result = services.normalise_all(items, services.from_lieu)
    assert len(result.records) == 1 and len(result.rejected) == 2
    assert services.rejected_counts(result.rejected) == Counter(
        {services.REASON_MISSING_COORDINATES: 1, services.REASON_MISSING_NAME: 1})
    assert result.rejected[0]["id"] == "x" and result.rejected[0]["record"] is items[1]


FS_ROW = {
    "id_fs": "2640", "insee_dep": "62", "lib_fs": "France services de Saint-Omer",
    "adresse": "Mairie 16 Rue du Saint-Sépulcre", "complement_adresse": "BP 20326", "insee_com": "62765",
    "code_postal": "62505", "lib_com": "Saint-Omer", "latitude": "50.752131", "longitude": "2.254056",
    "mail": "", "telephone": "03 21 98 68 78",
    "h_lundi": "08:30 - 12:00 / 13:30 - 17:00", "h_mardi": "08:30 - 12:00 / 13:30 - 17:00",
    "h_mercredi": "08:30 - 12:00 / 13:30 - 17:00", "h_jeudi": "08:30 - 12:00 / 13:30 - 17:00",
    "h_vendredi": "08:30 - 12:00 / 13:30 - 17:00", "h_samedi": "", "commentaire": "",
    "itinerance": "Non", "format_fs": "Site principal", "groupe": "",
    "labellisation": "Espace labellisé 20/04/2022", "format_fs_anct": "Lieu fixe",
}


def test_from_france_services_row_real_saint_omer_row():
    record = services.from_france_services_row(FS_ROW)
    assert record == {
        "id": "france-services:2640", "nom": "France services de Saint-Omer",
        "adresse": "Mairie 16 Rue du Saint-Sépulcre", "code_postal": "62505", "commune": "Saint-Omer",
        "code_insee": "62765", "lon": 2.254056, "lat": 50.752131, "categories": "france_services",
        "sources": "france-services", "source_ids": "france-services-csv:2640", "n_sources": 1,
        "horaires": "Mo-Fr 08:30-12:00,13:30-17:00", "services": "", "labels": "France Services",
        "date_maj": "", "itinerance": "Fixe",
    }


def test_france_services_opening_hours():
    hours = services.france_services_opening_hours
    # real row id_fs 365 (Sains-en-Gohelle): Thursday differs, Saturday morning
    row = {"h_lundi": "09:00 - 12:00 / 14:00 - 17:30", "h_mardi": "09:00 - 12:00 / 14:00 - 17:30",
           "h_mercredi": "09:00 - 12:00 / 14:00 - 17:30", "h_jeudi": "09:00 - 12:00 / 15:00 - 17:30",
           "h_vendredi": "09:00 - 12:00 / 14:00 - 17:30", "h_samedi": "08:30 - 12:00"}
    assert hours(row) == ("Mo-We 09:00-12:00,14:00-17:30; Th 09:00-12:00,15:00-17:30; "
                          "Fr 09:00-12:00,14:00-17:30; Sa 08:30-12:00")
    # real row id_fs 372 (bus): closed on Monday
    row = {"h_lundi": "", "h_mardi": "09:00 - 16:30", "h_mercredi": "09:00 - 16:30",
           "h_jeudi": "09:00 - 16:30", "h_vendredi": "09:00 - 16:30", "h_samedi": ""}
    assert hours(row) == "Tu-Fr 09:00-16:30"
    assert hours({"h_lundi": "9h - 12h", "h_mardi": "10:30 – 12:00"}) == "Mo 09:00-12:00; Tu 10:30-12:00"
    assert hours({}) == ""
    assert hours({"h_lundi": "09:00 - 12:00", "h_mardi": "sur rendez-vous"}) == ""
    assert hours({"h_lundi": "14:00 - 12:00"}) == ""
    # a day marked closed is closed, not unreadable (the rest of the week is kept)
    assert hours({"h_lundi": "Fermé", "h_mardi": "09:00 - 12:00", "h_mercredi": "-",
                  "h_jeudi": "FERMEE", "h_vendredi": "closed"}) == "Tu 09:00-12:00"


def test_france_services_itinerance():
    assert services.from_france_services_row(dict(FS_ROW, itinerance="Oui"))["itinerance"] == "Itinérant"
    row = dict(FS_ROW, format_fs_anct="Mobile")
    del row["itinerance"]
    assert services.from_france_services_row(row)["itinerance"] == "Itinérant"


def test_france_services_missing_columns_is_a_data_error():
    row = dict(FS_ROW)
    del row["latitude"]
    with pytest.raises(DataError) as caught:
        services.from_france_services_row(row)
    assert not isinstance(caught.value, services.RecordRejectedError)
    assert "latitude" in str(caught.value)
    with pytest.raises(services.RecordRejectedError):
        services.from_france_services_row(dict(FS_ROW, latitude=""))


def test_from_tiers_lieu_v0_record_always_tiers_lieu():
    feature = {"type": "Feature", "properties": {
        "id": "58d38c9740bb4e190de8e5f8-mediation-numerique-france-tiers-lieux", "nom": "La Station",
        "source": "france-tiers-lieux", "services": "Favoriser mon insertion professionnelle",
        "code_postal": "62500", "commune": "ST OMER", "adresse": "Place du 8 mai 1945"},
        "geometry": {"type": "Point", "coordinates": [2.266917, 50.753543]}}
    record = services.from_tiers_lieu(feature)
    assert record["id"] == "france-tiers-lieux:58d38c9740bb4e190de8e5f8"
    assert record["source_ids"] == (
        "tiers-lieux:58d38c9740bb4e190de8e5f8-mediation-numerique-france-tiers-lieux")
    assert record["categories"] == "epn|tiers_lieu"
    feature["properties"]["source"] = "autre"
    assert services.from_tiers_lieu(feature)["categories"] == "epn|tiers_lieu"


def test_from_tiers_lieu_cget_2019_shape():
    row = {"ID": "TL0001", "NOM_TL": "Atelier partagé", "ADRESSE": "1 rue X", "CP": "62000",
           "NOMCOM": "Arras", "INSEECOM": "62041", "TYPO": "Tiers lieux à dominante fablab",
           "LAT": "50.29", "LONG": "2.78"}
    record = services.from_tiers_lieu(row)
    assert record["id"] == "cget-tiers-lieux:TL0001"
    assert record["categories"] == "tiers_lieu|fablab"
    assert (record["lon"], record["lat"]) == (2.78, 50.29)
    assert record["code_insee"] == "62041" and record["sources"] == "cget-tiers-lieux"
    row["TYPO"] = "Tiers lieux à dominante coworking"
    assert services.from_tiers_lieu(row)["categories"] == "tiers_lieu"


# ---------------------------------------------------------------------------
# Merging, small cases
# ---------------------------------------------------------------------------

def _place(id_, nom, lon, lat, **fields):
    source = id_.split(":", 1)[0]
    record = {field: "" for field in services.RECORD_FIELDS}
    record.update(id=id_, nom=nom, lon=lon, lat=lat, sources=source, n_sources=1,
                  source_ids="lieux:" + id_, categories="epn")
    record.update(fields)
    return record


def test_haversine():
    assert services.haversine_m(2.0, 50.0, 2.0, 50.0) == 0.0
    # one degree of latitude on the mean sphere
    assert services.haversine_m(2.0, 50.0, 2.0, 51.0) == pytest.approx(111195.1, abs=0.1)
    assert services.haversine_m(2.26637, 50.753254, 2.266917, 50.753543) == pytest.approx(50.13, abs=0.01)


def test_names_match():
    match = services.names_match
    assert match("CAF St-Omer", "Caf Saint-Omer")  # st -> saint
    assert match("CENTRE SOCIAL ET CULTUREL DE SAINT OMER", "Centre Social et Culturel de Saint-Omer")
    assert match("La Fabrique", "La Fabrique by Béthune Smart City")  # token subset
    assert match("Centre socioculturel François Vachala", "Centre Socioculturel François-Vachala")  # ratio
    assert not match("France services de Saint-Omer", "Caf Saint-Omer")
    assert not match("Cpam de la Côte d'Opale", "Face cote d'opale - saint omer")
    assert not match("", "La Station")
    assert not match("La", "La Station")  # only stop words


def test_rule_m1_same_id_merges_whatever_the_distance():
    a = _place("france-services:1", "A", 2.0, 50.0)
    b = _place("france-services:1", "B", 3.0, 51.0, source_ids="france-services-csv:1")
    merged = services.merge_duplicates([a, b])
    assert len(merged) == 1
    assert merged[0]["nom"] == "B"  # the CSV has priority
    assert merged[0]["source_ids"] == "france-services-csv:1|lieux:france-services:1"


def test_rule_m2_distance_and_name():
    a = _place("x:1", "Médiathèque Jean Ferrat", 2.0, 50.0)
    b = _place("y:2", "mediatheque jean ferrat", 2.0, 50.0008)  # 89 m
    c = _place("z:3", "Mairie", 2.0, 50.0001)
    assert len(services.merge_duplicates([a, b, c])) == 2
    assert len(services.merge_duplicates([a, b, c], max_distance_m=50)) == 3
    assert len(services.merge_duplicates([a, b, c], max_distance_m=0)) == 3
    with pytest.raises(InputError):
        services.merge_duplicates([a], max_distance_m=-1)
    with pytest.raises(InputError):
        services.merge_duplicates([a], max_distance_m="far")


def test_rule_m3_two_france_services_never_merge():
    fixed = _place("france-services:368", "France services Pimms Médiation de Lens", 2.829288, 50.42661)
    bus = _place("france-services:1939", "Bus France services Pimms Médiation Lens", 2.8293, 50.4263)
    other = _place("assembleurs:0519", "France Services - PIMMS Lens", 2.829303, 50.42661)
    merged = services.merge_duplicates([bus, fixed, other])
    assert len(merged) == 2
    by_id = {r["id"]: r for r in merged}
    # the assembleurs record joins the closest France Services (1 m), not the bus
    assert by_id["france-services:368"]["source_ids"] == "lieux:france-services:368|lieux:assembleurs:0519"
    assert by_id["france-services:1939"]["n_sources"] == 1


def test_merged_record_fields():
    a = _place("assembleurs:1", "La Station", 2.26637, 50.753254, categories="epn",
               services="Accéder à du matériel", date_maj="2020-12-08", horaires="Sa 09:00-16:30")
    b = _place("france-tiers-lieux:2", "La Station", 2.266917, 50.753543, categories="epn|tiers_lieu|wifi",
               services="Accéder à une connexion internet|Accéder à du matériel", date_maj="2022-11-15",
               labels="Fabriques de Territoire", code_insee="62765")
    merged = services.merge_duplicates([b, a])
    assert len(merged) == 1
    place = merged[0]
    assert place["id"] == "assembleurs:1" and (place["lon"], place["lat"]) == (2.26637, 50.753254)
    assert place["categories"] == "epn|tiers_lieu|wifi"
    assert place["sources"] == "assembleurs|france-tiers-lieux" and place["n_sources"] == 2
    assert place["services"] == "Accéder à du matériel|Accéder à une connexion internet"
    assert place["date_maj"] == "2022-11-15" and place["code_insee"] == "62765"
    assert place["horaires"] == "Sa 09:00-16:30" and place["labels"] == "Fabriques de Territoire"
    assert services.merge_duplicates(merged) == merged  # idempotent


def test_merge_order_and_empty_input():
    assert services.merge_duplicates([]) == []
    a, b, c = (_place(f"x:{i}", "Lieu " + "abc"[i], 2.0 + i, 50.0) for i in range(3))
    assert [r["id"] for r in services.merge_duplicates([c, a, b])] == ["x:2", "x:0", "x:1"]


def test_merge_grid_finds_pairs_across_cell_borders():
    # pairs straddling grid lines at different latitudes, 99 m apart in longitude
    records = []
    for k, lat in enumerate((-60.0, -20.0, 0.0, 43.0, 50.75, 70.0)):
        step = math.degrees(99.0 / (services.EARTH_RADIUS_M * math.cos(math.radians(lat))))
        records.append(_place(f"a:{k}", f"Lieu {k}", 2.0 - step / 2, lat))
        records.append(_place(f"b:{k}", f"Lieu {k}", 2.0 + step / 2, lat))
    assert len(services.merge_duplicates(records)) == 6


def test_merge_scales_about_linearly():
    import time
    records = [_place(f"x:{i}", f"Lieu {i % 7}", 2.0 + (i % 100) * 0.01, 50.0 + (i // 100) * 0.01)
               for i in range(10000)]
    start = time.perf_counter()
    assert len(services.merge_duplicates(records)) == 10000
    assert time.perf_counter() - start < 10.0


# ---------------------------------------------------------------------------
# Real Pas-de-Calais data
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lieux():
    return services.normalise_all(geojson_features(LIEUX), services.from_lieu)


@pytest.fixture(scope="module")
def france_services():
    return services.normalise_all(services.read_france_services_csv(FRANCE_SERVICES),
                                  services.from_france_services_row)


@pytest.fixture(scope="module")
def tiers_lieux():
    return services.normalise_all(geojson_features(TIERS_LIEUX), services.from_tiers_lieu)


@pytest.fixture(scope="module")
def merged_all(lieux, france_services, tiers_lieux):
    return services.merge_duplicates(france_services.records + lieux.records + tiers_lieux.records)


def _find(records, nom):
    return [r for r in records if r["nom"] == nom]


@needs_data
def test_real_files_normalise_rejecting_only_places_not_open(lieux, france_services, tiers_lieux):
    # rule O2: "L'atelier du 9 (Actuellement fermé)" (in both files), "Coworking Haute-Deûle - En cours"
    assert (len(lieux.records), len(lieux.rejected)) == (641, 1)
    assert (len(france_services.records), len(france_services.rejected)) == (50, 0)
    assert (len(tiers_lieux.records), len(tiers_lieux.rejected)) == (66, 2)
    assert sorted(r["nom"] for r in lieux.rejected + tiers_lieux.rejected) == [
        "Coworking Haute-Deûle - En cours", "L'atelier du 9 (Actuellement fermé)",
        "L'atelier du 9 (Actuellement fermé)"]
    assert {r["reason"] for r in lieux.rejected + tiers_lieux.rejected} == {services.REASON_NOT_OPEN}
    assert Counter(r["sources"] for r in lieux.records) == Counter(
        {"assembleurs": 444, "conseiller-numerique": 131, "france-services": 50, "france-tiers-lieux": 16})


@needs_data
def test_real_category_counts(lieux):
    counts = Counter(code for r in lieux.records for code in services.split_categories(r["categories"]))
    # 642 records, one not open (L'atelier du 9: epn|tiers_lieu|wifi) left out
    assert counts == Counter({"epn": 641, "wifi": 273, "conseiller_numerique": 131,
                              "france_services": 90, "tiers_lieu": 16, "fablab": 2})
    assert all(r["categories"] for r in lieux.records)
    fs_sources = Counter(r["sources"] for r in lieux.records if "france_services" in r["categories"])
    assert fs_sources == Counter({"france-services": 50, "assembleurs": 38, "conseiller-numerique": 2})
    assert sorted(r["nom"] for r in lieux.records if "fablab" in r["categories"]) == [
        "FABLAB AFP2I", "FabLab TernoisCom"]


@needs_data
def test_real_records_checked_by_hand(lieux):
    by_id = {r["id"]: r for r in lieux.records}
    # Municipalité d'Annay: CNFS, mediation services, no internet access service
    assert by_id["conseiller-numerique:627a2aeead1bdb06edc48a15"]["categories"] == "epn|conseiller_numerique"
    # Cantine scolaire de Guemps: CNFS;France Services;Aidants Connect -> rule L3
    guemps = _find(lieux.records, "Cantine scolaire de Guemps")[0]
    assert guemps["categories"] == "epn|conseiller_numerique"
    # Bibliothèque d'agglomération du Pays de Saint-Omer: name + internet access
    assert by_id["assembleurs:1582"]["categories"] == "epn|wifi"
    # France services de Saint-Omer (source france-services): mediation services, no internet access
    assert by_id["france-services:2640"]["categories"] == "epn|france_services"
    assert by_id["france-tiers-lieux:58d38c9740bb4e190de8e5f8"]["categories"] == "epn|tiers_lieu|wifi"


@needs_data
def test_real_merge_la_station(merged_all):
    stations = _find(merged_all, "La Station")
    assert len(stations) == 1
    station = stations[0]
    assert station["sources"] == "assembleurs|france-tiers-lieux" and station["n_sources"] == 2
    assert station["source_ids"] == (
        "lieux:1819-mediation-numerique-assembleurs|"
        "lieux:58d38c9740bb4e190de8e5f8-mediation-numerique-france-tiers-lieux|"
        "tiers-lieux:58d38c9740bb4e190de8e5f8-mediation-numerique-france-tiers-lieux")
    assert station["categories"] == "epn|tiers_lieu|wifi"
    assert (station["lon"], station["lat"]) == (2.26637, 50.753254)


@needs_data
def test_real_merge_la_station_needs_more_than_50_m(lieux):
    stations = [r for r in lieux.records if r["nom"] == "La Station"]
    assert len(services.merge_duplicates(stations, max_distance_m=50.0)) == 2
    assert len(services.merge_duplicates(stations)) == 1


@needs_data
def test_real_merge_france_services_saint_omer(merged_all):
    places = [r for r in merged_all if "france-services-csv:2640" in r["source_ids"].split("|")]
    assert len(places) == 1
    place = places[0]
    assert place["id"] == "france-services:2640"
    assert place["source_ids"] == ("france-services-csv:2640|lieux:2640-mediation-numerique-france-services|"
                                   "lieux:2484-mediation-numerique-assembleurs")
    assert place["sources"] == "france-services|assembleurs" and place["n_sources"] == 2
    assert place["horaires"] == "Mo-Fr 08:30-12:00,13:30-17:00" and place["code_insee"] == "62765"
    assert place["categories"] == "epn|france_services"
    assert len(_find(merged_all, "France services de Saint-Omer")) == 1


@needs_data
def test_real_merge_cnfs_social_centre_twice(merged_all):
    places = _find(merged_all, "CENTRE SOCIAL ET CULTUREL DE SAINT OMER")
    assert len(places) == 1
    assert places[0]["source_ids"] == (
        "lieux:632ac4baac7aea06f2f9b65f-mediation-numerique-conseiller-numerique|"
        "lieux:632ac4baac7aea06f2f9b660-mediation-numerique-conseiller-numerique")
    assert places[0]["n_sources"] == 1


@needs_data
def test_real_non_merges(merged_all):
    caf_a, caf_b = _find(merged_all, "CAF St-Omer"), _find(merged_all, "Caf Saint-Omer")
    assert len(caf_a) == len(caf_b) == 1
    assert services.haversine_m(caf_a[0]["lon"], caf_a[0]["lat"],
                                caf_b[0]["lon"], caf_b[0]["lat"]) == pytest.approx(1053.3, abs=0.1)
    centre = _find(merged_all, "Centre Social et Culturel de Saint-Omer")
    cnfs = _find(merged_all, "CENTRE SOCIAL ET CULTUREL DE SAINT OMER")
    assert len(centre) == len(cnfs) == 1 and centre[0]["id"] != cnfs[0]["id"]
    assert services.haversine_m(centre[0]["lon"], centre[0]["lat"],
                                cnfs[0]["lon"], cnfs[0]["lat"]) == pytest.approx(189.5, abs=0.1)


@needs_data
def test_real_saint_omer_postal_codes_after_merge(lieux, france_services, tiers_lieux, merged_all):
    codes = {"62500", "62504", "62505"}
    records = france_services.records + lieux.records + tiers_lieux.records
    inputs = [r for r in records if r["code_postal"] in codes]
    assert len(inputs) == 18  # 16 lieux + 1 France Services row + 1 tiers-lieu
    places = [r for r in merged_all if r["code_postal"] in codes]
    assert len(places) == 13
    assert sorted(r["nom"] for r in places) == sorted([
        "France services de Saint-Omer", "Point d'accueil numérique - Sous-Préfecture de Saint-Omer",
        "Centre Social et Culturel de Saint-Omer", "CAF St-Omer", "Bibliothèque Municipale De Clairmarais",
        "Saint-Martin-lez-Tatinghem", "Bibliotheque Municipale", "CENTRE SOCIAL ET CULTUREL DE SAINT OMER",
        "Bibliothèque d'agglomération du Pays de Saint-Omer", "Caf Saint-Omer", "La Station",
        "Cpam de la Côte d'Opale", "Face cote d'opale - saint omer"])


@needs_data
def test_real_merge_totals(lieux, merged_all):
    # 636 before issue 15: -2 places not open (L'atelier du 9, Coworking Haute-Deûle), -1 EPN Maes
    # merged (M5), +1 Lillers no longer merged (M2 head rule), -1 MSAP/PIMMS Libercourt merged (M5)
    assert len(merged_all) == 633
    assert sum(1 for r in merged_all if r["id"].startswith("france-services:")) == 50
    # lieux alone: 585 before, -1 not open, -1 EPN Maes, +1 Lillers
    assert len(services.merge_duplicates(lieux.records)) == 584
    assert Counter(r["n_sources"] for r in merged_all)[1] < len(merged_all)
    assert all(r["n_sources"] == len(r["sources"].split("|")) for r in merged_all)
