//! Where cleaning spends its time, rule by rule, for `rinse --timings`.
//!
//! The engine reads no clock of its own: the web has none without the
//! page's help, and most runs want none. A caller that wants timings sets
//! [`crate::Plan::clock`]; each [`crate::Cleaned`] then carries its
//! [`Timings`], and timings of many documents add up with [`Timings::add`].

use std::time::Duration;

/// The time since some fixed moment: what the caller's clock reads.
pub type Clock = fn() -> Duration;

/// Time spent cleaning one document or many.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings {
    /// Documents timed.
    pub documents: usize,
    /// Reading page source into its visible text.
    pub reading: Duration,
    /// Each step of the plan, in plan order.
    pub steps: Vec<StepTime>,
    /// Applying each step's changes, and carrying the views of the text
    /// across them: the engine's own share.
    pub applying: Duration,
    /// Measuring the cleaned text's signals (the corpus preset).
    pub signals: Duration,
}

/// One step's runs and the time they took. A view of the text that several
/// rules share (its lines' words, phrases, readings) is made by the first
/// rule that asks for it, and its time counted there; so is the building,
/// once a process, of the patterns and phrase automaton rules share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepTime {
    pub id: &'static str,
    /// Times it ran: once a pass, unless nothing it looks at had changed.
    pub runs: usize,
    /// Runs that changed the text.
    pub changed: usize,
    pub time: Duration,
}

impl Timings {
    /// No time yet, for a plan whose steps have these ids.
    pub fn new(ids: impl IntoIterator<Item = &'static str>) -> Timings {
        Timings { steps: ids.into_iter().map(|id| StepTime { id, ..StepTime::default() }).collect(), ..Timings::default() }
    }

    /// Adds `other`'s figures, of a document cleaned under the same plan.
    pub fn add(&mut self, other: &Timings) {
        self.documents += other.documents;
        self.reading += other.reading;
        self.applying += other.applying;
        self.signals += other.signals;
        if self.steps.is_empty() {
            self.steps = other.steps.iter().map(|s| StepTime { id: s.id, ..StepTime::default() }).collect();
        }
        for (mine, theirs) in self.steps.iter_mut().zip(&other.steps) {
            mine.runs += theirs.runs;
            mine.changed += theirs.changed;
            mine.time += theirs.time;
        }
    }

    /// All the time counted.
    pub fn total(&self) -> Duration {
        self.reading + self.applying + self.signals + self.steps.iter().map(|s| s.time).sum::<Duration>()
    }

