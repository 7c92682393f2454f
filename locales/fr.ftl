answer-not-in-documents = Les documents ne répondent pas à cette question.
answer-never-mentioned = Les documents ne mentionnent nulle part « { $name } » ; ils ne répondent donc pas à cette question.
answer-unverified = J’ai trouvé des passages proches, mais je n’ai pas pu y vérifier une réponse ; je n’en donne donc pas.
answer-closest = Les documents ne semblent pas répondre à cela. Voici les passages les plus proches :
answer-other-language = Je n’ai pas trouvé de réponse dans les documents. Ils sont en { $languages } et, sans modèle de langue, je ne trouve des passages que par les mots qu’ils partagent avec la question : posée en { $language }, elle en trouvera peut-être une.
answer-other-language-closest = Les documents sont en { $languages } et, sans modèle de langue, je ne trouve des passages que par les mots qu’ils partagent avec la question : posée en { $language }, elle en trouvera peut-être davantage. Les documents ne semblent pas répondre à cela. Voici les passages les plus proches :
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
command-reindex = Reconstruire l’index à partir du dossier des documents (admins)
command-add = Ajouter une page web ou un document (PDF, Word, Markdown, texte) par son adresse (admins)
command-docs = Lister les documents et leurs passages (admins)
command-remove = Retirer un document (admins)
command-access = Qui peut poser des questions : admis, en attente, refusés (admins)
command-collections = Quels documents ce chat consulte (admins)

non-text = Je ne sais lire que les messages texte. Merci d’écrire votre question.
voice-off = Je ne peux pas écouter les messages vocaux : aucun modèle de transcription n’est configuré (l’administrateur du bot peut définir TRANSCRIBE_MODEL). Merci d’écrire votre question.
voice-too-long = Cet enregistrement est trop long : j’écoute au plus { $seconds } secondes. Posez la question dans un message plus court ou écrivez-la.
voice-failed = Je n’ai pas pu transcrire le message vocal : le service de transcription ne répond pas. Réessayez plus tard ou écrivez votre question.
voice-empty = Je n’ai compris aucun mot dans le message vocal. Réessayez ou écrivez votre question.
voice-unreadable = Je n’ai pas pu savoir combien de temps dure cet enregistrement, je ne l’ai donc pas écouté. Envoyez un message vocal ou écrivez votre question.
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
button-gone = Ce bouton ne fonctionne plus.
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

admin-help = Vous êtes administrateur : /reindex reconstruit l’index à partir du dossier des documents ; envoyez-moi un fichier (PDF, Word, HTML, Markdown, texte) ou /add <url> pour ajouter un document ; /docs les liste, /remove en retire un ; /access montre qui peut poser des questions et permet d’approuver ou de révoquer ; /collections choisit les documents dans lesquels un chat cherche.
admin-not-admin = Seuls les administrateurs du bot peuvent reconstruire l’index.
admin-use-private = Utilisez cette commande dans notre chat privé : ici, tous les membres liraient la réponse.
admin-previous = ‹ Précédent
admin-next = Suivant ›
list-separator = {", "}
admin-internal-error = erreur interne (voir le journal du bot)
admin-reindex-busy = Une reconstruction de l’index est déjà en cours ; je vous préviendrai ici quand elle sera terminée.
admin-reindex-start = Reconstruction de l’index… (les questions reçoivent toujours des réponses à partir de l’index actuel)
admin-reindex-progress = Reconstruction de l’index… { $progress }
admin-reindex-rebuilt = Index reconstruit en { $seconds } s : { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }, { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  }.
admin-reindex-unchanged = Les documents n’ont pas changé depuis la dernière construction, qui est désormais utilisée : { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }, { $chunks ->
    [one] { $chunks } passage
   *[other] { $chunks } passages
  }.
admin-reindex-documents = Documents ajoutés { $added }, modifiés { $changed }, supprimés { $removed }, inchangés { $unchanged }.
admin-reindex-chunks = Passages vectorisés { $embedded }, réutilisés { $reused }.
admin-reindex-skipped = Ignorés : { $files }
admin-reindex-warnings = Lus avec un avertissement : { $files }
admin-reindex-more = et { $count } de plus (voir le journal)
admin-reindex-fallback = Avertissement : { $reason }
admin-reindex-failed = La reconstruction de l’index a échoué ; l’index précédent reste en service.
    Raison : { $reason }

access-request = { $who } demande à utiliser le bot.
access-approve = Approuver
access-deny = Refuser
access-approved = { $who } : approuvé par { $by }.
access-denied = { $who } : refusé par { $by }.
access-approved-toast = Approuvé.
access-denied-toast = Refusé : cette personne ne peut plus poser de questions.
access-group-revoked-toast = Retiré : ce groupe ne peut plus poser de questions, et je le quitte.
access-not-saved = Impossible d’enregistrer (le stockage des décisions d’accès a échoué) ; rien n’a changé. Veuillez réessayer.
access-approved-notice = Vous pouvez maintenant me poser vos questions.
access-not-admin = Seuls les administrateurs du bot peuvent voir ou modifier qui peut poser des questions.
access-overflow = { $count ->
    [one] { $count } autre personne a demandé
   *[other] { $count } autres personnes ont demandé
  } à utiliser le bot alors que { $max } demandes attendaient déjà ; le bot a répondu qu’il est privé, et aucune demande n’a été créée. /access liste les personnes en attente (cette note arrive au plus une fois par heure).
