answer-not-in-documents = De documenten geven geen antwoord op deze vraag.
answer-never-mentioned = De documenten noemen “{ $name }” nergens en geven dus geen antwoord op deze vraag.
answer-unverified = Ik heb verwante passages gevonden, maar kon er geen antwoord mee onderbouwen, dus ik geef er geen.
answer-closest = De documenten lijken hier geen antwoord op te geven. Deze passages komen het dichtst in de buurt:
answer-other-language = Ik heb in de documenten geen antwoord gevonden. Ze zijn in het { $languages }, en zonder taalmodel vind ik passages alleen via de woorden die ze met de vraag gemeen hebben: in het { $language } gesteld, vindt de vraag er misschien wel een.
answer-other-language-closest = De documenten zijn in het { $languages }, en zonder taalmodel vind ik passages alleen via de woorden die ze met de vraag gemeen hebben: in het { $language } gesteld, vindt de vraag er misschien meer. De documenten lijken hier geen antwoord op te geven. Deze passages komen het dichtst in de buurt:
answer-lead = De documenten zeggen:
answer-sources = Bronnen:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = gescand
answer-passage-button = passage

help-intro = Ik beantwoord vragen over deze documenten, met genummerde bronnen die je kunt nakijken:
help-more = en nog { $count }: /sources
help-private = Stuur me gewoon een vraag. Vervolgvragen werken ook.
help-group = In een groep: noem me (@naam + vraag), reageer op een van mijn berichten of gebruik /ask <vraag>.
help-commands = Commando's: /ask <vraag>, /sources, /stats, /help

command-ask = Een vraag over de documenten stellen
command-sources = De geïndexeerde documenten tonen
command-stats = Index- en modelstatistieken
command-help = Zo gebruik je deze bot
command-reindex = De index opnieuw opbouwen uit de documentenmap (beheerders)
command-add = Een webpagina of document (PDF, Word, Markdown, tekst) toevoegen via het adres (beheerders)
command-docs = De documenten met hun passages tonen (beheerders)
command-remove = Een document verwijderen (beheerders)
command-access = Wie vragen mag stellen: toegelaten, wachtend, geweigerd (beheerders)
command-collections = Welke documenten deze chat doorzoekt (beheerders)

non-text = Ik kan alleen tekstberichten lezen. Typ je vraag alsjeblieft.
voice-off = Spraakberichten kan ik niet beluisteren: er is geen transcriptiemodel ingesteld (de beheerder van de bot kan TRANSCRIBE_MODEL instellen). Typ je vraag alsjeblieft.
voice-too-long = Deze opname is te lang: ik luister hooguit { $seconds } seconden. Stel je vraag in een korter bericht of typ hem.
voice-failed = Ik kon het spraakbericht niet uitschrijven: de transcriptiedienst reageert niet. Probeer het later opnieuw of typ je vraag.
voice-empty = Ik kon in het spraakbericht geen woorden verstaan. Probeer het opnieuw of typ je vraag.
voice-unreadable = Ik kon niet nagaan hoe lang deze opname is, dus ik heb hem niet beluisterd. Stuur een spraakbericht of typ je vraag.
unknown-command = Dat commando ken ik niet. Commando's: /ask <vraag>, /sources, /stats, /help
too-long = Die vraag is te lang: het maximum is { $max } tekens. Maak hem wat korter.
empty-ask = Zet de vraag achter het commando, bijv. /ask Wie leidt Sberbank?
rate-limited = Je stuurt sneller berichten dan ik kan beantwoorden. Wacht even en vraag het dan opnieuw.
slow-down = Te veel commando's of knopdrukken achter elkaar: wacht even.
llm-down = Sorry, het taalmodel reageert nu niet, dus ik kan geen antwoord schrijven. Probeer het over een paar minuten opnieuw.
failed = Sorry, er ging iets mis bij het antwoorden. Probeer het opnieuw.
stopped = Gestopt. Vraag gerust opnieuw wanneer je wilt.
thanks = Bedankt voor je feedback!
expired = Dit antwoord is te oud om te beoordelen.
passage-gone = Deze passage staat niet meer in de index (de documenten zijn gewijzigd); stel je vraag opnieuw.
still-reading = Ik ben de documenten nog aan het lezen. Vraag het zo opnieuw.
still-reading-progress = Ik ben de documenten nog aan het lezen ({ $progress }). Vraag het zo opnieuw.
private-bot = Deze bot is privé. Ik heb de beheerders gevraagd je toe te laten; je krijgt een bericht zodra ze dat doen.
private-button = Deze bot is privé.
button-gone = Deze knop werkt niet meer.
private-bot-full = Deze bot is privé, en er wachten nu te veel verzoeken op de beheerders. Neem rechtstreeks contact met ze op.
private-group = Deze bot is privé en antwoordt alleen in groepen die de beheerders hebben toegestaan, dus ik verlaat deze groep. Een beheerder kan me opnieuw toevoegen.
group-allowed = Hallo! Een beheerder heeft me toegevoegd, dus deze groep mag me vragen stellen over de documenten: noem me of reageer op een van mijn berichten.
sources-header = Geïndexeerde documenten ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  })
sources-more = en nog { $count }
stats = Documenten: { $documents }
    Fragmenten: { $chunks }
    Embeddings: { $embeddings }
    Antwoorden: { $answerer }
    Laatste indexopbouw: { $built } ({ $seconds } s)
