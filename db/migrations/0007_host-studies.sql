CREATE TABLE `host_studies` (
	`dataset_id` integer NOT NULL,
	`host_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`reference` text NOT NULL,
	`runtimes_json` text NOT NULL,
	`studies_json` text,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_id`) REFERENCES `hosts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reference`) REFERENCES `runtimes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `host_studies_key` ON `host_studies` (`dataset_id`,`host_id`,`fingerprint`,`reference`);