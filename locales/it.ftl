answer-not-in-documents = I documenti non rispondono a questa domanda.
answer-unverified = Ho trovato passaggi correlati, ma non sono riuscito a verificarvi una risposta, quindi non ne do una.
answer-closest = Sembra che i documenti non rispondano a questo. Questi passaggi sono i più vicini:
answer-lead = I documenti dicono:
answer-sources = Fonti
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = scansionato
answer-passage-button = passaggio

help-intro = Rispondo a domande su questi documenti, con fonti numerate che puoi verificare:
help-more = e altri { $count }: /sources
help-private = Mandami semplicemente una domanda. Funzionano anche le domande successive.
help-group = In un gruppo, menzionami (@nome + domanda), rispondi a uno dei miei messaggi o usa /ask <domanda>.
help-commands = Comandi: /ask <domanda>, /sources, /stats, /help

command-ask = Fai una domanda sui documenti
command-sources = Elenco dei documenti indicizzati
command-stats = Statistiche dell’indice e del modello
command-help = Come usare questo bot
