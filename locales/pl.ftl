answer-not-in-documents = W dokumentach nie ma odpowiedzi na to pytanie.
answer-never-mentioned = W dokumentach nigdzie nie pojawia się „{ $name }”, więc nie ma w nich odpowiedzi na to pytanie.
answer-unverified = Udało mi się znaleźć powiązane fragmenty, ale nie mogę na ich podstawie potwierdzić żadnej odpowiedzi, więc jej nie podam.
answer-closest = Wygląda na to, że dokumenty na to nie odpowiadają. Najbliżej są te fragmenty:
answer-other-language = Nie udało mi się znaleźć odpowiedzi w dokumentach. Język dokumentów: { $languages }. Bez modelu językowego znajduję fragmenty tylko po słowach wspólnych z pytaniem, więc to samo pytanie zadane w języku dokumentów ({ $language }) może trafić na odpowiedź.
answer-other-language-closest = Język dokumentów: { $languages }. Bez modelu językowego znajduję fragmenty tylko po słowach wspólnych z pytaniem, więc to samo pytanie zadane w języku dokumentów ({ $language }) może znaleźć więcej. Wygląda na to, że dokumenty na to nie odpowiadają. Najbliżej są te fragmenty:
answer-lead = W dokumentach napisano:
answer-sources = Źródła:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = skan
answer-passage-button = fragment

help-intro = Odpowiadam na pytania o te dokumenty, z numerowanymi źródłami, które możesz sprawdzić:
help-more = i jeszcze { $count }: /sources
help-private = Po prostu wyślij mi pytanie. Możesz też dopytywać.
help-group = W grupie oznacz mnie (@nazwa + pytanie), odpowiedz na jedną z moich wiadomości albo użyj /ask <pytanie>.
help-commands = Polecenia: /ask <pytanie>, /sources, /stats, /help

command-ask = Zadaj pytanie o dokumenty
command-sources = Lista zindeksowanych dokumentów
command-stats = Statystyki indeksu i modelu
command-help = Jak korzystać z bota
command-reindex = Przebuduj indeks z folderu dokumentów (administratorzy)
command-add = Dodaj stronę internetową lub dokument (PDF, Word, Markdown, tekst) po adresie (administratorzy)
command-docs = Lista dokumentów z ich fragmentami (administratorzy)
command-remove = Usuń dokument (administratorzy)
command-access = Kto może pytać: dopuszczeni, oczekujący, odrzuceni (administratorzy)
command-collections = Które dokumenty przeszukuje ten czat (administratorzy)

non-text = Czytam tylko wiadomości tekstowe. Wpisz, proszę, swoje pytanie.
voice-off = Nie mogę odsłuchiwać wiadomości głosowych: nie skonfigurowano modelu transkrypcji (administrator bota może ustawić TRANSCRIBE_MODEL). Wpisz, proszę, swoje pytanie.
voice-too-long = To nagranie jest za długie: słucham najwyżej { $seconds ->
    [one] { $seconds } sekundę
    [few] { $seconds } sekundy
    [many] { $seconds } sekund
   *[other] { $seconds } sekundy
  }. Zadaj pytanie w krótszej wiadomości albo je wpisz.
voice-failed = Nie udało mi się przepisać wiadomości głosowej: usługa transkrypcji nie odpowiada. Spróbuj ponownie później albo wpisz pytanie.
voice-empty = Nie udało mi się rozpoznać żadnych słów w wiadomości głosowej. Spróbuj ponownie albo wpisz pytanie.
voice-unreadable = Nie mogę ustalić, jak długie jest to nagranie, więc go nie odsłuchuję. Wyślij wiadomość głosową albo wpisz pytanie.
unknown-command = Nie znam tego polecenia. Polecenia: /ask <pytanie>, /sources, /stats, /help
too-long = To pytanie jest za długie: limit wynosi { $max ->
    [one] { $max } znak
    [few] { $max } znaki
    [many] { $max } znaków
   *[other] { $max } znaku
  }. Skróć je, proszę.
