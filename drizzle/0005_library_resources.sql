CREATE TABLE "library_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"resource_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_attachments_media_type_check" CHECK ("library_attachments"."media_type" in ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.oasis.opendocument.text', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', 'image/jpeg')),
	CONSTRAINT "library_attachments_size_check" CHECK ("library_attachments"."size_bytes" > 0 and "library_attachments"."size_bytes" <= 20971520),
	CONSTRAINT "library_attachments_name_check" CHECK (length("library_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "library_bookmarks" (
	"resource_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_bookmarks_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "library_resources" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_source" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"natures" text[] DEFAULT '{}'::text[] NOT NULL,
	"size_bands" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"missions" text[] DEFAULT '{}'::text[] NOT NULL,
	"professions" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text,
	"profile" jsonb,
	"author_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"review_comment" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body_text, '')), 'C') || setweight(jsonb_to_tsvector('french_unaccent'::regconfig, coalesce(profile, '{}'::jsonb), '["string"]'), 'C')) STORED NOT NULL,
	CONSTRAINT "library_resources_kind_check" CHECK ("library_resources"."kind" in ('profil_type', 'bonne_pratique', 'outil_modele', 'retour_experience', 'analyse_litterature')),
	CONSTRAINT "library_resources_status_check" CHECK ("library_resources"."status" in ('draft', 'submitted', 'changes_requested', 'published', 'archived')),
	CONSTRAINT "library_resources_visibility_check" CHECK ("library_resources"."visibility" in ('public', 'members_only')),
	CONSTRAINT "library_resources_natures_check" CHECK ("library_resources"."natures" <@ array['rural', 'periurbain', 'urbain_dense', 'outre_mer']::text[]),
	CONSTRAINT "library_resources_missions_check" CHECK ("library_resources"."missions" <@ array['acces_soins', 'parcours', 'prevention', 'qualite_pertinence', 'accompagnement_professionnels', 'crises_sanitaires']::text[]),
	CONSTRAINT "library_resources_professions_check" CHECK ("library_resources"."professions" <@ array['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'chirurgien_dentiste', 'sage_femme', 'orthophoniste', 'pedicure_podologue', 'orthoptiste', 'psychologue', 'dieteticien', 'ergotherapeute', 'psychomotricien', 'biologiste', 'coordinateur_autre']::text[]),
	CONSTRAINT "library_resources_size_bands_check" CHECK ("library_resources"."size_bands" <@ '{1,2,3,4}'::smallint[]),
	CONSTRAINT "library_resources_slug_format_check" CHECK ("library_resources"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "library_resources_title_check" CHECK (length("library_resources"."title") between 1 and 200),
	CONSTRAINT "library_resources_summary_check" CHECK (length("library_resources"."summary") between 1 and 600),
	CONSTRAINT "library_resources_body_check" CHECK (length("library_resources"."body_source") <= 60000),
	CONSTRAINT "library_resources_profile_check" CHECK (("library_resources"."kind" = 'profil_type') = ("library_resources"."profile" is not null)),
	CONSTRAINT "library_resources_published_at_check" CHECK ("library_resources"."status" <> 'published' or "library_resources"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "library_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resource_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_source" text NOT NULL,
	"details" jsonb NOT NULL,
	"editor_id" text,
	"status_at_save" text NOT NULL,
	"restored_from" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_votes" (
	"resource_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "library_votes_resource_id_user_id_pk" PRIMARY KEY("resource_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "library_attachments" ADD CONSTRAINT "library_attachments_resource_id_library_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_attachments" ADD CONSTRAINT "library_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_bookmarks" ADD CONSTRAINT "library_bookmarks_resource_id_library_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_bookmarks" ADD CONSTRAINT "library_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_resources" ADD CONSTRAINT "library_resources_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_resources" ADD CONSTRAINT "library_resources_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_resources" ADD CONSTRAINT "library_resources_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_revisions" ADD CONSTRAINT "library_revisions_resource_id_library_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_revisions" ADD CONSTRAINT "library_revisions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_votes" ADD CONSTRAINT "library_votes_resource_id_library_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_votes" ADD CONSTRAINT "library_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "library_attachments_storage_key" ON "library_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "library_attachments_resource_idx" ON "library_attachments" USING btree ("resource_id","created_at");--> statement-breakpoint
CREATE INDEX "library_bookmarks_user_idx" ON "library_bookmarks" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "library_resources_slug_key" ON "library_resources" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "library_resources_search_idx" ON "library_resources" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "library_resources_natures_idx" ON "library_resources" USING gin ("natures");--> statement-breakpoint
CREATE INDEX "library_resources_missions_idx" ON "library_resources" USING gin ("missions");--> statement-breakpoint
CREATE INDEX "library_resources_professions_idx" ON "library_resources" USING gin ("professions");--> statement-breakpoint
CREATE INDEX "library_resources_published_idx" ON "library_resources" USING btree ("published_at" DESC NULLS LAST) WHERE "library_resources"."status" = 'published';--> statement-breakpoint
CREATE INDEX "library_resources_status_idx" ON "library_resources" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "library_resources_author_idx" ON "library_resources" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "library_revisions_resource_number_key" ON "library_revisions" USING btree ("resource_id","number");--> statement-breakpoint
CREATE INDEX "library_votes_user_idx" ON "library_votes" USING btree ("user_id");