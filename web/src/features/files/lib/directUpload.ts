// Direct uploads: the bytes go straight to the signed URL createUpload gives (the files subgraph's blob route or
// S3), not through the router, with progress; completeUpload then has the graph check them.

/** Files above this size go directly to storage with a progress bar; smaller ones ride in the GraphQL request. */
export const DIRECT_UPLOAD_THRESHOLD = 1024 * 1024;

const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

/** The type the browser reports, else the one its extension names (browsers leave .docx untyped on some systems). */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return TYPES_BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** Hex SHA-256 of the bytes, or null where the browser has no Web Crypto (plain http on another host). */
export async function sha256Hex(file: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export class UploadRefused extends Error {}

/** Sends `file` as `method` to `url` with `headers`, reporting the share sent (0…1); rejects with UploadRefused
 * when storage answers anything but 2xx (an expired or tampered URL, a size above the signed one). */
export function putBytes(
  target: { url: string; method: string; headers: readonly { name: string; value: string }[] },
  file: Blob,
  onProgress: (share: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method, target.url);
    for (const header of target.headers) request.setRequestHeader(header.name, header.value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new UploadRefused(`Storage refused the file (HTTP ${request.status}).`));
    request.onerror = () => reject(new UploadRefused("The file could not be sent. Check the connection and try again."));
    request.ontimeout = request.onerror;
    request.timeout = 10 * 60 * 1000;
    request.send(file);
  });
}
