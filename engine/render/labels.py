"""Words shown to people, in Swedish, English and Norwegian. Data keys stay English everywhere."""

from __future__ import annotations

import locale
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tolka.rulebook import Rulebook

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
    "not_eligible_as_a_rule": {
        "en": "not eligible as a rule — an individual assessment can grant it",
        "sv": "som huvudregel inte berättigad – en individuell prövning kan ge rätt",
        "nb": "som hovedregel ikke rett – en individuell vurdering kan gi rett",
    },
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
    "no_national_position": {
        "en": "no national position",
        "sv": "ingen nationell hållning",
        "nb": "ingen nasjonal posisjon",
    },
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
    "stale": {
        "en": "source over 5 years old",
        "sv": "källan är över 5 år gammal",
        "nb": "kilden er over 5 år gammel",
    },
    "example": {
        "en": "example (anonymised study unit)",
        "sv": "exempel (anonymiserad studieenhet)",
        "nb": "eksempel (anonymisert enhet)",
    },
    "fingerprint": {"en": "rulebook", "sv": "regelbok", "nb": "regelbok"},
    "date": {"en": "evaluation date", "sv": "bedömningsdag", "nb": "vurderingsdato"},
    "appeal": {"en": "appeal", "sv": "överklagande", "nb": "klage"},
    "not_appealable": {"en": "cannot be appealed", "sv": "kan inte överklagas", "nb": "kan ikke påklages"},
    "decides": {"en": "decides", "sv": "beslutar", "nb": "avgjør"},
    "route_info": {"en": "Queue and priority", "sv": "Kö och prioritering", "nb": "Kø og prioritering"},
    "source": {"en": "source", "sv": "källa", "nb": "kilde"},
    "date_not_shown": {"en": "date not shown", "sv": "datum visas inte", "nb": "dato vises ikke"},
    "would_change": {
        "en": "What would change the answer",
        "sv": "Vad som skulle ändra svaret",
        "nb": "Hva som ville endre svaret",
    },
    "plan": {"en": "Action plan", "sv": "Handlingsplan", "nb": "Handlingsplan"},
    "if_eligible": {
        "en": "once the open questions are answered",
        "sv": "när de öppna frågorna är besvarade",
        "nb": "når de åpne spørsmålene er besvart",
    },
    "appealable": {
        "en": "the decision can be appealed",
        "sv": "beslutet kan överklagas",
        "nb": "vedtaket kan påklages",
    },
    "by_counterpart": {
        "en": "Side by side across countries, by counterpart",
        "sv": "Sida vid sida mellan länderna, efter motsvarighet",
        "nb": "Side om side mellom landene, etter motstykke",
    },
    "ask_person": {
        "en": "Still to find out from the person",
        "sv": "Att ta reda på med personen",
        "nb": "Gjenstår å finne ut med personen",
    },
    "in_place": {"en": "in", "sv": "i", "nb": "i"},
    "assessment_when": {
        "en": "An individual assessment can grant it when {when}",
        "sv": "En individuell prövning kan ge rätt när {when}",
        "nb": "En individuell vurdering kan gi rett når {when}",
    },
    "supporting_facts": {
        "en": "Facts that would support an exception",
        "sv": "Omständigheter som talar för ett undantag",
        "nb": "Forhold som taler for et unntak",
    },
    "not_known_yet": {"en": "not known yet", "sv": "inte känt än", "nb": "ikke kjent ennå"},
    "supported_true": {
        "en": "The facts given are grounds the law or the reading names for an exception.",
        "sv": "De uppgifter som lämnats är skäl som lagen eller tolkningen nämner för ett undantag.",
        "nb": "Opplysningene som er gitt, er grunner loven eller tolkningen nevner for et unntak.",
    },
    "supported_false": {
        "en": (
            "None of the grounds named is shown by the facts given; the assessment can still weigh other circumstances."
        ),
        "sv": "Inget av de nämnda skälen framgår av uppgifterna; prövningen kan ändå väga in andra omständigheter.",
        "nb": (
            "Ingen av de nevnte grunnene framgår av opplysningene; vurderingen kan likevel legge vekt på andre forhold."
        ),
    },
    "supported_unknown": {
        "en": "Whether the facts support an exception is not known yet: find out the facts above.",
        "sv": "Om omständigheterna talar för ett undantag är inte känt än: ta reda på uppgifterna ovan.",
        "nb": "Om forholdene taler for et unntak, er ikke kjent ennå: finn ut opplysningene over.",
    },
    "ask_assessment": {
        "en": "Ask for an individual assessment",
        "sv": "Begär en individuell prövning",
        "nb": "Be om en individuell vurdering",
    },
    "still_possible": {"en": "Still possible", "sv": "Fortfarande möjligt", "nb": "Fortsatt mulig"},
    "never_mandated_by_law": {
        "en": "not mandated by law in any case",
        "sv": "inte en lagstadgad rättighet i något fall",
        "nb": "ikke lovfestet i noe tilfelle",
    },
    "mandated_by_law_possible": {
        "en": "can be mandated by law, depending on what is not yet known",
        "sv": "kan vara en lagstadgad rättighet, beroende på det som ännu inte är känt",
        "nb": "kan være lovfestet, avhengig av det som ennå ikke er kjent",
    },
    "depends_on_person": {
        "en": "depends on the person or on a local reading",
        "sv": "beror på personen eller på en lokal tolkning",
        "nb": "avhenger av personen eller av en lokal tolkning",
    },
    "depends_on": {"en": "depends on", "sv": "beror på", "nb": "avhenger av"},
    "if": {"en": "if", "sv": "om", "nb": "hvis"},
    "and": {"en": "and", "sv": "och", "nb": "og"},
    "or": {"en": "or", "sv": "eller", "nb": "eller"},
    "in_every_case": {"en": "in every case", "sv": "i alla fall", "nb": "i alle tilfeller"},
    "rests_on": {"en": "Rests on", "sv": "Vilar på", "nb": "Bygger på"},
    "others_answer": {
        "en": "How other jurisdictions with a known reading answer",
        "sv": "Hur andra kommuner, regioner och enheter med en känd tolkning svarar",
        "nb": "Hvordan andre kommuner og enheter med en kjent tolkning svarer",
    },
    "count": {"en": "count", "sv": "antal", "nb": "antall"},
    "jurisdictions": {"en": "jurisdictions", "sv": "kommuner, regioner, enheter", "nb": "kommuner, enheter"},
    "no_others": {
        "en": "No other jurisdiction has a published reading on these points.",
        "sv": "Ingen annan har en publicerad tolkning av de här frågorna.",
        "nb": "Ingen andre har en publisert tolkning av disse spørsmålene.",
    },
    "without_reading": {
        "en": "{n} other jurisdictions have no reading of their own: the national default applies there.",
        "sv": "{n} andra har ingen egen tolkning: där gäller den nationella utgångspunkten.",
        "nb": "{n} andre har ingen egen tolkning: der gjelder det nasjonale utgangspunktet.",
    },
    "ask_locally": {
        "en": "Still to find out about local practice (ask the municipality)",
        "sv": "Att ta reda på om lokal praxis (fråga kommunen)",
        "nb": "Gjenstår å finne ut om lokal praksis (spør kommunen)",
    },
}

