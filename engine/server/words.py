"""Stand-in for `tolka.i18n.translator` until the catalogues land (h-i18n): English only."""

from __future__ import annotations


class Translator:
    def __init__(self, language: str, domain: str = "tolka") -> None:
        self.language = language

    def __call__(self, message: str, /, **values: object) -> str:
        return message.format(**values) if values else message

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        return (singular if n == 1 else plural).format(n=n, **values)


def translator(language: str, domain: str = "tolka") -> Translator:
    return Translator(language, domain)
