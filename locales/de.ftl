answer-not-in-documents = Die Dokumente beantworten diese Frage nicht.
answer-never-mentioned = Die Dokumente erwähnen „{ $name }“ nirgends und beantworten diese Frage daher nicht.
answer-unverified = Ich habe verwandte Stellen gefunden, konnte aber keine Antwort daran belegen und gebe deshalb keine.
answer-closest = Die Dokumente scheinen das nicht zu beantworten. Am nächsten kommen diese Stellen:
answer-other-language = Ich habe in den Dokumenten keine Antwort gefunden. Sie sind auf { $languages } verfasst, und ohne Sprachmodell finde ich Stellen nur über die Wörter, die sie mit der Frage teilen: Auf { $language } gestellt, findet sie vielleicht eine.
answer-other-language-closest = Die Dokumente sind auf { $languages } verfasst, und ohne Sprachmodell finde ich Stellen nur über die Wörter, die sie mit der Frage teilen: Auf { $language } gestellt, findet sie vielleicht mehr. Die Dokumente scheinen das nicht zu beantworten. Am nächsten kommen diese Stellen:
answer-lead = Die Dokumente sagen:
answer-sources = Quellen:
answer-page = S. { $page }
answer-pages = S. { $first }–{ $last }
answer-scanned = gescannt
answer-passage-button = Stelle

help-intro = Ich beantworte Fragen zu diesen Dokumenten, mit nummerierten Quellen zum Nachprüfen:
help-more = und { $count } weitere: /sources
help-private = Schick mir einfach eine Frage. Anschlussfragen funktionieren auch.
help-group = In einer Gruppe: erwähne mich (@Name + Frage), antworte auf eine meiner Nachrichten oder nutze /ask <Frage>.
help-commands = Befehle: /ask <Frage>, /sources, /stats, /help

command-ask = Eine Frage zu den Dokumenten stellen
command-sources = Die indizierten Dokumente
command-stats = Index- und Modellstatistik
command-help = So funktioniert der Bot
command-reindex = Index aus dem Dokumentenordner neu aufbauen (Admins)
command-add = Webseite oder Dokument (PDF, Word, Markdown, Text) über die Adresse hinzufügen (Admins)
command-docs = Die Dokumente mit ihren Passagen auflisten (Admins)
command-remove = Ein Dokument entfernen (Admins)
command-access = Wer fragen darf: zugelassen, wartend, abgelehnt (Admins)
command-collections = Welche Dokumente dieser Chat durchsucht (Admins)

