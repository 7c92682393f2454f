answer-not-in-documents = I documenti non rispondono a questa domanda.
answer-never-mentioned = I documenti non menzionano mai «{ $name }», quindi non rispondono a questa domanda.
answer-unverified = Ho trovato passaggi correlati, ma non sono riuscito a verificare una risposta su di essi, quindi non ne do una.
answer-closest = Sembra che i documenti non rispondano a questo. Questi passaggi sono i più vicini:
answer-other-language = Non ho trovato una risposta nei documenti. Sono in { $languages } e, senza un modello linguistico, trovo i passaggi solo attraverso le parole che hanno in comune con la domanda: posta in { $language }, forse ne troverà una.
answer-other-language-closest = I documenti sono in { $languages } e, senza un modello linguistico, trovo i passaggi solo attraverso le parole che hanno in comune con la domanda: posta in { $language }, forse troverà di più. Sembra che i documenti non rispondano a questo. Questi passaggi sono i più vicini:
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
command-reindex = Ricostruire l’indice dalla cartella dei documenti (amministratori)
command-add = Aggiungere una pagina web o un documento (PDF, Word, Markdown, testo) dal suo indirizzo (amministratori)
command-docs = Elencare i documenti con i loro passaggi (amministratori)
command-remove = Rimuovere un documento (amministratori)
command-access = Chi può chiedere: ammessi, in attesa e rifiutati (amministratori)
command-collections = Quali documenti cerca questa chat (amministratori)

non-text = So leggere solo messaggi di testo. Scrivi la tua domanda, per favore.
voice-off = Non posso ascoltare i messaggi vocali: non è configurato alcun modello di trascrizione (l’amministratore del bot può impostare TRANSCRIBE_MODEL). Scrivi la tua domanda, per favore.
voice-too-long = Questa registrazione è troppo lunga: ascolto al massimo { $seconds } secondi. Fai la domanda in un messaggio più breve o scrivila.
voice-failed = Non sono riuscito a trascrivere il messaggio vocale: il servizio di trascrizione non risponde. Riprova più tardi o scrivi la tua domanda.
voice-empty = Non ho capito nessuna parola nel messaggio vocale. Riprova o scrivi la tua domanda.
voice-unreadable = Non sono riuscito a capire quanto dura questa registrazione, quindi non l’ho ascoltata. Invia un messaggio vocale o scrivi la tua domanda.
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
button-gone = Questo pulsante non funziona più.
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

admin-help = Sei un amministratore: /reindex ricostruisce l’indice dalla cartella dei documenti; mandami un file (PDF, Word, HTML, Markdown, testo) o /add <url> per aggiungere un documento; /docs li elenca, /remove ne toglie uno; /access mostra chi può fare domande e ti permette di approvare o revocare; /collections sceglie in quali documenti cerca una chat.
admin-not-admin = Solo gli amministratori del bot possono ricostruire l’indice.
admin-use-private = Usa questo comando nella nostra chat privata: qui tutti i membri leggerebbero la risposta.
admin-previous = ‹ Indietro
admin-next = Avanti ›
list-separator = {", "}
admin-internal-error = errore interno (vedi il log del bot)
admin-reindex-busy = Una ricostruzione dell’indice è già in corso; ti avviserò qui quando sarà finita.
admin-reindex-start = Ricostruzione dell’indice… (le domande continuano a ricevere risposta dall’indice attuale)
admin-reindex-progress = Ricostruzione dell’indice… { $progress }
admin-reindex-rebuilt = Indice ricostruito in { $seconds } s: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documenti
  }, { $chunks ->
    [one] { $chunks } passaggio
   *[other] { $chunks } passaggi
  }.
admin-reindex-unchanged = I documenti non sono cambiati dall’ultima costruzione, che ora è in uso: { $documents ->
    [one] { $documents } documento
   *[other] { $documents } documenti
  }, { $chunks ->
    [one] { $chunks } passaggio
   *[other] { $chunks } passaggi
  }.
