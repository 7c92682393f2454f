# Botin tekstit suomeksi: vastauksen yhteydessä, kaikille kysyjille ja ylläpitäjille. Kaikissa
# kielissä on samat avaimet ja muuttujat (tarkistaa test/i18n.test.ts). Valinnaisia osia
# sisältävät tekstit (uudelleenindeksoinnin raportti, lisätty dokumentti) kootaan näistä
# tiedostoissa src/bot/texts.ts ja src/bot/documents-texts.ts.

answer-not-in-documents = Dokumenteista ei löydy vastausta tähän kysymykseen.
answer-never-mentioned = ”{ $name }” ei esiinny dokumenteissa lainkaan, joten niistä ei löydy vastausta tähän kysymykseen.
answer-unverified = Löysin aiheeseen liittyviä katkelmia, mutta en pystynyt varmistamaan vastausta niiden perusteella, joten jätän vastaamatta.
answer-closest = Dokumentit eivät näytä vastaavan tähän. Lähimpänä ovat nämä katkelmat:
answer-other-language = En löytänyt vastausta dokumenteista. Dokumenttien kieli: { $languages }. Ilman kielimallia löydän katkelmia vain kysymyksen kanssa yhteisten sanojen perusteella, joten dokumenttien kielellä ({ $language }) esitetty kysymys voi löytää vastauksen.
answer-other-language-closest = Dokumenttien kieli: { $languages }. Ilman kielimallia löydän katkelmia vain kysymyksen kanssa yhteisten sanojen perusteella, joten dokumenttien kielellä ({ $language }) esitetty kysymys voi löytää niitä enemmän. Dokumentit eivät näytä vastaavan tähän. Lähimpänä ovat nämä katkelmat:
answer-lead = Dokumenteissa sanotaan:
answer-sources = Lähteet:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = skannattu
answer-passage-button = katkelma

help-intro = Vastaan näitä dokumentteja koskeviin kysymyksiin ja merkitsen lähteet numeroin, jotta voit tarkistaa ne:
help-more = ja { $count } lisää: /sources
help-private = Lähetä minulle vain kysymys. Jatkokysymyksetkin toimivat.
help-group = Ryhmässä mainitse minut (@nimi + kysymys), vastaa johonkin viestiini tai käytä komentoa /ask <kysymys>.
help-commands = Komennot: /ask <kysymys>, /sources, /stats, /help

command-ask = Kysy jotain dokumenteista
command-sources = Luettele indeksoidut dokumentit
command-stats = Indeksin ja mallin tilastot
command-help = Botin käyttöohjeet
command-reindex = Rakenna indeksi uudelleen dokumenttikansiosta (ylläpitäjät)
command-add = Lisää verkkosivu tai dokumentti (PDF, Word, Markdown, teksti) osoitteella (ylläpitäjät)
command-docs = Luettele dokumentit katkelmineen (ylläpitäjät)
command-remove = Poista dokumentti (ylläpitäjät)
command-access = Kuka saa kysyä: sallitut, odottavat ja hylätyt (ylläpitäjät)
command-collections = Mistä dokumenteista tässä keskustelussa haetaan (ylläpitäjät)

# Kaikille kysyjille
non-text = Luen vain tekstimuotoisia viestejä. Kirjoita kysymyksesi.
voice-off = En voi kuunnella ääniviestejä, koska litterointimallia ei ole määritetty (botin ylläpitäjä voi asettaa TRANSCRIBE_MODEL). Kirjoita kysymyksesi.
voice-too-long = Tämä tallenne on liian pitkä: kuuntelen enintään { $seconds ->
    [one] { $seconds } sekunnin
   *[other] { $seconds } sekuntia
  }. Kysy lyhyemmällä viestillä tai kirjoita kysymyksesi.
voice-failed = En saanut ääniviestiä litteroitua: litterointipalvelu ei vastaa. Yritä myöhemmin uudelleen tai kirjoita kysymyksesi.
voice-empty = En saanut ääniviestistä selvää yhtään sanaa. Yritä uudelleen tai kirjoita kysymyksesi.
voice-unreadable = En pystynyt selvittämään tallenteen pituutta, joten en kuunnellut sitä. Lähetä ääniviesti tai kirjoita kysymyksesi.
unknown-command = En tunne tuota komentoa. Komennot: /ask <kysymys>, /sources, /stats, /help
too-long = Kysymys on liian pitkä: enimmäispituus on { $max ->
    [one] { $max } merkki
   *[other] { $max } merkkiä
  }. Lyhennä sitä.
