/// The flags `(?imsU)` set; they last until the enclosing group closes.
struct RegexFlags: Sendable, Equatable {
    var foldCase = false
    var multiLine = false
    var dotMatchesNewline = false
    var ungreedy = false
}
