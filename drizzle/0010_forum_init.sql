CREATE TABLE "forum_bookmarks" (
	"post_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_bookmarks_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "forum_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"mission" text,
	"region_code" text,
	"cpts_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"thread_count" integer DEFAULT 0 NOT NULL,
	"post_count" integer DEFAULT 0 NOT NULL,
	"last_post_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_categories_kind_check" CHECK ("forum_categories"."kind" in ('mission', 'region', 'cpts', 'general')),
	CONSTRAINT "forum_categories_mission_check" CHECK ("forum_categories"."mission" is null or "forum_categories"."mission" in ('acces_soins', 'parcours', 'prevention', 'qualite_pertinence', 'accompagnement_professionnels', 'crises_sanitaires')),
	CONSTRAINT "forum_categories_private_check" CHECK (("forum_categories"."kind" = 'cpts') = ("forum_categories"."cpts_id" is not null)),
	CONSTRAINT "forum_categories_slug_format_check" CHECK ("forum_categories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "forum_categories_name_check" CHECK (length("forum_categories"."name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "forum_category_watches" (
	"user_id" text NOT NULL,
	"category_id" text NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "forum_category_watches_user_id_category_id_pk" PRIMARY KEY("user_id","category_id"),
	CONSTRAINT "forum_category_watches_level_check" CHECK ("forum_category_watches"."level" in ('watching', 'tracking', 'normal', 'muted'))
);
--> statement-breakpoint
CREATE TABLE "forum_exchange_registrations" (
	"exchange_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_exchange_registrations_exchange_id_user_id_pk" PRIMARY KEY("exchange_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "forum_exchanges" (
	"id" text PRIMARY KEY NOT NULL,
	"thread_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text,
	"video_url" text,
	"agenda" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"minutes_post_id" bigint,
	"reminder_sent_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_exchanges_duration_check" CHECK ("forum_exchanges"."duration_minutes" between 15 and 720),
	CONSTRAINT "forum_exchanges_capacity_check" CHECK ("forum_exchanges"."capacity" between 1 and 1000),
	CONSTRAINT "forum_exchanges_where_check" CHECK ("forum_exchanges"."place" is not null or "forum_exchanges"."video_url" is not null),
	CONSTRAINT "forum_exchanges_video_check" CHECK ("forum_exchanges"."video_url" is null or "forum_exchanges"."video_url" ~* '^https://')
);
--> statement-breakpoint
CREATE TABLE "forum_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" bigint NOT NULL,
	"reporter_id" text,
	"reason" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_flags_reason_check" CHECK ("forum_flags"."reason" in ('inappropriate', 'off_topic', 'spam', 'confidential', 'other')),
	CONSTRAINT "forum_flags_status_check" CHECK ("forum_flags"."status" in ('open', 'hidden', 'dismissed')),
	CONSTRAINT "forum_flags_comment_check" CHECK (length("forum_flags"."comment") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "forum_post_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"post_id" bigint NOT NULL,
	"number" integer NOT NULL,
	"body_source" text NOT NULL,
	"body_html" text NOT NULL,
	"author_id" text,
	"written_at" timestamp with time zone NOT NULL,
	"replaced_by" text,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_posts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"thread_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"author_id" text,
	"body_source" text NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"merci_count" integer DEFAULT 0 NOT NULL,
	"utile_count" integer DEFAULT 0 NOT NULL,
	"edit_count" integer DEFAULT 0 NOT NULL,
	"edited_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(body_text, '')), 'B')) STORED NOT NULL,
	CONSTRAINT "forum_posts_position_check" CHECK ("forum_posts"."position" >= 1),
	CONSTRAINT "forum_posts_body_check" CHECK (length("forum_posts"."body_source") between 1 and 50000),
	CONSTRAINT "forum_posts_counts_check" CHECK ("forum_posts"."merci_count" >= 0 and "forum_posts"."utile_count" >= 0 and "forum_posts"."edit_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "forum_reactions" (
	"post_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_reactions_post_id_user_id_kind_pk" PRIMARY KEY("post_id","user_id","kind"),
	CONSTRAINT "forum_reactions_kind_check" CHECK ("forum_reactions"."kind" in ('merci', 'utile'))
);
--> statement-breakpoint
CREATE TABLE "forum_read_positions" (
	"user_id" text NOT NULL,
	"thread_id" bigint NOT NULL,
	"last_read_position" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_read_positions_user_id_thread_id_pk" PRIMARY KEY("user_id","thread_id")
);
--> statement-breakpoint
CREATE TABLE "forum_thread_watches" (
	"user_id" text NOT NULL,
	"thread_id" bigint NOT NULL,
	"level" text NOT NULL,
	CONSTRAINT "forum_thread_watches_user_id_thread_id_pk" PRIMARY KEY("user_id","thread_id"),
	CONSTRAINT "forum_thread_watches_level_check" CHECK ("forum_thread_watches"."level" in ('watching', 'tracking', 'normal', 'muted'))
);
--> statement-breakpoint
CREATE TABLE "forum_threads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"category_id" text NOT NULL,
	"author_id" text,
	"title" text NOT NULL,
	"natures" text[] DEFAULT '{}'::text[] NOT NULL,
	"professions" text[] DEFAULT '{}'::text[] NOT NULL,
	"post_count" integer DEFAULT 0 NOT NULL,
	"reaction_count" integer DEFAULT 0 NOT NULL,
	"accepted_post_id" bigint,
	"accepted_by" text,
	"pinned_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"external_key" text,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_poster_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(title, '')), 'A')) STORED NOT NULL,
	CONSTRAINT "forum_threads_title_check" CHECK (length("forum_threads"."title") between 1 and 200),
	CONSTRAINT "forum_threads_natures_check" CHECK ("forum_threads"."natures" <@ array['rural', 'periurbain', 'urbain_dense', 'outre_mer']::text[]),
	CONSTRAINT "forum_threads_professions_check" CHECK ("forum_threads"."professions" <@ array['medecin_generaliste', 'medecin_specialiste', 'infirmier', 'pharmacien', 'masseur_kinesitherapeute', 'chirurgien_dentiste', 'sage_femme', 'orthophoniste', 'pedicure_podologue', 'orthoptiste', 'psychologue', 'dieteticien', 'ergotherapeute', 'psychomotricien', 'biologiste', 'coordinateur_autre']::text[]),
	CONSTRAINT "forum_threads_counts_check" CHECK ("forum_threads"."post_count" >= 0 and "forum_threads"."reaction_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "forum_bookmarks" ADD CONSTRAINT "forum_bookmarks_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_bookmarks" ADD CONSTRAINT "forum_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_categories" ADD CONSTRAINT "forum_categories_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_categories" ADD CONSTRAINT "forum_categories_cpts_id_cpts_id_fk" FOREIGN KEY ("cpts_id") REFERENCES "public"."cpts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_category_watches" ADD CONSTRAINT "forum_category_watches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_category_watches" ADD CONSTRAINT "forum_category_watches_category_id_forum_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."forum_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_exchange_registrations" ADD CONSTRAINT "forum_exchange_registrations_exchange_id_forum_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."forum_exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_exchange_registrations" ADD CONSTRAINT "forum_exchange_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_exchanges" ADD CONSTRAINT "forum_exchanges_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_exchanges" ADD CONSTRAINT "forum_exchanges_minutes_post_id_forum_posts_id_fk" FOREIGN KEY ("minutes_post_id") REFERENCES "public"."forum_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_exchanges" ADD CONSTRAINT "forum_exchanges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revisions" ADD CONSTRAINT "forum_post_revisions_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revisions" ADD CONSTRAINT "forum_post_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post_revisions" ADD CONSTRAINT "forum_post_revisions_replaced_by_users_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reactions" ADD CONSTRAINT "forum_reactions_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_reactions" ADD CONSTRAINT "forum_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_read_positions" ADD CONSTRAINT "forum_read_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_read_positions" ADD CONSTRAINT "forum_read_positions_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_watches" ADD CONSTRAINT "forum_thread_watches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread_watches" ADD CONSTRAINT "forum_thread_watches_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_category_id_forum_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."forum_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_accepted_post_id_forum_posts_id_fk" FOREIGN KEY ("accepted_post_id") REFERENCES "public"."forum_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_last_poster_id_users_id_fk" FOREIGN KEY ("last_poster_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_bookmarks_user_idx" ON "forum_bookmarks" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_categories_slug_key" ON "forum_categories" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_categories_cpts_key" ON "forum_categories" USING btree ("cpts_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_categories_mission_key" ON "forum_categories" USING btree ("mission");--> statement-breakpoint
CREATE INDEX "forum_category_watches_category_idx" ON "forum_category_watches" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "forum_exchange_registrations_user_idx" ON "forum_exchange_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_exchanges_thread_key" ON "forum_exchanges" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_exchanges_starts_idx" ON "forum_exchanges" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_flags_open_key" ON "forum_flags" USING btree ("post_id","reporter_id") WHERE "forum_flags"."status" = 'open';--> statement-breakpoint
CREATE INDEX "forum_flags_queue_idx" ON "forum_flags" USING btree ("created_at") WHERE "forum_flags"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "forum_post_revisions_post_number_key" ON "forum_post_revisions" USING btree ("post_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_posts_thread_position_key" ON "forum_posts" USING btree ("thread_id","position");--> statement-breakpoint
CREATE INDEX "forum_posts_search_idx" ON "forum_posts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "forum_posts_author_idx" ON "forum_posts" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_read_positions_thread_idx" ON "forum_read_positions" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_thread_watches_thread_idx" ON "forum_thread_watches" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "forum_threads_latest_idx" ON "forum_threads" USING btree ("category_id","last_post_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "forum_threads_top_idx" ON "forum_threads" USING btree ("category_id","reaction_count" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "forum_threads"."hidden_at" is null and "forum_threads"."pinned_at" is null;--> statement-breakpoint
CREATE INDEX "forum_threads_pinned_idx" ON "forum_threads" USING btree ("category_id","pinned_at") WHERE "forum_threads"."pinned_at" is not null;--> statement-breakpoint
CREATE INDEX "forum_threads_title_search_idx" ON "forum_threads" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "forum_threads_author_idx" ON "forum_threads" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_threads_external_key" ON "forum_threads" USING btree ("external_key");