ALTER TABLE "cpts" ADD CONSTRAINT "cpts_population_max_check" CHECK ("cpts"."population" <= 3000000);--> statement-breakpoint
ALTER TABLE "cpts" ADD CONSTRAINT "cpts_slug_format_check" CHECK ("cpts"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');--> statement-breakpoint
ALTER TABLE "cpts" ADD CONSTRAINT "cpts_website_check" CHECK ("cpts"."website" is null or "cpts"."website" ~* '^https?://');