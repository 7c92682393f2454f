/**
 * Fetching a document an admin names by URL (/add) or sends as a file (Telegram's file download),
 * with a size and time limit. For URLs: http(s) only, and no address in a private, loopback,
 * link-local or otherwise non-public range unless allowed, checked on every address actually
 * connected to (redirects and DNS answers included), so a URL cannot reach the bot's own network.
 *
 * Written by hand: undici gives the hooks (a connect-time DNS lookup, manual redirects, a body
 * stream), ipaddr.js classifies addresses; no maintained package joins them for undici's fetch
 * (request-filtering-agent and ssrf-req-filter wrap Node's http.Agent, which fetch does not use).
 */
import dns from "node:dns";
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseDisposition } from "content-disposition";
import ipaddr from "ipaddr.js";
import { Agent, fetch, type Dispatcher, type Response } from "undici";
import { COMPOUND_FILE } from "../documents/formats.js";
import { AppError } from "../errors.js";

/** A URL or file the bot will not fetch or keep; `message` is shown to the admin. */
export class FetchRefusedError extends AppError {
  constructor(message: string) {
    super(message, "Check the address or file and try again.");
  }
}

/**
 * IPv6 prefixes that carry an IPv4 address inside them, so that a packet to them may end up at
 * that IPv4 address (a private one, if the attacker chose so): IPv4-compatible (::/96), NAT64
 * (64:ff9b::/96 and the local-use 64:ff9b:1::/48), IPv4-translated (::ffff:0:0:0/96), 6to4
 * (2002::/16) and Teredo (2001::/32). IPv4-mapped (::ffff:0:0/96) is judged as its IPv4 address.
 */
