import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { FluentResource } from "@fluent/bundle";
import { createQuestionAnswerer, knowledgeBaseOptions } from "../src/app.js";
import { answerBlocks, renderMessage } from "../src/bot/format.js";
import { adminSay } from "../src/bot/texts.js";
import { LOCALES, LOCALES_DIR, localeFor } from "../src/i18n/index.js";
import { createEmbeddings } from "../src/rag/embeddings/index.js";
import type { IngestSummary } from "../src/rag/ingest.js";
import { KnowledgeBase } from "../src/rag/knowledge-base.js";
import { botHarness, privateText } from "./helpers/bot-harness.js";
import { startOpenAIServer, type OpenAIServer } from "./helpers/openai-server.js";
import { memoryLogger, tempDir, testConfig, writeFiles } from "./helpers/util.js";

/** Message ids of a Fluent file, each with the variables it uses. */
function messagesOf(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const resource = new FluentResource(source);
  for (const entry of resource.body as unknown as { id: string; value: unknown }[]) {
    const variables = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const n = node as { type?: string; name?: string };
        if (n.type === "var" && n.name) variables.add(n.name);
        Object.values(node).forEach(walk);
      }
    };
    walk(entry.value);
    out.set(entry.id, [...variables].sort());
  }
  return out;
}

test("every locale has English's texts, with the same variables, and nothing Fluent cannot parse", async () => {
  const english = messagesOf(await fs.readFile(path.join(LOCALES_DIR, "en.ftl"), "utf8"));
  assert.ok(english.size >= 18);
  assert.deepEqual(LOCALES, ["cs", "da", "de", "en", "es", "fa", "fi", "fr", "it", "ja", "nl", "no", "pl", "pt", "ru", "sv", "tr", "uk"]);
  for (const locale of LOCALES) {
    const source = await fs.readFile(path.join(LOCALES_DIR, `${locale}.ftl`), "utf8");
    const messages = messagesOf(source);
    assert.deepEqual([...messages.keys()].sort(), [...english.keys()].sort(), `${locale}: the same texts as English`);
    for (const [id, variables] of english) assert.deepEqual(messages.get(id), variables, `${locale}: ${id} uses ${variables.join(", ") || "no variables"}`);
    // Every non-comment line is a message, its continuation, or blank: a typo would be skipped silently by Fluent.
    const stray = source.split("\n").filter((l) => l.trim() && !l.startsWith("#") && !/^[a-z][a-z0-9-]* = /.test(l) && !/^\s/.test(l));
    assert.deepEqual(stray, [], `${locale}: lines Fluent would not read`);
  }
});

test("a Telegram app's language code finds its texts: a region is dropped, Norwegian Bokmål and Nynorsk ('nb', 'nn') read Norwegian", () => {
  assert.equal(localeFor("pt-BR"), "pt");
  assert.equal(localeFor("nb"), "no");
  assert.equal(localeFor("nn-NO"), "no");
  assert.equal(localeFor("hu", "sv-FI"), "sv", "a language without texts gives way to the next");
  assert.equal(localeFor("hu"), "en");
});

test("admins read their texts in their language too: a reindex report in Russian counts documents in the right forms, and one in Persian is Persian", () => {
  const summary = (documents: number, skipped = 0): IngestSummary => ({
    documents,
    chunks: documents * 4,
    skipped: Array.from({ length: skipped }, (_, i) => ({ source: `f${i}.bin`, reason: "unsupported" })),
    warnings: [],
    embedded: 2,
    reused: 0,
    added: [],
    changed: [],
    removed: [],
    unchanged: documents,
    provider: "hashing",
    model: "test",
    dimensions: 8,
    seconds: 2,
    buildDir: "",
    rebuilt: true,
  });
  const ru = adminSay("ru");
  assert.match(ru.reindexDone(summary(1)), /^Индекс пересобран за 2\.0 с: 1 документ, 4 фрагмента\.\n/);
  assert.match(ru.reindexDone(summary(3)), /^Индекс пересобран за 2\.0 с: 3 документа, 12 фрагментов\.\n/);
  const five = ru.reindexDone(summary(5, 12));
  assert.match(five, /^Индекс пересобран за 2\.0 с: 5 документов, 20 фрагментов\.\n/);
  assert.match(five, /\nПропущены: f0\.bin \(unsupported\); .*f9\.bin \(unsupported\); и ещё 2 \(см\. журнал\)$/, "ten files named, the rest counted");
  assert.match(adminSay("fa").reindexDone(summary(5)), /^نمایه در 2\.0 ثانیه از نو ساخته شد: ۵ سند، ۲۰ بخش\.\nاسناد: /);
});

