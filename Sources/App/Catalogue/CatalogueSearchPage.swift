import LumbungCore

/// The body of the catalogue's search page (and of an agency's page), written with
/// `HTMLWriter`: the page people use most, where Leaf's serializer cost more than the search.
/// The layout around it is `PageLayout`, as on every page.
extension CatalogueController.SearchData {
    func html(_ labels: Labels) -> HTMLFragment {
        var out = HTMLWriter(capacity: 32_768)
        out.markup("<h1>")
        out.text(agencyHeading ?? labels.t("catalogue.title"))
        out.markup("</h1>\n<form class=\"card search\" method=\"get\" role=\"search\" id=\"catalogue-search\">\n<label for=\"q\">")
        out.text(labels.t("catalogue.searchLabel"))
        out.markup("</label>\n<div class=\"searchbox\"><input type=\"search\" id=\"q\" name=\"q\" value=\"")
        out.text(text)
        out.markup("\" maxlength=\"500\" placeholder=\"")
        out.text(labels.t("catalogue.placeholder"))
        out.markup("\"><button type=\"submit\">")
        out.text(labels.t("catalogue.search"))
        out.markup("</button></div>\n<p class=\"hint\">")
        out.text(labels.t("catalogue.hint"))
        out.markup("</p>\n</form>\n")
        if !problems.isEmpty {
            out.markup("<div class=\"flash info\" id=\"search-problems\">")
            for problem in problems {
                out.markup("<p>")
                out.text(problem)
                out.markup("</p>")
            }
            out.markup("</div>\n")
        }
        out.markup("<div class=\"catalogue\">\n<aside class=\"facets\" aria-label=\"")
        out.text(labels.t("catalogue.filters"))
        out.markup("\">\n")
        for facet in facets where !facet.values.isEmpty { writeFacet(facet, to: &out) }
        out.markup("</aside>\n<section class=\"results\">\n<p class=\"muted\" id=\"result-count\">")
        out.text(labels.t("catalogue.total", total))
        out.markup(" ·\n")
        if sortedByNewest {
            writeLink(relevanceHref, labels.t("catalogue.byRelevance"), to: &out)
            out.markup(" · <strong>")
            out.text(labels.t("catalogue.byNewest"))
            out.markup("</strong>")
        } else {
            out.markup("<strong>")
            out.text(labels.t("catalogue.byRelevance"))
            out.markup("</strong> · ")
            writeLink(newestHref, labels.t("catalogue.byNewest"), to: &out)
        }
        out.markup("</p>\n")
        if hits.isEmpty {
            out.markup("<p class=\"card\" id=\"no-results\">")
            out.text(labels.t("catalogue.noResults"))
            out.markup("</p>\n")
        } else {
            out.markup("<ol class=\"hits\" id=\"hits\">\n")
            for hit in hits { writeHit(hit, to: &out) }
            out.markup("</ol>\n")
        }
        out.markup("<div class=\"pager\">")
        if let previousHref { writeLink(previousHref, labels.t("list.previous"), rel: "prev", to: &out) }
        out.markup(" <span>")
        out.text(pageLabel)
        out.markup("</span> ")
        if let nextHref { writeLink(nextHref, labels.t("list.next"), rel: "next", to: &out) }
        out.markup("</div>\n<p class=\"muted\">")
        out.text(labels.t("catalogue.openData"))
        out.markup(" ")
        writeLink(apiHref, "JSON", to: &out)
        out.markup(" · ")
        writeLink(csvHref, "CSV", to: &out)
        out.markup(" · <a href=\"/api/v1/openapi.json\">OpenAPI</a></p>\n</section>\n</div>\n")
        return out.fragment
    }

    private func writeFacet(_ facet: CatalogueController.FacetView, to out: inout HTMLWriter) {
        out.markup("<details class=\"facet\" open id=\"facet-")
        out.text(facet.name)
        out.markup("\"><summary>")
        out.text(facet.label)
        out.markup("</summary><ul>\n")
        for value in facet.values {
            out.markup("<li><a href=\"")
            out.text(value.href)
            if value.selected {
                out.markup("\" class=\"selected\" aria-current=\"true\">✓ ")
            } else {
                out.markup("\">")
            }
            out.text(value.label)
            out.markup("</a> <span class=\"muted\">")
            out.text(value.count)
            out.markup("</span></li>")
        }
        out.markup("\n</ul></details>\n")
    }

    private func writeHit(_ hit: CatalogueController.HitView, to out: inout HTMLWriter) {
        out.markup("<li class=\"card hit\"><h2><a href=\"/catalogue/")
        out.text(String(hit.id))
        out.markup("\">")
        writeSegments(hit.title, to: &out)
        out.markup("</a>")
        if !hit.acronym.isEmpty {
            out.markup(" <span class=\"muted\">(")
            out.text(hit.acronym)
            out.markup(")</span>")
        }
        out.markup("</h2>\n<p class=\"muted\">")
        writeLink(hit.agencyHref, hit.agencyName, to: &out)
        out.markup(" · ")
        out.text(hit.categoryLabel)
        out.markup(" · ")
        out.text(hit.stageLabel)
        if !hit.year.isEmpty {
            out.markup(" · ")
            out.text(hit.year)
        }
        out.markup("</p>\n<p>")
        writeSegments(hit.snippet, to: &out)
        out.markup("</p></li>\n")
    }

    private func writeSegments(_ segments: [HighlightSegment], to out: inout HTMLWriter) {
        for segment in segments {
            if segment.isMatch {
                out.markup("<mark>")
                out.text(segment.text)
                out.markup("</mark>")
            } else {
                out.text(segment.text)
            }
        }
    }

    private func writeLink(_ href: String, _ label: String, rel: StaticString? = nil, to out: inout HTMLWriter) {
        out.markup("<a href=\"")
        out.text(href)
        if let rel {
            out.markup("\" rel=\"")
            out.markup(rel)
        }
        out.markup("\">")
        out.text(label)
        out.markup("</a>")
    }
}
