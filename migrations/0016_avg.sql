ALTER TABLE `partnerships` ADD `leaver_retention_months` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` text;