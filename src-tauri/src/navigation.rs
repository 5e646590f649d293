//! The window's navigation guard: only the app's own pages ever load in its window. A link in a
//! review or an imported article, a script or a form that tries to take the window to another page
//! is refused; links a person clicks reach the system browser through the `open_link` command
//! (the UI routes every rendered link there), never through the window itself.

use tauri::{Manager, Runtime, Url};

/// The plugin that holds the guard. A plugin's hook applies to every webview the app creates,
/// whether made from the configuration or in code.
pub fn guard<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|webview, url| {
            let dev_server = webview.config().build.dev_url.clone();
            let allowed = WindowOrigins::for_this_build(dev_server.as_ref()).allow(url);
            if !allowed {
                // Refused, not forwarded: a navigation that reaches this point was not a click the
                // UI handed to `open_link` (a script, a form, a refresh), so no browser opens.
                eprintln!("warning: the window refused to load {url}");
            }
            allowed
        })
        .build()
}

/// The origins whose pages may load in the app's window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowOrigins {
    origins: Vec<Origin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: Option<u16>,
}

impl Origin {
    fn of(url: &Url) -> Option<Origin> {
        Some(Origin {
            scheme: url.scheme().to_owned(),
            host: url.host_str()?.to_ascii_lowercase(),
            port: url.port_or_known_default(),
        })
    }
}

impl WindowOrigins {
    /// The app's own origin as this platform's webview serves it, and the dev server's, in a
    /// development build only (a release build never loads from the network).
    pub fn for_this_build(dev_server: Option<&Url>) -> WindowOrigins {
        Self::new(cfg!(windows), dev_server.filter(|_| tauri::is_dev()))
    }

    /// The origins for a webview that serves the app as `http(s)://tauri.localhost` (Windows and
    /// Android) or as `tauri://localhost` (Linux and macOS), plus `dev_server` when given.
    pub fn new(served_over_http: bool, dev_server: Option<&Url>) -> WindowOrigins {
        let app_origin = |scheme: &str, host: &str| Origin {
            scheme: scheme.to_owned(),
            host: host.to_owned(),
            port: None,
        };
        let mut origins = if served_over_http {
            vec![
                Origin {
                    port: Some(80),
                    ..app_origin("http", "tauri.localhost")
                },
                Origin {
                    port: Some(443),
                    ..app_origin("https", "tauri.localhost")
                },
            ]
        } else {
            vec![app_origin("tauri", "localhost")]
        };
        origins.extend(dev_server.and_then(Origin::of));
        WindowOrigins { origins }
    }

    /// Whether `url` may load in the window: its scheme, host and port are one of the origins.
    pub fn allow(&self, url: &Url) -> bool {
        Origin::of(url).is_some_and(|origin| self.origins.contains(&origin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        text.parse().unwrap()
    }

    fn release_on_linux() -> WindowOrigins {
        WindowOrigins::new(false, None)
    }

    #[test]
    fn the_apps_own_pages_load_in_the_window() {
        let origins = release_on_linux();
        for own in [
            "tauri://localhost",
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "tauri://localhost/bare.html#start",
            "tauri://LOCALHOST/",
        ] {
            assert!(origins.allow(&url(own)), "{own} is the app's own page");
        }
    }

    #[test]
    fn remote_pages_and_other_schemes_are_refused() {
        let origins = release_on_linux();
        for foreign in [
            "https://example.invalid/",
            "http://example.invalid/tauri://localhost",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "about:blank",
            "tauri://localhost.example.invalid/",
            "tauri://evil/",
            "tauri://localhost:8080/",
            "ipc://localhost/open_link",
            "poster://localhost/a.jpg",
            "http://localhost/",
            "http://localhost:1420/",
            // Another platform's form of the app's origin is a plain local web server here.
            "http://tauri.localhost/",
            "https://tauri.localhost/",
        ] {
            assert!(!origins.allow(&url(foreign)), "{foreign} must not load");
        }
    }

    #[test]
    fn a_webview_serving_the_app_over_http_allows_only_tauri_localhost() {
        let origins = WindowOrigins::new(true, None);
        assert!(origins.allow(&url("http://tauri.localhost/index.html")));
        assert!(origins.allow(&url("https://tauri.localhost/")));
        assert!(!origins.allow(&url("http://tauri.localhost:8080/")));
        assert!(!origins.allow(&url("http://tauri.localhost.example.invalid/")));
        assert!(!origins.allow(&url("tauri://localhost/")));
        assert!(!origins.allow(&url("https://example.invalid/")));
    }

    #[test]
    fn the_dev_server_loads_only_from_its_own_port() {
        let dev = url("http://localhost:1420");
        let origins = WindowOrigins::new(false, Some(&dev));
        assert!(origins.allow(&url("http://localhost:1420/")));
        assert!(origins.allow(&url("http://localhost:1420/src/main.ts?t=1")));
        assert!(origins.allow(&url("tauri://localhost/")));
        assert!(!origins.allow(&url("http://localhost:1421/")));
        assert!(!origins.allow(&url("https://localhost:1420/")));
        assert!(!origins.allow(&url("http://127.0.0.1:1420/")));
        assert!(!origins.allow(&url("https://example.invalid/")));
    }

    #[test]
    fn the_dev_server_is_allowed_only_in_a_development_build() {
        let dev = url("http://localhost:1420");
        let origins = WindowOrigins::for_this_build(Some(&dev));
        assert_eq!(
            origins.allow(&url("http://localhost:1420/")),
            tauri::is_dev()
        );
    }
}
