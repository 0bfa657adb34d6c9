CREATE TABLE "draft_reviewers" (
	"draft_id" text NOT NULL,
	"user_id" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_reviewers_draft_id_user_id_pk" PRIMARY KEY("draft_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"cpts_id" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'en_redaction' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drafts_status_check" CHECK ("drafts"."status" in ('en_redaction', 'en_relecture', 'soumis_ars', 'valide', 'avenant')),
	CONSTRAINT "drafts_title_check" CHECK (char_length("drafts"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "yjs_documents" (
	"name" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"compacted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "yjs_documents_version_check" CHECK ("yjs_documents"."version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "yjs_updates" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"update" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draft_reviewers" ADD CONSTRAINT "draft_reviewers_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_reviewers" ADD CONSTRAINT "draft_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_reviewers" ADD CONSTRAINT "draft_reviewers_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draft_reviewers_user_idx" ON "draft_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "drafts_cpts_idx" ON "drafts" USING btree ("cpts_id","created_at");--> statement-breakpoint
CREATE INDEX "yjs_updates_name_seq_idx" ON "yjs_updates" USING btree ("name","seq");