empty-ask = Wpisz pytanie po poleceniu, np. /ask Kto kieruje Sberbankiem?
rate-limited = Wysyłasz wiadomości szybciej, niż nadążam odpowiadać. Poczekaj chwilę i zapytaj ponownie.
slow-down = Za dużo poleceń lub kliknięć pod rząd: poczekaj chwilę.
llm-down = Przepraszam, model językowy w tej chwili nie odpowiada, więc nie mogę napisać odpowiedzi. Spróbuj ponownie za kilka minut.
failed = Przepraszam, coś poszło nie tak podczas odpowiadania. Spróbuj ponownie.
stopped = Zatrzymano. Zapytaj ponownie, kiedy zechcesz.
thanks = Dzięki za opinię!
expired = Ta odpowiedź jest zbyt stara, żeby ją ocenić.
passage-gone = Tego fragmentu nie ma już w indeksie (dokumenty się zmieniły); zapytaj ponownie.
still-reading = Wciąż czytam dokumenty. Zapytaj ponownie za chwilę.
still-reading-progress = Wciąż czytam dokumenty ({ $progress }). Zapytaj ponownie za chwilę.
private-bot = Ten bot jest prywatny. Przekazuję administratorom prośbę o dostęp dla ciebie; dostaniesz wiadomość, gdy go przyznają.
private-button = Ten bot jest prywatny.
button-gone = Ten przycisk już nie działa.
private-bot-full = Ten bot jest prywatny, a na administratorów czeka teraz zbyt wiele próśb. Skontaktuj się z nimi bezpośrednio.
private-group = Ten bot jest prywatny i odpowiada tylko w grupach dopuszczonych przez administratorów, więc opuszczam tę grupę. Administrator może mnie dodać ponownie.
group-allowed = Cześć! Administrator dodał mnie do tej grupy, więc możecie pytać mnie o dokumenty: oznaczcie mnie albo odpowiedzcie na jedną z moich wiadomości.
sources-header = Zindeksowane dokumenty ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } fragment
    [few] { $count } fragmenty
    [many] { $count } fragmentów
   *[other] { $count } fragmentu
  })
sources-more = i jeszcze { $count }
stats = Dokumenty: { $documents }
    Fragmenty: { $chunks }
    Embeddingi: { $embeddings }
    Odpowiedzi: { $answerer }
    Ostatnia budowa indeksu: { $built } ({ $seconds } s)
stage-model = pobieranie modelu językowego, MB
stage-load = czytanie plików
stage-embed = fragmenty
stage-write = zapisywanie indeksu
stage-scanned = czytanie zeskanowanych stron
stage-count = { $name }: { $done } z { $total }

admin-help = Jesteś administratorem: /reindex przebudowuje indeks z folderu dokumentów; wyślij mi plik (PDF, Word, HTML, Markdown, tekst) albo /add <url>, aby dodać dokument; /docs wyświetla dokumenty, /remove usuwa jeden z nich; /access pokazuje, kto może pytać, i pozwala przyznać lub odebrać dostęp; /collections wybiera, które dokumenty przeszukuje dany czat.
admin-not-admin = Tylko administratorzy bota mogą przebudować indeks.
admin-use-private = Użyj tego polecenia w naszym prywatnym czacie: tutaj odpowiedź przeczytaliby wszyscy członkowie.
admin-previous = ‹ Wstecz
admin-next = Dalej ›
list-separator = {", "}
admin-internal-error = błąd wewnętrzny (szczegóły w logu bota)
admin-reindex-busy = Przebudowa indeksu już trwa; dam tu znać, gdy się skończy.
admin-reindex-start = Przebudowuję indeks… (w tym czasie pytania obsługuje obecny indeks)
admin-reindex-progress = Przebudowuję indeks… { $progress }
admin-reindex-rebuilt = Indeks przebudowany w { $seconds } s: { $documents ->
    [one] { $documents } dokument
    [few] { $documents } dokumenty
    [many] { $documents } dokumentów
   *[other] { $documents } dokumentu
  }, { $chunks ->
    [one] { $chunks } fragment
    [few] { $chunks } fragmenty
    [many] { $chunks } fragmentów
   *[other] { $chunks } fragmentu
  }.
admin-reindex-unchanged = Dokumenty nie zmieniły się od ostatniej budowy; teraz używany jest ten indeks: { $documents ->
    [one] { $documents } dokument
    [few] { $documents } dokumenty
    [many] { $documents } dokumentów
   *[other] { $documents } dokumentu
  }, { $chunks ->
    [one] { $chunks } fragment
    [few] { $chunks } fragmenty
    [many] { $chunks } fragmentów
   *[other] { $chunks } fragmentu
  }.
