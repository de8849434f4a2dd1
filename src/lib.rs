//! The rinse page: paste or drop scraped text, see it cleaned with every
//! change explained. All cleaning runs here, in the browser.

mod app;
mod components;
mod model;

pub use app::App;
pub use model::Session;
