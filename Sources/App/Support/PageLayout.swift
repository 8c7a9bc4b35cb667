import LumbungCore

/// The frame every page shares: head, top bar, navigation, flash messages, footer. Written with
/// `HTMLWriter`, like the catalogue's search page, so that the page people use most needs no
/// template at all; every other page's Leaf template writes only its body, placed in `<main>`.
struct PageLayout {
    let page: PageContext
    let labels: Labels

    func html(body: HTMLFragment) -> HTMLFragment {
        var out = HTMLWriter(capacity: body.buffer.readableBytes + 4_096)
        out.markup("<!doctype html>\n<html lang=\"")
        out.text(page.language)
        out.markup("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        out.text(page.title)
        out.markup(" · Lumbung</title>\n<link rel=\"stylesheet\" href=\"")
        out.text(page.stylesheet)
        out.markup("\">\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">")
        out.text(labels.t("layout.skip"))
        out.markup("</a>\n")
        if page.isDemo {
            out.markup("<div class=\"demo\" id=\"demo-notice\">")
            out.text(labels.t("layout.demoNotice"))
            out.markup("</div>\n")
        }
        writeTopBar(to: &out)
        if page.user != nil { writeNavigation(to: &out) }
        out.markup("<main id=\"content\">\n")
        for message in page.flash {
            out.markup("<p class=\"flash ")
            out.text(message.kind.rawValue)
            out.markup("\" role=\"status\">")
            out.text(message.text)
            out.markup("</p>\n")
        }
        out.append(body)
        out.markup("</main>\n<footer>")
        out.text(labels.t("layout.footer"))
        out.markup("</footer>\n<script src=\"")
        out.text(page.script)
        out.markup("\" defer></script>\n</body>\n</html>\n")
        return out.fragment
    }

    private func writeTopBar(to out: inout HTMLWriter) {
        out.markup("<header class=\"top\">\n<div class=\"bar\">\n<a class=\"brand\" href=\"/\">Lumbung</a>\n<a href=\"/catalogue\">")
        out.text(labels.t("nav.catalogue"))
        out.markup("</a>\n<a href=\"")
        out.text(page.switchLanguageHref)
        out.markup("\" lang=\"")
        out.markup(page.language == Language.id.rawValue ? "en" : "id")
        out.markup("\">")
        out.text(page.switchLanguageLabel)
        out.markup("</a>\n")
        if let user = page.user {
            out.markup("<span class=\"who\">")
            out.text(user.name)
            out.markup(" · ")
            out.text(user.roleLabel)
            out.markup("</span>\n<a href=\"/account/password\">")
            out.text(labels.t("nav.password"))
            out.markup("</a>\n<form class=\"inline\" id=\"logout-form\" method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrfToken\" value=\"")
            out.text(page.csrfToken)
            out.markup("\"><button type=\"submit\" id=\"logout-button\">")
            out.text(labels.t("nav.logout"))
            out.markup("</button></form>\n")
        } else {
            out.markup("<a href=\"/login\" id=\"login-link\">")
            out.text(labels.t("nav.login"))
            out.markup("</a>\n")
        }
        out.markup("</div>\n</header>\n")
    }

    private func writeNavigation(to out: inout HTMLWriter) {
        out.markup("<nav class=\"main\" aria-label=\"")
        out.text(labels.t("nav.label"))
        out.markup("\"><ul>\n")
        for item in page.nav {
            out.markup("<li><a href=\"")
            out.text(item.href)
            out.markup(item.isActive ? "\" aria-current=\"page\">" : "\">")
            out.text(item.label)
            out.markup("</a></li>")
        }
        out.markup("\n</ul></nav>\n")
    }
}