let folder: string;
let qa: ReturnType<typeof createQuestionAnswerer>;
let kb: KnowledgeBase;

before(async () => {
  folder = await tempDir();
  await writeFiles(folder, {
    "biblioteca.md": "# Biblioteca municipal\n\nLa biblioteca municipal abre de lunes a viernes de nueve a seis. Los préstamos duran tres semanas y se pueden renovar dos veces.\n",
    "заводы.md": "# Металлургический завод\n\nМеталлургический завод в Череповце выпускает горячекатаный прокат. Завод основан в тысяча девятьсот пятьдесят пятом году.\n",
    "東京.md": "# 東京タワー\n\n東京タワーは東京都港区にある電波塔です。高さは三百三十三メートルで、千九百五十八年に完成しました。\n",
    "کتابخانه.md": "# کتابخانه مرکزی\n\nکتابخانه مرکزی دانشگاه هر روز از ساعت هشت صبح تا هشت شب باز است. کارت دانشجویی برای ورود لازم است.\n",
    "notes.md": "# Office\n\nThe kitchen is cleaned on Fridays by the facility team.\n",
    "simhall.md": "# Simhallen\n\nSimhallen är öppen alla dagar utom midsommarafton. Ett årskort för vuxna kostar 3 200 kronor och gäller i tolv månader.\n",
    "knihovna.md": "# Městská knihovna\n\nMěstská knihovna půjčuje knihy na čtyři týdny. Výpůjčku lze dvakrát prodloužit přes internet.\n",
    "bibliotheek.md": "# Stadsbibliotheek\n\nDe stadsbibliotheek is open van maandag tot en met zaterdag. Boeken mogen vier weken worden geleend.\n",
  });
  const config = testConfig({ DOCS_DIR: folder, INDEX_DIR: await tempDir() });
  const { log } = memoryLogger();
  kb = (await KnowledgeBase.open(knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), { enabled: true })).kb;
  qa = createQuestionAnswerer(config, log, kb);
});

test("a question in Spanish, Russian or Japanese finds its passage, and the reply's texts are in that language", async () => {
  const cases = [
    { question: "¿Cuánto duran los préstamos de la biblioteca municipal?", source: "biblioteca.md", lang: "es", lead: "Los documentos dicen:", sources: "Fuentes:" },
    { question: "Что выпускает металлургический завод в Череповце?", source: "заводы.md", lang: "ru", lead: "В документах сказано:", sources: "Источники:" },
    { question: "東京タワーの高さは何メートルですか？", source: "東京.md", lang: "ja", lead: "文書には次のようにあります：", sources: "出典：" },
    { question: "Vad kostar ett årskort i simhallen?", source: "simhall.md", lang: "sv", lead: "Dokumenten säger:", sources: "Källor:" },
    { question: "Na jak dlouho půjčuje městská knihovna knihy?", source: "knihovna.md", lang: "cs", lead: "Dokumenty uvádějí:", sources: "Zdroje:" },
  ];
  for (const c of cases) {
    const answer = await qa.ask(c.question);
    assert.equal(answer.abstained, false, `${c.lang}: ${answer.text}`);
    assert.equal(answer.citations[0]!.source, c.source);
    assert.equal(answer.lang, c.lang);
    const reply = renderMessage(answerBlocks(answer), "plain");
    assert.ok(reply.startsWith(c.lead), reply);
    assert.ok(reply.includes(c.sources), reply);
  }
});

test("the reply in a chat: texts and buttons in the question's language; a question in a language without texts falls back to the asker's, then English", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText("¿Cuánto duran los préstamos de la biblioteca municipal?", { id: 7, language_code: "en" }));
  const spanish = h.sent()[0]!;
  assert.match(spanish.payload.text, /^Los documentos dicen:/);
  assert.match(spanish.payload.text, /<b>Fuentes:<\/b>/);
  const buttons = spanish.payload.reply_markup.inline_keyboard.flat().map((b: { text: string }) => b.text);
  assert.ok(buttons.includes("[1] pasaje"), buttons.join(", "));
  // Hungarian has no texts here: a Ukrainian user's reply is in Ukrainian.
  await h.handle(privateText("Mikor takarítják a konyhát, pénteken?", { id: 9, language_code: "uk" }));
  const fallback = h.sent().at(-1)!.payload.text as string;
  assert.match(fallback, /^(У документах сказано:|У документах немає відповіді)/, fallback);
});

