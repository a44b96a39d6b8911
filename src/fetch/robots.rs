//! robots.txt as RFC 9309 reads it: groups by user agent, `Allow` / `Disallow` with `*` and
//! `$`, the longest match wins and a tie goes to `Allow`; `Crawl-delay` (not in the RFC,
//! widely used) is kept. It parses and answers; fetching robots.txt is `fetch`'s job.

use std::time::Duration;

/// Rules that apply to one crawler on one origin.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// (allow, pattern) pairs of the matching group(s).
    rules: Vec<(bool, String)>,
    /// Everything is disallowed (robots.txt unreachable: server error).
    disallow_all: bool,
    /// `Crawl-delay` of the matching group.
    pub crawl_delay: Option<Duration>,
}

impl Robots {
    /// No rules: everything allowed (robots.txt missing, 4xx).
    pub fn allow_all() -> Self {
        Self::default()
    }

    /// Everything disallowed (robots.txt answered 5xx or could not be reached; RFC 9309 §2.3.1.4).
    pub fn disallow_all() -> Self {
        Self { disallow_all: true, ..Self::default() }
    }

    /// Parses `text` for the crawler whose product token is `agent` (e.g. "pressmine").
    /// Groups naming the agent win over `*`; several matching groups are merged.
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        let mut specific = Group::default();
        let mut wildcard = Group::default();
        let mut found_specific = false;
        // Agents of the group being read, and whether a rule line has closed its header.
        let mut agents: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else { continue };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        agents.clear();
                        in_rules = false;
                    }
                    agents.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" | "crawl-delay" => {
                    in_rules = true;
                    let mine = agents.iter().any(|a| !a.is_empty() && a != "*" && agent.starts_with(a.as_str()));
                    let star = agents.iter().any(|a| a == "*");
                    let target = if mine {
                        found_specific = true;
                        &mut specific
                    } else if star {
                        &mut wildcard
                    } else {
                        continue;
                    };
                    if key == "crawl-delay" {
                        if let Ok(secs) = value.parse::<f64>() {
                            if secs.is_finite() && secs >= 0.0 {
                                target.delay = Some(Duration::from_secs_f64(secs.min(86_400.0)));
                            }
                        }
                    } else if !value.is_empty() {
                        target.rules.push((key == "allow", value.to_string()));
                    }
                }
                _ => {}
            }
        }
        let group = if found_specific { specific } else { wildcard };
        Self { rules: group.rules, disallow_all: false, crawl_delay: group.delay }
    }

    /// Whether `path` (path and query of a URL, starting with `/`) may be fetched.
    pub fn allowed(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        if self.disallow_all {
            return false;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.map_or(true, |(_, allow)| allow)
    }
}

#[derive(Debug, Default)]
struct Group {
    rules: Vec<(bool, String)>,
    delay: Option<Duration>,
}

/// Prefix match with `*` (any run) and a final `$` (end of path).
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if i == parts.len() - 1 && anchored {
            return path.len() >= pos + part.len() && path.ends_with(part);
        } else {
            match path[pos..].find(part) {
                Some(at) => pos += at + part.len(),
                None => return false,
            }
        }
    }
    !anchored || pos == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.pdf$\n\
                       Crawl-delay: 2\n\nUser-agent: BadBot\nDisallow: /\n";

    #[test]
    fn wildcard_group_applies_to_us() {
        let r = Robots::parse(TXT, "pressmine");
        assert!(r.allowed("/news/1.html"));
        assert!(!r.allowed("/private/x.html"));
        assert!(r.allowed("/private/open/1.html"));
        assert!(!r.allowed("/files/a.pdf"));
        assert!(r.allowed("/files/a.pdf?x=1"));
        assert!(r.allowed("/robots.txt"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(2)));
    }

    #[test]
    fn specific_group_wins_over_wildcard() {
        let r = Robots::parse(TXT, "badbot");
        assert!(!r.allowed("/news/1.html"));
        let txt = "User-agent: pressmine\nUser-agent: other\nAllow: /\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n";
        let r = Robots::parse(txt, "pressmine");
        assert!(r.allowed("/b"));
        assert!(!r.allowed("/a/1"));
    }

    #[test]
    fn longest_match_and_ties() {
        let r = Robots::parse("User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /ab/c\nAllow: /ab\n", "x");
        assert!(r.allowed("/a"));
        assert!(r.allowed("/ab/d"));
        assert!(!r.allowed("/ab/c/d"));
    }

    #[test]
    fn empty_disallow_and_garbage_allow_everything() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "x").allowed("/anything"));
        assert!(Robots::parse("<html>not robots</html>\n\u{0}\u{ffff}", "x").allowed("/a"));
        assert!(!Robots::disallow_all().allowed("/a"));
        assert!(Robots::allow_all().allowed("/a"));
    }

    #[test]
    fn pattern_matching() {
        assert!(matches("/*/news", "/x/y/news/1"));
        assert!(matches("/a*b$", "/a-xx-b"));
        assert!(!matches("/a*b$", "/a-xx-bc"));
        assert!(matches("/", "/"));
        assert!(matches("*", "/anything"));
        assert!(!matches("/x$", "/xy"));
    }
}
