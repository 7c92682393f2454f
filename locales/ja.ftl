answer-not-in-documents = 文書にはこの質問への答えがありません。
answer-unverified = 関連する箇所は見つかりましたが、それによって答えを確認できなかったため、回答しません。
answer-closest = 文書には答えがないようです。最も近い箇所は次のとおりです：
answer-lead = 文書には次のようにあります：
answer-sources = 出典：
answer-page = { $page }ページ
answer-pages = { $first }–{ $last }ページ
answer-scanned = スキャン画像
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

non-text = テキストメッセージしか読めません。質問を入力してください。
voice-off = 音声メッセージは聞けません：文字起こしモデルが設定されていません（ボットの管理者が TRANSCRIBE_MODEL を設定できます）。質問を入力してください。
voice-too-long = この録音は長すぎます：聞けるのは最長 { $seconds } 秒です。短いメッセージで質問するか、質問を入力してください。
voice-failed = 音声メッセージを文字に起こせませんでした：文字起こしサービスが応答しません。後でもう一度試すか、質問を入力してください。
voice-empty = 音声メッセージから言葉を聞き取れませんでした。もう一度試すか、質問を入力してください。
unknown-command = そのコマンドは知りません。コマンド：/ask <質問>、/sources、/stats、/help
too-long = 質問が長すぎます：上限は { $max } 文字です。短くしてください。
empty-ask = コマンドの後に質問を書いてください。例：/ask ズベルバンクの代表は誰ですか？
rate-limited = 私が答えるより速くメッセージが送られています。少し待ってからもう一度質問してください。
slow-down = コマンドやボタンの操作が続きすぎています：少しお待ちください。
llm-down = 申し訳ありません。言語モデルが現在応答しないため、回答を書けません。数分後にもう一度お試しください。
failed = 申し訳ありません。回答中に問題が発生しました。もう一度お試しください。
stopped = 停止しました。いつでもまた質問してください。
thanks = フィードバックをありがとうございます！
expired = この回答は古すぎて評価できません。
passage-gone = この箇所はもう索引にありません（文書が変更されました）。もう一度質問してください。
still-reading = まだ文書を読んでいます。少ししてからもう一度質問してください。
still-reading-progress = まだ文書を読んでいます（{ $progress }）。少ししてからもう一度質問してください。
private-bot = このボットは非公開です。管理者にアクセスの許可を依頼しました。許可されるとメッセージが届きます。
private-button = このボットは非公開です。
private-bot-full = このボットは非公開で、現在、管理者の対応を待つ依頼が多すぎます。管理者に直接お問い合わせください。
private-group = このボットは非公開で、管理者が許可したグループでのみ答えるため、退出します。管理者はもう一度私を追加できます。
group-allowed = こんにちは！管理者が私を追加したので、このグループでは文書について質問できます。私をメンションするか、私のメッセージに返信してください。
sources-header = 索引済みの文書（{ $count }件）：
sources-line = { $title }（{ $source }、{ $count }箇所）
sources-more = ほか{ $count }件
stats = 文書：{ $documents }
    チャンク：{ $chunks }
    埋め込み：{ $embeddings }
    回答：{ $answerer }
    最後の索引作成：{ $built }（{ $seconds } 秒）
stage-model = 言語モデルのダウンロード（MB）
stage-load = ファイルの読み込み
stage-embed = 箇所
stage-write = 索引の書き込み
stage-scanned = スキャンしたページの読み取り
stage-count = { $name }：{ $done } / { $total }
