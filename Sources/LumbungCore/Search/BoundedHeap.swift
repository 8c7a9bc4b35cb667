/// The best `capacity` of the elements offered, in an order given with each call: a heap whose
/// root is the last of the best so far, so that most offers cost one comparison.
struct BoundedHeap<Element> {
    let capacity: Int
    private(set) var elements: [Element] = []

    init(capacity: Int) {
        self.capacity = capacity
        elements.reserveCapacity(capacity)
    }

    var isFull: Bool { elements.count >= capacity }
    /// The last of the best so far.
    var worst: Element? { elements.first }

    mutating func offer(_ element: Element, by before: (Element, Element) -> Bool) {
        guard capacity > 0 else { return }
        if elements.count < capacity {
            elements.append(element)
            var child = elements.count - 1
            while child > 0, before(elements[(child - 1) / 2], elements[child]) {
                elements.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        } else if before(element, elements[0]) {
            elements[0] = element
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < elements.count && before(elements[worst], elements[left]) { worst = left }
                if right < elements.count && before(elements[worst], elements[right]) { worst = right }
                if worst == parent { return }
                elements.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    func sorted(by before: (Element, Element) -> Bool) -> [Element] {
        elements.sorted(by: before)
    }
}
