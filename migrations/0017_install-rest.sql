CREATE TABLE `expert_group_topic_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`topic_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `expert_group_topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `expert_group_topic_posts_topic_idx` ON `expert_group_topic_posts` (`topic_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `expert_group_topics` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`title` text NOT NULL,
	`author_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `expert_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `expert_group_topics_group_idx` ON `expert_group_topics` (`group_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `lab_members` (
	`lab_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`lab_id`, `user_id`),
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_members_user_idx` ON `lab_members` (`user_id`);--> statement-breakpoint
ALTER TABLE `expert_group_meetings` ADD `agenda` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `expert_groups` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `labs` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `archived_at` text;