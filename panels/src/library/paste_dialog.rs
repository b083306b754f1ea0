//! 粘贴文本: a dialog with a text box and 打开. Text that is no transcript
//! (empty, whitespace, binary) is refused in the dialog, which stays open.

use super::list_dialog::modal;
use super::texts::library_texts;
use super::Shelf;
use leptos::prelude::*;
use shilu_ui::context::context;

#[component]
pub fn PasteDialog() -> impl IntoView {
    let shelf = context::<Shelf>();
    let t = move || library_texts(shelf.lang.get());
    let dialog = modal(shelf.paste_open);
    let text = RwSignal::new(String::new());
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.with_untracked(|t| shelf.open_pasted(t)) {
            text.set(String::new());
            shelf.paste_open.set(false);
        }
    };
    view! {
        <dialog node_ref=dialog class="library-dialog paste-dialog" aria-labelledby="paste-heading"
            on:close=move |_| shelf.paste_open.set(false)>
            <form on:submit=open>
                <div class="library-dialog__head">
                    <h2 id="paste-heading">{move || t().paste_heading}</h2>
                    <button type="button" class="text-button" on:click=move |_| shelf.paste_open.set(false)>
                        {move || t().close}
                    </button>
                </div>
                <label class="paste-dialog__label" for="paste-text">{move || t().paste_label}</label>
                <p class="paste-dialog__hint" id="paste-hint">{move || t().paste_hint}</p>
                <textarea id="paste-text" class="paste-dialog__text" rows="12" aria-describedby="paste-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <p class="paste-dialog__problem" role="alert">{move || shelf.paste_problem.get()}</p>
                <div class="paste-dialog__actions">
                    <button type="submit" class="text-button text-button--primary">{move || t().open}</button>
                </div>
            </form>
        </dialog>
    }
}
