//! One module, two roles: on the page it draws the page; started in a web
//! worker (where there is no window) it cleans what the page sends it.
fn main() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        rinse_web::worker::serve();
        return;
    }
    rinse_web::register_service_worker();
    leptos::mount::mount_to_body(rinse_web::App);
}
