"""Files CONSTRUCTED to the published ARCEP formats, for tests and benchmarks.

Nothing here is real ARCEP data: the buildings, operators' rows, commune
figures and coverage polygons are invented, with the columns, separators,
codes and coordinate systems of the real files ("Ma connexion internet"
base_imb / eligibilite / statistiques, "Mon réseau mobile" GeoPackages) as
described in shared/docs/DATA_SOURCES.md § 6b. Building ids start with
``IMB/TEST/`` and commune names with "Commune fictive" so that such a file
can never be mistaken for a real one.
"""

import gzip
import math

import numpy as np

BUILDING_HEADER = (
    "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;"
    "addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source"
)
ELIGIBILITY_HEADER = (
    "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;"
    "limitation;saturation"
)
R = 6378137.0


def to_3857(lon, lat):
    return R * math.radians(lon), R * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _open(path):
    return gzip.open(path, "wt", encoding="utf-8", compresslevel=1) if str(path).endswith(".gz") else open(
        path, "w", encoding="utf-8")


def write_buildings(path, buildings):
    """``buildings``: (imb_id, lon, lat, code_insee, premises) tuples; coordinates written in EPSG:3857."""
    with _open(path) as out:
        out.write(BUILDING_HEADER + "\n")
        for imb_id, lon, lat, code, premises in buildings:
            x, y = to_3857(lon, lat)
            out.write("{};{!r};{!r};{};{};{};fo;IM;{}_0001;;1;;rue fictive;;{};Commune fictive;;ban\n".format(
                imb_id, x, y, imb_id, code, "" if premises is None else premises, code, code))
    return path


def write_eligibility(path, rows):
    """``rows``: (imb_id, operator, techno, down_class) tuples."""
    with _open(path) as out:
        out.write(ELIGIBILITY_HEADER + "\n")
        for imb_id, operator, techno, down in rows:
            out.write("{};{}_0001;{};{};{};HD3;{};;\n".format(imb_id, imb_id[:14], imb_id, operator, techno, down))
    return path


def write_synthetic_department(buildings_path, eligibility_path, n_buildings, rows_per_building=11,
                               bbox=(1.9, 50.6, 2.6, 50.9), seed=1, block=50_000):
    """A département-sized pair of files written block by block (memory stays small).

    Each building gets ``rows_per_building`` rows: SAT (2 operators), 4GF,
    CU at a random class, and FO THD1G for about two buildings in three;
    the other rows are more CU/THDR rows. Returns the number of eligibility rows.
    """
    rng = np.random.default_rng(seed)
    classes = np.array(["HD05", "HD3", "BHD8", "THD30"])
    operators = np.array(["FRTE", "SFR0", "BOUY", "FREE"])
    rows_written = 0
    with _open(buildings_path) as bout, _open(eligibility_path) as eout:
        bout.write(BUILDING_HEADER + "\n")
        eout.write(ELIGIBILITY_HEADER + "\n")
        for start in range(0, n_buildings, block):
            n = min(block, n_buildings - start)
            ids = ["IMB/TEST/{:09d}".format(i) for i in range(start, start + n)]
            lon = rng.uniform(bbox[0], bbox[2], n)
            lat = rng.uniform(bbox[1], bbox[3], n)
            x = R * np.radians(lon)
            y = R * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
            premises = rng.integers(1, 6, n)
            bout.write("".join(
                "{};{:.2f};{:.2f};{};62765;{};fo;IM;62765_0001;;1;;rue fictive;;62765;Commune fictive;;ban\n".format(
                    i, a, b, i, p) for i, a, b, p in zip(ids, x, y, premises)))
            fibre = rng.random(n) < 0.66
            cu = rng.integers(0, 4, n)
            templates = _row_templates(rows_per_building, classes, operators)
            lines = [templates[f][c].replace("@", imb + ";" + imb[:14] + "_0001;" + imb)
                     for imb, f, c in zip(ids, fibre.tolist(), cu.tolist())]
            rows_written += sum(templates[f][c].count("\n") for f, c in zip(fibre.tolist(), cu.tolist()))
            eout.write("".join(lines))
    return rows_written


