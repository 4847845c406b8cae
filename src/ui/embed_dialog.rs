//! "Embed this view": a button and a modal dialog holding the two snippets
//! (script and iframe) for the widget's current view, filters and language,
//! each with a Copy button. The snippets are written by the core
//! (`embed::snippets`); this only draws them and copies them.
//!
//! A native `<dialog>` opened with `showModal()`: focus moves into it and
//! back out when it closes, Escape closes it, the rest is inert meanwhile.
//! Few readers open it, so the dialog is a wasm chunk of its own (`#[lazy]`),
//! fetched and drawn the first time the button is pressed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::embed::snippets;
use crate::query::View;
use ilo_factsheet_shell::awaited::awaited;
use ilo_factsheet_shell::ctx::Ctx;
use ilo_factsheet_shell::i18n::{t, Text};

/// The button that opens the dialog, and the dialog once asked for.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let asked = RwSignal::new(false);
    view! {
        <button type="button" class="embed-open" aria-haspopup="dialog"
            on:click=move |_| match dialog.get_untracked() {
                Some(d) => {
                    let _ = d.show_modal();
                }
                None => asked.set(true),
            }>{t(Text::EmbedView)}</button>
        {move || asked.get().then(|| view! {
            <Suspense fallback=|| ()>{awaited(move || Suspend::new(async move { embed_dialog(dialog).await }))}</Suspense>
        })}
    }
}

/// The dialog (its wasm chunk).
#[cfg(not(feature = "ssr"))]
#[lazy]
fn embed_dialog(dialog: NodeRef<leptos::html::Dialog>) -> AnyView {
    view! { <EmbedDialog dialog=dialog /> }.into_any()
}

/// Natively there is no chunk: the same, at once.
#[cfg(feature = "ssr")]
async fn embed_dialog(dialog: NodeRef<leptos::html::Dialog>) -> AnyView {
    view! { <EmbedDialog dialog=dialog /> }.into_any()
}

/// The dialog, opened as soon as it is drawn (it is drawn when first asked for).
#[component]
fn EmbedDialog(dialog: NodeRef<leptos::html::Dialog>) -> impl IntoView {
    let ctx = Ctx::get();
    let title = ctx.with_data(|d| d.sheet.meta.title.clone());
    let both = Memo::new(move |_| {
        ctx.setting.with_value(|setting| {
            ctx.state.with(|s| {
                let frame_title = format!("{title} — {}", view_name(s.view));
                snippets(&setting.base, s, setting.data_src.as_deref(), &frame_title)
            })
        })
    });
    // Drawn means asked for: shown once it is in the document (a DOM call:
    // an effect, and a frame later, as Suspense puts it in place).
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            request_animation_frame(move || {
                if d.is_connected() && !d.open() {
                    let _ = d.show_modal();
                }
            });
        }
    });
    let heading = ctx.dom_id("embed-title");
    let labelled_by = heading.clone();
    view! {
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=labelled_by>
            <h2 id=heading>{t(Text::EmbedView)}</h2>
            <p>{t(Text::EmbedIntro)}</p>
            <Snippet name="script" label=t(Text::EmbedScript).into_owned() hint=t(Text::EmbedScriptHint).into_owned()
                text=Signal::derive(move || both.with(|b| b.script.clone())) />
            <Snippet name="iframe" label=t(Text::EmbedFrame).into_owned() hint=t(Text::EmbedFrameHint).into_owned()
                text=Signal::derive(move || both.with(|b| b.iframe.clone())) />
            <div class="embed-actions">
                <button type="button" class="embed-close"
                    on:click=move |_| {
                        if let Some(d) = dialog.get() {
                            d.close();
                        }
                    }>{t(Text::Close)}</button>
            </div>
        </dialog>
    }
}

/// The name of a view, as its tab says it.
pub fn view_name(view: View) -> std::borrow::Cow<'static, str> {
    t(Text::view(view))
}

/// One snippet: its label, a read-only text area, a Copy button and a status
/// read out politely ("Copied").
#[component]
fn Snippet(name: &'static str, label: String, hint: String, text: Signal<String>) -> impl IntoView {
    let ctx = Ctx::get();
    let id = ctx.dom_id(&format!("embed-{name}"));
    let hint_id = ctx.dom_id(&format!("embed-{name}-hint"));
    let area = NodeRef::<leptos::html::Textarea>::new();
    // What the last Copy said, and of which snippet: a new snippet (filters
    // changed) shows no status (derived, not cleared by an effect).
    let copied = RwSignal::new(None::<(String, Text<'static>)>);
    let status = move || copied.with(|c| c.as_ref().filter(|(of, _)| text.with(|t| t == of)).map(|(_, s)| s.clone()));
    let copy = move |_| {
        let value = text.get_untracked();
        let select = move || {
            if let Some(a) = area.get_untracked() {
                a.select();
            }
        };
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            select();
            copied.set(Some((value, Text::CopyFailed)));
            return;
        };
        let promise = clipboard.write_text(&value);
        spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if !done {
                select();
            }
            // The widget may be gone by now: never touch a disposed signal.
            let _ = copied.try_set(Some((value, if done { Text::Copied } else { Text::CopyFailed })));
        });
    };
    view! {
        <div class=format!("embed-snippet embed-{name}")>
            <label for=id.clone()>{label}</label>
            <p class="embed-hint" id=hint_id.clone()>{hint}</p>
            <textarea id=id node_ref=area readonly rows="4" spellcheck="false" aria-describedby=hint_id
                on:focus=move |ev| {
                    if let Some(a) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                        a.select();
                    }
                }
                // A property, never child text: the snippet is markup as text,
                // and the text area shows it as typed.
                prop:value=move || text.get()></textarea>
            <div class="embed-copy">
                <button type="button" on:click=copy>{t(Text::Copy)}</button>
                <span class="embed-status" role="status">{move || status().map(t)}</span>
            </div>
        </div>
    }
}
