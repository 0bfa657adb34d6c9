CREATE TABLE "dpc_action_resources" (
	"action_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dpc_action_resources_action_id_resource_id_pk" PRIMARY KEY("action_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "dpc_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"body_id" text NOT NULL,
	"title" text NOT NULL,
	"orientation" text NOT NULL,
	"method" text NOT NULL,
	"format" text NOT NULL,
	"professions" text[] NOT NULL,
	"interprofessional" boolean DEFAULT false NOT NULL,
	"missions" text[] DEFAULT '{}'::text[] NOT NULL,
	"objectives" text NOT NULL,
	"programme" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(orientation, '') || ' ' || coalesce(objectives, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(programme, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "dpc_actions_reference_check" CHECK ("dpc_actions"."reference" ~ '^[0-9]{11}$'),
	CONSTRAINT "dpc_actions_method_check" CHECK ("dpc_actions"."method" in ('formation_continue', 'evaluation_pratiques', 'gestion_risques', 'programme_integre')),
	CONSTRAINT "dpc_actions_format_check" CHECK ("dpc_actions"."format" in ('presentiel', 'non_presentiel', 'mixte')),
	CONSTRAINT "dpc_actions_professions_check" CHECK (cardinality("dpc_actions"."professions") > 0 and "dpc_actions"."professions" <@ array['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'chirurgien_dentiste', 'sage_femme', 'orthophoniste', 'pedicure_podologue', 'orthoptiste', 'psychologue', 'dieteticien', 'ergotherapeute', 'psychomotricien', 'biologiste', 'coordinateur_autre']::text[]),
	CONSTRAINT "dpc_actions_missions_check" CHECK ("dpc_actions"."missions" <@ array['acces_soins', 'parcours', 'prevention', 'qualite_pertinence', 'accompagnement_professionnels', 'crises_sanitaires']::text[]),
	CONSTRAINT "dpc_actions_title_check" CHECK (length("dpc_actions"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "dpc_attendance" (
	"registration_id" text NOT NULL,
	"part_id" text NOT NULL,
	"status" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_attendance_registration_id_part_id_pk" PRIMARY KEY("registration_id","part_id"),
	CONSTRAINT "dpc_attendance_status_check" CHECK ("dpc_attendance"."status" in ('present', 'absent', 'excuse', 'retard'))
);
--> statement-breakpoint
CREATE TABLE "dpc_bodies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_bodies_number_check" CHECK ("dpc_bodies"."registration_number" ~ '^[0-9]{4,6}$')
);
--> statement-breakpoint
CREATE TABLE "dpc_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"profession" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_registrations_status_check" CHECK ("dpc_registrations"."status" in ('registered', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "dpc_session_parts" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	CONSTRAINT "dpc_session_parts_range_check" CHECK ("dpc_session_parts"."ends_at" > "dpc_session_parts"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "dpc_session_trainers" (
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "dpc_session_trainers_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dpc_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"action_id" text NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"capacity" integer NOT NULL,
	"reserved_seats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"place" text,
	"video_url" text,
	"region_code" text,
	"registration_deadline" timestamp with time zone NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"forum_thread_id" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "dpc_sessions_status_check" CHECK ("dpc_sessions"."status" in ('draft', 'published', 'full', 'cancelled', 'completed')),
	CONSTRAINT "dpc_sessions_capacity_check" CHECK ("dpc_sessions"."capacity" between 1 and 500),
	CONSTRAINT "dpc_sessions_number_check" CHECK ("dpc_sessions"."number" >= 1),
	CONSTRAINT "dpc_sessions_range_check" CHECK ("dpc_sessions"."ends_at" > "dpc_sessions"."starts_at"),
	CONSTRAINT "dpc_sessions_where_check" CHECK ("dpc_sessions"."place" is not null or "dpc_sessions"."video_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "dpc_trainers" (
	"user_id" text PRIMARY KEY NOT NULL,
	"body_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dpc_action_resources" ADD CONSTRAINT "dpc_action_resources_action_id_dpc_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dpc_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_action_resources" ADD CONSTRAINT "dpc_action_resources_resource_id_library_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_actions" ADD CONSTRAINT "dpc_actions_body_id_dpc_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."dpc_bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_actions" ADD CONSTRAINT "dpc_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_attendance" ADD CONSTRAINT "dpc_attendance_registration_id_dpc_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."dpc_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_attendance" ADD CONSTRAINT "dpc_attendance_part_id_dpc_session_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."dpc_session_parts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_attendance" ADD CONSTRAINT "dpc_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_registrations" ADD CONSTRAINT "dpc_registrations_session_id_dpc_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dpc_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_registrations" ADD CONSTRAINT "dpc_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_session_parts" ADD CONSTRAINT "dpc_session_parts_session_id_dpc_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dpc_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_session_trainers" ADD CONSTRAINT "dpc_session_trainers_session_id_dpc_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dpc_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_session_trainers" ADD CONSTRAINT "dpc_session_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_sessions" ADD CONSTRAINT "dpc_sessions_action_id_dpc_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."dpc_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_sessions" ADD CONSTRAINT "dpc_sessions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_sessions" ADD CONSTRAINT "dpc_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_trainers" ADD CONSTRAINT "dpc_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_trainers" ADD CONSTRAINT "dpc_trainers_body_id_dpc_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."dpc_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_actions_reference_key" ON "dpc_actions" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "dpc_actions_body_idx" ON "dpc_actions" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "dpc_actions_search_idx" ON "dpc_actions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "dpc_actions_professions_idx" ON "dpc_actions" USING gin ("professions");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_bodies_number_key" ON "dpc_bodies" USING btree ("registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_registrations_session_user_key" ON "dpc_registrations" USING btree ("session_id","user_id");--> statement-breakpoint
CREATE INDEX "dpc_registrations_session_status_idx" ON "dpc_registrations" USING btree ("session_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "dpc_registrations_user_idx" ON "dpc_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_session_parts_position_key" ON "dpc_session_parts" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "dpc_session_parts_time_idx" ON "dpc_session_parts" USING btree ("starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "dpc_session_trainers_user_idx" ON "dpc_session_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_sessions_action_number_key" ON "dpc_sessions" USING btree ("action_id","number");--> statement-breakpoint
CREATE INDEX "dpc_sessions_catalogue_idx" ON "dpc_sessions" USING btree ("starts_at","id") WHERE "dpc_sessions"."status" in ('published', 'full');--> statement-breakpoint
CREATE INDEX "dpc_trainers_body_idx" ON "dpc_trainers" USING btree ("body_id");