YES_NO = {
    True: {"en": "yes", "sv": "ja", "nb": "ja"},
    False: {"en": "no", "sv": "nej", "nb": "nei"},
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


# --- the web page (tolka.server) ----------------------------------------------------------------

KIND = {
    "country": {
        "en": "Countries (national baseline)",
        "sv": "Land (nationell grund)",
        "nb": "Land (nasjonalt grunnlag)",
    },
    "example_unit": {
        "en": "Example units (anonymised, from the study of six IPS/SEd units)",
        "sv": "Exempelenheter (anonymiserade, från studien av sex IPS/SEd-enheter)",
        "nb": "Eksempelenheter (anonymiserte)",
    },
    "region": {"en": "Regions", "sv": "Regioner", "nb": "Regioner"},
    "county": {"en": "Counties", "sv": "Län", "nb": "Fylker"},
    "municipality": {"en": "Municipalities", "sv": "Kommuner", "nb": "Kommuner"},
    "kommunalforbund": {"en": "Municipal federations", "sv": "Kommunalförbund", "nb": "Kommunale samarbeid"},
    "samordningsforbund": {"en": "Coordination associations", "sv": "Samordningsförbund", "nb": "Samordningsforbund"},
    "nav_office": {"en": "NAV offices", "sv": "NAV-kontor", "nb": "NAV-kontorer"},
}

COUNTRY = {
    "SE": {"en": "Sweden", "sv": "Sverige", "nb": "Sverige"},
    "NO": {"en": "Norway", "sv": "Norge", "nb": "Norge"},
}

PAGE = {
    "title": {"en": "tolka — support for young adults", "sv": "tolka — stöd för unga vuxna"},
    "tagline": {
        "en": (
            "Which support applies to a young adult with mental health problems — by which route, on what "
            "legal basis, and why."
        ),
        "sv": (
            "Vilket stöd en ung vuxen med psykisk ohälsa kan få — på vilken väg, med vilket rättsligt stöd och varför."
        ),
    },
    "privacy": {
        "en": (
            "Answer about the situation only — no names or personal identity numbers. Nothing you enter is "
            "stored or logged."
        ),
        "sv": "Svara bara om situationen — inga namn eller personnummer. Inget du fyller i sparas eller loggas.",
    },
    "setup": {"en": "Where and when", "sv": "Var och när"},
    "jurisdiction": {"en": "Municipality, region or unit", "sv": "Kommun, region eller enhet"},
    "jurisdiction_hint": {
        "en": "Type to search. Example units are anonymised units from a study, not real municipalities.",
        "sv": "Skriv för att söka. Exempelenheter är anonymiserade enheter från en studie, inte verkliga kommuner.",
    },
    "date": {"en": "Evaluation date", "sv": "Bedömningsdag"},
    "date_hint": {
        "en": "Decides which laws and readings are in force.",
        "sv": "Avgör vilka lagar och tolkningar som gäller.",
    },
    "language": {"en": "Language", "sv": "Språk"},
    "questions": {"en": "Questions, most decisive first", "sv": "Frågor, den mest avgörande först"},
    "questions_hint": {
        "en": "Answer what you know; leave the rest empty or choose “don't know”.",
        "sv": "Svara på det du vet; lämna resten tomt eller välj ”vet inte”.",
    },
    "settles": {
        "en": "An answer settles {score} open outcome(s) on average, among them {supports}.",
        "sv": "Svaret avgör i snitt {score} öppna utfall, bland annat {supports}.",
    },
    "and_more": {"en": "and {n} more", "sv": "och {n} till"},
    "no_questions": {
        "en": "No question left that would settle an outcome.",
        "sv": "Inga fler frågor som skulle avgöra något utfall.",
    },
    "yes": {"en": "Yes", "sv": "Ja"},
    "no": {"en": "No", "sv": "Nej"},
    "dont_know": {"en": "Don't know", "sv": "Vet inte"},
    "choose": {"en": "— choose —", "sv": "— välj —"},
    "submit": {"en": "Save answers and show outcomes", "sv": "Spara svar och visa utfall"},
    "answers": {"en": "Answers so far", "sv": "Svar hittills"},
    "no_answers": {"en": "No answers yet.", "sv": "Inga svar än."},
    "change": {"en": "Change", "sv": "Ändra"},
    "change_label": {"en": "Change the answer to: {question}", "sv": "Ändra svaret på: {question}"},
    "unknown_answers": {"en": "Answered “don't know”", "sv": "Besvarat med ”vet inte”"},
    "ask_again": {"en": "Ask again", "sv": "Fråga igen"},
    "ask_again_label": {"en": "Ask again: {question}", "sv": "Fråga igen: {question}"},
    "outcomes": {"en": "Outcomes", "sv": "Utfall"},
    "marks": {"en": "Marks", "sv": "Märkning"},
    "details": {"en": "Reasons, citations and route", "sv": "Skäl, lagrum och väg"},
    "explain": {"en": "What would change the answer?", "sv": "Vad skulle ändra svaret?"},
    "explain_label": {
        "en": "What would change the answer for {support}?",
        "sv": "Vad skulle ändra svaret för {support}?",
    },
    "nothing_changes": {
        "en": "No single change of a fact or reading gives another answer.",
        "sv": "Ingen enskild ändring av ett faktum eller en tolkning ger ett annat svar.",
    },
    "missing_readings": {"en": "Local reading not known", "sv": "Lokal tolkning okänd"},
    "step_supports": {"en": "For", "sv": "Gäller"},
    "team": {"en": "Who in the team does what", "sv": "Vem i teamet gör vad"},
    "print": {"en": "Print view", "sv": "Utskriftsvy"},
    "team_brief": {"en": "IPS team brief", "sv": "Underlag för IPS-teamet"},
    "restart": {"en": "Start again", "sv": "Börja om"},
    "answered": {"en": "{n} answer(s) given", "sv": "{n} svar givna"},
    "error_summary": {"en": "Please check these answers", "sv": "Kontrollera de här svaren"},
    "api": {"en": "JSON API (OpenAPI)", "sv": "JSON-API (OpenAPI)"},
    "example_mark": {"en": "example", "sv": "exempel"},
}


def fact_value_label(rulebook: Rulebook, name: str, value: object, language: str) -> str:
    """A fact's value as a person reads it: yes/no, an enum value's label, or the value itself."""
    fact = rulebook.facts[name]
    if fact.type == "bool":
        return word(YES_NO, bool(value), language)
    for candidate in fact.values:
        if candidate.id == value:
            return candidate.label.get(language)
    return str(value)


# --- input errors (tolka.boundary, tolka.case, tolka.plausible) ---------------------------------
# Templates take named values that are already shortened and cleaned by `boundary.shown`.

MESSAGES = {
    "cannot_read": {
        "en": "cannot read the file: {reason}",
        "sv": "kan inte läsa filen: {reason}",
        "nb": "kan ikke lese filen: {reason}",
    },
    "cannot_read_case": {
        "en": "cannot read the case file: {reason}",
        "sv": "kan inte läsa ärendefilen: {reason}",
        "nb": "kan ikke lese saksfilen: {reason}",
    },
    "too_large": {
        "en": "the file is larger than {limit} bytes",
        "sv": "filen är större än {limit} byte",
        "nb": "filen er større enn {limit} byte",
    },
    "too_large_hint": {
        "en": "a case is a few hundred bytes; check that this is the right file",
        "sv": "ett ärende är några hundra byte; kontrollera att det är rätt fil",
        "nb": "en sak er noen hundre byte; sjekk at dette er riktig fil",
    },
    "not_utf8": {
        "en": "not UTF-8 text (first bad byte at offset {offset})",
        "sv": "inte UTF-8-text (första felaktiga byte vid position {offset})",
        "nb": "ikke UTF-8-tekst (første ugyldige byte ved posisjon {offset})",
    },
    "not_utf8_hint": {
        "en": "save the file as UTF-8",
        "sv": "spara filen som UTF-8",
        "nb": "lagre filen som UTF-8",
    },
    "yaml_hint": {
        "en": "check indentation, colons and quotes",
        "sv": "kontrollera indrag, kolon och citattecken",
        "nb": "sjekk innrykk, kolon og anførselstegn",
    },
    "bad_character": {
        "en": "the character U+{code} is not allowed in YAML (control characters are refused)",
        "sv": "tecknet U+{code} är inte tillåtet i YAML (styrtecken avvisas)",
        "nb": "tegnet U+{code} er ikke tillatt i YAML (kontrolltegn avvises)",
    },
    "too_deep": {
        "en": "nested more than {limit} levels deep",
        "sv": "nästlad mer än {limit} nivåer djupt",
        "nb": "nøstet mer enn {limit} nivåer dypt",
    },
    "duplicate_key": {
        "en": "the key {key} appears twice",
        "sv": "nyckeln {key} förekommer två gånger",
        "nb": "nøkkelen {key} forekommer to ganger",
    },
    "bad_number": {
        "en": "the number {value} is not allowed (NaN, Infinity and integers over 30 digits are refused)",
        "sv": "talet {value} är inte tillåtet (NaN, Infinity och heltal med över 30 siffror avvisas)",
        "nb": "tallet {value} er ikke tillatt (NaN, Infinity og heltall med over 30 sifre avvises)",
    },
    "surrogate": {
        "en": "the text {value} is not valid Unicode (a lone surrogate)",
        "sv": "texten {value} är inte giltig Unicode (ett ensamt surrogattecken)",
        "nb": "teksten {value} er ikke gyldig Unicode (et enslig surrogattegn)",
    },
    "date_form": {
        "en": "{value} is not a date written YYYY-MM-DD",
        "sv": "{value} är inte ett datum skrivet ÅÅÅÅ-MM-DD",
        "nb": "{value} er ikke en dato skrevet ÅÅÅÅ-MM-DD",
    },
    "date_impossible": {
        "en": "{value} is not a date that exists",
        "sv": "{value} är inte ett datum som finns",
        "nb": "{value} er ikke en dato som finnes",
    },
    "date_range": {
        "en": "{value} is outside {low}..{high}",
        "sv": "{value} ligger utanför {low}..{high}",
        "nb": "{value} ligger utenfor {low}..{high}",
    },
    "not_mapping": {
        "en": "a case must be a mapping of fact names to values, not {what}",
        "sv": "ett ärende måste vara en avbildning från faktanamn till värden, inte {what}",
        "nb": "en sak må være en tilordning fra faktanavn til verdier, ikke {what}",
    },
    "fact_date": {
        "en": "`{fact}` must be a date YYYY-MM-DD that exists: {reason}",
        "sv": "`{fact}` måste vara ett datum ÅÅÅÅ-MM-DD som finns: {reason}",
        "nb": "`{fact}` må være en dato ÅÅÅÅ-MM-DD som finnes: {reason}",
    },
    "fact_number": {
        "en": "`{fact}` must be a finite number, not {value}",
        "sv": "`{fact}` måste vara ett ändligt tal, inte {value}",
        "nb": "`{fact}` må være et endelig tall, ikke {value}",
    },
    "fact_whole": {
        "en": "`{fact}` must be a whole number, not {value}",
        "sv": "`{fact}` måste vara ett heltal, inte {value}",
        "nb": "`{fact}` må være et heltall, ikke {value}",
    },
    "fact_range": {
        "en": "`{fact}` = {value} is outside {low}..{high}",
        "sv": "`{fact}` = {value} ligger utanför {low}..{high}",
        "nb": "`{fact}` = {value} ligger utenfor {low}..{high}",
    },
    "born_after": {
        "en": "`birth_date` {birth} is after the evaluation date {day}",
        "sv": "`birth_date` {birth} är efter bedömningsdagen {day}",
        "nb": "`birth_date` {birth} er etter vurderingsdatoen {day}",
    },
    "before_birth": {
        "en": "`{fact}` {value} is before `birth_date` {birth}",
        "sv": "`{fact}` {value} är före `birth_date` {birth}",
        "nb": "`{fact}` {value} er før `birth_date` {birth}",
    },
    "since_after": {
        "en": "`{fact}` {value} is after the evaluation date {day}: at that date it had not begun",
        "sv": "`{fact}` {value} är efter bedömningsdagen {day}: då hade det inte börjat",
        "nb": "`{fact}` {value} er etter vurderingsdatoen {day}: da hadde det ikke begynt",
    },
    "insured_longer_than_alive": {
        "en": "`years_insured_in_norway` = {years} is more than the person's age ({age})",
        "sv": "`years_insured_in_norway` = {years} är mer än personens ålder ({age})",
        "nb": "`years_insured_in_norway` = {years} er mer enn personens alder ({age})",
    },
    "contradiction": {
        "en": "`{first}` and `{second}` contradict each other: {why}",
        "sv": "`{first}` och `{second}` motsäger varandra: {why}",
        "nb": "`{first}` og `{second}` motsier hverandre: {why}",
    },
    "upper_secondary_twice": {
        "en": "the person attends upper secondary school but has completed it",
        "sv": "personen går i gymnasiet men har redan fullföljt det",
        "nb": "personen går på videregående, men har allerede fullført",
    },
    "problems": {
        "en": "{count} problem(s) in the case",
        "sv": "{count} problem i ärendet",
        "nb": "{count} problem i saken",
    },
    "internal": {
        "en": "internal error {id}: this is a bug in tolka, not in your input. Details: {log}",
        "sv": "internt fel {id}: detta är ett fel i tolka, inte i det du angav. Detaljer: {log}",
        "nb": "intern feil {id}: dette er en feil i tolka, ikke i det du oppga. Detaljer: {log}",
    },
    "warning": {"en": "warning", "sv": "varning", "nb": "advarsel"},
}


def phrase(key: str, language: str, /, **values: object) -> str:
    """The input-error sentence `key` in `language` (English if missing), with `values` filled in."""
    return word(MESSAGES, key, language).format(**values)
