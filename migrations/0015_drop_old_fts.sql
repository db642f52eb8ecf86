-- The first full-text indexes (0003, 0006) were replaced by the stemmed word and
-- trigram indexes of 0013; nothing reads them any more, and their triggers cost
-- every write to questions and results an extra index update.
DROP TRIGGER IF EXISTS `questions_fts_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `questions_fts_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `questions_fts_update`;--> statement-breakpoint
DROP TABLE IF EXISTS `questions_fts`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_fts_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_fts_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `results_fts_update`;--> statement-breakpoint
DROP TABLE IF EXISTS `results_fts`;
