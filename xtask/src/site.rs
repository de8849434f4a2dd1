//! The last step of every site build (a trunk `post_build` hook): what the
//! Content-Security-Policy in `index.html` and offline use need.
//!
//! - The loader trunk writes inline into `index.html` moves to a file of its
//!   own, so the policy can forbid inline scripts outright.
//! - `sw.js`, the service worker, is written from `web/sw.js` with the list
//!   of the build's files, so the site works offline after a first visit.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

const LOADER_OPEN: &str = "<script type=\"module\">";
const LOADER_CLOSE: &str = "</script>";

pub fn finish(root: &Path, site: &Path) -> Result<(), String> {
    let index_path = site.join("index.html");
    let index = read(&index_path)?;
    let index = move_loader(site, &index)?;
    std::fs::write(&index_path, &index).map_err(|e| format!("{}: {e}", index_path.display()))?;
    write_service_worker(root, site)
}

/// Replaces each inline module script with a script file holding the same code.
fn move_loader(site: &Path, index: &str) -> Result<String, String> {
    let mut out = String::with_capacity(index.len());
    let mut rest = index;
    while let Some(open) = rest.find(LOADER_OPEN) {
        let body_start = open + LOADER_OPEN.len();
        let close = rest[body_start..].find(LOADER_CLOSE).ok_or("index.html: an inline script is not closed")?;
        let body = &rest[body_start..body_start + close];
        let name = format!("start-{:016x}.js", fingerprint(body));
        std::fs::write(site.join(&name), body).map_err(|e| format!("{name}: {e}"))?;
        out.push_str(&rest[..open]);
        out.push_str(&format!("<script type=\"module\" src=\"./{name}\"></script>"));
        rest = &rest[body_start + close + LOADER_CLOSE.len()..];
    }
    out.push_str(rest);
    if out.contains("<script>") || out.contains("<script type=\"module\">") {
        return Err("index.html still holds an inline script, which the Content-Security-Policy would block".into());
    }
    Ok(out)
}

fn write_service_worker(root: &Path, site: &Path) -> Result<(), String> {
    let template = read(&root.join("web/sw.js"))?;
    let mut files = vec!["./".to_string()];
    let mut hasher = DefaultHasher::new();
    let mut entries: Vec<_> = std::fs::read_dir(site)
        .map_err(|e| format!("{}: {e}", site.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "sw.js")
        .collect();
    entries.sort();
    for name in entries {
        read_bytes(&site.join(&name))?.hash(&mut hasher);
        files.push(format!("./{name}"));
    }
    let list = format!("[{}]", files.iter().map(|f| format!("'{f}'")).collect::<Vec<_>>().join(", "));
    let worker = template.replace("__VERSION__", &format!("{:016x}", hasher.finish())).replace("__FILES__", &list);
    std::fs::write(site.join("sw.js"), worker).map_err(|e| format!("sw.js: {e}"))
}

fn fingerprint(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_moves_to_a_file_and_the_worker_lists_every_file() {
        let site = std::env::temp_dir().join(format!("rinse-site-test-{}", std::process::id()));
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("app_bg.wasm"), b"\0asm").unwrap();
        std::fs::write(
            site.join("index.html"),
            "<html><head><script type=\"module\">import init from './app.js';\nawait init();</script></head></html>",
        )
        .unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        finish(root, &site).unwrap();
        let index = std::fs::read_to_string(site.join("index.html")).unwrap();
        let src = index.split("src=\"./").nth(1).and_then(|s| s.split('"').next()).unwrap();
        assert!(src.starts_with("start-") && src.ends_with(".js"), "{index}");
        assert_eq!(std::fs::read_to_string(site.join(src)).unwrap(), "import init from './app.js';\nawait init();");
        let worker = std::fs::read_to_string(site.join("sw.js")).unwrap();
        for file in ["'./'", "'./index.html'", "'./app_bg.wasm'", &format!("'./{src}'")] {
            assert!(worker.contains(file), "{file} not cached by {worker}");
        }
        assert!(!worker.contains("__FILES__") && !worker.contains("__VERSION__"));
        std::fs::remove_dir_all(&site).unwrap();
    }
}
