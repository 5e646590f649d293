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

    /// Where this shell's settings (the TMDB key, the offline switch) live.
    pub fn config_dir(&self) -> std::path::PathBuf {
        self.db.with_file_name("config")
    }

    /// `cinedex ARGS` with the network on, Wikidata at `wikidata` (a local stand-in), no TMDB key
    /// and the settings in [`Shell::config_dir`].
    pub fn online(&self, wikidata: &str, args: &[&str]) -> Command {
        let mut cmd = self.cmd(args);
        cmd.env("CINEDEX_CONFIG_DIR", self.config_dir())
            .env("CINEDEX_WIKIDATA_URL", wikidata)
            .env_remove("CINEDEX_OFFLINE")
            .env_remove("CINEDEX_TMDB_KEY");
        cmd
    }

    /// [`Shell::online`] with `--json`, which must succeed; its output parsed.
    pub fn online_json(&self, wikidata: &str, args: &[&str]) -> Value {
        json_of(&self.online(wikidata, args).arg("--json").assert().success())
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

/// What a command printed on standard output, as JSON.
pub fn json_of(output: &assert_cmd::assert::Assert) -> Value {
    serde_json::from_slice(&output.get_output().stdout).unwrap()
}

/// The one `error: ...` line a failed command printed on standard error.
pub fn one_error_line(output: &assert_cmd::assert::Assert) -> String {
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).to_string();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("error:"), "{stderr}");
    stderr
}