test("a Persian reply is right-to-left with its file names kept left to right, and valid Telegram HTML", async () => {
  const h = await botHarness({ qa, kb }, { rejectHtml: true });
  await h.handle(privateText("کتابخانه مرکزی دانشگاه از چه ساعتی باز است؟", { id: 7, language_code: "fa" }));
  const reply = h.sent()[0]!.payload;
  assert.equal(reply.parse_mode, "HTML");
  assert.match(reply.text, /^در اسناد آمده است:/);
  assert.match(reply.text, /<b>منابع:<\/b>/);
  assert.ok(reply.text.includes("(\u2068کتابخانه.md\u2069)"), "the file name is an isolated left-to-right run");
});

test("/start and /help are in the user's Telegram language", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText("/start", { id: 7, language_code: "uk" }));
  await h.handle(privateText("/help", { id: 7, language_code: "es-MX" }));
  assert.match(h.sent()[0]!.payload.text, /^Я відповідаю на запитання щодо цих документів/);
  assert.match(h.sent()[1]!.payload.text, /^Respondo preguntas sobre estos documentos/);
  assert.match(h.sent()[1]!.payload.text, /Comandos: \/ask <pregunta>/);
});

let llm: OpenAIServer;
after(async () => {
  await llm?.close();
});

test("with a language model, the prompt asks for the question's language by name, whatever it is", async () => {
  const prompts: string[] = [];
  llm = await startOpenAIServer({
    chat: (body) => {
      prompts.push(body.messages[0].content);
      const ids = [...String(body.messages.at(-1).content).matchAll(/^\[(1\.\d+)\]/gm)].map((m) => m[1]!);
      return JSON.stringify({ answerable: true, answer: "Tres semanas [1].", citations: [{ id: 1, sentences: [ids[0] ?? "1.1"] }] });
    },
  });
  const config = testConfig({ DOCS_DIR: folder, INDEX_DIR: await tempDir(), OPENAI_BASE_URL: llm.baseURL, LLM_MODEL: "test", EMBEDDINGS_PROVIDER: "hashing", LLM_TRANSLATE_QUESTIONS: "false" });
  const { log } = memoryLogger();
  const withModel = createQuestionAnswerer(config, log, kb);
  await withModel.ask("¿Cuánto duran los préstamos de la biblioteca municipal?");
  await withModel.ask("Hoeveel weken mogen boeken van de stadsbibliotheek worden geleend?");
  assert.ok(prompts.some((p) => /Spanish/.test(p)), "Spanish is named");
  assert.ok(prompts.some((p) => /Dutch/.test(p)), "Dutch is named");
});

test("an English or German question stays English or German whatever the asker's app language; keywords are no language of their own", async () => {
  const { questionLanguage } = await import("../src/rag/question-language.js");
  const spoken = async (text: string, hint?: string) => (await questionLanguage(text, hint)).spoken;
  assert.equal(await spoken("Wer leitet die Sberbank?", "en"), "de");
  assert.equal(await spoken("Who discovered penicillin?", "es"), "en");
  assert.equal(await spoken("How do I add a user to a group?", "fr"), "en");
  assert.equal(await spoken("Was ist ein sanfter Neustart?", "it"), "de");
  assert.equal(await spoken("Quem lidera o Sberbank?", "pt"), "pt");
  // Keywords are no language of their own: never a wild guess from the letters of two words
  // ("password reset" scores Italian best, "printer setup" Danish, "ZFS mirrored pool" Estonian).
  for (const keywords of ["VPN setup", "API key", "sudo", "Sberbank CEO", "IBAN", "password reset", "printer setup", "ZFS mirrored pool", "Kubernetes Ingress", "systemctl restart apache2"]) {
    const got = await spoken(keywords);
    assert.ok([undefined, "en", "de"].includes(got), `${keywords}: ${got}`);
  }
  // …so they are the asker's language, as is a three-word question that scores close to it.
  assert.equal(await spoken("Sberbank CEO", "ru"), "ru");
  assert.equal(await spoken("password reset", "en"), "en");
  assert.equal(await spoken("Kubernetes Ingress?", "en"), "en");
  assert.equal(await spoken("Passwort vergessen", "de"), "de");
  // A script of its own decides a short question, a Latin name in it or not.
  assert.equal(await spoken("Кто возглавляет Сбербанк?", "en"), "ru");
  assert.equal(await spoken("Кто?"), "ru");
  assert.equal(await spoken("Что такое VPN?", "en"), "ru");
  assert.equal(await spoken("什么是 Docker?"), "zh");
  assert.equal(await spoken("VPNとは？"), "ja");
  // Telegram's "id" is what the detector calls Malay.
  assert.equal(await spoken("Bagaimana cara memasang paket?", "id"), "id");
});

