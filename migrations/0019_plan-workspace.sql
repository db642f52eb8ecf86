ALTER TABLE `plan_comments` ADD `suggestion` text;--> statement-breakpoint
ALTER TABLE `plan_comments` ADD `suggestion_accepted_at` text;