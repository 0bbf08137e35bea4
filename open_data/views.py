"""Open data without a page: dataset downloads, the DCAT catalogue, the read-only JSON API
(/api/v1/) and its OpenAPI document. Everything is public, suppressed and cacheable."""

import csv
import io
import json
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from site_core.exports import neutralise_formula
from site_core.ratelimit import over_limit

from . import figures
from .api_schema import openapi_document
from .datasets import DATASETS, LICENCE

CACHE_SECONDS = 3600


def _period(request):
    """`from`/`to` as YYYY-MM; the last twelve months when absent. None when malformed.
    A first month after the last is an empty period, not an error."""
    default_start, default_end = figures.default_period()
    raw_start, raw_end = request.GET.get("from"), request.GET.get("to")
    start = default_start if raw_start is None else figures.month_bounds(raw_start)
    end = default_end if raw_end is None else figures.month_bounds(raw_end, end=True)
    if start is None or end is None:
        return None
    return start, end


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    if status == 200:
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _bad_period():
    return _json(
        {"error": "bad_period", "detail": "Use from=YYYY-MM and to=YYYY-MM (years 2000-2999)."},
        status=400,
    )


def rate_limited(view):
    """Per-client limit (OPEN_DATA_API_RATE) on an API view, counted per view: over it, a
    JSON 429."""
    group = f"{view.__module__}.{view.__qualname__}"

    @wraps(view)
    def limited_view(request, *args, **kwargs):
        if over_limit(request, group, settings.OPEN_DATA_API_RATE):
            return _json(
                {"error": "rate_limited", "detail": "Too many requests; try again later."},
                status=429,
            )
        return view(request, *args, **kwargs)

    return limited_view


def _dataset_or_404(slug):
    dataset = DATASETS.get(slug)
    if dataset is None:
        raise Http404("No such dataset")
    return dataset


# Read-only and cookie-free: CSRF does not apply, and other methods get an honest 405.
@csrf_exempt
@require_GET
@rate_limited
def dataset_download(request, slug, extension):
    dataset = _dataset_or_404(slug)
    period = _period(request)
    if period is None:
        return _bad_period()
    with translation.override(settings.LANGUAGE_CODE):
        rows = dataset.rows(*period)
        metadata = dataset.metadata(*period)
    if extension == "json":
        response = _json({"metadata": metadata, "data": rows})
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=dataset.columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    key: "" if value is None else neutralise_formula(value)
                    for key, value in row.items()
                }
            )
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Content-Disposition"] = f'attachment; filename="{slug}.{extension}"'
    return response


def _absolute(request, path):
    return request.build_absolute_uri(path)


@csrf_exempt
@require_GET
def catalog(request):
    """DCAT (JSON-LD) catalogue, which CKAN's DCAT harvester (data.go.id) reads."""
    start, end = figures.default_period()
    datasets = []
    for slug, dataset in DATASETS.items():
        with translation.override(settings.LANGUAGE_CODE):
            metadata = dataset.metadata(start, end)
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dct:title": f"{metadata['title']} ({extension.upper()})",
                "dcat:downloadURL": _absolute(
                    request, reverse("open_data:download", args=[slug, extension])
                ),
                "dcat:mediaType": media_type,
                "dct:format": extension.upper(),
                "dct:license": LICENCE["url"],
            }
            for extension, media_type in (("csv", "text/csv"), ("json", "application/json"))
        ]
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "dct:identifier": slug,
                "dct:title": metadata["title"],
                "dct:description": metadata["description"],
                "dct:publisher": {"@type": "foaf:Organization", "foaf:name": metadata["publisher"]},
                "dcat:contactPoint": {
                    "@type": "vcard:Organization",
                    "vcard:fn": metadata["publisher"],
                    "vcard:hasEmail": f"mailto:{metadata['contact_email']}",
                },
                "dct:license": LICENCE["url"],
                "dct:accrualPeriodicity": metadata["update_frequency"],
                "dct:modified": metadata["modified"],
                "dct:temporal": {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": metadata["period"]["start"],
                    "dcat:endDate": metadata["period"]["end"],
                },
                "dct:spatial": f"Kemendagri:{metadata['region_code']}",
                "dct:language": "id",
                "dcat:keyword": ["LAPOR", "pengaduan", "Banjarbaru", "Satu Data"],
                "dcat:distribution": distributions,
            }
        )
    return _json(
        {
            "@context": {
                "dcat": "http://www.w3.org/ns/dcat#",
                "dct": "http://purl.org/dc/terms/",
                "foaf": "http://xmlns.com/foaf/0.1/",
                "vcard": "http://www.w3.org/2006/vcard/ns#",
            },
            "@id": _absolute(request, reverse("open_data:catalog")),
            "@type": "dcat:Catalog",
            "dct:title": str(settings.OPEN_DATA_PUBLISHER),
            "dct:publisher": {
                "@type": "foaf:Organization",
                "foaf:name": str(settings.OPEN_DATA_PUBLISHER),
            },
            "dct:license": LICENCE["url"],
            "dcat:dataset": datasets,
        }
    )


# Read-only and cookie-free: CSRF does not apply, and other methods get an honest 405.
@csrf_exempt
@require_GET
@rate_limited
def api_datasets(request):
    start, end = figures.default_period()
    with translation.override(settings.LANGUAGE_CODE):
        return _json(
            {
                "datasets": [
                    {
                        **dataset.metadata(start, end),
                        "url": _absolute(request, reverse("open_data:api_dataset", args=[slug])),
                    }
                    for slug, dataset in DATASETS.items()
                ]
            }
        )


# Read-only and cookie-free: CSRF does not apply, and other methods get an honest 405.
@csrf_exempt
@require_GET
@rate_limited
def api_dataset(request, slug):
    dataset = DATASETS.get(slug)
    if dataset is None:
        return _json({"error": "not_found", "detail": "No such dataset."}, status=404)
    period = _period(request)
    if period is None:
        return _bad_period()
    with translation.override(settings.LANGUAGE_CODE):
        return _json({"metadata": dataset.metadata(*period), "data": dataset.rows(*period)})


@csrf_exempt
@require_GET
def api_schema(request):
    response = HttpResponse(
        json.dumps(openapi_document(_absolute(request, "/api/v1")), ensure_ascii=False),
        content_type="application/json",
    )
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