non-text = Ich kann nur Textnachrichten lesen. Bitte tippe deine Frage.
voice-off = Sprachnachrichten kann ich nicht anhören: Es ist kein Transkriptionsmodell eingerichtet (der Admin des Bots kann TRANSCRIBE_MODEL setzen). Bitte tippe deine Frage.
voice-too-long = Diese Aufnahme ist zu lang: Ich höre höchstens { $seconds } Sekunden. Bitte frag kürzer oder tippe deine Frage.
voice-failed = Ich konnte die Sprachnachricht nicht umwandeln: Der Transkriptionsdienst antwortet nicht. Bitte versuch es später noch einmal oder tippe deine Frage.
voice-empty = In der Sprachnachricht konnte ich keine Worte verstehen. Bitte versuch es noch einmal oder tippe deine Frage.
voice-unreadable = Ich konnte nicht erkennen, wie lang diese Aufnahme ist, deshalb habe ich sie nicht angehört. Bitte schick eine Sprachnachricht oder tippe deine Frage.
unknown-command = Diesen Befehl kenne ich nicht. Befehle: /ask <Frage>, /sources, /stats, /help
too-long = Die Frage ist zu lang: Höchstens { $max } Zeichen. Bitte kürze sie.
empty-ask = Bitte schreib die Frage hinter den Befehl, z. B. /ask Wer leitet die Sberbank?
rate-limited = Du schickst Nachrichten schneller, als ich antworten kann. Bitte warte einen Moment und frag dann noch einmal.
slow-down = Zu viele Befehle oder Knopfdrücke hintereinander: bitte einen Moment warten.
llm-down = Das Sprachmodell antwortet gerade nicht, deshalb kann ich keine Antwort schreiben. Bitte versuch es in ein paar Minuten noch einmal.
failed = Beim Antworten ist etwas schiefgegangen. Bitte versuch es noch einmal.
stopped = Angehalten. Frag gern jederzeit wieder.
thanks = Danke für die Rückmeldung!
expired = Diese Antwort ist zu alt für eine Bewertung.
passage-gone = Diese Stelle ist nicht mehr im Index (die Dokumente haben sich geändert); bitte frag noch einmal.
still-reading = Ich lese die Dokumente noch. Bitte frag gleich noch einmal.
still-reading-progress = Ich lese die Dokumente noch ({ $progress }). Bitte frag gleich noch einmal.
private-bot = Dieser Bot ist privat. Ich habe die Admins gebeten, dich freizuschalten; du bekommst eine Nachricht, sobald sie es tun.
private-button = Dieser Bot ist privat.
button-gone = Diese Schaltfläche funktioniert nicht mehr.
private-bot-full = Dieser Bot ist privat, und gerade warten zu viele Anfragen auf die Admins. Bitte wende dich direkt an sie.
private-group = Dieser Bot ist privat und antwortet nur in Gruppen, die seine Admins freigegeben haben, deshalb verlasse ich die Gruppe. Ein Admin kann mich wieder hinzufügen.
group-allowed = Hallo! Ein Admin hat mich hinzugefügt, diese Gruppe darf mich also zu den Dokumenten fragen: erwähnt mich oder antwortet auf eine meiner Nachrichten.
sources-header = Indizierte Dokumente ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } Abschnitt
   *[other] { $count } Abschnitte
  })
sources-more = und { $count } weitere
stats = Dokumente: { $documents }
    Abschnitte: { $chunks }
    Embeddings: { $embeddings }
    Antworten: { $answerer }
    Letzter Indexaufbau: { $built } ({ $seconds } s)
stage-model = Sprachmodell herunterladen, MB
stage-load = Dateien lesen
stage-embed = Abschnitte
stage-write = Index schreiben
stage-scanned = gescannte Seiten lesen
stage-count = { $name }: { $done } von { $total }

admin-help = Sie sind Admin: /reindex baut den Index aus dem Dokumentenordner neu auf; schicken Sie mir eine Datei (PDF, Word, HTML, Markdown, Text) oder /add <URL>, um ein Dokument hinzuzufügen; /docs listet sie, /remove nimmt eines heraus; /access zeigt, wer fragen darf, zum Freischalten oder Entziehen; /collections legt fest, welche Dokumente ein Chat durchsucht.
admin-not-admin = Nur die Admins des Bots können den Index neu aufbauen.
admin-use-private = Bitte nutzen Sie diesen Befehl in unserem privaten Chat: hier würden alle Mitglieder die Antwort lesen.
admin-previous = ‹ Zurück
admin-next = Weiter ›
list-separator = {", "}
admin-internal-error = interner Fehler (siehe Log des Bots)
admin-reindex-busy = Ein Neuaufbau läuft bereits; ich melde mich hier, wenn er fertig ist.
admin-reindex-start = Der Index wird neu aufgebaut… (Fragen werden weiter aus dem aktuellen beantwortet)
admin-reindex-progress = Der Index wird neu aufgebaut… { $progress }
admin-reindex-rebuilt = Index in { $seconds } s neu aufgebaut: { $documents ->
    [one] { $documents } Dokument
   *[other] { $documents } Dokumente
  }, { $chunks ->
    [one] { $chunks } Abschnitt
   *[other] { $chunks } Abschnitte
  }.
admin-reindex-unchanged = Die Dokumente sind seit dem letzten Aufbau unverändert; dieser wird jetzt verwendet: { $documents ->
    [one] { $documents } Dokument
   *[other] { $documents } Dokumente
  }, { $chunks ->
    [one] { $chunks } Abschnitt
   *[other] { $chunks } Abschnitte
  }.
