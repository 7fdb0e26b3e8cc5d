CREATE TABLE `upload_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`hash` text NOT NULL,
	`dataset_pattern` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `upload_tokens_name_unique` ON `upload_tokens` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `upload_tokens_hash_unique` ON `upload_tokens` (`hash`);