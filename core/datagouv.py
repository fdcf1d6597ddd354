"""data.gouv.fr catalogue client (API v1, anonymous reads).

* :meth:`DataGouvClient.search_datasets` — ``GET /api/1/datasets/`` with
  ``q``, ``organization`` (ObjectId), ``tag``, ``schema``…, following
  ``next_page`` up to ``max_results`` datasets;
* :meth:`DataGouvClient.dataset` — one dataset and its resources;
* :func:`stable_resource_url` — ``/api/1/datasets/r/{rid}``, the permanent
  link that redirects to the current file;
* :meth:`DataGouvClient.lieux_mediation_csv` — the national "lieux de
  médiation numérique" CSV, resolved at run time through its schema
  ``LaMednum/standard-mediation-num`` (never a hard-coded slug).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from .errors import DataError, InputError
from .http import (
    HttpClient,
    HttpStatusError,
    MalformedResponseError,
    PageGuard,
    cancel_check,
    host_of,
    raise_if_canceled,
)
from .i18n import tr

API_PATH = "/api/1"
LIEUX_SCHEMA = "LaMednum/standard-mediation-num"
LIEUX_ORGANIZATION = "cartographie-nationale-des-lieux-de-mediation-numerique"
LIEUX_NATIONAL_TITLE = "territoire national"
LIEUX_CONSOLIDATED_SOURCE = "fournis par la cartographie nationale"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
FRANCE_SERVICES_QUERY = "France Services"
ANCT_ORGANIZATION = "agence-nationale-de-la-cohesion-des-territoires"
DATAGOUV_HOSTS = ("www.data.gouv.fr", "data.gouv.fr", "demo.data.gouv.fr")
UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
OBJECT_ID = re.compile(r"[0-9a-fA-F]{24}")
_RESOURCE_PATHS = (
    re.compile(r"/datasets/r/(" + UUID_PATTERN + r")(?:/|$)"),
    re.compile(r"/resources/(" + UUID_PATTERN + r")(?:/|$)"),
)


def parse_date(value):
    """An ISO 8601 date of the API as an aware datetime (UTC if naive), or None."""
    if not value:
        return None
    try:
        date = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return date if date.tzinfo else date.replace(tzinfo=timezone.utc)


def _plain(text):
    """Lower-case text without accents, for tolerant title matching."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def resource_id_of(reference, base_url=None):
    """The resource UUID designated by ``reference``, or None for any other URL.

    ``reference``: a bare resource id, a data.gouv.fr permanent link
    (``…/datasets/r/{rid}``, ``/fr/`` or ``/api/1/`` form) or an API URL of
    the resource (``…/datasets/{id}/resources/{rid}/``,
    ``/api/2/datasets/resources/{rid}/``), on data.gouv.fr or on
    ``base_url`` (the configured catalogue).
    """
    text = str(reference or "").strip()
    if re.fullmatch(UUID_PATTERN, text):
        return text.lower()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        return None
    hosts = set(DATAGOUV_HOSTS)
    if base_url:
        hosts.add(urlsplit(base_url).netloc.lower())
    if parts.netloc.lower() not in hosts and (parts.hostname or "") not in DATAGOUV_HOSTS:
        return None
    for pattern in _RESOURCE_PATHS:
        match = pattern.search(parts.path)
        if match:
            return match.group(1).lower()
    return None


def france_services_score(dataset):
    """How surely ``dataset`` is the ANCT list of France Services (0–5).

    The list is titled like "Liste des structures France Services"; the
    per-source lieux datasets "… fournis par France Services" (lieux schema)
    are not it.
    """
    title = _plain(dataset.title)
    if "france services" not in title or "mediation numerique" in title or "fournis par" in title:
        return 0
    score = 2
    if "liste" in title or "structures" in title:
        score += 2
    if dataset.organization == ANCT_ORGANIZATION:
        score += 1
    return score