empty-ask = Kirjoita kysymys komennon perään, esim. /ask Kuka johtaa Sberbankia?
rate-limited = Lähetät viestejä nopeammin kuin ehdin vastata. Odota hetki ja kysy uudelleen.
slow-down = Liian monta komentoa tai painallusta peräkkäin: odota hetki.
llm-down = Valitettavasti kielimalli ei vastaa juuri nyt, joten en voi kirjoittaa vastausta. Yritä uudelleen muutaman minuutin päästä.
failed = Valitettavasti jokin meni vikaan vastatessa. Yritä uudelleen.
stopped = Keskeytetty. Kysy uudelleen milloin vain.
thanks = Kiitos palautteesta!
expired = Tämä vastaus on liian vanha arvioitavaksi.
passage-gone = Tätä katkelmaa ei ole enää indeksissä (dokumentit ovat muuttuneet); kysy uudelleen.
still-reading = Luen vielä dokumentteja. Kysy uudelleen hetken päästä.
still-reading-progress = Luen vielä dokumentteja ({ $progress }). Kysy uudelleen hetken päästä.
private-bot = Tämä botti on yksityinen. Pyysin ylläpitäjiä päästämään sinut käyttämään sitä; saat viestin, kun he ovat tehneet sen.
private-button = Tämä botti on yksityinen.
button-gone = Tämä painike ei enää toimi.
private-bot-full = Tämä botti on yksityinen, ja sen ylläpitäjillä on juuri nyt liikaa odottavia pyyntöjä. Ota yhteyttä suoraan heihin.
private-group = Tämä botti on yksityinen ja vastaa vain ryhmissä, jotka sen ylläpitäjät ovat sallineet, joten poistun. Ylläpitäjä voi lisätä minut uudelleen.
group-allowed = Hei! Ylläpitäjä lisäsi minut, joten tässä ryhmässä voi kysyä minulta dokumenteista: mainitse minut tai vastaa johonkin viestiini.
sources-header = Indeksoidut dokumentit ({ $count }):
sources-line = { $title } ({ $source }, { $count ->
    [one] { $count } katkelma
   *[other] { $count } katkelmaa
  })
sources-more = ja { $count } lisää
stats = Dokumentit: { $documents }
    Katkelmat: { $chunks }
    Upotukset: { $embeddings }
    Vastaukset: { $answerer }
    Indeksi rakennettu viimeksi: { $built } ({ $seconds } s)
stage-model = ladataan kielimallia, Mt
stage-load = luetaan tiedostoja
stage-embed = katkelmat
stage-write = kirjoitetaan indeksiä
stage-scanned = luetaan skannattuja sivuja
stage-count = { $name }: { $done }/{ $total }

# Vain ylläpitäjille
admin-help = Olet ylläpitäjä: /reindex rakentaa indeksin uudelleen dokumenttikansiosta; lähetä minulle tiedosto (PDF, Word, HTML, Markdown, teksti) tai /add <url>, niin dokumentti lisätään; /docs luettelee dokumentit, /remove poistaa yhden; /access näyttää, kuka saa kysyä, ja sillä voit hyväksyä tai perua pääsyn; /collections valitsee, mistä dokumenteista keskustelussa haetaan.
admin-not-admin = Vain botin ylläpitäjät voivat rakentaa indeksin uudelleen.
admin-use-private = Käytä tätä komentoa yksityisessä keskustelussamme: täällä kaikki jäsenet näkisivät vastauksen.
admin-previous = ‹ Edellinen
admin-next = Seuraava ›
# Luettelon kohtien välissä (”hr, it”): literaali, jotta välilyönnit säilyvät.
list-separator = {", "}
admin-internal-error = sisäinen virhe (katso botin loki)
admin-reindex-busy = Indeksiä rakennetaan jo uudelleen; ilmoitan tänne, kun se on valmis.
admin-reindex-start = Rakennan indeksiä uudelleen… (kysymyksiin vastataan sillä välin nykyisestä)
admin-reindex-progress = Rakennan indeksiä uudelleen… { $progress }
admin-reindex-rebuilt = Indeksi rakennettu uudelleen ({ $seconds } s): { $documents ->
    [one] { $documents } dokumentti
   *[other] { $documents } dokumenttia
  }, { $chunks ->
    [one] { $chunks } katkelma
   *[other] { $chunks } katkelmaa
  }.
