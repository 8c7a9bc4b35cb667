/// A horizontal bar chart laid out for SVG: the page's template draws it (so every label is
/// escaped like any other value) and shows the same numbers in a table beside it.
public struct BarChart: Encodable, Sendable {
    public struct Bar: Encodable, Sendable {
        public let label: String
        /// The label as drawn: shortened to fit, the full one is in the table and the title.
        public let shortLabel: String
        public let value: Double
        public let valueText: String
        public let y: Int
        public let textY: Int
        public let width: Int
        public let valueX: Int
    }

    public let id: String
    public let title: String
    public let bars: [Bar]
    public let width: Int
    public let height: Int
    /// The height of the bars' area; a mark's label goes below it.
    public let plotHeight: Int
    public let labelWidth: Int
    /// Where the labels end (they are right-aligned before the bars).
    public let labelX: Int
    public let barHeight: Int
    /// A line across the chart (a class threshold), when there is one.
    public let markX: Int?
    public let markLabel: String?
    public let markLabelY: Int

    public static let rowHeight = 26
    public static let plotWidth = 360
    public static let labelCharacters = 30

    /// `maximum`, when given, is the value of a full bar (an index out of 100); otherwise the
    /// largest value is.
    public init(id: String, title: String, values: [(label: String, value: Double, text: String)], maximum: Double? = nil,
                mark: (value: Double, label: String)? = nil) {
        self.id = id
        self.title = title
        let left = 240
        labelWidth = left
        labelX = left - 6
        barHeight = Self.rowHeight - 8
        width = labelWidth + Self.plotWidth + 70
        plotHeight = max(1, values.count) * Self.rowHeight + 8
        height = plotHeight + (mark == nil ? 0 : 16)
        let top = max(maximum ?? 0, values.map(\.value).max() ?? 0, 1)
        func x(_ value: Double) -> Int { Int((max(0, value) / top * Double(Self.plotWidth)).rounded()) }
        bars = values.enumerated().map { index, item in
            let width = x(item.value)
            let short = item.label.count > Self.labelCharacters ? String(item.label.prefix(Self.labelCharacters - 1)) + "…" : item.label
            return Bar(label: item.label, shortLabel: short, value: item.value, valueText: item.text, y: 4 + index * Self.rowHeight,
                       textY: 4 + index * Self.rowHeight + Self.rowHeight / 2 + 1, width: width, valueX: left + width + 6)
        }
        markX = mark.map { left + x($0.value) }
        markLabel = mark?.label
        markLabelY = height - 1
    }
}
