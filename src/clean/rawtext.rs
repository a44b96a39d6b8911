//! Empties the contents of `<script>` and `<style>` elements before the HTML parser sees
//! them. Those contents never reach a block (the walk in the parent module skips both
//! elements), yet on real pages they are about 40 % of the bytes, and tokenizing them
//! character by character is a large share of parsing. The scan here follows the HTML
//! tokenizer far enough to know where a script or style really starts and ends (comments,
//! quoted attribute values, the other raw-text and RCDATA elements); wherever it cannot be
//! sure it stops and leaves the rest of the page as it was, so the tree built afterwards is
//! the one the page would have given (the property test beside this file checks that on
//! random markup). It does not remove the elements themselves.
//!
//! On the way it drops the attributes nothing reads (`href`, `src`, `onclick`, `width` …:
//! about a third of what is left of a page): a start tag keeps only those in [`KEPT`], the
//! ones the walk reads and the few the tree builder looks at, each byte for byte. It also
//! drops comments and cuts indentation between tags to one character: the walk never reads
//! a comment and collapses whitespace, and whitespace-only text stays whitespace-only for the
//! tree builder. It touches no other markup.

use memchr::memmem;

/// Elements whose contents the tokenizer reads as text up to their own end tag; a `<script>`
/// inside one of them is text.
const RAW_OR_RCDATA: [&str; 7] = ["textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Start tags after which the scan stops: MathML (foreign content, where `<script>` is an
/// ordinary element), framesets (where a script start tag is ignored) and `<plaintext>`.
const STOP: [&str; 3] = ["math", "frameset", "plaintext"];

/// SVG elements the scan steps over inside an `<svg>` (icons and charts); any other tag there
/// may leave foreign content or open HTML inside it, and ends the scan.
const SVG: [&str; 31] = [
    "svg",
    "g",
    "path",
    "use",
    "symbol",
    "defs",
    "circle",
    "rect",
    "polygon",
    "polyline",
    "line",
    "ellipse",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
    "mask",
    "pattern",
    "text",
    "tspan",
    "image",
    "filter",
    "marker",
    "animate",
    "animatetransform",
    "set",
    "style",
    "femerge",
    "femergenode",
    "view",
    "script",
];

/// Attributes a start tag keeps: those the walk reads (`hidden`, `style`, `class`, `id`, and a
/// meta tag's key and content) and those the tree builder reads (`type` of an input in a
/// table; `color`, `face`, `size` of a font and `encoding` in foreign content).
const KEPT: [&str; 15] = [
    "hidden",
    "style",
    "class",
    "id",
    "name",
    "property",
    "itemprop",
    "http-equiv",
    "content",
    "charset",
    "type",
    "color",
    "face",
    "size",
    "encoding",
];

/// Whether dropping the comment at `lt..end` would join the text run before it (from `from`)
/// with the one after it when one is only whitespace and the other is not
/// (`<table>--><!---->  <script>`): inside a table the tree builder keeps whitespace in place
/// and moves other text out, so the two runs must stay apart.
fn joins_mixed(bytes: &[u8], from: usize, lt: usize, end: usize) -> bool {
    let is_ws = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
    let after_end = memchr::memchr(b'<', &bytes[end..]).map_or(bytes.len(), |k| end + k);
    let (before, after) = (&bytes[from..lt], &bytes[end..after_end]);
    !before.is_empty() && !after.is_empty() && before.iter().all(is_ws) != after.iter().all(is_ws)
}

/// The page with every script's and style's contents removed, the attributes not in
/// [`KEPT`] and the comments dropped, and each run of whitespace between two tags cut to its
/// first character (the walk collapses whitespace and never reads a comment), or `None` when
/// there was nothing to remove.
pub(crate) fn slim(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of input already in `out`
    let mut i = 0;
    let mut in_select = false;
    let is_ws = |b: &u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        // Text that is only whitespace, right after a tag or a comment (i is then in the data
        // state): one character of it keeps it whitespace for the tree builder.
        if off >= 2 && i > 0 && bytes[i - 1] == b'>' && bytes[i..lt].iter().all(is_ws) {
            let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
            o.push_str(&input[copied..i + 1]);
            copied = lt;
        }
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            match comment_end(bytes, lt + 4) {
                // A comment after `<` or `&` stays: dropping it would join them with what
                // follows (`<<!---->/` would become `</`, `&<!---->amp;` an entity).
                Some(end) if lt > 0 && (matches!(bytes[lt - 1], b'<' | b'&') || joins_mixed(bytes, i, lt, end)) => {
                    i = end
                }
                Some(end) => {
                    let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
                    o.push_str(&input[copied..lt]);
                    copied = end;
                    i = end;
                }
                None => break,
            }
        } else if rest.first().is_some_and(|b| matches!(b, b'!' | b'?'))
            || (rest.first() == Some(&b'/') && !rest.get(1).is_some_and(u8::is_ascii_alphabetic))
        {
            // A doctype or a bogus comment (`<!x`, `<?x`, `</ x`), to the next `>`.
            match memchr::memchr(b'>', rest) {
                Some(gt) => i = lt + 1 + gt + 1,
                None => break,
            }
        } else if let Some(tag) = Tag::read(bytes, lt) {
            let Some(tag) = tag else { break };
            i = tag.end;
            let name = &bytes[tag.name.0..tag.name.1];
            if name.eq_ignore_ascii_case(b"select") {
                in_select = !tag.closing;
            }
            if tag.closing {
                continue;
            }
            if STOP.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(name)) {
                break;
            }
            if name.eq_ignore_ascii_case(b"svg") {
                // Foreign content keeps its markup as it is.
                if !tag.self_closing {
                    let Some(end) = svg_end(bytes, tag.end) else { break };
                    i = end;
                }
                continue;
            }
            if tag.drops_attributes(bytes) {
                let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
                o.push_str(&input[copied..tag.name.1]);
                for a in tag.attributes(bytes).filter(|a| a.kept(bytes)) {
                    o.push(' ');
                    o.push_str(&input[a.start..a.end]);
                }
                o.push_str(if tag.self_closing { "/>" } else { ">" });
                copied = tag.end;
            }
            let is_script = name.eq_ignore_ascii_case(b"script");
            // Inside a select, every start tag but script's is ignored, so its contents
            // are markup.
            if in_select && !is_script {
                if name.eq_ignore_ascii_case(b"style")
                    || RAW_OR_RCDATA.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(name))
                {
                    break;
                }
                continue;
            }
            if is_script || name.eq_ignore_ascii_case(b"style") {
                let close = if is_script { script_end(bytes, tag.end) } else { end_tag(bytes, tag.end, name) };
                let Some(close) = close else { break };
                if close > tag.end {
                    let o = out.get_or_insert_with(|| String::with_capacity(input.len()));
                    o.push_str(&input[copied..tag.end]);
                    copied = close;
                }
                i = close;
            } else if RAW_OR_RCDATA.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(name)) {
                let Some(close) = end_tag(bytes, tag.end, name) else { break };
                i = close;
            }
        } else {
            i = lt + 1; // a `<` that opens no tag is text
        }
    }
    let mut out = out?;
    out.push_str(&input[copied..]);
    Some(out)
}

