//! The IPC commands the webview may call (each also listed in build.rs's allowlist). Each one
//! only hands its arguments to the catalog core on a worker thread and returns what it gives.

pub mod annotations;
pub mod articles;
pub mod catalog;
pub mod completion;
pub mod films;
pub mod highlights;
pub mod imports;
pub mod lists;
pub mod lookup;
pub mod people;
pub mod posters;
pub mod reviews;
pub mod safety;
pub mod search;
pub mod stats;
pub mod viewings;
pub mod year;
