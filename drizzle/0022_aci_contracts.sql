CREATE TABLE "aci_contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"signed_on" date NOT NULL,
	"ends_on" date GENERATED ALWAYS AS ((signed_on + interval '5 years' - interval '1 day')::date) STORED NOT NULL,
	"signatory_cpts" text NOT NULL,
	"signatory_cpam" text NOT NULL,
	"signatory_ars" text NOT NULL,
	"optional_missions" text[] DEFAULT '{}'::text[] NOT NULL,
	"operating_envelope_cents" bigint,
	"document_key" text,
	"document_name" text,
	"document_bytes" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aci_contracts_optional_check" CHECK ("aci_contracts"."optional_missions" <@ array['qualite_pertinence', 'accompagnement_professionnels']::text[]),
	CONSTRAINT "aci_contracts_envelope_check" CHECK ("aci_contracts"."operating_envelope_cents" is null or "aci_contracts"."operating_envelope_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "aci_dialogue_reminders" (
	"cpts_id" text NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aci_dialogue_reminders_cpts_id_period_pk" PRIMARY KEY("cpts_id","period")
);
--> statement-breakpoint
CREATE TABLE "aci_dialogues" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"year" integer NOT NULL,
	"held_on" date NOT NULL,
	"participants_cpts" text NOT NULL,
	"participants_cpam" text NOT NULL,
	"participants_ars" text NOT NULL,
	"review" jsonb NOT NULL,
	"conclusions" text DEFAULT '' NOT NULL,
	"next_objectives" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aci_indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"mission" text NOT NULL,
	"year" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"target" numeric(14, 2),
	"achieved" numeric(14, 2),
	"done" boolean,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aci_indicators_mission_check" CHECK ("aci_indicators"."mission" in ('acces_soins', 'parcours', 'prevention', 'qualite_pertinence', 'accompagnement_professionnels', 'crises_sanitaires')),
	CONSTRAINT "aci_indicators_kind_check" CHECK ("aci_indicators"."kind" in ('nombre', 'realise')),
	CONSTRAINT "aci_indicators_values_check" CHECK (coalesce("aci_indicators"."target", 0) >= 0 and coalesce("aci_indicators"."achieved", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "aci_mission_years" (
	"contract_id" text NOT NULL,
	"mission" text NOT NULL,
	"year" integer NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'a_engager' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"fixed_cents" bigint,
	"variable_cents" bigint,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aci_mission_years_contract_id_mission_year_pk" PRIMARY KEY("contract_id","mission","year"),
	CONSTRAINT "aci_mission_years_mission_check" CHECK ("aci_mission_years"."mission" in ('acces_soins', 'parcours', 'prevention', 'qualite_pertinence', 'accompagnement_professionnels', 'crises_sanitaires')),
	CONSTRAINT "aci_mission_years_status_check" CHECK ("aci_mission_years"."status" in ('a_engager', 'en_cours', 'realisee', 'reportee')),
	CONSTRAINT "aci_mission_years_amounts_check" CHECK (coalesce("aci_mission_years"."fixed_cents", 0) >= 0 and coalesce("aci_mission_years"."variable_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "aci_contracts" ADD CONSTRAINT "aci_contracts_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_contracts" ADD CONSTRAINT "aci_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_dialogue_reminders" ADD CONSTRAINT "aci_dialogue_reminders_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_dialogues" ADD CONSTRAINT "aci_dialogues_contract_id_aci_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."aci_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_dialogues" ADD CONSTRAINT "aci_dialogues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_indicators" ADD CONSTRAINT "aci_indicators_contract_id_aci_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."aci_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_mission_years" ADD CONSTRAINT "aci_mission_years_contract_id_aci_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."aci_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aci_mission_years" ADD CONSTRAINT "aci_mission_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aci_contracts_cpts_key" ON "aci_contracts" USING btree ("cpts_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aci_dialogues_year_key" ON "aci_dialogues" USING btree ("contract_id","year");--> statement-breakpoint
CREATE INDEX "aci_dialogues_held_idx" ON "aci_dialogues" USING btree ("contract_id","held_on");--> statement-breakpoint
CREATE INDEX "aci_indicators_contract_idx" ON "aci_indicators" USING btree ("contract_id","year","mission","position");