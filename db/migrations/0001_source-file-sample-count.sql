ALTER TABLE `source_files` ADD `sample_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `source_files_dataset_counts` ON `source_files` (`dataset_id`,`import_id`,`sample_count`);--> statement-breakpoint
-- Backfill files imported before the column existed.
UPDATE `source_files` SET `sample_count` = (SELECT count(*) FROM `samples` JOIN `runs` ON `runs`.`id` = `samples`.`run_id` WHERE `runs`.`source_file_id` = `source_files`.`id`);
