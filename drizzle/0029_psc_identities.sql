CREATE TABLE "psc_auth_requests" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"purpose" text NOT NULL,
	"user_id" text,
	"redirect_to" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "psc_auth_requests_purpose_check" CHECK ("psc_auth_requests"."purpose" in ('sign_in', 'link')),
	CONSTRAINT "psc_auth_requests_link_user_check" CHECK ("psc_auth_requests"."purpose" <> 'link' or "psc_auth_requests"."user_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "psc_identities" (
	"user_id" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"national_id" text,
	"rpps" text,
	"profession_code" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "psc_identities_rpps_check" CHECK ("psc_identities"."rpps" is null or "psc_identities"."rpps" ~ '^[0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "psc_pending_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"identity" jsonb NOT NULL,
	"redirect_to" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "psc_auth_requests" ADD CONSTRAINT "psc_auth_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psc_identities" ADD CONSTRAINT "psc_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psc_pending_links" ADD CONSTRAINT "psc_pending_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "psc_auth_requests_expires_idx" ON "psc_auth_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "psc_identities_subject_key" ON "psc_identities" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "psc_pending_links_user_idx" ON "psc_pending_links" USING btree ("user_id");