access-open = Ouvert : tout le monde peut poser des questions (ALLOWED_USER_IDS et ALLOWED_CHAT_IDS ne sont pas définis).
access-header = Qui peut poser des questions ({ $count }), les plus récents d’abord :
access-header-paged = Qui peut poser des questions ({ $count }, page { $page } sur { $pages }), les plus récents d’abord :
access-empty = Personne pour l’instant, à part les administrateurs.
access-kind-pending = En attente
access-kind-approved = Approuvés ici
access-kind-denied = Refusés
access-kind-configured = Utilisateurs dans ALLOWED_USER_IDS
access-kind-group = Groupes ajoutés par un administrateur
access-kind-configured-group = Groupes dans ALLOWED_CHAT_IDS
access-revoke = Révoquer
access-let-in = Admettre

collections-admins-only = Seuls les administrateurs du bot peuvent choisir les documents dans lesquels un chat cherche.
collections-sent-privately = Je vous ai envoyé le choix pour ce groupe dans notre chat privé.
collections-open-private = Ouvrez un chat privé avec moi (appuyez sur Démarrer), puis envoyez /collections { $chat }.
collections-usage = Utilisation : /collections dans un groupe ou un chat privé, ou /collections <id utilisateur> pour le chat privé de cette personne.
collections-changed = Les documents ont changé depuis ce message ; envoyez de nouveau /collections.
collections-reset = ↩ Comme dans les paramètres
collections-this-chat = Ce chat
collections-that-chat = Le chat { $chat }
collections-all = { $chat } cherche dans toutes les collections ({ $count }).
collections-these = { $chat } cherche dans ces collections : { $names }.
collections-none = { $chat } ne cherche dans aucune collection (il ne reçoit pas de réponses).
collections-of = { $searches } Appuyez sur l’une d’elles pour l’activer ou la désactiver.

doc-not-admin = Seuls les administrateurs du bot peuvent ajouter ou retirer des documents. Demandez à un administrateur d’ajouter ce fichier.
doc-unsupported = Je ne sais pas lire ce type de fichier. Je lis : { $extensions }.
doc-too-large = Ce fichier est trop volumineux ({ $size }) ; la limite est de { $limit }.
doc-unreadable = Je n’ai pas pu lire { $name } : { $reason }. Rien n’a été ajouté ; l’index est inchangé.
doc-downloading = Lecture du fichier…
doc-reading-scans = Lecture du fichier… { $progress }
doc-download-failed = le téléchargement a échoué
doc-photo-hint = Pour ajouter cette photo aux documents, envoyez-la de nouveau avec la légende /add (ou /add suivi d’une collection).
doc-photo-no-ocr = Je ne peux pas lire les photos : l’OCR est désactivé (OCR=false dans les paramètres du bot).
doc-exists = Un document nommé { $name } existe déjà. Le remplacer, garder les deux ou annuler ?
doc-replace = Remplacer
doc-keep-both = Garder les deux
doc-cancel = Annuler
doc-cancelled = Annulé ; rien n’a été modifié.
doc-expired = Ce choix a expiré ; veuillez renvoyer le fichier.
doc-indexing = Ajout de { $name } à l’index…
doc-progress = Ajout de { $name } à l’index… { $progress }
doc-added = Ajouté : { $title } ({ $source })
doc-replaced = Remplacé : { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
  }
doc-sections = { $count ->
    [one] { $count } section
   *[other] { $count } sections
  }
doc-passages = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  }
doc-url = Source : { $url }
doc-note = Remarque : { $notes }.
doc-ready = Vous pouvez maintenant poser des questions à son sujet.
doc-add-failed = { $name } n’a pas pu être indexé, il n’a donc pas été conservé ; l’index est inchangé.
    Raison : { $reason }
doc-save-failed = { $name } n’a pas pu être enregistré dans le dossier des documents, il n’a donc pas été ajouté ; l’index est inchangé.
    Raison : { $reason }
doc-add-usage = Envoyez /add suivi de l’adresse d’une page web ou d’un document (PDF, Word, Markdown, texte), et éventuellement de la collection où le ranger, par ex. /add https://example.org/manual.html hr
doc-fetching = Téléchargement de { $url }…
doc-fetch-failed = Je n’ai pas pu ajouter { $url } : { $reason }. Rien n’a été ajouté.
doc-fetch-error = la page n’a pas pu être téléchargée
doc-docs-header = Documents ({ $count }), page { $page } sur { $pages } :
doc-docs-header-collection = Documents de la collection { $collection } ({ $count }), page { $page } sur { $pages } :
doc-docs-line = { $title } ({ $source }) : { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  }
doc-no-docs = L’index ne contient aucun document.
doc-no-such-collection = Il n’y a pas de collection « { $name } ». Collections : { $names }.
doc-which-collection = Dans quelle collection ranger { $name } ? (La prochaine fois, une légende ou un mot après l’adresse l’indique ; un nouveau nom crée une nouvelle collection.)
doc-bad-collection = « { $name } » ne peut pas être un nom de collection : lettres, chiffres, « . », « - » et « _ », 64 au plus, en commençant par une lettre ou un chiffre.
doc-remove-which = Quel document dois-je retirer ? (page { $page } sur { $pages })
doc-remove-confirm = Retirer { $title } ({ $source }) des documents et de l’index ?
doc-remove = Retirer
doc-removing = Retrait de { $source }…
doc-removed = { $source } a été retiré. { $count ->
    [one] Il reste { $count } document
   *[other] Il reste { $count } documents
  } ; les réponses ne le citent plus.
doc-remove-gone = Ce document n’est plus dans l’index.
doc-remove-failed = { $source } n’a pas pu être retiré : { $reason }
doc-delete-failed = le fichier n’a pas pu être supprimé (voir le journal du bot)
doc-not-in-folder = Seuls les documents du dossier des documents peuvent être retirés.
doc-no-match = Aucun document ne correspond à « { $name } ». Envoyez /remove sans nom pour en choisir un.