stage-model = taalmodel downloaden, MB
stage-load = bestanden lezen
stage-embed = passages
stage-write = index schrijven
stage-scanned = gescande pagina's lezen
stage-count = { $name }: { $done } van { $total }

admin-help = Je bent beheerder: /reindex bouwt de index opnieuw op uit de documentenmap; stuur me een bestand (PDF, Word, HTML, Markdown, tekst) of /add <url> om een document toe te voegen; /docs toont ze, /remove haalt er een weg; /access laat zien wie vragen mag stellen, om toegang te geven of in te trekken; /collections kiest welke documenten een chat doorzoekt.
admin-not-admin = Alleen de beheerders van de bot kunnen de index opnieuw opbouwen.
admin-use-private = Gebruik dit commando in onze privéchat: hier zou elk lid het antwoord lezen.
admin-previous = ‹ Vorige
admin-next = Volgende ›
list-separator = {", "}
admin-internal-error = interne fout (zie het log van de bot)
admin-reindex-busy = Er loopt al een herindexering; ik meld me hier als die klaar is.
admin-reindex-start = De index wordt opnieuw opgebouwd… (vragen worden intussen met de huidige index beantwoord)
admin-reindex-progress = De index wordt opnieuw opgebouwd… { $progress }
admin-reindex-rebuilt = Index opnieuw opgebouwd in { $seconds } s: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documenten
  }, { $chunks ->
    [one] { $chunks } fragment
   *[other] { $chunks } fragmenten
  }.
admin-reindex-unchanged = De documenten zijn sinds de vorige opbouw niet gewijzigd; die wordt nu gebruikt: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documenten
  }, { $chunks ->
    [one] { $chunks } fragment
   *[other] { $chunks } fragmenten
  }.
admin-reindex-documents = Documenten toegevoegd { $added }, gewijzigd { $changed }, verwijderd { $removed }, ongewijzigd { $unchanged }.
admin-reindex-chunks = Fragmenten ingebed { $embedded }, hergebruikt { $reused }.
admin-reindex-skipped = Overgeslagen: { $files }
admin-reindex-warnings = Gelezen met een waarschuwing: { $files }
admin-reindex-more = en nog { $count } (zie het log)
admin-reindex-fallback = Waarschuwing: { $reason }
admin-reindex-failed = De herindexering is mislukt; de vorige index blijft in gebruik.
    Reden: { $reason }

access-request = { $who } vraagt om de bot te gebruiken.
access-approve = Goedkeuren
access-deny = Weigeren
access-approved = { $who }: goedgekeurd door { $by }.
access-denied = { $who }: geweigerd door { $by }.
access-approved-toast = Goedgekeurd.
access-denied-toast = Geweigerd: deze persoon kan geen vragen meer stellen.
access-group-revoked-toast = Ingetrokken: deze groep kan geen vragen meer stellen, en ik verlaat hem.
access-not-saved = Dit kon niet worden opgeslagen (de opslag van toegangsbeslissingen faalde); er is niets gewijzigd. Probeer het opnieuw.
access-approved-notice = Je kunt me nu vragen stellen.
access-not-admin = Alleen de beheerders van de bot kunnen zien of wijzigen wie vragen mag stellen.
access-overflow = { $count ->
    [one] Nog { $count } persoon vroeg
   *[other] Nog { $count } mensen vroegen
  } om de bot te gebruiken terwijl er al { $max } verzoeken wachtten; ze kregen te horen dat hij privé is, en er is geen verzoek aangemaakt. /access toont wie er wacht (deze melding komt hooguit één keer per uur).
access-open = Open: iedereen mag vragen stellen (ALLOWED_USER_IDS en ALLOWED_CHAT_IDS zijn niet ingesteld).
access-header = Wie vragen mag stellen ({ $count }), nieuwste eerst:
access-header-paged = Wie vragen mag stellen ({ $count }, pagina { $page } van { $pages }), nieuwste eerst:
access-empty = Nog niemand behalve de beheerders.
access-kind-pending = Wachtend
access-kind-approved = Hier goedgekeurd
access-kind-denied = Geweigerd
access-kind-configured = Gebruikers in ALLOWED_USER_IDS
access-kind-group = Groepen toegevoegd door een beheerder
access-kind-configured-group = Groepen in ALLOWED_CHAT_IDS
access-revoke = Intrekken
access-let-in = Toelaten

