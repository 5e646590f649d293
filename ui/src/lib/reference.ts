import type { ReferenceSource } from "./bindings/ReferenceSource";

/** A reference service's name as a person reads it (as Rust's `ReferenceSource::service_name`). */
export const SERVICE_NAMES: Record<ReferenceSource, string> = { wikidata: "Wikidata", tmdb: "TMDB" };
