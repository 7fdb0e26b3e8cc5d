import type { Category } from "@/lib/categories";

// Order matters: "fio.read" is disk even though "read" could be anything.
const KEYWORDS: [RegExp, Category][] = [
  [/startup|boot|start_time|cold.?start/i, "startup"],
  [/syscall/i, "syscall"],
  [/\bfio\b|fio\.|disk|fileio|iops|\bio\b/i, "disk"],
  [/redis|mysql|mariadb|postgres|oltp|\bdb\b|database|PING_|LPUSH|RPOP|\bGET\b|\bSET\b/i, "database"],
  [/nginx|http|wrk|\bab\b|apache|web/i, "web"],
  [/network|iperf|netperf|ping|tcp|udp/i, "network"],
  [/memory|\bmem\b|stream|mbw/i, "memory"],
  [/footprint|rss|pss/i, "footprint"],
  [/cpu|events|bogo/i, "cpu"],
];

/** Best guess of a category from free-text names in published tables; undefined when unsure. */
export function inferCategory(...names: string[]): Category | undefined {
  const text = names.join(" ");
  return KEYWORDS.find(([re]) => re.test(text))?.[1];
}
