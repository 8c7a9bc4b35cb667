/// Counts words the way a reader would: runs of letters or digits, so that punctuation,
/// dashes and line breaks never count as words, and "inovasi-inovasi" counts as one.
public enum WordCounter {
    public static func count(_ text: String) -> Int {
        var words = 0
        var inWord = false
        var previousWasHyphen = false
        for character in text {
            if character.isLetter || character.isNumber {
                if !inWord && !previousWasHyphen { words += 1 }
                inWord = true
                previousWasHyphen = false
            } else if character == "-" && inWord {
                // "inovasi-inovasi" and "e-KTP" are one word each.
                inWord = false
                previousWasHyphen = true
            } else if character == "'" || character == "’", inWord {
                continue
            } else {
                inWord = false
                previousWasHyphen = false
            }
        }
        return words
    }
}
