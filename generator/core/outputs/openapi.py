"""The API's schemas as one OpenAPI 3.1 document (``--style openapi``).

OUT holds ``openapi.json`` (``--document-format yaml``: ``openapi.yaml``, which needs
PyYAML, ``pip install 'gen-models[yaml]'``). ``components.schemas`` holds a schema for
every model (:mod:`.openapi_schemas` says what each becomes and how they are named);
``paths`` is empty, for the model docs do not describe operations, and ``info`` says
nothing the docs do not (a plain title, version ``0.0.0``). The first key,
``x-generated-by``, marks the file as gen-models' own (the YAML file starts with the
same words as a comment). The text (:mod:`.openapi_text`) is the same every run: the
schemas in name order, properties and enum values in doc order.

The two formats are two outputs, for their files start differently (each output has one
header): a document switched from one format to the other leaves the old file in OUT.

``--verify`` checks the written document with ``openapi-spec-validator`` (when it is
installed), then validates each doc example (in wire names) against its model's schema
with ``jsonschema`` (Draft 2020-12, formats checked, references resolved within the
document), and passes it back unchanged.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .. import ir
from ..diagnostics import GenerationFailed, InternalError, Location, error
from ..options import DocumentFormat, Options
from ..resolve import Tree
from ..resources import HEADER
from .base import FileView, FormatPython, RoundTrip
from .openapi_schemas import REF, Schemas, component_names
from .openapi_text import YAML_MISSING, compact, import_yaml, load, to_json, to_yaml

MARK = f"{HEADER} from the model docs."
"""The start of ``x-generated-by`` (and of the YAML file's first comment)."""

NOTICE = "Do not edit: change the docs and run gen-models again."

TITLE = "Models"
VERSION = "0.0.0"
"""The docs say neither what the API is called nor its version."""

_JOB = "openapi"


class DocumentView(NamedTuple):
    """Everything the document is made from: its schemas, each as compact JSON."""

    format: str
    schemas: tuple[tuple[str, str], ...]
    """(component name, its schema as JSON), in name order."""


class OpenAPIDocument:
    """The output ``--style openapi``, in one format."""

    name = "openapi"

    def __init__(self, document_format: DocumentFormat) -> None:
        self.format = document_format
        self.path = f"openapi.{document_format.value}"
        self.suffixes: tuple[str, ...] = (f".{document_format.value}",)
        self.header: bytes
        if document_format is DocumentFormat.JSON:  # the first key, its value up to the header's end
            self.header = ('{\n  "x-generated-by": ' + json.dumps(HEADER)[:-1]).encode()
        else:
            self.header = f"# {HEADER}".encode()

    def prepare(self, tree: Tree, options: Options) -> dict[str, str]:
        """Every model's component name (after making sure of PyYAML, for a YAML document)."""
        if self.format is DocumentFormat.YAML:
            import_yaml()
        return component_names(tree.models)

    def jobs(self, tree: Tree, shared: Any, options: Options) -> list[str]:
        """One document: one job."""
        return [_JOB]

    def files(self, job: str, tree: Tree, shared: dict[str, str], options: Options) -> list[FileView]:
        schemas = Schemas(tree, shared, options)
        made = sorted((shared[m.key], compact(schemas.model(m))) for m in tree.models)
        return [FileView(self.path, "", "document", DocumentView(self.format.value, tuple(made)))]

    def text(self, file: FileView, options: Options, format_python: FormatPython) -> str:
        view = file.view
        assert isinstance(view, DocumentView), view
        document = {
            "x-generated-by": f"{MARK} {NOTICE}",
            "openapi": "3.1.0",
            "info": {"title": TITLE, "version": VERSION},
            "paths": {},
            "components": {"schemas": {name: json.loads(schema) for name, schema in view.schemas}},
        }
        if view.format == DocumentFormat.YAML.value:
            return to_yaml(document, (MARK, NOTICE))
        return to_json(document)

    def warm_up(self, options: Options) -> None:
        """Nothing to get ready: there are no templates."""

    def round_trips(self, tree: Tree, options: Options, package: str) -> Callable[[ir.Model], RoundTrip]:
        """Each example validated against its model's schema in the written document (which
        is checked first), and passed back as it was."""
        try:
            jsonschema = importlib.import_module("jsonschema")
        except ImportError:
            needs = (
                "checking examples against the document needs jsonschema: pip install 'gen-models[verify]'"
            )
            raise GenerationFailed((error(Location("--verify"), needs),)) from None
        document = load(_written(package, self.path))
        check_document(document)
        names = component_names(tree.models)
        validator_class = jsonschema.Draft202012Validator
        checker = validator_class.FORMAT_CHECKER

        def round_trip(model: ir.Model) -> RoundTrip:
            schema = {"$ref": REF + names[model.key], "components": document["components"]}
            validator = validator_class(schema, format_checker=checker)

            def trip(value: Any) -> Any:
                problem = jsonschema.exceptions.best_match(validator.iter_errors(value))
                if problem is not None:
                    where = "".join(f"[{p!r}]" for p in problem.absolute_path)
                    raise ValueError(f"{problem.message:.200}" + (f" at {where}" if where else ""))
                return value

            return trip

        return round_trip

    def __repr__(self) -> str:
        return f"<output {self.name} {self.format.value}>"


OPENAPI = {f: OpenAPIDocument(f) for f in DocumentFormat}
"""The output of each document format."""


def yaml_available() -> bool:
    """PyYAML can be imported (a YAML document can be written)."""
    return importlib.util.find_spec("yaml") is not None


def check_document(document: dict[str, Any]) -> None:
    """Raise :class:`InternalError` if ``openapi-spec-validator`` (when installed) finds the
    document is not valid OpenAPI 3.1: gen-models wrote it wrong."""
    try:
        validators = importlib.import_module("openapi_spec_validator")
    except ImportError:
        return
    problem = next(iter(validators.OpenAPIV31SpecValidator(document).iter_errors()), None)
    if problem is not None:
        raise InternalError(f"the OpenAPI document is not valid: {problem.message}")


def _written(package: str, path: str) -> Path:
    """Where ``--verify`` wrote the document: in the directory ``package`` imports as."""
    spec = importlib.util.find_spec(package)
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(location) / path
        if candidate.is_file():
            return candidate
    raise InternalError(f"the written document {path} is not found in {package}")


__all__ = ["OPENAPI", "YAML_MISSING", "OpenAPIDocument", "yaml_available"]
