CREATE TABLE `question_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`school_id` text NOT NULL,
	`proposer_id` text,
	`title` text NOT NULL,
	`background` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`decided_by_id` text,
	`question_id` text,
	`created_at` text NOT NULL,
	`decided_at` text,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "question_proposals_status_check" CHECK("question_proposals"."status" in ('open','overgenomen','afgewezen'))
);
--> statement-breakpoint
CREATE INDEX `question_proposals_school_idx` ON `question_proposals` (`school_id`,`status`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_project_members` (
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_members_role_check" CHECK("__new_project_members"."role" in ('student','begeleider','leraar'))
);
--> statement-breakpoint
INSERT INTO `__new_project_members`("project_id", "user_id", "role", "created_at") SELECT "project_id", "user_id", "role", "created_at" FROM `project_members`;--> statement-breakpoint
DROP TABLE `project_members`;--> statement-breakpoint
ALTER TABLE `__new_project_members` RENAME TO `project_members`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
-- Rebuilding project_members (for the new `leraar` role) dropped its access-epoch triggers (0009): restore them.
CREATE TRIGGER `access_epoch_project_members_insert` AFTER INSERT ON `project_members` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_project_members_update` AFTER UPDATE ON `project_members` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_project_members_delete` AFTER DELETE ON `project_members` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
ALTER TABLE `matching_rounds` ADD `published_by_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `matching_rounds` ADD `follow_up_of_id` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `supervisor_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `questions` ADD `supervision_external` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `teacher_research` integer DEFAULT false NOT NULL;