const EMBEDS_IPV4: readonly [string, number][] = [
  ["::", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["::ffff:0:0:0", 96],
  ["2002::", 16],
  ["2001::", 32],
];

/**
 * An IPv6 address written with a dotted IPv4 tail ("::127.0.0.1") with that tail in hex
 * ("::7f00:1"): ipaddr.js reads every dotted tail as IPv4-mapped, which would judge "::127.0.0.1"
 * (IPv4-compatible) and "64:ff9b::10.0.0.1" by the wrong rule.
 */
function withHexTail(address: string): string {
  const m = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (!m || !ipaddr.IPv4.isValidFourPartDecimal(m[2]!)) return address;
  const [a, b, c, d] = ipaddr.IPv4.parse(m[2]!).toByteArray() as [number, number, number, number];
  return `${m[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/**
 * Only ordinary public unicast addresses. IPv6 must be global unicast (2000::/3) and not one of
 * the forms that embed an IPv4 address; IPv4-mapped IPv6 is judged as the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(withHexTail(address));
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === "unicast";
  if (EMBEDS_IPV4.some(([prefix, bits]) => v6.match(ipaddr.IPv6.parse(prefix), bits))) return false;
  return v6.match(ipaddr.IPv6.parse("2000::"), 3) && v6.range() === "unicast";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A DNS lookup for connections that fails for any answer in a non-public range. */
function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const e: NodeJS.ErrnoException = new FetchRefusedError(`${hostname} is a private or local address (${refused?.address ?? "none"})`);
      e.code = "EPRIVATEADDRESS";
      return callback(e, []);
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

let guarded: Agent | undefined;
/** One agent for every guarded fetch (connections are pooled per origin). */
function publicOnlyAgent(): Agent {
  guarded ??= new Agent({ connect: { lookup: publicOnlyLookup as never } });
  return guarded;
}

/** The body, stopping (and refusing) as soon as it passes `maxBytes`. */
export async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchRefusedError(`too large (${declared} bytes; the limit is ${maxBytes})`);
  }
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of response.body ?? []) {
    size += part.length;
    if (size > maxBytes) throw new FetchRefusedError(`too large (over ${maxBytes} bytes; the limit is ${maxBytes})`);
    parts.push(Buffer.from(part));
  }
  return Buffer.concat(parts);
}

export interface FetchedDocument {
  /** The address finally fetched (after redirects). */
  readonly url: string;
  readonly bytes: Buffer;
  /** A file name for it, with the extension of what it is. */
  readonly fileName: string;
}

export interface FetchOptions {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Allow private, loopback and link-local addresses (tests; an intranet wiki). */
  readonly allowPrivate: boolean;
}

const MAX_REDIRECTS = 5;

/** The Content-Types of Word documents, as servers send them. */
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const DOC_TYPE = "application/msword";

/**
 * What the address gives (the extension the document is saved with): by Content-Type, else by
 * its first bytes; a text file by its name (a Markdown file is served as text/plain as often as
 * not). Undefined: nothing the readers read.
 */
function kindOf(contentType: string, bytes: Buffer, name: string): "html" | "pdf" | "docx" | "doc" | "md" | "rst" | "txt" | undefined {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const extension = /\.(md|markdown|rst|txt|docx?)$/i.exec(name)?.[1]?.toLowerCase();
  if (type === "application/pdf") return "pdf";
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === DOCX_TYPE) return "docx";
  if (type === DOC_TYPE) return "doc";
  if (type === "text/markdown" || type === "text/x-markdown") return "md";
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (/<html[\s>]|<!doctype html/i.test(bytes.subarray(0, 2048).toString("latin1"))) return "html";
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE)) return "doc";
  // A zip is a .docx only by its name: other zips (an archive, a spreadsheet) are not read.
  if (bytes.subarray(0, 4).toString("latin1") === "PK\x03\x04") return extension === "docx" ? "docx" : undefined;
  const text = extension === "markdown" ? "md" : extension === "md" || extension === "rst" ? extension : "txt";
  if (type === "text/plain") return text;
  // A text file named so, served with no type or a server's default for names it does not know
  // (nginx, Apache: application/octet-stream for .md and .rst): text by its name, when it holds no NUL.
  if ((type === "" || type === "application/octet-stream") && extension && extension !== "doc" && extension !== "docx" && !bytes.subarray(0, 8000).includes(0)) return text;
  return undefined;
}

/** The bytes decoded by the first of these charsets that is known here and decodes them, or undefined. */
function decodedBy(bytes: Buffer, labels: readonly (string | undefined)[]): string | undefined {
  for (const label of labels) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // an unknown label or bytes that are not in it: try the next
    }
  }
  return undefined;
}

/**
 * Text (Markdown, reST, plain) as UTF-8 where the server declares another charset and the bytes
 * are not UTF-8 already (servers often declare ISO-8859-1 for UTF-8 files): the readers take UTF-8
 * and guess only Western encodings, so a declared windows-1251 text was refused, an ISO-8859-2 one
 * read as Windows-1252. Left as they are otherwise, for the readers to guess.
 */
function textAsUtf8(bytes: Buffer, contentType: string): Buffer {
  const declared = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1];
  if (!declared) return bytes;
  const text = decodedBy(bytes, ["utf-8", declared]);
  return text === undefined ? bytes : Buffer.from(text, "utf8");
}

/** HTML as UTF-8: the charset the server or the page declares, else UTF-8, else Windows-1252. */
function htmlAsUtf8(bytes: Buffer, contentType: string): Buffer {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 4096).toString("latin1"))?.[1];
  return Buffer.from(decodedBy(bytes, [declared, "utf-8", "windows-1252"]) ?? new TextDecoder("windows-1252").decode(bytes), "utf8");
}

/**
 * The file's name: the one the server gives it (Content-Disposition: attachment; filename=…, as a
 * download link "/download?id=7" answers), else the address's last segment
 * ("https://example.org/guide/install.md?x=1" → "install.md"); empty when neither names one.
 */
function fileNameOf(url: URL, disposition: string | null): string {
  if (disposition) {
    try {
      const given = parseDisposition(disposition).parameters.filename;
      // Only its last part: a name is no path (the library makes it safe again before saving).
      const last = given?.split(/[\\/]/).pop()?.trim();
      if (last) return last;
    } catch {
      // A header that does not parse names nothing: the address does.
    }
  }
  const segment = url.pathname.split("/").filter(Boolean).pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed %-escape ("%E0%A4%A"): the name as written
  }
}

/** The name a fetched document is saved under, without its extension; the host name when nothing names it. */
const baseName = (name: string, url: URL) => name.replace(/\.(html?|pdf|php|aspx?|docx?|md|markdown|rst|txt)$/i, "") || url.hostname;

/** Fetches one web page or document (HTML, PDF, Word, Markdown, text), following up to five redirects, each checked like the first. */
export async function fetchDocument(address: string, options: FetchOptions): Promise<FetchedDocument> {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new FetchRefusedError("that is not a web address (expected https://…)");
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  const dispatcher: Dispatcher | undefined = options.allowPrivate ? undefined : publicOnlyAgent();
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefusedError(`only http and https addresses can be added (not ${url.protocol})`);
    if (url.username || url.password) throw new FetchRefusedError("addresses with a user name or password are not added");
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // A literal address is connected to without a DNS lookup: check it here.
    if (!options.allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host)) {
      throw new FetchRefusedError(`${host} is a private or local address`);
    }
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: "manual",
        signal,
        headers: { accept: "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1", "user-agent": "docs-qa-telegram-bot" },
        ...(dispatcher ? { dispatcher } : {}),
      });
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof FetchRefusedError) throw cause;
      if (signal.aborted) throw new FetchRefusedError(`no answer within ${Math.round(options.timeoutMs / 1000)} s`);
      throw new FetchRefusedError(`could not connect (${(cause as { code?: string })?.code ?? (error as Error).message})`);
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => {});
      if (hop >= MAX_REDIRECTS) throw new FetchRefusedError("too many redirects");
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new FetchRefusedError(`the server answered HTTP ${response.status}`);
    }
    const contentType = response.headers.get("content-type") ?? "";
    const bytes = await readLimited(response, options.maxBytes).catch((error: unknown) => {
      if (signal.aborted) throw new FetchRefusedError(`no answer within ${Math.round(options.timeoutMs / 1000)} s`);
      throw error;
    });
    const name = fileNameOf(url, response.headers.get("content-disposition"));
    const kind = kindOf(contentType, bytes, name);
    if (!kind) throw new FetchRefusedError(`not a web page or a document the bot reads (HTML, PDF, Word, Markdown or text; this is ${contentType.split(";")[0] || "of no stated type"})`);
    // An address of a PDF or Word file answered with a page or a line of text: a sign-in or error
    // page in the document's place, which would be indexed under its name.
    const named = /\.(pdf|docx?)$/i.exec(name)?.[1]?.toLowerCase();
    if (named && (kind === "html" || kind === "txt" || kind === "md" || kind === "rst")) {
      throw new FetchRefusedError(`the server sent a web page or text, not the ${named === "pdf" ? "PDF" : "Word document"} the address names (a sign-in or error page?)`);
    }
    const text = kind === "md" || kind === "rst" || kind === "txt";
    return { url: url.href, bytes: kind === "html" ? htmlAsUtf8(bytes, contentType) : text ? textAsUtf8(bytes, contentType) : bytes, fileName: `${baseName(name, url)}.${kind}` };
  }
}

/**
 * A file a user sent, from the Bot API: over HTTP from `{apiRoot}/file/bot<token>/<path>`, or from
 * disk when a local Bot API server (`--local`) gives an absolute path. The URL holds the token:
 * errors never include it.
 */
/** The Bot API's download limit (getFile); a local Bot API server (TELEGRAM_API_ROOT) has none this low. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export async function downloadTelegramFile(filePath: string, options: { apiRoot: string; token: string; maxBytes: number; timeoutMs: number }): Promise<Buffer> {
  if (path.isAbsolute(filePath)) {
    const stat = await fs.stat(filePath);
    if (stat.size > options.maxBytes) throw new FetchRefusedError(`too large (${stat.size} bytes; the limit is ${options.maxBytes})`);
    return fs.readFile(filePath);
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(`${options.apiRoot}/file/bot${options.token}/${filePath}`, { signal });
  } catch (error) {
    throw new FetchRefusedError(`the file could not be downloaded from Telegram (${signal.aborted ? "timed out" : ((error as { cause?: { code?: string } }).cause?.code ?? "network error")})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchRefusedError(`the file could not be downloaded from Telegram (HTTP ${response.status})`);
  }
  return readLimited(response, options.maxBytes);
}