/// Where the comment whose text starts at `from` ends (just past `-->` or `--!>`);
/// `<!-->` and `<!--->` are whole comments.
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let text = &bytes[from..];
    if text.starts_with(b">") {
        return Some(from + 1);
    }
    if text.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut i = 0;
    while let Some(p) = memmem::find(&text[i..], b"--") {
        let at = i + p + 2;
        match text.get(at) {
            Some(b'>') => return Some(from + at + 1),
            Some(b'!') if text.get(at + 1) == Some(&b'>') => return Some(from + at + 2),
            _ => i = i + p + 1,
        }
    }
    None
}

/// Where the `</script` that ends a script whose contents start at `from` stands. Scripts
/// are read as the tokenizer reads them: after `<!--` a `<script>` opens a "double escaped"
/// stretch whose `</script>` does not end the element, and `-->` closes the escape.
fn script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut dashes = 0;
    let mut i = from;
    loop {
        if state == State::Data {
            let lt = i + memchr::memchr(b'<', &bytes[i..])?;
            if names_at(bytes, lt, b"</script") {
                return Some(lt);
            }
            if bytes[lt + 1..].starts_with(b"!--") {
                (state, dashes, i) = (State::Escaped, 2, lt + 4);
            } else {
                i = lt + 1;
            }
            continue;
        }
        match *bytes.get(i)? {
            b'-' => dashes += 1,
            b'>' if dashes >= 2 => {
                (state, dashes) = (State::Data, 0);
            }
            b'<' => {
                dashes = 0;
                if state == State::Escaped {
                    if names_at(bytes, i, b"</script") {
                        return Some(i);
                    }
                    if names_at(bytes, i, b"<script") {
                        (state, i) = (State::DoubleEscaped, i + 7);
                        continue;
                    }
                } else if names_at(bytes, i, b"</script") {
                    (state, i) = (State::Escaped, i + 8);
                    continue;
                }
            }
            _ => dashes = 0,
        }
        i += 1;
    }
}

