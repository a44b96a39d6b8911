//! Python bindings of pressmine (the `pressmine._pressmine` extension module). A thin layer:
//! it converts Python values to the library's inputs, runs the library with the GIL released
//! (batches on a rayon pool), and hands back the JSON contract of `pressmine extract` as
//! dicts. No extraction logic lives here. Failures raise `pressmine.PressmineError` with the
//! stage and reason of the library's error line; a panic never crosses into Python (each page
//! runs under `catch_unwind`, as the command line does).

use pressmine::pipeline::Pipeline as Core;
use pressmine::run::{self, ErrorLine};
use pressmine::source::{self, DEFAULT_MAX_BYTES};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

create_exception!(
    pressmine,
    PressmineError,
    PyException,
    "A page or the patterns could not be processed; `.stage` (`patterns`, `read`, `process`), `.reason` and `.path` say why."
);

/// The pipeline of the default patterns, the one `pressmine` uses without `--patterns`.
fn default_pipeline() -> Result<Core, ErrorLine> {
    Core::load_default().map_err(|e| ErrorLine {
        path: "patterns".into(),
        stage: "patterns".into(),
        reason: e.to_string(),
    })
}

/// The default pipeline, loaded once per process on first use.
static DEFAULT: OnceLock<Arc<Core>> = OnceLock::new();

fn shared_default(py: Python<'_>) -> PyResult<Arc<Core>> {
    if let Some(p) = DEFAULT.get() {
        return Ok(p.clone());
    }
    let loaded = py.detach(|| catch(default_pipeline)).map_err(|e| to_py(py, &e))?;
    Ok(DEFAULT.get_or_init(|| Arc::new(loaded)).clone())
}

/// Runs `f`, turning a panic into an error line.
fn catch<T>(f: impl FnOnce() -> Result<T, ErrorLine>) -> Result<T, ErrorLine> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(ErrorLine { path: String::new(), stage: "process".into(), reason: "internal error: panic".into() })
    })
}

/// The Python exception for a library error line.
fn to_py(py: Python<'_>, e: &ErrorLine) -> PyErr {
    let message = if e.path.is_empty() {
        format!("{}: {}", e.stage, e.reason)
    } else {
        format!("{}: {}: {}", e.path, e.stage, e.reason)
    };
    let err = PressmineError::new_err(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception object cannot fail short of memory exhaustion.
    let _ = value.setattr("stage", &e.stage);
    let _ = value.setattr("reason", &e.reason);
    let _ = value.setattr("path", &e.path);
    err
}

/// One page as handed over from Python, owned so the GIL can be released.
struct Page {
    bytes: Vec<u8>,
    path: Option<String>,
    url: Option<String>,
    http_charset: Option<String>,
}

impl Page {
    /// Bytes of a `bytes`, `bytearray` or `str` (encoded as UTF-8, which decoding keeps).
    fn data(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
        if let Ok(b) = data.cast::<PyBytes>() {
            Ok(b.as_bytes().to_vec())
        } else if let Ok(s) = data.cast::<PyString>() {
            Ok(s.to_cow()?.as_bytes().to_vec())
        } else if let Ok(b) = data.cast::<PyByteArray>() {
            Ok(b.to_vec())
        } else {
            Err(PyTypeError::new_err(format!(
                "page data must be bytes or str, not {}",
                data.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            )))
        }
    }

    /// An item of `extract_many`: bytes, str, or a mapping with `data` and optionally
    /// `path`, `url` and `http_charset`.
    fn item(item: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(d) = item.cast::<PyDict>() {
            let data = d.get_item("data")?.ok_or_else(|| PyValueError::new_err("an item dict needs a \"data\" key"))?;
            let text = |key: &str| -> PyResult<Option<String>> {
                match d.get_item(key)? {
                    Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
                    _ => Ok(None),
                }
            };
            return Ok(Self {
                bytes: Self::data(&data)?,
                path: text("path")?,
                url: text("url")?,
                http_charset: text("http_charset")?,
            });
        }
        Ok(Self { bytes: Self::data(item)?, path: None, url: None, http_charset: None })
    }

    /// The document's id, as the command line gives it: the path, else the URL, else `-`.
    fn id(&self) -> String {
        self.path.clone().or_else(|| self.url.clone()).unwrap_or_else(|| "-".into())
    }

    /// Reads and processes the page; the document as one line of JSON.
    fn process(self, pipeline: &Core) -> Result<String, ErrorLine> {
        let id = self.id();
        catch(|| {
            let mut raw = source::from_memory(id.clone(), self.bytes, DEFAULT_MAX_BYTES).map_err(|e| ErrorLine {
                path: id.clone(),
                stage: "read".into(),
                reason: e.to_string(),
            })?;
            raw.path = self.path;
            raw.url = self.url;
            raw.http_charset = self.http_charset;
            let doc = run::process_caught(pipeline, &raw)?;
            Ok(pressmine::sink::json_line(&doc))
        })
        .map_err(|mut e| {
            if e.path.is_empty() {
                e.path = id;
            }
            e
        })
    }
}

/// `json.loads`, which turns the contract's JSON into dicts exactly as reading the command
/// line's output would.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

fn error_dict<'py>(py: Python<'py>, e: &ErrorLine) -> PyResult<Bound<'py, PyAny>> {
    let d = PyDict::new(py);
    d.set_item("path", &e.path)?;
    d.set_item("stage", &e.stage)?;
    d.set_item("reason", &e.reason)?;
    Ok(d.into_any())
}