admin-reindex-documents = Documenti aggiunti { $added }, modificati { $changed }, rimossi { $removed }, invariati { $unchanged }.
admin-reindex-chunks = Passaggi vettorizzati { $embedded }, riutilizzati { $reused }.
admin-reindex-skipped = Saltati: { $files }
admin-reindex-warnings = Letti con un avviso: { $files }
admin-reindex-more = e altri { $count } (vedi il log)
admin-reindex-fallback = Avviso: { $reason }
admin-reindex-failed = La ricostruzione dell’indice non è riuscita; l’indice precedente resta in servizio.
    Motivo: { $reason }

access-request = { $who } chiede di usare il bot.
access-approve = Approva
access-deny = Rifiuta
access-approved = { $who }: approvato da { $by }.
access-denied = { $who }: rifiutato da { $by }.
access-approved-toast = Approvato.
access-denied-toast = Rifiutato: questa persona non può più fare domande.
access-group-revoked-toast = Revocato: questo gruppo non può più fare domande, e lo lascio.
access-not-saved = Non è stato possibile salvare (l’archivio delle decisioni di accesso non ha funzionato); non è cambiato nulla. Riprova.
access-approved-notice = Ora puoi farmi domande.
access-not-admin = Solo gli amministratori del bot possono vedere o cambiare chi può fare domande.
access-overflow = { $count ->
    [one] Un’altra persona ha chiesto
   *[other] Altre { $count } persone hanno chiesto
  } di usare il bot mentre { $max } richieste erano già in attesa; il bot ha risposto che è privato e non è stata creata nessuna richiesta. /access elenca chi è in attesa (questo avviso arriva al massimo una volta all’ora).
access-open = Aperto: tutti possono fare domande (ALLOWED_USER_IDS e ALLOWED_CHAT_IDS non sono impostati).
access-header = Chi può fare domande ({ $count }), prima i più recenti:
access-header-paged = Chi può fare domande ({ $count }, pagina { $page } di { $pages }), prima i più recenti:
access-empty = Ancora nessuno oltre agli amministratori.
access-kind-pending = In attesa
access-kind-approved = Approvati qui
access-kind-denied = Rifiutati
access-kind-configured = Utenti in ALLOWED_USER_IDS
access-kind-group = Gruppi aggiunti da un amministratore
access-kind-configured-group = Gruppi in ALLOWED_CHAT_IDS
access-revoke = Revoca
access-let-in = Ammetti

collections-admins-only = Solo gli amministratori del bot possono scegliere in quali documenti cerca una chat.
collections-sent-privately = Ti ho mandato la scelta per questo gruppo nella nostra chat privata.
collections-open-private = Apri una chat privata con me (premi Avvia), poi invia /collections { $chat }.
collections-usage = Uso: /collections in un gruppo o in una chat privata, oppure /collections <id utente> per la chat privata di quella persona.
collections-changed = I documenti sono cambiati dopo questo messaggio; invia di nuovo /collections.
collections-reset = ↩ Come nelle impostazioni
collections-this-chat = Questa chat
collections-that-chat = La chat { $chat }
collections-all = { $chat } cerca in tutte le raccolte ({ $count }).
collections-these = { $chat } cerca in queste raccolte: { $names }.
collections-none = { $chat } non cerca in nessuna raccolta (non riceve risposte).
collections-of = { $searches } Premine una per attivarla o disattivarla.

