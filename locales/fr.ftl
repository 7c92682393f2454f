answer-not-in-documents = Les documents ne répondent pas à cette question.
answer-unverified = J’ai trouvé des passages proches, mais je n’ai pas pu y vérifier une réponse ; je n’en donne donc pas.
answer-closest = Les documents ne semblent pas répondre à cela. Voici les passages les plus proches :
answer-lead = Les documents disent :
answer-sources = Sources
answer-page = p. { $page }
answer-pages = p. { $first }–{ $last }
answer-scanned = numérisé
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