test("a short question full of names and commands is told right, in English, German and other languages", async () => {
  const { questionLanguage } = await import("../src/rag/question-language.js");
  // Each of these came out wrong from the character statistics that tell documents' languages
  // (Czech, Italian, Hungarian, Irish, English, English; English, German, English, German, German, German).
  for (const [question, spoken, lang] of [
    ["How do I create a mirrored ZFS pool with zpool on my server?", "en", "en"],
    ["What does the 'overfull hbox' warning in my LaTeX log mean?", "en", "en"],
    ["Wie erstelle ich in LaTeX einen Serienbrief aus einer CSV-Datei?", "de", "de"],
    ["Wie setze ich chemische Summenformeln wie H2SO4 mit dem Paket mhchem?", "de", "de"],
    ["Wie viele Kindprozesse laufen beim worker-MPM höchstens gleichzeitig?", "de", "de"],
    ["Wie richte ich eine Zwei-Faktor-Authentifizierung mit TOTP für SSH-Anmeldungen ein?", "de", "de"],
    // Retrieval tells passages apart by the named languages' codes, the rest as "other".
    ["Qui dirige la Sberbank ?", "fr", "fr"],
    ["Quelle est la taille maximale d'un fichier ?", "fr", "fr"],
    ["Dove si trova il file di configurazione?", "it", "it"],
    ["Como instalo um pacote Debian?", "pt", "pt"],
    ["Waar staat het configuratiebestand?", "nl", "nl"],
    ["Var finns konfigurationsfilen?", "sv", "sv"],
    ["Unde se află fișierul de configurare al serverului?", "ro", "other"],
    // Names outweigh a few German words in the letters (Romanian, Latvian best): the question word tells.
    ["Wann traf Buterin Putin?", "de", "de"],
    ["Wann kam Linux 6.1?", "de", "de"],
    ["Wie leidt Sberbank?", "nl", "nl"],
    // "¿" is Spanish spelling, whatever the letters of a few words say (Portuguese best).
    ["¿Se admiten perros?", "es", "es"],
  ] as const) {
    assert.deepEqual(await questionLanguage(question), { spoken, lang, told: true }, question);
  }
  // Keywords are told by no language's words: a guess between English and German, or the asker's language.
  assert.equal((await questionLanguage("best dishwasher 2025")).told, false);
  assert.deepEqual(await questionLanguage("password reset", "de"), { spoken: "de", lang: "de", told: false });
});

test("a question typed without its accents is in the language of the folder that says its words, and finds them: 'oplata' is 'opłata'", async () => {
  const { questionLanguage } = await import("../src/rag/question-language.js");
  const { fold } = await import("../src/rag/text.js");
  assert.equal(fold("Opłata København kapı cœur Æble"), "oplata kobenhavn kapi coeur aeble");
  // A folder's words per language, as its corpus tells them.
  const folderOf = (lang: string, text: string) => {
    const said = new Set(text.split(/[^\p{L}]+/u).map(fold));
    return { usedIn: (term: string, l: string) => l === lang && said.has(term) };
  };
  const polish = folderOf("pl", "Ile gruzu można oddać za darmo? Gruz oddasz w PSZOK-u, do 1 tony rocznie.");
  // Without accents, its letters score Slovenian first.
  assert.notEqual((await questionLanguage("ile gruzu moge oddac za darmo")).spoken, "pl");
  assert.deepEqual(await questionLanguage("ile gruzu moge oddac za darmo", undefined, polish), { spoken: "pl", lang: "pl", told: true });
  // English typed over a Danish folder scores Danish close, but the folder does not say its words;
  // over a French folder that says "restaurant", "table", "réservation", "date", those are English
  // everyday words too, and tell nothing.
  const danish = folderOf("da", "Hunde må ikke tages med i butikken, undtagen førerhunde. Kan jeg handle om søndagen?");
  assert.equal((await questionLanguage("Can I bring my dog when I go shopping?", undefined, danish)).spoken, "en");
  const french = folderOf("fr", "Pour changer la date de votre réservation de table au restaurant, appelez le service.");
  assert.equal((await questionLanguage("Can I change the date of my restaurant table reservation?", undefined, french)).spoken, "en");

  const docsDir = await tempDir();
  await writeFiles(docsDir, {
    // (Prose long enough for its language to be told: a few lines of Polish read as German.)
    "oplaty.md":
      "# Opłaty za odpady\n\nOpłata za śmieci wynosi 36 zł miesięcznie od osoby zamieszkującej nieruchomość. Właściciel przydomowego kompostownika płaci o 5 zł mniej, jeśli kompostuje w nim odpady zielone. " +
      "Opłatę wnosi się do 15 dnia każdego miesiąca na rachunek bankowy gminy lub w kasie urzędu. Jeżeli ktoś nie segreguje odpadów, opłata jest czterokrotnie wyższa i wynosi 144 zł od osoby.\n",
    "pszok.md":
      "# Punkt selektywnej zbiórki\n\nPunkt selektywnej zbiórki odpadów komunalnych jest czynny od wtorku do soboty w godzinach od 8 do 16. Gruz z remontów przyjmujemy bezpłatnie do jednej tony rocznie od każdego gospodarstwa domowego. " +
      "Za większe ilości trzeba zapłacić według cennika, który jest dostępny w punkcie i na stronie gminy. Nie przyjmujemy odpadów od firm ani azbestu.\n",
  });
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: await tempDir() });
  const { log } = memoryLogger();
  const polishKb = (await KnowledgeBase.open(knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), { enabled: true })).kb;
  const answer = await createQuestionAnswerer(config, log, polishKb).ask("ile wynosi oplata za smieci na osobe");
  assert.equal(answer.abstained, false, answer.text);
  assert.match(answer.text, /^W dokumentach napisano:/, "the frame is Polish");
  assert.match(answer.citations.map((c) => c.quote).join(" | "), /36 zł/);
});

