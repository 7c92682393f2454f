answer-not-in-documents = Die Dokumente beantworten diese Frage nicht.
answer-unverified = Ich habe verwandte Stellen gefunden, konnte aber keine Antwort daran belegen und gebe deshalb keine.
answer-closest = Die Dokumente scheinen das nicht zu beantworten. Am nächsten kommen diese Stellen:
answer-lead = Die Dokumente sagen:
answer-sources = Quellen
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
