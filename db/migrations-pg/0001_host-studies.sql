CREATE TABLE "host_studies" (
	"dataset_id" integer NOT NULL,
	"host_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"reference" text NOT NULL,
	"runtimes_json" text NOT NULL,
	"studies_json" text
);
--> statement-breakpoint
ALTER TABLE "host_studies" ADD CONSTRAINT "host_studies_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_studies" ADD CONSTRAINT "host_studies_host_id_hosts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."hosts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_studies" ADD CONSTRAINT "host_studies_reference_runtimes_id_fk" FOREIGN KEY ("reference") REFERENCES "public"."runtimes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "host_studies_key" ON "host_studies" USING btree ("dataset_id","host_id","fingerprint","reference");