answer-not-in-documents = Les documents ne répondent pas à cette question.
answer-unverified = J’ai trouvé des passages proches, mais je n’ai pas pu y vérifier une réponse ; je n’en donne donc pas.
answer-closest = Les documents ne semblent pas répondre à cela. Voici les passages les plus proches :
answer-lead = Les documents disent :
answer-sources = Sources :
answer-page = p. { $page }
answer-pages = p. { $first }–{ $last }
answer-scanned = numérisée
answer-passage-button = passage

help-intro = Je réponds aux questions sur ces documents, avec des sources numérotées que vous pouvez vérifier :
help-more = et { $count } de plus : /sources
help-private = Envoyez-moi simplement une question. Les questions de suivi fonctionnent aussi.
help-group = Dans un groupe, mentionnez-moi (@nom + question), répondez à l’un de mes messages ou utilisez /ask <question>.
help-commands = Commandes : /ask <question>, /sources, /stats, /help

command-ask = Poser une question sur les documents
command-sources = Liste des documents indexés
command-stats = Statistiques de l’index et du modèle
command-help = Comment utiliser ce bot

non-text = Je ne sais lire que les messages texte. Merci d’écrire votre question.
voice-off = Je ne peux pas écouter les messages vocaux : aucun modèle de transcription n’est configuré (l’administrateur du bot peut définir TRANSCRIBE_MODEL). Merci d’écrire votre question.
voice-too-long = Cet enregistrement est trop long : j’écoute au plus { $seconds } secondes. Posez la question dans un message plus court ou écrivez-la.
voice-failed = Je n’ai pas pu transcrire le message vocal : le service de transcription ne répond pas. Réessayez plus tard ou écrivez votre question.
voice-empty = Je n’ai compris aucun mot dans le message vocal. Réessayez ou écrivez votre question.
unknown-command = Je ne connais pas cette commande. Commandes : /ask <question>, /sources, /stats, /help
too-long = Cette question est trop longue : la limite est de { $max } caractères. Merci de la raccourcir.
empty-ask = Écrivez la question après la commande, par exemple : /ask Qui dirige Sberbank ?
rate-limited = Vous envoyez des messages plus vite que je ne peux répondre. Attendez un instant, puis reposez la question.
slow-down = Trop de commandes ou de boutons d’affilée : merci de patienter un instant.
llm-down = Désolé, le modèle de langage ne répond pas pour le moment, je ne peux donc pas rédiger de réponse. Réessayez dans quelques minutes.
failed = Désolé, une erreur s’est produite pendant la réponse. Réessayez.
stopped = Arrêté. Posez à nouveau la question quand vous voulez.
thanks = Merci pour votre avis !
expired = Cette réponse est trop ancienne pour être notée.
passage-gone = Ce passage n’est plus dans l’index (les documents ont changé) ; reposez la question.
still-reading = Je lis encore les documents. Reposez la question dans un instant.
still-reading-progress = Je lis encore les documents ({ $progress }). Reposez la question dans un instant.
private-bot = Ce bot est privé. J’ai demandé à ses administrateurs de vous donner accès ; vous recevrez un message quand ce sera fait.
private-button = Ce bot est privé.
private-bot-full = Ce bot est privé, et trop de demandes attendent ses administrateurs en ce moment. Contactez-les directement.
private-group = Ce bot est privé et ne répond que dans les groupes autorisés par ses administrateurs, je quitte donc ce groupe. Un administrateur peut m’ajouter à nouveau.
group-allowed = Bonjour ! Un administrateur m’a ajouté : ce groupe peut me poser des questions sur les documents. Mentionnez-moi ou répondez à l’un de mes messages.
sources-header = Documents indexés ({ $count }) :
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  })
sources-more = et { $count } de plus
stats = Documents : { $documents }
    Passages : { $chunks }
    Embeddings : { $embeddings }
    Réponses : { $answerer }
    Dernière construction de l’index : { $built } ({ $seconds } s)
stage-model = téléchargement du modèle de langage, Mo
stage-load = lecture des fichiers
stage-embed = passages
stage-write = écriture de l’index
stage-scanned = lecture des pages numérisées
stage-count = { $name } : { $done } sur { $total }
