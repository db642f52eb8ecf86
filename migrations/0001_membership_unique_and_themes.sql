-- Custom migration (drizzle-kit generate --custom): what the schema DSL cannot say.

-- One role per organisation per user. The organisation columns are nullable and
-- NULLs are distinct in a plain unique index, hence the coalesce() expressions.
CREATE UNIQUE INDEX `memberships_unique` ON `memberships` (
	`user_id`, `role`, coalesce(`partnership_id`, ''), coalesce(`school_id`, ''), coalesce(`institute_id`, '')
);
--> statement-breakpoint
-- The research themes taxonomy is reference data: present in every database,
-- also when the demo seed is switched off (SEED_DEMO=false).
INSERT INTO `themes` (`id`, `name_nl`, `name_en`, `description_nl`, `sort_order`) VALUES
	('lezen-en-taal', 'Lezen en taalonderwijs', 'Reading and language teaching', 'Leesmotivatie, begrijpend lezen, woordenschat en schrijfvaardigheid.', 10),
	('rekenen-en-wiskunde', 'Rekenen en wiskunde', 'Arithmetic and mathematics', 'Rekenvaardigheid, gecijferdheid en wiskundig denken.', 20),
	('burgerschap', 'Burgerschap en democratie', 'Citizenship and democracy', 'Burgerschapsonderwijs, democratische schoolcultuur en diversiteit.', 30),
	('ict-digitale-geletterdheid', 'ICT en digitale geletterdheid', 'ICT and digital literacy', 'Digitale vaardigheden, mediawijsheid, AI in de klas.', 40),
	('passend-onderwijs', 'Passend onderwijs en inclusie', 'Inclusive education', 'Ondersteuning, inclusie en samenwerking met zorgpartners.', 50),
	('differentiatie', 'Differentiatie en adaptief lesgeven', 'Differentiation and adaptive teaching', 'Omgaan met verschillen tussen leerlingen in de les.', 60),
	('formatief-evalueren', 'Formatief evalueren en feedback', 'Formative assessment and feedback', 'Leerdoelen, succescriteria, feedback en toetsbeleid.', 70),
	('motivatie-eigenaarschap', 'Motivatie en eigenaarschap', 'Motivation and ownership', 'Betrokkenheid, zelfregulatie en eigenaarschap van leerlingen.', 80),
	('welbevinden-gedrag', 'Welbevinden, gedrag en sociale veiligheid', 'Well-being, behaviour and safety', 'Pedagogisch klimaat, groepsvorming, pesten en gedrag.', 90),
	('ouderbetrokkenheid', 'Ouderbetrokkenheid', 'Parental involvement', 'Samenwerking met ouders en verzorgers.', 100),
	('professionele-leercultuur', 'Professionele leercultuur', 'Professional learning culture', 'Teamleren, onderzoekende houding en gespreid leiderschap.', 110),
	('meertaligheid-nt2', 'Meertaligheid en NT2', 'Multilingualism and Dutch as a second language', 'Nieuwkomers, NT2 en meertaligheid als kracht.', 120),
	('loopbaanorientatie', 'Loopbaanoriëntatie en -begeleiding', 'Career guidance', 'LOB, studiekeuze en overgangen tussen schoolsoorten.', 130),
	('kansengelijkheid', 'Kansengelijkheid', 'Equal opportunities', 'Schooladvies, doorstroom en kansen voor alle leerlingen.', 140),
	('wetenschap-techniek', 'Wetenschap en techniek', 'Science and technology', 'Onderzoekend en ontwerpend leren, bèta en techniek.', 150),
	('executieve-functies', 'Executieve functies en leren leren', 'Executive functions and learning to learn', 'Plannen, concentratie, werkgeheugen en studievaardigheden.', 160),
	('anders-organiseren', 'Lerarentekort en anders organiseren', 'Teacher shortage and new ways of organising', 'Nieuwe rollen, onderwijsassistenten, roosters en teamsamenstelling.', 170),
	('praktijkleren', 'Praktijkleren en beroepsonderwijs', 'Work-based learning and vocational education', 'Stages, beroepspraktijkvorming en samenwerking met bedrijven.', 180);