/// `bytes` at `at` hold `tag` (its letters in any case) followed by a character that ends a
/// tag name.
fn names_at(bytes: &[u8], at: usize, tag: &[u8]) -> bool {
    let after = at + tag.len();
    bytes.len() > after
        && bytes[at..after].eq_ignore_ascii_case(tag)
        && matches!(bytes[after], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>')
}

/// Just past the `</svg>` that closes an `<svg>` whose contents start at `from`, or `None`
/// where its contents hold anything but plain SVG elements, comments and CDATA.
fn svg_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1;
    let mut i = from;
    loop {
        let lt = i + memchr::memchr(b'<', &bytes[i..])?;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(bytes, lt + 4)?;
        } else if rest.starts_with(b"![CDATA[") {
            i = lt + 9 + memmem::find(&rest[8..], b"]]>")? + 3;
        } else if let Some(tag) = Tag::read(bytes, lt) {
            let tag = tag?;
            let name = &bytes[tag.name.0..tag.name.1];
            if !SVG.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(name)) {
                return None;
            }
            i = tag.end;
            if name.eq_ignore_ascii_case(b"svg") {
                if tag.closing {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                } else if !tag.self_closing {
                    depth += 1;
                }
            }
        } else if matches!(rest.first(), Some(b'!' | b'?' | b'/')) {
            return None;
        } else {
            i = lt + 1;
        }
    }
}

/// Where the end tag `</name` that closes a raw-text element opened before `from` starts.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = memmem::find(&bytes[i..], b"</") {
        let at = i + p;
        let after = at + 2 + name.len();
        if bytes.len() >= after
            && bytes[at + 2..after].eq_ignore_ascii_case(name)
            && bytes.get(after).is_some_and(|b| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>'))
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// A start or end tag: its name's byte range, the byte just past its `>`, and whether it
/// ends with `/>`.
struct Tag {
    closing: bool,
    name: (usize, usize),
    end: usize,
    self_closing: bool,
}

impl Tag {
    /// Reads the tag opening at `lt`, its attributes as the tokenizer reads them (a name may
    /// start with `=` and hold quotes). `None` when `<` opens no tag there (it is text);
    /// `Some(None)` when the page ends inside the tag.
    fn read(bytes: &[u8], lt: usize) -> Option<Option<Tag>> {
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let start = lt + 1 + usize::from(closing);
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut i = start;
        while i < bytes.len() && !matches!(bytes[i], b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>') {
            i += 1;
        }
        let name = (start, i);
        Some(Self::attributes_end(bytes, i).map(|(end, self_closing)| Tag { closing, name, end, self_closing }))
    }

    /// Past the `>` that ends the attributes starting at `i`, and whether a `/` outside any
    /// value stands right before it.
    fn attributes_end(bytes: &[u8], mut i: usize) -> Option<(usize, bool)> {
        loop {
            match AttrStep::read(bytes, i)? {
                (AttrStep::End { past, self_closing }, _) => return Some((past, self_closing)),
                (AttrStep::Attr(_), next) => i = next,
            }
        }
    }

    /// The tag's attributes in order (the tag must have been read whole by [`Tag::read`]).
    fn attributes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = Attr> + 'b {
        let mut i = Some(self.name.1);
        std::iter::from_fn(move || match AttrStep::read(bytes, i?) {
            Some((AttrStep::Attr(a), next)) => {
                i = Some(next);
                Some(a)
            }
            _ => None,
        })
    }

    /// Whether some attribute of this start tag is not [`KEPT`].
    fn drops_attributes(&self, bytes: &[u8]) -> bool {
        !self.closing && self.attributes(bytes).any(|a| !a.kept(bytes))
    }
}