def _row_templates(rows_per_building, classes, operators):
    """templates[fibre][cu class] = the rows of one building, "@" standing for its ids."""
    result = {}
    for fibre in (False, True):
        for c, cu in enumerate(classes):
            rows = ["@;STAK;SAT;THD30;THD100;;", "@;NORD;SAT;BHD8;THD30;;", "@;BOUY;4GF;HD3;BHD8;;",
                    "@;FRTE;CU;HD05;" + cu + ";;"]
            if fibre:
                rows.append("@;FRTE;FO;THD1G;THD1G;;")
            rows += ["@;" + operators[j % 4] + ";CU;HD05;" + cu + ";;" for j in range(rows_per_building - len(rows))]
            result.setdefault(fibre, {})[c] = "\n".join(rows) + "\n"
    return result


def write_mrm(path, features):
    """``features``: (operateur, techno, usage, niveau, [rings]) — first ring outer, others holes."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    driver = ogr.GetDriverByName("GPKG")
    source = driver.CreateDataSource(str(path))
    layer = source.CreateLayer("couverture", srs, ogr.wkbMultiPolygon)
    for name in ("operateur", "date", "techno", "usage", "niveau", "dept"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for operator, techno, usage, level, rings in features:
        polygon = ogr.Geometry(ogr.wkbPolygon)
        for points in rings:
            r = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in points:
                r.AddPoint_2D(float(x), float(y))
            polygon.AddGeometry(r)
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        multi.AddGeometry(polygon)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("operateur", operator), ("date", "2026-06-30"), ("techno", techno),
                            ("usage", usage), ("niveau", level), ("dept", "62")):
            feature.SetField(name, value)
        feature.SetGeometry(multi)
        layer.CreateFeature(feature)
    source = None
    return path


COMMUNE_TECHNO = (
    "code_insee;nom_com;code_dep;code_reg;nbr;elig_ftth;elig_coax;elig_cu;elig_thdr;elig_4fg;elig_hdr;elig_sat;type;date\n"
    "01001;Commune fictive A;01;84;200;150;0;200;0;20;0;200;all;2026-06-30\n"
    "01001;Commune fictive A;01;84;180;140;0;180;0;20;0;180;logement;2026-06-30\n"
    "62765;Commune fictive B;62;32;1000;900;100;1000;0;0;0;1000;all;2026-06-30\n"
)
COMMUNE_DEBIT_FILAIRE = (
    "code_insee;nom_com;code_dep;code_reg;nbr;elig_hd3;elig_bhd8;elig_thd30;elig_thd100;elig_thd1g;inel_hd;type;date\n"
    "01001;Commune fictive A;01;84;200;190;160;150;150;150;10;all;2026-06-30\n"
    "62765;Commune fictive B;62;32;1000;1000;990;950;950;920;0;all;2026-06-30\n"
)
COMMUNE_BEST = (
    "code_insee;nom_com;code_dep;code_reg;nbr_elig_8;elig_ftth;elig_coax;elig_cu_30;elig_thdr;elig_cu_8;"
    "elig_4gf;elig_hdr;elig_sat;type;date\n"
    "01001;Commune fictive A;01;84;200;150;0;0;0;10;20;0;20;all;2026-06-30\n"
    "62765;Commune fictive B;62;32;1000;900;50;0;0;50;0;0;0;all;2026-06-30\n"
)


def write_commune_stats(folder):
    """The three commune statistics files used (two invented communes, 01001 and 62765)."""
    paths = {}
    for name, text in (("commune_techno", COMMUNE_TECHNO), ("commune_debit_filaire", COMMUNE_DEBIT_FILAIRE),
                       ("commune_meilleure_techno_thd", COMMUNE_BEST)):
        paths[name] = folder / (name + ".csv")
        paths[name].write_text(text, encoding="utf-8")
    return paths
