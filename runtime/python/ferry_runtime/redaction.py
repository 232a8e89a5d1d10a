"""Keeping secret parameter values out of task logs.

Values of secret-looking parameters are registered with Airflow's secrets masker (which redacts
them wherever Airflow's log pipeline masks) and also replaced by `***` in every line Ferry logs
itself, including a child process's output: `dag.test()` and some log setups do not mask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ferry_runtime._airflow import mask_secret

# Parameter names whose values are secrets (Airflow's own sensitive-field list, plus a few).
SENSITIVE_NAME_PARTS: Final = (
    "access_token",
    "api_key",
    "apikey",
    "authorization",
    "credential",
    "passphrase",
    "passwd",
    "password",
    "private_key",
    "secret",
    "token",
)
MASK: Final = "***"


def is_sensitive(name: str) -> bool:
    lowered = name.lower()
    return any(part in lowered for part in SENSITIVE_NAME_PARTS)


@dataclass(frozen=True)
class Redactor:
    secrets: tuple[str, ...]

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text


def secrets_of(params: Mapping[str, object]) -> Redactor:
    """A redactor for the secret-looking parameters' values, also registered with Airflow."""
    secrets = sorted(
        {str(value) for name, value in params.items() if is_sensitive(name) and value},
        key=len,
        reverse=True,  # longest first, so a secret containing another is masked whole
    )
    for secret in secrets:
        mask_secret(secret)
    return Redactor(tuple(secrets))