def _text(value, default=""):
    """A text field of the API, or ``default`` when the server sent something else (a list, an object)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return default


def _object(value):
    return value if isinstance(value, dict) else {}


def stable_resource_url(base_url, resource_id):
    """Permanent download link of a resource: ``{base}/api/1/datasets/r/{rid}``."""
    return "{}{}/datasets/r/{}".format(base_url.rstrip("/"), API_PATH, resource_id)


@dataclass
class Resource:
    """A file of a dataset."""

    id: str
    title: str
    format: str
    url: str
    stable_url: str
    type: str = "main"
    filesize: int = None
    mime: str = None
    last_modified: datetime = None
    schema: str = None
    schema_version: str = None
    checksum: dict = None

    @classmethod
    def from_api(cls, data, base_url):
        """From the API's object; fields of the wrong type are left empty (never a traceback)."""
        data = _object(data)
        schema = _object(data.get("schema"))
        filesize = data.get("filesize")
        return cls(
            id=_text(data.get("id")),
            title=_text(data.get("title")),
            format=_text(data.get("format")).lower(),
            url=_text(data.get("url")) or _text(data.get("latest")),
            stable_url=stable_resource_url(base_url, _text(data.get("id"))),
            type=_text(data.get("type")) or "main",
            filesize=filesize if isinstance(filesize, int) and not isinstance(filesize, bool) else None,
            mime=_text(data.get("mime"), None),
            last_modified=parse_date(_text(data.get("last_modified")) or _text(data.get("created_at"))),
            schema=_text(schema.get("name"), None),
            schema_version=_text(schema.get("version"), None),
            checksum=data.get("checksum") if isinstance(data.get("checksum"), dict) else None,
        )

    def is_csv(self):
        path = urlsplit(self.url).path.lower()
        return self.format == "csv" or (self.mime or "").lower() == "text/csv" or path.endswith(".csv")


@dataclass
class Dataset:
    """A catalogue entry and its resources."""

    id: str
    slug: str
    title: str
    page: str = ""
    organization: str = None
    organization_id: str = None
    last_update: datetime = None
    license: str = None
    frequency: str = None
    tags: list = field(default_factory=list)
    resources: list = field(default_factory=list)

    @classmethod
    def from_api(cls, data, base_url):
        """From the API's object; fields of the wrong type are left empty (never a traceback)."""
        data = _object(data)
        organization = _object(data.get("organization"))
        resources, tags = data.get("resources"), data.get("tags")
        return cls(
            id=_text(data.get("id")),
            slug=_text(data.get("slug")),
            title=_text(data.get("title")),
            page=_text(data.get("page")),
            organization=_text(organization.get("slug"), None),
            organization_id=_text(organization.get("id"), None),
            last_update=parse_date(_text(data.get("last_update")) or _text(data.get("last_modified"))),
            license=_text(data.get("license"), None),
            frequency=_text(data.get("frequency"), None),
            tags=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
            resources=[Resource.from_api(r, base_url) for r in resources if isinstance(r, dict)]
            if isinstance(resources, list)
            else [],
        )


def latest_main_csv(dataset, schema=None):
    """The most recently modified main CSV resource of ``dataset``, or None.

    With ``schema``, resources declaring that schema come first.
    """
    candidates = [r for r in dataset.resources if r.type == "main" and r.is_csv()]
    if not candidates:
        return None

    def rank(resource):
        return (schema is not None and resource.schema == schema, resource.last_modified or _EPOCH)

    return max(candidates, key=rank)


def national_lieux_score(dataset):
    """How surely ``dataset`` is the consolidated national lieux dataset (0–7).

    Titles made by the national pipeline read "Lieux de médiation numérique
    sur le territoire National fournis par La Cartographie Nationale";
    per-source datasets say "fournis par France Services" etc.
    """
    title = _plain(dataset.title)
    score = 0
    if LIEUX_NATIONAL_TITLE in title:
        score += 2
    if LIEUX_CONSOLIDATED_SOURCE in title:
        score += 4
    if dataset.organization == LIEUX_ORGANIZATION:
        score += 1
    return score


