namespace KnowledgeEngine.Retrieval;

/// <summary>Splits text into the terms BM25 counts: runs of letters and digits, lower-cased, without
/// the common English words and without tokens that only identify one incident (numbers, hex ids,
/// single characters), which would match nothing in an article but could match by chance.</summary>
internal static class Tokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "for", "from", "has", "have",
        "if", "in", "into", "is", "it", "its", "no", "not", "of", "on", "or", "so", "that", "the", "their", "then", "there",
        "this", "to", "was", "were", "when", "which", "while", "who", "will", "with", "you", "your",
    };

    public static IEnumerable<string> Terms(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var term = text[start..i].ToLowerInvariant();
                start = -1;
                if (Keep(term))
                {
                    yield return term;
                }
            }
        }
    }

    private static bool Keep(string term) =>
        term.Length > 1 && term.Length <= 40 && !StopWords.Contains(term) && !term.All(char.IsAsciiDigit) && !IsHexId(term);

    /// <summary>A hex run of eight or more with a digit in it: a uuid part, a hash, a MAC without separators.</summary>
    private static bool IsHexId(string term) => term.Length >= 8 && term.All(char.IsAsciiHexDigit) && term.Any(char.IsAsciiDigit);
}
