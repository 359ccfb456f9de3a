"""A hatchling build hook: generate the models into the wheel at build time.

In the building project's pyproject.toml::

    [build-system]
    requires = ["hatchling", "gen-models"]
    build-backend = "hatchling.build"

    [tool.hatch.build.hooks.gen-models]
    source = "docs/models"        # the docs, relative to the project
    output = "acme/models"        # where the package goes inside the wheel
    style = "dataclass"           # and any other [tool.gen-models] option

A wheel's models are generated into a temporary directory and put into the wheel at
``output``; the project's own tree is not written to. An editable install
(``pip install -e .``) imports the project's own tree, so there the models are written into
it, where ``output`` comes from (``src/acme/models`` when the wheel takes ``src/acme``), as
``gen-models`` writes them: only its own files, the rest left alone.
Registered with hatchling through the ``hatch`` entry point.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.plugin import hookimpl

from ..core.diagnostics import GenerationFailed
from ..core.options import Options
from ..core.pipeline import generate
from ..speed import runner
from . import schema
from .writing import write

# Keys hatchling itself reads in every hook's table.
_HATCH_KEYS = {
    "dependencies",
    "require-runtime-dependencies",
    "require-runtime-features",
    "enable-by-default",
}


class GenModelsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "gen-models"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # an sdist ships the docs; the wheel built from it makes the models
        config = {k: v for k, v in self.config.items() if k not in _HATCH_KEYS}
        unknown = sorted(set(config) - schema.JOB_KEYS)
        for key in ("source", "output"):
            if key not in config:
                raise ValueError(f"[tool.hatch.build.hooks.gen-models] needs {key!r}")
        if unknown:
            raise ValueError(f"[tool.hatch.build.hooks.gen-models]: unknown key {unknown[0]!r}")
        root = Path(self.root)
        try:
            options = schema.apply(config, Options(), relative_to=root)
        except schema.BadValue as exc:
            key = getattr(exc, "key", "")
            raise ValueError(
                f"[tool.hatch.build.hooks.gen-models]: {key} = {config.get(key)!r}: {exc}"
            ) from None
        try:
            plan = generate(root / config["source"], options, runner())
        except GenerationFailed as exc:
            raise ValueError("gen-models: the docs have errors:\n" + str(exc)) from None
        for diagnostic in plan.diagnostics:
            self.app.display_warning(str(diagnostic))
        if version == "editable":
            in_tree = self._source_of(config["output"])
            write(plan, in_tree)
            self.app.display_info(f"gen-models: {plan.stats.models} models into {in_tree}")
            return
        self._tmp = tempfile.mkdtemp(prefix="gen-models-build-")
        package = Path(self._tmp) / Path(config["output"]).name
        write(plan, package)
        self.app.display_info(f"gen-models: {plan.stats.models} models into {config['output']}")
        build_data["force_include"][str(package)] = config["output"]

    def _source_of(self, output: str) -> Path:
        """The project's directory that becomes ``output`` in the wheel (the reverse of
        hatchling's ``sources`` mapping: ``src/`` -> ``""`` for ``packages = ["src/acme"]``)."""
        wanted = output.strip("/") + "/"
        sources: dict[str, str] = getattr(self.build_config, "sources", {})
        for source, replacement in sources.items():
            if wanted.startswith(replacement):
                return Path(self.root) / source / wanted[len(replacement) :]
        return Path(self.root) / wanted

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_tmp", None):
            shutil.rmtree(self._tmp, ignore_errors=True)


@hookimpl
def hatch_register_build_hook() -> type[GenModelsBuildHook]:
    return GenModelsBuildHook
