answer-not-in-documents = Belgeler bu soruyu yanıtlamıyor.
answer-unverified = İlgili bölümler buldum, ancak bir yanıtı bunlarla doğrulayamadım; bu yüzden yanıt vermiyorum.
answer-closest = Belgeler bunu yanıtlamıyor gibi görünüyor. En yakın bölümler şunlar:
answer-lead = Belgelerde şöyle yazıyor:
answer-sources = Kaynaklar
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = taranmış
answer-passage-button = bölüm

help-intro = Bu belgelerle ilgili soruları, kontrol edebileceğiniz numaralı kaynaklarla yanıtlıyorum:
help-more = ve { $count } tane daha: /sources
help-private = Bana bir soru göndermeniz yeterli. Ek sorular da çalışır.
help-group = Bir grupta beni anın (@ad + soru), mesajlarımdan birini yanıtlayın ya da /ask <soru> kullanın.
help-commands = Komutlar: /ask <soru>, /sources, /stats, /help

command-ask = Belgeler hakkında soru sor
command-sources = Dizinlenen belgelerin listesi
command-stats = Dizin ve model istatistikleri
command-help = Bu bot nasıl kullanılır
