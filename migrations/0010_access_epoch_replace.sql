-- Custom migration: INSERT OR REPLACE (or REPLACE INTO) deletes a conflicting
-- row without firing its delete trigger (recursive_triggers is off, and a CLI
-- or a hand-made fix in the sqlite3 shell will not turn it on). For the tables
-- whose rows decide who may open which plan and that had no insert trigger,
-- this moves the access epoch (0009) when an insert meets an existing row on
-- its primary key or a unique column. A BEFORE trigger still sees that row.
-- Plain inserts of new rows (every login's session) leave the epoch alone; a
-- conflicting plain INSERT fails and its statement, trigger included, is undone.
-- INSERT OR IGNORE and ON CONFLICT on an existing row also move it: one full
-- access check too many, never one too few (the app uses neither on these tables).
CREATE TRIGGER `access_epoch_users_replace` BEFORE INSERT ON `users`
WHEN EXISTS (SELECT 1 FROM `users` WHERE `id` = NEW.`id` OR `email` = NEW.`email`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_sessions_replace` BEFORE INSERT ON `sessions`
WHEN EXISTS (SELECT 1 FROM `sessions` WHERE `token_hash` = NEW.`token_hash`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_plans_replace` BEFORE INSERT ON `plans`
WHEN EXISTS (SELECT 1 FROM `plans` WHERE `id` = NEW.`id` OR `project_id` = NEW.`project_id` OR `room` = NEW.`room`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_projects_replace` BEFORE INSERT ON `projects`
WHEN EXISTS (SELECT 1 FROM `projects` WHERE `id` = NEW.`id`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_schools_replace` BEFORE INSERT ON `schools`
WHEN EXISTS (SELECT 1 FROM `schools` WHERE `id` = NEW.`id` OR (`name` = NEW.`name` AND `city` = NEW.`city`)) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_institutes_replace` BEFORE INSERT ON `institutes`
WHEN EXISTS (SELECT 1 FROM `institutes` WHERE `id` = NEW.`id` OR `name` = NEW.`name`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `access_epoch_partnerships_replace` BEFORE INSERT ON `partnerships`
WHEN EXISTS (SELECT 1 FROM `partnerships` WHERE `id` = NEW.`id` OR `name` = NEW.`name`) BEGIN
	UPDATE `access_epoch` SET `value` = `value` + 1 WHERE `id` = 1;
END;
