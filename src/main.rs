//! Entry point: set the panic hook and mount the app.

fn main() {
    shilu_ui::dom::report_panics();
    leptos::mount::mount_to_body(shilu_app::App);
}
