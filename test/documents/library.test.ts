import { createDocumentReader } from "../../src/documents/reader.js";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { DocumentLibrary, safeFileName } from "../../src/documents/library.js";
import { loadDocuments } from "../../src/documents/load.js";
import { fetchDocument, FetchRefusedError, isPublicAddress } from "../../src/net/fetch-document.js";
import { tempDir } from "../helpers/util.js";

let server: http.Server;
let base: string;

before(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/page") {
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from("<html><head><title>Grüße</title></head><body><p>Schöne Grüße aus Köln.</p></body></html>", "latin1"));
    } else if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html>${"x".repeat(5000)}</html>`);
    } else if (req.url === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (req.url === "/docs/README.md") {
      // A Markdown file as code hosts serve it raw: text/plain.
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end("# Setup\n\nRun the installer.");
    } else if (req.url === "/notes.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("Plain notes.");
    } else if (req.url === "/files/policy.docx") {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.from("PK\x03\x04 a zip", "latin1"));
    } else if (req.url === "/files/archive.zip") {
      res.writeHead(200, { "content-type": "application/zip" });
      res.end(Buffer.from("PK\x03\x04 a zip", "latin1"));
    } else if (req.url === "/download?id=7") {
      // A Word 97 file by its first bytes, from an address that says nothing of it.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    } else if (req.url === "/ru/notes.txt") {
      // Russian in the charset the server declares (windows-1251: "Привет, мир").
      res.writeHead(200, { "content-type": "text/plain; charset=windows-1251" });
      res.end(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0]));
    } else if (req.url === "/download?id=8") {
      // A download link: the file's name only in Content-Disposition.
      res.writeHead(200, { "content-type": "application/octet-stream", "content-disposition": 'attachment; filename="Richtlinie 2024.docx"' });
      res.end(Buffer.from("PK\x03\x04 a zip", "latin1"));
    } else if (req.url === "/download?id=9") {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-disposition": "attachment; filename*=UTF-8''Gr%C3%BC%C3%9Fe.md" });
      res.end("# Grüße\n\nAus Köln.");
    } else if (req.url === "/files/handbook.pdf") {
      // A sign-in page where the PDF should be.
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><p>Sign in to the intranet to continue.</p></body></html>");
    } else if (req.url === "/raw/GUIDE.md") {
      // nginx's default for a name its mime.types does not know.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end("# Guide\n\nRun it.");
    } else if (req.url === "/to-loopback") {
      res.writeHead(302, { location: "http://127.0.0.1:1/secret" });
      res.end();
    } else if (req.url === "/slow") {
      setTimeout(() => res.end("<html>late</html>"), 3000);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const open = { maxBytes: 1000, timeoutMs: 1000, allowPrivate: true };

test("file names from users are made safe: no path, no control characters, a supported extension", () => {
  assert.equal(safeFileName("../../etc/passwd.md"), "passwd.md");
  assert.equal(safeFileName("C:\\Users\\x\\Report Q3.PDF"), "Report Q3.pdf");
  assert.equal(safeFileName(".hidden.txt"), "hidden.txt");
  assert.equal(safeFileName("a\u0000b<c>.html"), "abc.html");
  assert.equal(safeFileName(".pdf"), "document.pdf");
  assert.equal(safeFileName("tool.exe"), undefined);
  assert.equal(safeFileName("notes"), undefined);
  assert.equal(safeFileName(`${"x".repeat(300)}.txt`), `${"x".repeat(176)}.txt`, "capped at 180 bytes, extension kept");
});

test("a record of origins that links outside the folder is not read: its addresses are given to no document", async () => {
  const outside = await tempDir();
  const dir = await tempDir();
  await fs.writeFile(path.join(outside, "origins.json"), JSON.stringify({ "notes.txt": "https://attacker.example/from-outside" }));
  await fs.writeFile(path.join(dir, "notes.txt"), "Some notes worth keeping.");
  await fs.symlink(path.join(outside, "origins.json"), path.join(dir, ".origins.json"));
  const { documents } = await loadDocuments(dir, { limits: { maxFileBytes: 1000 } });
  assert.equal(documents.length, 1);
  assert.equal(documents[0]!.url, undefined);
});

test("the library never writes or deletes outside its folder, and records where a page came from", async () => {
  const dir = await tempDir();
  const library = new DocumentLibrary(dir, { reader: createDocumentReader({ maxFileBytes: 1000 }), chunking: { chunkSize: 800, chunkOverlap: 100 } });
  await assert.rejects(library.save("../escape.txt", Buffer.from("x")));
  await assert.rejects(library.remove("../../etc/hostname"));
  assert.equal(library.contains("../x"), false);
  await library.save("page.html", Buffer.from("<html><body><p>Hello there, reader.</p></body></html>"), { url: "https://example.org/page" });
  assert.equal(await library.freeName("page.html"), "page (2).html");
  const { documents, skipped } = await loadDocuments(dir, { limits: { maxFileBytes: 1000 } });
  assert.equal(documents[0]!.url, "https://example.org/page", "the recorded address is the document's");
  assert.deepEqual(skipped, [], "the origins file is not a document");
  await library.remove("page.html");
  assert.deepEqual(await library.origins(), {});
  assert.deepEqual((await fs.readdir(dir)).filter((f) => !f.startsWith(".origins")), []);
  assert.match(String(await library.inspect("x.pdf", Buffer.from("%PDF-1.4 garbage"))), /^unreadable PDF \(Invalid PDF structure\.\)$/);
  assert.match(String(await library.inspect("x.txt", Buffer.alloc(2000, 97))), /too large/);
});

test("an upload that copies a file of its collection is found in any of the collection's folders, also beside a folder whose name is not UTF-8", async () => {
  const dir = await tempDir();
  const library = new DocumentLibrary(dir, { reader: createDocumentReader({ maxFileBytes: 1000 }), chunking: { chunkSize: 800, chunkOverlap: 100 } });
  const notes = Buffer.from("# Notes\n\nThe ferry leaves at nine.\n");
  await fs.mkdir(path.join(dir, "team", "2024", "march"), { recursive: true });
  await fs.writeFile(path.join(dir, "team", "2024", "march", "notes.md"), notes);
  await fs.writeFile(path.join(dir, "team", ".draft.md"), "# Plans\n\nPaint the boathouse.\n");
  // A folder copied from a system that wrote Latin-1 names: "café" with a lone 0xE9 byte.
  await fs.mkdir(Buffer.from(path.join(dir, "team", "caf") + "\xe9", "latin1"));
  assert.equal(await library.copyOf("team/minutes.md", notes), "team/2024/march/notes.md");
  assert.equal(await library.copyOf("team/2024/march/notes.md", notes), undefined, "a file is no copy of itself");
  assert.equal(await library.copyOf("team/plans.md", Buffer.from("# Plans\n\nPaint the boathouse.\n")), undefined, "hidden files are not documents");
  assert.equal(await library.copyOf("notes.md", notes), undefined, "another collection's file is not this one's");
});

test("non-public addresses are recognised, including every IPv6 form that embeds an IPv4 address", () => {
  const refused = {
    "IPv4 private, loopback, link-local, shared, unspecified": ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254", "0.0.0.0", "100.64.0.1"],
    "IPv6 loopback, link-local, unique-local, multicast, unspecified": ["::1", "fe80::1", "fc00::1", "ff02::1", "::"],
    "IPv4-mapped (::ffff:0:0/96) of a private address": ["::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe"],
    "IPv4-compatible (::/96)": ["::127.0.0.1", "::7f00:1", "::a9fe:a9fe", "::8.8.8.8"],
    "NAT64 (64:ff9b::/96, 64:ff9b:1::/48)": ["64:ff9b::7f00:1", "64:ff9b::8.8.8.8", "64:ff9b:1::a00:1"],
    "IPv4-translated (::ffff:0:0:0/96)": ["::ffff:0:7f00:1"],
    "6to4 (2002::/16)": ["2002:7f00:1::1", "2002:c0a8:101::1", "2002:808:808::1"],
    "Teredo (2001::/32)": ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1"],
    "documentation and other non-global IPv6": ["2001:db8::1", "100::1", "3fff::1"],
  };
  for (const [kind, addresses] of Object.entries(refused)) {
    for (const a of addresses) assert.equal(isPublicAddress(a), false, `${kind}: ${a}`);
  }
  for (const a of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8", "::ffff:8.8.8.8", "2a00:1450:4001:80b::200e"]) {
    assert.equal(isPublicAddress(a), true, a);
  }
});

test("fetching refuses private addresses (literal, by name, after a redirect) unless allowed", async () => {
  const guarded = { ...open, allowPrivate: false };
  await assert.rejects(fetchDocument(`${base}/page`, guarded), (e: Error) => e instanceof FetchRefusedError && /private or local/.test(e.message));
  await assert.rejects(fetchDocument(`http://localhost:${new URL(base).port}/page`, guarded), /private or local/);
  await assert.rejects(fetchDocument("http://[::ffff:127.0.0.1]/", guarded), /private or local/);
  await assert.rejects(fetchDocument("http://[::127.0.0.1]/", guarded), /private or local/);
  await assert.rejects(fetchDocument("http://[2002:7f00:1::1]/", guarded), /private or local/);
  await assert.rejects(fetchDocument("ftp://example.org/file.pdf", guarded), /only http and https/);
  await assert.rejects(fetchDocument("not a url", guarded), /not a web address/);
  // Allowed (tests, an intranet), a redirect is still checked for its scheme and followed.
  await assert.rejects(fetchDocument(`${base}/to-loopback`, open), /could not connect/);
});

