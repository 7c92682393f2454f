# The bot's texts in English: around an answer, to anyone who asks, and to admins. Every locale
# has the same keys and variables (checked by test/i18n.test.ts). Texts with optional parts (the
# reindex report, an added document) are put together from several of these by src/bot/texts.ts
# and src/bot/documents-texts.ts.

answer-not-in-documents = The documents do not answer this question.
answer-never-mentioned = The documents never mention “{ $name }”, so they do not answer this question.
answer-unverified = I found related passages, but could not verify an answer against them, so I will not give one.
answer-closest = The documents do not seem to answer this. These passages come closest:
answer-other-language = I found no answer in the documents. They are in { $languages }, and without a language model I find passages only by the words they share with the question: asked in { $language }, it may find one.
answer-other-language-closest = The documents are in { $languages }, and without a language model I find passages only by the words they share with the question: asked in { $language }, it may find more. The documents do not seem to answer this. These passages come closest:
answer-lead = The documents say:
answer-sources = Sources:
answer-page = p. { $page }
answer-pages = pp. { $first }–{ $last }
answer-scanned = scanned
answer-passage-button = passage

help-intro = I answer questions about these documents, with numbered sources you can check:
help-more = and { $count } more: /sources
help-private = Just send me a question. Follow-up questions work too.
help-group = In a group, mention me (@name + question), reply to one of my messages, or use /ask <question>.
help-commands = Commands: /ask <question>, /sources, /stats, /help

command-ask = Ask a question about the documents
command-sources = List the indexed documents
command-stats = Index and model statistics
command-help = How to use this bot
command-reindex = Rebuild the index from the documents folder (admins)
command-add = Add a web page or document (PDF, Word, Markdown, text) by its address (admins)
command-docs = List the documents with their passages (admins)
command-remove = Remove a document (admins)
command-access = Who may ask: allowed, waiting and denied (admins)
command-collections = Which documents this chat searches (admins)

# Said to anyone who asks
non-text = I can only read text messages. Please type your question.
voice-off = I cannot listen to voice messages: no transcription model is set up (the bot's admin can set TRANSCRIBE_MODEL). Please type your question.
voice-too-long = This recording is too long: I listen to at most { $seconds } seconds. Please ask in a shorter message or type your question.
voice-failed = I could not transcribe the voice message: the transcription service is not responding. Please try again later or type your question.
voice-empty = I could not make out any words in the voice message. Please try again or type your question.
voice-unreadable = I could not tell how long this recording is, so I did not listen to it. Please send a voice message or type your question.
unknown-command = I do not know that command. Commands: /ask <question>, /sources, /stats, /help
too-long = That question is too long: the limit is { $max } characters. Please shorten it.
empty-ask = Please put the question after the command, e.g. /ask Who leads Sberbank?
rate-limited = You are sending messages faster than I can answer. Please wait a moment and ask again.
slow-down = Too many commands or button presses in a row: please wait a moment.
llm-down = Sorry, the language model is not responding right now, so I cannot write an answer. Please try again in a few minutes.
failed = Sorry, something went wrong while answering. Please try again.
stopped = Stopped. Ask again whenever you like.
thanks = Thanks for the feedback!
expired = This answer is too old to rate.
passage-gone = This passage is no longer in the index (the documents changed); ask again.
still-reading = I am still reading the documents. Please ask again in a moment.
still-reading-progress = I am still reading the documents ({ $progress }). Please ask again in a moment.
private-bot = This bot is private. I have asked its admins to let you in; you will get a message when they do.
private-button = This bot is private.
button-gone = This button no longer works.
private-bot-full = This bot is private, and too many requests are waiting for its admins right now. Please ask them directly.
private-group = This bot is private and only answers in groups its admins allowed, so I am leaving. An admin can add me again.
group-allowed = Hello! An admin added me, so this group may ask me about the documents: mention me or reply to one of my messages.
sources-header = Indexed documents ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  })
sources-more = and { $count } more
stats = Documents: { $documents }
    Chunks: { $chunks }
    Embeddings: { $embeddings }
    Answers: { $answerer }
    Last index build: { $built } ({ $seconds } s)
stage-model = downloading the language model, MB
stage-load = reading files
stage-embed = passages
stage-write = writing the index
stage-scanned = reading scanned pages
stage-count = { $name }: { $done } of { $total }

# Said to admins only
admin-help = You are an admin: /reindex rebuilds the index from the documents folder; send me a file (PDF, Word, HTML, Markdown, text) or /add <url> to add a document; /docs lists them, /remove takes one out; /access shows who may ask and lets you approve or revoke; /collections chooses which documents a chat searches.
admin-not-admin = Only the bot's admins can rebuild the index.
admin-use-private = Please use this command in our private chat: here every member would read the answer.
admin-previous = ‹ Previous
admin-next = Next ›
# Between the items of a list ("hr, it"): a literal, so that its spaces are kept.
list-separator = {", "}
admin-internal-error = internal error (see the bot's log)
admin-reindex-busy = A reindex is already running; I will report here when it is done.
admin-reindex-start = Rebuilding the index… (questions keep being answered from the current one)
admin-reindex-progress = Rebuilding the index… { $progress }
admin-reindex-rebuilt = Index rebuilt in { $seconds } s: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }, { $chunks ->
    [one] { $chunks } chunk
   *[other] { $chunks } chunks
  }.
admin-reindex-unchanged = The documents have not changed since the last build; now serving it: { $documents ->
    [one] { $documents } document
   *[other] { $documents } documents
  }, { $chunks ->
    [one] { $chunks } chunk
   *[other] { $chunks } chunks
  }.
