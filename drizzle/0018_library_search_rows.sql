CREATE TABLE "library_search_rows" (
	"id" text PRIMARY KEY NOT NULL,
	"visibility" text NOT NULL,
	"facet_bits" integer NOT NULL,
	"profession_bits" integer NOT NULL,
	"region_code" text,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_search_vectors" (
	"id" text PRIMARY KEY NOT NULL,
	"visibility" text NOT NULL,
	"facet_bits" integer NOT NULL,
	"profession_bits" integer NOT NULL,
	"region_code" text,
	"search_vector" "tsvector" NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "library_search_rows" ADD CONSTRAINT "library_search_rows_id_library_resources_id_fk" FOREIGN KEY ("id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_search_vectors" ADD CONSTRAINT "library_search_vectors_id_library_resources_id_fk" FOREIGN KEY ("id") REFERENCES "public"."library_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_search_rows_search_idx" ON "library_search_rows" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "library_search_vectors_search_idx" ON "library_search_vectors" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "library_search_vectors_order_idx" ON "library_search_vectors" USING btree ("published_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "library_resources_head_idx" ON "library_resources" USING gin ("head_vector");