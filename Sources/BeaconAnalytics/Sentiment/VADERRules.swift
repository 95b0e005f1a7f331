/// The fixed word lists and empirically derived constants of VADER's rules (Hutto & Gilbert 2014,
/// §3.2), as `vadersentiment` 3.3.2 sets them.
enum VADERRules {
    /// Intensity added by a booster word ("very") or removed by a dampener ("kind of").
    static let boosterIncrement = 0.293
    static let boosterDecrement = -0.293
    /// Intensity added to a sentiment word written in ALL CAPS among mixed-case words.
    static let capsIncrement = 0.733
    /// Factor applied to a negated word's valence.
    static let negationScalar = -0.74

    /// Negation words; any token containing "n't" negates as well.
    static let negations: Set<VADERKey> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Degree adverbs and their increments (boosters +0.293, dampeners −0.293).
    static let boosters: [VADERKey: Double] = {
        let up = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
            "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
            "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
            "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
            "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
            "utter", "utterly", "very",
        ]
        let down = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
            "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely",
            "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
        ]
        var table: [VADERKey: Double] = [:]
        for word in up { table[VADERKey(word)] = boosterIncrement }
        for word in down { table[VADERKey(word)] = boosterDecrement }
        return table
    }()

    /// Idioms and phrases containing lexicon words whose valence replaces the word's.
    static let specialCases: [VADERKey: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]
}
