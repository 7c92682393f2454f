answer-not-in-documents = I documenti non rispondono a questa domanda.
answer-unverified = Ho trovato passaggi correlati, ma non sono riuscito a verificare una risposta su di essi, quindi non ne do una.
answer-closest = Sembra che i documenti non rispondano a questo. Questi passaggi sono i più vicini:
answer-lead = I documenti dicono:
answer-sources = Fonti:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = scansionata
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

non-text = So leggere solo messaggi di testo. Scrivi la tua domanda, per favore.
voice-off = Non posso ascoltare i messaggi vocali: non è configurato alcun modello di trascrizione (l’amministratore del bot può impostare TRANSCRIBE_MODEL). Scrivi la tua domanda, per favore.
voice-too-long = Questa registrazione è troppo lunga: ascolto al massimo { $seconds } secondi. Fai la domanda in un messaggio più breve o scrivila.
voice-failed = Non sono riuscito a trascrivere il messaggio vocale: il servizio di trascrizione non risponde. Riprova più tardi o scrivi la tua domanda.
voice-empty = Non ho capito nessuna parola nel messaggio vocale. Riprova o scrivi la tua domanda.
unknown-command = Non conosco questo comando. Comandi: /ask <domanda>, /sources, /stats, /help
too-long = La domanda è troppo lunga: il limite è di { $max } caratteri. Accorciala, per favore.
empty-ask = Scrivi la domanda dopo il comando, ad esempio: /ask Chi guida Sberbank?
rate-limited = Stai inviando messaggi più in fretta di quanto io riesca a rispondere. Aspetta un momento e chiedi di nuovo.
slow-down = Troppi comandi o pulsanti di fila: aspetta un momento, per favore.
llm-down = Mi dispiace, il modello linguistico non risponde in questo momento, quindi non posso scrivere una risposta. Riprova tra qualche minuto.
failed = Mi dispiace, qualcosa è andato storto durante la risposta. Riprova.
stopped = Interrotto. Chiedi di nuovo quando vuoi.
thanks = Grazie per il riscontro!
expired = Questa risposta è troppo vecchia per essere valutata.
passage-gone = Questo passaggio non è più nell’indice (i documenti sono cambiati); chiedi di nuovo.
still-reading = Sto ancora leggendo i documenti. Chiedi di nuovo tra un momento.
still-reading-progress = Sto ancora leggendo i documenti ({ $progress }). Chiedi di nuovo tra un momento.
private-bot = Questo bot è privato. Ho chiesto ai suoi amministratori di darti accesso; riceverai un messaggio quando lo faranno.
private-button = Questo bot è privato.
private-bot-full = Questo bot è privato e in questo momento troppe richieste aspettano i suoi amministratori. Rivolgiti direttamente a loro.
private-group = Questo bot è privato e risponde solo nei gruppi autorizzati dai suoi amministratori, quindi esco. Un amministratore può aggiungermi di nuovo.
group-allowed = Ciao! Un amministratore mi ha aggiunto, quindi questo gruppo può farmi domande sui documenti: menzionami o rispondi a uno dei miei messaggi.
sources-header = Documenti indicizzati ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } passaggio
   *[other] { $count } passaggi
  })
sources-more = e altri { $count }
stats = Documenti: { $documents }
    Passaggi: { $chunks }
    Embeddings: { $embeddings }
    Risposte: { $answerer }
    Ultima costruzione dell’indice: { $built } ({ $seconds } s)
stage-model = download del modello linguistico, MB
stage-load = lettura dei file
stage-embed = passaggi
stage-write = scrittura dell’indice
stage-scanned = lettura delle pagine scansionate
stage-count = { $name }: { $done } di { $total }
