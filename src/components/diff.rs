use leptos::prelude::*;
use rinse_core::rules::find;
use rinse_core::Edit;

use crate::model::Outcome;

/// The original text with every change marked in place: removed text struck
/// through, new text underlined, the rule and reason on hover and focus.
/// All text goes in as text nodes, never as markup.
#[component]
pub fn Diff(outcome: Memo<Outcome>, hidden: ReadSignal<bool>) -> impl IntoView {
    view! {
        <div class="diff" data-testid="diff" class:hidden=move || hidden.get() aria-label="Changes">
            {move || outcome.with(|o| {
                let mut views = Vec::with_capacity(o.cleaned.edits.len() * 2 + 1);
                let mut pos = 0;
                for edit in &o.cleaned.edits {
                    if edit.start > pos {
                        views.push(o.before[pos..edit.start].to_string().into_any());
                    }
                    views.push(change_view(&o.before, edit).into_any());
                    pos = edit.end;
                }
                views.push(o.before[pos..].to_string().into_any());
                views
            })}
        </div>
    }
}

/// Text as the diff shows it: a change of blanks alone would be invisible,
/// so its spaces, tabs and line breaks are drawn as symbols.
fn visible(text: &str) -> String {
    if !text.chars().all(char::is_whitespace) {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\u{21b5}\n".to_string(),
            '\t' => "\u{2192}".to_string(),
            ' ' => "\u{b7}".to_string(),
            _ => "\u{2423}".to_string(),
        })
        .collect()
}

fn change_view(before: &str, edit: &Edit) -> impl IntoView {
    let removed = visible(&before[edit.start..edit.end]);
    let added = visible(&edit.replacement);
    let names: Vec<&str> = edit.rules().iter().map(|id| find(id).map_or(*id, |r| r.info().name)).collect();
    let title = format!("{}: {}", names.join(" + "), edit.reason);
    view! {
        <span
            class="change"
            data-testid="change"
            data-rule=edit.rule.to_string()
            data-kind=edit.kind().as_str()
            title=title.clone()
            aria-label=title
            tabindex="0"
        >
            {(!removed.is_empty()).then(|| view! { <del>{removed}</del> })}
            {(!added.is_empty()).then(|| view! { <ins>{added}</ins> })}
        </span>
    }
}