admin-reindex-unchanged = Dokumentit eivät ole muuttuneet edellisen rakennuskerran jälkeen, joten käytössä on edellinen indeksi: { $documents ->
    [one] { $documents } dokumentti
   *[other] { $documents } dokumenttia
  }, { $chunks ->
    [one] { $chunks } katkelma
   *[other] { $chunks } katkelmaa
  }.
admin-reindex-documents = Dokumentit: lisätty { $added }, muutettu { $changed }, poistettu { $removed }, ennallaan { $unchanged }.
admin-reindex-chunks = Katkelmat: upotettu { $embedded }, käytetty uudelleen { $reused }.
admin-reindex-skipped = Ohitettu: { $files }
admin-reindex-warnings = Luettu varoituksin: { $files }
admin-reindex-more = ja { $count } lisää (katso loki)
admin-reindex-fallback = Varoitus: { $reason }
admin-reindex-failed = Indeksin uudelleenrakennus epäonnistui; edellinen indeksi on yhä käytössä.
    Syy: { $reason }

access-request = { $who } pyytää lupaa käyttää bottia.
access-approve = Hyväksy
access-deny = Hylkää
access-approved = { $who }: { $by } hyväksyi.
access-denied = { $who }: { $by } hylkäsi.
access-approved-toast = Hyväksytty.
access-denied-toast = Hylätty: tämä henkilö ei voi enää kysyä.
access-group-revoked-toast = Peruttu: tämä ryhmä ei voi enää kysyä, ja poistun siitä.
access-not-saved = Tätä ei voitu tallentaa (pääsypäätösten tallennus epäonnistui); mitään ei muutettu. Yritä uudelleen.
access-approved-notice = Voit nyt kysyä minulta.
access-not-admin = Vain botin ylläpitäjät voivat nähdä ja muuttaa, kuka saa kysyä.
access-overflow = { $count ->
    [one] Vielä { $count } henkilö pyysi
   *[other] Vielä { $count } henkilöä pyysi
  } lupaa käyttää bottia, kun jonossa oli jo { $max ->
    [one] { $max } pyyntö
   *[other] { $max } pyyntöä
  }; botti vastasi olevansa yksityinen, eikä pyyntöä tehty. /access näyttää odottavat (tämä ilmoitus tulee enintään kerran tunnissa).
access-open = Avoin: kuka tahansa saa kysyä (ALLOWED_USER_IDS ja ALLOWED_CHAT_IDS puuttuvat asetuksista).
access-header = Kuka saa kysyä ({ $count }), uusimmat ensin:
access-header-paged = Kuka saa kysyä ({ $count }, sivu { $page }/{ $pages }), uusimmat ensin:
access-empty = Ylläpitäjien lisäksi ei vielä ketään.
access-kind-pending = Odottavat
access-kind-approved = Hyväksytyt täällä
access-kind-denied = Hylätyt
access-kind-configured = Käyttäjät asetuksessa ALLOWED_USER_IDS
access-kind-group = Ylläpitäjän lisäämät ryhmät
access-kind-configured-group = Ryhmät asetuksessa ALLOWED_CHAT_IDS
access-revoke = Peru pääsy
access-let-in = Päästä sisään

collections-admins-only = Vain botin ylläpitäjät voivat valita, mistä dokumenteista keskustelussa haetaan.
collections-sent-privately = Lähetin sinulle tämän ryhmän valinnat yksityiseen keskusteluumme.
collections-open-private = Avaa yksityinen keskustelu kanssani (paina siellä Start) ja lähetä sitten /collections { $chat }.
collections-usage = Käyttö: /collections ryhmässä tai yksityisessä keskustelussa, tai /collections <käyttäjän ID> kyseisen henkilön yksityistä keskustelua varten.
collections-changed = Dokumentit ovat muuttuneet tämän viestin jälkeen; lähetä /collections uudelleen.
collections-reset = ↩ Kuten asetuksissa
collections-this-chat = Tämä keskustelu
collections-that-chat = Keskustelu { $chat }
collections-all = { $chat } hakee kaikista kokoelmista ({ $count }).
collections-these = { $chat } hakee näistä kokoelmista: { $names }.
collections-none = { $chat } ei hae mistään kokoelmasta (se ei saa vastauksia).
collections-of = { $searches } Kytke kokoelma päälle tai pois painamalla sitä.

