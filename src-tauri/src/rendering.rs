//! How the webview paints. WebKitGTK composites pages with OpenGL; on a machine without a GPU
//! (a virtual machine, a remote desktop, a headless display) that OpenGL is a software
//! rasterizer, and compositing through it is slower than WebKit's plain CPU painting: measured
//! here, the library's first frame came about twice as late and the process tree used more
//! memory. Without a GPU render node, the window therefore asks WebKit for CPU painting.

use std::path::Path;

/// WebKitGTK's own switch; a value the person set is left as it is.
const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Call before the window (and any thread) starts: it sets an environment variable.
pub fn prefer_cpu_painting_without_gpu() {
    if std::env::var_os(DISABLE_COMPOSITING).is_none()
        && !has_gpu_render_node(Path::new("/dev/dri"))
    {
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
}

/// Whether `dri` holds a render node (`renderD128`, …), which is what a GPU driver provides.
fn has_gpu_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_node_means_a_gpu() {
        let dri = tempfile::tempdir().expect("temp dir");
        assert!(!has_gpu_render_node(dri.path()));
        std::fs::write(dri.path().join("card0"), "").expect("card");
        assert!(!has_gpu_render_node(dri.path()));
        std::fs::write(dri.path().join("renderD128"), "").expect("node");
        assert!(has_gpu_render_node(dri.path()));
        assert!(!has_gpu_render_node(&dri.path().join("missing")));
    }
}
