fn main() {
    console_error_panic_hook::set_once();
    rinse_web::register_service_worker();
    leptos::mount::mount_to_body(rinse_web::App);
}
