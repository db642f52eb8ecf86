-- Custom migration: a counter that every change to who-may-open-which-plan
-- moves on. The collaboration server re-checks the access of live sockets
-- twice a second (revocation must close a socket within a second); with this
-- it reads one integer per room and runs the full check only when the counter
-- moved (or a session reaches its expiry). Triggers, not application code, so
-- no write path (a model, a CLI, a hand-made fix in the database) can forget it.
-- New sessions and new users grant nothing to existing sockets: no trigger.
CREATE TABLE `access_epoch` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`value` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `access_epoch` (`id`, `value`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `access_epoch_users_update` AFTER UPDATE ON `users` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_users_delete` AFTER DELETE ON `users` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_sessions_update` AFTER UPDATE ON `sessions` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_sessions_delete` AFTER DELETE ON `sessions` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_memberships_insert` AFTER INSERT ON `memberships` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_memberships_update` AFTER UPDATE ON `memberships` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_memberships_delete` AFTER DELETE ON `memberships` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
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
CREATE TRIGGER `access_epoch_projects_update` AFTER UPDATE ON `projects` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_projects_delete` AFTER DELETE ON `projects` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_plans_update` AFTER UPDATE ON `plans` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_plans_delete` AFTER DELETE ON `plans` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_schools_insert` AFTER INSERT ON `partnership_schools` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_schools_update` AFTER UPDATE ON `partnership_schools` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_schools_delete` AFTER DELETE ON `partnership_schools` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_institutes_insert` AFTER INSERT ON `partnership_institutes` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_institutes_update` AFTER UPDATE ON `partnership_institutes` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnership_institutes_delete` AFTER DELETE ON `partnership_institutes` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_schools_update` AFTER UPDATE ON `schools` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_schools_delete` AFTER DELETE ON `schools` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_institutes_update` AFTER UPDATE ON `institutes` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_institutes_delete` AFTER DELETE ON `institutes` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnerships_update` AFTER UPDATE ON `partnerships` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnerships_delete` AFTER DELETE ON `partnerships` BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
