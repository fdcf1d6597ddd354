"""data.gouv.fr catalogue client against a local server.

No recorded data.gouv.fr reply exists in ../shared/data/api_samples, so the
replies are built from DATA_SOURCES.md shapes (§1.2 pagination envelope,
§1.4 dataset fields, §1.5 resource fields, §2.4 titles made by the national
pipeline). The downloaded CSV is the schema's real example row.
"""

import json
import os
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from ville_numerique.core import loaders
from ville_numerique.core.datagouv import (
    LIEUX_SCHEMA,
    DataGouvClient,
    Dataset,
    latest_main_csv,
    national_lieux_score,
    stable_resource_url,
)
from ville_numerique.core.errors import DataError
from ville_numerique.core.http import HttpClient, HttpStatusError, MalformedResponseError
from ville_numerique.core.settings import load_settings
from werkzeug.wrappers import Response

SHARED = Path(
    os.environ.get("VILLE_NUMERIQUE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
)
EXAMPLE_CSV = SHARED / "mediation-numerique" / "schema" / "exemple-valide.csv"
ORG = {
    "id": "6400aa0000000000000000aa",
    "name": "Cartographie Nationale des lieux de médiation numérique",
    "slug": "cartographie-nationale-des-lieux-de-mediation-numerique",
}


def resource(rid, fmt, modified, type_="main", schema=LIEUX_SCHEMA):
    """A resource object (DATA_SOURCES.md §1.5 shape)."""
    return {
        "id": rid,
        "title": "{}-lieux.{}".format(modified[:10].replace("-", ""), fmt),
        "description": "",
        "filetype": "file",
        "type": type_,
        "format": fmt,
        "url": "https://static.data.gouv.fr/resources/lieux/{}.{}".format(rid, fmt),
        "latest": "https://www.data.gouv.fr/api/1/datasets/r/" + rid,
        "checksum": {"type": "sha1", "value": "0" * 40},
        "filesize": 12_345_678,
        "mime": "text/" + fmt,
        "created_at": modified,
        "last_modified": modified,
        "schema": {"name": schema, "version": "1.0.1", "url": None} if schema else {},
        "extras": {},
    }


def dataset(did, title, last_update, resources, organization=ORG):
    """A dataset object (DATA_SOURCES.md §1.4 shape, trimmed)."""
    return {
        "id": did,
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "acronym": None,
        "description": "…",
        "created_at": "2023-01-01T00:00:00+00:00",
        "last_modified": last_update,
        "last_update": last_update,
        "deleted": None,
        "archived": None,
        "private": False,
        "tags": ["inclusion-numerique", "mediation-numerique"],
        "frequency": "daily",
        "license": "lov2",
        "organization": organization,
        "owner": None,
        "page": "https://www.data.gouv.fr/fr/datasets/" + did + "/",
        "uri": "…",
        "resources": resources,
    }


NATIONAL = dataset(
    "64a0000000000000000000b1",
    "Lieux de médiation numérique sur le territoire National fournis par La Cartographie Nationale",
    "2024-06-02T01:12:00+00:00",
    [
        resource("11111111-aaaa-4aaa-8aaa-000000000001", "csv", "2024-05-30T22:50:00+00:00"),
        resource("11111111-aaaa-4aaa-8aaa-000000000002", "csv", "2024-06-01T22:50:00+00:00"),
        resource("11111111-aaaa-4aaa-8aaa-000000000003", "json", "2024-06-01T22:51:00+00:00"),
        resource(
            "11111111-aaaa-4aaa-8aaa-000000000004", "csv", "2024-06-02T08:00:00+00:00", type_="documentation"
        ),
    ],
)
PER_SOURCE = dataset(
    "64a0000000000000000000b2",
    "Lieux de médiation numérique sur le territoire National fournis par France Services",
    "2024-06-02T02:00:00+00:00",
    [resource("22222222-aaaa-4aaa-8aaa-000000000001", "csv", "2024-06-02T01:00:00+00:00")],
)
REGIONAL = dataset(
    "64a0000000000000000000b3",
    "Lieux de médiation numérique sur le territoire Hauts-de-France fournis par Les Assembleurs",
    "2024-06-03T00:00:00+00:00",
    [resource("33333333-aaaa-4aaa-8aaa-000000000001", "csv", "2024-06-03T00:00:00+00:00")],
    organization={"id": "5f00", "name": "Les Assembleurs", "slug": "les-assembleurs"},
)


def serve_pages(httpserver, path, items, per_page):
    """Answer ``path`` like udata: ``page``/``page_size`` envelope with ``next_page``."""

    def handler(request):
        page = int(request.args.get("page", 1))
        chunk = items[(page - 1) * per_page : page * per_page]
        more = page * per_page < len(items)
        query = request.query_string.decode()
        next_query = "&".join(p for p in query.split("&") if not p.startswith("page=")) + "&page={}".format(
            page + 1
        )
        body = {
            "data": chunk,
            "page": page,
            "page_size": per_page,
            "total": len(items),
            "next_page": httpserver.url_for(path) + "?" + next_query.lstrip("&") if more else None,
            "previous_page": None,
        }
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(path).respond_with_handler(handler)


@pytest.fixture
def client(httpserver, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    settings = load_settings(environ={}, qgis={}, datagouv_url=base, cache_dir=tmp_path / "cache")
    return DataGouvClient(HttpClient(settings, rules=[], default_rate=1e9, proxies={}))


def test_search_follows_next_page_across_pages(httpserver, client):
    datasets = [dataset("d{:02d}".format(i), "Jeu {}".format(i), "2024-01-01T00:00:00", []) for i in range(7)]
    serve_pages(httpserver, "/api/1/datasets/", datasets, per_page=3)
    found = client.search_datasets(q="inclusion numerique", tag=["wifi", "paris"], max_results=100)
    assert [d.id for d in found] == ["d{:02d}".format(i) for i in range(7)]
    assert len(httpserver.log) == 3
    first = parse_qs(httpserver.log[0][0].query_string.decode())
    assert first["q"] == ["inclusion numerique"] and first["tag"] == ["wifi", "paris"]
    assert parse_qs(httpserver.log[2][0].query_string.decode())["page"] == ["3"]


def test_max_results_stops_paging_early(httpserver, client):
    datasets = [dataset("d{}".format(i), "Jeu", "2024-01-01T00:00:00", []) for i in range(9)]
    serve_pages(httpserver, "/api/1/datasets/", datasets, per_page=3)
    found = client.search_datasets(schema=LIEUX_SCHEMA, max_results=4)
    assert len(found) == 4
    assert len(httpserver.log) == 2  # the third page is never asked for


def test_empty_search_result(httpserver, client):
    serve_pages(httpserver, "/api/1/datasets/", [], per_page=20)
    assert client.search_datasets(q="aucun résultat") == []


def test_dataset_details_and_resources(httpserver, client):
    httpserver.expect_request("/api/1/datasets/64a0000000000000000000b1/").respond_with_json(NATIONAL)
    found = client.dataset("64a0000000000000000000b1")
    assert found.title.startswith("Lieux de médiation numérique sur le territoire National")
    assert found.organization == ORG["slug"] and len(found.resources) == 4
    csv_resource = found.resources[1]
    assert (csv_resource.format, csv_resource.filesize, csv_resource.schema) == (
        "csv",
        12_345_678,
        LIEUX_SCHEMA,
    )
    assert csv_resource.last_modified.isoformat() == "2024-06-01T22:50:00+00:00"
    assert csv_resource.stable_url == httpserver.url_for(
        "/api/1/datasets/r/11111111-aaaa-4aaa-8aaa-000000000002"
    )


def test_stable_resource_url():
    assert stable_resource_url("https://www.data.gouv.fr/", "31576dff-fd61-4de9-819f-32c2f880b142") == (
        "https://www.data.gouv.fr/api/1/datasets/r/31576dff-fd61-4de9-819f-32c2f880b142"
    )


def test_unknown_dataset_gives_a_clear_404(httpserver, client):
    httpserver.expect_request("/api/1/datasets/gone/").respond_with_json({"message": "Not Found"}, status=404)
    with pytest.raises(HttpStatusError, match="HTTP 404: Not Found"):
        client.dataset("gone")


def test_a_list_page_without_data_is_reported(httpserver, client):
    httpserver.expect_request("/api/1/datasets/").respond_with_json({"results": []})
    with pytest.raises(MalformedResponseError, match="API may have changed"):
        client.search_datasets(q="x")


def test_national_lieux_dataset_is_resolved_by_schema_not_slug(httpserver, client):
    serve_pages(httpserver, "/api/1/datasets/", [REGIONAL, PER_SOURCE, NATIONAL], per_page=2)
    found, csv_resource = client.lieux_mediation_csv()
    assert found.id == NATIONAL["id"]
    # most recent *main* CSV: not the JSON, not the documentation file
    assert csv_resource.id == "11111111-aaaa-4aaa-8aaa-000000000002"
    query = parse_qs(httpserver.log[0][0].query_string.decode())
    assert query["schema"] == [LIEUX_SCHEMA] and query["sort"] == ["-last_update"]


def test_no_national_dataset_is_a_clear_error(httpserver, client):
    serve_pages(httpserver, "/api/1/datasets/", [REGIONAL], per_page=20)
    with pytest.raises(DataError, match="No national dataset of lieux de médiation numérique"):
        client.find_lieux_mediation_dataset()


def test_ranking_prefers_the_consolidated_national_dataset():
    scores = {
        d["id"]: national_lieux_score(Dataset.from_api(d, "https://x"))
        for d in (NATIONAL, PER_SOURCE, REGIONAL)
    }
    assert scores[NATIONAL["id"]] > scores[PER_SOURCE["id"]] > scores[REGIONAL["id"]]


def test_latest_main_csv_is_none_without_csv():
    only_json = Dataset.from_api(
        dataset("x", "t", None, [resource("r", "json", "2024-01-01T00:00:00")]), "https://x"
    )
    assert latest_main_csv(only_json) is None


def test_download_through_the_stable_link_then_load(httpserver, client, tmp_path):
    rid = "11111111-aaaa-4aaa-8aaa-000000000002"
    httpserver.expect_request("/api/1/datasets/r/" + rid).respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/resources/lieux/20240601-lieux.csv")}
    )
    httpserver.expect_request("/resources/lieux/20240601-lieux.csv").respond_with_data(
        EXAMPLE_CSV.read_bytes(), content_type="text/csv; charset=utf-8"
    )
    resource_ = Dataset.from_api(NATIONAL, client.base_url).resources[1]
    done = []
    path = client.download_resource(resource_, tmp_path / "lieux.csv", progress=lambda d, t: done.append(d))
    assert path.read_bytes() == EXAMPLE_CSV.read_bytes() and done[-1] == EXAMPLE_CSV.stat().st_size
    result = loaders.load(path)
    assert result.counts == {"read": 1, "kept": 1, "rejected": 0}
    assert result.records[0]["geometry"]["coordinates"] == [5.41423, 43.52609]