/// Patterns compiled once, then any number of pages processed, in parallel for batches.
#[pyclass(frozen, module = "pressmine")]
struct Pipeline {
    core: Arc<Core>,
    pool: Option<rayon::ThreadPool>,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (patterns=None, threads=None))]
    fn new(py: Python<'_>, patterns: Option<PathBuf>, threads: Option<usize>) -> PyResult<Self> {
        let core = match patterns {
            None => shared_default(py)?,
            Some(dir) => {
                let loaded = py.detach(|| {
                    catch(|| {
                        Core::load(&dir).map_err(|e| ErrorLine {
                            path: dir.display().to_string(),
                            stage: "patterns".into(),
                            reason: e.to_string(),
                        })
                    })
                });
                Arc::new(loaded.map_err(|e| to_py(py, &e))?)
            }
        };
        let pool = match threads {
            None => None,
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1 (None: all cores)")),
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("thread pool of {n}: {e}")))?,
            ),
        };
        Ok(Self { core, pool })
    }

    /// Processes one page; the document as a dict.
    #[pyo3(signature = (data, *, path=None, url=None, http_charset=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        path: Option<String>,
        url: Option<String>,
        http_charset: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        extract_one(py, &self.core, data, path, url, http_charset)
    }

    /// Processes a batch on the pipeline's threads with the GIL released; one result per
    /// item, in order.
    #[pyo3(signature = (items, *, errors="raise", as_json=false))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        errors: &str,
        as_json: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let include = match errors {
            "raise" => false,
            "include" => true,
            other => {
                return Err(PyValueError::new_err(format!("errors must be \"raise\" or \"include\", not {other:?}")))
            }
        };
        let pages = items.try_iter()?.map(|i| Page::item(&i?)).collect::<PyResult<Vec<Page>>>()?;
        let core = &*self.core;
        let work = || pages.into_par_iter().map(|p| p.process(core)).collect::<Vec<_>>();
        let results = py.detach(|| match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        });
        if !include {
            if let Some(e) = results.iter().find_map(|r| r.as_ref().err()) {
                return Err(to_py(py, e));
            }
        }
        let out = PyList::empty(py);
        for r in &results {
            let item = match (r, as_json) {
                (Ok(json), false) => loads(py, json)?,
                (Ok(json), true) => PyString::new(py, json).into_any(),
                (Err(e), false) => error_dict(py, e)?,
                (Err(e), true) => PyString::new(py, &pressmine::sink::json_line(e)).into_any(),
            };
            out.append(item)?;
        }
        Ok(out)
    }

    /// Threads a batch uses.
    #[getter]
    fn threads(&self) -> usize {
        self.pool.as_ref().map_or_else(rayon::current_num_threads, rayon::ThreadPool::current_num_threads)
    }

    fn __repr__(&self) -> String {
        format!("Pipeline(threads={})", self.threads())
    }
}

fn extract_one<'py>(
    py: Python<'py>,
    core: &Core,
    data: &Bound<'py, PyAny>,
    path: Option<String>,
    url: Option<String>,
    http_charset: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let page = Page { bytes: Page::data(data)?, path, url, http_charset };
    let json = py.detach(|| page.process(core)).map_err(|e| to_py(py, &e))?;
    loads(py, &json)
}

/// Processes one page with the default patterns; the document as a dict.
#[pyfunction]
#[pyo3(signature = (data, *, path=None, url=None, http_charset=None))]
fn extract<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    path: Option<String>,
    url: Option<String>,
    http_charset: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let core = shared_default(py)?;
    extract_one(py, &core, data, path, url, http_charset)
}

/// Whether `pressmine run` reads a file of this name (a page extension, optionally `.gz`;
/// no extension; a server page's such as `.php`), as opposed to skipping it.
#[pyfunction]
fn is_page_name(name: &str) -> bool {
    source::is_document_name(name)
}

#[pymodule]
fn _pressmine(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("PressmineError", m.py().get_type::<PressmineError>())?;
    m.add_class::<Pipeline>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(is_page_name, m)?)?;
    Ok(())
}
