answer-not-in-documents = Belgeler bu soruyu yanıtlamıyor.
answer-unverified = İlgili bölümler buldum, ancak bir yanıtı bunlarla doğrulayamadım; bu yüzden yanıt vermiyorum.
answer-closest = Belgeler bunu yanıtlamıyor gibi görünüyor. En yakın bölümler şunlar:
answer-lead = Belgelerde şöyle yazıyor:
answer-sources = Kaynaklar:
answer-page = s. { $page }
answer-pages = s. { $first }–{ $last }
answer-scanned = taranmış
answer-passage-button = bölüm

help-intro = Bu belgelerle ilgili soruları, kontrol edebileceğiniz numaralı kaynaklarla yanıtlıyorum:
help-more = ve { $count } tane daha: /sources
help-private = Bana bir soru göndermeniz yeterli. Devam soruları da sorabilirsiniz.
help-group = Bir grupta beni etiketleyin (@ad + soru), mesajlarımdan birini yanıtlayın ya da /ask <soru> kullanın.
help-commands = Komutlar: /ask <soru>, /sources, /stats, /help

command-ask = Belgeler hakkında soru sor
command-sources = Dizinlenen belgelerin listesi
command-stats = Dizin ve model istatistikleri
command-help = Bu bot nasıl kullanılır

non-text = Yalnızca metin mesajlarını okuyabiliyorum. Lütfen sorunuzu yazın.
voice-off = Sesli mesajları dinleyemiyorum: bir konuşma tanıma modeli ayarlanmamış (botun yöneticisi TRANSCRIBE_MODEL ayarını yapabilir). Lütfen sorunuzu yazın.
voice-too-long = Bu kayıt çok uzun: en fazla { $seconds } saniye dinliyorum. Lütfen daha kısa bir mesajla sorun ya da sorunuzu yazın.
voice-failed = Sesli mesajı yazıya dökemedim: konuşma tanıma hizmeti yanıt vermiyor. Lütfen daha sonra tekrar deneyin ya da sorunuzu yazın.
voice-empty = Sesli mesajda hiçbir kelime anlayamadım. Lütfen tekrar deneyin ya da sorunuzu yazın.
unknown-command = Bu komutu bilmiyorum. Komutlar: /ask <soru>, /sources, /stats, /help
too-long = Soru çok uzun: sınır { $max } karakter. Lütfen kısaltın.
empty-ask = Lütfen soruyu komuttan sonra yazın, örneğin: /ask Sberbank'ı kim yönetiyor?
rate-limited = Yanıtlayabileceğimden daha hızlı mesaj gönderiyorsunuz. Lütfen biraz bekleyip yeniden sorun.
slow-down = Art arda çok fazla komut veya düğmeye basma: lütfen biraz bekleyin.
llm-down = Üzgünüm, dil modeli şu anda yanıt vermiyor, bu yüzden bir yanıt yazamıyorum. Lütfen birkaç dakika sonra tekrar deneyin.
failed = Üzgünüm, yanıtlarken bir sorun oluştu. Lütfen tekrar deneyin.
stopped = Durduruldu. İstediğiniz zaman yeniden sorabilirsiniz.
thanks = Geri bildiriminiz için teşekkürler!
expired = Bu yanıt değerlendirmek için çok eski.
passage-gone = Bu bölüm artık dizinde değil (belgeler değişti); lütfen yeniden sorun.
still-reading = Belgeleri hâlâ okuyorum. Lütfen birazdan yeniden sorun.
still-reading-progress = Belgeleri hâlâ okuyorum ({ $progress }). Lütfen birazdan yeniden sorun.
private-bot = Bu bot özeldir. Yöneticilerinden size erişim vermelerini istedim; verdiklerinde bir mesaj alacaksınız.
private-button = Bu bot özeldir.
private-bot-full = Bu bot özeldir ve şu anda yöneticilerini bekleyen çok fazla istek var. Lütfen doğrudan onlara sorun.
private-group = Bu bot özeldir ve yalnızca yöneticilerinin izin verdiği gruplarda yanıt verir, bu yüzden ayrılıyorum. Bir yönetici beni yeniden ekleyebilir.
group-allowed = Merhaba! Bir yönetici beni ekledi, bu grup bana belgeler hakkında soru sorabilir: beni etiketleyin ya da mesajlarımdan birini yanıtlayın.
sources-header = Dizinlenen belgeler ({ $count }):
sources-line = { $title } ({ $source }, { $count } bölüm)
sources-more = ve { $count } tane daha
stats = Belgeler: { $documents }
    Bölümler: { $chunks }
    Gömmeler: { $embeddings }
    Yanıtlar: { $answerer }
    Son dizin oluşturma: { $built } ({ $seconds } sn)
stage-model = dil modeli indiriliyor, MB
stage-load = dosyalar okunuyor
stage-embed = bölümler
stage-write = dizin yazılıyor
stage-scanned = taranmış sayfalar okunuyor
stage-count = { $name }: { $done } / { $total }
