// @vitest-environment node
import { describe, expect, it } from "vitest";
import { contentTypeOf, sha256Hex } from "./directUpload";

describe("contentTypeOf", () => {
  it("keeps the type the browser gives", () => {
    expect(contentTypeOf(new File(["x"], "cv.bin", { type: "application/pdf" }))).toBe("application/pdf");
  });

  it("names the type from the extension when the browser gives none", () => {
    expect(contentTypeOf(new File(["x"], "CV.DOCX"))).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(contentTypeOf(new File(["x"], "notes"))).toBe("application/octet-stream");
  });
});

describe("sha256Hex", () => {
  it("is the hex SHA-256 of the bytes", async () => {
    expect(await sha256Hex(new Blob(["abc"]))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
