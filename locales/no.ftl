# Botens tekster på norsk bokmål: rundt et svar, til alle som spør, og til administratorer. Alle språk
# har de samme nøklene og variablene (sjekkes av test/i18n.test.ts). Tekster med valgfrie deler
# (rapporten om reindeksering, et tillagt dokument) settes sammen av flere av disse i src/bot/texts.ts
# og src/bot/documents-texts.ts.

answer-not-in-documents = Dokumentene gir ikke svar på dette spørsmålet.
answer-never-mentioned = Dokumentene nevner aldri «{ $name }», så de gir ikke svar på dette spørsmålet.
answer-unverified = Jeg fant relaterte utdrag, men kunne ikke bekrefte noe svar ut fra dem, så jeg gir ikke noe.
answer-closest = Dokumentene ser ikke ut til å svare på dette. Disse utdragene kommer nærmest:
answer-other-language = Jeg fant ikke noe svar i dokumentene. De er på { $languages }, og uten en språkmodell finner jeg utdrag bare gjennom ordene de har felles med spørsmålet: stilt på { $language } finner det kanskje ett.
answer-other-language-closest = Dokumentene er på { $languages }, og uten en språkmodell finner jeg utdrag bare gjennom ordene de har felles med spørsmålet: stilt på { $language } finner det kanskje flere. Dokumentene ser ikke ut til å svare på dette. Disse utdragene kommer nærmest:
answer-lead = Dokumentene sier:
answer-sources = Kilder:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = skannet
answer-passage-button = utdrag

help-intro = Jeg svarer på spørsmål om disse dokumentene, med nummererte kilder du kan sjekke:
help-more = og { $count } til: /sources
help-private = Bare send meg et spørsmål. Oppfølgingsspørsmål fungerer også.
help-group = I en gruppe: nevn meg (@navn + spørsmål), svar på en av meldingene mine, eller bruk /ask <spørsmål>.
help-commands = Kommandoer: /ask <spørsmål>, /sources, /stats, /help

command-ask = Still et spørsmål om dokumentene
command-sources = Vis de indekserte dokumentene
command-stats = Statistikk om indeks og modell
command-help = Slik bruker du boten
command-reindex = Bygg indeksen på nytt fra dokumentmappen (administratorer)
command-add = Legg til en nettside eller et dokument (PDF, Word, Markdown, tekst) via adressen (administratorer)
command-docs = Vis dokumentene med utdragene deres (administratorer)
command-remove = Fjern et dokument (administratorer)
command-access = Hvem som får spørre: godkjente, ventende og avviste (administratorer)
command-collections = Hvilke dokumenter denne chatten søker i (administratorer)

# Til alle som spør
non-text = Jeg kan bare lese tekstmeldinger. Skriv inn spørsmålet ditt.
voice-off = Jeg kan ikke lytte til talemeldinger: ingen transkripsjonsmodell er satt opp (botens administrator kan angi TRANSCRIBE_MODEL). Skriv inn spørsmålet ditt.
voice-too-long = Opptaket er for langt: jeg lytter til maks { $seconds } sekunder. Spør i en kortere melding, eller skriv inn spørsmålet ditt.
voice-failed = Jeg kunne ikke transkribere talemeldingen: transkripsjonstjenesten svarer ikke. Prøv igjen senere, eller skriv inn spørsmålet ditt.
voice-empty = Jeg klarte ikke å oppfatte noen ord i talemeldingen. Prøv igjen, eller skriv inn spørsmålet ditt.
voice-unreadable = Jeg klarte ikke å se hvor langt opptaket er, så jeg lyttet ikke til det. Send en talemelding, eller skriv inn spørsmålet ditt.
unknown-command = Den kommandoen kjenner jeg ikke. Kommandoer: /ask <spørsmål>, /sources, /stats, /help
too-long = Spørsmålet er for langt: grensen er { $max } tegn. Gjør det litt kortere.
empty-ask = Skriv spørsmålet etter kommandoen, f.eks. /ask Hvem leder Sberbank?
rate-limited = Du sender meldinger raskere enn jeg rekker å svare. Vent litt og spør igjen.
slow-down = For mange kommandoer eller knappetrykk på rad: vent litt.
llm-down = Beklager, språkmodellen svarer ikke akkurat nå, så jeg kan ikke skrive et svar. Prøv igjen om noen minutter.
failed = Beklager, noe gikk galt da jeg skulle svare. Prøv igjen.
stopped = Stoppet. Spør igjen når du vil.
thanks = Takk for tilbakemeldingen!
expired = Dette svaret er for gammelt til å vurderes.
passage-gone = Dette utdraget finnes ikke lenger i indeksen (dokumentene er endret); spør igjen.
still-reading = Jeg leser fortsatt dokumentene. Spør igjen om litt.
still-reading-progress = Jeg leser fortsatt dokumentene ({ $progress }). Spør igjen om litt.
private-bot = Denne boten er privat. Jeg har bedt administratorene om å slippe deg inn; du får en melding når de gjør det.
private-button = Denne boten er privat.
button-gone = Denne knappen virker ikke lenger.
private-bot-full = Denne boten er privat, og akkurat nå venter for mange forespørsler på administratorene. Ta kontakt med dem direkte.
private-group = Denne boten er privat og svarer bare i grupper som administratorene har godkjent, så jeg forlater gruppen. En administrator kan legge meg til igjen.
group-allowed = Hei! En administrator har lagt meg til, så denne gruppen kan spørre meg om dokumentene: nevn meg eller svar på en av meldingene mine.
sources-header = Indekserte dokumenter ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  })
sources-more = og { $count } til
stats = Dokumenter: { $documents }
    Tekstdeler: { $chunks }
    Embeddings: { $embeddings }
    Svar: { $answerer }
    Siste indeksbygging: { $built } ({ $seconds } s)
