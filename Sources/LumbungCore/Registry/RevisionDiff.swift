/// A piece of text in a comparison between two revisions.
public struct DiffSegment: Equatable, Sendable {
    public enum Kind: String, Sendable { case same, inserted, removed }
    public let kind: Kind
    public let text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// One field that differs between two revisions.
public struct FieldChange: Equatable, Sendable {
    public let field: ProfileField
    public let before: String
    public let after: String
    /// Word by word, for the long texts; empty for short values shown as before → after.
    public let segments: [DiffSegment]
}

public enum RevisionDiff {
    /// Field by field, in form order, what changed from `old` to `new`.
    public static func changes(from old: InnovationProfile, to new: InnovationProfile) -> [FieldChange] {
        var changes: [FieldChange] = []
        for field in ProfileField.allCases {
            let before = displayValue(of: field, in: old)
            let after = displayValue(of: field, in: new)
            guard before != after else { continue }
            let segments = ProfileField.narrative.contains(field) ? words(from: before, to: after) : []
            changes.append(FieldChange(field: field, before: before, after: after, segments: segments))
        }
        return changes
    }

    /// A word-level comparison (Myers' algorithm, from the standard library), with neighbouring
    /// words of the same kind joined into one segment.
    public static func words(from old: String, to new: String) -> [DiffSegment] {
        let oldWords = old.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let newWords = new.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let difference = newWords.difference(from: oldWords)
        var removedAt = Set<Int>()
        var insertedAt = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removedAt.insert(offset)
            case .insert(let offset, _, _): insertedAt.insert(offset)
            }
        }
        var pieces: [(DiffSegment.Kind, String)] = []
        var i = 0, j = 0
        while i < oldWords.count || j < newWords.count {
            if i < oldWords.count && removedAt.contains(i) {
                pieces.append((.removed, oldWords[i])); i += 1
            } else if j < newWords.count && insertedAt.contains(j) {
                pieces.append((.inserted, newWords[j])); j += 1
            } else {
                pieces.append((.same, newWords[j])); i += 1; j += 1
            }
        }
        var segments: [DiffSegment] = []
        for (kind, word) in pieces {
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1] = DiffSegment(kind, last.text + " " + word)
            } else {
                segments.append(DiffSegment(kind, word))
            }
        }
        return segments
    }

    /// How a field reads in a comparison: codes stay codes, the page puts labels on them.
    static func displayValue(of field: ProfileField, in p: InnovationProfile) -> String {
        switch field {
        case .name: p.name
        case .acronym: p.acronym
        case .agency: ""
        case .category: p.category.rawValue
        case .deliveryMode: p.deliveryMode.rawValue
        case .stage: p.stage.rawValue
        case .initiator: p.initiator.rawValue
        case .mainAffair: p.mainAffair ?? ""
        case .otherAffairs: p.otherAffairs.joined(separator: ", ")
        case .trialStart: p.trialStart ?? ""
        case .implementationStart: p.implementationStart ?? ""
        case .design: p.design
        case .goals: p.goals
        case .benefits: p.benefits
        case .results: p.results
        case .beneficiaries: p.beneficiaries
        case .themes: p.themes.joined(separator: ", ")
        case .sdgs: p.sdgs.map(String.init).joined(separator: ", ")
        case .videoURL: p.videoURL
        case .latitude: p.latitude.map { String($0) } ?? ""
        case .longitude: p.longitude.map { String($0) } ?? ""
        case .replicatedFrom: [p.replicatedFromID.map { "#\($0)" } ?? "", p.replicatedFromName]
            .filter { !$0.isEmpty }.joined(separator: " ")
        }
    }
}