class DataGouvClient:
    """Reads the data.gouv.fr catalogue through the shared :class:`HttpClient`."""

    def __init__(self, http=None, base_url=None):
        self.http = http or HttpClient()
        self.base_url = (base_url or self.http.settings.datagouv_url).rstrip("/")

    @property
    def api_url(self):
        return self.base_url + API_PATH

    def resource_url(self, resource_id):
        return stable_resource_url(self.base_url, resource_id)

    # -- paging ------------------------------------------------------------
    def iter_pages(self, url, params=None, max_results=None, is_canceled=None):
        """Yield the items (dicts) of a paginated list, following ``next_page``.

        An empty page ends the listing (whatever its ``next_page``); a page
        whose items were all seen before, or more pages than the
        ``max_pages`` setting, is a :class:`~.http.PagingError`.
        """
        check = cancel_check(is_canceled)
        count, seen = 0, set()
        guard = PageGuard(url, tr("catalogue results"), self.http.settings.max_pages)
        while isinstance(url, str) and url and url not in seen:
            raise_if_canceled(check)
            seen.add(url)
            page = self.http.get_json(url, params=params, is_canceled=check)
            if not _is_page(page):
                self.http.forget("GET", url, params)
                raise _unexpected(url, tr("a list page"))
            items = page["data"]
            if not items:
                return
            guard.page(item.get("id") for item in items)
            for item in items:
                yield item
                count += 1
                if max_results is not None and count >= max_results:
                    return
            url, params = page.get("next_page"), None

    # -- catalogue ---------------------------------------------------------
    def search_datasets(
        self,
        q=None,
        *,
        organization=None,
        tag=None,
        schema=None,
        sort=None,
        page_size=50,
        max_results=100,
        is_canceled=None,
        **filters,
    ):
        """Datasets matching the filters (AND-ed), at most ``max_results``.

        ``organization`` must be the organisation's id (the API refuses a
        slug); ``tag`` may be a list (all required). Other API filters
        (``format``, ``geozone``, ``badge``…) pass through ``filters``.
        """
        params = {"q": q, "organization": organization, "tag": tag, "schema": schema, "sort": sort}
        params.update(filters)
        params = {k: v for k, v in params.items() if v not in (None, "", [])}
        params["page_size"] = max(1, min(page_size, max_results or page_size))
        items = self.iter_pages(self.api_url + "/datasets/", params, max_results, is_canceled)
        return [Dataset.from_api(item, self.base_url) for item in items]

    def dataset(self, id_or_slug, is_canceled=None):
        """One dataset with its resources (``GET /api/1/datasets/{id}/``)."""
        url = "{}/datasets/{}/".format(self.api_url, id_or_slug)
        data = self.http.get_json(url, is_canceled=is_canceled)
        if not isinstance(data, dict) or "id" not in data:
            self.http.forget("GET", url)
            raise _unexpected(url, tr("a dataset"))
        return Dataset.from_api(data, self.base_url)

    # -- the national lieux de médiation numérique dataset ---------------------
    def find_lieux_mediation_dataset(self, max_results=200, is_canceled=None):
        """The consolidated national dataset of lieux de médiation numérique.

        Every dataset declaring the schema is listed, the one whose title
        says "territoire National fournis par La Cartographie Nationale" is
        kept (most recently updated first on ties).
        """
        datasets = self.search_datasets(
            schema=LIEUX_SCHEMA,
            sort="-last_update",
            page_size=100,
            max_results=max_results,
            is_canceled=is_canceled,
        )
        ranked = [d for d in datasets if national_lieux_score(d) >= 2]
        if not ranked:
            raise DataError(
                tr(
                    "No national dataset of lieux de médiation numérique was found on {host} among the "
                    "{count} datasets using the schema {schema}. The catalogue may have changed: "
                    "load a downloaded file instead."
                ).format(host=host_of(self.base_url), count=len(datasets), schema=LIEUX_SCHEMA)
            )
        return max(ranked, key=lambda d: (national_lieux_score(d), d.last_update or _EPOCH))

    def lieux_mediation_csv(self, is_canceled=None):
        """(dataset, resource) of the current national lieux CSV."""
        dataset = self.find_lieux_mediation_dataset(is_canceled=is_canceled)
        resource = latest_main_csv(dataset, LIEUX_SCHEMA)
        if resource is None:
            dataset = self.dataset(dataset.id, is_canceled=is_canceled)
            resource = latest_main_csv(dataset, LIEUX_SCHEMA)
        if resource is None:
            raise DataError(
                tr(
                    'The dataset "{title}" has no CSV file at the moment. Try again later or load a file.'
                ).format(title=dataset.title)
            )
        return dataset, resource

    # -- the ANCT list of France Services ---------------------------------------
    def find_france_services_dataset(self, max_results=50, is_canceled=None):
        """The ANCT dataset listing the France Services, found by a search.

        Datasets titled like "Liste des structures France Services" win,
        the ANCT's first; the per-source lieux datasets are left out.
        """
        datasets = self.search_datasets(
            FRANCE_SERVICES_QUERY, page_size=max_results, max_results=max_results, is_canceled=is_canceled
        )
        ranked = [d for d in datasets if france_services_score(d) > 0]
        if not ranked:
            raise DataError(
                tr(
                    "No dataset listing the France Services was found on {host} (search \"{query}\"). "
                    "The catalogue may have changed: load a downloaded file instead."
                ).format(host=host_of(self.base_url), query=FRANCE_SERVICES_QUERY)
            )
        return max(ranked, key=lambda d: (france_services_score(d), d.last_update or _EPOCH))

    def france_services_csv(self, is_canceled=None):
        """(dataset, resource) of the current France Services CSV (``;``-separated)."""
        dataset = self.find_france_services_dataset(is_canceled=is_canceled)
        resource = latest_main_csv(dataset)
        if resource is None:
            dataset = self.dataset(dataset.id, is_canceled=is_canceled)
            resource = latest_main_csv(dataset)
        if resource is None:
            raise DataError(
                tr(
                    'The dataset "{title}" has no CSV file at the moment. Try again later or load a file.'
                ).format(title=dataset.title)
            )
        return dataset, resource

    # -- organisations and single resources -------------------------------------
    def organization_id(self, slug_or_id, is_canceled=None):
        """The id of an organisation given by its id or its slug (the search needs the id)."""
        text = str(slug_or_id or "").strip()
        if OBJECT_ID.fullmatch(text):
            return text.lower()
        url = "{}/organizations/{}/".format(self.api_url, text)
        try:
            data = self.http.get_json(url, is_canceled=is_canceled)
        except HttpStatusError as error:
            if error.status in (404, 410):
                raise InputError(
                    tr("No organisation \"{name}\" on {host}: give its identifier or the last part "
                       "of the address of its page.").format(name=text, host=host_of(self.base_url))
                ) from None
            raise
        if not isinstance(data, dict) or not data.get("id"):
            self.http.forget("GET", url)
            raise _unexpected(url, tr("an organisation"))
        return data["id"]

    def resource(self, resource_id, is_canceled=None):
        """One resource and the id of its dataset (``GET /api/2/datasets/resources/{rid}/``).

        Returns ``(resource, dataset_id)``.
        """
        url = "{}/api/2/datasets/resources/{}/".format(self.base_url, resource_id)
        try:
            data = self.http.get_json(url, is_canceled=is_canceled)
        except HttpStatusError as error:
            if error.status in (404, 410):
                raise InputError(
                    tr("No resource {rid} on {host}: the file may have been deleted or replaced. "
                       "Search the catalogue again for its current identifier.").format(
                        rid=resource_id, host=host_of(self.base_url))
                ) from None
            raise
        item = data.get("resource") if isinstance(data, dict) else None
        if not isinstance(item, dict) or not item.get("id"):
            self.http.forget("GET", url)
            raise _unexpected(url, tr("a resource"))
        return Resource.from_api(item, self.base_url), data.get("dataset_id")

    def download_resource(self, resource, dest, progress=None, is_canceled=None):
        """Download ``resource`` through its stable link to ``dest``."""
        return self.http.download(resource.stable_url, dest, progress=progress, is_canceled=is_canceled)


def _is_page(page):
    return (
        isinstance(page, dict)
        and isinstance(page.get("data"), list)
        and all(isinstance(item, dict) for item in page["data"])
    )


def _unexpected(url, what):
    return MalformedResponseError(
        tr("The server {host} did not answer with {what} as expected. The API may have changed.").format(
            host=host_of(url), what=what
        ),
        url,
    )