test("fetching keeps to the size and time limits, takes what the readers read (HTML, PDF, Word, Markdown, text) by type, first bytes or name, and converts an HTML page's charset", async () => {
  const page = await fetchDocument(`${base}/page`, open);
  assert.equal(page.fileName, "page.html");
  assert.match(page.bytes.toString("utf8"), /Schöne Grüße aus Köln/);
  assert.equal((await fetchDocument(`${base}/docs/README.md`, open)).fileName, "README.md");
  assert.equal((await fetchDocument(`${base}/notes.txt`, open)).fileName, "notes.txt");
  assert.equal((await fetchDocument(`${base}/files/policy.docx`, open)).fileName, "policy.docx");
  assert.equal((await fetchDocument(`${base}/download?id=7`, open)).fileName, "download.doc");
  // The name the server gives the file (Content-Disposition) tells its kind and names it.
  assert.equal((await fetchDocument(`${base}/download?id=8`, open)).fileName, "Richtlinie 2024.docx");
  assert.equal((await fetchDocument(`${base}/download?id=9`, open)).fileName, "Grüße.md");
  assert.equal((await fetchDocument(`${base}/ru/notes.txt`, open)).bytes.toString("utf8"), "Привет, мир", "the declared charset is honoured");
  assert.equal((await fetchDocument(`${base}/raw/GUIDE.md`, open)).fileName, "GUIDE.md", "a .md served as application/octet-stream");
  await assert.rejects(fetchDocument(`${base}/files/handbook.pdf`, open), /the server sent a web page or text, not the PDF the address names \(a sign-in or error page\?\)/);
  await assert.rejects(fetchDocument(`${base}/files/archive.zip`, open), /not a web page or a document the bot reads .*application\/zip/);
  await assert.rejects(fetchDocument(`${base}/big`, open), /too large/);
  await assert.rejects(fetchDocument(`${base}/image`, open), /not a web page or a document the bot reads \(HTML, PDF, Word, Markdown or text; this is image\/png\)/);
  await assert.rejects(fetchDocument(`${base}/missing`, open), /HTTP 404/);
  await assert.rejects(fetchDocument(`${base}/slow`, { ...open, timeoutMs: 300 }), /no answer within/);
});

