//! The contact block: offices with their printed lines and working
//! `mailto:`, `tel:` and web links (through [`DataLink`]: a refused address
//! shows as text with the reason).

use leptos::prelude::*;

use crate::model::LinkKind;
use crate::ui::link::DataLink;
use ilo_factsheet_shell::ctx::Ctx;

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
                                view! { <li><DataLink raw=l.url label=l.label class=class /></li> }
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }).collect_view()}
        </div>
    }
}
