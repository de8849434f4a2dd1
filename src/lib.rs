//! The rinse page: paste or drop scraped text, see it cleaned with every
//! change explained. All cleaning runs here, in the browser.

mod app;
mod components;
mod download;
pub mod file_job;
mod files;
pub mod job;
mod model;
mod offline;
mod settings;
pub mod worker;

pub use app::App;
pub use model::Session;
pub use offline::register_service_worker;
