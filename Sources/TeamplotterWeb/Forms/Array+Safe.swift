extension Array {
    /// The element at `index`, or nil outside the array (a place taken from a URL or a form).
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
