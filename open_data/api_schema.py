"""The OpenAPI 3.1 document of /api/v1/: written by hand, checked by a validator and by a
schema-driven test that calls every operation with generated input."""

from .datasets import DATASETS

MONTH = {"type": "string", "pattern": r"^2\d{3}-(0[1-9]|1[0-2])$", "examples": ["2026-01"]}
ERROR = {
    "type": "object",
    "required": ["error", "detail"],
    "properties": {"error": {"type": "string"}, "detail": {"type": "string"}},
}
METADATA = {
    "type": "object",
    "required": [
        "identifier",
        "title",
        "description",
        "publisher",
        "licence",
        "period",
        "update_frequency",
        "region_code",
        "columns",
    ],
    "properties": {
        "identifier": {"type": "string"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "publisher": {"type": "string"},
        "contact_email": {"type": "string"},
        "licence": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
        },
        "period": {
            "type": "object",
            "properties": {"start": {"type": "string"}, "end": {"type": "string"}},
        },
        "update_frequency": {"type": "string"},
        "region_code": {"type": "string"},
        "modified": {"type": "string"},
        "columns": {"type": "array", "items": {"type": "string"}},
        "suppression": {"type": "string"},
        "region_codes": {
            "type": "array",
            "description": "Kemendagri codes of the kecamatan or kelurahan the rows name",
            "items": {
                "type": "object",
                "required": ["code", "name"],
                "properties": {
                    "code": {"type": "string"},
                    "name": {"type": "string"},
                    "kecamatan_code": {"type": "string"},
                },
            },
        },
    },
}


def _error(description):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def openapi_document(server_url):
    period = [
        {
            "name": "from",
            "in": "query",
            "required": False,
            "schema": MONTH,
            "description": "First month (YYYY-MM); default: eleven months ago.",
        },
        {
            "name": "to",
            "in": "query",
            "required": False,
            "schema": MONTH,
            "description": "Last month (YYYY-MM); default: this month.",
        },
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "LAPOR! Banjarbaru open data API",
            "version": "1.0.0",
            "description": (
                "Read-only aggregate statistics of complaint handling and outreach in "
                "Banjarbaru, licensed CC BY 4.0. Counts from 1 to 4 are published as null "
                "so that no figure identifies a person."
            ),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/datasets/": {
                "get": {
                    "operationId": "listDatasets",
                    "summary": "Every dataset with its metadata",
                    "responses": {
                        "200": {
                            "description": "The datasets",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["datasets"],
                                        "properties": {
                                            "datasets": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Metadata"},
                                            }
                                        },
                                    }
                                }
                            },
                        },
                        "429": _error("Too many requests"),
                    },
                }
            },
            "/datasets/{slug}/": {
                "get": {
                    "operationId": "getDataset",
                    "summary": "One dataset's metadata and rows for a period",
                    "parameters": [
                        {
                            "name": "slug",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": sorted(DATASETS)},
                        },
                        *period,
                    ],
                    "responses": {
                        "200": {
                            "description": "Metadata and rows",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["metadata", "data"],
                                        "properties": {
                                            "metadata": {"$ref": "#/components/schemas/Metadata"},
                                            "data": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "additionalProperties": {
                                                        "type": [
                                                            "string",
                                                            "integer",
                                                            "number",
                                                            "null",
                                                        ]
                                                    },
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": _error("A malformed period"),
                        "404": _error("No such dataset"),
                        "429": _error("Too many requests"),
                    },
                }
            },
        },
        "components": {"schemas": {"Error": ERROR, "Metadata": METADATA}},
    }
