//! Where settings live outside the page: the browser's storage, share
//! links (`#config=…`, settings only, never the text) and JSON files, all in
//! the one format the command line reads with `--config`.

use rinse_core::Config;

const STORAGE_KEY: &str = "rinse.config";
const LINK_PREFIX: &str = "#config=";

/// The settings to start with: a share link's, else the saved ones, else the defaults.
pub fn initial() -> Config {
    from_link().or_else(saved).unwrap_or_default()
}

/// Reads settings JSON as the command line does; the error names the field.
pub fn parse(json: &str) -> Result<Config, String> {
    let config: Config = serde_json::from_str(json).map_err(|e| format!("settings are not valid: {e}"))?;
    config.plan().map_err(|e| e.to_string())?;
    Ok(config)
}

pub fn to_json(config: &Config) -> String {
    serde_json::to_string_pretty(config).unwrap_or_default()
}

pub fn save(config: &Config) {
    if let Some(storage) = storage() {
        // A full or disabled storage only means the settings are not remembered.
        let _ = storage.set_item(STORAGE_KEY, &serde_json::to_string(config).unwrap_or_default());
    }
}

/// A link to this page that carries the settings.
pub fn share_link(config: &Config) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = location.href().ok()?;
    let base = base.split('#').next().unwrap_or_default();
    let json = serde_json::to_string(config).ok()?;
    Some(format!("{base}{LINK_PREFIX}{}", String::from(js_sys::encode_uri_component(&json))))
}

fn from_link() -> Option<Config> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(LINK_PREFIX)?;
    let json = js_sys::decode_uri_component(encoded).ok()?;
    parse(&String::from(json)).ok()
}

fn saved() -> Option<Config> {
    parse(&storage()?.get_item(STORAGE_KEY).ok()??).ok()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
