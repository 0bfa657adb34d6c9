CREATE TABLE "dpc_declared_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"completed_on" date NOT NULL,
	"answers_priority" boolean DEFAULT false NOT NULL,
	"orientation_id" text,
	"body_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_declared_actions_method_check" CHECK ("dpc_declared_actions"."method" in ('formation_continue', 'evaluation_pratiques', 'gestion_risques', 'programme_integre')),
	CONSTRAINT "dpc_declared_actions_title_check" CHECK (length("dpc_declared_actions"."title") between 1 and 200),
	CONSTRAINT "dpc_declared_actions_body_check" CHECK (length("dpc_declared_actions"."body_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "dpc_obligation_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_obligation_periods_years_check" CHECK ("dpc_obligation_periods"."end_year" = "dpc_obligation_periods"."start_year" + 2)
);
--> statement-breakpoint
CREATE TABLE "dpc_priority_orientations" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"number" integer,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dpc_priority_orientations_title_check" CHECK (length("dpc_priority_orientations"."title") between 1 and 300)
);
--> statement-breakpoint
ALTER TABLE "dpc_actions" ADD COLUMN "andpc_funded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dpc_attendance" ADD COLUMN "minutes_attended" integer;--> statement-breakpoint
ALTER TABLE "dpc_declared_actions" ADD CONSTRAINT "dpc_declared_actions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_declared_actions" ADD CONSTRAINT "dpc_declared_actions_orientation_id_dpc_priority_orientations_id_fk" FOREIGN KEY ("orientation_id") REFERENCES "public"."dpc_priority_orientations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dpc_priority_orientations" ADD CONSTRAINT "dpc_priority_orientations_period_id_dpc_obligation_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."dpc_obligation_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dpc_declared_actions_user_idx" ON "dpc_declared_actions" USING btree ("user_id","completed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_obligation_periods_start_key" ON "dpc_obligation_periods" USING btree ("start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "dpc_priority_orientations_title_key" ON "dpc_priority_orientations" USING btree ("period_id","title");--> statement-breakpoint
ALTER TABLE "dpc_attendance" ADD CONSTRAINT "dpc_attendance_minutes_check" CHECK ("dpc_attendance"."minutes_attended" is null or "dpc_attendance"."minutes_attended" >= 0);--> statement-breakpoint
-- The periods are triennial (Code de la santé publique, art. L4021-1). 2023–2025 has its
-- orientations in the annex of the arrêté of 7 September 2022 (205 orientations; admins enter
-- those they need). 2026–2028 follows; its orientations are entered when their arrêté is published.
INSERT INTO "dpc_obligation_periods" ("id", "start_year", "end_year", "source") VALUES
	('dpc-period-2023', 2023, 2025, 'Code de la santé publique, art. L4021-1 (périodes triennales) ; orientations : arrêté du 7 septembre 2022 définissant les orientations pluriannuelles prioritaires de DPC pour les années 2023 à 2025'),
	('dpc-period-2026', 2026, 2028, 'Code de la santé publique, art. L4021-1 (périodes triennales)')
ON CONFLICT DO NOTHING;
