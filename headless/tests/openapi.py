"""Validate a response body against the served OpenAPI document."""

import jsonschema_rs


def validator(document, path, method="get", status="200"):
    """A validator for the JSON body of one documented response."""
    operation = document["paths"][path][method]
    content = operation["responses"][status]["content"]
    schema = next(iter(content.values()))["schema"]
    return jsonschema_rs.Draft202012Validator(
        {**schema, "components": document["components"]}
    )


def errors(document, path, body, method="get", status="200"):
    return [
        f"{error.instance_path}: {error.message}"
        for error in validator(document, path, method, status).iter_errors(body)
    ]