admin-reindex-documents = Dokumente neu { $added }, geändert { $changed }, entfernt { $removed }, unverändert { $unchanged }.
admin-reindex-chunks = Abschnitte eingebettet { $embedded }, wiederverwendet { $reused }.
admin-reindex-skipped = Übersprungen: { $files }
admin-reindex-warnings = Mit Warnung gelesen: { $files }
admin-reindex-more = und { $count } weitere (siehe Log)
admin-reindex-fallback = Warnung: { $reason }
admin-reindex-failed = Der Neuaufbau ist fehlgeschlagen; der bisherige Index bleibt in Betrieb.
    Grund: { $reason }

access-request = { $who } möchte den Bot nutzen.
access-approve = Freischalten
access-deny = Ablehnen
access-approved = { $who }: freigeschaltet von { $by }.
access-denied = { $who }: abgelehnt von { $by }.
access-approved-toast = Freigeschaltet.
access-denied-toast = Abgelehnt: diese Person kann nicht mehr fragen.
access-group-revoked-toast = Zurückgenommen: diese Gruppe kann nicht mehr fragen, und ich verlasse sie.
access-not-saved = Das konnte nicht gespeichert werden (der Speicher der Zugriffsentscheidungen ist ausgefallen); nichts wurde geändert. Bitte noch einmal versuchen.
access-approved-notice = Sie können mir jetzt Fragen stellen.
access-not-admin = Nur die Admins des Bots können sehen und ändern, wer fragen darf.
access-overflow = { $count } weitere { $count ->
    [one] Person wollte
   *[other] Personen wollten
  } den Bot nutzen, während schon { $max } Anfragen warteten; ihnen wurde gesagt, dass er privat ist, eine Anfrage gab es nicht. /access zeigt die Wartenden (dieser Hinweis kommt höchstens einmal pro Stunde).
access-open = Offen: alle dürfen fragen (ALLOWED_USER_IDS und ALLOWED_CHAT_IDS sind nicht gesetzt).
access-header = Wer fragen darf ({ $count }), neueste zuerst:
access-header-paged = Wer fragen darf ({ $count }, Seite { $page } von { $pages }), neueste zuerst:
access-empty = Außer den Admins noch niemand.
access-kind-pending = Wartend
access-kind-approved = Hier freigeschaltet
access-kind-denied = Abgelehnt
access-kind-configured = Nutzer in ALLOWED_USER_IDS
access-kind-group = Von einem Admin hinzugefügte Gruppen
access-kind-configured-group = Gruppen in ALLOWED_CHAT_IDS
access-revoke = Entziehen
access-let-in = Zulassen

collections-admins-only = Nur die Admins des Bots können festlegen, welche Dokumente ein Chat durchsucht.
collections-sent-privately = Ich habe Ihnen die Auswahl für diese Gruppe in unserem privaten Chat geschickt.
collections-open-private = Öffnen Sie einen privaten Chat mit mir (dort auf Start drücken) und senden Sie dann /collections { $chat }.
collections-usage = So geht es: /collections in einer Gruppe oder einem privaten Chat, oder /collections <Nutzer-ID> für den privaten Chat dieser Person.
collections-changed = Die Dokumente haben sich seit dieser Nachricht geändert; bitte /collections neu senden.
collections-reset = ↩ Wie in den Einstellungen
collections-this-chat = Dieser Chat
collections-that-chat = Der Chat { $chat }
collections-all = { $chat } durchsucht alle Sammlungen ({ $count }).
collections-these = { $chat } durchsucht diese Sammlungen: { $names }.
collections-none = { $chat } durchsucht keine Sammlung (er bekommt keine Antworten).
collections-of = { $searches } Drücken Sie eine, um sie ein- oder auszuschalten.

