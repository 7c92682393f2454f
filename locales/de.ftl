answer-not-in-documents = Die Dokumente beantworten diese Frage nicht.
answer-unverified = Ich habe verwandte Stellen gefunden, konnte aber keine Antwort daran belegen und gebe deshalb keine.
answer-closest = Die Dokumente scheinen das nicht zu beantworten. Am nächsten kommen diese Stellen:
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

non-text = Ich kann nur Textnachrichten lesen. Bitte tippe deine Frage.
voice-off = Sprachnachrichten kann ich nicht anhören: Es ist kein Transkriptionsmodell eingerichtet (der Admin des Bots kann TRANSCRIBE_MODEL setzen). Bitte tippe deine Frage.
voice-too-long = Diese Aufnahme ist zu lang: Ich höre höchstens { $seconds } Sekunden. Bitte frag kürzer oder tippe deine Frage.
voice-failed = Ich konnte die Sprachnachricht nicht umwandeln: Der Transkriptionsdienst antwortet nicht. Bitte versuch es später noch einmal oder tippe deine Frage.
voice-empty = In der Sprachnachricht konnte ich keine Worte verstehen. Bitte versuch es noch einmal oder tippe deine Frage.
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