doc-not-admin = Vain botin ylläpitäjät voivat lisätä ja poistaa dokumentteja. Pyydä ylläpitäjää lisäämään tämä tiedosto.
doc-unsupported = En osaa lukea tämäntyyppisiä tiedostoja. Luen: { $extensions }.
doc-too-large = Tiedosto on liian suuri ({ $size }); raja on { $limit }.
doc-unreadable = En saanut luettua tiedostoa { $name }: { $reason }. Mitään ei lisätty; indeksi on ennallaan.
doc-downloading = Luen tiedostoa…
doc-reading-scans = Luen tiedostoa… { $progress }
doc-download-failed = lataus epäonnistui
doc-photo-hint = Jos haluat lisätä tämän kuvan dokumentteihin, lähetä se uudelleen kuvatekstillä /add (tai /add ja kokoelman nimi).
doc-photo-no-ocr = En osaa lukea kuvia: OCR on pois päältä (OCR=false botin asetuksissa).
doc-exists = Dokumentti nimeltä { $name } on jo olemassa. Korvataanko se, säilytetäänkö molemmat vai perutaanko?
doc-replace = Korvaa
doc-keep-both = Säilytä molemmat
doc-cancel = Peruuta
doc-cancelled = Peruttu; mitään ei muutettu.
doc-expired = Tämä valinta on vanhentunut; lähetä tiedosto uudelleen.
doc-indexing = Lisätään indeksiin: { $name }…
doc-progress = Lisätään indeksiin: { $name }… { $progress }
doc-added = Lisätty: { $title } ({ $source })
doc-replaced = Korvattu: { $title } ({ $source })
doc-pages = { $count ->
    [one] { $count } sivu
   *[other] { $count } sivua
  }
doc-sections = { $count ->
    [one] { $count } osio
   *[other] { $count } osiota
  }
doc-passages = { $count ->
    [one] { $count } katkelma
   *[other] { $count } katkelmaa
  }
doc-url = Lähde: { $url }
doc-note = Huom.: { $notes }.
doc-ready = Siitä voi nyt kysyä.
doc-add-failed = Dokumenttia { $name } ei voitu indeksoida, joten sitä ei säilytetty; indeksi on ennallaan.
    Syy: { $reason }
doc-save-failed = Dokumenttia { $name } ei voitu tallentaa dokumenttikansioon, joten sitä ei lisätty; indeksi on ennallaan.
    Syy: { $reason }
doc-add-usage = Lähetä /add ja sen perään verkkosivun tai dokumentin (PDF, Word, Markdown, teksti) osoite sekä halutessasi kokoelma, johon se kuuluu, esim. /add https://example.org/manual.html hr
doc-fetching = Haetaan { $url }…
doc-fetch-failed = Osoitteen { $url } lisääminen ei onnistunut: { $reason }. Mitään ei lisätty.
doc-fetch-error = sivua ei saatu haettua
doc-docs-header = Dokumentit ({ $count }), sivu { $page }/{ $pages }:
doc-docs-header-collection = Kokoelman { $collection } dokumentit ({ $count }), sivu { $page }/{ $pages }:
doc-docs-line = { $title } ({ $source }): { $count ->
    [one] { $count } katkelma
   *[other] { $count } katkelmaa
  }
doc-no-docs = Indeksissä ei ole dokumentteja.
doc-no-such-collection = Kokoelmaa ”{ $name }” ei ole. Kokoelmat: { $names }.
doc-which-collection = Mihin kokoelmaan { $name } lisätään? (Ensi kerralla voit kertoa sen kuvatekstillä tai osoitteen perään kirjoitetulla sanalla; uusi nimi luo uuden kokoelman.)
doc-bad-collection = ”{ $name }” ei kelpaa kokoelman nimeksi: kirjaimia, numeroita, ”.”, ”-” ja ”_”, enintään 64 merkkiä, alussa kirjain tai numero.
doc-remove-which = Minkä dokumentin poistan? (sivu { $page }/{ $pages })
doc-remove-confirm = Poistetaanko { $title } ({ $source }) dokumenteista ja indeksistä?
doc-remove = Poista
doc-removing = Poistetaan { $source }…
doc-removed = { $source } poistettu. { $count ->
    [one] Jäljellä on { $count } dokumentti
   *[other] Jäljellä on { $count } dokumenttia
  }; vastaukset eivät enää viittaa siihen.
doc-remove-gone = Tätä dokumenttia ei ole enää indeksissä.
doc-remove-failed = Poisto epäonnistui ({ $source }): { $reason }
doc-delete-failed = tiedostoa ei voitu poistaa (katso botin loki)
doc-not-in-folder = Vain dokumenttikansiossa olevia dokumentteja voi poistaa.
doc-no-match = Mikään dokumentti ei vastaa hakua ”{ $name }”. Lähetä /remove ilman nimeä, niin voit valita listasta.
