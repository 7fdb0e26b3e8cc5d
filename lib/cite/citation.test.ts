import { describe, expect, it } from "vitest";
import { citationBibtex, citationText, type ViewCitation } from "./citation";

const citation: ViewCitation = {
  title: "Firecracker against QEMU: {boot} time",
  permalink: "http://h/explore?dataset=firecracker-nsdi2020&asof=2",
  accessed: "2026-12-06",
  datasets: [
    {
      dataset: "firecracker-nsdi2020",
      description: "Firecracker vs QEMU (NSDI 2020)",
      source: "https://github.com/firecracker-microvm/nsdi2020-data",
      notice: {
        summary: "raw outputs",
        repository: "https://github.com/firecracker-microvm/nsdi2020-data",
        commit: "cf1b30f",
        licence: "Apache License 2.0",
        paper: {
          title: "Firecracker: Lightweight Virtualization",
          reference: "Agache et al., NSDI 2020",
          year: "2020",
        },
      },
      importedFrom: "2026-12-01",
      importedTo: "2026-12-01",
    },
  ],
};

describe("citations of a view", () => {
  it("gives BibTeX entries for the permalink, the dataset at its commit and the paper", () => {
    const bib = citationBibtex(citation);
    expect(bib.match(/^@misc\{/gm)).toHaveLength(3);
    expect(bib).toContain("@misc{hvscope-20261206,\n  title = {hvscope: Firecracker against QEMU: \\{boot\\} time},");
    expect(bib).toContain("  url = {http://h/explore?dataset=firecracker-nsdi2020&asof=2},");
    expect(bib).toContain("@misc{dataset-firecrackernsdi2020,");
    expect(bib).toContain("  version = {commit cf1b30f},");
    expect(bib).toContain("  note = {Licence: Apache License 2.0. imported into hvscope 2026-12-01},");
    expect(bib).toContain("@misc{paper-firecrackernsdi2020,\n  title = {Firecracker: Lightweight Virtualization},");
  });

  it("says the same in plain text", () => {
    expect(citationText(citation)).toBe(
      [
        'hvscope, "Firecracker against QEMU: {boot} time", http://h/explore?dataset=firecracker-nsdi2020&asof=2 (accessed 2026-12-06).',
        'Dataset firecracker-nsdi2020: Firecracker vs QEMU (NSDI 2020). Paper: "Firecracker: Lightweight Virtualization" (Agache et al., NSDI 2020). ' +
          "Source: https://github.com/firecracker-microvm/nsdi2020-data at commit cf1b30f. Licence: Apache License 2.0. Imported into hvscope 2026-12-01.",
      ].join("\n"),
    );
  });
});
