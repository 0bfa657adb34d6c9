CREATE TABLE "geo_communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"departement_code" text NOT NULL,
	"region_code" text NOT NULL,
	"epci_code" text,
	"parent_code" text,
	"population" integer DEFAULT 0 NOT NULL,
	"postcodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	CONSTRAINT "geo_communes_kind_check" CHECK ("geo_communes"."kind" in ('commune', 'arrondissement', 'commune_a_arrondissements')),
	CONSTRAINT "geo_communes_population_check" CHECK ("geo_communes"."population" >= 0)
);
--> statement-breakpoint
CREATE TABLE "geo_departements" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"overseas" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_epci" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"retired" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo_former_communes" (
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	CONSTRAINT "geo_former_communes_code_kind_pk" PRIMARY KEY("code","kind"),
	CONSTRAINT "geo_former_communes_kind_check" CHECK ("geo_former_communes"."kind" in ('deleguee', 'associee'))
);
--> statement-breakpoint
CREATE TABLE "geo_referential" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"vintage" text NOT NULL,
	"package_version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "geo_referential_single_row" CHECK ("geo_referential"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "coverage_plan_communes" (
	"plan_id" text NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "coverage_plan_communes_plan_id_commune_code_pk" PRIMARY KEY("plan_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "coverage_plan_log" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"author_id" text,
	"happened_on" date NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"departement_code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'a_lancer' NOT NULL,
	"porteur" text,
	"facilitator_id" text,
	"ars_contact" text DEFAULT '' NOT NULL,
	"cpam_contact" text DEFAULT '' NOT NULL,
	"target_date" date,
	"next_step" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_plans_status_check" CHECK ("coverage_plans"."status" in ('a_lancer', 'contacts_pris', 'porteur_identifie', 'lettre_intention_en_preparation', 'rattachement_cpts_voisine'))
);
--> statement-breakpoint
CREATE TABLE "coverage_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"population" integer NOT NULL,
	"population_operating" integer NOT NULL,
	"population_project" integer NOT NULL,
	CONSTRAINT "coverage_snapshots_level_check" CHECK ("coverage_snapshots"."level" in ('france', 'region', 'departement')),
	CONSTRAINT "coverage_snapshots_reason_check" CHECK ("coverage_snapshots"."reason" in ('monthly', 'stage', 'territory', 'referential'))
);
--> statement-breakpoint
CREATE TABLE "cpts_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"author_id" text,
	"happened_on" date NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpts_stage_events" (
	"id" text PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"stage" text NOT NULL,
	"reached_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpts_stage_events_stage_check" CHECK ("cpts_stage_events"."stage" in ('initiative', 'lettre_intention', 'projet_depose', 'projet_valide', 'aci_signe', 'en_fonctionnement'))
);
--> statement-breakpoint
CREATE TABLE "cpts_territories" (
	"cpts_id" text NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "cpts_territories_cpts_id_commune_code_pk" PRIMARY KEY("cpts_id","commune_code")
);
--> statement-breakpoint
CREATE TABLE "partner_accounts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"organisation" text NOT NULL,
	"region_code" text NOT NULL,
	"departement_code" text,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_accounts_organisation_check" CHECK ("partner_accounts"."organisation" in ('ars', 'cpam', 'urps')),
	CONSTRAINT "partner_accounts_scope_check" CHECK (("partner_accounts"."organisation" <> 'cpam' or "partner_accounts"."departement_code" is not null) and ("partner_accounts"."organisation" <> 'urps' or "partner_accounts"."departement_code" is null))
);
--> statement-breakpoint
ALTER TABLE "cpts" DROP CONSTRAINT "cpts_stage_check";--> statement-breakpoint
ALTER TABLE "cpts" ADD COLUMN "facilitator_id" text;--> statement-breakpoint
ALTER TABLE "cpts" ADD COLUMN "partner_contacts" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "cpts" ADD COLUMN "close_support" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cpts" ADD COLUMN "close_support_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "geo_communes" ADD CONSTRAINT "geo_communes_departement_code_geo_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."geo_departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "geo_departements" ADD CONSTRAINT "geo_departements_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plan_communes" ADD CONSTRAINT "coverage_plan_communes_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plan_communes" ADD CONSTRAINT "coverage_plan_communes_commune_code_geo_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."geo_communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plan_log" ADD CONSTRAINT "coverage_plan_log_plan_id_coverage_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coverage_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plan_log" ADD CONSTRAINT "coverage_plan_log_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plans" ADD CONSTRAINT "coverage_plans_departement_code_geo_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."geo_departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plans" ADD CONSTRAINT "coverage_plans_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_plans" ADD CONSTRAINT "coverage_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_follow_ups" ADD CONSTRAINT "cpts_follow_ups_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_follow_ups" ADD CONSTRAINT "cpts_follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_stage_events" ADD CONSTRAINT "cpts_stage_events_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_stage_events" ADD CONSTRAINT "cpts_stage_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_territories" ADD CONSTRAINT "cpts_territories_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts_territories" ADD CONSTRAINT "cpts_territories_commune_code_geo_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."geo_communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_accounts" ADD CONSTRAINT "partner_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_accounts" ADD CONSTRAINT "partner_accounts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_accounts" ADD CONSTRAINT "partner_accounts_departement_code_geo_departements_code_fk" FOREIGN KEY ("departement_code") REFERENCES "public"."geo_departements"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "geo_communes_departement_idx" ON "geo_communes" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "geo_communes_epci_idx" ON "geo_communes" USING btree ("epci_code");--> statement-breakpoint
CREATE INDEX "geo_communes_name_idx" ON "geo_communes" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "geo_communes_postcodes_idx" ON "geo_communes" USING gin ("postcodes");--> statement-breakpoint
CREATE INDEX "geo_departements_region_idx" ON "geo_departements" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "coverage_plan_communes_commune_key" ON "coverage_plan_communes" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "coverage_plan_log_plan_idx" ON "coverage_plan_log" USING btree ("plan_id","happened_on");--> statement-breakpoint
CREATE INDEX "coverage_plans_departement_idx" ON "coverage_plans" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "coverage_snapshots_level_idx" ON "coverage_snapshots" USING btree ("level","code","taken_at");--> statement-breakpoint
CREATE INDEX "cpts_follow_ups_cpts_idx" ON "cpts_follow_ups" USING btree ("cpts_id","happened_on");--> statement-breakpoint
CREATE INDEX "cpts_stage_events_cpts_idx" ON "cpts_stage_events" USING btree ("cpts_id","reached_on");--> statement-breakpoint
CREATE INDEX "cpts_territories_commune_idx" ON "cpts_territories" USING btree ("commune_code");--> statement-breakpoint
ALTER TABLE "cpts" ADD CONSTRAINT "cpts_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpts" ADD CONSTRAINT "cpts_stage_check" CHECK ("cpts"."stage" in ('initiative', 'lettre_intention', 'projet_depose', 'projet_valide', 'aci_signe', 'en_fonctionnement'));