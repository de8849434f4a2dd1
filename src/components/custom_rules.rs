use leptos::prelude::*;
use rinse_core::custom::{CustomAction, CustomRule};
use rinse_core::Config;

/// The user's own rules: a regular expression whose matches are replaced,
/// or whose lines are dropped. A pattern that does not compile is named
/// here and in the output pane, and the last good result stays.
#[component]
pub fn CustomRules(config: RwSignal<Config>) -> impl IntoView {
    // Rows are drawn again only when one is added or removed, so typing in
    // a field keeps its focus.
    let count = Memo::new(move |_| config.with(|c| c.custom.len()));
    let add = move |_| {
        config.update(|c| {
            c.custom.push(CustomRule {
                name: format!("rule {}", c.custom.len() + 1),
                pattern: String::new(),
                action: CustomAction::Replace,
                replacement: String::new(),
                // A draft until it has a pattern.
                enabled: false,
            })
        })
    };
    view! {
        <fieldset class="rule-group custom-rules">
            <legend>"Your rules"</legend>
            {move || (0..count.get()).map(|index| view! { <CustomRuleRow config=config index=index /> }).collect_view()}
            <button type="button" class="quiet" data-testid="custom-add" on:click=add>"Add a rule"</button>
        </fieldset>
    }
}

#[component]
fn CustomRuleRow(config: RwSignal<Config>, index: usize) -> impl IntoView {
    let field = move |read: fn(&CustomRule) -> String| move || config.with(|c| c.custom.get(index).map(read).unwrap_or_default());
    let edit = move |change: fn(&mut CustomRule, String)| {
        move |ev: web_sys::Event| {
            let value = event_target_value(&ev);
            config.update(|c| {
                if let Some(rule) = c.custom.get_mut(index) {
                    change(rule, value);
                }
            });
        }
    };
    let problem = move || config.with(|c| c.custom.get(index).filter(|r| r.enabled).and_then(|r| r.compile().err()));
    let drops_lines = move || config.with(|c| c.custom.get(index).is_some_and(|r| r.action == CustomAction::DropLine));
    view! {
        <div class="custom-rule" data-testid="custom-rule">
            <input
                type="checkbox"
                aria-label="Rule on"
                prop:checked=move || config.with(|c| c.custom.get(index).is_some_and(|r| r.enabled))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    config.update(|c| {
                        if let Some(rule) = c.custom.get_mut(index) {
                            rule.enabled = on;
                        }
                    });
                }
            />
            <input
                class="custom-name"
                aria-label="Rule name"
                prop:value=field(|r| r.name.clone())
                on:input=edit(|r, v| r.name = v)
            />
            <input
                class="custom-pattern"
                data-testid="custom-pattern"
                aria-label="Regular expression"
                placeholder="regular expression"
                spellcheck="false"
                prop:value=field(|r| r.pattern.clone())
                on:input=edit(|r, v| {
                    r.pattern = v;
                    r.enabled = true;
                })
            />
            <select
                aria-label="What to do with a match"
                data-testid="custom-action"
                on:change=edit(|r, v| r.action = if v == "drop-line" { CustomAction::DropLine } else { CustomAction::Replace })
            >
                <option value="replace" selected=move || !drops_lines()>"replace with"</option>
                <option value="drop-line" selected=drops_lines>"drop the line"</option>
            </select>
            <input
                class="custom-replacement"
                data-testid="custom-replacement"
                aria-label="Replacement ($1 inserts a group)"
                placeholder="replacement ($1 inserts a group)"
                spellcheck="false"
                class:hidden=drops_lines
                prop:value=field(|r| r.replacement.clone())
                on:input=edit(|r, v| r.replacement = v)
            />
            <button
                type="button"
                class="quiet"
                aria-label="Remove this rule"
                on:click=move |_| config.update(|c| {
                    if index < c.custom.len() {
                        c.custom.remove(index);
                    }
                })
            >
                "Remove"
            </button>
            {move || problem().map(|message| view! { <p class="field-error">{message}</p> })}
        </div>
    }
}
