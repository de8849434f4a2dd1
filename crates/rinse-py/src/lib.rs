//! The rinse engine for Python: `rinse._native`, wrapped by the `rinse`
//! package (`python/rinse`), which reads configs and gives the API its shape.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use rinse_core::{clean_input_from, Config, Format, Plan, Signals};

/// A config made ready once, and the kind of input it cleans.
#[pyclass(frozen, module = "rinse._native")]
struct Cleaner {
    plan: Plan,
    format: Format,
}

#[pymethods]
impl Cleaner {
    /// `config` is the page's exported JSON (`None` for the default);
    /// `input_format` is "text", "html" or "auto".
    #[new]
    #[pyo3(signature = (config=None, input_format="text"))]
    fn new(config: Option<&str>, input_format: &str) -> PyResult<Cleaner> {
        let config = match config {
            Some(json) => Config::from_json(json).map_err(|e| PyValueError::new_err(e.to_string()))?,
            None => Config::default(),
        };
        let plan = config.plan().map_err(|e| PyValueError::new_err(e.to_string()))?;
        let format = match input_format {
            "text" => Format::Text,
            "html" => Format::Html,
            "auto" => Format::Auto,
            other => return Err(PyValueError::new_err(format!("input_format: expected \"text\", \"html\" or \"auto\", not {other:?}"))),
        };
        Ok(Cleaner { plan, format })
    }

    /// The cleaned text; `url`, the page's address, may tell its kind. The
    /// engine runs without the interpreter's lock.
    #[pyo3(signature = (text, url=None))]
    fn clean(&self, py: Python<'_>, text: &str, url: Option<&str>) -> String {
        py.detach(|| clean_input_from(text, self.format, &self.plan, url).cleaned.text)
    }

    /// Each text cleaned, in parallel on `threads` threads (`None`: one per
    /// core); `urls`, when given, the address of each.
    #[pyo3(signature = (texts, threads=None, urls=None))]
    fn clean_many(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: Option<usize>,
        urls: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<String>> {
        if let Some(urls) = urls.as_ref().filter(|urls| urls.len() != texts.len()) {
            return Err(PyValueError::new_err(format!("urls: expected one for each of the {} texts, not {}", texts.len(), urls.len())));
        }
        let url = |index: usize| urls.as_ref().and_then(|urls| urls[index].as_deref());
        let clean_all = || {
            texts
                .par_iter()
                .enumerate()
                .map(|(index, text)| clean_input_from(text, self.format, &self.plan, url(index)).cleaned.text)
                .collect()
        };
        py.detach(|| match threads {
            None => Ok(clean_all()),
            Some(0) => Err(PyValueError::new_err("threads: expected at least 1")),
            Some(threads) => rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .map(|pool| pool.install(clean_all))
                .map_err(|e| PyValueError::new_err(format!("threads: {e}"))),
        })
    }

    /// The cleaned text, with what reading the page found: its kind's name
    /// and what told it (`None` when nothing did), and its note (a page
    /// drawn by its scripts, a thread whose every post is kept), as
    /// `rinse --explain` prints them before its changes.
    #[pyo3(signature = (text, url=None))]
    fn read_page<'py>(&self, py: Python<'py>, text: &str, url: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let cleaned = py.detach(|| clean_input_from(text, self.format, &self.plan, url).cleaned);
        let page = PyDict::new(py);
        page.set_item("text", cleaned.text)?;
        page.set_item("kind", cleaned.kind.as_ref().map(|found| found.kind.name()))?;
        page.set_item("why", cleaned.kind.as_ref().map(|found| found.why.as_str()))?;
        page.set_item("note", cleaned.note)?;
        Ok(page)
    }

    /// The edits that cleaning makes, each a dict of `start` and `end` (in
    /// characters of the text the edits apply to: the text itself, or a
    /// page's visible text), `replacement`, `rule` and `reason`; and that text.
    #[pyo3(signature = (text, url=None))]
    fn explain<'py>(&self, py: Python<'py>, text: &str, url: Option<&str>) -> PyResult<(Vec<Bound<'py, PyDict>>, String)> {
        let result = py.detach(|| clean_input_from(text, self.format, &self.plan, url));
        let before = result.before.as_ref();
        // Byte offsets to character offsets, counted in one walk through the text.
        let mut chars = 0;
        let mut walked = 0;
        let mut char_offset = |byte: usize| {
            chars += before[walked..byte].chars().count();
            walked = byte;
            chars
        };
        let mut edits = Vec::with_capacity(result.cleaned.edits.len());
        for edit in &result.cleaned.edits {
            let dict = PyDict::new(py);
            dict.set_item("start", char_offset(edit.start))?;
            dict.set_item("end", char_offset(edit.end))?;
            dict.set_item("replacement", &edit.replacement)?;
            dict.set_item("rule", edit.rule.as_ref())?;
            dict.set_item("reason", edit.reason.as_ref())?;
            edits.push(dict);
        }
        Ok((edits, before.to_string()))
    }

    /// The cleaned text's corpus signals and verdict, as JSON.
    #[pyo3(signature = (text, url=None))]
    fn signals(&self, py: Python<'_>, text: &str, url: Option<&str>) -> String {
        py.detach(|| {
            let cleaned = clean_input_from(text, self.format, &self.plan, url).cleaned;
            let signals = cleaned.signals.unwrap_or_else(|| Signals::of(&cleaned.text));
            serde_json::to_string(&signals).unwrap_or_default()
        })
    }
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Cleaner>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
