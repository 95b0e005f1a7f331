/// VADER, the rule-based sentiment model of Hutto & Gilbert (2014), reproducing PyPI
/// `vadersentiment` **3.3.2** score for score.
///
/// Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
/// Analysis of Social Media Text. ICWSM-14. Each token's valence comes from the lexicon and is
/// adjusted by the rules of §3.2: ALL CAPS emphasis, preceding boosters and dampeners (up to three
/// words back, weighted 1, 0.95, 0.9), negation (×−0.74), "no", "least", idioms, and the
/// contrastive "but" (words before ×0.5, after ×1.5); "!" (up to four) and "?" (two or more) add
/// emphasis. `compound` is the summed valence normalised by x / √(x² + 15); `neg`, `neu` and `pos`
/// are the shares of negative (each −(v − 1)), neutral (1 each) and positive (v + 1) weight.
///
/// Other packages called "VADER" (NLTK's port, GitHub HEAD) disagree with 3.3.2 on some texts;
/// this type follows 3.3.2 including its quirks, e.g. the "but" rule finds each score by value
/// (`list.index`), so equal scores before "but" are scaled at their first occurrence only.
/// Rounding is Python's `round` (3 decimals, 4 for `compound`). Known divergences: Python lowercases
/// a final capital sigma to "ς" by context where Swift gives "σ", and Python ≥ 3.12 sums with
/// compensation; neither changes a lexicon match, and the second moves sums by an ulp at most.
/// The analyzer is pure and thread-safe.
public struct VADERSentimentAnalyzer: Sendable {
    /// The version of `vadersentiment` whose scores this analyzer reproduces.
    public static let referenceVersion = "3.3.2"

    public let lexicon: VADERLexicon

    /// An analyzer over the given lexicons (by default the ones shipped with Beacon).
    public init(lexicon: VADERLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// The sentiment scores of one text; an empty or all-whitespace text scores `.zero`.
    public func scores(_ text: String) -> SentimentScores {
        let prepared = VADERTokenizer.prepared(text, emojis: lexicon.emojis)
        let list = VADERTokenizer.tokens(of: prepared, table: lexicon.table)
        let tokens = list.tokens
        guard !tokens.isEmpty else { return .zero }
        var uppercaseCount = 0
        for token in tokens where token.isUpper { uppercaseCount += 1 }
        let isCapDifferential = uppercaseCount > 0 && uppercaseCount < tokens.count
        var sentiments: [Double] = []
        sentiments.reserveCapacity(tokens.count)
        for i in tokens.indices {
            if tokens[i].booster != nil
                || (i < tokens.count - 1 && tokens[i].marker == .kind && tokens[i + 1].marker == .of)
            {
                sentiments.append(0)
                continue
            }
            sentiments.append(valence(at: i, of: list, isCapDifferential: isCapDifferential))
        }
        applyContrastiveBut(tokens, to: &sentiments)
        let emphasis =
            list.punctuationCounted
            ? Self.punctuationEmphasis(exclamations: list.exclamations, questions: list.questions)
            : Self.punctuationEmphasis(prepared)
        return Self.scores(sentiments, emphasis: emphasis)
    }

    /// The valence of token `i` after the caps, booster, negation, idiom and "least" rules
    /// (`sentiment_valence`).
    func valence(at i: Int, of list: VADERTokenList, isCapDifferential: Bool) -> Double {
        let tokens = list.tokens
        guard let base = tokens[i].valence else { return 0 }
        var valence = base
        func word(_ j: Int) -> VADERWordTable.Marker { tokens[j].marker }
        if word(i) == .no && i != tokens.count - 1 && tokens[i + 1].valence != nil {
            // "no" negating the next lexicon word rather than carrying its own valence.
            valence = 0
        }
        if (i > 0 && word(i - 1) == .no) || (i > 1 && word(i - 2) == .no)
            || (i > 2 && word(i - 3) == .no && (word(i - 1) == .or || word(i - 1) == .nor))
        {
            valence = base * VADERRules.negationScalar
        }
        if tokens[i].isUpper && isCapDifferential {
            valence += valence > 0 ? VADERRules.capsIncrement : -VADERRules.capsIncrement
        }
        for back in 0..<3 where i > back && tokens[i - (back + 1)].valence == nil {
            var scalar = boosterScalar(tokens[i - (back + 1)], valence: valence, isCapDifferential: isCapDifferential)
            if back == 1 && scalar != 0 { scalar *= 0.95 }
            if back == 2 && scalar != 0 { scalar *= 0.9 }
            valence = valence + scalar
            valence = negationChecked(valence, tokens, back: back, at: i)
            if back == 2 { valence = idiomChecked(valence, list, at: i) }
        }
        return leastChecked(valence, tokens, at: i)
    }

    /// `scalar_inc_dec`: the increment a booster or dampener before a word adds to its valence.
    func boosterScalar(_ token: VADERToken, valence: Double, isCapDifferential: Bool) -> Double {
        guard var scalar = token.booster else { return 0 }
        if valence < 0 { scalar *= -1 }
        if token.isUpper && isCapDifferential {
            scalar += valence > 0 ? VADERRules.capsIncrement : -VADERRules.capsIncrement
        }
        return scalar
    }

    /// `_negation_check`, including "never so/this" (×1.25) and "without doubt" (unchanged).
    func negationChecked(_ valence: Double, _ tokens: [VADERToken], back: Int, at i: Int) -> Double {
        func word(_ j: Int) -> VADERWordTable.Marker { tokens[j].marker }
        switch back {
        case 0:
            return tokens[i - 1].isNegation ? valence * VADERRules.negationScalar : valence
        case 1:
            if word(i - 2) == .never && (word(i - 1) == .so || word(i - 1) == .this) { return valence * 1.25 }
            if word(i - 2) == .without && word(i - 1) == .doubt { return valence }
            return tokens[i - 2].isNegation ? valence * VADERRules.negationScalar : valence
        default:
            // The reference's precedence: (never ∧ (so ∨ this)) ∨ so ∨ this, on different positions.
            if (word(i - 3) == .never && (word(i - 2) == .so || word(i - 2) == .this))
                || word(i - 1) == .so || word(i - 1) == .this
            {
                return valence * 1.25
            }
            if word(i - 3) == .without && (word(i - 2) == .doubt || word(i - 1) == .doubt) { return valence }
            return tokens[i - 3].isNegation ? valence * VADERRules.negationScalar : valence
        }
    }

    /// `_special_idioms_check`: idioms around the word replace its valence; "kind of"-style
    /// dampener bigrams before it add their increment.
    func idiomChecked(_ valence: Double, _ list: VADERTokenList, at i: Int) -> Double {
        var valence = valence
        let tokens = list.tokens
        // Every word of a special case or booster phrase is marked `inPhrase`; a sequence with an
        // unmarked word cannot match, so its string is never built.
        func words(_ range: ClosedRange<Int>) -> VADERKey? {
            guard range.allSatisfy({ tokens[$0].inPhrase }) else { return nil }
            return VADERKey(range.map { list.lower($0) }.joined(separator: " "))
        }
        let oneZero = words((i - 1)...i), twoOneZero = words((i - 2)...i), twoOne = words((i - 2)...(i - 1))
        let threeTwoOne = words((i - 3)...(i - 1)), threeTwo = words((i - 3)...(i - 2))
        for sequence in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let sequence, let special = VADERRules.specialCases[sequence] {
                valence = special
                break
            }
        }
        if tokens.count - 1 > i, let pair = words(i...(i + 1)), let special = VADERRules.specialCases[pair] {
            valence = special
        }
        if tokens.count - 1 > i + 1, let triple = words(i...(i + 2)), let special = VADERRules.specialCases[triple] {
            valence = special
        }
        for gram in [threeTwoOne, threeTwo, twoOne] {
            if let gram, let increment = VADERRules.boosters[gram] { valence = valence + increment }
        }
        return valence
    }

