# Texty bota v češtině: u odpovědi, pro každého, kdo se ptá, a pro správce. Všechny jazyky
# mají stejné klíče a proměnné (kontroluje test/i18n.test.ts). Texty s volitelnými částmi
# (zpráva o přeindexování, přidaný dokument) skládají z několika těchto zpráv src/bot/texts.ts
# a src/bot/documents-texts.ts.

answer-not-in-documents = Dokumenty na tuto otázku neodpovídají.
answer-never-mentioned = „{ $name }“ se v dokumentech nikde nevyskytuje, takže v nich odpověď na tuto otázku není.
answer-unverified = Našly se související úryvky, ale odpověď se podle nich nepodařilo ověřit, a tak ji neuvádím.
answer-closest = Zdá se, že dokumenty na tohle neodpovídají. Nejblíže jsou tyto úryvky:
answer-other-language = V dokumentech se odpověď nenašla. Jazyk dokumentů: { $languages }. Bez jazykového modelu hledám úryvky jen podle slov společných s otázkou, takže otázka položená v jazyce dokumentů ({ $language }) ji možná najde.
answer-other-language-closest = Jazyk dokumentů: { $languages }. Bez jazykového modelu hledám úryvky jen podle slov společných s otázkou, takže otázka položená v jazyce dokumentů ({ $language }) jich možná najde víc. Zdá se, že dokumenty na tohle neodpovídají. Nejblíže jsou tyto úryvky:
answer-lead = Dokumenty uvádějí:
answer-sources = Zdroje:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = sken
answer-passage-button = úryvek

help-intro = Odpovídám na otázky k těmto dokumentům a uvádím očíslované zdroje, které si můžete ověřit:
help-more = a ještě { $count }: /sources
help-private = Stačí mi poslat otázku. Fungují i doplňující dotazy.
help-group = Ve skupině mě označte (@jméno + otázka), odpovězte na některou z mých zpráv, nebo použijte /ask <otázka>.
help-commands = Příkazy: /ask <otázka>, /sources, /stats, /help

command-ask = Položit otázku k dokumentům
command-sources = Seznam zaindexovaných dokumentů
command-stats = Statistiky indexu a modelu
command-help = Jak bota používat
command-reindex = Znovu sestavit index ze složky dokumentů (správci)
command-add = Přidat webovou stránku nebo dokument (PDF, Word, Markdown, text) podle adresy (správci)
command-docs = Seznam dokumentů s jejich úryvky (správci)
command-remove = Odebrat dokument (správci)
command-access = Kdo se smí ptát: povolení, čekající a zamítnutí uživatelé (správci)
command-collections = Které dokumenty tento chat prohledává (správci)

# Pro každého, kdo se ptá
non-text = Umím číst jen textové zprávy. Napište prosím svou otázku.
voice-off = Hlasové zprávy poslouchat neumím: není nastavený model pro přepis (správce bota může nastavit TRANSCRIBE_MODEL). Napište prosím svou otázku.
voice-too-long = Tahle nahrávka je moc dlouhá: poslechnu nejvýš { $seconds ->
    [one] { $seconds } sekundu
    [few] { $seconds } sekundy
    [many] { $seconds } sekundy
   *[other] { $seconds } sekund
  }. Zeptejte se prosím kratší zprávou, nebo otázku napište.
voice-failed = Hlasovou zprávu se nepodařilo přepsat: služba pro přepis neodpovídá. Zkuste to prosím později, nebo otázku napište.
voice-empty = V hlasové zprávě se nepodařilo rozeznat žádná slova. Zkuste to prosím znovu, nebo otázku napište.
voice-unreadable = Nedokážu zjistit, jak je tahle nahrávka dlouhá, a tak ji neposlouchám. Pošlete prosím hlasovou zprávu, nebo otázku napište.
unknown-command = Tento příkaz neznám. Příkazy: /ask <otázka>, /sources, /stats, /help
too-long = Tahle otázka je moc dlouhá: limit je { $max ->
    [one] { $max } znak
    [few] { $max } znaky
    [many] { $max } znaku
   *[other] { $max } znaků
  }. Zkraťte ji prosím.
