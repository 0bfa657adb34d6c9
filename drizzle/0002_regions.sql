-- Reference data: the 18 regions (13 metropolitan, 5 overseas) and their legal population.
-- Source: Insee, populations légales 2021 (en vigueur au 1er janvier 2024).
INSERT INTO "regions" ("code", "name", "population", "population_source", "overseas") VALUES
	('84', 'Auvergne-Rhône-Alpes', 8114361, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('27', 'Bourgogne-Franche-Comté', 2805580, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('53', 'Bretagne', 3394567, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('24', 'Centre-Val de Loire', 2573295, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('94', 'Corse', 347597, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('44', 'Grand Est', 5568711, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('32', 'Hauts-de-France', 5987172, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('11', 'Île-de-France', 12317279, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('28', 'Normandie', 3327077, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('75', 'Nouvelle-Aquitaine', 6069352, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('76', 'Occitanie', 6053548, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('52', 'Pays de la Loire', 3873096, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('93', 'Provence-Alpes-Côte d''Azur', 5127840, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 0),
	('01', 'Guadeloupe', 383559, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 1),
	('02', 'Martinique', 360749, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 1),
	('03', 'Guyane', 286618, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 1),
	('04', 'La Réunion', 871157, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 1),
	('06', 'Mayotte', 256518, 'Insee, populations légales 2021 (en vigueur au 1er janvier 2024)', 1)
ON CONFLICT ("code") DO NOTHING;
