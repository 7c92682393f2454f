# Botens texter på svenska: kring ett svar, till alla som frågar och till administratörer. Alla språk
# har samma nycklar och variabler (kontrolleras av test/i18n.test.ts). Texter med valfria delar
# (rapporten om omindexering, ett tillagt dokument) sätts ihop av flera av dessa i src/bot/texts.ts
# och src/bot/documents-texts.ts.

answer-not-in-documents = Dokumenten ger inget svar på den här frågan.
answer-never-mentioned = Dokumenten nämner aldrig ”{ $name }”, så de ger inget svar på den här frågan.
answer-unverified = Jag hittade närliggande utdrag men kunde inte belägga något svar med dem, så jag ger inget.
answer-closest = Dokumenten verkar inte svara på det här. Dessa utdrag kommer närmast:
answer-other-language = Jag hittade inget svar i dokumenten. De är på { $languages }, och utan språkmodell hittar jag utdrag bara genom orden de har gemensamt med frågan: ställd på { $language } kanske den hittar ett.
answer-other-language-closest = Dokumenten är på { $languages }, och utan språkmodell hittar jag utdrag bara genom orden de har gemensamt med frågan: ställd på { $language } kanske den hittar fler. Dokumenten verkar inte svara på det här. Dessa utdrag kommer närmast:
answer-lead = Dokumenten säger:
answer-sources = Källor:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = skannad
answer-passage-button = utdrag

help-intro = Jag svarar på frågor om de här dokumenten, med numrerade källor som du kan kontrollera:
help-more = och { $count } till: /sources
help-private = Skicka bara din fråga till mig. Följdfrågor fungerar också.
help-group = I en grupp: nämn mig (@namn + fråga), svara på ett av mina meddelanden eller använd /ask <fråga>.
help-commands = Kommandon: /ask <fråga>, /sources, /stats, /help

command-ask = Ställ en fråga om dokumenten
command-sources = Lista de indexerade dokumenten
command-stats = Statistik om index och modell
command-help = Så använder du boten
command-reindex = Bygg om indexet från dokumentmappen (administratörer)
command-add = Lägg till en webbsida eller ett dokument (PDF, Word, Markdown, text) via adressen (administratörer)
command-docs = Lista dokumenten med deras utdrag (administratörer)
command-remove = Ta bort ett dokument (administratörer)
command-access = Vem som får fråga: godkända, väntande och nekade (administratörer)
command-collections = Vilka dokument den här chatten söker i (administratörer)

# Till alla som frågar
non-text = Jag kan bara läsa textmeddelanden. Skriv gärna din fråga.
voice-off = Jag kan inte lyssna på röstmeddelanden: ingen transkriberingsmodell är inställd (botens administratör kan ställa in TRANSCRIBE_MODEL). Skriv gärna din fråga.
voice-too-long = Inspelningen är för lång: jag lyssnar på högst { $seconds } sekunder. Fråga i ett kortare meddelande eller skriv din fråga.
voice-failed = Jag kunde inte transkribera röstmeddelandet: transkriberingstjänsten svarar inte. Försök igen senare eller skriv din fråga.
voice-empty = Jag kunde inte urskilja några ord i röstmeddelandet. Försök igen eller skriv din fråga.
voice-unreadable = Jag kunde inte avgöra hur lång inspelningen är, så jag lyssnade inte på den. Skicka ett röstmeddelande eller skriv din fråga.
unknown-command = Det kommandot känner jag inte till. Kommandon: /ask <fråga>, /sources, /stats, /help
too-long = Frågan är för lång: gränsen är { $max } tecken. Korta ner den lite.
empty-ask = Skriv frågan efter kommandot, t.ex. /ask Vem leder Sberbank?
rate-limited = Du skickar meddelanden snabbare än jag hinner svara. Vänta en stund och fråga igen.
slow-down = För många kommandon eller knapptryck i rad: vänta en stund.
llm-down = Tyvärr svarar språkmodellen inte just nu, så jag kan inte skriva något svar. Försök igen om några minuter.
failed = Tyvärr gick något fel när jag skulle svara. Försök igen.
stopped = Stoppat. Fråga igen när du vill.
thanks = Tack för återkopplingen!
expired = Det här svaret är för gammalt för att betygsättas.
passage-gone = Det här utdraget finns inte längre i indexet (dokumenten har ändrats); fråga igen.
still-reading = Jag läser fortfarande dokumenten. Fråga igen om en liten stund.
still-reading-progress = Jag läser fortfarande dokumenten ({ $progress }). Fråga igen om en liten stund.
private-bot = Den här boten är privat. Jag har bett dess administratörer att släppa in dig; du får ett meddelande när de gör det.
private-button = Den här boten är privat.
button-gone = Den här knappen fungerar inte längre.
private-bot-full = Den här boten är privat, och just nu väntar för många förfrågningar på dess administratörer. Kontakta dem direkt.
private-group = Den här boten är privat och svarar bara i grupper som dess administratörer har godkänt, så jag lämnar gruppen. En administratör kan lägga till mig igen.
group-allowed = Hej! En administratör har lagt till mig, så den här gruppen får fråga mig om dokumenten: nämn mig eller svara på ett av mina meddelanden.
sources-header = Indexerade dokument ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  })
sources-more = och { $count } till
stats = Dokument: { $documents }
    Textdelar: { $chunks }
    Embeddings: { $embeddings }
    Svar: { $answerer }
    Senaste indexbygge: { $built } ({ $seconds } s)
