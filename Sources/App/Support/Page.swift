import LumbungCore
import Vapor

/// What the layout needs on every page.
struct PageContext: Encodable {
    struct UserSummary: Encodable {
        let name: String
        let email: String
        let role: String
        let roleLabel: String
    }

    struct NavItem: Encodable {
        let href: String
        let label: String
        let isActive: Bool
    }

    let title: String
    let language: String
    let switchLanguageHref: String
    let switchLanguageLabel: String
    let user: UserSummary?
    let nav: [NavItem]
    let csrfToken: String
    let isDemo: Bool
    /// The stylesheet and script with their content hash, cached for a year.
    let stylesheet: String
    let script: String
    let flash: [FlashMessage]
}

/// A page: the layout's context and the page's own data.
struct Page<Data: Encodable>: Encodable {
    let page: PageContext
    let data: Data
}

struct NoData: Encodable {}

extension Request {
    /// A page: the template's body in the shared layout.
    func render<D: Encodable>(_ template: String, title: String, _ data: D, status: HTTPStatus = .ok) async throws -> Response {
        let page = try await pageContext(title: title)
        let body = HTMLFragment(rendered: try await view.render(template, Page(page: page, data: data)))
        return inLayout(body, page: page, status: status)
    }

    /// A page whose body was written with `HTMLWriter`, in the shared layout.
    func render(title: String, body: HTMLFragment, status: HTTPStatus = .ok) async throws -> Response {
        inLayout(body, page: try await pageContext(title: title), status: status)
    }

    private func inLayout(_ body: HTMLFragment, page: PageContext, status: HTTPStatus) -> Response {
        pageResponse(PageLayout(page: page, labels: Labels(self)).html(body: body), status: status)
    }

    /// A document whose template is the whole page, without the layout (a sheet to print).
    func renderDocument<D: Encodable>(_ template: String, title: String, _ data: D) async throws -> Response {
        let view = try await view.render(template, Page(page: try await pageContext(title: title), data: data))
        return pageResponse(HTMLFragment(rendered: view), status: .ok)
    }

    private func pageResponse(_ html: HTMLFragment, status: HTTPStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(buffer: html.buffer))
    }

    func pageContext(title: String) async throws -> PageContext {
        let user = auth.get(User.self)
        let other: Language = language == .id ? .en : .id
        let here = url.string
        return try await PageContext(
            title: title,
            language: language.rawValue,
            switchLanguageHref: "/bahasa/\(other.rawValue)?next=" + (here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            switchLanguageLabel: other == .en ? "English" : "Bahasa Indonesia",
            user: user.map { .init(name: $0.name, email: $0.email, role: $0.role.rawValue, roleLabel: t("role.\($0.role.rawValue)")) },
            nav: navigation(for: user, path: url.path),
            csrfToken: user == nil ? "" : try await csrfToken(),
            isDemo: try await application.demoFlag.isDemo(on: db),
            stylesheet: application.staticAssets.href("/app.css"), script: application.staticAssets.href("/app.js"),
            flash: takeFlash()
        )
    }

    private func navigation(for user: User?, path: String) -> [PageContext.NavItem] {
        guard let user else { return [] }
        var items: [(String, String)] = [("/", "nav.dashboard")]
        switch user.role {
        case .admin:
            items += [("/innovations", "nav.innovations"), ("/review", "nav.review"), ("/competitions", "nav.competitions"),
                      ("/inventory", "nav.inventory"), ("/index", "nav.index"), ("/report", "nav.report"),
                      ("/agencies", "nav.agencies"), ("/users", "nav.users"), ("/import", "nav.transfer"), ("/audit", "nav.audit")]
        case .viewer:
            items += [("/innovations", "nav.innovations"), ("/review", "nav.review"), ("/competitions", "nav.competitions"),
                      ("/inventory", "nav.inventory"), ("/index", "nav.index"), ("/report", "nav.report"),
                      ("/agencies", "nav.agencies"), ("/audit", "nav.audit")]
        case .operator:
            items += [("/innovations", "nav.innovations"), ("/competitions", "nav.competitions"), ("/inventory", "nav.inventory"),
                      ("/index", "nav.index"), ("/agencies", "nav.agencies")]
        case .evaluator:
            items += [("/evaluations", "nav.evaluations")]
        }
        return items.map { href, key in
            let active = href == "/" ? path == "/" : path.hasPrefix(href)
            return .init(href: href, label: t(key), isActive: active)
        }
    }
}