admin-reindex-documents = Documents added { $added }, changed { $changed }, removed { $removed }, unchanged { $unchanged }.
admin-reindex-chunks = Chunks embedded { $embedded }, reused { $reused }.
admin-reindex-skipped = Skipped: { $files }
admin-reindex-warnings = Read with a warning: { $files }
admin-reindex-more = and { $count } more (see the log)
admin-reindex-fallback = Warning: { $reason }
admin-reindex-failed = The reindex failed; the previous index keeps serving.
    Reason: { $reason }

access-request = { $who } asks to use the bot.
access-approve = Approve
access-deny = Deny
access-approved = { $who }: approved by { $by }.
access-denied = { $who }: denied by { $by }.
access-approved-toast = Approved.
access-denied-toast = Refused: this person can no longer ask.
access-group-revoked-toast = Withdrawn: this group can no longer ask, and I am leaving it.
access-not-saved = This could not be saved (the store of access decisions failed); nothing changed. Please try again.
access-approved-notice = You may ask me now.
access-not-admin = Only the bot's admins can see or change who may ask.
access-overflow = { $count ->
    [one] { $count } more person
   *[other] { $count } more people
  } asked to use the bot while { $max } requests were already waiting; they were told it is private, and no request was made. /access lists those waiting (this note comes at most once an hour).
access-open = Open: everyone may ask (ALLOWED_USER_IDS and ALLOWED_CHAT_IDS are not set).
access-header = Who may ask ({ $count }), newest first:
access-header-paged = Who may ask ({ $count }, page { $page } of { $pages }), newest first:
access-empty = Nobody yet besides the admins.
access-kind-pending = Waiting
access-kind-approved = Approved here
access-kind-denied = Denied
access-kind-configured = Users in ALLOWED_USER_IDS
access-kind-group = Groups added by an admin
access-kind-configured-group = Groups in ALLOWED_CHAT_IDS
access-revoke = Revoke
access-let-in = Let in

collections-admins-only = Only the bot's admins can choose which documents a chat searches.
collections-sent-privately = I sent you the choice for this group in our private chat.
collections-open-private = Open a private chat with me (press Start there), then send /collections { $chat }.
collections-usage = Usage: /collections in a group or private chat, or /collections <user id> for that person's private chat.
collections-changed = The documents changed since this message; send /collections again.
collections-reset = ↩ As in the settings
collections-this-chat = This chat
collections-that-chat = The chat { $chat }
collections-all = { $chat } searches every collection ({ $count }).
collections-these = { $chat } searches these collections: { $names }.
collections-none = { $chat } searches no collection (it gets no answers).
collections-of = { $searches } Press one to switch it on or off.

doc-not-admin = Only the bot's admins can add or remove documents. Ask an admin to add this file.
doc-unsupported = I cannot read this kind of file. I read: { $extensions }.
doc-too-large = This file is too large ({ $size }); the limit is { $limit }.
doc-unreadable = I could not read { $name }: { $reason }. Nothing was added; the index is unchanged.
doc-downloading = Reading the file…
doc-reading-scans = Reading the file… { $progress }
doc-download-failed = the download failed
doc-photo-hint = To add this photo to the documents, send it again with the caption /add (or /add followed by a collection).
doc-photo-no-ocr = I cannot read photos: OCR is off (OCR=false in the bot's settings).
doc-exists = A document named { $name } already exists. Replace it, keep both, or cancel?
doc-replace = Replace
doc-keep-both = Keep both
doc-cancel = Cancel
doc-cancelled = Cancelled; nothing was changed.
doc-expired = This choice has expired; please send the file again.
doc-indexing = Adding { $name } to the index…
doc-progress = Adding { $name } to the index… { $progress }
doc-added = Added: { $title } ({ $source })
doc-replaced = Replaced: { $title } ({ $source })
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
doc-url = Source: { $url }
doc-note = Note: { $notes }.
doc-ready = It can be asked about now.
doc-add-failed = { $name } could not be indexed, so it was not kept; the index is unchanged.
    Reason: { $reason }
doc-save-failed = { $name } could not be saved in the documents folder, so it was not added; the index is unchanged.
    Reason: { $reason }
doc-add-usage = Send /add followed by the address of a web page or document (PDF, Word, Markdown, text), and optionally the collection it goes into, e.g. /add https://example.org/manual.html hr
doc-fetching = Fetching { $url }…
doc-fetch-failed = I could not add { $url }: { $reason }. Nothing was added.
doc-fetch-error = the page could not be fetched
doc-docs-header = Documents ({ $count }), page { $page } of { $pages }:
doc-docs-header-collection = Documents of the collection { $collection } ({ $count }), page { $page } of { $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } passage
   *[other] { $count } passages
  }
doc-no-docs = The index has no documents.
doc-no-such-collection = There is no collection "{ $name }". Collections: { $names }.
doc-which-collection = Which collection should { $name } go into? (Next time, a caption or a word after the address names it; a new name makes a new collection.)
doc-bad-collection = "{ $name }" cannot be a collection name: letters, digits, ".", "-" and "_", at most 64, starting with a letter or digit.
doc-remove-which = Which document should I remove? (page { $page } of { $pages })
doc-remove-confirm = Remove { $title } ({ $source }) from the documents and the index?
doc-remove = Remove
doc-removing = Removing { $source }…
doc-removed = Removed { $source }. { $count ->
    [one] { $count } document remains
   *[other] { $count } documents remain
  }; answers no longer cite it.
doc-remove-gone = That document is no longer in the index.
doc-remove-failed = { $source } could not be removed: { $reason }
doc-delete-failed = the file could not be deleted (see the bot's log)
doc-not-in-folder = Only documents inside the documents folder can be removed.
doc-no-match = No document matches "{ $name }". Send /remove without a name to pick one.
