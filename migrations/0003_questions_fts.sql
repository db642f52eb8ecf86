-- Custom migration: full-text search over questions with SQLite FTS5.
-- External-content table (the text lives once, in `questions`); triggers keep
-- the index in step. unicode61 with diacritics removed so "coördinatie"
-- matches "coordinatie"; the app adds prefix queries ("lees*").
CREATE VIRTUAL TABLE `questions_fts` USING fts5(
	`title`,
	`background`,
	`desired_outcome`,
	`sub_questions`,
	content='questions',
	content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `questions_fts_insert` AFTER INSERT ON `questions` BEGIN
	INSERT INTO `questions_fts` (`rowid`, `title`, `background`, `desired_outcome`, `sub_questions`)
	VALUES (new.rowid, new.title, new.background, new.desired_outcome, new.sub_questions);
END;
--> statement-breakpoint
CREATE TRIGGER `questions_fts_delete` AFTER DELETE ON `questions` BEGIN
	INSERT INTO `questions_fts` (`questions_fts`, `rowid`, `title`, `background`, `desired_outcome`, `sub_questions`)
	VALUES ('delete', old.rowid, old.title, old.background, old.desired_outcome, old.sub_questions);
END;
--> statement-breakpoint
CREATE TRIGGER `questions_fts_update` AFTER UPDATE OF `title`, `background`, `desired_outcome`, `sub_questions` ON `questions` BEGIN
	INSERT INTO `questions_fts` (`questions_fts`, `rowid`, `title`, `background`, `desired_outcome`, `sub_questions`)
	VALUES ('delete', old.rowid, old.title, old.background, old.desired_outcome, old.sub_questions);
	INSERT INTO `questions_fts` (`rowid`, `title`, `background`, `desired_outcome`, `sub_questions`)
	VALUES (new.rowid, new.title, new.background, new.desired_outcome, new.sub_questions);
END;