doc-not-admin = Solo gli amministratori del bot possono aggiungere o togliere documenti. Chiedi a un amministratore di aggiungere questo file.
doc-unsupported = Non so leggere questo tipo di file. Leggo: { $extensions }.
doc-too-large = Questo file è troppo grande ({ $size }); il limite è { $limit }.
doc-unreadable = Non sono riuscito a leggere { $name }: { $reason }. Non è stato aggiunto nulla; l’indice è invariato.
doc-downloading = Lettura del file…
doc-reading-scans = Lettura del file… { $progress }
doc-download-failed = il download non è riuscito
doc-photo-hint = Per aggiungere questa foto ai documenti, mandala di nuovo con la didascalia /add (o /add seguito da una raccolta).
doc-photo-no-ocr = Non posso leggere le foto: l’OCR è disattivato (OCR=false nelle impostazioni del bot).
doc-exists = Esiste già un documento chiamato { $name }. Sostituirlo, tenerli entrambi o annullare?
doc-replace = Sostituisci
doc-keep-both = Tienili entrambi
doc-cancel = Annulla
doc-cancelled = Annullato; non è cambiato nulla.
doc-expired = Questa scelta è scaduta; manda di nuovo il file.
doc-indexing = Aggiunta di { $name } all’indice…
doc-progress = Aggiunta di { $name } all’indice… { $progress }
doc-added = Aggiunto: { $title } ({ $source })
doc-replaced = Sostituito: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } pagina
   *[other] { $count } pagine
  }
doc-sections = { $count ->
    [one] { $count } sezione
   *[other] { $count } sezioni
  }
doc-passages = { $count ->
    [one] { $count } passaggio
   *[other] { $count } passaggi
  }
doc-url = Fonte: { $url }
doc-note = Nota: { $notes }.
doc-ready = Ora si possono fare domande su questo documento.
doc-add-failed = Non è stato possibile indicizzare { $name }, quindi non è stato tenuto; l’indice è invariato.
    Motivo: { $reason }
doc-save-failed = Non è stato possibile salvare { $name } nella cartella dei documenti, quindi non è stato aggiunto; l’indice è invariato.
    Motivo: { $reason }
doc-add-usage = Invia /add seguito dall’indirizzo di una pagina web o di un documento (PDF, Word, Markdown, testo) e, se vuoi, dalla raccolta in cui metterlo, ad es. /add https://example.org/manual.html hr
doc-fetching = Scarico { $url }…
doc-fetch-failed = Non sono riuscito ad aggiungere { $url }: { $reason }. Non è stato aggiunto nulla.
doc-fetch-error = non è stato possibile scaricare la pagina
doc-docs-header = Documenti ({ $count }), pagina { $page } di { $pages }:
doc-docs-header-collection = Documenti della raccolta { $collection } ({ $count }), pagina { $page } di { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } passaggio
   *[other] { $count } passaggi
  }
doc-no-docs = L’indice non contiene documenti.
doc-no-such-collection = Non esiste nessuna raccolta «{ $name }». Raccolte: { $names }.
doc-which-collection = In quale raccolta va { $name }? (La prossima volta, una didascalia o una parola dopo l’indirizzo la indica; un nome nuovo crea una nuova raccolta.)
doc-bad-collection = «{ $name }» non può essere il nome di una raccolta: lettere, cifre, «.», «-» e «_», al massimo 64, iniziando con una lettera o una cifra.
doc-remove-which = Quale documento devo togliere? (pagina { $page } di { $pages })
doc-remove-confirm = Togliere { $title } ({ $source }) dai documenti e dall’indice?
doc-remove = Togli
doc-removing = Rimozione di { $source }…
doc-removed = { $source } è stato tolto. { $count ->
    [one] Resta { $count } documento
   *[other] Restano { $count } documenti
  }; le risposte non lo citano più.
doc-remove-gone = Quel documento non è più nell’indice.
doc-remove-failed = Non è stato possibile togliere { $source }: { $reason }
doc-delete-failed = non è stato possibile eliminare il file (vedi il log del bot)
doc-not-in-folder = Si possono togliere solo i documenti che si trovano nella cartella dei documenti.
doc-no-match = Nessun documento corrisponde a «{ $name }». Invia /remove senza un nome per sceglierne uno.
