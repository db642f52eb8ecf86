CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`result_id` text NOT NULL,
	`school_id` text NOT NULL,
	`title` text NOT NULL,
	`owner_id` text,
	`due_date` text,
	`status` text DEFAULT 'gepland' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "actions_status_check" CHECK("actions"."status" in ('gepland','bezig','gedaan','losgelaten'))
);
--> statement-breakpoint
CREATE INDEX `actions_result_idx` ON `actions` (`result_id`);--> statement-breakpoint
CREATE INDEX `actions_school_idx` ON `actions` (`school_id`,`status`);--> statement-breakpoint
CREATE TABLE `expert_group_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `expert_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `expert_group_meetings_group_idx` ON `expert_group_meetings` (`group_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `expert_group_members` (
	`group_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`),
	FOREIGN KEY (`group_id`) REFERENCES `expert_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `expert_group_members_user_idx` ON `expert_group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `expert_group_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`result_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `expert_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `expert_group_posts_thread_idx` ON `expert_group_posts` (`group_id`,`result_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `expert_group_results` (
	`group_id` text NOT NULL,
	`result_id` text NOT NULL,
	`shared_by_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`group_id`, `result_id`),
	FOREIGN KEY (`group_id`) REFERENCES `expert_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shared_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `expert_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`region_id` text NOT NULL,
	`name` text NOT NULL,
	`theme_id` text,
	`description` text DEFAULT '' NOT NULL,
	`join_policy` text DEFAULT 'open' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `expert_groups_name_unique` ON `expert_groups` (`name`);--> statement-breakpoint
CREATE TABLE `result_consents` (
	`result_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`visibility` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`result_id`, `user_id`),
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `result_files` (
	`id` text PRIMARY KEY NOT NULL,
	`result_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `result_files_storage_key_unique` ON `result_files` (`storage_key`);--> statement-breakpoint
CREATE INDEX `result_files_result_idx` ON `result_files` (`result_id`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text,
	`school_id` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`summary` text NOT NULL,
	`conclusions` text DEFAULT '' NOT NULL,
	`recommendations` text DEFAULT '[]' NOT NULL,
	`theme_ids` text DEFAULT '[]' NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`visibility` text DEFAULT 'school' NOT NULL,
	`author_id` text,
	`published_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "results_visibility_check" CHECK("results"."visibility" in ('school','partnership','region','public')),
	CONSTRAINT "results_type_check" CHECK("results"."type" in ('onderzoeksrapport','samenvatting','poster','presentatie','lesmateriaal','advies'))
);
--> statement-breakpoint
CREATE INDEX `results_school_idx` ON `results` (`school_id`);--> statement-breakpoint
CREATE INDEX `results_visibility_idx` ON `results` (`visibility`);