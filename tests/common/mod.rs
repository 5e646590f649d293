//! Shared by the command-line tests: a temporary catalog and the `cinedex` binary run on it.
// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Shell {
    _dir: TempDir,
    pub db: std::path::PathBuf,
}

impl Shell {
    pub fn new() -> Shell {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("catalog.sqlite");
        Shell { _dir: dir, db }
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("cinedex").unwrap();
        // No test reaches the internet: the ones that look films up point the CLI at a local
        // server and lift this.
        cmd.env_remove("CINEDEX_DB")
            .env("CINEDEX_OFFLINE", "1")
            .arg("--db")
            .arg(&self.db)
            .args(args);
        cmd
    }

    pub fn json(&self, args: &[&str]) -> Value {
        let output = self
            .cmd(args)
            .arg("--json")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&output)
            .unwrap_or_else(|e| panic!("{args:?} printed invalid JSON: {e}"))
    }

    pub fn film_count(&self) -> usize {
        self.json(&["list"]).as_array().unwrap().len()
    }
}

pub fn innocence(shell: &Shell) -> Value {
    shell.json(&[
        "add",
        "--title",
        "Ghost in the Shell 2: Innocence",
        "--original-title",
        "イノセンス",
        "--year",
        "2004",
        "--director",
        "Mamoru Oshii",
        "--director",
        "Kazunori Itō",
        "--theme",
        "cyberpunk",
        "--theme",
        "identity",
        "--theme",
        "dolls",
    ])
}
