/// How seats are shared out among groups in proportion to their size (§4.3).
public enum ApportionmentMethod: String, Codable, CaseIterable, Sendable {
    /// Largest remainder: floors of the quotas, then one seat each to the largest fractions.
    case hamilton
    /// Sainte-Laguë: the next seat to the largest v/(s + ½).
    case webster
    /// Jefferson: the next seat to the largest v/(s + 1). Favours large groups.
    case dhondt
}

public enum Apportionment {
    /// Seats per group for `seats` seats over groups of the given sizes (in the given order).
    /// Equal remainders or quotients go to the larger group, then by the seeded lottery.
    public static func seats(_ seats: Int, sizes: [(group: String, size: Int)], method: ApportionmentMethod, seed: String = "") -> [String: Int] {
        let total = sizes.reduce(0) { $0 + $1.size }
        var result = Dictionary(uniqueKeysWithValues: sizes.map { ($0.group, 0) })
        guard total > 0, seats > 0 else { return result }
        func ticket(_ group: String) -> String { Lottery.ticket(seed: seed, label: group) }
        func before(_ a: (group: String, size: Int), _ b: (group: String, size: Int)) -> Bool {
            a.size != b.size ? a.size > b.size : ticket(a.group) < ticket(b.group)
        }
        switch method {
        case .hamilton:
            var given = 0
            var remainders: [(group: String, size: Int, fraction: Double)] = []
            for entry in sizes {
                let quota = Double(seats) * Double(entry.size) / Double(total)
                let whole = Int(quota.rounded(.down))
                result[entry.group] = whole
                given += whole
                remainders.append((entry.group, entry.size, quota - Double(whole)))
            }
            remainders.sort { a, b in
                abs(a.fraction - b.fraction) > 1e-12 ? a.fraction > b.fraction : before((a.group, a.size), (b.group, b.size))
            }
            for entry in remainders.prefix(seats - given) { result[entry.group, default: 0] += 1 }
        case .webster, .dhondt:
            let offset = method == .webster ? 0.5 : 1.0
            for _ in 0..<seats {
                let next = sizes.max { a, b in
                    let qa = Double(a.size) / (Double(result[a.group]!) + offset), qb = Double(b.size) / (Double(result[b.group]!) + offset)
                    return abs(qa - qb) > 1e-12 ? qa < qb : !before(a, b)
                }!
                result[next.group]! += 1
            }
        }
        return result
    }
}
