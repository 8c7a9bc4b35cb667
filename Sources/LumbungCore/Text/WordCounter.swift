/// Counts words the way a reader and the proposal rules count them: runs of letters or digits,
/// so that punctuation, dashes and line breaks never count as words; a hyphen between two
/// letters joins ("anak-anak", "inovasi-inovasi", "e-KTP", "COVID-19" are one word each, but
/// "2019-2020" is two); a number
/// written with separators is one word ("2.340", "1.234,5"); an apostrophe inside a word is
/// part of it ("Jum'at"). The form's live count (`app.js`) follows the same rules; this one
/// decides.
public enum WordCounter {
    public static func count(_ text: String) -> Int {
        let characters = Array(text)
        var words = 0
        var inWord = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isLetter || character.isNumber {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, index + 1 < characters.count, joins(characters[index - 1], character, characters[index + 1]) {
                // Still the same word.
            } else {
                inWord = false
            }
            index += 1
        }
        return words
    }

    /// Whether `middle`, between `before` and `after`, keeps one word together.
    static func joins(_ before: Character, _ middle: Character, _ after: Character) -> Bool {
        switch middle {
        case "-", "\u{2010}", "\u{2011}":
            // "anak-anak", "e-KTP", "COVID-19", "3-in-1"; but "2019-2020" is two numbers.
            return (before.isLetter && (after.isLetter || after.isNumber)) || (before.isNumber && after.isLetter)
        case ".", ",": return before.isNumber && after.isNumber
        case "'", "\u{2019}": return before.isLetter && after.isLetter
        default: return false
        }
    }
}
