//! The contact block: offices with their printed lines and working
//! `mailto:`, `tel:` and web links.

use leptos::prelude::*;

use crate::model::LinkKind;
use crate::ui::app::Ctx;

#[component]
pub fn Contacts() -> impl IntoView {
    let ctx = Ctx::get();
    let contacts = ctx.with_data(|d| d.sheet.contacts.clone());
    view! {
        <div class="contacts">
            {contacts.into_iter().map(|c| view! {
                <div class="contact" id=ctx.dom_id(&format!("contact-{}", c.id))>
                    <h3>{c.name}</h3>
                    {(!c.lines.is_empty()).then(|| view! {
                        <p class="lines">
                            {c.lines.into_iter().map(|l| view! { <span class="line">{l}</span> }).collect_view()}
                        </p>
                    })}
                    {(!c.links.is_empty()).then(|| view! {
                        <ul class="links">
                            {c.links.into_iter().map(|l| {
                                let class = match l.kind {
                                    LinkKind::Web => "link web",
                                    LinkKind::Email => "link email",
                                    LinkKind::Phone => "link phone",
                                };
                                let external = l.kind == LinkKind::Web;
                                view! {
                                    <li>
                                        <a class=class href=l.url
                                            rel=external.then_some("noopener")>{l.label}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }).collect_view()}
        </div>
    }
}
