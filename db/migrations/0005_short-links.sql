CREATE TABLE `short_links` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`asof` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `short_links_path_unique` ON `short_links` (`path`);