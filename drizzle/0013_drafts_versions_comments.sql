CREATE TABLE "draft_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_id" text NOT NULL,
	"parent_id" text,
	"author_id" text,
	"body" text NOT NULL,
	"anchor_start" "bytea",
	"anchor_end" "bytea",
	"quote" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_comments_body_check" CHECK (char_length("draft_comments"."body") between 1 and 4000),
	CONSTRAINT "draft_comments_reply_check" CHECK ("draft_comments"."parent_id" is null or ("draft_comments"."anchor_start" is null and "draft_comments"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "draft_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_id" text NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"status" text NOT NULL,
	"state" "bytea" NOT NULL,
	"state_vector" "bytea" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_versions_kind_check" CHECK ("draft_versions"."kind" in ('named', 'status', 'auto', 'restore')),
	CONSTRAINT "draft_versions_status_check" CHECK ("draft_versions"."status" in ('en_redaction', 'en_relecture', 'soumis_ars', 'valide', 'avenant')),
	CONSTRAINT "draft_versions_label_check" CHECK ("draft_versions"."label" is null or char_length("draft_versions"."label") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_comments" ADD CONSTRAINT "draft_comments_parent_id_draft_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."draft_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_versions" ADD CONSTRAINT "draft_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draft_comments_draft_idx" ON "draft_comments" USING btree ("draft_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "draft_versions_number_idx" ON "draft_versions" USING btree ("draft_id","number");