//! The web worker that cleans large inputs away from the page's thread.

fn main() {
    console_error_panic_hook::set_once();
    rinse_web::worker::serve();
}
