# Bottens tekster på dansk: omkring et svar, til alle, der spørger, og til administratorer. Alle sprog
# har de samme nøgler og variabler (kontrolleres af test/i18n.test.ts). Tekster med valgfrie dele
# (rapporten om genindeksering, et tilføjet dokument) sættes sammen af flere af disse i src/bot/texts.ts
# og src/bot/documents-texts.ts.

answer-not-in-documents = Dokumenterne besvarer ikke dette spørgsmål.
answer-never-mentioned = Dokumenterne nævner aldrig »{ $name }«, så de besvarer ikke dette spørgsmål.
answer-unverified = Jeg fandt relaterede uddrag, men kunne ikke bekræfte et svar ud fra dem, så jeg giver ikke noget.
answer-closest = Dokumenterne ser ikke ud til at besvare dette. Disse uddrag kommer tættest på:
answer-other-language = Jeg fandt intet svar i dokumenterne. De er på { $languages }, og uden en sprogmodel finder jeg kun uddrag via de ord, de har til fælles med spørgsmålet: stillet på { $language } finder det måske et.
answer-other-language-closest = Dokumenterne er på { $languages }, og uden en sprogmodel finder jeg kun uddrag via de ord, de har til fælles med spørgsmålet: stillet på { $language } finder det måske flere. Dokumenterne ser ikke ud til at besvare dette. Disse uddrag kommer tættest på:
answer-lead = Dokumenterne siger:
answer-sources = Kilder:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = scannet
answer-passage-button = uddrag

help-intro = Jeg besvarer spørgsmål om disse dokumenter, med nummererede kilder, du kan tjekke:
help-more = og { $count } til: /sources
help-private = Send mig bare et spørgsmål. Opfølgende spørgsmål virker også.
help-group = I en gruppe: nævn mig (@navn + spørgsmål), svar på en af mine beskeder, eller brug /ask <spørgsmål>.
help-commands = Kommandoer: /ask <spørgsmål>, /sources, /stats, /help

command-ask = Stil et spørgsmål om dokumenterne
command-sources = Vis de indekserede dokumenter
command-stats = Statistik om indeks og model
command-help = Sådan bruger du botten
command-reindex = Genopbyg indekset fra dokumentmappen (administratorer)
command-add = Tilføj en webside eller et dokument (PDF, Word, Markdown, tekst) via adressen (administratorer)
command-docs = Vis dokumenterne med deres uddrag (administratorer)
command-remove = Fjern et dokument (administratorer)
command-access = Hvem der må spørge: godkendte, ventende og afviste (administratorer)
command-collections = Hvilke dokumenter denne chat søger i (administratorer)

# Til alle, der spørger
non-text = Jeg kan kun læse tekstbeskeder. Skriv venligst dit spørgsmål.
voice-off = Jeg kan ikke lytte til talebeskeder: der er ikke sat nogen transskriptionsmodel op (bottens administrator kan angive TRANSCRIBE_MODEL). Skriv venligst dit spørgsmål.
voice-too-long = Optagelsen er for lang: jeg lytter højst til { $seconds } sekunder. Spørg i en kortere besked, eller skriv dit spørgsmål.
voice-failed = Jeg kunne ikke transskribere talebeskeden: transskriptionstjenesten svarer ikke. Prøv igen senere, eller skriv dit spørgsmål.
voice-empty = Jeg kunne ikke opfatte nogen ord i talebeskeden. Prøv igen, eller skriv dit spørgsmål.
voice-unreadable = Jeg kunne ikke se, hvor lang optagelsen er, så jeg lyttede ikke til den. Send en talebesked, eller skriv dit spørgsmål.
unknown-command = Den kommando kender jeg ikke. Kommandoer: /ask <spørgsmål>, /sources, /stats, /help
too-long = Spørgsmålet er for langt: grænsen er { $max } tegn. Gør det lidt kortere.
empty-ask = Skriv spørgsmålet efter kommandoen, f.eks. /ask Hvem leder Sberbank?
rate-limited = Du sender beskeder hurtigere, end jeg kan nå at svare. Vent et øjeblik, og spørg igen.
slow-down = For mange kommandoer eller knaptryk i træk: vent et øjeblik.
llm-down = Beklager, sprogmodellen svarer ikke lige nu, så jeg kan ikke skrive et svar. Prøv igen om et par minutter.
failed = Beklager, noget gik galt, da jeg skulle svare. Prøv igen.
stopped = Stoppet. Spørg igen, når du vil.
thanks = Tak for din feedback!
expired = Dette svar er for gammelt til at blive bedømt.
passage-gone = Dette uddrag er ikke længere i indekset (dokumenterne er ændret); spørg igen.
still-reading = Jeg er stadig ved at læse dokumenterne. Spørg igen om et øjeblik.
still-reading-progress = Jeg er stadig ved at læse dokumenterne ({ $progress }). Spørg igen om et øjeblik.
private-bot = Denne bot er privat. Jeg har bedt dens administratorer om at lukke dig ind; du får en besked, når de gør det.
private-button = Denne bot er privat.
button-gone = Denne knap virker ikke længere.
private-bot-full = Denne bot er privat, og lige nu venter for mange anmodninger på dens administratorer. Kontakt dem direkte.
private-group = Denne bot er privat og svarer kun i grupper, som dens administratorer har godkendt, så jeg forlader gruppen. En administrator kan tilføje mig igen.
group-allowed = Hej! En administrator har tilføjet mig, så denne gruppe må spørge mig om dokumenterne: nævn mig, eller svar på en af mine beskeder.
sources-header = Indekserede dokumenter ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } uddrag
   *[other] { $count } uddrag
  })
