import { parseIperf3Json } from "./iperf3-json";
import { parseIperf3Text } from "./iperf3-text";
import { ParseError, type Parser } from "../types";

const JSON_MARK = /"version"\s*:\s*"iperf 3|"test_start"\s*:/;
// Client report headers ("Bandwidth" before 3.3, "Bitrate" since), and the client's own
// error line, which is all a failed run prints.
const TEXT_MARK =
  /^Connecting to host \S+, port \d+$|^\[ ID\] Interval\s+Transfer\s+(?:Bitrate|Bandwidth)|^iperf3: error - /m;

export const iperf3Parser: Parser = {
  id: "iperf3",
  version: 1,
  describe: "iperf3 client output, JSON (-J) or the text report with its sender/receiver summary",
  detect: (raw) => (/^\s*\{/.test(raw) ? JSON_MARK.test(raw) : TEXT_MARK.test(raw)),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected iperf3 JSON (-J) or text output");
    return /^\s*\{/.test(raw) ? parseIperf3Json(raw) : parseIperf3Text(raw);
  },
};
