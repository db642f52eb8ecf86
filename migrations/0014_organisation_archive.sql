ALTER TABLE `institutes` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `partnerships` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `regions` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `schools` ADD `archived_at` text;