"""The pinned environment: one set of versions, stated consistently everywhere."""

from __future__ import annotations

import re
import tomllib

import yaml

from fazhi import paths


def _lock() -> dict[str, str]:
    pins = {}
    for line in (paths.ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: not an exact pin: {line!r}"
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[ ;]", name, maxsplit=1)[0]).lower()


def test_every_direct_dependency_is_pinned_in_the_lock():
    """Each dependency of pyproject.toml (incl. test extras) has an exact pin in the lock."""
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = project["dependencies"] + project["optional-dependencies"]["test"]
    missing = [d for d in direct if _norm(d) not in _lock()]
    assert not missing


def test_environment_yml_pins_agree_with_the_lock():
    """environment.yml installs the lock and restates the direct pins with the same versions."""
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]
    pip = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert "-r requirements.lock" in pip
    lock = _lock()
    pins = [p for p in pip if "==" in p]
    assert pins, "environment.yml lists no pins"
    for pin in pins:
        name, version = pin.split("==")
        assert lock.get(_norm(name)) == version, f"environment.yml {pin} vs lock {lock.get(_norm(name))}"


def test_environment_yml_restates_every_direct_dependency():
    """Each direct dependency of pyproject.toml appears pinned in environment.yml."""
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = {_norm(d) for d in project["dependencies"] + project["optional-dependencies"]["test"]}
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert direct - {_norm(p) for p in pip if "==" in p} == set()