    /// `_least_check`: "least" before a word negates it, except in "at least" and "very least".
    func leastChecked(_ valence: Double, _ tokens: [VADERToken], at i: Int) -> Double {
        guard i > 0, tokens[i - 1].marker == .least, tokens[i - 1].valence == nil else { return valence }
        if i > 1 {
            let before = tokens[i - 2].marker
            return before != .at && before != .very ? valence * VADERRules.negationScalar : valence
        }
        return valence * VADERRules.negationScalar
    }

    /// `_but_check`, quirk included: for each position in order, the first score equal to the
    /// value there is halved if it lies before the first "but" and scaled by 1.5 if after it.
    func applyContrastiveBut(_ tokens: [VADERToken], to sentiments: inout [Double]) {
        guard let butIndex = tokens.firstIndex(where: { $0.marker == .but }) else { return }
        for k in sentiments.indices {
            let value = sentiments[k]
            guard let first = sentiments.firstIndex(of: value) else { continue }
            if first < butIndex {
                sentiments[first] = value * 0.5
            } else if first > butIndex {
                sentiments[first] = value * 1.5
            }
        }
    }

    /// `score_valence`: compound, neg, neu and pos from the token valences and the punctuation
    /// emphasis of the prepared text, rounded as the reference rounds them.
    static func scores(_ sentiments: [Double], emphasis: Double) -> SentimentScores {
        var sum = 0.0
        for sentiment in sentiments { sum += sentiment }
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        var compound = sum / (sum * sum + 15).squareRoot()
        compound = min(max(compound, -1), 1)
        var positive = 0.0, negative = 0.0, neutralCount = 0
        for sentiment in sentiments {
            if sentiment > 0 { positive += sentiment + 1 }
            if sentiment < 0 { negative += sentiment - 1 }
            if sentiment == 0 { neutralCount += 1 }
        }
        if positive > negative.magnitude {
            positive += emphasis
        } else if positive < negative.magnitude {
            negative -= emphasis
        }
        let total = positive + negative.magnitude + Double(neutralCount)
        return SentimentScores(
            neg: (negative / total).magnitude.pythonRounded(digits: 3),
            neu: (Double(neutralCount) / total).magnitude.pythonRounded(digits: 3),
            pos: (positive / total).magnitude.pythonRounded(digits: 3),
            compound: compound.pythonRounded(digits: 4))
    }

    /// Emphasis from punctuation: 0.292 per "!" (at most four), and for two or three "?" 0.18
    /// each, for more 0.96.
    static func punctuationEmphasis(_ text: String) -> Double {
        var exclamations = 0, questions = 0
        for byte in text.utf8 {
            if byte == 0x21 { exclamations += 1 } else if byte == 0x3F { questions += 1 }
        }
        return punctuationEmphasis(exclamations: exclamations, questions: questions)
    }

    /// `punctuationEmphasis(_:)` from the counts of "!" and "?".
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        let exclamation = Double(min(exclamations, 4)) * 0.292
        let question: Double = questions > 1 ? (questions <= 3 ? Double(questions) * 0.18 : 0.96) : 0
        return exclamation + question
    }
}
