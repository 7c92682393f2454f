import { loadDocuments } from "../src/documents/load.js";
const r = await loadDocuments(process.argv[2]!);
const pat = new RegExp(process.argv[3]!, "i");
for (const c of r.chunks) if (pat.test(c.text)) console.log("==", c.source, c.page ?? "", JSON.stringify(c.sections?.map((s: any) => s.section) ?? c.section), "\n", c.text.slice(0, 1500));
