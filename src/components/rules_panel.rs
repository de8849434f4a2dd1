use leptos::prelude::*;
use rinse_core::rules::REGISTRY;
use rinse_core::{Config, Group};

use super::CustomRules;
use crate::model::Outcome;

/// The rules that changed this text first, most changes first; then every
/// rule of the registry, by group: a toggle, how many changes it made, and
/// its docs.
#[component]
pub fn RulesPanel(config: RwSignal<Config>, outcome: ReadSignal<Outcome>) -> impl IntoView {
    let mut groups: Vec<Group> = REGISTRY.iter().map(|r| r.info().group).collect();
    groups.sort();
    groups.dedup();
    // (name, changes) of the rules that changed the text, most first.
    let used = move || {
        outcome.with(|o| {
            let mut used: Vec<(&'static str, usize)> =
                o.cleaned.counts.iter().map(|(id, &n)| (rinse_core::rules::find(id).map_or(*id, |r| r.info().name), n)).collect();
            used.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            used
        })
    };
    view! {
        <aside class="rules" aria-labelledby="rules-heading">
            <h2 id="rules-heading">"Rules"</h2>
            <section class="rules-used" aria-labelledby="rules-used-heading">
                <h3 id="rules-used-heading">"Changed this text"</h3>
                {move || {
                    let used = used();
                    if used.is_empty() {
                        return view! { <p class="muted" data-testid="rules-used">"Nothing yet."</p> }.into_any();
                    }
                    view! {
                        <ol data-testid="rules-used">
                            {used
                                .into_iter()
                                .map(|(name, n)| view! {
                                    <li><span class="rule-name">{name}</span>" "<span class="rule-count">{n}</span></li>
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }}
            </section>
            {groups
                .into_iter()
                .map(|group| view! {
                    <fieldset class="rule-group">
                        <legend>{group.label()}</legend>
                        {REGISTRY
                            .iter()
                            .copied()
                            .filter(|r| r.info().group == group)
                            .map(|rule| {
                                let info = rule.info();
                                let count = move || outcome.with(|o| o.cleaned.counts.get(info.id).copied().unwrap_or(0));
                                view! {
                                    <div class="rule">
                                        <label title=info.summary>
                                            <input
                                                type="checkbox"
                                                data-testid=format!("rule-toggle-{}", info.id)
                                                prop:checked=move || config.with(|c| c.is_enabled(rule))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    config.update(|c| c.set_enabled(rule, on));
                                                }
                                            />
                                            <span class="rule-name">{info.name}</span>
                                        </label>
                                        <span
                                            class="rule-count"
                                            class:zero=move || count() == 0
                                            data-testid=format!("rule-count-{}", info.id)
                                            aria-label=move || format!("{} changes", count())
                                        >
                                            {count}
                                        </span>
                                        <details class="rule-doc">
                                            <summary>"About"</summary>
                                            <p>{info.summary}</p>
                                            <p>{info.doc}</p>
                                            <p class="example-label">"Example"</p>
                                            <pre class="example">{info.example.input}</pre>
                                            <pre class="example cleaned">{info.example.output}</pre>
                                        </details>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                })
                .collect_view()}
            <CustomRules config=config />
        </aside>
    }
}
