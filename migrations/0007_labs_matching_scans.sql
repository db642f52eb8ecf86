CREATE TABLE `culture_scans` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`school_year` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_by_id` text,
	`created_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `culture_scans_school_year_unique` ON `culture_scans` (`school_id`,`school_year`);--> statement-breakpoint
CREATE TABLE `lab_supervisors` (
	`lab_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`lab_id`, `user_id`),
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `labs` (
	`id` text PRIMARY KEY NOT NULL,
	`partnership_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`host_school_id` text,
	`host_institute_id` text,
	`theme_ids` text DEFAULT '[]' NOT NULL,
	`seats` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`host_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`host_institute_id`) REFERENCES `institutes`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "labs_seats_check" CHECK("labs"."seats" >= 0)
);
--> statement-breakpoint
CREATE INDEX `labs_partnership_idx` ON `labs` (`partnership_id`);--> statement-breakpoint
CREATE TABLE `matching_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`partnership_id` text NOT NULL,
	`name` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`running_since` text,
	`created_by_id` text,
	`created_at` text NOT NULL,
	`computed_at` text,
	`published_at` text,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "matching_rounds_status_check" CHECK("matching_rounds"."status" in ('open','berekend','gepubliceerd','gesloten'))
);
--> statement-breakpoint
CREATE INDEX `matching_rounds_partnership_idx` ON `matching_rounds` (`partnership_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `question_labs` (
	`question_id` text PRIMARY KEY NOT NULL,
	`lab_id` text NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_labs_lab_idx` ON `question_labs` (`lab_id`);--> statement-breakpoint
CREATE TABLE `round_assignments` (
	`round_id` text NOT NULL,
	`student_id` text NOT NULL,
	`question_id` text,
	`rank` integer,
	`explanation` text DEFAULT '' NOT NULL,
	`manual` integer DEFAULT false NOT NULL,
	`student_response` text DEFAULT 'open' NOT NULL,
	`school_response` text DEFAULT 'open' NOT NULL,
	`project_id` text,
	PRIMARY KEY(`round_id`, `student_id`),
	FOREIGN KEY (`round_id`) REFERENCES `matching_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `round_assignments_question_idx` ON `round_assignments` (`question_id`);--> statement-breakpoint
CREATE TABLE `round_rankings` (
	`round_id` text NOT NULL,
	`student_id` text NOT NULL,
	`question_id` text NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`round_id`, `student_id`, `rank`),
	FOREIGN KEY (`round_id`) REFERENCES `matching_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_rankings_rank_check" CHECK("round_rankings"."rank" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_rankings_unique_question` ON `round_rankings` (`round_id`,`student_id`,`question_id`);--> statement-breakpoint
CREATE TABLE `round_school_settings` (
	`round_id` text NOT NULL,
	`school_id` text NOT NULL,
	`capacity` integer NOT NULL,
	`minimum` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `school_id`),
	FOREIGN KEY (`round_id`) REFERENCES `matching_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_school_settings_check" CHECK("round_school_settings"."capacity" >= 0 and "round_school_settings"."minimum" >= 0)
);
--> statement-breakpoint
CREATE TABLE `scan_agreements` (
	`scan_id` text NOT NULL,
	`aspect_id` text NOT NULL,
	`agreed_phase` integer NOT NULL,
	`priority` integer DEFAULT false NOT NULL,
	`action` text DEFAULT '' NOT NULL,
	`question_id` text,
	PRIMARY KEY(`scan_id`, `aspect_id`),
	FOREIGN KEY (`scan_id`) REFERENCES `culture_scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "scan_agreements_phase_check" CHECK("scan_agreements"."agreed_phase" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE `scan_responses` (
	`scan_id` text NOT NULL,
	`user_id` text NOT NULL,
	`aspect_id` text NOT NULL,
	`phase` integer NOT NULL,
	`answered_at` text NOT NULL,
	PRIMARY KEY(`scan_id`, `user_id`, `aspect_id`),
	FOREIGN KEY (`scan_id`) REFERENCES `culture_scans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "scan_responses_phase_check" CHECK("scan_responses"."phase" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE `school_shortages` (
	`school_id` text PRIMARY KEY NOT NULL,
	`vacancy_tenths` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `student_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`institute_id` text,
	`programme` text DEFAULT '' NOT NULL,
	`study_year` integer DEFAULT 1 NOT NULL,
	`theme_ids` text DEFAULT '[]' NOT NULL,
	`sectors` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '' NOT NULL,
	`home_city` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`institute_id`) REFERENCES `institutes`(`id`) ON UPDATE no action ON DELETE set null
);