    /// A table of the figures, slowest step first, with each one's share of the total.
    pub fn table(&self) -> String {
        let total = self.total().as_secs_f64();
        let share = |time: Duration| if total > 0.0 { 100.0 * time.as_secs_f64() / total } else { 0.0 };
        let row = |name: &str, runs: String, changed: String, time: Duration| {
            format!("{name:<24} {runs:>8} {changed:>8} {:>11.2} ms {:>6.1} %\n", time.as_secs_f64() * 1e3, share(time))
        };
        let mut steps: Vec<&StepTime> = self.steps.iter().collect();
        steps.sort_by_key(|step| std::cmp::Reverse(step.time));
        let mut table = format!("{:<24} {:>8} {:>8} {:>14} {:>8}\n", "step", "runs", "changed", "time", "share");
        for step in steps {
            table += &row(step.id, step.runs.to_string(), step.changed.to_string(), step.time);
        }
        for (name, time) in [("(reading page source)", self.reading), ("(applying changes)", self.applying), ("(signals)", self.signals)] {
            if !time.is_zero() {
                table += &row(name, String::new(), String::new(), time);
            }
        }
        table += &row(&format!("total, {} documents", self.documents), String::new(), String::new(), self.total());
        table
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::{clean, clean_input, Cleaned, Config, Format, Preset};

    thread_local! {
        static READINGS: Cell<u64> = const { Cell::new(0) };
    }

    /// A clock that moves on a millisecond each time it is read.
    fn ticking() -> Duration {
        Duration::from_millis(READINGS.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }))
    }

    const SCRAPE: &str = "Home | News | Sport\n\nCity opens new library\n\nThe library opened on Monday after two years of work, and the mayor said that it would stay open late.\n\nShare this article\nWe use cookies to improve your experience.\n";

    #[test]
    fn a_plan_with_a_clock_times_every_run_of_every_step() {
        let mut plan = Config::preset(Preset::Article).plan().unwrap();
        assert_eq!(clean(SCRAPE, &plan).timings, None, "no clock, no timings");
        plan.clock = Some(ticking);
        let cleaned = clean(SCRAPE, &plan);
        let timings = cleaned.timings.clone().unwrap();
        assert_eq!(timings.documents, 1);
        let ids: Vec<&str> = timings.steps.iter().map(|s| s.id).collect();
        assert_eq!(ids, plan.steps.iter().map(|s| s.id()).collect::<Vec<_>>());
        let mut changed_runs = 0;
        for step in &timings.steps {
            assert!(step.runs >= 1, "{} never ran", step.id);
            // The clock is read as a run starts and as it ends.
            assert_eq!(step.time, Duration::from_millis(step.runs as u64), "{}", step.id);
            assert_eq!(step.changed > 0, cleaned.counts.contains_key(step.id), "{}", step.id);
            assert!(step.changed <= step.runs);
            changed_runs += step.changed;
        }
        assert!(changed_runs >= 2, "the scrape has more than one kind of junk");
        assert_eq!(timings.applying, Duration::from_millis(changed_runs as u64));
        assert_eq!((timings.reading, timings.signals), (Duration::ZERO, Duration::ZERO));
        assert_eq!(
            Cleaned { timings: None, ..cleaned },
            clean(SCRAPE, &Config::preset(Preset::Article).plan().unwrap()),
            "timing changes nothing else"
        );
    }

    #[test]
    fn reading_a_page_and_measuring_signals_are_timed_apart() {
        let mut plan = Config::preset(Preset::Corpus).plan().unwrap();
        plan.clock = Some(ticking);
        let page = "<html><body><nav><a href=/>Home</a></nav><article><p>The library opened on Monday after two years of work, and the mayor said that it would stay open late.</p></article></body></html>";
        let timings = clean_input(page, Format::Html, &plan).cleaned.timings.unwrap();
        assert_eq!((timings.reading, timings.signals), (Duration::from_millis(1), Duration::from_millis(1)));
    }

    fn timings(runs: usize, millis: u64) -> Timings {
        let mut timings = Timings::new(["a", "b"]);
        timings.documents = 1;
        timings.steps[0] = StepTime { id: "a", runs, changed: 1, time: Duration::from_millis(millis) };
        timings.steps[1].time = Duration::from_millis(3 * millis);
        timings.applying = Duration::from_millis(millis);
        timings
    }

    #[test]
    fn adds_up_step_by_step() {
        let mut sum = Timings::default();
        sum.add(&timings(2, 10));
        sum.add(&timings(3, 20));
        assert_eq!(sum.documents, 2);
        assert_eq!((sum.steps[0].id, sum.steps[0].runs, sum.steps[0].changed), ("a", 5, 2));
        assert_eq!(sum.steps[1].time, Duration::from_millis(90));
        assert_eq!(sum.total(), Duration::from_millis(150));
    }

    #[test]
    fn the_table_lists_the_slowest_first_with_shares() {
        let table = timings(2, 10).table();
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[1].starts_with('b') && lines[1].ends_with("60.0 %"), "{table}");
        assert!(lines[2].starts_with('a') && lines[2].contains(" 2 ") && lines[2].ends_with("20.0 %"), "{table}");
        assert!(lines[3].starts_with("(applying changes)"), "{table}");
        assert!(!table.contains("(reading page source)") && !table.contains("(signals)"), "{table}");
        assert!(lines[4].starts_with("total, 1 documents") && lines[4].contains("50.00 ms"), "{table}");
    }
}
