import { parseIperf3Json } from "./iperf3-json";
import { IPERF3_TEXT_MARK, iperf3TextRuns, parseIperf3Text } from "./iperf3-text";
import { readRuns, runsAsRepetitions } from "../runs";
import { ParseError, type Parser } from "../types";

const JSON_MARK = /"version"\s*:\s*"iperf 3|"test_start"\s*:/;
// JSON when the file opens with an object or an array of them (`jq -s`; a text report may open
// with "[  5]"), or when a report opens on a line of its own after a line a shell loop echoed.
const looksJson = (raw: string) => /^\s*(?:\{|\[\s*\{)/.test(raw) || /^\{\s*"start"\s*:/m.test(raw);

export const iperf3Parser: Parser = {
  id: "iperf3",
  // 3: --bidir runs are workloads of their own with reverse_* metrics (read as one-way before), and the
  // streams of a --get-server-output text are counted in the client's report only (it doubled them).
  version: 3,
  describe:
    "iperf3 client output, JSON (-J) or the text report with its sender/receiver summary, one run or a log of several",
  detect: (raw) => (looksJson(raw) ? JSON_MARK.test(raw) : IPERF3_TEXT_MARK.test(raw)),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected iperf3 JSON (-J) or text output");
    if (looksJson(raw)) return parseIperf3Json(raw);
    const runs = iperf3TextRuns(raw);
    return runsAsRepetitions(readRuns(runs, (text) => parseIperf3Text(text)));
  },
};
