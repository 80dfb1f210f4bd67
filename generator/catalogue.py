"""The one message catalogue: every word the site or the checker shows, in Dutch and English.

Keys are dotted for labels on the site (``label.…``), bare codes for content
messages (the code is also printed in brackets, so tests can rely on it).
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from .diagnostics import Message, Param, Text, printable, printable_params

LANGUAGES = ("nl", "en")

# key: (Dutch, English)
ENTRIES: dict[str, tuple[str, str]] = {
    # --- severities --------------------------------------------------------
    "severity.error": ("fout", "error"),
    "severity.warning": ("waarschuwing", "warning"),
    "severity.info": ("info", "info"),
    # --- hints appended to messages ------------------------------------------
    "hint.did-you-mean": (" — bedoelt u '{word}'?", " — did you mean '{word}'?"),
    "hint.none": ("", ""),
    # --- reading files -------------------------------------------------------
    "yaml-syntax": (
        "de YAML op deze regel is niet leesbaar; controleer of er alleen spaties inspringen, of er na elke sleutel "
        "een dubbele punt staat en of aanhalingstekens om de hele waarde staan (YAML zegt: {problem})",
        "the YAML on this line cannot be read; check that it indents with spaces only, that every key has a colon "
        "and that quotes enclose the whole value (YAML says: {problem})",
    ),
    "yaml-colon-in-value": (
        "de waarde van '{key}' bevat een dubbele punt met een spatie erna, en dan leest YAML een nieuwe sleutel; zet de "
        "hele waarde tussen enkele aanhalingstekens: {fixed}",
        "the value of '{key}' holds a colon followed by a space, which YAML reads as a new key; put the whole value "
        "between single quotes: {fixed}",
    ),
    "not-a-mapping": (
        "verwacht gegevens als regels 'sleutel: waarde', maar vond {found}",
        "expected keys with values (key: value), but found {found}",
    ),
    "front-matter-missing": (
        "het bestand begint niet met een kop tussen twee regels '---'; zet de gegevens (title: …) bovenaan tussen '---' en '---'",
        "the file does not start with a header between two '---' lines; put the data (title: …) at the top between '---' and '---'",
    ),
    "front-matter-unclosed": (
        "de kop bovenaan wordt niet afgesloten met een regel '---'; die hoort hier, na regel {after}, tussen de kop en de tekst",
        "the header at the top is not closed with a '---' line; it belongs here, after line {after}, between the header and the text",
    ),
    "missing-folder": (
        "de map ontbreekt; maak de map '{folder}' aan",
        "the folder is missing; create the folder '{folder}'",
    ),
    "missing-file": (
        "het bestand ontbreekt; maak '{file}' aan",
        "the file is missing; create '{file}'",
    ),
    "bad-file-id": (
        "de bestandsnaam '{name}' is geen geldige id (alleen kleine letters, cijfers en streepjes); hernoem het bestand "
        "naar '{renamed}'",
        "the file name '{name}' is not a valid id (lowercase letters, digits and hyphens only); rename the file "
        "to '{renamed}'",
    ),
    "ignored-file": (
        "dit bestand wordt niet gebruikt: in deze map horen alleen {expected}-bestanden",
        "this file is not used: this folder holds only {expected} files",
    ),
    "not-utf8": (
        "het bestand is geen UTF-8-tekst; sla het op als UTF-8",
        "the file is not UTF-8 text; save it as UTF-8",
    ),
    "escaped-control-character": (
        "deze waarde bevat een onzichtbaar stuurteken ({character}), geschreven als code tussen dubbele aanhalingstekens "
        "(zoals \"\\x1b\" of \"\\u202e\"); haal de code weg",
        "this value holds an invisible control character ({character}), written as a code between double quotes "
        "(such as \"\\x1b\" or \"\\u202e\"); remove the code",
    ),
    "control-character": (
        "op deze regel staat een onzichtbaar stuurteken ({character}), vaak meegekopieerd uit een ander programma; verwijder het",
        "this line holds an invisible control character ({character}), often copied along from another program; remove it",
    ),
    "symlink": (
        "dit is een snelkoppeling (symbolische link); de generator volgt geen links, omdat die naar bestanden buiten de inhoudsmap "
        "kunnen wijzen; zet het bestand of de map zelf hier neer",
        "this is a symbolic link; the generator follows no links, since they can point at files outside the content folder; "
        "put the file or folder itself here",
    ),
    "special-file": (
        "dit is geen gewoon bestand (maar een pipe, apparaat of socket) en wordt niet gelezen; verwijder het",
        "this is not an ordinary file (but a pipe, device or socket) and is not read; remove it",
    ),
    "folder-not-file": (
        "hier hoort een bestand, maar dit is een map; hernoem of verwijder de map",
        "a file belongs here, but this is a folder; rename or remove the folder",
    ),
    "file-not-folder": (
        "hier hoort een map, maar dit is een bestand; hernoem of verwijder het bestand",
        "a folder belongs here, but this is a file; rename or remove the file",
    ),
    "file-too-large": (
        "het bestand is {size}, meer dan de {limit} die de generator leest; splits het of verwijder wat er niet in hoort",
        "the file is {size}, more than the {limit} the generator reads; split it or remove what does not belong in it",
    ),
    "unreadable-file": (
        "het bestand kan niet worden gelezen ({reason}); controleer de rechten",
        "the file cannot be read ({reason}); check its permissions",
    ),
    "unreadable-folder": (
        "de map kan niet worden gelezen ({reason}); controleer de rechten",
        "the folder cannot be read ({reason}); check its permissions",
    ),
    "yaml-too-large": (
        "de YAML groeit door verwijzingen (&anker/*alias) tot meer dan {limit} waarden of 100 per teken; schrijf de waarden uit",
        "the YAML grows through references (&anchor/*alias) beyond {limit} values or 100 per character; write the values out",
    ),
    "yaml-too-deep": (
        "de YAML is hier meer dan {limit} niveaus diep genest; controleer de inspringing",
        "the YAML nests more than {limit} levels deep here; check the indentation",
    ),
    "yaml-recursive": (
        "deze alias (*naam) verwijst naar het blok waar hij zelf in staat; dat houdt nooit op; schrijf de waarde uit",
        "this alias (*name) refers to the block it stands in, which never ends; write the value out",
    ),
    "yaml-tag": (
        "het type '{tag}' wordt niet gelezen; laat de '!'-aanduiding weg en schrijf gewone tekst, getallen, datums, lijsten of sleutels",
        "the type '{tag}' is not read; leave out the '!' tag and write plain text, numbers, dates, lists or keys",
    ),
    "yaml-complex-key": (
        "een sleutel moet gewone tekst zijn, geen lijst of groep",
        "a key must be plain text, not a list or group",
    ),
    "yaml-bad-merge": (
        "'<<' voegt alleen groepen sleutels (sleutel: waarde) samen, geen losse waarden of lijsten",
        "'<<' merges only groups of keys (key: value), not single values or lists",
    ),
    # --- fields --------------------------------------------------------------
    "duplicate-key": (
        "'{key}' staat twee keer in dezelfde groep (ook op regel {other_line}); alleen de laatste telt — laat er één over",
        "'{key}' appears twice in the same group (also on line {other_line}); only the last one counts — keep one",
    ),
    "too-small": (
        "'{key}' moet minstens {minimum} zijn, maar is {value}",
        "'{key}' must be at least {minimum}, but is {value}",
    ),
    "too-large": (
        "'{key}' mag hoogstens {maximum} zijn, maar is {value}",
        "'{key}' must be at most {maximum}, but is {value}",
    ),
    "date-out-of-range": (
        "met {months} maanden erbij valt '{key}' ({value}) buiten de kalender (na het jaar 9999); controleer de datum",
        "adding {months} months takes '{key}' ({value}) off the calendar (past the year 9999); check the date",
    ),
    "missing-value": (
        "de kolom '{key}' is leeg; vul hier een waarde in",
        "the column '{key}' is empty; fill in a value",
    ),
    "missing-key": (
        "de verplichte sleutel '{key}' ontbreekt; voeg een regel '{key}: …' toe met de waarde (de handleiding zegt wat erin hoort)",
        "the required key '{key}' is missing; add a line '{key}: …' with its value (the author guide says what belongs there)",
    ),
    "unknown-key": (
        "'{key}' is geen bekende sleutel{hint}; bekende sleutels: {known}",
        "'{key}' is not a known key{hint}; known keys: {known}",
    ),
    "wrong-type": (
        "'{key}' moet {expected} zijn, maar is {found}",
        "'{key}' must be {expected}, but is {found}",
    ),
    "bad-choice": (
        "'{key}' heeft de waarde '{value}'{hint}; toegestaan: {allowed}",
        "'{key}' has the value '{value}'{hint}; allowed: {allowed}",
    ),
    "bad-date": (
        "'{key}' is geen geldige datum: '{value}'; schrijf JJJJ-MM-DD, bijv. 2026-03-01",
        "'{key}' is not a valid date: '{value}'; write YYYY-MM-DD, e.g. 2026-03-01",
    ),
    "bad-id": (
        "'{value}' is geen geldige id voor '{key}': gebruik alleen kleine letters, cijfers en streepjes (bijv. '{example}')",
        "'{value}' is not a valid id for '{key}': use lowercase letters, digits and hyphens only (e.g. '{example}')",
    ),
    "long-id": (
        "de id '{value}' is {length} tekens lang; maak hem korter: een id wordt een bestandsnaam op de site en mag "
        "hoogstens {limit} tekens hebben",
        "the id '{value}' is {length} characters long; shorten it: an id becomes a file name on the site and may have "
        "at most {limit} characters",
    ),
    "reserved-id": (
        "'{value}' kan geen id zijn: die naam hoort bij de overzichtspagina van elke map; kies een andere (bijv. '{example}')",
        "'{value}' cannot be an id: the name belongs to each folder's overview page; choose another (e.g. '{example}')",
    ),
    "bad-url": (
        "'{key}' moet een webadres zijn dat begint met https://, http:// of mailto:, maar is '{value}'",
        "'{key}' must be a web address starting with https://, http:// or mailto:, but is '{value}'",
    ),
    "empty-list": (
        "'{key}' is een lege lijst; noem minstens één {item}",
        "'{key}' is an empty list; name at least one {item}",
    ),
    "duplicate-in-list": (
        "'{value}' staat twee keer in '{key}'",
        "'{value}' is listed twice in '{key}'",
    ),
    # --- organisation ----------------------------------------------------------
    "bad-level-scale": (
        "de niveaus moeten oplopen vanaf 0 zonder gaten (0, 1, 2, …); hier hoort niveau {expected}, niet {level}",
        "the levels must rise from 0 without gaps (0, 1, 2, …); level {expected} belongs here, not {level}",
    ),
    "level-out-of-scale": (
        "niveau {level} bestaat niet; de schaal in {scale_file} loopt van {low} tot en met {high}",
        "level {level} does not exist; the scale in {scale_file} runs from {low} to {high}",
    ),
    "duplicate-team": (
        "team '{id}' staat al op regel {other_line}",
        "team '{id}' is already on line {other_line}",
    ),
    # --- cross-references ------------------------------------------------------
    "unknown-work-process": (
        "onbekend werkproces '{id}'{hint} (werkprocessen staan in {folder}){more}",
        "unknown work process '{id}'{hint} (work processes live in {folder}){more}",
    ),
    "unknown-source": (
        "onbekende bron '{id}'{hint} (bronnen staan in {folder}){more}",
        "unknown source '{id}'{hint} (sources live in {folder}){more}",
    ),
    "unknown-format": (
        "onbekend opleidingsformat '{id}'{hint} (formats staan in {folder}){more}",
        "unknown training format '{id}'{hint} (formats live in {folder}){more}",
    ),
    "unknown-team": (
        "onbekend team '{id}'{hint}; teams staan onder 'teams:' in {file}{more}",
        "unknown team '{id}'{hint}; teams are listed under 'teams:' in {file}{more}",
    ),
    "unknown-person": (
        "onbekende persoon '{id}' {where}{hint}; bekende ids staan in {file} (een nieuwe medewerker zet u daar eerst bij){more}",
        "unknown person '{id}' {where}{hint}; known ids are in {file} (add a new person there first){more}",
    ),
    "unknown-criterion": (
        "onbekend criterium '{id}'{hint}; criteria staan in de werkprocessen in {folder}{more}",
        "unknown criterion '{id}'{hint}; criteria are listed in the work processes in {folder}{more}",
    ),
    "duplicate-criterion": (
        "criterium-id '{id}' bestaat al in {other}{signed}; geef dit criterium een nieuwe id, bijv. '{example}': "
        "elk criterium heeft een eigen id die nooit hergebruikt wordt",
        "criterion id '{id}' already exists in {other}{signed}; give this criterion a new id, e.g. '{example}': "
        "every criterion has its own id that is never reused",
    ),
    "duplicate-work-process": (
        "werkproces '{id}' staat al eerder in dit format (regel {other_line})",
        "work process '{id}' is already in this format (line {other_line})",
    ),
    "withdrawn-source": (
        "bron '{id}' is ingetrokken (status: withdrawn) maar wordt nog gebruikt; kies een geldige bron of haal de verwijzing weg",
        "source '{id}' is withdrawn (status: withdrawn) but still cited; choose a valid source or remove the reference",
    ),
    "retired-work-process-in-format": (
        "werkproces '{id}' is buiten gebruik (retired: true) maar staat nog in dit format",
        "work process '{id}' is retired (retired: true) but still listed in this format",
    ),
    "empty-format": (
        "dit format heeft geen werkprocessen; noem er minstens één onder 'core_tasks:' → 'work_processes:'",
        "this format has no work processes; list at least one under 'core_tasks:' → 'work_processes:'",
    ),
    "attachment-missing": (
        "bijlage '{file}' bestaat niet; zet het bestand in {folder} of pas 'file:' aan",
        "attachment '{file}' does not exist; put the file in {folder} or correct 'file:'",
    ),
    "attachment-outside": (
        "bijlage '{file}' ligt niet in {folder}; bijlagen staan in die map, verwijs ernaar als 'files/procedure.pdf'",
        "attachment '{file}' is not in {folder}; attachments live in that folder, refer to them as 'files/procedure.pdf'",
    ),
    "attachment-without-folder": (
        "bijlage '{file}': het pad moet beginnen met de map files/; schrijf 'file: {fixed}' (dat bestand bestaat)",
        "attachment '{file}': the path must start with the folder files/; write 'file: {fixed}' (that file exists)",
    ),
    "criterion-level-range": (
        "criteria horen bij niveau 1 tot en met {high} (de top van de schaal), niet bij niveau {level}",
        "criteria belong to levels 1 to {high} (the top of the scale), not to level {level}",
    ),
    "finished-missing": (
        "status is 'done' maar 'finished' (de einddatum) ontbreekt; vul de datum in waarop de opdracht is afgerond (JJJJ-MM-DD)",
        "status is 'done' but 'finished' (the end date) is missing; fill in the date the assignment was finished (YYYY-MM-DD)",
    ),
    # --- CSV files ------------------------------------------------------------
    "csv-header": (
        "de kopregel moet de kolommen {expected} bevatten; ontbrekend: {missing}",
        "the header row must have the columns {expected}; missing: {missing}",
    ),
    "csv-unknown-column": (
        "onbekende kolom '{column}'{hint}; verwacht: {expected}",
        "unknown column '{column}'{hint}; expected: {expected}",
    ),
    "csv-columns": (
        "deze regel heeft {found} velden, de kopregel {expected}; staat er een scheidingsteken te veel of te weinig?",
        "this row has {found} fields, the header {expected}; is there a separator too many or too few?",
    ),
    "csv-empty": (
        "het bestand is leeg; de eerste regel moet de kolomnamen bevatten: {expected}",
        "the file is empty; the first row must name the columns: {expected}",
    ),
    "bad-yes-no": (
        "'{key}' moet 'yes' of 'no' zijn (of leeg), maar is '{value}'",
        "'{key}' must be 'yes' or 'no' (or empty), but is '{value}'",
    ),
    "bad-number": (
        "'{key}' moet een geheel getal zijn, maar is '{value}'",
        "'{key}' must be a whole number, but is '{value}'",
    ),
    "duplicate-person": (
        "persoon '{id}' staat al op regel {other_line}",
        "person '{id}' is already on line {other_line}",
    ),
    "future-date": (
        "de datum {value} ligt na de bouwdatum {today}; een aftekening kan niet in de toekomst liggen: vul de datum in "
        "waarop is afgetekend (een tikfout in maand of jaar?)",
        "the date {value} is after the build date {today}; a sign-off cannot lie in the future: write the date it was "
        "signed off (a typo in the month or year?)",
    ),
    "signoff-both": (
        "vul óf 'criterion' óf 'level' in, niet beide: een regel tekent één criterium af of beoordeelt het hele werkproces",
        "fill in either 'criterion' or 'level', not both: a row signs one criterion or assesses the whole work process",
    ),
    "signoff-neither": (
        "vul 'criterion' (een criterium) of 'level' (beoordeling van het hele werkproces) in",
        "fill in 'criterion' (one criterion) or 'level' (an assessment of the whole work process)",
    ),
    "criterion-other-work-process": (
        "criterium '{id}' hoort bij werkproces '{owner}', niet bij '{work_process}'",
        "criterion '{id}' belongs to work process '{owner}', not to '{work_process}'",
    ),
    # --- build -------------------------------------------------------------
    "personal-data-off": (
        "personal_data staat uit: de matrix, de POP's, de team- en mensenpagina's, de planning en de namen bij werkprocessen "
        "worden niet gepubliceerd; zet 'personal_data: true' in {file} om ze te tonen",
        "personal_data is off: the matrix, POP, team, people and planning pages and the names on work-process pages "
        "are not published; set 'personal_data: true' in {file} to show them",
    ),
    # --- who may read what (access:) -------------------------------------------
    "personal-data-public": (
        "personal_data staat aan zonder 'access:': iedereen die de site kan openen, ziet de namen, niveaus en POP's van alle "
        "medewerkers; zet een blok 'access:' in {file} om ze alleen voor hun leidinggevenden, de planners en henzelf "
        "te publiceren (handleiding: 'Persoonsgegevens en toegang')",
        "personal_data is on without 'access:': everyone who can open the site sees every employee's name, levels and POP; "
        "add an 'access:' block to {file} to publish them only to their team leaders, the planners and themselves "
        "(author guide: 'Personal data and access')",
    ),
    "access-without-personal-data": (
        "'access:' staat er, maar personal_data staat uit: de site noemt niemand, dus er zijn geen beperkte pagina's "
        "en er worden geen toegangsregels geschreven; zet 'personal_data: true' of haal 'access:' weg",
        "'access:' is set but personal_data is off: the site names no one, so there are no restricted pages and no "
        "access rules are written; set 'personal_data: true' or remove 'access:'",
    ),
    "access-value": (
        "'{value}' kan niet in de toegangsregels voor {server}: {reason}",
        "'{value}' cannot go into the access rules for {server}: {reason}",
    ),
    "access-reason.control": (
        "er staat een onzichtbaar teken in (een regeleinde, tab of ander stuurteken); typ de naam opnieuw",
        "it holds an invisible character (a line break, tab or other control character); type the name again",
    ),
    "access-reason.iis-comma": (
        "IIS scheidt namen met komma's; schrijf een groep als DOMEIN\\groep (geen LDAP-naam CN=…,OU=…) en een account als DOMEIN\\naam",
        "IIS separates names with commas; write a group as DOMAIN\\group (not an LDAP name CN=…,OU=…) and an account as DOMAIN\\name",
    ),
    "access-reason.iis-wildcard": (
        "'*' en '?' betekenen voor IIS 'iedereen' en 'anonieme bezoekers'",
        "to IIS, '*' and '?' mean 'everyone' and 'anonymous visitors'",
    ),
    "access-group-ambiguous": (
        "de groep '{value}' verschilt alleen in hoofd- en kleine letters van '{other}' op regel {other_line}: voor Windows "
        "en IIS is dat dezelfde groep, voor Apache niet; schrijf ze precies gelijk of kies een andere groep",
        "the group '{value}' differs only in upper and lower case from '{other}' on line {other_line}: to Windows and IIS "
        "that is the same group, to Apache it is not; write them exactly alike or choose another group",
    ),
    "access-team-folder": (
        "met 'access:' kan een team niet '{id}' heten: in die map staan de overzichten van alle teams; kies een andere id",
        "with 'access:' a team cannot be called '{id}': that folder holds the views of all teams; choose another id",
    ),
    "restricted-folder-taken": (
        "de map '{folder}' is al in gebruik ({what}); kies een andere naam voor restricted_folder (standaard: beperkt)",
        "the folder '{folder}' is taken ({what}); choose another name for restricted_folder (default: beperkt)",
    ),
    "restricted-folder-taken.site": ("de site zelf zet daar pagina's of bestanden", "the site itself puts pages or files there"),
    "restricted-folder-taken.page": ("door {page} in pages/", "by {page} in pages/"),
    "duplicate-account": (
        "het account '{account}' hoort al bij {other} (regel {other_line}); een account hoort bij één persoon, "
        "anders leest de een de POP van de ander",
        "the account '{account}' already belongs to {other} (line {other_line}); an account belongs to one person, "
        "or one reads the other's POP",
    ),
    "team-without-access-group": (
        "team '{id}' heeft geen access_group: alleen de planners ({group}) lezen de pagina's van dit team; "
        "zet de groep van de leidinggevenden erbij",
        "team '{id}' has no access_group: only the planners ({group}) read this team's pages; add the group of its leaders",
    ),
    "access-rules.apache": (
        "Toegangsregels voor Apache httpd 2.4 van {site}: wie de mappen met persoonsgegevens mag lezen.\n"
        "Geschreven door de generator uit organisation.yml en people.csv bij elke build; niet met de hand bewerken.\n"
        "Gebruik: 'Define WGO_SITE_ROOT /map/van/de/site' en daarna 'Include' van dit bestand in de serverconfiguratie.\n"
        "Inloggen (Kerberos, LDAP) regelt de server zelf; zie 'Persoonsgegevens en toegang' in de README.",
        "Access rules for Apache httpd 2.4 of {site}: who may read the folders with personal data.\n"
        "Written by the generator from organisation.yml and people.csv on every build; do not edit by hand.\n"
        "Use: 'Define WGO_SITE_ROOT /folder/of/the/site', then 'Include' this file in the server's configuration.\n"
        "Signing in (Kerberos, LDAP) is the server's own; see 'Personal data and access' in the README.",
    ),
    "access-rules.apache-no-root": (
        "Definieer WGO_SITE_ROOT als de map waaruit de site wordt geserveerd, voordat je dit bestand laadt met Include",
        "Define WGO_SITE_ROOT as the folder the site is served from, before including this file",
    ),
    "access-rules.apache-wrong-root": (
        "{door} ontbreekt: WGO_SITE_ROOT moet de map zijn waar deze site naartoe is gekopieerd",
        "{door} is missing: WGO_SITE_ROOT must be the folder this site was copied to",
    ),
    "access-rules.iis": (
        "Toegangsregels voor IIS van {site}: wie de mappen met persoonsgegevens mag lezen.\n"
        "Geschreven door de generator uit organisation.yml en people.csv bij elke build; niet met de hand bewerken.\n"
        "Kopieer dit bestand na elke build naar de hoofdmap van de site; IIS serveert het zelf nooit.",
        "Access rules for IIS of {site}: who may read the folders with personal data.\n"
        "Written by the generator from organisation.yml and people.csv on every build; do not edit by hand.\n"
        "Copy this file into the site's root folder after every build; IIS never serves it.",
    ),
    "access-rules-written": ("toegangsregels geschreven: {file}", "access rules written: {file}"),
    "broken-link": (
        "de link naar '{target}' gaat nergens heen: link naar het bestand van de pagina, relatief aan waar deze pagina "
        "op de site staat{hint}",
        "the link to '{target}' leads nowhere: link to the page's file, relative to where this page stands on the site{hint}",
    ),
    "matrix-too-large": (
        "de matrix van dit format wordt {rows} rijen bij {columns} kolommen, meer dan een Excel-blad kan bevatten "
        "({max_rows} rijen, {max_columns} kolommen); verdeel de medewerkers of werkprocessen over meer formats",
        "this format's matrix would be {rows} rows by {columns} columns, more than an Excel sheet holds "
        "({max_rows} rows, {max_columns} columns); spread its people or work processes over more formats",
    ),
    # --- what a body may hold (bodies.py) ---------------------------------------
    "unsafe-html": (
        "'{construct}' wordt niet gepubliceerd: een tekst mag geen scripts, formulieren, frames, gebeurtenissen (on…) "
        "of opmaak buiten Markdown bevatten; haal het weg of schrijf het in Markdown",
        "'{construct}' is not published: a text may hold no scripts, forms, frames, event handlers (on…) "
        "or styling beyond Markdown; remove it or write it in Markdown",
    ),
    "unsafe-url": (
        "de link '{construct}' wordt niet gepubliceerd: alleen adressen met http, https of mailto, of een link naar een "
        "bestand van de site, zijn toegestaan",
        "the link '{construct}' is not published: only addresses with http, https or mailto, or a link to a file of the "
        "site, are allowed",
    ),
    "outside-resource": (
        "'{construct}' zou van een andere website worden geladen, en de site laadt niets van buiten: zet het bestand in "
        "sources/files/ (of pages/) en verwijs er met een relatief pad naar, of maak er een gewone link van",
        "'{construct}' would be loaded from another website, and the site loads nothing from outside: put the file in "
        "sources/files/ (or pages/) and refer to it with a relative path, or make it an ordinary link",
    ),
    "page-conflict": (
        "de pagina '{path}' heeft hetzelfde adres als een pagina die de generator maakt; geef het bestand een andere naam",
        "the page '{path}' has the same address as a page the generator makes; give the file another name",
    ),
    "bad-source-date-epoch": (
        "de omgevingsvariabele SOURCE_DATE_EPOCH is '{value}', geen aantal seconden sinds 1970 "
        "(tot en met het jaar {year}); de bouwdatum is daarom vandaag ({today})",
        "the environment variable SOURCE_DATE_EPOCH is '{value}', not a number of seconds since 1970 "
        "(up to the year {year}); so the build date is today ({today})",
    ),
    "content-errors": (
        "{count} fout(en) in de inhoud; de site is niet gebouwd",
        "{count} error(s) in the content; the site was not built",
    ),
    "content-warnings-strict": (
        "{count} waarschuwing(en) in de inhoud en --strict staat aan; de site is niet gebouwd",
        "{count} warning(s) in the content and --strict is set; the site was not built",
    ),
    # --- labels on the site ------------------------------------------------------
    "label.home": ("Start", "Home"),
    "label.overview": ("Overzicht", "Overview"),
    "label.formats": ("Opleidingsformats", "Training formats"),
    "label.format": ("Opleidingsformat", "Training format"),
    "label.work-processes": ("Werkprocessen", "Work processes"),
    "label.work-process": ("Werkproces", "Work process"),
    "label.sources": ("Informatiebronnen", "Information sources"),
    "label.source": ("Informatiebron", "Information source"),
    "label.checklists": ("Aftekenlijsten", "Checklists"),
    "label.checklists-intro": (
        "Per opleidingsformat en niveau een lijst van de succescriteria om af te drukken en op de werkvloer af te tekenen.",
        "Per training format and level, a list of the success criteria to print and sign on the floor.",
    ),
    "label.checklist-level": ("Niveau {level} — {label}", "Level {level} — {label}"),
    "label.checklist-title": ("Aftekenlijst {format} — niveau {level} ({label})", "Checklist {format} — level {level} ({label})"),
    "label.deployability": ("Inzetbaarheid", "Deployability"),
    "label.matrices": ("Inzetbaarheidsmatrix", "Deployability matrix"),
    "label.matrices-intro": (
        "Per opleidingsformat: per ploeg en per medewerker het behaalde niveau op elk werkproces, berekend uit de aftekeningen.",
        "Per training format: per team and per employee the level reached on each work process, computed from the sign-offs.",
    ),
    "label.matrix-of": ("Inzetbaarheidsmatrix {format}", "Deployability matrix {format}"),
    "label.teams": ("Teams", "Teams"),
    "label.team": ("Team", "Team"),
    "label.planning": ("Opleidingsplanning", "Training planning"),
    "label.health": ("Inhoud op orde", "Content health"),
    "label.pop-of": ("POP {name}", "Development plan {name}"),
    "label.model-intro": (
        "Per functie beschrijft een opleidingsformat de kerntaken en werkprocessen, met per werkproces succescriteria op drie niveaus: wat je moet weten (kennis), kunnen (vaardigheid) en zijn (houding), elk met de informatiebronnen die zeggen hoe het werk gaat. Coaches tekenen de criteria af; daaruit volgt per medewerker het niveau op elk werkproces.",
        "For each job, a training format describes the core tasks and work processes, with success criteria at three levels per work process: what you must know (knowledge), be able to do (skill) and be (attitude), each with the information sources that say how the work is done. Coaches sign off the criteria; from those follows each employee's level on every work process.",
    ),
    "label.further": ("Verder op deze site", "More on this site"),
    "label.level-scale": ("De niveaus", "The levels"),
    "label.level": ("Niveau", "Level"),
    "label.name": ("Naam", "Name"),
    "label.meaning": ("Betekenis", "Meaning"),
    "label.target-level": ("Doelniveau", "Target level"),
    "label.overall-level": ("Totaalniveau", "Overall level"),
    "label.qualification": ("Kwalificatie", "Qualification"),
    "label.crebo": ("crebo", "crebo"),
    "label.core-tasks": ("Kerntaken en werkprocessen", "Core tasks and work processes"),
    "label.code": ("Code", "Code"),
    "label.criteria": ("Succescriteria", "Success criteria"),
    "label.criterion": ("Criterium", "Criterion"),
    "label.kind": ("Soort", "Kind"),
    "label.people": ("Medewerkers", "Employees"),
    "label.employee": ("Medewerker", "Employee"),
    "label.coach": ("Coach", "Coach"),
    "label.status": ("Status", "Status"),
    "label.retired": ("buiten gebruik", "retired"),
    "label.retired-work-process": (
        "Dit werkproces is buiten gebruik. Het telt niet meer mee voor niveaus; aftekeningen blijven in de historie.",
        "This work process is retired. It no longer counts for levels; sign-offs stay in the history.",
    ),
    "label.retired-criteria": ("Criteria buiten gebruik", "Retired criteria"),
    "label.retired-on": ("buiten gebruik sinds {date}", "retired since {date}"),
    "label.valid-months": ("Aftekeningen geldig", "Sign-offs valid for"),
    "label.months": ("{count} maanden", "{count} months"),
    "label.no-criteria-at-level": (
        "Geen criteria op dit niveau: dit niveau wordt alleen bereikt via een beoordeling van het hele werkproces.",
        "No criteria at this level: it is reached only by an assessment of the whole work process.",
    ),
    "label.type": ("Soort", "Type"),
    "label.owner": ("Eigenaar", "Owner"),
    "label.version": ("Versie", "Version"),
    "label.reviewed": ("Laatst beoordeeld", "Last reviewed"),
    "label.review-due": ("Herzien vóór", "Review due"),
    "label.review-overdue": ("herziening verlopen", "review overdue"),
    "label.changed": ("Gewijzigd", "Changed"),
    "label.link": ("Document", "Document"),
    "label.file": ("Bijlage", "Attachment"),
    "label.withdrawn-source": (
        "Deze bron is ingetrokken en mag niet meer gebruikt worden.",
        "This source is withdrawn and must no longer be used.",
    ),
    "label.used-by": ("Gebruikt bij", "Used by"),
    "label.not-used": ("Geen enkel criterium verwijst naar deze bron.", "No criterion cites this source."),
    "label.as-of": ("Stand per {date}", "As of {date}"),
    "label.start-date": ("Datum start", "Start date"),
    "label.content-date": ("Inhoud van", "Content as of"),
    "label.date": ("Datum", "Date"),
    "label.initials": ("Paraaf", "Initials"),
    "label.download-csv": ("Download als CSV", "Download as CSV"),
    "label.split-per-team": (
        "Dit overzicht is te groot voor één pagina en staat per team op een eigen pagina.",
        "This overview is too large for one page; each team has a page of its own.",
    ),
    "label.legend": ("Legenda", "Legend"),
    "label.expires-soon": ("aftekening verloopt binnen {days} dagen", "sign-off expires within {days} days"),
    "label.expires-on": ("verloopt op {date}", "expires on {date}"),
    "label.nobody-in-format": ("Er is nog niemand in dit format.", "There is nobody in this format yet."),
    "label.totals": ("Totaal", "Total"),
    "label.coverage-row": ("Aantal op niveau ≥ {level}", "Number at level ≥ {level}"),
    "label.minimum": ("minimaal {count} nodig", "at least {count} needed"),
    "label.minimum-short": ("Minimum", "Minimum"),
    "label.count": ("Aantal", "Count"),
    "label.shortfalls": ("Tekorten", "Shortfalls"),
    "label.team-coverage-intro": (
        "Per werkproces het aantal actieve teamleden op niveau {level} ({label}) of hoger; minimaal {count} nodig. Tekorten staan bovenaan.",
        "Per work process the number of active team members at level {level} ({label}) or higher; at least {count} needed. Shortfalls first.",
    ),
    "label.levels-per-work-process": ("Niveau per werkproces", "Level per work process"),
    "label.gap": ("Tekort", "Gap"),
    "label.next-steps": ("Af te tekenen voor het volgende niveau", "To sign for the next level"),
    "label.assessment-only": (
        "Dit niveau heeft geen criteria: het wordt behaald met een beoordeling van het hele werkproces.",
        "This level has no criteria: it is reached by an assessment of the whole work process.",
    ),
    "label.no-next-steps": ("Op alle werkprocessen is het doelniveau bereikt.", "The target level is reached on every work process."),
    "label.reinstruction": ("Herinstructie nodig", "Re-instruction needed"),
    "label.signed-on": ("Afgetekend op", "Signed on"),
    "label.planned-training": ("Geplande opleiding", "Planned training"),
    "label.due": ("Gereed vóór", "Due"),
    "label.activity": ("Activiteit", "Activity"),
    "label.overdue": ("verlopen", "overdue"),
    "label.nothing-planned": ("Geen opleiding gepland.", "No training planned."),
    "label.history": ("Historie van aftekeningen", "Sign-off history"),
    "label.signed": ("Afgetekend", "Signed"),
    "label.assessor": ("Beoordelaar", "Assessor"),
    "label.note": ("Opmerking", "Note"),
    "label.expired": ("verlopen", "expired"),
    "label.assessment": ("beoordeling hele werkproces: niveau {level}", "assessment of the whole work process: level {level}"),
    "label.no-signoffs": ("Nog geen aftekeningen.", "No sign-offs yet."),
    "label.sources-due": ("Bronnen waarvan de herziening verlopen is", "Sources overdue for review"),
    "label.criteria-without-source": ("Criteria zonder bron", "Criteria without a source"),
    "label.unused-sources": ("Bronnen die niemand gebruikt", "Sources nothing uses"),
    "label.overdue-training": ("Verlopen geplande opleiding", "Overdue planned training"),
    "label.personal-data-hidden": (
        "Niet getoond: persoonsgegevens worden niet gepubliceerd (personal_data).",
        "Not shown: personal data is not published (personal_data).",
    ),
    "label.none": ("Geen.", "None."),
    "label.errors-intro": (
        "De inhoud bevat fouten; de site wordt weer getoond zodra ze zijn opgelost. Sla het bestand op en deze pagina ververst vanzelf.",
        "The content has errors; the site comes back as soon as they are fixed. Save the file and this page refreshes by itself.",
    ),
    "label.errors-title": ("Fouten in de inhoud", "Errors in the content"),
    "kind.knowledge": ("Kennis", "Knowledge"),
    "kind.skill": ("Vaardigheid", "Skill"),
    "kind.attitude": ("Houding", "Attitude"),
    "status.under": ("onder niveau", "under target"),
    "status.on-target": ("op niveau", "on target"),
    "status.over": ("boven niveau", "over target"),
    "source-type.procedure": ("Procedure", "Procedure"),
    "source-type.work_instruction": ("Werkinstructie", "Work instruction"),
    "source-type.safety": ("Veiligheidsvoorschrift", "Safety rule"),
    "source-type.e_learning": ("E-learning", "E-learning"),
    "source-type.video": ("Video", "Video"),
    "source-type.form": ("Formulier", "Form"),
    "source-type.other": ("Overig", "Other"),
    "source-status.draft": ("concept", "draft"),
    "source-status.valid": ("geldig", "valid"),
    "source-status.withdrawn": ("ingetrokken", "withdrawn"),
    # --- improvement assignments ---------------------------------------------
    "where.column": ("in kolom {name}", "in column {name}"),
    "where.key": ("bij '{name}'", "under '{name}'"),
    "retired-work-process-improved": (
        "werkproces '{id}' is buiten gebruik (retired: true); noem in 'work_processes' het werkproces dat ervoor in de plaats kwam",
        "work process '{id}' is retired (retired: true); name the work process that replaced it in 'work_processes'",
    ),
    "improvement-future-date": (
        "'{key}' is {value}, na de bouwdatum {today}; vul een datum in die al geweest is",
        "'{key}' is {value}, after the build date {today}; fill in a date that has passed",
    ),
    "finished-before-started": (
        "'finished' ({finished}) ligt vóór 'started' ({started}); een verbeteropdracht eindigt na de start — verwissel de datums of verbeter er één",
        "'finished' ({finished}) is before 'started' ({started}); an improvement ends after it starts — swap the dates or correct one",
    ),
    "finished-not-done": (
        "'finished' is ingevuld maar de status is '{status}'; zet 'status: done' als de opdracht af is, of haal 'finished' weg",
        "'finished' is filled in but the status is '{status}'; set 'status: done' if the assignment is finished, or remove 'finished'",
    ),
    "item.person": ("persoon", "person"),
    "label.improvements": ("Verbeteropdrachten", "Improvement assignments"),
    "label.improvement": ("Verbeteropdracht", "Improvement assignment"),
    "label.improvements-intro": (
        "Op niveau {level} voert een medewerker een verbeteropdracht uit (LEAN, Kaizen, TPM, PDCA, …) en schrijft die uit, zodat goede ideeën zich verspreiden. Hier staan ze allemaal, per status, per methode en per team; de nieuwste eerst.",
        "At level {level} an employee carries out an improvement assignment (LEAN, Kaizen, TPM, PDCA, …) and writes it up, so that good ideas spread. Here they all are, by status, by method and by team; newest first.",
    ),
    "label.improvements-intro-plain": (
        "Verbeteropdrachten (LEAN, Kaizen, TPM, PDCA, …) worden uitgeschreven en gedeeld, zodat goede ideeën zich verspreiden. Hier staan ze allemaal, per status, per methode en per team; de nieuwste eerst.",
        "Improvement assignments (LEAN, Kaizen, TPM, PDCA, …) are written up and shared, so that good ideas spread. Here they all are, by status, by method and by team; newest first.",
    ),
    "label.feed": ("Volg de afgeronde verbeteropdrachten (Atom-feed)", "Follow the finished improvements (Atom feed)"),
    "label.by-status": ("Per status", "By status"),
    "label.by-method": ("Per methode", "By method"),
    "label.by-team": ("Per team", "By team"),
    "label.method": ("Methode", "Method"),
    "label.started": ("Gestart", "Started"),
    "label.finished": ("Afgerond", "Finished"),
    "label.savings": ("Opbrengst", "Savings"),
    "label.authors": ("Uitgevoerd door", "Carried out by"),
    "label.tags": ("Trefwoorden", "Tags"),
    "label.no-improvements": ("Nog geen verbeteropdrachten.", "No improvement assignments yet."),
    "label.latest-improvements": ("Laatst afgeronde verbeteropdrachten", "Latest finished improvements"),
    "label.all-improvements": ("Alle verbeteropdrachten", "All improvement assignments"),
    "label.improvement-cap": (
        "Het totaalniveau is {level}: niveau {needed} vraagt een afgeronde verbeteropdracht. Op de werkprocessen zelf is niveau {lowest} bereikt.",
        "The overall level is {level}: level {needed} needs a finished improvement assignment. Level {lowest} is reached on the work processes themselves.",
    ),
    "label.improvement-cap-running": ("Loopt nu:", "In progress:"),
    "label.improvement-cap-none": (
        "Er loopt nog geen verbeteropdracht; spreek er een af met de coach.",
        "No improvement assignment is in progress yet; agree on one with the coach.",
    ),
    "label.capped-mark": (
        "totaalniveau begrensd: niveau {level} vraagt een afgeronde verbeteropdracht",
        "overall level held: level {level} needs a finished improvement assignment",
    ),
    "improvement-status.idea": ("idee", "idea"),
    "improvement-status.running": ("loopt", "in progress"),
    "improvement-status.done": ("afgerond", "finished"),
    "improvement-method.PDCA": ("PDCA", "PDCA"),
    "improvement-method.LEAN": ("LEAN", "LEAN"),
    "improvement-method.Kaizen": ("Kaizen", "Kaizen"),
    "improvement-method.TPM": ("TPM", "TPM"),
    "improvement-method.Six Sigma": ("Six Sigma", "Six Sigma"),
    "improvement-method.other": ("Overige methode", "Other method"),
    # --- sources, re-instruction, health and readability ----------------------
    "label.readability": ("Leesbaarheid", "Readability"),
    "label.readability-score": ("{score} ({band})", "{score} ({band})"),
    "label.readability-scale": ("Flesch-Douma, 0 zeer moeilijk – 100 zeer makkelijk", "Flesch reading ease, 0 very difficult – 100 very easy"),
    "readability.easy": ("makkelijk", "easy"),
    "readability.average": ("gemiddeld", "average"),
    "readability.difficult": ("moeilijk", "difficult"),
    "label.readability-ranking": ("Leesbaarheid van bronnen, moeilijkste eerst", "Readability of sources, hardest first"),
    "label.readability-ranking-intro": (
        "Bronnen die niet makkelijk leesbaar zijn, de moeilijkste eerst. De score is de Flesch-Douma-score van de tekst, van 0 (zeer moeilijk) tot 100 (zeer makkelijk): vanaf {easy} makkelijk, van {difficult} tot {easy} gemiddeld, onder {difficult} moeilijk. Kortere zinnen en kortere woorden maken een tekst makkelijker. Ingetrokken bronnen en bronnen zonder tekst staan er niet bij.",
        "Sources that are not easy to read, the hardest first. The score is the Flesch reading ease of the text, from 0 (very difficult) to 100 (very easy): easy from {easy}, average from {difficult} to {easy}, difficult below {difficult}. Shorter sentences and shorter words make a text easier. Withdrawn sources and sources without text are left out.",
    ),
    "label.reinstruction-intro": (
        "Wie vóór de wijziging van {date} is afgetekend op een criterium dat deze bron gebruikt, krijgt opnieuw instructie. Opnieuw aftekenen na de wijziging haalt de medewerker van deze lijst.",
        "Everyone signed off before the change of {date} on a criterion that uses this source is instructed again. Signing off again after the change takes the employee off this list.",
    ),
    "label.reinstruction-count": ("Aantal medewerkers met herinstructie nodig: {count}.", "Employees who need re-instruction: {count}."),
    "label.reinstruction-nobody": ("Niemand hoeft opnieuw geïnstrueerd te worden.", "Nobody needs re-instruction."),
    "label.restricted": ("Persoonsgegevens", "Personal data"),
    "label.restricted-intro": (
        "Hier staan de pagina's met namen en niveaus van medewerkers. Wie welke map mag lezen, regelt de webserver "
        "(of de netwerkschijf): vraagt de site om in te loggen of zegt ze dat je geen toegang hebt, dan is die map niet voor jou.",
        "Here are the pages with the names and levels of employees. Who may read which folder is up to the web server "
        "(or the file share): if the site asks you to log in or says you have no access, that folder is not for you.",
    ),
    "label.restricted-teams": ("Per team", "Per team"),
    "label.restricted-teams-intro": (
        "Voor de leidinggevenden van het team en de planners: de teampagina (wie kan wat), de matrix, de planning, "
        "herinstructie en de POP's van de medewerkers.",
        "For the team's leaders and the planners: the team page (who can do what), the matrix, the planning, "
        "re-instruction and the employees' POPs.",
    ),
    "label.restricted-all": ("Alle teams", "All teams"),
    "label.restricted-all-intro": ("Alleen voor de planners.", "For the planners only."),
    "label.restricted-own": ("Je eigen POP", "Your own POP"),
    "label.restricted-own-intro": (
        "Elke medewerker kan zijn of haar eigen POP en aftekenlijst openen. Vraag je leidinggevende om de link; "
        "die blijft altijd dezelfde.",
        "Every employee can open their own POP and checklist. Ask your team leader for the link; it never changes.",
    ),
    "label.more": ("Verder", "More"),
    "label.planners-only": ("(alleen planners)", "(planners only)"),
    "label.matrix-all-teams": ("Matrix {format}, alle teams", "Matrix {format}, all teams"),
    "label.team-matrix-intro": ("Alleen de medewerkers van {team}.", "Only the employees of {team}."),
    "label.people-per-team-intro": (
        "Per team het aantal medewerkers in dit format. Namen en niveaus staan in de matrix van het team, "
        "die alleen de leidinggevenden van dat team en de planners openen.",
        "Per team the number of employees in this format. Names and levels are in the team's matrix, "
        "which only the team's leaders and the planners open.",
    ),
    "label.who-per-team-intro": (
        "Per team hoeveel medewerkers het kunnen; wie dat zijn, staat op de teampagina (voor de leidinggevenden "
        "van dat team en de planners).",
        "Per team how many employees can do it; who they are is on the team page (for the team's leaders and the planners).",
    ),
    "label.reinstruction-per-team-intro": (
        "Per team; de namen staan op de herinstructiepagina van het team (voor de leidinggevenden van dat team en de planners).",
        "Per team; the names are on the team's re-instruction page (for the team's leaders and the planners).",
    ),
    "label.reinstruction-team-intro": (
        "Bronnen die zijn gewijzigd na de aftekening van deze medewerkers: instrueer ze opnieuw en teken het criterium "
        "opnieuw af.",
        "Sources changed after these employees were signed off: instruct them again and sign the criterion off again.",
    ),
    "label.names-restricted": ("De namen staan op een beperkte pagina:", "The names are on a restricted page:"),
    "label.health-names": ("Gezondheid: de namen", "Health: the names"),
    "label.names-hidden": ("Namen worden niet gepubliceerd (personal_data).", "Names are not published (personal_data)."),
    "label.change-pending": (
        "De wijziging gaat in op {date}; vanaf die dag telt wie opnieuw geïnstrueerd moet worden.",
        "The change takes effect on {date}; from that day on the site counts who must be re-instructed.",
    ),
    "label.reinstruction-sources": ("Herinstructie na gewijzigde bronnen", "Re-instruction after changed sources"),
    "label.reinstruction-sources-intro": (
        "Per gewijzigde bron het aantal medewerkers dat vóór de wijziging is afgetekend; de pagina van de bron toont ze per team.",
        "Per changed source the number of employees signed off before the change; the source's page shows them per team.",
    ),
    "label.people-count": ("Medewerkers", "Employees"),
    "label.sources-due-soon": ("Bronnen die binnen {days} dagen herzien moeten worden", "Sources due for review within {days} days"),
    "label.expiring-levels": ("Niveaus die binnen {days} dagen kunnen dalen", "Levels that may drop within {days} days"),
    "label.expiring-levels-intro": (
        "Per werkproces het aantal niveaus van medewerkers dat kan dalen doordat de oudste aftekening waarop het rust verloopt (de geldigheid van het werkproces). Opnieuw aftekenen of beoordelen vóór die datum houdt het niveau.",
        "Per work process the number of employees' levels that may drop because the oldest sign-off they rest on expires (the work process's validity). Signing off or assessing again before that date keeps the level.",
    ),
    "label.within-days": ("binnen {days} dagen", "within {days} days"),
    "label.expires": ("Verloopt op", "Expires on"),
    # --- scaffolding: python -m generator new ---------------------------------
    "new.no-content": (
        "de inhoudsmap '{folder}' bestaat niet; geef de map met organisation.yml op als laatste argument, bijv. content",
        "the content folder '{folder}' does not exist; give the folder with organisation.yml as the last argument, e.g. content",
    ),
    "new.bad-id": (
        "'{id}' is geen geldige id: gebruik alleen kleine letters, cijfers en streepjes (bijv. '{example}'); de id wordt de bestandsnaam",
        "'{id}' is not a valid id: use lowercase letters, digits and hyphens only (e.g. '{example}'); the id becomes the file name",
    ),
    "new.outside": (
        "de map '{folder}' leidt buiten de inhoudsmap '{content}'; er is niets geschreven",
        "the folder '{folder}' leads outside the content folder '{content}'; nothing was written",
    ),
    "new.exists": (
        "{path} bestaat al en wordt niet overschreven; kies een andere id of bewerk het bestaande bestand",
        "{path} already exists and is not overwritten; choose another id or edit the existing file",
    ),
    "new.failed": ("kan {path} niet schrijven: {problem}", "cannot write {path}: {problem}"),
    "new.written": ("Nieuw bestand: {path}", "New file: {path}"),
    "new.next": (
        "Vul de lege waarden in (de regel met # erboven zegt wat er hoort) en controleer daarna met: {command}",
        "Fill in the empty values (the # line above each says what belongs there), then check with: {command}",
    ),
    "new.optional": (
        "Regels die beginnen met '# sleutel:' zijn optioneel: haal '# ' weg en vul een waarde in om ze te gebruiken.",
        "Lines that start with '# key:' are optional: remove the '# ' and fill in a value to use them.",
    ),
    "new.optional-mark": ("(optioneel)", "(optional)"),
    "new.source.intro": (
        "Nieuwe informatiebron '{id}'. Vul elke lege waarde in; de regel met # erboven zegt wat er hoort.",
        "New information source '{id}'. Fill in every empty value; the # line above it says what belongs there.",
    ),
    "new.source.title": ("Titel van de bron, zoals medewerkers hem kennen", "Title of the source, as people know it"),
    "new.source.type": ("Soort bron, één van: {choices}", "Kind of source, one of: {choices}"),
    "new.source.owner": (
        "Afdeling of rol die de bron actueel houdt (vrije tekst), bijv. Productie",
        "Department or role that keeps the source current (free text), e.g. Production",
    ),
    "new.source.version": ("Versie van het document", "Version of the document"),
    "new.source.reviewed": ("Datum van de laatste beoordeling (JJJJ-MM-DD); staat op vandaag", "Date of the last review (YYYY-MM-DD); set to today"),
    "new.source.changed": (
        "Datum van een wijziging waarop wie al is afgetekend opnieuw instructie moet krijgen",
        "Date of a change that people already signed off must be re-instructed on",
    ),
    "new.source.review_months": (
        "Om de hoeveel maanden de bron herzien moet worden; zonder deze regel geldt organisation.yml",
        "How often, in months, the source must be reviewed; without this line organisation.yml decides",
    ),
    "new.source.status": (
        "Status, één van: {choices}; een nieuwe bron begint als draft (concept), zet hem op valid als hij klaar is",
        "Status, one of: {choices}; a new source starts as draft, set it to valid when it is ready",
    ),
    "new.source.url": ("Webadres als het document elders staat (DMS, videoplatform)", "Web address if the document lives elsewhere (DMS, video platform)"),
    "new.source.file": ("Bijlage in sources/files/, bijv. files/procedure.pdf", "Attachment under sources/files/, e.g. files/procedure.pdf"),
    "new.source.body": (
        "Onder de regel '---' hieronder komt de tekst van de bron in Markdown: de procedure zelf of een samenvatting met de stappen die ertoe doen.",
        "Below the '---' line that follows comes the text of the source in Markdown: the procedure itself or a summary with the steps that matter.",
    ),
    "new.work-process.intro": (
        "Nieuw werkproces '{id}'. Vul elke lege waarde in; de regel met # erboven zegt wat er hoort.",
        "New work process '{id}'. Fill in every empty value; the # line above it says what belongs there.",
    ),
    "new.work-process.title": ("Naam van het werkproces", "Name of the work process"),
    "new.work-process.code": ("Code uit het MBO-kwalificatiedossier, bijv. B1-K1-W2", "Code from the MBO qualification file, e.g. B1-K1-W2"),
    "new.work-process.valid_months": ("Na hoeveel maanden een aftekening niet meer telt", "After how many months a sign-off no longer counts"),
    "new.work-process.criteria": (
        "Succescriteria; kopieer het blok vanaf '- id:' voor elk volgend criterium",
        "Success criteria; copy the block from '- id:' for each further criterion",
    ),
    "new.work-process.body": (
        "Onder de regel '---' hieronder komt de beschrijving in Markdown: wat dit werkproces is, waar het gebeurt en hoe goed werk eruitziet.",
        "Below the '---' line that follows comes the description in Markdown: what this work process is, where it happens and what good work looks like.",
    ),
    "new.criterion.id": (
        "Id van het criterium: uniek en nooit hergebruikt (werkproces-niveau-volgnummer)",
        "Id of the criterion: unique and never reused (work process-level-number)",
    ),
    "new.criterion.level": ("Niveau, van 1 tot en met {high}", "Level, from 1 to {high}"),
    "new.criterion.kind": ("Soort, één van: {choices} (kennis, vaardigheid, houding)", "Kind, one of: {choices}"),
    "new.criterion.text": ("Wat de medewerker weet, kan of laat zien, in één zin", "What the employee knows, can do or shows, in one sentence"),
    "new.criterion.sources": (
        "Ids van de bronnen die zeggen hoe het moet (bestandsnamen in sources/ zonder .md), tussen [ ] en gescheiden door komma's",
        "Ids of the sources that say how it is done (file names in sources/ without .md), between [ ] and separated by commas",
    ),
    "new.improvement.intro": (
        "Nieuwe verbeteropdracht '{id}'. Vul elke lege waarde in; de regel met # erboven zegt wat er hoort.",
        "New improvement assignment '{id}'. Fill in every empty value; the # line above it says what belongs there.",
    ),
    "new.improvement.title": ("Titel van de verbeteropdracht", "Title of the improvement assignment"),
    "new.improvement.author": ("Id van de auteur uit people.csv (kolom id)", "Id of the author from people.csv (column id)"),
    "new.improvement.method": ("Methode, één van: {choices}", "Method, one of: {choices}"),
    "new.improvement.status": (
        "Status, één van: {choices} (idee, loopt, afgerond); een nieuwe opdracht begint als idea",
        "Status, one of: {choices}; a new assignment starts as idea",
    ),
    "new.improvement.started": ("Startdatum (JJJJ-MM-DD); staat op vandaag", "Start date (YYYY-MM-DD); set to today"),
    "new.improvement.finished": ("Einddatum; verplicht zodra de status done is", "End date; required once the status is done"),
    "new.improvement.work_processes": (
        "Ids van de werkprocessen die het verbetert (bestandsnamen in work-processes/ zonder .md), tussen [ ] en gescheiden door komma's",
        "Ids of the work processes it improves (file names in work-processes/ without .md), between [ ] and separated by commas",
    ),
    "new.improvement.savings": ("Wat het oplevert, vrije tekst, bijv. 4 uur per week", "What it saves, free text, e.g. 4 hours a week"),
    "new.improvement.team": (
        "Id van het team uit organisation.yml; zonder deze regel het team van de auteur",
        "Id of the team from organisation.yml; without this line the author's team",
    ),
    "new.improvement.co_authors": ("Ids van mede-auteurs uit people.csv, tussen [ ]", "Ids of co-authors from people.csv, between [ ]"),
    "new.improvement.tags": ("Vrije trefwoorden, tussen [ ] en gescheiden door komma's", "Free keywords, between [ ] and separated by commas"),
    "new.improvement.body": (
        "Onder de regel '---' hieronder komt het verslag, in de secties die er al staan.",
        "Below the '---' line that follows comes the write-up, in the sections already there.",
    ),
    "new.section.background": ("Aanleiding", "Background"),
    "new.section.plan": ("Plan", "Plan"),
    "new.section.do": ("Do", "Do"),
    "new.section.check": ("Check", "Check"),
    "new.section.act": ("Act", "Act"),
    "new.section.result": ("Resultaat", "Result"),
    # --- large and odd tables ---------------------------------------------------
    "csv-syntax": (
        "de rij die hier begint is geen geldige CSV: een aanhalingsteken (\") wordt niet gesloten, er staat tekst direct "
        "achter een sluitend aanhalingsteken, of een cel is langer dan {limit} tekens; de rest van het bestand is niet gelezen",
        "the row that starts here is not valid CSV: a quote (\") is not closed, text follows a closing quote directly, "
        "or a cell is longer than {limit} characters; the rest of the file was not read",
    ),
    # --- who can do this, POP and planning --------------------------------------
    "label.who-can-do": ("Wie kan dit?", "Who can do this?"),
    "label.who-can-do-intro": (
        "Per team de actieve medewerkers op elk niveau, van elk format; wie in meer formats met dit werkproces zit, telt één keer. "
        "Niveau {level} ({label}) en hoger telt voor de dekking: minimaal {count} per team nodig.",
        "Per team the active employees at each level, of any format; someone whose format shares this work process with another counts once. "
        "Level {level} ({label}) and higher counts towards coverage: at least {count} per team needed.",
    ),
    "label.who-no-team": ("Geen team heeft dit werkproces in een format.", "No team has this work process in a format."),
    "label.level-named": ("Niveau {level} — {label}", "Level {level} — {label}"),
    "label.count-of-minimum": ("{count} van minimaal {minimum}", "{count} of at least {minimum}"),
    "label.nobody": ("niemand", "nobody"),
    "label.people-index": ("Alle medewerkers", "All employees"),
    "label.people-index-intro": (
        "Alle actieve medewerkers met hun team, format, totaalniveau en doelniveau. Een naam leidt naar het POP.",
        "Every active employee with their team, format, overall level and target. A name leads to the development plan.",
    ),
    "label.filter": ("Filter", "Filter"),
    "label.filter-all": ("alle", "all"),
    "label.filter-shown": ("{shown} van {total} getoond", "{shown} of {total} shown"),
    "label.superseded": ("vervangen door beoordeling van {date}", "superseded by the assessment of {date}"),
    "label.reached": ("bereikt", "reached"),
    # --- matrix page ---------------------------------------------------------------
    "label.matrix-overall-rule": (
        "Totaalniveau: het laagste niveau over de werkprocessen van dit format.",
        "Overall level: the lowest level over the work processes of this format.",
    ),
    "label.matrix-overall-cap": (
        "Zonder afgeronde verbeteropdracht is het hooguit niveau {level} (⚑).",
        "Without a finished improvement assignment it is at most level {level} (⚑).",
    ),
    "label.matrix-holding": (
        "omlijnd: dit werkproces houdt het totaalniveau laag",
        "outlined: this work process holds the overall level down",
    ),
    "label.matrix-lapsed": (
        "niveau gedaald doordat aftekeningen verlopen zijn (een grijze 0 zonder 'verlopen' is nooit opgeleid)",
        "level dropped because sign-offs expired (a grey 0 without 'expired' is never trained)",
    ),
    "label.matrix-lapsed-was": ("verlopen; was niveau {level}", "expired; was level {level}"),
    "label.matrix-coverage-row": ("Aantal op niveau ≥ {level} (minimaal {count})", "Number at level ≥ {level} (at least {count})"),
    "label.matrix-coverage-scope": (
        "De telling per team omvat alleen de mensen met dit format; de teampagina's tellen alle formats van het team.",
        "The count per team covers only the people in this format; the team pages count every format of the team.",
    ),
    "label.matrix-filter-all-teams": ("Alle teams", "All teams"),
    "label.matrix-sort": ("Sorteren", "Sort"),
    # --- spreadsheets ---------------------------------------------------------------
    "import-file-type": (
        "bestanden '{suffix}' worden niet gelezen; sla de spreadsheet op als Excel-werkmap (.xlsx) of als CSV",
        "'{suffix}' files are not read; save the spreadsheet as an Excel workbook (.xlsx) or as CSV",
    ),
    "import-unreadable": ("het bestand is niet te lezen: {problem}", "the file cannot be read: {problem}"),
    "import-not-xlsx": (
        "dit is geen Excel-werkmap (.xlsx): {problem}; open het in Excel en kies Opslaan als › Excel-werkmap",
        "this is not an Excel workbook (.xlsx): {problem}; open it in Excel and choose Save As › Excel Workbook",
    ),
    "import-no-sheet": ("het blad '{sheet}' bestaat niet; de bladen zijn: {known}", "there is no sheet '{sheet}'; the sheets are: {known}"),
    "import-encoding": (
        "de tekenset van dit CSV-bestand is niet te herkennen (UTF-16 of onbekende tekens); kies in Excel Opslaan als › "
        "'CSV UTF-8 (door lijstscheidingsteken gescheiden)'",
        "the character set of this CSV file cannot be recognised (UTF-16 or unknown characters); in Excel choose Save As › "
        "'CSV UTF-8 (Comma delimited)'",
    ),
    "import-no-header": (
        "geen kopregel gevonden: zet boven de kolommen 'Ploeg' (of 'Team') en 'Naam' (of 'Voornaam' en 'Achternaam'), "
        "en daarnaast één kolom per werkproces",
        "no header row found: put 'Team' (or 'Ploeg') and 'Name' (or 'First name' and 'Last name') above the columns, "
        "and beside them one column per work process",
    ),
    "import-unknown-column": (
        "de kolom '{column}' past bij geen werkproces van format '{format}' (gebruik de id, de MBO-code of de titel){hint}",
        "the column '{column}' matches no work process of format '{format}' (use its id, MBO code or title){hint}",
    ),
    "import-duplicate-column": (
        "de kolom '{column}' is werkproces '{work_process}', net als kolom {other}; laat één van beide over",
        "the column '{column}' is work process '{work_process}', as is column {other}; keep one of them",
    ),
    "import-no-work-processes": (
        "naast de namen staat geen kolom met een werkproces van format '{format}'",
        "beside the names there is no column with a work process of format '{format}'",
    ),
    "import-bad-level": (
        "'{value}' is geen niveau: vul een geheel getal van {low} tot en met {high} in, of laat de cel leeg",
        "'{value}' is not a level: enter a whole number from {low} to {high}, or leave the cell empty",
    ),
    "import-level-out-of-scale": (
        "niveau {level} bestaat niet; de schaal in organisation.yml loopt van {low} tot en met {high}",
        "level {level} does not exist; the scale in organisation.yml runs from {low} to {high}",
    ),
    "import-unknown-team": (
        "team '{value}' bestaat niet; gebruik de id of de naam uit organisation.yml ({known}) of het nummer waarop de naam eindigt",
        "team '{value}' does not exist; use the id or name from organisation.yml ({known}) or the number its name ends in",
    ),
    "import-duplicate-person": (
        "{name} ({team}) staat ook op rij {other_row}; laat één rij over",
        "{name} ({team}) is on row {other_row} too; keep one row",
    ),
    "import-ambiguous-name": (
        "{name} ({team}) past bij meer mensen in people.csv ({ids}); maak de namen daar verschillend",
        "{name} ({team}) matches more than one person in people.csv ({ids}); make the names there differ",
    ),
    "import-lower-level": (
        "{name} heeft nu niveau {current} op '{work_process}'; de import legt niveau {level} vast, dat dan geldt",
        "{name} is at level {current} on '{work_process}' today; the import records level {level}, which then counts",
    ),
    # --- limits on imported sheets ---
    "import-missing": ("dit bestand bestaat niet; controleer de naam en de map", "this file does not exist; check its name and folder"),
    "import-not-a-file": (
        "dit is geen gewoon bestand maar {what}, en wordt niet gelezen; geef een .xlsx- of .csv-bestand op",
        "this is not an ordinary file but {what}, and is not read; name an .xlsx or .csv file",
    ),
    "import.kind-folder": ("een map", "a folder"),
    "import.kind-special": ("een pipe, apparaat of socket", "a pipe, device or socket"),
    "import.kind-link": ("een snelkoppeling die naar zichzelf wijst", "a link that points at itself"),
    "import-unpacked-too-large": (
        "uitgepakt is deze werkmap {size}, meer dan de {limit} die de generator leest; een matrix of aftekenblad is veel kleiner — "
        "kopieer alleen dat blad naar een nieuwe werkmap",
        "unpacked, this workbook is {size}, more than the {limit} the generator reads; a matrix or sign-off sheet is far smaller — "
        "copy just that sheet into a new workbook",
    ),
    "import-packed-ratio": (
        "het onderdeel {part} pakt uit tot {ratio} keer zijn grootte (meer dan {limit} keer): zo wordt geen werkmap opgeslagen; "
        "het bestand wordt niet gelezen",
        "the part {part} unpacks to {ratio} times its size (more than {limit} times): no workbook is saved like that; "
        "the file is not read",
    ),
    "import-xml-entities": (
        "de XML in deze werkmap declareert entiteiten (<!ENTITY …>), wat Excel nooit schrijft; de generator leest ze niet — "
        "open het bestand in Excel en sla het op als Excel-werkmap (.xlsx)",
        "the XML in this workbook declares entities (<!ENTITY …>), which Excel never writes; the generator does not read them — "
        "open the file in Excel and save it as an Excel Workbook (.xlsx)",
    ),
    "import-too-many-rows": (
        "het blad heeft meer dan {limit} rijen; de generator leest niet verder — splits het blad of verwijder de rijen die er niet in horen",
        "the sheet has more than {limit} rows; the generator reads no further — split the sheet or delete the rows that do not belong in it",
    ),
    "import-too-many-columns": (
        "het blad heeft meer dan {limit} kolommen; de generator leest niet verder — verwijder de kolommen die er niet in horen",
        "the sheet has more than {limit} columns; the generator reads no further — delete the columns that do not belong in it",
    ),
    "import-too-many-problems": (
        "{count} cellen met een probleem; de generator leest niet verder — los deze eerst op",
        "{count} cells with a problem; the generator reads no further — fix these first",
    ),
    "import-cell-too-long": (
        "deze cel bevat {length} tekens, meer dan de {limit} die de generator leest; een naam, niveau of notitie is korter",
        "this cell holds {length} characters, more than the {limit} the generator reads; a name, level or note is shorter",
    ),
    "import-unsafe-character": (
        "deze cel bevat een onzichtbaar stuur- of richtingsteken ({character}), vaak meegekopieerd uit een ander programma; "
        "typ de inhoud opnieuw",
        "this cell holds an invisible control or direction character ({character}), often copied along from another program; "
        "type its content again",
    ),
    "import-formula-text": (
        "'{value}' begint met =, +, - of @ en zou in Excel als formule worden uitgevoerd zodra people.csv of signoffs.csv wordt "
        "geopend; haal dat teken weg of zet er tekst voor",
        "'{value}' starts with =, +, - or @ and would run as a formula in Excel once people.csv or signoffs.csv is opened; "
        "remove that character or put text before it",
    ),
    "import-uncomputed-formula": (
        "deze cel heeft een formule zonder opgeslagen uitkomst: het bestand is gemaakt door een programma dat geen formules "
        "uitrekent; open en bewaar het bestand in Excel",
        "this cell has a formula without a saved result: the file was made by a program that does not compute formulas; "
        "open and save the file in Excel",
    ),
    "import-mixed-encoding": (
        "op deze regel staat een teken dat geen UTF-8 is, terwijl het bestand elders wel UTF-8 heeft: twee tekensets door "
        "elkaar (bijvoorbeeld namen uit twee programma's geplakt) zouden namen verminken; kies in Excel Opslaan als › "
        "'CSV UTF-8 (door lijstscheidingsteken gescheiden)' en controleer deze regel",
        "this line has a character that is not UTF-8, while the file has UTF-8 elsewhere: two character sets mixed (names "
        "pasted from two programs, say) would garble names; in Excel choose Save As › 'CSV UTF-8 (Comma delimited)' and "
        "check this line",
    ),
    "spreadsheet-unknown-format": ("format '{id}' bestaat niet{hint} (formats staan in content/formats)", "format '{id}' does not exist{hint} (formats live in content/formats)"),
    "spreadsheet-unknown-assessor": ("beoordelaar '{id}' staat niet in people.csv{hint}", "assessor '{id}' is not in people.csv{hint}"),
    "spreadsheet-bad-date": ("'{value}' is geen datum; schrijf JJJJ-MM-DD", "'{value}' is not a date; write YYYY-MM-DD"),
    "spreadsheet.content-errors": (
        "de inhoud heeft {count} fout(en); los die eerst op ({command}), er is niets geschreven",
        "the content has {count} error(s); fix them first ({command}); nothing was written",
    ),
    "spreadsheet.nothing-written": ("{count} probleem/problemen; er is niets geschreven", "{count} problem(s); nothing was written"),
    "spreadsheet.import-note": ("ingelezen uit {file}", "imported from {file}"),
    "spreadsheet.new-people": ("Nieuwe medewerkers voor people.csv: {count}", "New people for people.csv: {count}"),
    "spreadsheet.new-person": ("  {id}  {name}  ({team})", "  {id}  {name}  ({team})"),
    "spreadsheet.new-levels": (
        "Nieuwe niveaus voor signoffs.csv: {count} (al eerder ingelezen uit {file}: {present})",
        "New levels for signoffs.csv: {count} (imported from {file} before: {present})",
    ),
    "spreadsheet.team-count": ("  {team}: {people} nieuwe medewerkers, {rows} niveaus", "  {team}: {people} new people, {rows} levels"),
    "spreadsheet.dry-run": ("Proefdraai (--dry-run): er is niets geschreven.", "Dry run (--dry-run): nothing was written."),
    "label.download-xlsx": ("Download voor Excel (.xlsx)", "Download for Excel (.xlsx)"),
    "label.download-which": (
        "Open in Excel het .xlsx-bestand: met kleuren, totalen en dekking. Het CSV-bestand (komma's, UTF-8) is voor andere "
        "programma's; de Nederlandse Excel zet het in één kolom.",
        "Open the .xlsx file in Excel: with colours, totals and coverage. The CSV file (commas, UTF-8) is for other programs; "
        "Excel in a locale with ';' as list separator shows it in one column.",
    ),
    "label.xlsx-title": ("{format} — inzetbaarheidsmatrix, stand van {date}", "{format} — deployability matrix as of {date}"),
    "label.xlsx-totals": ("Totaal {team}", "Total {team}"),
    "spreadsheet-unknown-person": ("'{value}' staat niet in people.csv (als id of als naam){hint}", "'{value}' is not in people.csv (as an id or a name){hint}"),
    "spreadsheet-ambiguous-person": ("'{value}' is de naam van meer mensen ({ids}); gebruik het id", "'{value}' is the name of more than one person ({ids}); use the id"),
    "spreadsheet-unknown-criterion": ("criterium '{id}' bestaat niet{hint}", "criterion '{id}' does not exist{hint}"),
    "spreadsheet-retired-criterion": (
        "criterium '{id}' is buiten gebruik (retired: true) en telt niet meer mee; teken het niet meer af",
        "criterion '{id}' is retired (retired: true) and no longer counts; do not sign it off any more",
    ),
    "spreadsheet-unknown-work-process": ("werkproces '{id}' bestaat niet{hint}", "work process '{id}' does not exist{hint}"),
    "spreadsheet.signed": ("Toegevoegd aan signoffs.csv: {count} regel(s) voor {name} ({id}).", "Added to signoffs.csv: {count} row(s) for {name} ({id})."),
    "label.signoff-sheet-help": (
        "Vul per afgetekend criterium person (id of naam), date (JJJJ-MM-DD) en assessor in; lege rijen tellen niet. "
        "Inlezen: python -m generator import-signoffs BESTAND (format {format}, niveau {level})",
        "For each criterion signed off fill in person (id or name), date (YYYY-MM-DD) and assessor; empty rows do not count. "
        "Read in: python -m generator import-signoffs FILE (format {format}, level {level})",
    ),
    "label.download-signoff-sheet": ("Aftekenblad voor Excel (.xlsx)", "Sign-off sheet for Excel (.xlsx)"),
    "import-no-signoff-header": (
        "geen kopregel gevonden: het aftekenblad heeft een regel met de kolommen {expected}",
        "no header row found: the sign-off sheet has a row with the columns {expected}",
    ),
    "import-signoff-no-person": (
        "op deze rij staan een datum of beoordelaar maar geen medewerker; vul person in of maak de rij leeg",
        "this row has a date or assessor but no person; fill in person or empty the row",
    ),
    "import-signoff-missing": ("vul '{column}' in", "fill in '{column}'"),
    "spreadsheet.signoff-rows": (
        "Nieuwe aftekeningen voor signoffs.csv: {count} (al aanwezig: {present})",
        "New sign-offs for signoffs.csv: {count} (already there: {present})",
    ),
    "spreadsheet.written": (
        "Geschreven: {people} medewerkers in people.csv en {rows} regels in signoffs.csv.",
        "Written: {people} people to people.csv and {rows} rows to signoffs.csv.",
    ),
    # --- writing content tables safely (journal) ---------------------------------------
    "unfinished-import": (
        "een import of aftekening is halverwege onderbroken, people.csv, signoffs.csv en selfassessments.csv kunnen half bijgewerkt zijn; "
        "maak hem af met python -m generator recover (of met de volgende signoff-, import- of new-opdracht); "
        "tot dan wordt er niets gebouwd",
        "an import or sign-off was interrupted halfway, people.csv, signoffs.csv and selfassessments.csv may be half changed; "
        "finish it with python -m generator recover (or with the next signoff, import or new command); "
        "nothing is built until then",
    ),
    "journal-completed": (
        "een onderbroken import of aftekening is afgemaakt: {tables} bijgewerkt",
        "an interrupted import or sign-off was finished: {tables} updated",
    ),
    "journal-rolled-back": (
        "een onderbroken import of aftekening kon niet worden afgemaakt (een tijdelijk bestand was onvolledig) en is "
        "teruggedraaid: {tables} zijn weer zoals ervoor; voer die opdracht opnieuw uit",
        "an interrupted import or sign-off could not be finished (a temporary file was incomplete) and was undone: "
        "{tables} are as before; run that command again",
    ),
    "journal-strays-removed": (
        "tijdelijke bestanden van een onderbroken opdracht verwijderd ({files}); er was nog niets veranderd",
        "removed the temporary files of an interrupted command ({files}); nothing had been changed yet",
    ),
    "journal-recovery-failed": (
        "de wijziging van people.csv en signoffs.csv kon niet worden afgemaakt ({problem}); los dat op (bijv. maak de map "
        "schrijfbaar) en voer python -m generator recover uit",
        "the change of people.csv and signoffs.csv could not be finished ({problem}); fix that (e.g. make the folder "
        "writable) and run python -m generator recover",
    ),
    "folder-not-writable": (
        "deze map kan niet worden geschreven (alleen-lezen, of u hebt er geen schrijfrechten); maak hem schrijfbaar en "
        "probeer het opnieuw",
        "this folder cannot be written (read-only, or you have no right to write it); make it writable and try again",
    ),
    "file-not-writable": (
        "dit bestand kan niet worden geschreven (alleen-lezen, of u hebt er geen schrijfrechten); maak het schrijfbaar en "
        "probeer het opnieuw",
        "this file cannot be written (read-only, or you have no right to write it); make it writable and try again",
    ),
    "write-failed": (
        "schrijven lukte niet ({problem}); people.csv en signoffs.csv zijn niet veranderd",
        "writing failed ({problem}); people.csv and signoffs.csv were not changed",
    ),
    "table-changed": (
        "het bestand is veranderd terwijl de opdracht liep (opgeslagen in een ander programma?); voer de opdracht opnieuw uit",
        "the file changed while the command ran (saved in another program?); run the command again",
    ),
    "spreadsheet-unsafe-character": (
        "hierin staat een onzichtbaar teken ({character}: een stuurteken, tab, regeleinde of tekenrichtingsteken) dat check "
        "in people.csv en signoffs.csv weigert; verwijder het",
        "this holds an invisible character ({character}: a control character, tab, line break or text-direction mark) "
        "that check refuses in people.csv and signoffs.csv; remove it",
    ),
    "journal.nothing": (
        "Geen onderbroken import of aftekening in {folder}; er is niets te doen.",
        "No interrupted import or sign-off in {folder}; nothing to do.",
    ),
    # --- intranet delivery ---------------------------------------------------------
    "label.coverage-chart": ("grafiek", "chart"),
    "label.source-details": ("Gegevens van de bron", "About this source"),
    "label.source-detail": ("Gegeven", "Item"),
    "label.source-value": ("Waarde", "Value"),
    "label.review-overdue-banner": ("De herziening was uiterlijk {date} gepland: controleer bij de eigenaar of deze versie nog klopt.", "The review was due by {date}: check with the owner that this version is still right."),
    "label.changed-banner": ("Gewijzigd op {date}", "Changed on {date}"),
    "label.document-kind.file": ("{kind}", "{kind}"),
    "label.document-kind.other": ("bestand", "file"),
    "label.document-kind.video": ("video", "video"),
    "label.document-kind.e_learning": ("e-learning", "e-learning"),
    "label.document-kind.web": ("webpagina", "web page"),
    "label.page": ("pagina", "page"),
    "label.page-of": ("van", "of"),
    "label.remarks": ("Opmerkingen", "Remarks"),
    "label.level-reached": ("Niveau {level} behaald", "Level {level} reached"),
    "label.yes-no": ("ja / nee", "yes / no"),
    "label.signature-assessor": ("Handtekening beoordelaar", "Signature of the assessor"),
    "label.signature-employee": ("Handtekening medewerker", "Signature of the employee"),
    "label.prefilled-checklist-title": ("Aftekenlijst {format} niveau {level} ({label}) voor {name}", "Checklist {format} level {level} ({label}) for {name}"),
    "label.prefilled-checklist-link": ("Aftekenlijst voor niveau {level}, ingevuld om te printen", "Checklist for level {level}, filled in to print"),
    # --- authoring ------------------------------------------------------------------
    "hint.more-places": ("; en nog {count} keer genoemd: {places}", "; named {count} more times: {places}"),
    "hint.restore-work-process": (
        " — is het bestand weggehaald terwijl aftekeningen of formats er nog naar verwijzen? "
        "Zet het terug en zet er 'retired: true' in, dan blijft de geschiedenis kloppen",
        " — was the file removed while sign-offs or formats still cite it? "
        "Put it back and set 'retired: true' in it, so that the history stays right",
    ),
    "hint.restore-source": (
        " — is het bestand weggehaald terwijl criteria er nog naar verwijzen? "
        "Zet het terug met 'status: withdrawn', of haal de verwijzing weg",
        " — was the file removed while criteria still cite it? Put it back with 'status: withdrawn', or remove the reference",
    ),
    "duplicate-id-key": (
        "'id' staat twee keer in hetzelfde item (ook op regel {other_line}): hier begint een nieuw item; "
        "zet '- ' voor 'id' op deze regel, zoals bij de andere items",
        "'id' appears twice in the same item (also on line {other_line}): a new item starts here; "
        "put '- ' before 'id' on this line, as in the other items",
    ),
    "yaml-tab": (
        "op deze regel staat een tab; YAML springt alleen in met spaties — vervang de tab door spaties{how}",
        "this line holds a tab; YAML indents with spaces only — replace the tab with spaces{how}",
    ),
    "yaml-missing-colon": (
        "na '{key}' ontbreekt een dubbele punt; schrijf '{key}: ' met de waarde erachter",
        "a colon is missing after '{key}'; write '{key}: ' followed by the value",
    ),
    "yaml-quote": (
        "de waarde van '{key}' begint met een aanhalingsteken en gaat na het sluitende teken verder; "
        "zet de hele waarde tussen enkele aanhalingstekens: {fixed}",
        "the value of '{key}' starts with a quote and goes on after the closing one; "
        "put the whole value between single quotes: {fixed}",
    ),
    "yaml-indent": (
        "'{key}' springt {found} spaties in, maar hoort recht onder '{above}' (regel {line}) te staan: {expected} spaties",
        "'{key}' is indented {found} spaces but belongs right under '{above}' (line {line}): {expected} spaces",
    ),
    "ambiguous-date": (
        "'{key}' is '{value}': met / of . kunnen dag en maand verwisseld zijn (Excel zet soms de maand voorop); "
        "schrijf JJJJ-MM-DD, bijv. 2026-01-03 voor 3 januari",
        "'{key}' is '{value}': with / or . day and month may be swapped (Excel sometimes puts the month first); "
        "write YYYY-MM-DD, e.g. 2026-01-03 for 3 January",
    ),
    "retired-on-without-retired": (
        "'retired_on' staat er, maar 'retired: true' niet: het criterium telt nog gewoon mee; "
        "zet 'retired: true' erbij, of haal 'retired_on' weg",
        "'retired_on' is set but 'retired: true' is not: the criterion still counts; "
        "add 'retired: true', or remove 'retired_on'",
    ),
    "signoff-retired-criterion": (
        "criterium '{id}' is sinds {retired_on} buiten gebruik (retired: true), maar wordt hier op {date} afgetekend; "
        "teken het criterium af dat ervoor in de plaats kwam",
        "criterion '{id}' is retired since {retired_on} (retired: true) but is signed off here on {date}; "
        "sign off the criterion that replaced it",
    ),
    "work-process-unstarted": (
        "nog niemand met format '{format}' is afgetekend op werkproces '{id}', dus het houdt het totaalniveau van {count} "
        "medewerker(s) op 0 tot de eerste aftekeningen binnen zijn (het totaalniveau is het laagste niveau)",
        "nobody with format '{format}' is signed off on work process '{id}' yet, so it holds the overall level of {count} "
        "people at 0 until the first sign-offs are in (the overall level is the lowest level)",
    ),
    "work-process-in-no-format": (
        "werkproces '{id}' staat nog in geen enkel opleidingsformat; neem het op onder 'work_processes:' in een format "
        "in {folder} als het getraind moet worden",
        "work process '{id}' is not in any training format yet; list it under 'work_processes:' in a format "
        "in {folder} if it is to be trained",
    ),
    "criterion-above-usual": (
        "dit criterium staat op niveau {level}; criteria staan meestal op niveau 1 tot en met {usual}, "
        "maar mogen tot de top van de schaal ({high}) gaan",
        "this criterion is at level {level}; criteria are usually at levels 1 to {usual}, "
        "but may go up to the top of the scale ({high})",
    ),
    "check-summary": (
        "{errors} fout(en) en {warnings} waarschuwing(en) in de inhoud",
        "{errors} error(s) and {warnings} warning(s) in the content",
    ),
    "check-clean": ("geen problemen gevonden in {files} bestanden", "no problems found in {files} files"),
    "label.preview-warnings": (
        "{count} waarschuwing(en) in de inhoud — mkdocs build --strict bouwt de site zo niet; klik voor de lijst",
        "{count} warning(s) in the content — mkdocs build --strict will not build the site like this; click for the list",
    ),
    # --- the default level scale (organisation.yml may set its own) ----------------
    "level.0": ("Niet opgeleid", "Not trained"),
    "level.1": ("Assistent medewerker", "Assistant"),
    "level.2": ("Medewerker", "Employee"),
    "level.3": ("Allround medewerker", "All-round employee"),
    "level.4": ("Opleider", "Trainer"),
    # --- type words used in messages ---------------------------------------
    "type.text": ("tekst", "text"),
    "type.int": ("een geheel getal", "a whole number"),
    "type.bool": ("true of false", "true or false"),
    "type.date": ("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)"),
    "type.list": ("een lijst", "a list"),
    "type.mapping": ("een groep sleutels (sleutel: waarde)", "a group of keys (key: value)"),
    "type.nothing": ("leeg", "empty"),
    "item.work-process": ("werkproces", "work process"),
    "item.source": ("bron", "source"),
    "item.core-task": ("kerntaak", "core task"),
    "item.criterion": ("criterium", "criterion"),
    "item.level": ("niveau", "level"),
    "item.team": ("team", "team"),
    "item.server": ("webserver (apache of iis)", "web server (apache or iis)"),
    # --- messages at the real cause (issue 21) ---
    "hint.criterion-signed": (
        ", waar aftekeningen naar verwijzen (laat die id staan)",
        ", which sign-offs cite (leave that id as it is)",
    ),
    "person-name-for-id": (
        "in '{key}' staat de naam '{value}', maar daar hoort de id van een persoon — bedoelt u '{id}' ({name})?",
        "'{key}' holds the name '{value}' where a person's id belongs — did you mean '{id}' ({name})?",
    ),
    "bad-person-id": (
        "'{value}' is geen id van een persoon voor '{key}': schrijf de id uit people.csv, zoals '{example}'",
        "'{value}' is not a person's id for '{key}': write the id from people.csv, such as '{example}'",
    ),
    "hint.person-by-name": (" — bedoelt u '{id}' ({name})?", " — did you mean '{id}' ({name})?"),
    "csv-other-delimiter": (
        "deze regel gebruikt '{used}', de rest van het bestand '{delimiter}'; vervang op deze regel elke '{used}' "
        "tussen twee velden door '{delimiter}'",
        "this row uses '{used}', the rest of the file '{delimiter}'; on this row, replace every '{used}' between "
        "two fields with '{delimiter}'",
    ),
    "csv-missing-fields": (
        "deze regel heeft {found} van de {expected} velden, ontbrekend: {missing}; vul ze aan het eind van de regel aan "
        "(een leeg veld krijgt alleen zijn '{delimiter}') en kijk of elke waarde onder de goede kolom staat",
        "this row has {found} of the {expected} fields, missing: {missing}; add them at the end of the row "
        "(an empty field is just its '{delimiter}') and check that every value is under the right column",
    ),
    "hint.create-work-process": (
        " — het bestaat nog niet (geen aftekening verwijst ernaar): maak het aan met '{command}' en vul het in, "
        "of haal de verwijzing weg",
        " — it does not exist yet (no sign-off cites it): create it with '{command}' and fill it in, "
        "or remove the reference",
    ),
    "empty-key": (
        "'{key}' is leeg; vul de waarde in achter '{key}:'",
        "'{key}' is empty; fill in the value after '{key}:'",
    ),
    "hint.tab-spaces": (
        ": deze regel hoort {spaces} spaties in te springen",
        ": this line should be indented {spaces} spaces",
    ),
    "duplicate-signoff": (
        "deze aftekening staat al op regel {other_line} (zelfde persoon, werkproces, criterium of niveau, datum en "
        "beoordelaar); haal deze regel weg",
        "this sign-off is already on line {other_line} (same person, work process, criterion or level, date and "
        "assessor); remove this row",
    ),
    "signoff-already-recorded": (
        "deze aftekening staat hier al (zelfde persoon, werkproces, criterium of niveau, datum en beoordelaar); "
        "er is niets toegevoegd",
        "this sign-off is already here (same person, work process, criterion or level, date and assessor); "
        "nothing was added",
    ),
    # --- git history (issue 21) ---
    "git-unavailable": (
        "de inhoud staat in een git-repository, maar git kon de geschiedenis niet lezen ({problem}); "
        "de datums van laatste wijziging en de controles op de geschiedenis zijn overgeslagen; is git geïnstalleerd?",
        "the content is in a git repository, but git could not read its history ({problem}); "
        "the dates of last change and the checks on the history were skipped; is git installed?",
    ),
    "git-shallow": (
        "de git-geschiedenis is onvolledig (een 'shallow clone'); de datums van laatste wijziging en de controles op de "
        "geschiedenis zijn overgeslagen; haal de hele geschiedenis op met 'git fetch --unshallow' (in CI: fetch-depth: 0)",
        "the git history is incomplete (a shallow clone); the dates of last change and the checks on the history were "
        "skipped; fetch the whole history with 'git fetch --unshallow' (in CI: fetch-depth: 0)",
    ),
    "source-changed-in-git": (
        "de tekst van deze bron is in git gewijzigd op {date} (commit {commit}), na de datum bij 'changed:' (of er staat geen), "
        "terwijl er al medewerkers op zijn afgetekend; zij worden pas voor herinstructie gemeld als u de regel "
        "'changed: {date}' in de kop zet (of zet 'reviewed: {date}' als de wijziging geen herinstructie vraagt)",
        "the text of this source changed in git on {date} (commit {commit}), after its 'changed:' date (or it has none), "
        "while employees were already signed off on it; they are flagged for re-instruction only once you add the line "
        "'changed: {date}' to the header (or set 'reviewed: {date}' if the change needs no re-instruction)",
    ),
    "criterion-level-changed": (
        "criterium '{criterion}' stond op niveau {old} toen {count} aftekening(en) ervan werden vastgelegd en staat nu op "
        "niveau {new}: die aftekeningen tellen nu voor niveau {new}; zet 'level: {old}' terug; hoort de eis echt op "
        "niveau {new}, trek het criterium dan bovendien in (retired: true) en maak een nieuw criterium (nieuwe id) op niveau {new}",
        "criterion '{criterion}' was at level {old} when {count} sign-off(s) of it were recorded and is now at level {new}: "
        "those sign-offs now count for level {new}; put 'level: {old}' back; if the requirement really belongs at level "
        "{new}, also retire the criterion (retired: true) and add a new one (new id) at level {new}",
    ),
    "label.last-changed": ("Laatst bijgewerkt", "Last updated"),
    # --- commands (issue 21) ---
    "init.not-empty": (
        "{folder} is niet leeg; kies een nieuwe of lege map voor de nieuwe organisatie",
        "{folder} is not empty; choose a new or empty folder for the new organisation",
    ),
    "init.not-a-folder": ("{folder} is een bestand; kies een nieuwe of lege map", "{folder} is a file; choose a new or empty folder"),
    "init.no-theme": (
        "de map theme/ van de generator is niet gevonden in {folder}; voer init uit vanuit een kopie (git clone) van de generator: python3 dev.py init MAP",
        "the generator's theme/ folder was not found in {folder}; run init from a copy (git clone) of the generator: python3 dev.py init FOLDER",
    ),
    "init.failed": ("kan {path} niet schrijven: {problem}", "cannot write {path}: {problem}"),
    "init.written": ("Nieuwe organisatie in {folder}", "New organisation in {folder}"),
    "init.next": (
        "Lees {folder}/README.md; vul daarna in {folder}/.gitlab-ci.yml of {folder}/.github/workflows/site.yml bij WGO_GENERATOR in waar uw organisatie de generator bewaart",
        "Read {folder}/README.md; then set WGO_GENERATOR in {folder}/.gitlab-ci.yml or {folder}/.github/workflows/site.yml to where your organisation keeps the generator",
    ),
    "serve.port-busy": (
        "poort {port} op {host} is al in gebruik (draait er al een voorbeeld?); kies een andere poort met --port, bijvoorbeeld --port {free}",
        "port {port} on {host} is already in use (is a preview running already?); choose another port with --port, e.g. --port {free}",
    ),
    "serve.bad-address": (
        "-a {address} is geen adres; schrijf HOST:POORT, bijvoorbeeld 127.0.0.1:8001",
        "-a {address} is not an address; write HOST:PORT, e.g. 127.0.0.1:8001",
    ),
    "serve.cannot-listen": ("kan niet luisteren op {host}:{port}: {problem}", "cannot listen on {host}:{port}: {problem}"),
    "serve.no-config": (
        "{path} ontbreekt; start het voorbeeld in de map met mkdocs.yml, of geef het bestand op met --config-file",
        "{path} is missing; start the preview in the folder with mkdocs.yml, or name the file with --config-file",
    ),
    # --- self-assessment (issue 22) ---
    "selfassessment-future-date": (
        "de datum {value} ligt na de bouwdatum {today}; een zelfbeoordeling kan niet in de toekomst liggen: vul de datum in "
        "waarop de medewerker zichzelf beoordeelde (een tikfout in maand of jaar?)",
        "the date {value} is after the build date {today}; a self-assessment cannot lie in the future: write the date the "
        "employee assessed themselves (a typo in the month or year?)",
    ),
    # --- levels over time (issue 22) ---
    "month.1": ("jan", "Jan"),
    "month.2": ("feb", "Feb"),
    "month.3": ("mrt", "Mar"),
    "month.4": ("apr", "Apr"),
    "month.5": ("mei", "May"),
    "month.6": ("jun", "Jun"),
    "month.7": ("jul", "Jul"),
    "month.8": ("aug", "Aug"),
    "month.9": ("sep", "Sep"),
    "month.10": ("okt", "Oct"),
    "month.11": ("nov", "Nov"),
    "month.12": ("dec", "Dec"),
    "chart.people-desc": (
        "Aantal medewerkers per totaalniveau aan het eind van elke maand, van {first} tot en met {last}; "
        "medewerkers nu: {people}.",
        "Number of people at each overall level at the end of each month, from {first} to {last}; people now: {people}.",
    ),
    "chart.covered-desc": (
        "Werkprocessen met voldoende dekking nu: {covered} van de {work_processes}.",
        "Work processes covered well enough now: {covered} of the {work_processes}.",
    ),
    "chart.person-desc": (
        "Totaalniveau aan het eind van elke maand, van {first} tot en met {last}: eerst {start}, nu {end}, hoogste {highest}.",
        "Overall level at the end of each month, from {first} to {last}: {start} at first, {end} now, highest {highest}.",
    ),
    "chart.covered-axis": (
        "Werkprocessen met voldoende dekking (van {work_processes})",
        "Work processes covered well enough (of {work_processes})",
    ),
    "chart.covered-column": ("Voldoende dekking", "Covered well enough"),
    "chart.numbers": ("De cijfers per maand", "The numbers per month"),
    "chart.month": ("Maand", "Month"),
    "chart.changes": ("Wanneer het niveau veranderde", "When the level changed"),
    "chart.from-month": ("Vanaf", "From"),
    "chart.structure-note": (
        "Elke maand telt de aftekeningen en verbeteropdrachten tot en met die maand, met de medewerkers, teams, formats "
        "en criteria van nu: de opbouw van de inhoud heeft geen eigen geschiedenis.",
        "Each month counts the sign-offs and improvements up to and including that month, with today's people, teams, "
        "formats and criteria: the structure of the content has no history of its own.",
    ),
    "chart.format-heading": ("Ontwikkeling in de tijd", "Progress over time"),
    "chart.section-title": ("{format}, {team}: medewerkers per niveau", "{format}, {team}: people per level"),
    "chart.format-title": ("{format}, alle teams: medewerkers per niveau", "{format}, all teams: people per level"),
    "chart.person-title": ("Totaalniveau in de tijd", "Overall level over time"),
    # --- self-assessment views (issue 22) ---
    "own.heading": ("Eigen beeld naast het beoordeelde niveau", "Own view beside the assessed level"),
    "own.intro": (
        "Wat de medewerker zelf over zijn of haar niveau zegt (de laatste zelfbeoordeling per werkproces), naast het niveau "
        "uit de aftekeningen. Verschilt het een niveau of meer, dan staat er 'bespreken'. Een zelfbeoordeling verandert "
        "geen niveau.",
        "What the employee says about their own level (the latest self-assessment per work process), beside the level "
        "from the sign-offs. Where they differ by a level or more, it says 'discuss'. A self-assessment changes no level.",
    ),
    "own.none": (
        "Nog geen zelfbeoordeling. De medewerker geeft het eigen beeld in het zelfbeoordelingsblad (Excel), of in het "
        "gesprek op het gespreksformulier; de coach zet het dan in het blad en leest het in.",
        "No self-assessment yet. The employee gives their own view in the self-assessment sheet (Excel), or in the "
        "conversation on the conversation sheet; the coach then puts it in the sheet and reads it in.",
    ),
    "own.none-on-paper": (
        "Nog geen zelfbeoordeling: vraag in het gesprek per werkproces naar het eigen beeld en noteer het hier.",
        "No self-assessment yet: ask for the employee's own view per work process in the conversation and note it here.",
    ),
    "own.assessed": ("Beoordeeld", "Assessed"),
    "own.own": ("Eigen beeld", "Own view"),
    "own.note": ("Toelichting", "Note"),
    "own.discuss-column": ("Bespreken?", "Discuss?"),
    "own.discuss-higher": ("bespreken: ziet zich hoger", "discuss: sees themselves higher"),
    "own.discuss-lower": ("bespreken: ziet zich lager", "discuss: sees themselves lower"),
    "own.agreement-column": ("Afspraak", "Agreement"),
    "own.conversation-link": ("Gespreksformulier", "Conversation sheet"),
    "own.conversation-title": ("Gespreksformulier — {name}", "Conversation sheet — {name}"),
    "own.next-level-heading": ("Criteria voor het volgende niveau", "Criteria for the next level"),
    "own.agreements": ("Afspraken", "Agreements"),
    "own.agreement-what": ("Wat", "What"),
    "own.agreement-who": ("Wie", "Who"),
    "own.agreement-when": ("Wanneer", "When"),
    "own.signed-date": ("Datum gesprek", "Date of the conversation"),
    "own.signed-employee": ("Medewerker (paraaf)", "Employee (initials)"),
    "own.signed-coach": ("Coach (paraaf)", "Coach (initials)"),
    "own.team-heading": ("Eigen beeld wijkt af", "Own view differs"),
    "own.team-intro": (
        "Per werkproces wie zich een niveau of meer hoger of lager ziet dan beoordeeld (de laatste zelfbeoordeling): "
        "onderwerpen voor het gesprek met de coach.",
        "Per work process who sees themselves a level or more higher or lower than assessed (the latest self-assessment): "
        "topics for the conversation with the coach.",
    ),
    "own.higher": ("Ziet zich hoger", "Sees themselves higher"),
    "own.lower": ("Ziet zich lager", "Sees themselves lower"),
    # --- the self-assessment sheet and import-selfassessments (zelfsheet) ----------------------
    "selfsheet.sheet-name": ("zelfbeoordeling", "self-assessment"),
    "selfsheet.title": ("Zelfbeoordeling — {name} — {format}, stand van {date}", "Self-assessment — {name} — {format}, as of {date}"),
    "selfsheet.help": (
        "Vul per werkproces bij 'Mijn niveau' in welk niveau u zelf vindt dat u hebt ({scale}); een toelichting mag. Weet u het "
        "niet, laat de rij dan leeg. Zet bij 'Datum' de datum van vandaag. Stuur het ingevulde blad naar uw opleidingscoördinator "
        "(inlezen: python -m generator import-selfassessments BESTAND).",
        "For each work process fill in under 'My level' the level you think you have ({scale}); a note is welcome. If you do not "
        "know, leave the row empty. Put today's date beside 'Date'. Send the filled-in sheet to your training coordinator "
        "(read in: python -m generator import-selfassessments FILE).",
    ),
    "selfsheet.person": ("Medewerker", "Employee"),
    "selfsheet.date": ("Datum", "Date"),
    "selfsheet.column-work-process": ("Werkproces (id)", "Work process (id)"),
    "selfsheet.column-code": ("Code", "Code"),
    "selfsheet.column-title": ("Werkproces", "Work process"),
    "selfsheet.column-assessed": ("Beoordeeld niveau", "Assessed level"),
    "selfsheet.column-own": ("Mijn niveau", "My level"),
    "selfsheet.column-note": ("Toelichting", "Note"),
    "selfsheet.level-help": ("Vul een geheel getal van 0 tot en met {high} in, of laat de cel leeg.", "Fill in a whole number from 0 to {high}, or leave the cell empty."),
    "selfsheet.link": ("Zelfbeoordeling invullen (Excel)", "Fill in a self-assessment (Excel)"),
    "import-no-selfassessment-header": (
        "geen kopregel gevonden: het zelfbeoordelingsblad heeft een regel met de kolommen '{work_process}' en '{own}'",
        "no header row found: the self-assessment sheet has a row with the columns '{work_process}' and '{own}'",
    ),
    "import-selfassessment-no-person": (
        "het blad noemt geen medewerker: vul naast '{label}' het id (of de naam) van de medewerker in",
        "the sheet names no employee: fill in the employee's id (or name) beside '{label}'",
    ),
    "import-selfassessment-no-level": (
        "op deze rij staat een toelichting maar geen niveau; vul '{label}' in of maak de toelichting leeg",
        "this row has a note but no level; fill in '{label}' or empty the note",
    ),
    "import-selfassessment-twice": (
        "werkproces '{id}' staat ook op {other}; laat één van beide rijen staan",
        "work process '{id}' is on {other} as well; keep one of the two rows",
    ),
    "selfsheet-retired-work-process": (
        "werkproces '{id}' is buiten gebruik (retired: true); een zelfbeoordeling erop wordt niet getoond, laat de rij leeg",
        "work process '{id}' is retired (retired: true); a self-assessment of it is not shown, leave the row empty",
    ),
    "selfsheet.rows": (
        "Zelfbeoordeling van {name} ({id}) op {date}: nieuw voor selfassessments.csv: {count} (al aanwezig: {present})",
        "Self-assessment of {name} ({id}) on {date}: new for selfassessments.csv: {count} (already there: {present})",
    ),
    "selfsheet.undated": (
        "  Het blad heeft geen datum: de dag van inlezen ({date}) is gebruikt.",
        "  The sheet has no date: the day of the import ({date}) is used.",
    ),
    "selfsheet.nothing-filled-in": ("  Het blad is nog niet ingevuld: de kolom '{column}' is leeg.", "  The sheet has not been filled in: the column '{column}' is empty."),
    "selfsheet.row": ("  {work_process}: eigen niveau {level} (beoordeeld: {assessed})", "  {work_process}: own level {level} (assessed: {assessed})"),
    # --- the function house (issue 22) ---
    "house.title": ("Functiehuis", "Function house"),
    "house.intro": (
        "Alle opleidingsformats naast elkaar, per niveau: wat het niveau in die functie vraagt (de criteria van de "
        "werkprocessen van het format op dat niveau), hoeveel medewerkers van het format op dat totaalniveau staan en de "
        "aftekenlijst van dat niveau. Het doelniveau van elk format is omlijnd. Alleen aantallen: deze pagina noemt niemand.",
        "Every training format beside the others, level by level: what the level asks in that function (the criteria of "
        "the format's work processes at that level), how many people of the format stand at that overall level, and the "
        "checklist of that level. Each format's target level is outlined. Counts only: this page names no one.",
    ),
    "house.link": ("Functiehuis: alle formats en niveaus naast elkaar", "Function house: every format and level side by side"),
    "house.caption": ("Formats (kolommen) per niveau (rijen)", "Formats (columns) by level (rows)"),
    "house.no-qualification": ("Geen MBO-kwalificatie", "No MBO qualification"),
    "house.target": ("Doelniveau {level} ({label})", "Target level {level} ({label})"),
    "house.target-mark": ("Doelniveau", "Target level"),
    "house.improvement": ("Vraagt ook een afgeronde verbeteropdracht.", "Also takes a finished improvement assignment."),
    "house.criteria": ("Criteria: {count}", "Criteria: {count}"),
    "house.work-processes": ("Werkprocessen: {count} van de {total}", "Work processes: {count} of the {total}"),
    "house.kind-count": ("{kind} {count}", "{kind} {count}"),
    "house.no-criteria": ("Geen criteria: alleen via een directe beoordeling", "No criteria: by direct assessment only"),
    "house.people": ("Medewerkers op dit niveau: {count}", "People at this level: {count}"),
    "house.people-total": ("Medewerkers in het format", "People in the format"),
    "house.checklist": ("Aftekenlijst niveau {level}", "Checklist level {level}"),
    # --- the implementation monitor (issue 22) ---
    "implementation.title": ("Invoering van het opleidingsmodel", "Introducing the training model"),
    "implementation.nav": ("Invoering", "Implementation"),
    "implementation.intro": (
        "Per format hoe ver de organisatie is met het invoeren van het opleidingsmodel: zes maatstaven, elk als aantal "
        "van het totaal. Waar de inhoud datums draagt, staat eronder het verloop aan het eind van elke maand over de "
        "laatste {months} maanden. Deze pagina noemt niemand, alleen aantallen; bij elke maatstaf staat waar u eraan werkt.",
        "Per format, how far the organisation is with introducing the training model: six measures, each a count of a "
        "total. Where the content carries dates, the course at the end of each month over the last {months} months is "
        "shown under it. This page names no one, it counts; each measure says where it is worked on.",
    ),
    "implementation.health-pointer": (
        "Hoe ver elk format is met de invoering van het model:",
        "How far each format is with introducing the model:",
    ),
    "implementation.format-page": ("Naar de formatpagina", "To the format page"),
    "implementation.count": ("{count} van {total} ({percent}%)", "{count} of {total} ({percent}%)"),
    "implementation.count-empty": ("0 van 0", "0 of 0"),
    "implementation.complete": ("Werkprocessen met criteria op elk niveau", "Work processes with criteria on every level"),
    "implementation.complete-short": ("Criteria op elk niveau", "Criteria on every level"),
    "implementation.complete-help": (
        "Werkprocessen van dit format met minstens één criterium op elk niveau waarvoor de organisatie criteria "
        "schrijft (niveau {levels}).",
        "Work processes of this format with at least one criterion on every level the organisation writes criteria "
        "for (levels {levels}).",
    ),
    "implementation.sourced": ("Criteria met een bron", "Criteria that cite a source"),
    "implementation.sourced-short": ("Criteria met bron", "Criteria with a source"),
    "implementation.sourced-help": (
        "Criteria van dit format die naar minstens één bron verwijzen die niet is ingetrokken.",
        "Criteria of this format that cite at least one source that is not withdrawn.",
    ),
    "implementation.reviewed": ("Bronnen binnen hun termijn herzien", "Sources reviewed within their period"),
    "implementation.reviewed-short": ("Bronnen herzien", "Sources reviewed"),
    "implementation.reviewed-help": (
        "Geldige bronnen (status valid) waar de criteria van dit format naar verwijzen en waarvan de herziening niet "
        "verlopen is.",
        "Valid sources (status valid) that the criteria of this format cite and whose review is not overdue.",
    ),
    "implementation.baseline": ("Medewerkers met een nulmeting", "People with a baseline"),
    "implementation.baseline-short": ("Nulmeting", "Baseline"),
    "implementation.baseline-help": (
        "Actieve medewerkers van dit format met minstens één aftekening, op welk werkproces ook.",
        "Active people of this format with at least one sign-off, on any work process.",
    ),
    "implementation.coached": ("Medewerkers met een coach in de planning", "People with a coach in the planning"),
    "implementation.coached-short": ("Coach gepland", "Coach planned"),
    "implementation.coached-help": (
        "Actieve medewerkers van dit format met minstens één regel in planning.csv waarin een coach staat.",
        "Active people of this format with at least one row in planning.csv that names a coach.",
    ),
    "implementation.improved": (
        "Medewerkers op niveau {level} of hoger met een afgeronde verbeteropdracht",
        "People at level {level} or higher with a finished improvement",
    ),
    "implementation.improved-short": ("Niveau {level}+ met verbeteropdracht", "Level {level}+ with improvement"),
    "implementation.improved-help": (
        "Actieve medewerkers van dit format met totaalniveau {level} of hoger die auteur of mede-auteur zijn van een "
        "afgeronde verbeteropdracht, van alle actieve medewerkers van het format.",
        "Active people of this format at overall level {level} or higher who are author or co-author of a finished "
        "improvement, of all active people of the format.",
    ),
    "implementation.today-criteria": (
        "Alleen de stand van vandaag: criteria dragen geen datum.",
        "Today's value only: criteria carry no date.",
    ),
    "implementation.today-planning": (
        "Alleen de stand van vandaag: een regel in planning.csv draagt geen datum waarop hij is ingepland.",
        "Today's value only: a row of planning.csv carries no date on which it was planned.",
    ),
    "implementation.history-reviewed": (
        "Per maand: herzien op of vóór het eind van die maand en toen niet verlopen. Alleen de laatste herziening "
        "(reviewed) is bekend: daarvóór telt een bron als niet herzien.",
        "Per month: reviewed on or before the end of that month and not overdue then. Only the last review (reviewed) "
        "is known: before it a source counts as not reviewed.",
    ),
    "implementation.history-baseline": (
        "Per maand: de eerste aftekening ligt op of vóór het eind van die maand.",
        "Per month: the first sign-off is dated on or before the end of that month.",
    ),
    "implementation.history-improved": (
        "Per maand: het totaalniveau aan het eind van die maand en de verbeteropdrachten die toen waren afgerond.",
        "Per month: the overall level at the end of that month and the improvements finished by then.",
    ),
    "implementation.chart-desc": (
        "Aantal aan het eind van elke maand, van {first} tot en met {last}: eerst {start}, nu {end}, van {total}.",
        "Count at the end of each month, from {first} to {last}: {start} at first, {end} now, of {total}.",
    ),
    "implementation.structure-note": (
        "Elke maand telt de datums in de inhoud tot en met die maand (aftekeningen, herzieningen van bronnen, afgeronde "
        "verbeteropdrachten), met de medewerkers, formats, criteria en bronnen van nu: de opbouw van de inhoud heeft "
        "geen eigen geschiedenis.",
        "Each month counts the dates in the content up to and including that month (sign-offs, reviews of sources, "
        "finished improvements), with today's people, formats, criteria and sources: the structure of the content has "
        "no history of its own.",
    ),
    "implementation.work-on": ("Waar u eraan werkt:", "Where it is worked on:"),
    "implementation.incomplete": ("Nog niet op elk niveau ({count})", "Not on every level yet ({count})"),
    "implementation.missing-levels": ("geen criteria op niveau {levels}", "no criteria on level {levels}"),
    "implementation.unsourced": ("Werkprocessen met criteria zonder bron ({count})", "Work processes with criteria without a source ({count})"),
    "implementation.unreviewed": ("Te herzien ({count})", "To review ({count})"),
    "implementation.last-reviewed": ("herzien op {date}", "reviewed on {date}"),
    "implementation.planning-unpublished": (
        "de planning wordt niet gepubliceerd (personal_data staat uit); werk planning.csv bij.",
        "the planning is not published (personal_data is off); update planning.csv.",
    ),
    # --- the overview for recognition (issue 22, part 5: the link to MBO diplomas) -----------------
    "recognition.link": ("Overzicht voor erkenning (MBO/EVC)", "Overview for recognition (MBO/EVC)"),
    "recognition.title": ("Overzicht voor erkenning — {name}", "Overview for recognition — {name}"),
    "recognition.running-head": (
        "Overzicht voor erkenning · {name} · {format} · stand per {date}",
        "Overview for recognition · {name} · {format} · as of {date}",
    ),
    "recognition.organisation": ("Organisatie", "Organisation"),
    "recognition.no-qualification": ("geen MBO-kwalificatie genoemd", "no MBO qualification named"),
    "recognition.intro": (
        "Wat deze medewerker op de werkplek heeft laten zien, per kerntaak en werkproces van het kwalificatiedossier "
        "(op code): het niveau, en de aftekeningen waarop dat niveau rust, met datum en beoordelaar. Een niveau rust op "
        "een beoordeling van het hele werkproces, of op alle criteria van dat niveau (en van elk niveau ertussen); "
        "aftekeningen die verlopen zijn of door een latere beoordeling vervangen, tellen niet mee. Bedoeld voor een "
        "school of een EVC-procedure.",
        "What this employee has shown at the workplace, per core task and work process of the qualification file "
        "(by code): the level, and the sign-offs that level rests on, with date and assessor. A level rests on an "
        "assessment of the whole work process, or on every criterion of that level (and of each level in between); "
        "sign-offs that expired or that a later assessment replaced do not count. Meant for a school or an EVC "
        "procedure (recognition of prior learning).",
    ),
    "recognition.mbo-heading": ("Werkprocessen uit het kwalificatiedossier", "Work processes of the qualification file"),
    "recognition.mbo-none": (
        "Dit opleidingsformat heeft geen werkprocessen met een MBO-code.",
        "This training format has no work processes with an MBO code.",
    ),
    "recognition.own-heading": ("Eigen werkprocessen van de organisatie", "The organisation's own work processes"),
    "recognition.own-intro": (
        "Deze werkprocessen horen bij het opleidingsformat, maar hebben geen MBO-code: ze zijn van de organisatie zelf.",
        "These work processes belong to the training format but have no MBO code: they are the organisation's own.",
    ),
    "recognition.evidence": ("Aangetoond met (datum — beoordelaar)", "Shown by (date — assessor)"),
    "recognition.step-direct": (
        "Niveau {level}: beoordeling van het hele werkproces, {date}",
        "Level {level}: assessment of the whole work process, {date}",
    ),
    "recognition.step-criterion": ("Niveau {level}: het criterium afgetekend, {date}", "Level {level}: its criterion signed, {date}"),
    "recognition.step-criteria": (
        "Niveau {level}: alle criteria ({count}) afgetekend, {dates}",
        "Level {level}: all {count} criteria signed, {dates}",
    ),
    "recognition.dates-span": ("{first} t/m {last}", "{first} to {last}"),
    "recognition.not-shown": ("nog niet aangetoond", "not shown yet"),
    "recognition.levels-heading": ("De niveaus", "The levels"),
    "recognition.meaning": ("Betekenis", "Meaning"),
    "recognition.assessors-heading": ("Beoordelaars", "Assessors"),
    "recognition.function": ("Functie (opleidingsformat)", "Function (training format)"),
    "recognition.no-assessors": ("Nog niemand heeft iets afgetekend dat hier meetelt.", "Nobody has signed anything that counts here yet."),
    "recognition.signed-heading": ("Voor juistheid namens {organisation}", "Confirmed on behalf of {organisation}"),
    "recognition.signed-name": ("Naam en functie", "Name and function"),
    "recognition.signed-signature": ("Handtekening", "Signature"),
    # --- who can do this, at every level (issue 23) ---
    "who.coverage-level": ("dekkingsniveau", "coverage level"),
    "who.names": ("Wie ({count} op niveau {level}+, {total} in totaal)", "Who ({count} at level {level}+, {total} in all)"),
    "who.deployable": ("Inzetbaar (niveau {level}+)", "Deployable (level {level}+)"),
    # --- the matrix: filters by work process and level, legend below the tables (issue 23) ---
    "matrix.legend-heading": ("Legenda en uitleg", "Legend and explanation"),
    "matrix.legend-link": ("Legenda en uitleg ↓", "Legend and explanation ↓"),
    "matrix.filter-wp": ("Werkproces", "Work process"),
    "matrix.filter-all-wps": ("Alle werkprocessen", "All work processes"),
    "matrix.filter-level": ("Niveau", "Level"),
    "matrix.filter-any-level": ("Elk niveau", "Any level"),
    "matrix.filter-level-hint": (
        "op het gekozen werkproces, zonder werkproces het totaalniveau",
        "on the chosen work process; without one, the overall level",
    ),
    # --- search (issue 23) ---
    "label.search-corrected": (
        "Niets gevonden voor ‘{query}’. Bedoelde u ‘{correction}’? Dit zijn de resultaten daarvoor:",
        "Nothing found for ‘{query}’. Did you mean ‘{correction}’? These are the results for that:",
    ),
    "label.filter-name": ("Naam bevat", "Name contains"),
}


class Catalogue:
    """Words in one language; looks up labels and words messages."""

    def __init__(self, language: str = "nl") -> None:
        self.language = language if language in LANGUAGES else "nl"
        self._column = LANGUAGES.index(self.language)
        # Labels without placeholders, worded once: templates ask for them thousands of times.
        self._fixed = {
            key: words[self._column].format_map({})
            for key, words in ENTRIES.items()
            if all(field is None for _, field, _, _ in string.Formatter().parse(words[self._column]))
        }

    def __call__(self, key: str, **params: Param) -> str:
        if not params and key in self._fixed:
            return self._fixed[key]
        return self.word(Text(key, params))

    def word(self, text: Text) -> str:
        template = ENTRIES[text.key][self._column]
        return template.format_map(self._worded(text.params))

    def _worded(self, params: Mapping[str, Param]) -> dict[str, str | int]:
        return {k: self.word(v) if isinstance(v, Text) else v for k, v in params.items()}

    def line(self, message: Message) -> str:
        """``path:line: severity: text [code]`` — one line per message, as the CLI and MkDocs show it."""
        text = self.word(Text(message.code, printable_params(message.params)))
        where = printable(str(message.location), None)
        return f"{where}: {self(f'severity.{message.severity.value}')}: {text} [{message.code}]"

    def lines(self, messages: list[Message]) -> list[str]:
        return [self.line(m) for m in messages]
