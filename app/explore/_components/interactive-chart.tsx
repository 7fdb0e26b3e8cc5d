"use client";

import { useState, type ReactNode } from "react";
import { AbsoluteChart } from "@/components/charts/absolute-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { OverheadBarChart } from "@/components/charts/overhead-bar-chart";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import type { AbsolutePanel, OverheadBar } from "@/lib/chart-data";
import type { Filters } from "@/lib/search-params";

interface Common {
  filters: Filters;
  label: string;
  fileName: string;
  csv: string;
  caption?: ReactNode;
}

/** Overhead chart whose bars open the provenance of their samples. */
export function OverheadChartPanel({ bars, ...common }: Common & { bars: OverheadBar[] }) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  return (
    <>
      <ChartFigure label={common.label} fileName={common.fileName} csv={common.csv} caption={common.caption}>
        <OverheadBarChart
          data={bars}
          onSelect={(bar) =>
            setTarget({
              filters: { ...common.filters, runtime: [bar.runtime], workload: [bar.workload], metric: bar.metric },
              title: bar.label,
            })
          }
        />
      </ChartFigure>
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}

/** One absolute panel whose points open the raw file they came from. */
export function AbsoluteChartPanel({ panel, ...common }: Common & { panel: AbsolutePanel }) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  return (
    <>
      <ChartFigure label={common.label} fileName={common.fileName} csv={common.csv} caption={common.caption}>
        <AbsoluteChart panel={panel} onSelectPoint={(p) => setTarget({ filters: common.filters, title: `${panel.workload} (${panel.metric})`, sourceFileId: p.sourceFileId })} />
      </ChartFigure>
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
