-- Custom migration: full-text search over results (FTS5, external content), as for questions.
CREATE VIRTUAL TABLE `results_fts` USING fts5(
	`title`,
	`summary`,
	`conclusions`,
	`recommendations`,
	content='results',
	content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `results_fts_insert` AFTER INSERT ON `results` BEGIN
	INSERT INTO `results_fts` (`rowid`, `title`, `summary`, `conclusions`, `recommendations`)
	VALUES (new.rowid, new.title, new.summary, new.conclusions, new.recommendations);
END;
--> statement-breakpoint
CREATE TRIGGER `results_fts_delete` AFTER DELETE ON `results` BEGIN
	INSERT INTO `results_fts` (`results_fts`, `rowid`, `title`, `summary`, `conclusions`, `recommendations`)
	VALUES ('delete', old.rowid, old.title, old.summary, old.conclusions, old.recommendations);
END;
--> statement-breakpoint
CREATE TRIGGER `results_fts_update` AFTER UPDATE OF `title`, `summary`, `conclusions`, `recommendations` ON `results` BEGIN
	INSERT INTO `results_fts` (`results_fts`, `rowid`, `title`, `summary`, `conclusions`, `recommendations`)
	VALUES ('delete', old.rowid, old.title, old.summary, old.conclusions, old.recommendations);
	INSERT INTO `results_fts` (`rowid`, `title`, `summary`, `conclusions`, `recommendations`)
	VALUES (new.rowid, new.title, new.summary, new.conclusions, new.recommendations);
END;
