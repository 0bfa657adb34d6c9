CREATE TABLE "outbox_jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "outbox_jobs_status_check" CHECK ("outbox_jobs"."status" in ('pending', 'processing', 'delivered', 'failed')),
	CONSTRAINT "outbox_jobs_attempts_check" CHECK ("outbox_jobs"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "outbox_jobs_due_idx" ON "outbox_jobs" USING btree ("next_attempt_at","id") WHERE "outbox_jobs"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "outbox_jobs_created_idx" ON "outbox_jobs" USING btree ("created_at");--> statement-breakpoint
-- Wakes the outbox workers when rows are written. NOTIFY inside a transaction is delivered
-- at its commit (and dropped on rollback), so a worker never looks before the rows are
-- visible; one notification per statement, whatever the number of rows.
CREATE FUNCTION "outbox_jobs_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('outbox_jobs', '');
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "outbox_jobs_on_insert" AFTER INSERT ON "outbox_jobs" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_jobs_notify"();