doc-not-admin = Nur die Admins des Bots können Dokumente hinzufügen oder entfernen. Bitten Sie einen Admin, diese Datei hinzuzufügen.
doc-unsupported = Diese Dateiart kann ich nicht lesen. Ich lese: { $extensions }.
doc-too-large = Diese Datei ist zu groß ({ $size }); die Grenze ist { $limit }.
doc-unreadable = Ich konnte { $name } nicht lesen: { $reason }. Es wurde nichts hinzugefügt; der Index ist unverändert.
doc-downloading = Ich lese die Datei…
doc-reading-scans = Ich lese die Datei… { $progress }
doc-download-failed = der Download ist fehlgeschlagen
doc-photo-hint = Um dieses Foto zu den Dokumenten hinzuzufügen, senden Sie es noch einmal mit der Bildunterschrift /add (oder /add und einer Sammlung).
doc-photo-no-ocr = Fotos kann ich nicht lesen: OCR ist ausgeschaltet (OCR=false in den Einstellungen des Bots).
doc-exists = Ein Dokument namens { $name } gibt es schon. Ersetzen, beide behalten oder abbrechen?
doc-replace = Ersetzen
doc-keep-both = Beide behalten
doc-cancel = Abbrechen
doc-cancelled = Abgebrochen; es wurde nichts geändert.
doc-expired = Diese Auswahl ist abgelaufen; bitte schicken Sie die Datei noch einmal.
doc-indexing = { $name } wird in den Index aufgenommen…
doc-progress = { $name } wird in den Index aufgenommen… { $progress }
doc-added = Hinzugefügt: { $title } ({ $source })
doc-replaced = Ersetzt: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } Seite
   *[other] { $count } Seiten
  }
doc-sections = { $count ->
    [one] { $count } Abschnitt
   *[other] { $count } Abschnitte
  }
doc-passages = { $count ->
    [one] { $count } Passage
   *[other] { $count } Passagen
  }
doc-url = Quelle: { $url }
doc-note = Hinweis: { $notes }.
doc-ready = Fragen dazu werden ab jetzt beantwortet.
doc-add-failed = { $name } konnte nicht indiziert werden und wurde daher nicht behalten; der Index ist unverändert.
    Grund: { $reason }
doc-save-failed = { $name } konnte nicht im Dokumentenordner gespeichert werden und wurde daher nicht hinzugefügt; der Index ist unverändert.
    Grund: { $reason }
doc-add-usage = Schicken Sie /add mit der Adresse einer Webseite oder eines Dokuments (PDF, Word, Markdown, Text) und, wenn gewünscht, der Sammlung, z. B. /add https://example.org/handbuch.html hr
doc-fetching = Ich lade { $url }…
doc-fetch-failed = Ich konnte { $url } nicht hinzufügen: { $reason }. Es wurde nichts hinzugefügt.
doc-fetch-error = die Seite konnte nicht abgerufen werden
doc-docs-header = Dokumente ({ $count }), Seite { $page } von { $pages }:
doc-docs-header-collection = Dokumente der Sammlung { $collection } ({ $count }), Seite { $page } von { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } Passage
   *[other] { $count } Passagen
  }
doc-no-docs = Der Index enthält keine Dokumente.
doc-no-such-collection = Es gibt keine Sammlung „{ $name }“. Sammlungen: { $names }.
doc-which-collection = In welche Sammlung soll { $name }? (Nächstes Mal nennt eine Bildunterschrift oder ein Wort nach der Adresse sie; ein neuer Name legt eine neue Sammlung an.)
doc-bad-collection = „{ $name }“ kann kein Sammlungsname sein: Buchstaben, Ziffern, „.“, „-“ und „_“, höchstens 64, am Anfang ein Buchstabe oder eine Ziffer.
doc-remove-which = Welches Dokument soll ich entfernen? (Seite { $page } von { $pages })
doc-remove-confirm = { $title } ({ $source }) aus den Dokumenten und dem Index entfernen?
doc-remove = Entfernen
doc-removing = { $source } wird entfernt…
doc-removed = { $source } wurde entfernt. { $count ->
    [one] { $count } Dokument bleibt
   *[other] { $count } Dokumente bleiben
  }; Antworten zitieren es nicht mehr.
doc-remove-gone = Dieses Dokument ist nicht mehr im Index.
doc-remove-failed = { $source } konnte nicht entfernt werden: { $reason }
doc-delete-failed = die Datei konnte nicht gelöscht werden (siehe Log des Bots)
doc-not-in-folder = Nur Dokumente im Dokumentenordner können entfernt werden.
doc-no-match = Kein Dokument passt zu „{ $name }“. Schicken Sie /remove ohne Namen, um eines auszuwählen.
