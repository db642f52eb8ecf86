import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { unstable_parseMultipartFormData, type UploadHandlerPart } from "@remix-run/node";
import { detectFileTypeFrom, MAX_FILE_BYTES, MAX_FILES, safeFileName, ZIP_MARKERS } from "../domain/upload-check";
import { uploadsDir } from "./result-publish.server";

/**
 * Reads the publish form of `/opbrengsten/nieuw` without ever holding a file in
 * memory (issue 18, finding 7): the project is authorised as soon as its id
 * arrives (the form's first field), no file part is accepted before that, and
 * each file streams to a temporary file beside the uploads (same disk, so
 * publishing is a rename), typed and hashed on the way. Any refusal or error
 * removes every temporary file of the request.
 */
export type UploadedFile = { name: string; mime: string; tempPath: string; size: number; sha256: string };

export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 413 | 415,
    readonly field: "form" | "projectId" | "files",
    readonly key: string,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
  }
}

/** Text fields together: far above what the schema allows, far below a file. */
const MAX_TEXT_BYTES = 256 * 1024;
const LONGEST_MARKER = Math.max(...ZIP_MARKERS.map((m) => m.length));

export function uploadTempDir(): string {
  return path.join(uploadsDir(), ".tmp");
}

export function discardUploads(files: readonly UploadedFile[]): void {
  for (const file of files) fs.rmSync(file.tempPath, { force: true });
}

async function readText(part: UploadHandlerPart, budget: { left: number }): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of part.data) {
    budget.left -= chunk.byteLength;
    if (budget.left < 0) throw new UploadRefused(413, "form", "results.publish.errors.tooLong");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function streamToTemp(part: UploadHandlerPart, tempPath: string): Promise<{ size: number; sha256: string; head: Uint8Array; markers: Set<string> }> {
  const hash = createHash("sha256");
  const out = fs.createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {}); // observed below; never an unhandled rejection
  let size = 0;
  let head = new Uint8Array(0);
  let tail = "";
  const markers = new Set<string>();
  try {
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size > MAX_FILE_BYTES) throw new UploadRefused(413, "files", "results.publish.errors.fileTooBig");
      if (head.length < 8) head = Uint8Array.from([...head, ...chunk.subarray(0, 8 - head.length)]);
      // Zip entry names may straddle two chunks: keep the end of the previous one.
      const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("latin1");
      for (const marker of ZIP_MARKERS) if (text.includes(marker)) markers.add(marker);
      tail = text.slice(-(LONGEST_MARKER - 1));
      hash.update(chunk);
      if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once("drain", () => resolve())), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  } catch (error) {
    out.destroy();
    fs.rmSync(tempPath, { force: true });
    throw error;
  }
  return { size, sha256: hash.digest("hex"), head, markers };
}

/**
 * Parses the multipart body. `authorise(projectId)` decides the project the
 * moment its field is read; refusals throw UploadRefused (temporary files gone).
 */
export async function readResultUpload(
  request: Request,
  authorise: (projectId: string) => boolean,
): Promise<{ form: FormData; files: UploadedFile[] }> {
  const files: UploadedFile[] = [];
  const budget = { left: MAX_TEXT_BYTES };
  let authorised = false;
  const dir = uploadTempDir();
  try {
    const form = await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        const value = await readText(part, budget);
        if (part.name === "projectId") {
          if (authorised || !authorise(value)) throw new UploadRefused(403, "projectId", "results.publish.errors.projectNotYours");
          authorised = true;
        }
        return value;
      }
      // No byte of a file before we know whose project it is.
      if (!authorised) throw new UploadRefused(400, "projectId", "results.publish.errors.projectFirst");
      if (part.name !== "files") throw new UploadRefused(400, "form", "errors.badRequest");
      if (files.length >= MAX_FILES) throw new UploadRefused(400, "files", "results.publish.errors.tooManyFiles");
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tempPath = path.join(dir, randomUUID());
      const { size, sha256, head, markers } = await streamToTemp(part, tempPath);
      if (size === 0) {
        fs.rmSync(tempPath, { force: true }); // "no file chosen" sends an empty part
        return undefined;
      }
      const name = part.filename.slice(0, 100);
      const type = detectFileTypeFrom(head, (marker) => markers.has(marker));
      if (!type) {
        fs.rmSync(tempPath, { force: true });
        throw new UploadRefused(415, "files", "results.publish.errors.fileType", { name });
      }
      files.push({ name: safeFileName(part.filename, type.extension), mime: type.mime, tempPath, size, sha256 });
      return undefined;
    });
    return { form, files };
  } catch (error) {
    discardUploads(files);
    throw error;
  }
}
