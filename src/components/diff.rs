use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use rinse_core::rules::find;
use rinse_core::Edit;

use crate::model::{toggle_rejected, ChangeKey, Outcome};

/// How the result is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The original with every change marked in place.
    Inline,
    /// The original and the result in two columns.
    SideBySide,
    /// The cleaned text alone.
    Text,
}

impl View {
    pub const ALL: [View; 3] = [View::Inline, View::SideBySide, View::Text];

    pub fn label(self) -> &'static str {
        match self {
            View::Inline => "Changes",
            View::SideBySide => "Side by side",
            View::Text => "Text",
        }
    }

    pub fn next(self) -> View {
        match self {
            View::Inline => View::SideBySide,
            View::SideBySide => View::Text,
            View::Text => View::Inline,
        }
    }
}

/// Unchanged stretches longer than this many lines are folded.
const FOLD_AT: usize = 12;
/// Lines shown on each side of a fold.
const FOLD_CONTEXT: usize = 3;
/// Changes drawn at once; more come on request, so a huge document with
/// many changes does not stall the page.
const CHANGES_AT_ONCE: usize = 500;

/// The changes, drawn from the edits: removed text struck through, new text
/// underlined, the rule and reason on hover and focus. A change is rejected
/// (and restored) by clicking it or pressing Enter on it; j/k or the arrow
/// keys move between changes. All text goes in as text nodes, never as markup.
#[component]
pub fn Diff(outcome: ReadSignal<Outcome>, rejected: RwSignal<BTreeSet<ChangeKey>>, view: ReadSignal<View>) -> impl IntoView {
    let (shown_changes, set_shown_changes) = signal(CHANGES_AT_ONCE);
    // The change focused or tapped last: its rule and reason are shown in full.
    let (selected, set_selected) = signal(None::<(ChangeKey, String)>);
    let picks = Picks { set_selected, touch_press: StoredValue::new(None) };
    let body = move || {
        let current = view.get();
        if current == View::Text {
            return ().into_any();
        }
        let limit = shown_changes.get();
        outcome.with(|o| {
            let more = o.cleaned.edits.len().saturating_sub(limit);
            let more_button = (more > 0).then(|| {
                view! {
                    <button type="button" class="more" on:click=move |_| set_shown_changes.update(|n| *n += CHANGES_AT_ONCE)>
                        {format!("Show {} more changes", more.min(CHANGES_AT_ONCE))}
                    </button>
                }
            });
            let content = if current == View::Inline {
                view! { <div class="inline">{column(o, Side::Both, limit, rejected, picks)}</div> }.into_any()
            } else {
                view! {
                    <div class="columns">
                        <div class="column" aria-label="Before">{column(o, Side::Before, limit, rejected, picks)}</div>
                        <div class="column" aria-label="After">{column(o, Side::After, limit, rejected, picks)}</div>
                    </div>
                }
                .into_any()
            };
            view! { {content} {more_button} }.into_any()
        })
    };
    view! {
        <p class="reason" data-testid="reason" role="status" aria-live="polite" class:hidden=move || view.get() == View::Text>
            {move || selected.with(|s| s.as_ref().map_or("Focus or tap a change to see why it was made.".to_string(), |(_, title)| title.clone()))}
        </p>
        <div
            class="diff"
            data-testid="diff"
            role="region"
            class:hidden=move || view.get() == View::Text
            aria-label="Changes: j and k move between them, Enter rejects or restores one"
            on:keydown=move_between_changes
            on:pointerdown=move |ev: web_sys::PointerEvent| {
                let touch = ev.pointer_type() == "touch";
                picks.touch_press.set_value(touch.then(|| selected.with_untracked(|s| s.as_ref().map(|(key, _)| key.clone()))));
            }
        >
            {body}
        </div>
    }
}

/// How changes are picked: the one whose reason is shown, and, when the
/// last press was a touch, which one was picked before it (a first tap on a
/// change shows its reason; the next rejects it).
#[derive(Clone, Copy)]
struct Picks {
    set_selected: WriteSignal<Option<(ChangeKey, String)>>,
    touch_press: StoredValue<Option<Option<ChangeKey>>>,
}

/// Which text a column shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Removed and inserted text together (the inline view).
    Both,
    Before,
    After,
}

fn column(o: &Outcome, side: Side, limit: usize, rejected: RwSignal<BTreeSet<ChangeKey>>, picks: Picks) -> Vec<AnyView> {
    let edits = &o.cleaned.edits;
    let mut views = Vec::with_capacity(edits.len().min(limit) * 2 + 1);
    let mut pos = 0;
    for edit in edits.iter().take(limit) {
        if edit.start > pos {
            views.push(folded(&o.before[pos..edit.start]));
        }
        views.push(change_view(&o.before, edit, side, rejected, picks));
        pos = edit.end;
    }
    views.push(folded(&o.before[pos..]));
    views
}

