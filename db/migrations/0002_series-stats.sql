CREATE TABLE `import_samples` (
	`dataset_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`import_id` integer NOT NULL,
	`samples` integer NOT NULL,
	PRIMARY KEY(`dataset_id`, `host_id`, `import_id`),
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`runtime_id` text NOT NULL,
	`runtime_version` text,
	`runtime_variant` text,
	`workload_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`runtime_id`) REFERENCES `runtimes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workload_id`) REFERENCES `workloads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `series_identity` ON `series` (`dataset_id`,`host_id`,`workload_id`,`metric_id`,`runtime_id`);--> statement-breakpoint
CREATE TABLE `series_stats` (
	`series_id` integer NOT NULL,
	`import_id` integer NOT NULL,
	`n` integer NOT NULL,
	`mean` real NOT NULL,
	`m2` real NOT NULL,
	`log_n` integer NOT NULL,
	`log_mean` real NOT NULL,
	`log_m2` real NOT NULL,
	PRIMARY KEY(`series_id`, `import_id`),
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `samples_metric`;--> statement-breakpoint
ALTER TABLE `samples` ADD `series_id` integer REFERENCES series(id);--> statement-breakpoint
CREATE INDEX `samples_series` ON `samples` (`series_id`);--> statement-breakpoint
DROP INDEX `source_files_dataset_counts`;--> statement-breakpoint
-- Backfill databases imported before series existed (ingest maintains all of this from now on):
-- one series per identity, each sample linked to it, statistics per series as of each import
-- that added to it (two passes: means, then squared deviations), and sample totals per dataset, host and import.
INSERT INTO `series` (`dataset_id`, `host_id`, `runtime_id`, `runtime_version`, `runtime_variant`, `workload_id`, `metric_id`)
SELECT DISTINCT r.`dataset_id`, r.`host_id`, r.`runtime_id`, r.`runtime_version`, r.`runtime_variant`, r.`workload_id`, s.`metric_id`
FROM `samples` s JOIN `runs` r ON r.`id` = s.`run_id`;--> statement-breakpoint
UPDATE `samples` SET `series_id` = (
  SELECT se.`id` FROM `runs` r JOIN `series` se
    ON se.`dataset_id` = r.`dataset_id` AND se.`host_id` = r.`host_id` AND se.`runtime_id` = r.`runtime_id`
    AND se.`runtime_version` IS r.`runtime_version` AND se.`runtime_variant` IS r.`runtime_variant`
    AND se.`workload_id` = r.`workload_id` AND se.`metric_id` = `samples`.`metric_id`
  WHERE r.`id` = `samples`.`run_id`);--> statement-breakpoint
WITH sample_imports AS (
  SELECT s.`series_id` AS series_id, f.`import_id` AS import_id, s.`value` AS value
  FROM `samples` s JOIN `runs` r ON r.`id` = s.`run_id` JOIN `source_files` f ON f.`id` = r.`source_file_id`
), points AS (SELECT DISTINCT series_id, import_id FROM sample_imports),
upto AS (
  SELECT p.series_id, p.import_id, x.value FROM points p JOIN sample_imports x ON x.series_id = p.series_id AND x.import_id <= p.import_id
), means AS (
  SELECT series_id, import_id, count(*) AS n, avg(value) AS mean, count(CASE WHEN value > 0 THEN 1 END) AS log_n,
    coalesce(avg(CASE WHEN value > 0 THEN ln(value) END), 0) AS log_mean
  FROM upto GROUP BY series_id, import_id
)
INSERT INTO `series_stats` (`series_id`, `import_id`, `n`, `mean`, `m2`, `log_n`, `log_mean`, `log_m2`)
SELECT m.series_id, m.import_id, m.n, m.mean, sum((u.value - m.mean) * (u.value - m.mean)), m.log_n, m.log_mean,
  coalesce(sum(CASE WHEN u.value > 0 THEN (ln(u.value) - m.log_mean) * (ln(u.value) - m.log_mean) END), 0)
FROM means m JOIN upto u ON u.series_id = m.series_id AND u.import_id = m.import_id
GROUP BY m.series_id, m.import_id;--> statement-breakpoint
INSERT INTO `import_samples` (`dataset_id`, `host_id`, `import_id`, `samples`)
SELECT r.`dataset_id`, r.`host_id`, f.`import_id`, count(*)
FROM `samples` s JOIN `runs` r ON r.`id` = s.`run_id` JOIN `source_files` f ON f.`id` = r.`source_file_id`
GROUP BY r.`dataset_id`, r.`host_id`, f.`import_id`;
