CREATE TABLE `oai_records` (
	`result_id` text PRIMARY KEY NOT NULL,
	`datestamp` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `oai_records_datestamp_idx` ON `oai_records` (`datestamp`,`result_id`);