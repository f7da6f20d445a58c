"""The spaCy pipeline in use: an explicitly requested one, else the shipped one.

    loaded = load_pipeline(settings.model)      # None -> shipped pipeline
    loaded.nlp(text); loaded.info; loaded.warning

``requested`` is what came from ``--model`` / ``READER_MODEL``: an installed spaCy
package name (``de_core_news_lg``) or a path to a pipeline folder (the output of
``nlp.to_disk``).  With ``fallback=True`` a requested model that is missing or
broken yields the shipped pipeline plus a one-line ``warning``; with
``fallback=False`` it raises :class:`ModelError` with a one-line message.

A requested pipeline that has an ``ner`` component but no document-consistency
step gets reader's ``reader_doc_consistency`` appended (with the shipped common-
noun list): it only adds labels at further occurrences of names the model
already found in the same document, whatever its label set, and it is the
largest single gain measured on whole articles (see the model card).  The
appended step is listed in ``info.components`` and changes the fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language

from reader.nlp.identity import SHIPPED_NAME, PipelineInfo, folder_fingerprint, shipped_model_path

from . import components  # noqa: F401 - importing registers the custom factories before spacy.load
from .components.doc_consistency import DocConsistency

CONSISTENCY = "reader_doc_consistency"


@dataclass
class LoadedPipeline:
    nlp: Language
    info: PipelineInfo
    warning: str | None


class ModelError(Exception):
    """A pipeline could not be loaded; the message is one line."""


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0].strip() if text else type(exc).__name__
    line = line.replace("\x1b[", "")
    return line[:300]


def _pipeline_path(nlp: Language) -> Path | None:
    path = getattr(nlp, "_path", None)
    return Path(path) if path else None


def fingerprint(nlp: Language, path: Path | None = None) -> str:
    """Short hash of the pipeline's files (meta, config, weights) and of its
    component list; stable across processes and copies of the same files."""
    path = path or _pipeline_path(nlp)
    if path is not None and path.is_dir():
        return folder_fingerprint(path, list(nlp.pipe_names))
    digest = hashlib.blake2b(digest_size=8)  # built in memory: config and weights
    digest.update(nlp.config.to_str().encode())
    digest.update(nlp.to_bytes(exclude=["vocab"]))
    digest.update(json.dumps(nlp.pipe_names).encode())
    return digest.hexdigest()


_ENTITY_FACTORIES = {"ner", "beam_ner", "entity_ruler", "span_ruler", "reader_gazetteer", "reader_person_names"}


def _labels(nlp: Language) -> list[str]:
    """Entity labels the pipeline can produce."""
    labels: set[str] = set()
    for name, pipe in nlp.pipeline:
        if nlp.get_pipe_meta(name).factory in _ENTITY_FACTORIES:
            labels |= set(getattr(pipe, "labels", ()))  # a component may have no labels
    return sorted(labels)


def pipeline_info(nlp: Language, *, source: str) -> PipelineInfo:
    meta = nlp.meta or {}
    path = _pipeline_path(nlp)
    return PipelineInfo(
        name=str(meta.get("name", "unnamed")),
        version=str(meta.get("version", "0.0.0")),
        path=str(path) if path else "",
        labels=_labels(nlp),
        components=list(nlp.pipe_names),
        fingerprint=fingerprint(nlp, path),
        source=source,
    )


def _load_shipped() -> Language:
    path = shipped_model_path()
    if not (path / "config.cfg").exists():
        raise ModelError(f"the shipped pipeline is missing at {path} (rebuild it with `make model`)")
    try:
        return spacy.load(path)
    except Exception as exc:  # any failure is reported in one line
        raise ModelError(f"the shipped pipeline at {path} could not be loaded: {_one_line(exc)}") from exc


def _is_installed_package(name: str) -> bool:
    try:
        return spacy.util.is_package(name)
    except Exception:  # noqa: BLE001 - a broken installed distribution can raise anything: not usable, then
        return False


def _load_requested(requested: str) -> Language:
    if requested == SHIPPED_NAME:  # the shipped pipeline asked for by its name
        return _load_shipped()
    candidate = Path(requested).expanduser()
    looks_like_path = candidate.exists() or "/" in requested or requested.startswith(".")
    if looks_like_path:
        if not candidate.exists():
            raise ModelError(f"model path {requested!r} does not exist")
        if candidate.is_dir() and not (candidate / "config.cfg").exists():
            raise ModelError(f"model path {requested!r} is not a spaCy pipeline folder (no config.cfg)")
        if not candidate.is_dir():
            raise ModelError(f"model path {requested!r} is not a folder")
    elif not _is_installed_package(requested):
        raise ModelError(f"model {requested!r} is not installed (no spaCy package or pipeline folder by that name)")
    try:
        nlp = spacy.load(candidate if looks_like_path else requested)
    except ModelError:
        raise
    except Exception as exc:  # any failure is reported in one line
        raise ModelError(f"model {requested!r} could not be loaded: {_one_line(exc)}") from exc
    return nlp


def add_consistency(nlp: Language) -> bool:
    """Append reader's doc-consistency step to a foreign pipeline with NER; the
    common-noun filter comes from the shipped pipeline when it is there."""
    if not any(nlp.get_pipe_meta(n).factory in _ENTITY_FACTORIES for n in nlp.pipe_names):
        return False
    if any(nlp.get_pipe_meta(n).factory == CONSISTENCY for n in nlp.pipe_names):
        return False
    pipe = cast(DocConsistency, nlp.add_pipe(CONSISTENCY, name="doc_consistency", last=True))
    data = shipped_model_path() / "doc_consistency"
    if data.is_dir():
        pipe.from_disk(data)
    return True


def load_pipeline(requested: str | None = None, *, fallback: bool = True) -> LoadedPipeline:
    """Load the requested pipeline (package name or path), else the shipped one."""
    requested = (requested or "").strip() or None
    if requested is not None:
        try:
            nlp = _load_requested(requested)
        except ModelError as exc:
            if not fallback:
                raise
            nlp = _load_shipped()
            info = pipeline_info(nlp, source="shipped")
            reason = str(exc)
            return LoadedPipeline(
                nlp=nlp,
                info=info,
                warning=f"{reason}; using the shipped pipeline {info.name} {info.version}",
            )
        path = _pipeline_path(nlp)
        add_consistency(nlp)
        # keep the source folder for info/fingerprint; spaCy's Language.__init__ sets _path = None unannotated
        nlp._path = path  # type: ignore[assignment]
        return LoadedPipeline(nlp=nlp, info=pipeline_info(nlp, source="requested"), warning=None)
    nlp = _load_shipped()
    return LoadedPipeline(nlp=nlp, info=pipeline_info(nlp, source="shipped"), warning=None)
