-- Custom migration: keep oai_records in step with results (docs/decisions/0019).
-- A result that becomes public gets a record; any change to a public result
-- moves its datestamp (harvesters fetch it again); a result that stops being
-- public, or is removed while public, becomes a deleted record. Datestamps are
-- UTC with second granularity, as OAI-PMH asks.
CREATE TRIGGER `oai_results_insert` AFTER INSERT ON `results` WHEN new.visibility = 'public' BEGIN
	INSERT INTO `oai_records` (`result_id`, `datestamp`, `deleted`)
	VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0)
	ON CONFLICT (`result_id`) DO UPDATE SET `datestamp` = excluded.datestamp, `deleted` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `oai_results_update` AFTER UPDATE ON `results` WHEN new.visibility = 'public' OR old.visibility = 'public' BEGIN
	INSERT INTO `oai_records` (`result_id`, `datestamp`, `deleted`)
	VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), new.visibility != 'public')
	ON CONFLICT (`result_id`) DO UPDATE SET `datestamp` = excluded.datestamp, `deleted` = excluded.deleted;
END;
--> statement-breakpoint
CREATE TRIGGER `oai_results_delete` AFTER DELETE ON `results` WHEN old.visibility = 'public' BEGIN
	UPDATE `oai_records` SET `datestamp` = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), `deleted` = 1 WHERE `result_id` = old.id;
END;
--> statement-breakpoint
-- Results that are public today enter the repository with their publication date.
INSERT INTO `oai_records` (`result_id`, `datestamp`, `deleted`)
SELECT `id`, strftime('%Y-%m-%dT%H:%M:%SZ', `published_at`), 0 FROM `results` WHERE `visibility` = 'public';