collections-admins-only = Alleen de beheerders van de bot kunnen kiezen welke documenten een chat doorzoekt.
collections-sent-privately = Ik heb je de keuze voor deze groep in onze privéchat gestuurd.
collections-open-private = Open een privéchat met me (druk daar op Start) en stuur dan /collections { $chat }.
collections-usage = Gebruik: /collections in een groep of privéchat, of /collections <gebruikers-id> voor de privéchat van die persoon.
collections-changed = De documenten zijn sinds dit bericht gewijzigd; stuur /collections opnieuw.
collections-reset = ↩ Zoals in de instellingen
collections-this-chat = Deze chat
collections-that-chat = De chat { $chat }
collections-all = { $chat } doorzoekt alle collecties ({ $count }).
collections-these = { $chat } doorzoekt deze collecties: { $names }.
collections-none = { $chat } doorzoekt geen enkele collectie (en krijgt geen antwoorden).
collections-of = { $searches } Druk op een collectie om die aan of uit te zetten.

doc-not-admin = Alleen de beheerders van de bot kunnen documenten toevoegen of verwijderen. Vraag een beheerder om dit bestand toe te voegen.
doc-unsupported = Dit soort bestand kan ik niet lezen. Ik lees: { $extensions }.
doc-too-large = Dit bestand is te groot ({ $size }); de limiet is { $limit }.
doc-unreadable = Ik kon { $name } niet lezen: { $reason }. Er is niets toegevoegd; de index is ongewijzigd.
doc-downloading = Ik lees het bestand…
doc-reading-scans = Ik lees het bestand… { $progress }
doc-download-failed = het downloaden is mislukt
doc-photo-hint = Wil je deze foto aan de documenten toevoegen? Stuur hem dan opnieuw met het bijschrift /add (of /add gevolgd door een collectie).
doc-photo-no-ocr = Foto's kan ik niet lezen: OCR staat uit (OCR=false in de instellingen van de bot).
doc-exists = Er bestaat al een document met de naam { $name }. Vervangen, beide houden of annuleren?
doc-replace = Vervangen
doc-keep-both = Beide houden
doc-cancel = Annuleren
doc-cancelled = Geannuleerd; er is niets gewijzigd.
doc-expired = Deze keuze is verlopen; stuur het bestand opnieuw.
doc-indexing = { $name } wordt aan de index toegevoegd…
doc-progress = { $name } wordt aan de index toegevoegd… { $progress }
doc-added = Toegevoegd: { $title } ({ $source })
doc-replaced = Vervangen: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } pagina
   *[other] { $count } pagina's
  }
doc-sections = { $count ->
    [one] { $count } sectie
   *[other] { $count } secties
  }
doc-passages = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  }
doc-url = Bron: { $url }
doc-note = Opmerking: { $notes }.
doc-ready = Je kunt er nu vragen over stellen.
doc-add-failed = { $name } kon niet worden geïndexeerd en is dus niet bewaard; de index is ongewijzigd.
    Reden: { $reason }
doc-save-failed = { $name } kon niet in de documentenmap worden opgeslagen en is dus niet toegevoegd; de index is ongewijzigd.
    Reden: { $reason }
doc-add-usage = Stuur /add gevolgd door het adres van een webpagina of document (PDF, Word, Markdown, tekst), en eventueel de collectie waar het in moet, bijv. /add https://example.org/manual.html hr
doc-fetching = { $url } ophalen…
doc-fetch-failed = Ik kon { $url } niet toevoegen: { $reason }. Er is niets toegevoegd.
doc-fetch-error = de pagina kon niet worden opgehaald
doc-docs-header = Documenten ({ $count }), pagina { $page } van { $pages }:
doc-docs-header-collection = Documenten van de collectie { $collection } ({ $count }), pagina { $page } van { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  }
doc-no-docs = De index bevat geen documenten.
doc-no-such-collection = Er is geen collectie “{ $name }”. Collecties: { $names }.
doc-which-collection = In welke collectie moet { $name }? (Een volgende keer geeft een bijschrift of een woord na het adres die aan; een nieuwe naam maakt een nieuwe collectie.)
doc-bad-collection = “{ $name }” kan geen collectienaam zijn: letters, cijfers, “.”, “-” en “_”, hooguit 64, beginnend met een letter of cijfer.
doc-remove-which = Welk document moet ik verwijderen? (pagina { $page } van { $pages })
doc-remove-confirm = { $title } ({ $source }) uit de documenten en de index verwijderen?
doc-remove = Verwijderen
doc-removing = { $source } wordt verwijderd…
doc-removed = { $source } is verwijderd. { $count ->
    [one] Er blijft { $count } document over
   *[other] Er blijven { $count } documenten over
  }; antwoorden citeren het niet meer.
doc-remove-gone = Dat document staat niet meer in de index.
doc-remove-failed = { $source } kon niet worden verwijderd: { $reason }
doc-delete-failed = het bestand kon niet worden verwijderd (zie het log van de bot)
doc-not-in-folder = Alleen documenten in de documentenmap kunnen worden verwijderd.
doc-no-match = Geen enkel document komt overeen met “{ $name }”. Stuur /remove zonder naam om er een te kiezen.
