/** The entry point of a reader worker (see reader.ts): one file in, its document or the reason out. */
import { readDocument } from "./read.js";

export default readDocument;
