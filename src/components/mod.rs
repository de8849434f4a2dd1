mod custom_rules;
mod diff;
mod input_pane;
mod output_actions;
mod output_pane;
mod preset_select;
mod rules_panel;
mod settings_menu;
mod stats_bar;

pub use custom_rules::CustomRules;
pub use diff::Diff;
pub use input_pane::InputPane;
pub use output_actions::OutputActions;
pub use output_pane::OutputPane;
pub use preset_select::PresetSelect;
pub use rules_panel::RulesPanel;
pub use settings_menu::SettingsMenu;
pub use stats_bar::StatsBar;
