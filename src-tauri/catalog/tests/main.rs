//! The core's integration tests, one binary for them all: each file of this folder is a module
//! (films, search, import, backups, lookup, completion, ...), the support modules beside them are
//! shared, and a test is named as the sentence it checks. One binary links the core once instead
//! of once per file.

mod backup_support;
mod completion_model_support;
mod completion_support;
mod fixtures;
mod reference_support;
mod search_support;

mod annotations;
mod article_facts;
mod article_files;
mod articles;
mod articles_plain;
mod backup_model;
mod backups;
mod backups_restore;
mod bindings;
mod canon;
mod completion;
mod completion_faults;
mod completion_model;
mod derived_schema;
mod export;
mod export_canon;
mod export_highlights;
mod film_facts;
mod films;
mod highlights;
mod hostile_files;
mod hostile_html;
mod hostile_import;
mod hostile_search;
mod hostile_tellico_markdown;
mod import;
mod import_bad_input;
mod import_index;
mod import_letterboxd_sources;
mod import_separators;
mod import_spreadsheets;
mod library;
mod lists_editing;
mod lists_from_files;
mod migration_checksums;
mod module_graph;
mod people;
mod posters;
mod ratings;
mod recovery;
mod reference;
mod reference_faults;
mod reference_posters;
mod reference_quick;
mod reference_settings;
mod refresh;
mod reviews;
mod search;
mod search_index;
mod search_lists;
mod search_scripts;
mod stats;
mod storage;
mod upgrades;
mod viewings;
mod year_review;
