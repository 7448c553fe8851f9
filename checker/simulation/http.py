"""HTTP exchanges as GLPI makes them, rendered as text with the registration key redacted.

Reports get pasted in forums: a rendered exchange shows a key only as `checker.share.redact`
does (its first characters and its length), and control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..share import escape_controls, redact

SECRET_HEADERS = frozenset({"x-registration-key"})


@dataclass(frozen=True)
class Request:
    url: str
    header_lines: tuple[str, ...]  # exactly as GLPI hands them to cURL/Guzzle, "Name:value"
    client: str = "cURL"  # who sends it: GLPI's Toolbox::callCurl, or Guzzle for the marketplace
    proxy: str | None = None  # "host:port" when GLPI's proxy setting is used

    def header(self, name: str) -> str | None:
        for line in self.header_lines:
            field, _, value = line.partition(":")
            if field.strip().lower() == name.lower():
                return value.lstrip(" ")
        return None

    def render(self) -> str:
        parts = urlsplit(self.url)
        lines = [f"GET {parts.path or '/'} HTTP/1.1", f"Host: {parts.netloc}"]
        for line in self.header_lines:
            field, sep, value = line.partition(":")
            if field.strip().lower() in SECRET_HEADERS:
                spacing = value[: len(value) - len(value.lstrip(" "))]
                line = f"{field}{sep}{spacing}{redact(value.lstrip(' '))}"
            else:
                line = escape_controls(line)
            lines.append(line)
        via = f" through the proxy {self.proxy}" if self.proxy else ""
        return f"# GLPI sends ({self.client}{via}): {self.url}\n" + "\n".join(lines)


@dataclass(frozen=True)
class Response:
    status: int
    reason: str
    content_type: str
    body: str

    def render(self) -> str:
        return (f"HTTP/1.1 {self.status} {self.reason}\nContent-Type: {self.content_type}\n\n"
                f"{self.body}")


@dataclass(frozen=True)
class Exchange:
    """One request and what came back: a response, or a cURL error and no response at all."""

    request: Request
    response: Response | None = None
    curl_error: str | None = None
    answered_by: str = "the GLPI Network model (not the real server)"

    @property
    def body(self) -> str:
        """What Toolbox::callCurl returns: the body whatever the status, '' on a cURL error."""
        return self.response.body if self.response is not None else ""

    def render(self) -> str:
        if self.response is None:
            received = f"# No response: cURL error \"{self.curl_error}\""
        else:
            received = f"# Answered by {self.answered_by}:\n{self.response.render()}"
        return f"{self.request.render()}\n\n{received}"