empty-ask = Napište otázku za příkaz, např. /ask Kdo vede Sberbank?
rate-limited = Posíláte zprávy rychleji, než stíhám odpovídat. Chvilku počkejte a zeptejte se znovu.
slow-down = Příliš mnoho příkazů nebo stisknutí tlačítek za sebou: chvilku prosím počkejte.
llm-down = Omlouvám se, jazykový model teď neodpovídá, takže nemůžu napsat odpověď. Zkuste to prosím za pár minut.
failed = Omlouvám se, při odpovídání se něco pokazilo. Zkuste to prosím znovu.
stopped = Zastaveno. Zeptejte se znovu, kdykoli budete chtít.
thanks = Díky za zpětnou vazbu!
expired = Tahle odpověď je už moc stará na hodnocení.
passage-gone = Tento úryvek už v indexu není (dokumenty se změnily); zeptejte se znovu.
still-reading = Ještě čtu dokumenty. Zeptejte se prosím za chvilku znovu.
still-reading-progress = Ještě čtu dokumenty ({ $progress }). Zeptejte se prosím za chvilku znovu.
private-bot = Tento bot je soukromý. Správcům odešla žádost o váš přístup; až vás pustí, dostanete zprávu.
private-button = Tento bot je soukromý.
button-gone = Tohle tlačítko už nefunguje.
private-bot-full = Tento bot je soukromý a na jeho správce teď čeká příliš mnoho žádostí. Obraťte se prosím přímo na ně.
private-group = Tento bot je soukromý a odpovídá jen ve skupinách, které povolili jeho správci, takže odcházím. Správce mě může přidat znovu.
group-allowed = Zdravím! Správce mě sem přidal, takže se mě v této skupině můžete ptát na dokumenty: označte mě, nebo odpovězte na některou z mých zpráv.
sources-header = Zaindexované dokumenty ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } úryvek
    [few] { $count } úryvky
    [many] { $count } úryvku
   *[other] { $count } úryvků
  })
sources-more = a ještě { $count }
stats = Dokumenty: { $documents }
    Úryvky: { $chunks }
    Embeddingy: { $embeddings }
    Odpovídá: { $answerer }
    Poslední sestavení indexu: { $built } ({ $seconds } s)
stage-model = stahování jazykového modelu, MB
stage-load = čtení souborů
stage-embed = úryvky
stage-write = zápis indexu
stage-scanned = čtení naskenovaných stránek
stage-count = { $name }: { $done } z { $total }

# Jen pro správce
admin-help = Jste správce: /reindex znovu sestaví index ze složky dokumentů; pošlete mi soubor (PDF, Word, HTML, Markdown, text) nebo /add <url> a přidáte dokument; /docs je vypíše, /remove jeden odebere; /access ukáže, kdo se smí ptát, a umožní přístup schválit nebo odebrat; /collections vybere, které dokumenty chat prohledává.
admin-not-admin = Index mohou znovu sestavit jen správci bota.
admin-use-private = Použijte prosím tento příkaz v našem soukromém chatu: tady by odpověď četli všichni členové.
admin-previous = ‹ Předchozí
admin-next = Další ›
# Mezi položkami seznamu („hr, it“): literál, aby se zachovaly mezery.
list-separator = {", "}
admin-internal-error = interní chyba (viz log bota)
admin-reindex-busy = Index se už sestavuje; až bude hotový, dám tady vědět.
admin-reindex-start = Sestavuji index znovu… (na otázky zatím odpovídá ten současný)
admin-reindex-progress = Sestavuji index znovu… { $progress }
admin-reindex-rebuilt = Index znovu sestaven za { $seconds } s: { $documents ->
    [one] { $documents } dokument
    [few] { $documents } dokumenty
    [many] { $documents } dokumentu
   *[other] { $documents } dokumentů
  }, { $chunks ->
    [one] { $chunks } úryvek
    [few] { $chunks } úryvky
    [many] { $chunks } úryvku
   *[other] { $chunks } úryvků
  }.
admin-reindex-unchanged = Dokumenty se od posledního sestavení nezměnily, takže platí poslední index: { $documents ->
    [one] { $documents } dokument
    [few] { $documents } dokumenty
    [many] { $documents } dokumentu
   *[other] { $documents } dokumentů
  }, { $chunks ->
    [one] { $chunks } úryvek
    [few] { $chunks } úryvky
    [many] { $chunks } úryvku
   *[other] { $chunks } úryvků
  }.