stage-model = laster ned språkmodellen, MB
stage-load = leser filer
stage-embed = utdrag
stage-write = skriver indeksen
stage-scanned = leser skannede sider
stage-count = { $name }: { $done } av { $total }

# Bare til administratorer
admin-help = Du er administrator: /reindex bygger indeksen på nytt fra dokumentmappen; send meg en fil (PDF, Word, HTML, Markdown, tekst) eller /add <url> for å legge til et dokument; /docs viser dem, /remove fjerner ett; /access viser hvem som får spørre, og lar deg godkjenne eller trekke tilbake; /collections velger hvilke dokumenter en chat søker i.
admin-not-admin = Bare botens administratorer kan bygge indeksen på nytt.
admin-use-private = Bruk denne kommandoen i den private chatten vår: her ville alle medlemmene lese svaret.
admin-previous = ‹ Forrige
admin-next = Neste ›
# Mellom elementene i en liste («hr, it»): en literal, slik at mellomrommene beholdes.
list-separator = {", "}
admin-internal-error = intern feil (se botens logg)
admin-reindex-busy = En reindeksering pågår allerede; jeg gir beskjed her når den er ferdig.
admin-reindex-start = Bygger indeksen på nytt… (spørsmål besvares i mellomtiden fra den nåværende)
admin-reindex-progress = Bygger indeksen på nytt… { $progress }
admin-reindex-rebuilt = Indeksen ble bygd på nytt på { $seconds } s: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokumenter
  }, { $chunks ->
    [one] { $chunks } tekstdel
   *[other] { $chunks } tekstdeler
  }.
admin-reindex-unchanged = Dokumentene er ikke endret siden forrige bygging, som brukes nå: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokumenter
  }, { $chunks ->
    [one] { $chunks } tekstdel
   *[other] { $chunks } tekstdeler
  }.
admin-reindex-documents = Dokumenter lagt til { $added }, endret { $changed }, fjernet { $removed }, uendret { $unchanged }.
admin-reindex-chunks = Tekstdeler innebygd { $embedded }, gjenbrukt { $reused }.
admin-reindex-skipped = Hoppet over: { $files }
admin-reindex-warnings = Lest med advarsel: { $files }
admin-reindex-more = og { $count } til (se loggen)
admin-reindex-fallback = Advarsel: { $reason }
admin-reindex-failed = Reindekseringen mislyktes; den forrige indeksen brukes fortsatt.
    Årsak: { $reason }

access-request = { $who } ber om å få bruke boten.
access-approve = Godkjenn
access-deny = Avvis
access-approved = { $who }: godkjent av { $by }.
access-denied = { $who }: avvist av { $by }.
access-approved-toast = Godkjent.
access-denied-toast = Avvist: denne personen kan ikke lenger spørre.
access-group-revoked-toast = Trukket tilbake: denne gruppen kan ikke lenger spørre, og jeg forlater den.
access-not-saved = Dette kunne ikke lagres (lageret for tilgangsbeslutninger feilet); ingenting ble endret. Prøv igjen.
access-approved-notice = Nå kan du stille meg spørsmål.
access-not-admin = Bare botens administratorer kan se eller endre hvem som får spørre.
access-overflow = { $count ->
    [one] { $count } person til
   *[other] { $count } personer til
  } ba om å få bruke boten mens { $max } forespørsler allerede ventet; de fikk beskjed om at den er privat, og ingen forespørsel ble opprettet. /access viser dem som venter (denne meldingen kommer høyst én gang i timen).
access-open = Åpen: alle får spørre (ALLOWED_USER_IDS og ALLOWED_CHAT_IDS er ikke satt).
access-header = Hvem som får spørre ({ $count }), nyeste først:
access-header-paged = Hvem som får spørre ({ $count }, side { $page } av { $pages }), nyeste først:
access-empty = Ingen ennå utenom administratorene.
access-kind-pending = Ventende
access-kind-approved = Godkjent her
access-kind-denied = Avvist
access-kind-configured = Brukere i ALLOWED_USER_IDS
access-kind-group = Grupper lagt til av en administrator
access-kind-configured-group = Grupper i ALLOWED_CHAT_IDS
access-revoke = Trekk tilbake
access-let-in = Slipp inn

