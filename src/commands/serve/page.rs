//! What `serve` adds to the pages it sends, and nothing else does: a small script that updates
//! the page when a new build is ready, allowed by a nonce added to the page's own
//! Content-Security-Policy. The files `generate` writes never carry either. Also the page shown
//! while the input is broken: the error as the terminal prints it.

use std::hash::{BuildHasher, Hasher};

/// The event stream open pages listen to; not a path of the generated folder.
pub const EVENTS: &str = "/__ipobrief/events";

/// `html` with the reload script for a page of build `generation`, and its CSP (when it has
/// one) extended to allow exactly that script and the event stream.
pub fn with_reload(html: &str, generation: u64, nonce: &str) -> String {
    let mut page = html.to_string();
    if let Some(at) = policy_start(&page) {
        page.insert_str(
            at,
            &format!("script-src 'nonce-{nonce}'; connect-src 'self'; "),
        );
    }
    // The page updates when the server's build differs from its own: a build finished while
    // the page loaded is caught too, as the stream starts with the current build's number.
    let script = UPDATE
        .replace("{nonce}", nonce)
        .replace("{generation}", &generation.to_string())
        .replace("{events}", EVENTS);
    let end = page.to_ascii_lowercase().rfind("</body>");
    page.insert_str(end.unwrap_or(page.len()), &script);
    page
}

/// The script of a served page. On a new build it fetches its own address again and swaps
/// the new head and body in, keeping the page, its scroll position and this script: in
/// Chromium that is several times quicker than reloading the page. The new page's scripts
/// are left out (never run); a page whose policy changed, or whose fetch fails, is reloaded
/// instead. Builds that finish while a page is fetched are caught by the next swap.
const UPDATE: &str = r#"<script nonce="{nonce}">(function () {
  var built = "{generation}", shown = built, busy = false;
  var events = new EventSource("{events}");
  var POLICY = 'meta[http-equiv="Content-Security-Policy" i]';
  function policy(page) {
    var meta = page.querySelector(POLICY);
    return meta ? meta.content.replace(/^script-src 'nonce-[^']*'; connect-src 'self'; /, "") : "";
  }
  // The policy this page was loaded with stays in force after a swap.
  var enforced = policy(document);
  function head(page) {
    return Array.prototype.filter.call(page.head.children, function (node) {
      return !node.matches("script, " + POLICY);
    }).map(function (node) { return node.outerHTML; }).join("");
  }
  function reload() { events.close(); location.reload(); }
  function update() {
    if (busy || shown === built) return;
    busy = true;
    var wanted = built;
    fetch(location.href, { cache: "no-store" }).then(function (answer) {
      return answer.text();
    }).then(function (text) {
      var next = new DOMParser().parseFromString(text, "text/html");
      if (policy(next) !== enforced) return reload();
      next.querySelectorAll("script, " + POLICY).forEach(function (node) { node.remove(); });
      // A head that did not change stays: its style sheet is not parsed again.
      if (head(next) !== head(document)) {
        document.documentElement.replaceChild(document.adoptNode(next.head), document.head);
      }
      document.documentElement.replaceChild(document.adoptNode(next.body), document.body);
      shown = wanted;
      busy = false;
      update();
    }).catch(reload);
  }
  events.onmessage = function (event) { built = event.data; update(); };
})();</script>
"#;

/// Where the value of the page's Content-Security-Policy meta element starts: directives put
/// there come first, and the first of two same directives is the one a browser applies.
fn policy_start(html: &str) -> Option<usize> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<meta") {
        let start = from + found;
        let end = start + lower[start..].find('>')?;
        let tag = &lower[start..end];
        if tag.contains("content-security-policy") {
            let value = tag.find("content=\"")? + "content=\"".len();
            return Some(start + value);
        }
        from = end;
    }
    None
}

/// A fresh unguessable nonce (128 bits): std's `RandomState` is seeded from the system's random
/// source and gives new keys each time.
pub fn nonce() -> String {
    let half = || {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(0x6970_6f62);
        hasher.finish()
    };
    format!("{:016x}{:016x}", half(), half())
}

/// A self-contained page showing a build's error (`text` as the terminal prints it, less what
/// [`quote`](super::quote) withholds), styled
/// as the brief is, light and dark.
pub fn error_page(text: &str) -> String {
    let style = crate::report::templates::built_in(crate::report::templates::STYLESHEET);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
         <title>The brief could not be made</title>\n<style>\n{style}\n{ERROR_STYLE}</style>\n\
         </head>\n<body>\n<main class=\"brief\">\n<h1>The brief could not be made</h1>\n\
         <p class=\"lead\">Fix the file and save it: this page turns back into the brief by \
         itself.</p>\n<pre class=\"serve-error\" tabindex=\"0\" role=\"region\" \
         aria-label=\"The error\">{}</pre>\n</main>\n</body>\n</html>\n",
        tera::escape_html(text)
    )
}

/// A small page for a path the generated folder does not have.
pub fn not_found_page() -> String {
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
     <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
     <title>Not found</title></head><body><p>Not found. The brief is at <a href=\"/\">/</a>.</p>\
     </body></html>\n"
        .to_string()
}

const ERROR_STYLE: &str = "\
:root { color-scheme: light dark; }
.serve-error { background: var(--panel); border: 1px solid var(--rule); border-left: 4px solid var(--bad);
  border-radius: 6px; padding: 14px 16px; overflow-x: auto; white-space: pre;
  font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--ink); }
";

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" \
                        content=\"default-src 'none'; style-src 'unsafe-inline'\"></head>\
                        <body><p>brief</p></body></html>";

    #[test]
    fn the_script_and_its_nonce_go_into_the_page_and_its_policy() {
        let page = with_reload(PAGE, 7, "abc123");
        assert!(page.contains(
            "content=\"script-src 'nonce-abc123'; connect-src 'self'; default-src 'none';"
        ));
        let script = page.find("<script nonce=\"abc123\">").expect("the script");
        assert!(script > page.find("<p>brief</p>").unwrap());
        assert!(page.ends_with("</script>\n</body></html>"));
        assert!(page.contains("var built = \"7\""));
    }

    #[test]
    fn a_page_without_a_policy_or_body_still_gets_the_script() {
        let page = with_reload("<p>x</p>", 1, "n");
        assert!(page.starts_with("<p>x</p><script nonce=\"n\">"));
    }

    #[test]
    fn nonces_differ_and_are_hex() {
        let (a, b) = (nonce(), nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn the_error_page_escapes_the_error() {
        let page = error_page("error: bad <script>alert(1)</script> & \"x\"\n --> a.toml:1:2");
        assert!(page.contains("bad &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; &quot;x&quot;"));
        assert!(!page.contains("<script>alert"));
        assert!(page.contains(" --&gt; a.toml:1:2"));
    }
}