admin-reindex-documents = Dokumenty: dodane { $added }, zmienione { $changed }, usunięte { $removed }, bez zmian { $unchanged }.
admin-reindex-chunks = Fragmenty: osadzone { $embedded }, użyte ponownie { $reused }.
admin-reindex-skipped = Pominięte: { $files }
admin-reindex-warnings = Odczytane z ostrzeżeniem: { $files }
admin-reindex-more = i jeszcze { $count } (szczegóły w logu)
admin-reindex-fallback = Ostrzeżenie: { $reason }
admin-reindex-failed = Przebudowa indeksu nie powiodła się; nadal działa poprzedni indeks.
    Powód: { $reason }

access-request = { $who } prosi o dostęp do bota.
access-approve = Zatwierdź
access-deny = Odrzuć
access-approved = { $who }: prośba zatwierdzona przez { $by }.
access-denied = { $who }: prośba odrzucona przez { $by }.
access-approved-toast = Zatwierdzono.
access-denied-toast = Odrzucono: ta osoba nie może już zadawać pytań.
access-group-revoked-toast = Cofnięto: ta grupa nie może już zadawać pytań, a ja ją opuszczam.
access-not-saved = Nie udało się tego zapisać (magazyn decyzji o dostępie zawiódł); nic się nie zmieniło. Spróbuj ponownie.
access-approved-notice = Możesz teraz zadawać mi pytania.
access-not-admin = Tylko administratorzy bota mogą sprawdzać i zmieniać, kto może pytać.
access-overflow = { $count ->
    [one] Jeszcze { $count } osoba poprosiła
    [few] Jeszcze { $count } osoby poprosiły
    [many] Jeszcze { $count } osób poprosiło
   *[other] Jeszcze { $count } osoby poprosiło
  } o dostęp do bota, gdy { $max ->
    [one] czekała już { $max } prośba
    [few] czekały już { $max } prośby
    [many] czekało już { $max } próśb
   *[other] czekało już { $max } prośby
  }; bot odpowiedział, że jest prywatny, i nie utworzono prośby. /access pokazuje oczekujących (to powiadomienie przychodzi najwyżej raz na godzinę).
access-open = Dostęp otwarty: każdy może pytać (ALLOWED_USER_IDS i ALLOWED_CHAT_IDS nie są ustawione).
access-header = Kto może pytać ({ $count }), od najnowszych:
access-header-paged = Kto może pytać ({ $count }, strona { $page } z { $pages }), od najnowszych:
access-empty = Poza administratorami jeszcze nikt.
access-kind-pending = Oczekujący
access-kind-approved = Zatwierdzeni tutaj
access-kind-denied = Odrzuceni
access-kind-configured = Użytkownicy w ALLOWED_USER_IDS
access-kind-group = Grupy dodane przez administratora
access-kind-configured-group = Grupy w ALLOWED_CHAT_IDS
access-revoke = Cofnij dostęp
access-let-in = Wpuść

collections-admins-only = Tylko administratorzy bota mogą wybierać, które dokumenty przeszukuje czat.
collections-sent-privately = Wybór dla tej grupy czeka na ciebie w naszym prywatnym czacie.
collections-open-private = Otwórz ze mną prywatny czat (naciśnij tam Start), a potem wyślij /collections { $chat }.
collections-usage = Użycie: /collections w grupie lub prywatnym czacie albo /collections <id użytkownika> dla prywatnego czatu tej osoby.
collections-changed = Dokumenty zmieniły się od tej wiadomości; wyślij /collections jeszcze raz.
collections-reset = ↩ Jak w ustawieniach
collections-this-chat = Ten czat
collections-that-chat = Czat { $chat }
collections-all = { $chat } przeszukuje wszystkie kolekcje ({ $count }).
collections-these = { $chat } przeszukuje te kolekcje: { $names }.
collections-none = { $chat } nie przeszukuje żadnej kolekcji (nie dostaje odpowiedzi).
collections-of = { $searches } Naciśnij kolekcję, aby ją włączyć lub wyłączyć.