admin-reindex-documents = Dokumenty: přidáno { $added }, změněno { $changed }, odebráno { $removed }, beze změny { $unchanged }.
admin-reindex-chunks = Úryvky: nově zpracováno { $embedded }, znovu použito { $reused }.
admin-reindex-skipped = Přeskočeno: { $files }
admin-reindex-warnings = Načteno s varováním: { $files }
admin-reindex-more = a ještě { $count } (viz log)
admin-reindex-fallback = Varování: { $reason }
admin-reindex-failed = Sestavení indexu selhalo; dál slouží předchozí index.
    Důvod: { $reason }

access-request = { $who } žádá o přístup k botovi.
access-approve = Schválit
access-deny = Zamítnout
access-approved = { $who }: schválil(a) { $by }.
access-denied = { $who }: zamítl(a) { $by }.
access-approved-toast = Schváleno.
access-denied-toast = Zamítnuto: tento člověk se už nemůže ptát.
access-group-revoked-toast = Odebráno: tato skupina se už nemůže ptát a odcházím z ní.
access-not-saved = Nepodařilo se to uložit (úložiště rozhodnutí o přístupu selhalo); nic se nezměnilo. Zkuste to prosím znovu.
access-approved-notice = Teď už se mě můžete ptát.
access-not-admin = Kdo se smí ptát, mohou vidět a měnit jen správci bota.
access-overflow = { $count ->
    [one] Další { $count } člověk požádal
    [few] Další { $count } lidé požádali
    [many] Dalších { $count } lidí požádalo
   *[other] Dalších { $count } lidí požádalo
  } o přístup k botovi, když už { $max ->
    [one] čekala { $max } žádost
    [few] čekaly { $max } žádosti
    [many] čekalo { $max } žádosti
   *[other] čekalo { $max } žádostí
  }; odpověď zněla, že bot je soukromý, a žádná žádost nevznikla. /access ukáže čekající (tohle upozornění přijde nejvýš jednou za hodinu).
access-open = Otevřeno: ptát se může kdokoli (ALLOWED_USER_IDS a ALLOWED_CHAT_IDS nejsou nastavené).
access-header = Kdo se smí ptát ({ $count }), od nejnovějších:
access-header-paged = Kdo se smí ptát ({ $count }, strana { $page } z { $pages }), od nejnovějších:
access-empty = Kromě správců zatím nikdo.
access-kind-pending = Čekající
access-kind-approved = Schváleni zde
access-kind-denied = Zamítnuti
access-kind-configured = Uživatelé v ALLOWED_USER_IDS
access-kind-group = Skupiny přidané správcem
access-kind-configured-group = Skupiny v ALLOWED_CHAT_IDS
access-revoke = Odebrat přístup
access-let-in = Povolit

collections-admins-only = Vybírat, které dokumenty chat prohledává, mohou jen správci bota.
collections-sent-privately = Volba pro tuto skupinu na vás čeká v našem soukromém chatu.
collections-open-private = Otevřete se mnou soukromý chat (stiskněte v něm Start) a pak pošlete /collections { $chat }.
collections-usage = Použití: /collections ve skupině nebo soukromém chatu, nebo /collections <id uživatele> pro soukromý chat daného člověka.
collections-changed = Od této zprávy se dokumenty změnily; pošlete /collections znovu.
collections-reset = ↩ Podle nastavení
collections-this-chat = Tento chat
collections-that-chat = Chat { $chat }
collections-all = { $chat } prohledává všechny kolekce ({ $count }).
collections-these = { $chat } prohledává tyto kolekce: { $names }.
collections-none = { $chat } neprohledává žádnou kolekci (nedostává žádné odpovědi).
collections-of = { $searches } Stisknutím kolekce ji zapnete nebo vypnete.