test("two replacements of one file at once: each learns what it replaced, so taking one back restores the other's file, not the old one", async () => {
  const dir = await tempDir();
  const library = new DocumentLibrary(dir, { reader: createDocumentReader({ maxFileBytes: 1000 }), chunking: { chunkSize: 800, chunkOverlap: 100 } });
  await library.save("plan.md", Buffer.from("# Plan\n\nPaint it white.\n"));
  const [a, b] = [Buffer.from("# Plan\n\nPaint it green.\n"), Buffer.from("# Plan\n\nPaint it blue.\n")];
  const [beforeA, beforeB] = await Promise.all([library.replace("plan.md", a), library.replace("plan.md", b)]);
  assert.match(String(beforeA?.bytes), /white/);
  assert.match(String(beforeB?.bytes), /green/, "the second replaced the first's file");
  // The second's indexing failed: taken back, the first admin's file is there again.
  assert.equal(await library.takeBack("plan.md", b, beforeB), true);
  assert.match(await fs.readFile(path.join(dir, "plan.md"), "utf8"), /green/);
  // The first's taken back later: the file is no longer the one it wrote, so it is left alone.
  assert.equal(await library.takeBack("plan.md", Buffer.from("# Plan\n\nPaint it red.\n"), beforeA), false);
  assert.match(await fs.readFile(path.join(dir, "plan.md"), "utf8"), /green/);
});
