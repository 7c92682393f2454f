/**
 * Builds a tiny, real transformers.js model folder offline: a WordPiece tokenizer and an ONNX
 * graph (token embedding lookup, masked by the attention mask) that ONNX Runtime executes. The
 * local embeddings provider loads it through exactly the code path it uses for a downloaded model.
 */
import fs from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";
import { seededRandom } from "../../src/random.js";

const { onnx } = onnxProto;
export const TINY_DIMENSIONS = 8;

const WORDS = [
  "putin", "buterin", "met", "meeting", "forum", "bank", "russia", "gref", "sberbank", "blockchain",
  "query", "passage", ":", "?", ".", ",", "the", "a", "of", "in", "who", "where", "what", "is",
];
const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789".split("");

function vocabulary(): Record<string, number> {
  const tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ...WORDS, ...LETTERS, ...LETTERS.map((l) => `##${l}`)];
  return Object.fromEntries([...new Set(tokens)].map((t, i) => [t, i]));
}


function onnxModel(vocabSize: number, dims: number): Uint8Array {
  const rnd = seededRandom(42);
  const table = Float32Array.from({ length: vocabSize * dims }, () => rnd() * 2 - 1);
  const T = onnx.TensorProto.DataType;
  const tensorType = (elemType: number, shape: (string | number)[]) => ({
    tensorType: {
      elemType,
      shape: { dim: shape.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
    },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "docs-qa-tests",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "tiny-encoder",
      initializer: [
        { name: "table", dataType: T.FLOAT, dims: [vocabSize, dims], rawData: new Uint8Array(table.buffer) },
        { name: "axes", dataType: T.INT64, dims: [1], int64Data: [-1] },
      ],
      node: [
        { opType: "Gather", input: ["table", "input_ids"], output: ["embedded"], name: "lookup" },
        {
          opType: "Cast",
          input: ["attention_mask"],
          output: ["mask_f"],
          name: "cast",
          attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT }],
        },
        { opType: "Unsqueeze", input: ["mask_f", "axes"], output: ["mask_3d"], name: "unsqueeze" },
        { opType: "Mul", input: ["embedded", "mask_3d"], output: ["last_hidden_state"], name: "mask" },
      ],
      input: [
        { name: "input_ids", type: tensorType(T.INT64, ["batch", "sequence"]) },
        { name: "attention_mask", type: tensorType(T.INT64, ["batch", "sequence"]) },
      ],
      output: [{ name: "last_hidden_state", type: tensorType(T.FLOAT, ["batch", "sequence", dims]) }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: Record<string, number>) {
  const special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: special.map((content) => ({
      id: vocab[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

/** Writes the model to `<root>/<name>/` and returns the name (the model id to load it by). */
export async function buildTinyModel(root: string, name = "tiny-e5"): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(path.join(dir, "onnx"), { recursive: true });
  const vocab = vocabulary();
  const size = Object.keys(vocab).length;
  const graph = onnxModel(size, TINY_DIMENSIONS);
  await Promise.all([
    fs.writeFile(path.join(dir, "onnx", "model.onnx"), graph),
    fs.writeFile(path.join(dir, "onnx", "model_quantized.onnx"), graph),
    fs.writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab))),
    fs.writeFile(
      path.join(dir, "tokenizer_config.json"),
      JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, pad_token: "[PAD]", unk_token: "[UNK]", cls_token: "[CLS]", sep_token: "[SEP]", mask_token: "[MASK]" }),
    ),
    fs.writeFile(
      path.join(dir, "config.json"),
      JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: TINY_DIMENSIONS, vocab_size: size, max_position_embeddings: 512 }),
    ),
  ]);
  return name;
}