doc-not-admin = Přidávat a odebírat dokumenty mohou jen správci bota. Požádejte správce, ať tento soubor přidá.
doc-unsupported = Tento druh souboru přečíst neumím. Čtu: { $extensions }.
doc-too-large = Tento soubor je moc velký ({ $size }); limit je { $limit }.
doc-unreadable = Soubor { $name } se nepodařilo přečíst: { $reason }. Nic se nepřidalo; index je beze změny.
doc-downloading = Čtu soubor…
doc-reading-scans = Čtu soubor… { $progress }
doc-download-failed = stahování selhalo
doc-photo-hint = Chcete-li tuto fotku přidat k dokumentům, pošlete ji znovu s popiskem /add (nebo /add a názvem kolekce).
doc-photo-no-ocr = Fotky číst neumím: OCR je vypnuté (OCR=false v nastavení bota).
doc-exists = Dokument s názvem { $name } už existuje. Nahradit ho, ponechat oba, nebo zrušit?
doc-replace = Nahradit
doc-keep-both = Ponechat oba
doc-cancel = Zrušit
doc-cancelled = Zrušeno; nic se nezměnilo.
doc-expired = Tato volba vypršela; pošlete prosím soubor znovu.
doc-indexing = Přidávám { $name } do indexu…
doc-progress = Přidávám { $name } do indexu… { $progress }
doc-added = Přidáno: { $title } ({ $source })
doc-replaced = Nahrazeno: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } stránka
    [few] { $count } stránky
    [many] { $count } stránky
   *[other] { $count } stránek
  }
doc-sections = { $count ->
    [one] { $count } oddíl
    [few] { $count } oddíly
    [many] { $count } oddílu
   *[other] { $count } oddílů
  }
doc-passages = { $count ->
    [one] { $count } úryvek
    [few] { $count } úryvky
    [many] { $count } úryvku
   *[other] { $count } úryvků
  }
doc-url = Zdroj: { $url }
doc-note = Poznámka: { $notes }.
doc-ready = Už se na něj můžete ptát.
doc-add-failed = Dokument { $name } se nepodařilo zaindexovat, takže nebyl uložen; index je beze změny.
    Důvod: { $reason }
doc-save-failed = Dokument { $name } se nepodařilo uložit do složky dokumentů, takže nebyl přidán; index je beze změny.
    Důvod: { $reason }
doc-add-usage = Pošlete /add a za ním adresu webové stránky nebo dokumentu (PDF, Word, Markdown, text), případně i kolekci, kam patří, např. /add https://example.org/manual.html hr
doc-fetching = Stahuji { $url }…
doc-fetch-failed = { $url } se nepodařilo přidat: { $reason }. Nic se nepřidalo.
doc-fetch-error = stránku se nepodařilo stáhnout
doc-docs-header = Dokumenty ({ $count }), strana { $page } z { $pages }:
doc-docs-header-collection = Dokumenty v kolekci { $collection } ({ $count }), strana { $page } z { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } úryvek
    [few] { $count } úryvky
    [many] { $count } úryvku
   *[other] { $count } úryvků
  }
doc-no-docs = Index neobsahuje žádné dokumenty.
doc-no-such-collection = Kolekce „{ $name }“ neexistuje. Kolekce: { $names }.
doc-which-collection = Do které kolekce mám zařadit { $name }? (Příště ji určí popisek nebo slovo za adresou; nový název vytvoří novou kolekci.)
doc-bad-collection = „{ $name }“ nemůže být názvem kolekce: písmena, číslice, „.“, „-“ a „_“, nejvýš 64 znaků, na začátku písmeno nebo číslice.
doc-remove-which = Který dokument mám odebrat? (strana { $page } z { $pages })
doc-remove-confirm = Odebrat { $title } ({ $source }) z dokumentů a z indexu?
doc-remove = Odebrat
doc-removing = Odebírám { $source }…
doc-removed = Odebráno: { $source }. { $count ->
    [one] Zbývá { $count } dokument
    [few] Zbývají { $count } dokumenty
    [many] Zbývá { $count } dokumentu
   *[other] Zbývá { $count } dokumentů
  }; odpovědi ho už necitují.
doc-remove-gone = Tento dokument už v indexu není.
doc-remove-failed = { $source } se nepodařilo odebrat: { $reason }
doc-delete-failed = soubor se nepodařilo smazat (viz log bota)
doc-not-in-folder = Odebrat lze jen dokumenty ve složce dokumentů.
doc-no-match = Názvu „{ $name }“ neodpovídá žádný dokument. Pošlete /remove bez názvu a vyberte si ze seznamu.
