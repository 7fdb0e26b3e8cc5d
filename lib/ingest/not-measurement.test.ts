import { describe, expect, it } from "vitest";
import { passOverReason } from "./not-measurement";

const text = (s: string) => Buffer.from(s, "utf8");

describe("passOverReason: files that are no benchmark output, by content", () => {
  it("passes over zero-byte and whitespace-only files as empty", () => {
    expect(passOverReason(Buffer.alloc(0))).toEqual({ kind: "empty", reason: "empty file" });
    expect(passOverReason(text(" \n\t\r\n"))).toEqual({ kind: "empty", reason: "blank file" });
  });

  it("names binaries by their magic number, else by NUL bytes or invalid UTF-8", () => {
    expect(passOverReason(text("%PDF-1.5\n%\u00e2\u00e3\n1 0 obj"))?.reason).toBe(
      "not a benchmark output (PDF document)",
    );
    expect(passOverReason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))?.reason).toMatch(/PNG image/);
    expect(passOverReason(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))?.reason).toMatch(/gzip archive/);
    expect(passOverReason(text("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n"))?.reason).toMatch(/PostScript/);
    expect(passOverReason(Buffer.from("cpu speed\u0000events", "latin1"))?.reason).toMatch(/NUL bytes/);
    expect(passOverReason(Buffer.from([0x41, 0xff, 0xfe, 0x41]))).toEqual({
      kind: "binary",
      reason: "not a benchmark output (not UTF-8 text)",
    });
  });

  it("lets text through, including a multi-byte character cut at the sniffed boundary", () => {
    expect(passOverReason(text("events per second:  1234.5\n"))).toBeNull();
    expect(passOverReason(text(`${"a".repeat(1023)}µs latency`))).toBeNull();
    expect(passOverReason(text(`${"a".repeat(2000)}\u0000`))).toBeNull();
  });
});