/// Text of the diff (unchanged, or removed); a long stretch is folded to
/// its first and last lines.
fn folded(text: &str) -> AnyView {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= FOLD_AT {
        return text.to_string().into_any();
    }
    let head = lines[..FOLD_CONTEXT].concat();
    let middle = lines[FOLD_CONTEXT..lines.len() - FOLD_CONTEXT].concat();
    let tail = lines[lines.len() - FOLD_CONTEXT..].concat();
    let hidden = lines.len() - 2 * FOLD_CONTEXT;
    let (open, set_open) = signal(false);
    view! {
        {head}
        {move || if open.get() {
            middle.clone().into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="fold"
                    on:click=move |ev| {
                        // Inside a change, opening the fold must not reject the change.
                        ev.stop_propagation();
                        set_open.set(true);
                    }
                >
                    {format!("show {hidden} more lines")}
                </button>
            }
            .into_any()
        }}
        {tail}
    }
    .into_any()
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

fn change_view(before: &str, edit: &Edit, side: Side, rejected: RwSignal<BTreeSet<ChangeKey>>, picks: Picks) -> AnyView {
    let original = &before[edit.start..edit.end];
    let removed = visible(original);
    let added = visible(&edit.replacement);
    let names: Vec<&str> = edit.rules().iter().map(|id| find(id).map_or(*id, |r| r.info().name)).collect();
    let title = format!("{}: {}", names.join(" + "), edit.reason);
    // A removed block carries its rule's name at its start.
    let label = (edit.replacement.is_empty() && original.contains('\n') && !original.trim().is_empty()).then(|| names.join(" + "));
    let key = ChangeKey::of(edit);
    let is_rejected = {
        let key = key.clone();
        move || rejected.with(|r| r.contains(&key))
    };
    let toggle = {
        let key = key.clone();
        move || toggle_rejected(rejected, key.clone())
    };
    let on_key = {
        let toggle = toggle.clone();
        move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                toggle();
            }
        }
    };
    // In the after column a rejected change shows the original text again.
    let pick = (key.clone(), title.clone());
    let after = (side == Side::After).then(|| {
        let original = original.to_string();
        let added = added.clone();
        let is_rejected = is_rejected.clone();
        move || {
            if is_rejected() {
                view! { <span class="kept">{original.clone()}</span> }.into_any()
            } else {
                view! { <ins>{added.clone()}</ins> }.into_any()
            }
        }
    });
    view! {
        <span
            class="change"
            class:rejected=is_rejected.clone()
            data-testid=(side != Side::After).then_some("change")
            data-rule=edit.rule.to_string()
            data-kind=edit.kind().as_str()
            // Named by the text it changes, described by its rule and reason.
            title=title
            data-label=label
            aria-pressed=move || is_rejected().to_string()
            role="button"
            tabindex="0"
            on:focus={
                let pick = pick.clone();
                move |_| picks.set_selected.set(Some(pick.clone()))
            }
            on:click=move |_| {
                // On a touch screen the first tap shows the reason, the next rejects.
                let first_tap = picks.touch_press.get_value().is_some_and(|before| before.as_ref() != Some(&pick.0));
                picks.set_selected.set(Some(pick.clone()));
                if !first_tap {
                    toggle();
                }
            }
            on:keydown=on_key
        >
            {(side != Side::After && !removed.is_empty()).then(|| view! { <del>{folded(&removed)}</del> })}
            {(side == Side::Both && !added.is_empty()).then(|| view! { <ins>{added.clone()}</ins> })}
            {after}
        </span>
    }
    .into_any()
}

/// j / ArrowDown and k / ArrowUp move the focus to the next or previous change.
fn move_between_changes(ev: web_sys::KeyboardEvent) {
    let step: i32 = match ev.key().as_str() {
        "j" | "ArrowDown" => 1,
        "k" | "ArrowUp" => -1,
        _ => return,
    };
    let Some(container) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Ok(changes) = container.query_selector_all(".change") else { return };
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let count = changes.length() as i32;
    if count == 0 {
        return;
    }
    let current = (0..count).find(|&i| changes.get(i as u32).as_ref().map(|n| n.unchecked_ref::<web_sys::Element>()) == focused.as_ref());
    let next = match current {
        Some(i) => (i + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => count - 1,
    };
    if let Some(element) = changes.get(next as u32).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = element.focus();
    }
}
