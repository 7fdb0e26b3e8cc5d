CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`source_url` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_name_unique` ON `datasets` (`name`);--> statement-breakpoint
CREATE TABLE `hosts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kernel` text,
	`cpu_model` text,
	`cpu_count` integer,
	`memory_bytes` real,
	`os` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hosts_name_unique` ON `hosts` (`name`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`argv` text NOT NULL,
	`files_total` integer DEFAULT 0 NOT NULL,
	`files_imported` integer DEFAULT 0 NOT NULL,
	`files_skipped` integer DEFAULT 0 NOT NULL,
	`files_failed` integer DEFAULT 0 NOT NULL,
	`samples` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_name_unit` ON `metrics` (`name`,`unit`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_file_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`runtime_id` text NOT NULL,
	`runtime_label` text NOT NULL,
	`runtime_version` text,
	`runtime_variant` text,
	`workload_id` integer NOT NULL,
	`repetition` integer NOT NULL,
	`tool` text NOT NULL,
	`tool_version` text,
	`command` text,
	`started_at` integer,
	FOREIGN KEY (`source_file_id`) REFERENCES `source_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`runtime_id`) REFERENCES `runtimes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`workload_id`) REFERENCES `workloads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `runs_selection` ON `runs` (`dataset_id`,`host_id`,`runtime_id`,`workload_id`);--> statement-breakpoint
CREATE INDEX `runs_source_file` ON `runs` (`source_file_id`);--> statement-breakpoint
CREATE TABLE `runtimes` (
	`id` text PRIMARY KEY NOT NULL,
	`known` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `samples_run` ON `samples` (`run_id`);--> statement-breakpoint
CREATE INDEX `samples_metric` ON `samples` (`metric_id`);--> statement-breakpoint
CREATE TABLE `source_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	`path` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`parser_id` text NOT NULL,
	`parser_version` integer NOT NULL,
	`content_deflate` blob NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_files_dataset_sha` ON `source_files` (`dataset_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `source_files_import` ON `source_files` (`import_id`);--> statement-breakpoint
CREATE TABLE `workloads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tool` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`params_json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workloads_tool_name` ON `workloads` (`tool`,`name`);--> statement-breakpoint
CREATE INDEX `workloads_category` ON `workloads` (`category`);