answer-not-in-documents = 文書にはこの質問への答えがありません。
answer-unverified = 関連する箇所は見つかりましたが、それによって答えを確認できなかったため、回答しません。
answer-closest = 文書には答えがないようです。最も近い箇所は次のとおりです：
answer-lead = 文書には次のようにあります：
answer-sources = 出典
answer-page = { $page }ページ
answer-pages = { $first }–{ $last }ページ
answer-scanned = スキャン
answer-passage-button = 該当箇所

help-intro = これらの文書についての質問に、確認できる番号付きの出典とともに答えます：
help-more = ほか{ $count }件：/sources
help-private = 質問を送ってください。続けての質問もできます。
help-group = グループでは、私をメンションする（@名前 + 質問）か、私のメッセージに返信するか、/ask <質問> を使ってください。
help-commands = コマンド：/ask <質問>、/sources、/stats、/help

command-ask = 文書について質問する
command-sources = 索引済みの文書の一覧
command-stats = 索引とモデルの統計
command-help = このボットの使い方