stage-model = laddar ner språkmodellen, MB
stage-load = läser filer
stage-embed = utdrag
stage-write = skriver indexet
stage-scanned = läser skannade sidor
stage-count = { $name }: { $done } av { $total }

# Bara till administratörer
admin-help = Du är administratör: /reindex bygger om indexet från dokumentmappen; skicka en fil till mig (PDF, Word, HTML, Markdown, text) eller /add <url> för att lägga till ett dokument; /docs listar dem, /remove tar bort ett; /access visar vem som får fråga och låter dig godkänna eller återkalla; /collections väljer vilka dokument en chatt söker i.
admin-not-admin = Bara botens administratörer kan bygga om indexet.
admin-use-private = Använd det här kommandot i vår privata chatt: här skulle alla medlemmar läsa svaret.
admin-previous = ‹ Föregående
admin-next = Nästa ›
# Mellan objekten i en lista (”hr, it”): en literal, så att mellanslagen behålls.
list-separator = {", "}
admin-internal-error = internt fel (se botens logg)
admin-reindex-busy = En omindexering pågår redan; jag meddelar här när den är klar.
admin-reindex-start = Bygger om indexet… (frågor besvaras under tiden från det nuvarande)
admin-reindex-progress = Bygger om indexet… { $progress }
admin-reindex-rebuilt = Indexet byggdes om på { $seconds } s: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokument
  }, { $chunks ->
    [one] { $chunks } textdel
   *[other] { $chunks } textdelar
  }.
admin-reindex-unchanged = Dokumenten har inte ändrats sedan förra bygget, som nu används: { $documents ->
    [one] { $documents } dokument
   *[other] { $documents } dokument
  }, { $chunks ->
    [one] { $chunks } textdel
   *[other] { $chunks } textdelar
  }.
admin-reindex-documents = Dokument tillagda { $added }, ändrade { $changed }, borttagna { $removed }, oförändrade { $unchanged }.
admin-reindex-chunks = Textdelar inbäddade { $embedded }, återanvända { $reused }.
admin-reindex-skipped = Överhoppade: { $files }
admin-reindex-warnings = Lästa med varning: { $files }
admin-reindex-more = och { $count } till (se loggen)
admin-reindex-fallback = Varning: { $reason }
admin-reindex-failed = Omindexeringen misslyckades; det tidigare indexet används fortfarande.
    Orsak: { $reason }

access-request = { $who } vill använda boten.
access-approve = Godkänn
access-deny = Neka
access-approved = { $who }: godkänd av { $by }.
access-denied = { $who }: nekad av { $by }.
access-approved-toast = Godkänd.
access-denied-toast = Nekad: den här personen kan inte längre fråga.
access-group-revoked-toast = Återkallat: den här gruppen kan inte längre fråga, och jag lämnar den.
access-not-saved = Det gick inte att spara (lagringen av åtkomstbeslut misslyckades); ingenting ändrades. Försök igen.
access-approved-notice = Nu kan du ställa frågor till mig.
access-not-admin = Bara botens administratörer kan se eller ändra vem som får fråga.
access-overflow = { $count ->
    [one] { $count } person till
   *[other] { $count } personer till
  } bad att få använda boten medan { $max } förfrågningar redan väntade; de fick veta att den är privat, och ingen förfrågan skapades. /access listar dem som väntar (det här meddelandet kommer högst en gång i timmen).
access-open = Öppen: alla får fråga (ALLOWED_USER_IDS och ALLOWED_CHAT_IDS är inte inställda).
access-header = Vem som får fråga ({ $count }), nyaste först:
access-header-paged = Vem som får fråga ({ $count }, sida { $page } av { $pages }), nyaste först:
access-empty = Ingen ännu förutom administratörerna.
access-kind-pending = Väntande
access-kind-approved = Godkända här
access-kind-denied = Nekade
access-kind-configured = Användare i ALLOWED_USER_IDS
access-kind-group = Grupper tillagda av en administratör
access-kind-configured-group = Grupper i ALLOWED_CHAT_IDS
access-revoke = Återkalla
access-let-in = Släpp in

