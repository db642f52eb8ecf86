CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`link` text,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`id`);--> statement-breakpoint
CREATE TABLE `plan_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`parent_id` text,
	`section_id` text NOT NULL,
	`anchor` text,
	`quote` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by_id` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_comments_plan_idx` ON `plan_comments` (`plan_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `plan_comments_parent_idx` ON `plan_comments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `plan_snapshots` (
	`plan_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`through_update_id` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` text NOT NULL,
	`update` blob NOT NULL,
	`user_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_updates_plan_idx` ON `plan_updates` (`plan_id`,`id`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`state` blob NOT NULL,
	`author_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_versions_plan_idx` ON `plan_versions` (`plan_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`room` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_project_id_unique` ON `plans` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `plans_room_unique` ON `plans` (`room`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_members_role_check" CHECK("project_members"."role" in ('student','begeleider'))
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`question_id` text NOT NULL,
	`school_id` text NOT NULL,
	`title` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `projects_question_idx` ON `projects` (`question_id`);--> statement-breakpoint
CREATE INDEX `projects_school_idx` ON `projects` (`school_id`);--> statement-breakpoint
CREATE TABLE `question_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`actor_id` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `question_events_question_idx` ON `question_events` (`question_id`,`id`);--> statement-breakpoint
CREATE TABLE `question_links` (
	`question_a` text NOT NULL,
	`question_b` text NOT NULL,
	`created_by_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`question_a`, `question_b`),
	FOREIGN KEY (`question_a`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_b`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "question_links_order" CHECK("question_links"."question_a" < "question_links"."question_b")
);
--> statement-breakpoint
CREATE INDEX `question_links_b_idx` ON `question_links` (`question_b`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`author_id` text,
	`title` text NOT NULL,
	`background` text DEFAULT '' NOT NULL,
	`desired_outcome` text DEFAULT '' NOT NULL,
	`vision_fit` text DEFAULT '' NOT NULL,
	`theme_id` text,
	`sub_questions` text DEFAULT '[]' NOT NULL,
	`sector` text NOT NULL,
	`school_year` text NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`student_capacity` integer DEFAULT 1 NOT NULL,
	`supervisor_name` text DEFAULT '' NOT NULL,
	`supervision_capacity` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`feedback` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "questions_sector_check" CHECK("questions"."sector" in ('po','vo','mbo','so')),
	CONSTRAINT "questions_status_check" CHECK("questions"."status" in ('concept','ingediend','open','gematcht','in_uitvoering','afgerond','geimplementeerd','teruggestuurd','gearchiveerd')),
	CONSTRAINT "questions_capacity_check" CHECK("questions"."student_capacity" >= 0 and "questions"."supervision_capacity" >= 0)
);
--> statement-breakpoint
CREATE INDEX `questions_school_year_idx` ON `questions` (`school_id`,`school_year`,`priority`);--> statement-breakpoint
CREATE INDEX `questions_status_idx` ON `questions` (`status`);--> statement-breakpoint
CREATE INDEX `questions_theme_idx` ON `questions` (`theme_id`);