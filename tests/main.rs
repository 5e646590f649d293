//! The app's integration tests, one binary for them all: the command line end to end (`cli*`),
//! the IPC commands on Tauri's mock runtime (`commands`, `ipc_surface`), and the ignored ones
//! `make test` runs by name — the real-window tests (`e2e_*`), the crash tests (`crash::`) and
//! the package test (`package::`). One binary links the app and Tauri once instead of per file.

mod common;
mod e2e;
mod reference_standin;

mod cli;
mod cli_article_url;
mod cli_canon;
mod cli_complete;
mod cli_facts;
mod cli_highlights;
mod cli_import;
mod cli_library;
mod cli_lookup;
mod cli_people;
mod cli_refresh;
mod cli_safety;
mod cli_search;
mod cli_writing;
mod cli_year;
mod commands;
mod crash;
mod e2e_complete;
mod e2e_desktop;
mod e2e_highlights;
mod e2e_links;
mod e2e_lists;
mod e2e_lookup;
mod e2e_people;
mod e2e_safety;
mod e2e_search_import;
mod e2e_window;
mod e2e_year;
mod ipc_surface;
mod package;