collections-admins-only = Bare botens administratorer kan velge hvilke dokumenter en chat søker i.
collections-sent-privately = Jeg har sendt deg valget for denne gruppen i den private chatten vår.
collections-open-private = Åpne en privat chat med meg (trykk på Start der), og send så /collections { $chat }.
collections-usage = Bruk: /collections i en gruppe eller privat chat, eller /collections <bruker-ID> for den personens private chat.
collections-changed = Dokumentene er endret siden denne meldingen; send /collections igjen.
collections-reset = ↩ Som i innstillingene
collections-this-chat = Denne chatten
collections-that-chat = Chatten { $chat }
collections-all = { $chat } søker i alle samlinger ({ $count }).
collections-these = { $chat } søker i disse samlingene: { $names }.
collections-none = { $chat } søker ikke i noen samling (den får ingen svar).
collections-of = { $searches } Trykk på en for å slå den på eller av.

doc-not-admin = Bare botens administratorer kan legge til eller fjerne dokumenter. Be en administrator om å legge til denne filen.
doc-unsupported = Denne filtypen kan jeg ikke lese. Jeg leser: { $extensions }.
doc-too-large = Filen er for stor ({ $size }); grensen er { $limit }.
doc-unreadable = Jeg kunne ikke lese { $name }: { $reason }. Ingenting ble lagt til; indeksen er uendret.
doc-downloading = Leser filen…
doc-reading-scans = Leser filen… { $progress }
doc-download-failed = nedlastingen mislyktes
doc-photo-hint = Vil du legge dette bildet til dokumentene, sender du det på nytt med bildeteksten /add (eller /add etterfulgt av en samling).
doc-photo-no-ocr = Jeg kan ikke lese bilder: OCR er slått av (OCR=false i botens innstillinger).
doc-exists = Det finnes allerede et dokument som heter { $name }. Vil du erstatte det, beholde begge eller avbryte?
doc-replace = Erstatt
doc-keep-both = Behold begge
doc-cancel = Avbryt
doc-cancelled = Avbrutt; ingenting ble endret.
doc-expired = Dette valget har utløpt; send filen på nytt.
doc-indexing = Legger { $name } til i indeksen…
doc-progress = Legger { $name } til i indeksen… { $progress }
doc-added = Lagt til: { $title } ({ $source })
doc-replaced = Erstattet: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } side
   *[other] { $count } sider
  }
doc-sections = { $count ->
    [one] { $count } avsnitt
   *[other] { $count } avsnitt
  }
doc-passages = { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  }
doc-url = Kilde: { $url }
doc-note = Merk: { $notes }.
doc-ready = Nå kan du stille spørsmål om det.
doc-add-failed = { $name } kunne ikke indekseres og ble derfor ikke beholdt; indeksen er uendret.
    Årsak: { $reason }
doc-save-failed = { $name } kunne ikke lagres i dokumentmappen og ble derfor ikke lagt til; indeksen er uendret.
    Årsak: { $reason }
doc-add-usage = Send /add etterfulgt av adressen til en nettside eller et dokument (PDF, Word, Markdown, tekst), og eventuelt samlingen det skal legges i, f.eks. /add https://example.org/manual.html hr
doc-fetching = Henter { $url }…
doc-fetch-failed = Jeg kunne ikke legge til { $url }: { $reason }. Ingenting ble lagt til.
doc-fetch-error = siden kunne ikke hentes
doc-docs-header = Dokumenter ({ $count }), side { $page } av { $pages }:
doc-docs-header-collection = Dokumenter i samlingen { $collection } ({ $count }), side { $page } av { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  }
doc-no-docs = Indeksen inneholder ingen dokumenter.
doc-no-such-collection = Det finnes ingen samling «{ $name }». Samlinger: { $names }.
doc-which-collection = Hvilken samling skal { $name } legges i? (Neste gang kan du angi den i en bildetekst eller med et ord etter adressen; et nytt navn oppretter en ny samling.)
doc-bad-collection = «{ $name }» kan ikke være et samlingsnavn: bokstaver, sifre, «.», «-» og «_», maks 64, og det må begynne med en bokstav eller et siffer.
doc-remove-which = Hvilket dokument skal jeg fjerne? (side { $page } av { $pages })
doc-remove-confirm = Vil du fjerne { $title } ({ $source }) fra dokumentene og indeksen?
doc-remove = Fjern
doc-removing = Fjerner { $source }…
doc-removed = { $source } er fjernet. { $count ->
    [one] { $count } dokument gjenstår
   *[other] { $count } dokumenter gjenstår
  }; svarene viser ikke lenger til det.
doc-remove-gone = Det dokumentet finnes ikke lenger i indeksen.
doc-remove-failed = { $source } kunne ikke fjernes: { $reason }
doc-delete-failed = filen kunne ikke slettes (se botens logg)
doc-not-in-folder = Bare dokumenter i dokumentmappen kan fjernes.
doc-no-match = Ingen dokumenter passer til «{ $name }». Send /remove uten navn for å velge ett.
