import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotice } from "./notice";

const notice = (dataset: string) =>
  readFileSync(join(import.meta.dirname, "../../data/public", dataset, "NOTICE"), "utf8");

describe("parseNotice on the NOTICE files of data/public", () => {
  it("reads repository, commit, licence and the paper of Firecracker's NSDI'20 data", () => {
    expect(parseNotice(notice("firecracker-nsdi2020"))).toEqual({
      summary: expect.stringMatching(
        /^firecracker-nsdi2020: raw outputs behind .+ host m5d\.metal \(AWS bare metal\)\.$/,
      ),
      repository: "https://github.com/firecracker-microvm/nsdi2020-data",
      commit: "cf1b30f674523ee44363f74e16bcb301ffb10598",
      licence: "Apache License 2.0",
      paper: {
        title: "Firecracker: Lightweight Virtualization for Serverless Applications",
        reference: "Agache et al., NSDI 2020",
        year: "2020",
      },
    });
  });

  it("names no paper where the NOTICE cites none", () => {
    const gvisor = parseNotice(notice("gvisor-website"));
    expect(gvisor).toMatchObject({
      repository: "https://github.com/google/gvisor",
      commit: "3c5eee17dc45659fb86843531074f38e78e0cc35",
      licence: "Apache License 2.0",
      paper: null,
    });
  });

  it("leaves out what a text does not say", () => {
    expect(parseNotice("Some data.\n\nNothing else.")).toEqual({
      summary: "Some data.",
      repository: null,
      commit: null,
      licence: null,
      paper: null,
    });
  });
});
