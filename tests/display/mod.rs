//! A private Xvfb display for the real-window tests and the start-up benchmark.
//!
//! Xvfb picks its own free display number (`-displayfd`) and clears the lock files of servers
//! that died, so stale `/tmp/.X*-lock` files left by earlier runs on the same machine cannot use
//! up the numbers. It is stopped with SIGTERM, which lets it remove its own lock and socket.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const START_WAIT: Duration = Duration::from_secs(15);
const STOP_WAIT: Duration = Duration::from_secs(5);

/// A running Xvfb server, stopped on drop (even when a test panics).
pub struct Display {
    server: Child,
    pub number: u32,
}

impl Display {
    /// Starts Xvfb on a 1280×800 screen, in its own process group so a Ctrl+C on the test run
    /// does not race our own shutdown of it.
    pub fn start() -> Display {
        let mut command = Command::new("Xvfb");
        command
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut server = command
            .spawn()
            .expect("Xvfb starts (make deps installs it)");
        let announced = server.stdout.take().map(|out| {
            let mut line = String::new();
            BufReader::new(out).read_line(&mut line).map(|_| line)
        });
        let number = match announced {
            Some(Ok(line)) => line.trim().parse::<u32>().ok(),
            _ => None,
        };
        let Some(number) = number else {
            let _ = server.kill();
            let _ = server.wait();
            panic!("Xvfb did not announce a display number on -displayfd");
        };
        let display = Display { server, number };
        let socket = format!("/tmp/.X11-unix/X{number}");
        let started = Instant::now();
        while !Path::new(&socket).exists() {
            assert!(started.elapsed() < START_WAIT, "Xvfb :{number} is not up");
            std::thread::sleep(Duration::from_millis(20));
        }
        display
    }

    /// The value for `DISPLAY`.
    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let pid = self.server.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let asked = Instant::now();
        while asked.elapsed() < STOP_WAIT {
            if let Ok(Some(_)) = self.server.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
