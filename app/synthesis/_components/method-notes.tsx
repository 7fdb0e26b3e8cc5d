/** The method, its formulas and assumptions, as docs/decisions/007-synthesis-across-datasets.md sets them out. */
export function MethodNotes() {
  return (
    <details className="mt-8 text-sm">
      <summary className="cursor-pointer font-medium">How these numbers are computed</summary>
      <ul className="list-disc pl-5">
        <li>
          A <strong>study</strong> is one dataset, host and runtime version that measured the runtime next to the
          baseline on the same host. Its effect y is the category&apos;s geometric mean cost ratio against the baseline
          (each workload at its headline metric), on a log scale, with its variance v; the host&apos;s own speed cancels
          in the ratio, which is why effects from different studies can be combined.
        </li>
        <li>
          Studies are pooled by <strong>random effects</strong>: wᵢ = 1/vᵢ, Q = Σwᵢ(yᵢ − ȳ)², τ² = max(0, (Q − (k −
          1))/C) (DerSimonian–Laird), wᵢ* = 1/(vᵢ + τ²), μ = Σwᵢ*yᵢ/Σwᵢ*. The 95 % interval is Hartung–Knapp–Sidik–
          Jonkman: μ ± t(0.975; k − 1)·√(max(1, q)/Σwᵢ*), q = Σwᵢ*(yᵢ − μ)²/(k − 1). I² = max(0, (Q − (k − 1))/Q) is the
          share of the spread that is between studies. With one study, the pooled value is that study&apos;s own.
        </li>
        <li>
          Studies with n = 1 have no variance: they are shown, not pooled, and counted as left out. Where nothing could
          be pooled, a cell shows the geometric mean of its studies&apos; ratios with no interval.
        </li>
        <li>
          <strong>Indirect</strong> evidence: a dataset without the baseline contributes its runtime against a bridge it
          measured (no sandbox, runc or crun), plus the bridge&apos;s pooled direct effect against the baseline, log
          ratios and variances added, the bridge counted once. It assumes the bridge behaves the same in every dataset
          (no sandbox joins VMs and bare-metal hosts: each host&apos;s facts say which). Indirect studies are drawn
          dashed, and pooled only for a runtime without any direct study in that category; <code>indirect=0</code>{" "}
          leaves them out.
        </li>
      </ul>
      <p>
        The full argument and its limits: <code>docs/decisions/007-synthesis-across-datasets.md</code> in the
        repository.
      </p>
    </details>
  );
}
