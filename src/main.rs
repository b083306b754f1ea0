//! shilu web app entry point: set the panic hook and mount.

mod app;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