sources-more = og { $count } til
stats = Dokumenter: { $documents }
    Tekstdele: { $chunks }
    Embeddings: { $embeddings }
    Svar: { $answerer }
    Seneste indeksopbygning: { $built } ({ $seconds } s)
stage-model = henter sprogmodellen, MB
stage-load = læser filer
stage-embed = uddrag
stage-write = skriver indekset
stage-scanned = læser scannede sider
stage-count = { $name }: { $done } af { $total }

# Kun til administratorer
admin-help = Du er administrator: /reindex genopbygger indekset fra dokumentmappen; send mig en fil (PDF, Word, HTML, Markdown, tekst) eller /add <url> for at tilføje et dokument; /docs viser dem, /remove fjerner et; /access viser, hvem der må spørge, og lader dig godkende eller tilbagekalde; /collections vælger, hvilke dokumenter en chat søger i.
admin-not-admin = Kun bottens administratorer kan genopbygge indekset.
admin-use-private = Brug denne kommando i vores private chat: her ville alle medlemmer kunne læse svaret.
admin-previous = ‹ Forrige
admin-next = Næste ›
# Mellem punkterne i en liste (»hr, it«): en literal, så mellemrummene bevares.
list-separator = {", "}
admin-internal-error = intern fejl (se bottens log)
admin-reindex-busy = En genindeksering kører allerede; jeg melder tilbage her, når den er færdig.
admin-reindex-start = Genopbygger indekset… (spørgsmål besvares imens ud fra det nuværende)
admin-reindex-progress = Genopbygger indekset… { $progress }
admin-reindex-rebuilt = Indekset er genopbygget på { $seconds } s: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokumenter
  }, { $chunks ->
    [one] { $chunks } tekstdel
   *[other] { $chunks } tekstdele
  }.
admin-reindex-unchanged = Dokumenterne er ikke ændret siden sidste opbygning, som nu bruges: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokumenter
  }, { $chunks ->
    [one] { $chunks } tekstdel
   *[other] { $chunks } tekstdele
  }.
admin-reindex-documents = Dokumenter tilføjet { $added }, ændret { $changed }, fjernet { $removed }, uændret { $unchanged }.
admin-reindex-chunks = Tekstdele indlejret { $embedded }, genbrugt { $reused }.
admin-reindex-skipped = Sprunget over: { $files }
admin-reindex-warnings = Læst med advarsel: { $files }
admin-reindex-more = og { $count } til (se loggen)
admin-reindex-fallback = Advarsel: { $reason }
admin-reindex-failed = Genindekseringen mislykkedes; det tidligere indeks bruges fortsat.
    Årsag: { $reason }

access-request = { $who } beder om at bruge botten.
access-approve = Godkend
access-deny = Afvis
access-approved = { $who }: godkendt af { $by }.
access-denied = { $who }: afvist af { $by }.
access-approved-toast = Godkendt.
access-denied-toast = Afvist: denne person kan ikke længere spørge.
access-group-revoked-toast = Tilbagekaldt: denne gruppe kan ikke længere spørge, og jeg forlader den.
access-not-saved = Det kunne ikke gemmes (lageret med adgangsbeslutninger fejlede); intet er ændret. Prøv igen.
access-approved-notice = Nu kan du stille mig spørgsmål.
access-not-admin = Kun bottens administratorer kan se eller ændre, hvem der må spørge.
access-overflow = { $count ->
    [one] { $count } person mere
   *[other] { $count } personer mere
  } bad om at bruge botten, mens { $max } anmodninger allerede ventede; de fik at vide, at den er privat, og der blev ikke oprettet nogen anmodning. /access viser dem, der venter (denne besked kommer højst én gang i timen).
access-open = Åben: alle må spørge (ALLOWED_USER_IDS og ALLOWED_CHAT_IDS er ikke angivet).
access-header = Hvem der må spørge ({ $count }), nyeste først:
access-header-paged = Hvem der må spørge ({ $count }, side { $page } af { $pages }), nyeste først:
access-empty = Ingen endnu ud over administratorerne.
access-kind-pending = Ventende
access-kind-approved = Godkendt her
access-kind-denied = Afvist
access-kind-configured = Brugere i ALLOWED_USER_IDS
access-kind-group = Grupper tilføjet af en administrator
access-kind-configured-group = Grupper i ALLOWED_CHAT_IDS
access-revoke = Tilbagekald
access-let-in = Luk ind