test("Japanese text is cut into its sentences (no space follows \"。\"), so a quote can be one; page numbers are written as they are", async () => {
  const { sentenceSpans } = await import("../src/rag/text.js");
  const { claimsOf } = await import("../src/rag/answer/claims.js");
  const text = "東京タワーは電波塔です。高さは三百三十三メートルです。観光客が多いです。";
  assert.deepEqual(sentenceSpans(text, "other").map((s) => s.text), ["東京タワーは電波塔です。", "高さは三百三十三メートルです。", "観光客が多いです。"]);
  // An answer's claims too, each with its marker; a quote's closing mark stays with it.
  assert.deepEqual(claimsOf("東京タワーは電波塔です[1]。高さは三百三十三メートルです。[2]"), ["東京タワーは電波塔です[1]。", "高さは三百三十三メートルです。[2]"]);
  assert.deepEqual(claimsOf("文書には次のようにあります：\n«高さは三百三十三メートルです。» [1]").length, 1);
  const { citationPlace } = await import("../src/bot/format.js");
  assert.equal(citationPlace({ title: "Manual", section: null, page: 1234, pageEnd: null }, "en"), "Manual, p. 1234");
  assert.equal(citationPlace({ title: "Handbuch", section: null, page: 1234, pageEnd: 1236 }, "de"), "Handbuch, S. 1234–1236");
});

test("a question in a Latin-script language loses that language's stopwords and asking words when it is searched; passages and English questions keep theirs", async () => {
  const { terms } = await import("../src/rag/text.js");
  assert.deepEqual(terms("¿Cuánto duran los préstamos de la biblioteca municipal?", "es"), ["duran", "prestamos", "biblioteca", "municipal"]);
  assert.deepEqual(terms("Qui dirige la bibliothèque de la ville ?", "fr"), ["dirige", "bibliotheque", "ville"]);
  // Nor the words that ask (how, how much, can, must), which those lists lack; "peut-on" as one word neither.
  assert.deepEqual(terms("Peut-on jouer avec des enfants ? Comment et quand puis-je annuler ?", "fr"), ["jouer", "enfants", "annuler"]);
  assert.deepEqual(terms("¿Puedo cambiar la contraseña? ¿Cuántos usuarios hay?", "es"), ["cambiar", "contrasena", "usuarios"]);
  assert.deepEqual(terms("Quanto costa? Posso cambiare la password?", "it"), ["costa", "cambiare", "password"]);
  assert.deepEqual(terms("Onde posso mudar a senha?", "pt"), ["mudar", "senha"]);
  // …only in a question told to be in that language: passages keep them ("Add a comment").
  assert.deepEqual(terms("How do I add a comment?", "en"), ["add", "comment"]);
  assert.deepEqual(terms("Peut-on jouer ?"), ["peut", "jouer", "peuton"]);
  // "son" and "era" are Spanish stopwords, but English words.
  assert.deepEqual(terms("Who is the son of the era?", "en"), ["son", "era"]);
  assert.deepEqual(terms("Who is the son of the era?"), ["son", "era"]);
});
