-- Custom migration: search over questions and results with a Dutch stemmer and
-- trigrams (docs/decisions/0019).
-- * *_words: every word as its Snowball stem, computed by the app (SQLite cannot
--   call the stemmer from a trigger). Triggers only queue the changed rowid in
--   search_queue; the app indexes the queue at start-up and before a search, so
--   any writer (seed, import, tests, the sqlite3 shell) keeps search correct.
-- * *_trigram: the raw text in trigrams, for parts of words and compounds
--   ("motivatie" inside "leesmotivatie"); kept by the triggers directly.
-- Both are contentless (the text lives in questions/results/schools) and carry
-- the school's name, so "Regenboog" finds a school's questions and results.
-- The older questions_fts/results_fts stay until nothing reads them.
CREATE TABLE `search_queue` (
	`kind` text NOT NULL,
	`row_id` integer NOT NULL,
	PRIMARY KEY (`kind`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIRTUAL TABLE `questions_words` USING fts5(`title`, `body`, `school`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `questions_trigram` USING fts5(`title`, `body`, `school`, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `results_words` USING fts5(`title`, `body`, `school`, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `results_trigram` USING fts5(`title`, `body`, `school`, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER `questions_search_insert` AFTER INSERT ON `questions` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('question', new.rowid);
	INSERT INTO `questions_trigram` (`rowid`, `title`, `body`, `school`)
	VALUES (new.rowid, new.title, new.background || ' ' || new.desired_outcome || ' ' || new.sub_questions, (SELECT `name` FROM `schools` WHERE `id` = new.school_id));
END;
--> statement-breakpoint
CREATE TRIGGER `questions_search_update` AFTER UPDATE OF `title`, `background`, `desired_outcome`, `sub_questions`, `school_id` ON `questions` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('question', new.rowid);
	DELETE FROM `questions_trigram` WHERE `rowid` = old.rowid;
	INSERT INTO `questions_trigram` (`rowid`, `title`, `body`, `school`)
	VALUES (new.rowid, new.title, new.background || ' ' || new.desired_outcome || ' ' || new.sub_questions, (SELECT `name` FROM `schools` WHERE `id` = new.school_id));
END;
--> statement-breakpoint
CREATE TRIGGER `questions_search_delete` AFTER DELETE ON `questions` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('question', old.rowid);
	DELETE FROM `questions_trigram` WHERE `rowid` = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `results_search_insert` AFTER INSERT ON `results` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('result', new.rowid);
	INSERT INTO `results_trigram` (`rowid`, `title`, `body`, `school`)
	VALUES (new.rowid, new.title, new.summary || ' ' || new.conclusions || ' ' || new.recommendations, (SELECT `name` FROM `schools` WHERE `id` = new.school_id));
END;
--> statement-breakpoint
CREATE TRIGGER `results_search_update` AFTER UPDATE OF `title`, `summary`, `conclusions`, `recommendations`, `school_id` ON `results` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('result', new.rowid);
	DELETE FROM `results_trigram` WHERE `rowid` = old.rowid;
	INSERT INTO `results_trigram` (`rowid`, `title`, `body`, `school`)
	VALUES (new.rowid, new.title, new.summary || ' ' || new.conclusions || ' ' || new.recommendations, (SELECT `name` FROM `schools` WHERE `id` = new.school_id));
END;
--> statement-breakpoint
CREATE TRIGGER `results_search_delete` AFTER DELETE ON `results` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) VALUES ('result', old.rowid);
	DELETE FROM `results_trigram` WHERE `rowid` = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `schools_search_rename` AFTER UPDATE OF `name` ON `schools` BEGIN
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) SELECT 'question', `rowid` FROM `questions` WHERE `school_id` = new.id;
	INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) SELECT 'result', `rowid` FROM `results` WHERE `school_id` = new.id;
	DELETE FROM `questions_trigram` WHERE `rowid` IN (SELECT `rowid` FROM `questions` WHERE `school_id` = new.id);
	INSERT INTO `questions_trigram` (`rowid`, `title`, `body`, `school`)
	SELECT `rowid`, `title`, `background` || ' ' || `desired_outcome` || ' ' || `sub_questions`, new.name FROM `questions` WHERE `school_id` = new.id;
	DELETE FROM `results_trigram` WHERE `rowid` IN (SELECT `rowid` FROM `results` WHERE `school_id` = new.id);
	INSERT INTO `results_trigram` (`rowid`, `title`, `body`, `school`)
	SELECT `rowid`, `title`, `summary` || ' ' || `conclusions` || ' ' || `recommendations`, new.name FROM `results` WHERE `school_id` = new.id;
END;
--> statement-breakpoint
-- Existing rows: trigrams now, stems when the app drains the queue.
INSERT INTO `questions_trigram` (`rowid`, `title`, `body`, `school`)
SELECT q.`rowid`, q.`title`, q.`background` || ' ' || q.`desired_outcome` || ' ' || q.`sub_questions`, s.`name` FROM `questions` q JOIN `schools` s ON s.`id` = q.`school_id`;
--> statement-breakpoint
INSERT INTO `results_trigram` (`rowid`, `title`, `body`, `school`)
SELECT r.`rowid`, r.`title`, r.`summary` || ' ' || r.`conclusions` || ' ' || r.`recommendations`, s.`name` FROM `results` r JOIN `schools` s ON s.`id` = r.`school_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) SELECT 'question', `rowid` FROM `questions`;
--> statement-breakpoint
INSERT OR IGNORE INTO `search_queue` (`kind`, `row_id`) SELECT 'result', `rowid` FROM `results`;