collections-admins-only = Bara botens administratörer kan välja vilka dokument en chatt söker i.
collections-sent-privately = Jag har skickat valet för den här gruppen till dig i vår privata chatt.
collections-open-private = Öppna en privat chatt med mig (tryck på Start där) och skicka sedan /collections { $chat }.
collections-usage = Användning: /collections i en grupp eller privat chatt, eller /collections <användar-id> för den personens privata chatt.
collections-changed = Dokumenten har ändrats sedan det här meddelandet; skicka /collections igen.
collections-reset = ↩ Som i inställningarna
collections-this-chat = Den här chatten
collections-that-chat = Chatten { $chat }
collections-all = { $chat } söker i alla samlingar ({ $count }).
collections-these = { $chat } söker i de här samlingarna: { $names }.
collections-none = { $chat } söker inte i någon samling (den får inga svar).
collections-of = { $searches } Tryck på en för att slå på eller av den.

doc-not-admin = Bara botens administratörer kan lägga till eller ta bort dokument. Be en administratör att lägga till den här filen.
doc-unsupported = Den här sortens fil kan jag inte läsa. Jag läser: { $extensions }.
doc-too-large = Filen är för stor ({ $size }); gränsen är { $limit }.
doc-unreadable = Jag kunde inte läsa { $name }: { $reason }. Inget lades till; indexet är oförändrat.
doc-downloading = Läser filen…
doc-reading-scans = Läser filen… { $progress }
doc-download-failed = nedladdningen misslyckades
doc-photo-hint = Om du vill lägga till fotot bland dokumenten skickar du det igen med bildtexten /add (eller /add följt av en samling).
doc-photo-no-ocr = Jag kan inte läsa foton: OCR är avstängt (OCR=false i botens inställningar).
doc-exists = Det finns redan ett dokument som heter { $name }. Vill du ersätta det, behålla båda eller avbryta?
doc-replace = Ersätt
doc-keep-both = Behåll båda
doc-cancel = Avbryt
doc-cancelled = Avbrutet; ingenting ändrades.
doc-expired = Det här valet har gått ut; skicka filen igen.
doc-indexing = Lägger till { $name } i indexet…
doc-progress = Lägger till { $name } i indexet… { $progress }
doc-added = Tillagt: { $title } ({ $source })
doc-replaced = Ersatt: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } sida
   *[other] { $count } sidor
  }
doc-sections = { $count ->
    [one] { $count } avsnitt
   *[other] { $count } avsnitt
  }
doc-passages = { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  }
doc-url = Källa: { $url }
doc-note = Obs: { $notes }.
doc-ready = Nu kan du ställa frågor om det.
doc-add-failed = { $name } kunde inte indexeras och sparades därför inte; indexet är oförändrat.
    Orsak: { $reason }
doc-save-failed = { $name } kunde inte sparas i dokumentmappen och lades därför inte till; indexet är oförändrat.
    Orsak: { $reason }
doc-add-usage = Skicka /add följt av adressen till en webbsida eller ett dokument (PDF, Word, Markdown, text), och eventuellt samlingen det ska läggas i, t.ex. /add https://example.org/manual.html hr
doc-fetching = Hämtar { $url }…
doc-fetch-failed = Jag kunde inte lägga till { $url }: { $reason }. Inget lades till.
doc-fetch-error = sidan kunde inte hämtas
doc-docs-header = Dokument ({ $count }), sida { $page } av { $pages }:
doc-docs-header-collection = Dokument i samlingen { $collection } ({ $count }), sida { $page } av { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } utdrag
   *[other] { $count } utdrag
  }
doc-no-docs = Indexet innehåller inga dokument.
doc-no-such-collection = Det finns ingen samling ”{ $name }”. Samlingar: { $names }.
doc-which-collection = Vilken samling ska { $name } läggas i? (Nästa gång kan du ange den i en bildtext eller med ett ord efter adressen; ett nytt namn skapar en ny samling.)
doc-bad-collection = ”{ $name }” kan inte vara ett samlingsnamn: bokstäver, siffror, ”.”, ”-” och ”_”, högst 64, och det ska börja med en bokstav eller siffra.
doc-remove-which = Vilket dokument ska jag ta bort? (sida { $page } av { $pages })
doc-remove-confirm = Vill du ta bort { $title } ({ $source }) från dokumenten och indexet?
doc-remove = Ta bort
doc-removing = Tar bort { $source }…
doc-removed = { $source } har tagits bort. { $count ->
    [one] { $count } dokument återstår
   *[other] { $count } dokument återstår
  }; svaren hänvisar inte längre till det.
doc-remove-gone = Det dokumentet finns inte längre i indexet.
doc-remove-failed = { $source } kunde inte tas bort: { $reason }
doc-delete-failed = filen kunde inte raderas (se botens logg)
doc-not-in-folder = Bara dokument i dokumentmappen kan tas bort.
doc-no-match = Inget dokument matchar ”{ $name }”. Skicka /remove utan namn för att välja ett.