/// One attribute of a tag: its bytes from the name's first to the value's last (quotes
/// included), and where its name ends.
struct Attr {
    start: usize,
    name_end: usize,
    end: usize,
}

impl Attr {
    /// Whether its name (in any case) is one of [`KEPT`].
    fn kept(&self, bytes: &[u8]) -> bool {
        let name = &bytes[self.start..self.name_end];
        KEPT.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(name))
    }
}

/// What stands next among a tag's attributes, read as the tokenizer reads them (a name may
/// start with `=` and hold quotes and `<`; `/` outside a value separates like a space).
enum AttrStep {
    Attr(Attr),
    /// The tag's `>`: the byte past it, and whether a `/` stands right before it.
    End {
        past: usize,
        self_closing: bool,
    },
}

impl AttrStep {
    /// The step from `i` and where the next one starts; `None` when the page ends first.
    fn read(bytes: &[u8], mut i: usize) -> Option<(AttrStep, usize)> {
        let space = |b: u8| matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ');
        let mut slash = false;
        while space(*bytes.get(i)?) || bytes[i] == b'/' {
            slash = bytes[i] == b'/';
            i += 1;
        }
        if bytes[i] == b'>' {
            return Some((AttrStep::End { past: i + 1, self_closing: slash }, i + 1));
        }
        let start = i;
        i += usize::from(bytes[i] == b'=');
        while !matches!(*bytes.get(i)?, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ' | b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end = i;
        while space(*bytes.get(i)?) {
            i += 1;
        }
        if bytes[i] != b'=' {
            return Some((AttrStep::Attr(Attr { start, name_end, end: name_end }), i));
        }
        i += 1;
        while space(*bytes.get(i)?) {
            i += 1;
        }
        match bytes[i] {
            q @ (b'"' | b'\'') => i += 1 + memchr::memchr(q, &bytes[i + 1..])? + 1,
            b'>' => {}
            _ => {
                while !(space(*bytes.get(i)?) || bytes[i] == b'>') {
                    i += 1;
                }
            }
        }
        Some((AttrStep::Attr(Attr { start, name_end, end: i }), i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of markup that exercise every state the scan follows or gives up on.
    const PIECES: &[&str] = &[
        "<script>",
        "</script>",
        "<script type=\"a\">",
        "<SCRIPT>",
        "</script >",
        "</scriptx>",
        "<script/>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "--!>",
        "-",
        "<",
        ">",
        "/",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "<p>",
        "</p>",
        "<div class='a>b'>",
        "<svg>",
        "</svg>",
        "<path d=1/>",
        "<svg/>",
        "<g>",
        "<math>",
        "<textarea>",
        "</textarea>",
        "<title>",
        "</title>",
        "<noscript>",
        "</noscript>",
        "<select>",
        "</select>",
        "<iframe>",
        "</iframe>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE html>",
        "<?x>",
        "</ x>",
        "</>",
        "<table>",
        "<td>",
        "正文内容",
        "文字",
        "12",
        "<p =\"x>\">",
        "<a b\"c=d>",
        "<foreignObject>",
        "<plaintext>",
        "<frameset>",
        "<br>",
        "<head>",
        "<body>",
        "</body>",
        "<template>",
        "</template>",
        "<xmp>",
        "</xmp>",
        "<meta name=description content=\"要点\">",
        "<h1>",
        "</h1>",
        "<a href=x>",
        "</a>",
        "<li>",
        "<p class=\"title\" href=x>",
        "<div style=\"display: none\" onclick='a>b'>",
        "<div STYLE=visibility:hidden data-x>",
        "<input type=hidden name=q>",
        "<meta property=og:title content=\"标题\" data-a=1>",
        "<font color=red face=x size=2 title=t>",
        "<p id=biaoti data-x=1/>",
        "<br/>",
        "<p hidden x>",
        "<img src=a.png alt=\"图\">",
        "<a href=\"/x\" class=headline target=_blank>",
        "<td colspan=2 class = \"tit\" >",
        "<span a=>",
        "<p/ class=x>",
        "<p x=\"1\"class=y>",
        "  \n  ",
        "\t\r\n",
        "<pre>",
        "</pre>",
        "<!-- c -->",
        "<!--[if IE]><p>旧<![endif]-->",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Emptying scripts and styles and dropping attributes never changes what the walk
        /// reads from a page.
        #[test]
        fn slimming_keeps_every_block(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let page: String = picks.iter().map(|&i| PIECES[i]).collect();
            let slimmed = format!("{:?}", super::super::html::parse(&page));
            let reference = format!("{:?}", super::super::html::parse_unslimmed(&page));
            prop_assert_eq!(slimmed, reference, "page: {}", page);
        }
    }

    #[test]
    fn a_comment_that_separates_markup_stays() {
        for page in [
            "<<!---->/<script>",
            "<p>a&<!---->amp;b</p>",
            "<p>x<!-- c -->y</p>",
            "<table>--><!---->  \n  <script></script>-->",
        ] {
            let slimmed = format!("{:?}", super::super::html::parse(page));
            assert_eq!(slimmed, format!("{:?}", super::super::html::parse_unslimmed(page)), "page: {page}");
        }
    }

    #[test]
    fn scripts_and_styles_are_emptied_and_comments_dropped() {
        let page = "<html><head><style>p{color:red}</style><script src=a.js></script>\
            <script>var s = '<p>不是正文</p>';</script></head><body><p a='x>y'>正文</p>\
            <textarea><script>x</script></textarea><!-- <script>y</script> --><p>尾</p></body></html>";
        let out = slim(page).unwrap();
        assert_eq!(
            out,
            "<html><head><style></style><script></script><script></script></head><body>\
             <p>正文</p><textarea><script>x</script></textarea><p>尾</p></body></html>"
        );
        assert_eq!(slim("<p>no scripts</p>"), None);
    }

    #[test]
    fn whitespace_between_tags_keeps_one_character() {
        assert_eq!(
            slim("<ul>\n    <li>一</li>\r\n\t<li>二 三</li>  x  <li>\n</li></ul>").unwrap(),
            "<ul>\n<li>一</li>\r<li>二 三</li>  x  <li>\n</li></ul>"
        );
        assert_eq!(slim("<p>a</p> <p>b</p>"), None);
    }

    #[test]
    fn attributes_nothing_reads_are_dropped_and_the_rest_kept_byte_for_byte() {
        assert_eq!(
            slim("<a href=\"/n/1.html\" target=_blank CLASS = 'tit'>标题</a><br/><img src=x alt=y/>").unwrap(),
            "<a CLASS = 'tit'>标题</a><br/><img>"
        );
        assert_eq!(
            slim("<meta name=\"publishdate\" content=\"2024-01-02\" data-x=1><input type=hidden value=1>").unwrap(),
            "<meta name=\"publishdate\" content=\"2024-01-02\"><input type=hidden>"
        );
        // A tag keeping all its attributes is left as it was; end tags are never rewritten.
        assert_eq!(slim("<p class=a hidden>x</p x=1>"), None);
        // Foreign content keeps every attribute.
        assert_eq!(slim("<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>"), None);
    }

    #[test]
    fn the_scan_stops_where_the_tokenizer_could_read_otherwise() {
        // An escaped script: the first </script> does not end it.
        let escaped = "<script><!-- document.write('<script></script>'); --></script><p>x</p>";
        assert_eq!(slim(escaped).unwrap(), "<script></script><p>x</p>");
        // Foreign content and odd attribute syntax end the scan, keeping what came before.
        assert_eq!(
            slim("<style>a</style><math><script>b</script></math><script>c</script>").unwrap(),
            "<style></style><math><script>b</script></math><script>c</script>"
        );
        // An icon is stepped over; a script inside an svg is an SVG element and stays.
        assert_eq!(
            slim("<svg><path d='M0 0'/><script>a</script></svg><script>b</script>").unwrap(),
            "<svg><path d='M0 0'/><script>a</script></svg><script></script>"
        );
        assert_eq!(
            slim("<svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0\"/></g></svg><script>b</script>").unwrap(),
            "<svg viewBox=\"0 0 1 1\"><g><path d=\"M0 0\"/></g></svg><script></script>"
        );
        // Attribute syntax as the tokenizer reads it: a name may start with `=` and hold quotes.
        assert_eq!(slim("<p =\"x>\"><script>b</script>").unwrap(), "<p>\"><script></script>");
        assert_eq!(slim("<img alt=\"a\" b\"c=d\"><script>b</script>").unwrap(), "<img><script></script>");
        assert_eq!(slim("<script>never closed"), None);
    }
}
