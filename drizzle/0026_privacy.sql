CREATE TABLE "data_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"storage_key" text,
	"size_bytes" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_exports_status_check" CHECK ("data_exports"."status" in ('pending', 'processing', 'ready', 'downloaded', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "retained_training_records" (
	"id" text PRIMARY KEY NOT NULL,
	"former_user_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"profession" text NOT NULL,
	"rpps" text,
	"session_id" text NOT NULL,
	"session" jsonb NOT NULL,
	"attendance" jsonb NOT NULL,
	"retained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"keep_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_user_idx" ON "data_exports" USING btree ("user_id","requested_at");--> statement-breakpoint
CREATE INDEX "retained_training_records_keep_until_idx" ON "retained_training_records" USING btree ("keep_until");