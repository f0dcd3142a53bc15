"""Words shown to people, in Swedish, English and Norwegian. Data keys stay English everywhere."""

from __future__ import annotations

import locale
import os

STATUS = {
    "eligible": {"en": "eligible", "sv": "berättigad", "nb": "har rett"},
    "eligible_after_decision": {
        "en": "eligible after a needs-assessed decision",
        "sv": "berättigad efter behovsprövat beslut",
        "nb": "rett etter vedtak",
    },
    "eligible_after_application": {
        "en": "eligible after application",
        "sv": "berättigad efter ansökan",
        "nb": "rett etter søknad",
    },
    "not_eligible": {"en": "not eligible", "sv": "inte berättigad", "nb": "ikke rett"},
    "not_offered": {"en": "not offered here", "sv": "erbjuds inte här", "nb": "tilbys ikke her"},
    "undetermined": {"en": "undetermined", "sv": "kan inte avgöras", "nb": "kan ikke avgjøres"},
    "conflict": {"en": "conflict in the rulebook", "sv": "motstridiga regler", "nb": "motstridende regler"},
}

LEGAL_STATUS = {
    "mandated_by_law": {"en": "mandated by law", "sv": "lagstadgad rättighet", "nb": "lovfestet"},
    "mandated_by_local_reading": {
        "en": "mandated by this jurisdiction's reading",
        "sv": "obligatorisk enligt lokal tolkning",
        "nb": "obligatorisk etter lokal tolkning",
    },
    "recommended_by_national_guidance": {
        "en": "recommended by national guidance",
        "sv": "rekommenderad i nationella riktlinjer",
        "nb": "anbefalt i nasjonale retningslinjer",
    },
    "discretionary": {"en": "discretionary", "sv": "frivillig för kommunen", "nb": "skjønnsmessig"},
    "not_offered": {"en": "not offered", "sv": "erbjuds inte", "nb": "tilbys ikke"},
    None: {"en": "undetermined", "sv": "kan inte avgöras", "nb": "kan ikke avgjøres"},
}

BASIS = {
    "local": {"en": "this jurisdiction's reading", "sv": "egen tolkning", "nb": "egen tolkning"},
    "inherited": {"en": "inherited reading", "sv": "ärvd tolkning", "nb": "arvet tolkning"},
    "national_default": {"en": "national default", "sv": "nationell utgångspunkt", "nb": "nasjonalt utgangspunkt"},
    "no_national_position": {"en": "no national position", "sv": "ingen nationell hållning", "nb": "ingen nasjonal posisjon"},
}

WORDS = {
    "support": {"en": "Support", "sv": "Stöd", "nb": "Støtte"},
    "status": {"en": "Status", "sv": "Status", "nb": "Status"},
    "route": {"en": "Route", "sv": "Väg", "nb": "Vei"},
    "legal_status": {"en": "Legal status", "sv": "Rättslig status", "nb": "Rettslig status"},
    "missing": {"en": "Still unknown", "sv": "Okänt än", "nb": "Ennå ukjent"},
    "why": {"en": "Why", "sv": "Varför", "nb": "Hvorfor"},
    "readings": {"en": "Readings used", "sv": "Tolkningar som används", "nb": "Tolkninger som brukes"},
    "unverified": {"en": "unverified", "sv": "ej verifierad", "nb": "ikke verifisert"},
    "contested": {"en": "contested", "sv": "ifrågasatt", "nb": "omstridt"},
    "example": {"en": "example (anonymised study unit)", "sv": "exempel (anonymiserad studieenhet)", "nb": "eksempel (anonymisert enhet)"},
    "fingerprint": {"en": "rulebook", "sv": "regelbok", "nb": "regelbok"},
    "date": {"en": "evaluation date", "sv": "bedömningsdag", "nb": "vurderingsdato"},
    "appeal": {"en": "appeal", "sv": "överklagande", "nb": "klage"},
    "not_appealable": {"en": "cannot be appealed", "sv": "kan inte överklagas", "nb": "kan ikke påklages"},
    "decides": {"en": "decides", "sv": "beslutar", "nb": "avgjør"},
    "route_info": {"en": "Queue and priority", "sv": "Kö och prioritering", "nb": "Kø og prioritering"},
    "source": {"en": "source", "sv": "källa", "nb": "kilde"},
    "date_not_shown": {"en": "date not shown", "sv": "datum visas inte", "nb": "dato vises ikke"},
    "would_change": {"en": "What would change the answer", "sv": "Vad som skulle ändra svaret", "nb": "Hva som ville endre svaret"},
    "plan": {"en": "Action plan", "sv": "Handlingsplan", "nb": "Handlingsplan"},
    "if_eligible": {"en": "once the open questions are answered", "sv": "när de öppna frågorna är besvarade", "nb": "når de åpne spørsmålene er besvart"},
    "appealable": {"en": "the decision can be appealed", "sv": "beslutet kan överklagas", "nb": "vedtaket kan påklages"},
    "by_counterpart": {"en": "Side by side across countries, by counterpart", "sv": "Sida vid sida mellan länderna, efter motsvarighet", "nb": "Side om side mellom landene, etter motstykke"},
    "ask_person": {"en": "Still to find out from the person", "sv": "Att ta reda på med personen", "nb": "Gjenstår å finne ut med personen"},
    "ask_locally": {"en": "Still to find out about local practice (ask the municipality)", "sv": "Att ta reda på om lokal praxis (fråga kommunen)", "nb": "Gjenstår å finne ut om lokal praksis (spør kommunen)"},
}

CATEGORY = {
    "vocational": {"en": "Work", "sv": "Arbete", "nb": "Arbeid"},
    "educational": {"en": "Education", "sv": "Utbildning", "nb": "Utdanning"},
    "financial": {"en": "Money", "sv": "Ekonomi", "nb": "Økonomi"},
}

ROLE = {
    "decisive": {"en": "applies", "sv": "gäller", "nb": "gjelder"},
    "default": {"en": "applies (default)", "sv": "gäller (huvudregel)", "nb": "gjelder (hovedregel)"},
    "defeated": {"en": "overridden", "sv": "åsidosatt", "nb": "satt til side"},
    "not_applicable": {"en": "does not apply", "sv": "gäller inte", "nb": "gjelder ikke"},
    "unknown": {"en": "cannot be decided yet", "sv": "kan inte avgöras än", "nb": "kan ikke avgjøres ennå"},
    "conflicting": {"en": "in conflict", "sv": "i konflikt", "nb": "i konflikt"},
}


def word(table: dict, key, language: str) -> str:
    entry = table.get(key)
    if entry is None:
        return str(key)
    return entry.get(language) or entry["en"]


def default_language() -> str:
    """`sv` or `nb` when the locale says so, else English."""
    for name in ("TOLKA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in ("sv", "en", "nb") else "en"
    code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    return code if code in ("sv", "nb") else "en"