collections-admins-only = Kun bottens administratorer kan vælge, hvilke dokumenter en chat søger i.
collections-sent-privately = Jeg har sendt dig valget for denne gruppe i vores private chat.
collections-open-private = Åbn en privat chat med mig (tryk på Start der), og send så /collections { $chat }.
collections-usage = Brug: /collections i en gruppe eller privat chat, eller /collections <bruger-id> for den persons private chat.
collections-changed = Dokumenterne er ændret siden denne besked; send /collections igen.
collections-reset = ↩ Som i indstillingerne
collections-this-chat = Denne chat
collections-that-chat = Chatten { $chat }
collections-all = { $chat } søger i alle samlinger ({ $count }).
collections-these = { $chat } søger i disse samlinger: { $names }.
collections-none = { $chat } søger ikke i nogen samling (den får ingen svar).
collections-of = { $searches } Tryk på en for at slå den til eller fra.

doc-not-admin = Kun bottens administratorer kan tilføje eller fjerne dokumenter. Bed en administrator om at tilføje denne fil.
doc-unsupported = Denne type fil kan jeg ikke læse. Jeg læser: { $extensions }.
doc-too-large = Filen er for stor ({ $size }); grænsen er { $limit }.
doc-unreadable = Jeg kunne ikke læse { $name }: { $reason }. Intet blev tilføjet; indekset er uændret.
doc-downloading = Læser filen…
doc-reading-scans = Læser filen… { $progress }
doc-download-failed = downloaden mislykkedes
doc-photo-hint = Vil du tilføje dette foto til dokumenterne, så send det igen med billedteksten /add (eller /add efterfulgt af en samling).
doc-photo-no-ocr = Jeg kan ikke læse fotos: OCR er slået fra (OCR=false i bottens indstillinger).
doc-exists = Der findes allerede et dokument med navnet { $name }. Vil du erstatte det, beholde begge eller annullere?
doc-replace = Erstat
doc-keep-both = Behold begge
doc-cancel = Annullér
doc-cancelled = Annulleret; intet blev ændret.
doc-expired = Dette valg er udløbet; send filen igen.
doc-indexing = Tilføjer { $name } til indekset…
doc-progress = Tilføjer { $name } til indekset… { $progress }
doc-added = Tilføjet: { $title } ({ $source })
doc-replaced = Erstattet: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } side
   *[other] { $count } sider
  }
doc-sections = { $count ->
    [one] { $count } afsnit
   *[other] { $count } afsnit
  }
doc-passages = { $count ->
    [one] { $count } uddrag
   *[other] { $count } uddrag
  }
doc-url = Kilde: { $url }
doc-note = Bemærk: { $notes }.
doc-ready = Nu kan du stille spørgsmål om det.
doc-add-failed = { $name } kunne ikke indekseres og blev derfor ikke gemt; indekset er uændret.
    Årsag: { $reason }
doc-save-failed = { $name } kunne ikke gemmes i dokumentmappen og blev derfor ikke tilføjet; indekset er uændret.
    Årsag: { $reason }
doc-add-usage = Send /add efterfulgt af adressen på en webside eller et dokument (PDF, Word, Markdown, tekst) og eventuelt den samling, det skal lægges i, f.eks. /add https://example.org/manual.html hr
doc-fetching = Henter { $url }…
doc-fetch-failed = Jeg kunne ikke tilføje { $url }: { $reason }. Intet blev tilføjet.
doc-fetch-error = siden kunne ikke hentes
doc-docs-header = Dokumenter ({ $count }), side { $page } af { $pages }:
doc-docs-header-collection = Dokumenter i samlingen { $collection } ({ $count }), side { $page } af { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } uddrag
   *[other] { $count } uddrag
  }
doc-no-docs = Indekset indeholder ingen dokumenter.
doc-no-such-collection = Der er ingen samling »{ $name }«. Samlinger: { $names }.
doc-which-collection = Hvilken samling skal { $name } lægges i? (Næste gang kan du angive den i en billedtekst eller med et ord efter adressen; et nyt navn opretter en ny samling.)
doc-bad-collection = »{ $name }« kan ikke være et samlingsnavn: bogstaver, cifre, ».«, »-« og »_«, højst 64, og det skal begynde med et bogstav eller et ciffer.
doc-remove-which = Hvilket dokument skal jeg fjerne? (side { $page } af { $pages })
doc-remove-confirm = Vil du fjerne { $title } ({ $source }) fra dokumenterne og indekset?
doc-remove = Fjern
doc-removing = Fjerner { $source }…
doc-removed = { $source } er fjernet. { $count ->
    [one] { $count } dokument er tilbage
   *[other] { $count } dokumenter er tilbage
  }; svarene henviser ikke længere til det.
doc-remove-gone = Det dokument er ikke længere i indekset.
doc-remove-failed = { $source } kunne ikke fjernes: { $reason }
doc-delete-failed = filen kunne ikke slettes (se bottens log)
doc-not-in-folder = Kun dokumenter i dokumentmappen kan fjernes.
doc-no-match = Intet dokument passer til »{ $name }«. Send /remove uden navn for at vælge et.
