"""API keys: identification by fingerprint, format rules, and reading them from settings."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pydantic import SecretStr

from services.ingest.domain.api_keys import (
    ApiKeys,
    InvalidApiKeyError,
    check_key_format,
    fingerprint,
)
from services.ingest.settings import IngestSettings, embedded_stack_write_env
from shared.errors import ConfigurationError

KEY_A = "alpha-key-0123456789"
KEY_B = "bravo-key-0123456789"


def test_a_configured_key_is_identified_by_its_fingerprint() -> None:
    keys = ApiKeys([KEY_A, KEY_B])
    assert keys.identify(KEY_B) == fingerprint(KEY_B)
    assert keys.identify(KEY_A) == fingerprint(KEY_A)


@pytest.mark.parametrize(
    "presented", [None, "", KEY_A[:-1], KEY_A + "x", KEY_A.upper(), " " + KEY_A, "\ud800"]
)
def test_anything_but_an_exact_key_is_not_identified(presented: str | None) -> None:
    assert ApiKeys([KEY_A]).identify(presented) is None


def test_fingerprint_is_a_short_sha256_prefix_that_does_not_contain_the_key() -> None:
    name = fingerprint(KEY_A)
    assert name == hashlib.sha256(KEY_A.encode()).hexdigest()[:8]
    assert name not in KEY_A and KEY_A not in name
    assert fingerprint(KEY_A) != fingerprint(KEY_B)


@pytest.mark.parametrize(
    ("key", "problem"),
    [("short-key", "shorter than 16"), ("has a space 0123456", "no spaces"), ("ключ" * 5, "ASCII")],
)
def test_unusable_keys_are_refused_by_position_without_showing_them(key: str, problem: str) -> None:
    with pytest.raises(InvalidApiKeyError) as info:
        check_key_format(key, position=3)
    assert problem in str(info.value)
    assert "#3" in str(info.value)
    assert key not in str(info.value)


def test_keys_come_from_the_comma_separated_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_API_KEYS", f" {KEY_A} ,{KEY_B},,{KEY_A}")
    settings = IngestSettings()
    assert isinstance(settings.api_keys, SecretStr)
    assert KEY_A not in repr(settings)
    assert [k.get_secret_value() for k in settings.write_api_keys()] == [KEY_A, KEY_B]


def test_keys_also_come_from_a_mounted_file(tmp_path: Path) -> None:
    keys_file = tmp_path / "api-keys"
    keys_file.write_text(f"# rotated 2024-05\n{KEY_B}\n\n{KEY_A}, {KEY_B}\n", encoding="utf-8")
    settings = IngestSettings(api_keys=SecretStr(KEY_A), api_keys_file=keys_file)
    assert [k.get_secret_value() for k in settings.write_api_keys()] == [KEY_A, KEY_B]


def test_an_unreadable_keys_file_is_a_configuration_error(tmp_path: Path) -> None:
    settings = IngestSettings(api_keys=None, api_keys_file=tmp_path / "missing")
    with pytest.raises(ConfigurationError, match="NEWSFLOW_API_KEYS_FILE"):
        settings.write_api_keys()


def test_a_weak_configured_key_is_a_configuration_error_naming_the_setting() -> None:
    settings = IngestSettings(api_keys=SecretStr(f"{KEY_A},secret"), api_keys_file=None)
    with pytest.raises(ConfigurationError) as info:
        settings.write_api_keys()
    assert "NEWSFLOW_API_KEYS: API key #2" in str(info.value)
    assert "secret" not in str(info.value)


def test_embedded_stack_runs_in_dev_mode_unless_keys_are_configured(tmp_path: Path) -> None:
    no_keys = IngestSettings(api_keys=None, api_keys_file=None)
    assert embedded_stack_write_env(no_keys) == {
        "NEWSFLOW_DEV_MODE": "true",
        "NEWSFLOW_RATE_LIMIT_PER_S": "0",
    }
    limited = IngestSettings(api_keys=None, api_keys_file=None, rate_limit_per_s=5)
    assert embedded_stack_write_env(limited) == {"NEWSFLOW_DEV_MODE": "true"}
    with_keys = IngestSettings(api_keys=SecretStr(KEY_A), api_keys_file=None)
    assert embedded_stack_write_env(with_keys) == {}
    with_file = IngestSettings(api_keys=None, api_keys_file=tmp_path / "keys")
    assert embedded_stack_write_env(with_file) == {}