doc-not-admin = Tylko administratorzy bota mogą dodawać i usuwać dokumenty. Poproś administratora o dodanie tego pliku.
doc-unsupported = Nie umiem czytać plików tego rodzaju. Czytam: { $extensions }.
doc-too-large = Ten plik jest za duży ({ $size }); limit to { $limit }.
doc-unreadable = Nie udało mi się odczytać pliku { $name }: { $reason }. Nic nie dodano; indeks się nie zmienił.
doc-downloading = Czytam plik…
doc-reading-scans = Czytam plik… { $progress }
doc-download-failed = pobieranie nie powiodło się
doc-photo-hint = Aby dodać to zdjęcie do dokumentów, wyślij je ponownie z podpisem /add (albo /add i nazwą kolekcji).
doc-photo-no-ocr = Nie umiem czytać zdjęć: OCR jest wyłączony (OCR=false w ustawieniach bota).
doc-exists = Dokument o nazwie { $name } już istnieje. Zastąpić go, zachować oba czy anulować?
doc-replace = Zastąp
doc-keep-both = Zachowaj oba
doc-cancel = Anuluj
doc-cancelled = Anulowano; nic nie zostało zmienione.
doc-expired = Ten wybór wygasł; wyślij plik ponownie.
doc-indexing = Dodaję { $name } do indeksu…
doc-progress = Dodaję { $name } do indeksu… { $progress }
doc-added = Dodano: { $title } ({ $source })
doc-replaced = Zastąpiono: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } strona
    [few] { $count } strony
    [many] { $count } stron
   *[other] { $count } strony
  }
doc-sections = { $count ->
    [one] { $count } sekcja
    [few] { $count } sekcje
    [many] { $count } sekcji
   *[other] { $count } sekcji
  }
doc-passages = { $count ->
    [one] { $count } fragment
    [few] { $count } fragmenty
    [many] { $count } fragmentów
   *[other] { $count } fragmentu
  }
doc-url = Źródło: { $url }
doc-note = Uwaga: { $notes }.
doc-ready = Możesz już o niego pytać.
doc-add-failed = Nie udało się zindeksować dokumentu { $name }, więc go nie zachowano; indeks się nie zmienił.
    Powód: { $reason }
doc-save-failed = Nie udało się zapisać dokumentu { $name } w folderze dokumentów, więc go nie dodano; indeks się nie zmienił.
    Powód: { $reason }
doc-add-usage = Wyślij /add, a po nim adres strony internetowej lub dokumentu (PDF, Word, Markdown, tekst) i opcjonalnie kolekcję, do której ma trafić, np. /add https://example.org/manual.html hr
doc-fetching = Pobieram { $url }…
doc-fetch-failed = Nie udało mi się dodać { $url }: { $reason }. Nic nie dodano.
doc-fetch-error = nie udało się pobrać strony
doc-docs-header = Dokumenty ({ $count }), strona { $page } z { $pages }:
doc-docs-header-collection = Dokumenty z kolekcji { $collection } ({ $count }), strona { $page } z { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } fragment
    [few] { $count } fragmenty
    [many] { $count } fragmentów
   *[other] { $count } fragmentu
  }
doc-no-docs = Indeks nie zawiera żadnych dokumentów.
doc-no-such-collection = Nie ma kolekcji „{ $name }”. Kolekcje: { $names }.
doc-which-collection = Do której kolekcji ma trafić { $name }? (Następnym razem wskaże ją podpis albo słowo po adresie; nowa nazwa tworzy nową kolekcję.)
doc-bad-collection = „{ $name }” nie może być nazwą kolekcji: litery, cyfry, „.”, „-” i „_”, najwyżej 64 znaki, na początku litera lub cyfra.
doc-remove-which = Który dokument mam usunąć? (strona { $page } z { $pages })
doc-remove-confirm = Usunąć { $title } ({ $source }) z dokumentów i indeksu?
doc-remove = Usuń
doc-removing = Usuwam { $source }…
doc-removed = Usunięto { $source }. { $count ->
    [one] Został { $count } dokument
    [few] Zostały { $count } dokumenty
    [many] Zostało { $count } dokumentów
   *[other] Zostało { $count } dokumentu
  }; odpowiedzi już go nie cytują.
doc-remove-gone = Tego dokumentu nie ma już w indeksie.
doc-remove-failed = Nie udało się usunąć { $source }: { $reason }
doc-delete-failed = nie udało się usunąć pliku (szczegóły w logu bota)
doc-not-in-folder = Usunąć można tylko dokumenty z folderu dokumentów.
doc-no-match = Żaden dokument nie pasuje do „{ $name }”. Wyślij /remove bez nazwy, aby wybrać jeden z listy.
